"""Background tasks of the public site (django-tasks; ``manage.py db_worker``)."""

from django_tasks import task

from . import hitungan


@task()
def simpan_hitungan() -> int:
    """Write the views and downloads waiting in the shared cache (and in this
    process): web processes write them themselves every
    JDIH_HITUNGAN_SIMPAN_DETIK seconds while they serve; this task writes
    what a quiet site leaves waiting. Returns the products updated."""
    return hitungan.simpan(paksa=True)
