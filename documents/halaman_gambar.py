"""Page images of a version's naskah, for reading on phones: phone browsers
do not show a PDF inside a page, so the public detail page shows the first
pages as images (publicsite.views_halaman serves them) beside the PDF.

Rendered by the task worker (``buat_gambar_halaman_versi``), after the
version's own processing and independently of it: a failure here is logged
and leaves the version's text, thumbnail and status as they are.

Bounded like the thumbnail: at most ``maks_halaman()`` pages
(``JDIH_GAMBAR_HALAMAN_MAKS``, default 20; the page says the rest is in the
PDF), each ``LEBAR`` pixels wide and never more than twice that high
(pdf.skala_thumbnail), so a 2,000-page or strip-shaped PDF costs at most
20 images of 1000×2000 pixels.

WebP, quality 75, method 2 (Pillow's libwebp; every current browser shows
it): an A4 text page at 1000×1415 weighs about 65 KB, a scanned page about
40 KB — half of JPEG at the same quality, a quarter of PNG.

Files live at ``halaman/<versi id>/<run>-<nomor>.webp``; each run writes new
names and then swaps the rows in one transaction, so a reader never gets a
half-written set, and the old files leave storage with their rows
(documents.pembersihan).
"""

import io
import logging
import secrets

import pypdfium2 as pdfium
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from . import pdf
from .models import GambarHalaman, VersiBerkas

log = logging.getLogger(__name__)

LEBAR = 1000
KUALITAS = 75
METODE_WEBP = 2
FORMAT = "webp"
JENIS_MEDIA = "image/webp"


def maks_halaman() -> int:
    return max(0, getattr(settings, "JDIH_GAMBAR_HALAMAN_MAKS", 20))


def render_halaman(data, jumlah: int, lebar: int = LEBAR):
    """(nomor, webp, lebar, tinggi) of the first ``jumlah`` pages, one page in
    memory at a time. ``data``: bytes, a path, or a seekable binary file."""
    dokumen = pdfium.PdfDocument(data)
    try:
        for indeks in range(min(jumlah, len(dokumen))):
            halaman = dokumen[indeks]
            try:
                skala = pdf.skala_thumbnail(halaman.get_width(), halaman.get_height(), lebar)
                gambar = halaman.render(scale=skala).to_pil().convert("RGB")
            finally:
                halaman.close()
            keluaran = io.BytesIO()
            gambar.save(keluaran, format="WEBP", quality=KUALITAS, method=METODE_WEBP)
            yield indeks + 1, keluaran.getvalue(), gambar.width, gambar.height
    finally:
        dokumen.close()


def _hapus_berkas(nama: list[str]) -> None:
    from django.core.files.storage import default_storage

    for n in nama:
        try:
            default_storage.delete(n)
        except OSError:
            log.warning("Berkas %s tidak dapat dihapus", n)


def buat_gambar_halaman(versi: VersiBerkas) -> int:
    """Render and store the page images of ``versi`` (a naskah version),
    replacing any earlier set. Returns how many pages were stored. Raises on a
    broken file; the version itself is never changed."""
    from .stempel import sentuh

    if not versi.produk_id:
        return 0  # lampiran are read from their PDF
    jumlah = min(maks_halaman(), versi.jumlah_halaman)
    run = secrets.token_hex(4)
    baru: list[GambarHalaman] = []
    try:
        with versi.berkas.open("rb") as f:
            data = f.read()
        for nomor, webp, lebar, tinggi in render_halaman(data, jumlah):
            gambar = GambarHalaman(
                versi=versi, nomor=nomor, lebar=lebar, tinggi=tinggi, ukuran=len(webp)
            )
            gambar.berkas.save(f"{run}-{nomor:04d}.{FORMAT}", ContentFile(webp), save=False)
            baru.append(gambar)
        with transaction.atomic():
            # The version's lock orders two runs for one version; the last one wins.
            if not VersiBerkas.objects.select_for_update().filter(pk=versi.pk).exists():
                raise VersiBerkas.DoesNotExist
            # Row by row, so the old files leave storage with their rows.
            for lama in GambarHalaman.objects.filter(versi=versi):
                lama.delete()
            GambarHalaman.objects.bulk_create(baru)
            sentuh(versi.produk_id)  # the detail page shows the new set
    except VersiBerkas.DoesNotExist:
        _hapus_berkas([g.berkas.name for g in baru])
        return 0
    except BaseException:
        _hapus_berkas([g.berkas.name for g in baru])
        raise
    return len(baru)


def jadwalkan_gambar_halaman(versi: VersiBerkas) -> None:
    """Queue the page images of ``versi`` (never raises: page images are an
    extra, a failed queueing must not fail what called it)."""
    if not versi.produk_id or maks_halaman() == 0:
        return
    from .pemrosesan import prioritas
    from .tasks import buat_gambar_halaman_versi

    try:
        # Behind the text of files of the same length: reading comes second.
        prioritas_ = max(-100, prioritas(min(versi.jumlah_halaman, maks_halaman())) - 1)
        buat_gambar_halaman_versi.using(priority=prioritas_).enqueue(versi.pk)
    except Exception:
        log.exception("Gambar halaman versi %s tidak dapat dimasukkan ke antrean", versi.pk)


def versi_tanpa_gambar():
    """Naskah versions the public sees or may see (processed, not failed)
    that have no page images yet."""
    return (
        VersiBerkas.objects.filter(
            produk__isnull=False,
            status_proses=VersiBerkas.StatusProses.SELESAI,
            gambar_halaman__isnull=True,
        )
        .exclude(berkas="")
        .only("pk", "produk_id", "jumlah_halaman")
    )
