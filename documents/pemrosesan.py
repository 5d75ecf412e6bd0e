"""Processing of a stored version: text (with OCR for scanned pages) and the
first-page thumbnail, run by the task queue (documents.tasks), never in the
upload request.

States of ``VersiBerkas.status_proses``: menunggu (queued) → diproses →
selesai, or gagal with the reason in ``pesan_proses``. The uploaded file and
its row are never touched by processing, so a failure loses nothing; staff
retry with ``ulangi_pemrosesan``.

Idempotent: a run replaces the text and the thumbnail, never adds to them, and
the thumbnail always lands on the same name (derived from the file's SHA-256),
so running twice leaves one text and one thumbnail file.
"""

import logging
import time

import pypdfium2 as pdfium
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction

from . import ocr, pdf
from .models import VersiBerkas

log = logging.getLogger(__name__)

Status = VersiBerkas.StatusProses

# What the worker writes when it is done; saved through save(update_fields=…)
# so post_save hooks (the search index) see the new text, and so fields staff
# change meanwhile (e.g. diterbitkan_pada) are not overwritten.
FIELD_HASIL = ["teks", "teks_ocr", "thumbnail", "status_proses", "pesan_proses"]


class PemrosesanGagal(Exception):
    """Processing of a version failed; the message is the reason for staff."""


class PemrosesanTidakDapatDiulang(Exception):
    """A retry was asked for a version that is still queued or running."""


def alasan_gagal(exc: BaseException) -> str:
    """The reason staff read on a failed version, in Bahasa Indonesia."""
    if isinstance(exc, ocr.OcrGagal):
        return str(exc)
    if isinstance(exc, pdf.BerkasTidakValid):
        return exc.messages[0]
    if isinstance(exc, pdfium.PdfiumError):
        return (
            "Berkas PDF tidak dapat dibaca saat diproses (rusak atau tidak lengkap). "
            "Unggah ulang berkas yang utuh sebagai versi baru."
        )
    if isinstance(exc, FileNotFoundError):
        return "Berkas PDF versi ini tidak ditemukan di penyimpanan berkas."
    return (
        f"Kesalahan tak terduga saat memproses berkas ({type(exc).__name__}: {exc}). "
        "Coba proses ulang; bila terulang, hubungi admin."
    )[:2000]


def _simpan_thumbnail(versi: VersiBerkas, png: bytes) -> None:
    storage = versi.thumbnail.storage
    tujuan = versi.thumbnail.field.generate_filename(versi, "thumbnail.png")
    # Clear the target name first: storage would otherwise pick a fresh name
    # beside a leftover file and leave the old one orphaned.
    for nama in {versi.thumbnail.name or "", tujuan} - {""}:
        if storage.exists(nama):
            storage.delete(nama)
    versi.thumbnail.save("thumbnail.png", ContentFile(png), save=False)


def _ringkasan(hasil: ocr.HasilTeks) -> str:
    if not hasil.pakai_ocr:
        return ""
    n, total = len(hasil.halaman_ocr), len(hasil.halaman)
    if n == total:
        return f"Teks seluruh {total} halaman dikenali dengan OCR (hasil pindaian)."
    return f"Teks {n} dari {total} halaman dikenali dengan OCR (hasil pindaian)."


def proses_versi(versi: VersiBerkas) -> VersiBerkas:
    """Extract text (OCR where a page has no text layer) and the thumbnail.

    Never raises for a bad file or a failed OCR: the version is marked gagal
    with the reason and returned.
    """
    versi.status_proses, versi.pesan_proses = Status.DIPROSES, ""
    VersiBerkas.objects.filter(pk=versi.pk).update(status_proses=Status.DIPROSES, pesan_proses="")
    mulai = time.monotonic()
    try:
        with versi.berkas.open("rb") as f:
            data = f.read()
        hasil = ocr.teks_dengan_ocr(data)
        png = pdf.render_thumbnail(data)
        _simpan_thumbnail(versi, png)
    except Exception as exc:
        log.exception("Pemrosesan versi %s gagal", versi.pk)
        versi.status_proses, versi.pesan_proses = Status.GAGAL, alasan_gagal(exc)
        # The text and thumbnail of an earlier good run stay as they were.
        VersiBerkas.objects.filter(pk=versi.pk).update(
            status_proses=versi.status_proses, pesan_proses=versi.pesan_proses
        )
        return versi
    versi.teks = hasil.teks
    versi.teks_ocr = hasil.pakai_ocr
    versi.status_proses = Status.SELESAI
    versi.pesan_proses = _ringkasan(hasil)
    try:
        with transaction.atomic():  # a savepoint, so a caller's transaction survives
            versi.save(update_fields=FIELD_HASIL)
    except DatabaseError:
        if VersiBerkas.objects.filter(pk=versi.pk).exists():
            raise
        # Deleted while we worked: nothing to record, and no thumbnail to keep.
        versi.thumbnail.storage.delete(versi.thumbnail.name)
        return versi
    log.info(
        "Versi %s diproses: %s halaman, OCR %s halaman, %.1f detik",
        versi.pk,
        len(hasil.halaman),
        len(hasil.halaman_ocr),
        time.monotonic() - mulai,
    )
    return versi


def jadwalkan_pemrosesan(versi: VersiBerkas) -> None:
    """Queue ``versi`` for the worker (called on commit of the upload).

    The request returns as soon as the task row is written, whatever the page
    count. If even queueing fails the version is marked gagal, so staff see it
    and can retry; the upload stays.
    """
    from .tasks import proses_versi_berkas

    try:
        hasil = proses_versi_berkas.enqueue(versi.pk)
    except Exception as exc:
        log.exception("Versi %s tidak dapat dimasukkan ke antrean", versi.pk)
        versi.status_proses = Status.GAGAL
        versi.pesan_proses = (
            f"Berkas tersimpan, tetapi tidak dapat dimasukkan ke antrean pemrosesan "
            f"({type(exc).__name__}: {exc}). Gunakan Proses ulang."
        )[:2000]
        VersiBerkas.objects.filter(pk=versi.pk).update(
            status_proses=versi.status_proses, pesan_proses=versi.pesan_proses
        )
        return
    if hasil.is_finished:
        # A synchronous backend (tests, ImmediateBackend) has already done the
        # work on another instance: let the caller's object show it.
        versi.refresh_from_db(fields=FIELD_HASIL)


def ulangi_pemrosesan(versi: VersiBerkas, *, paksa: bool = False) -> None:
    """Staff's "Proses ulang": back to menunggu and queued again.

    Allowed for a version that is gagal or selesai. ``paksa`` also takes one
    left in menunggu/diproses (a worker killed mid-task never finishes it).
    One conditional UPDATE decides, so two clicks at once queue it only once.
    Raises PemrosesanTidakDapatDiulang with a message for staff otherwise.
    Queues on commit of the caller's transaction.
    """
    baris = VersiBerkas.objects.filter(pk=versi.pk)
    if not paksa:
        baris = baris.filter(status_proses__in=[Status.GAGAL, Status.SELESAI])
    if not baris.update(status_proses=Status.MENUNGGU, pesan_proses=""):
        raise PemrosesanTidakDapatDiulang(
            "Versi ini masih menunggu atau sedang diproses; tunggu hingga selesai atau gagal."
        )
    versi.status_proses, versi.pesan_proses = Status.MENUNGGU, ""
    transaction.on_commit(lambda: jadwalkan_pemrosesan(versi))
