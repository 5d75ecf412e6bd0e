"""Processing of a stored version: text layer and first-page thumbnail.

Idempotent: running it again replaces the text and the thumbnail, never adds.
A failure marks the version 'gagal' with the reason; the upload itself stays.
"""

import logging

from django.core.files.base import ContentFile

from . import pdf
from .models import VersiBerkas

log = logging.getLogger(__name__)


def proses_versi(versi: VersiBerkas) -> VersiBerkas:
    Status = VersiBerkas.StatusProses
    VersiBerkas.objects.filter(pk=versi.pk).update(status_proses=Status.DIPROSES, pesan_proses="")
    try:
        with versi.berkas.open("rb") as f:
            data = f.read()
        teks = pdf.ekstrak_teks(data)
        png = pdf.render_thumbnail(data)
        nama_lama = versi.thumbnail.name
        if nama_lama:
            versi.thumbnail.storage.delete(nama_lama)
        versi.thumbnail.save("thumbnail.png", ContentFile(png), save=False)
    except Exception as exc:
        log.exception("Pemrosesan versi %s gagal", versi.pk)
        versi.status_proses = Status.GAGAL
        versi.pesan_proses = f"{type(exc).__name__}: {exc}"[:2000]
        VersiBerkas.objects.filter(pk=versi.pk).update(
            status_proses=versi.status_proses, pesan_proses=versi.pesan_proses
        )
        return versi
    versi.teks = teks
    versi.status_proses = Status.SELESAI
    versi.pesan_proses = ""
    versi.save(update_fields=["teks", "thumbnail", "status_proses", "pesan_proses"])
    return versi


def jadwalkan_pemrosesan(versi: VersiBerkas) -> None:
    """Process ``versi``. Synchronous for now; the task queue takes it later."""
    proses_versi(versi)
