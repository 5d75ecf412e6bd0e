"""Background tasks (django-tasks). In production the database backend
(django-tasks-db) stores them and ``manage.py db_worker`` runs them."""

from django_tasks import task

from .models import VersiBerkas
from .pemrosesan import PemrosesanGagal, proses_versi


@task()
def proses_versi_berkas(versi_id: int) -> str:
    """Text, OCR and thumbnail of one version. Takes the id, not the object:
    arguments are stored as JSON, and the worker must read the current row."""
    versi = VersiBerkas.objects.filter(pk=versi_id).first()
    if versi is None:
        return "dihapus"  # deleted before the worker reached it: nothing to do
    proses_versi(versi)
    if versi.status_proses == VersiBerkas.StatusProses.GAGAL:
        # The version already carries the reason; failing the task as well
        # keeps the queue's own record (and its admin) truthful.
        raise PemrosesanGagal(versi.pesan_proses)
    return versi.status_proses
