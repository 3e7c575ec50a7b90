"""The "every cache empty" row's app: each worker also keeps no copies of post fragments
(forum.fragments keeps the last ones it used in the process, beside the shared cache)."""

from django.apps import AppConfig


class ColdConfig(AppConfig):
    name = "bench"
    label = "bench_cold"

    def ready(self):
        from forum import fragments  # apps are ready only now

        fragments.COPIES_KEPT = 0  # each copy is dropped as soon as it is kept
