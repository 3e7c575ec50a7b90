"""Background work for privacy: large exports are built here, beside the service they run."""

from django_tasks import task


@task()
def build_export(export_id):
    from privacy.services import export_build

    export_build(export_id)
