"""Background tasks (django-tasks). In production the database backend
(django-tasks-db) stores them and ``manage.py db_worker`` runs them."""

from django_tasks import task

from . import halaman_gambar, pemrosesan
from .models import VersiBerkas
from .pemrosesan import PemrosesanGagal, proses_versi


@task()
def proses_versi_berkas(versi_id: int) -> str:
    """Text, OCR and thumbnail of one version. Takes the id, not the object:
    arguments are stored as JSON, and the worker must read the current row.

    Enqueued with a priority by page count (``pemrosesan.prioritas``)."""
    # The sweep keeps itself going; this revives it should a worker have died
    # in the very moment it ran.
    pemrosesan.pastikan_sapuan()
    versi = VersiBerkas.objects.filter(pk=versi_id).first()
    if versi is None:
        return "dihapus"  # deleted before the worker reached it: nothing to do
    proses_versi(versi)
    if versi.status_proses == VersiBerkas.StatusProses.GAGAL:
        # The version already carries the reason; failing the task as well
        # keeps the queue's own record (and its admin) truthful.
        raise PemrosesanGagal(versi.pesan_proses)
    return versi.status_proses


@task(priority=pemrosesan.PRIORITAS_SAPU)
def sapu_pemrosesan_berkala() -> dict:
    """Queue again what dead workers left behind (see pemrosesan.sapu_pemrosesan).

    The next sweep is scheduled first, while anything is in flight, so a
    worker killed during this one leaves its successor queued."""
    if pemrosesan.ada_yang_berjalan():
        pemrosesan.pastikan_sapuan()
    hasil = pemrosesan.sapu_pemrosesan()
    return {kunci: len(pk) for kunci, pk in hasil.items()}


@task()
def buat_gambar_halaman_versi(versi_id: int) -> int | str:
    """Page images of one naskah version for reading on phones (see
    documents.halaman_gambar); queued after the version's processing. A
    failure fails this task only, never the version."""
    versi = VersiBerkas.objects.filter(pk=versi_id).first()
    if versi is None:
        return "dihapus"
    return halaman_gambar.buat_gambar_halaman(versi)
