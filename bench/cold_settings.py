"""The app's settings with every shared cache empty on every request: the bench's "every cache empty" row.

The default cache (pages, post fragments, topic versions, the home page's category list) is a
DummyCache, which stores nothing, and the workers keep no copies of post fragments of their own
(bench/cold_app.py), so each request renders every post and the whole page. The
"strict" alias (buffered view counts) stays Redis, as in production. Only the bench uses this
module (`gunicorn config.wsgi` with DJANGO_SETTINGS_MODULE=bench.cold_settings).
"""

from config.settings import *  # noqa: F403
from config.settings import CACHES, INSTALLED_APPS

CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
INSTALLED_APPS = [*INSTALLED_APPS, "bench.cold_app.ColdConfig"]
