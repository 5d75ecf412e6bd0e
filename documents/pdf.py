"""PDF checks and extraction. Pure functions over bytes: no models, no storage.

pypdf reads the structure (encryption, trailer); PDFium (pypdfium2) does the
heavy work — page count, text, first-page image — because it is C and keeps a
100-page intake well under a second.
"""

import hashlib
import io
from dataclasses import dataclass

import pypdf
import pypdfium2 as pdfium
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

PDF_MAGIC = b"%PDF-"
THUMBNAIL_LEBAR = 320


class BerkasTidakValid(ValidationError):
    """An upload that is not a usable PDF; the message is for the user."""


@dataclass(frozen=True)
class InfoPdf:
    sha256: str
    ukuran: int
    jumlah_halaman: int


def periksa_pdf(data: bytes, maks_ukuran: int | None = None) -> InfoPdf:
    """Accept only a real, readable, unencrypted PDF, judged by its content."""
    maks_ukuran = maks_ukuran or settings.JDIH_MAKS_UKURAN_PDF
    if not data:
        raise BerkasTidakValid("Berkas kosong (0 bita). Pilih berkas PDF yang berisi naskah.")
    if len(data) > maks_ukuran:
        raise BerkasTidakValid(
            f"Ukuran berkas {filesizeformat(len(data))} melebihi batas "
            f"{filesizeformat(maks_ukuran)}. Perkecil berkas (mis. pindai ulang 150 dpi)."
        )
    # The PDF spec lets the header sit anywhere in the first 1024 bytes.
    if PDF_MAGIC not in data[:1024]:
        raise BerkasTidakValid(
            "Berkas bukan PDF. Isinya tidak diawali tanda PDF — mungkin gambar atau dokumen "
            "lain yang diberi nama .pdf. Ekspor atau pindai naskah sebagai PDF."
        )
    if b"%%EOF" not in data[-2048:]:
        raise BerkasTidakValid(
            "Berkas PDF terpotong atau rusak (akhir berkas tidak ditemukan). "
            "Unggah ulang berkas yang utuh."
        )
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        terenkripsi = reader.is_encrypted
    except Exception as exc:
        raise BerkasTidakValid(
            "Berkas PDF rusak dan tidak dapat dibaca. Unggah ulang berkas yang utuh."
        ) from exc
    if terenkripsi:
        raise BerkasTidakValid(
            "Berkas PDF terkunci dengan kata sandi/enkripsi. Simpan ulang tanpa kata sandi, "
            "lalu unggah kembali."
        )
    try:
        dokumen = pdfium.PdfDocument(data)
        try:
            jumlah_halaman = len(dokumen)
            if jumlah_halaman:
                dokumen[0].close()  # loading page 1 proves the page tree is sound
        finally:
            dokumen.close()
    except Exception as exc:
        raise BerkasTidakValid(
            "Berkas PDF rusak dan tidak dapat dibaca. Unggah ulang berkas yang utuh."
        ) from exc
    if jumlah_halaman == 0:
        raise BerkasTidakValid("Berkas PDF tidak memiliki halaman.")
    return InfoPdf(
        sha256=hashlib.sha256(data).hexdigest(), ukuran=len(data), jumlah_halaman=jumlah_halaman
    )


def ekstrak_teks_per_halaman(data: bytes) -> list[str]:
    """The text layer of every page ('' for a page with none, e.g. a scan)."""
    dokumen = pdfium.PdfDocument(data)
    try:
        hasil = []
        for halaman in dokumen:
            teks_halaman = halaman.get_textpage()
            hasil.append(teks_halaman.get_text_bounded().replace("\r\n", "\n").strip())
            teks_halaman.close()
            halaman.close()
        return hasil
    finally:
        dokumen.close()


def ekstrak_teks(data: bytes) -> str:
    return "\n\n".join(t for t in ekstrak_teks_per_halaman(data) if t)


def render_thumbnail(data: bytes, lebar: int = THUMBNAIL_LEBAR) -> bytes:
    """PNG of page 1, ``lebar`` pixels wide."""
    dokumen = pdfium.PdfDocument(data)
    try:
        halaman = dokumen[0]
        skala = lebar / halaman.get_width()
        gambar = halaman.render(scale=skala).to_pil()
        halaman.close()
    finally:
        dokumen.close()
    keluaran = io.BytesIO()
    gambar.convert("RGB").save(keluaran, format="PNG", optimize=True)
    return keluaran.getvalue()
