"""PDF checks and extraction. Pure functions over files or bytes: no models,
no storage.

pypdf reads the structure (encryption, cross-reference table); PDFium
(pypdfium2) does the heavy work — page count, text, first-page image —
because it is C and keeps a 100-page intake well under a second.

The intake check reads the file where it lies (a temporary upload on disk, a
stored file), never the whole of it into memory: the hash is taken block by
block, pypdf and PDFium seek in the file, and every compressed stream is
inflated block by block only to count its size. PDFium itself inflates a
page's content stream whole when it loads the page (a 1 MB file whose stream
inflates to 1 GB took 2 GB of memory), so a file whose streams inflate past
``JDIH_MAKS_DEKOMPRESI`` is refused before PDFium opens it.
"""

import hashlib
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pypdf
import pypdfium2 as pdfium
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from pypdf import filters as pypdf_filters
from pypdf._utils import read_non_whitespace, skip_over_comment
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, read_object

PDF_MAGIC = b"%PDF-"
THUMBNAIL_LEBAR = 320
# PDF's own largest page side in default user space (200 in, 5.08 m).
MAKS_SISI_PT = 14_400
MIN_SISI_PT = 1
BLOK = 1024 * 1024

BAWAAN_MAKS_HALAMAN = 2000
BAWAAN_MAKS_DEKOMPRESI = 256 * 1024 * 1024
BAWAAN_MAKS_PIKSEL_GAMBAR = 150_000_000  # an A0 map scanned at 300 dpi is 139 MP

_FILTER_GAMBAR = {"/DCTDecode", "/DCT", "/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode", "/CCF"}
_FILTER_FLATE = {"/FlateDecode", "/Fl"}
_FILTER_AHX = {"/ASCIIHexDecode", "/AHx"}
# Decoded whole by pypdf (rare in practice; pypdf bounds their output itself).
_FILTER_LAIN = {
    "/ASCII85Decode": pypdf_filters.ASCII85Decode,
    "/A85": pypdf_filters.ASCII85Decode,
    "/LZWDecode": pypdf_filters.LZWDecode,
    "/LZW": pypdf_filters.LZWDecode,
    "/RunLengthDecode": pypdf_filters.RunLengthDecode,
    "/RL": pypdf_filters.RunLengthDecode,
}
_HEKSA = re.compile(rb"[^0-9A-Fa-f]")
PESAN_RUSAK = "Berkas PDF rusak dan tidak dapat dibaca. Unggah ulang berkas yang utuh."


class BerkasTidakValid(ValidationError):
    """An upload that is not a usable PDF; the message is for the user."""


@dataclass(frozen=True)
class InfoPdf:
    sha256: str
    ukuran: int
    jumlah_halaman: int


def batas_halaman() -> int:
    return getattr(settings, "JDIH_MAKS_HALAMAN", BAWAAN_MAKS_HALAMAN)


def batas_dekompresi() -> int:
    return getattr(settings, "JDIH_MAKS_DEKOMPRESI", BAWAAN_MAKS_DEKOMPRESI)


def batas_piksel_gambar() -> int:
    return getattr(settings, "JDIH_MAKS_PIKSEL_GAMBAR", BAWAAN_MAKS_PIKSEL_GAMBAR)


def periksa_pdf(data: bytes, maks_ukuran: int | None = None) -> InfoPdf:
    """periksa_berkas_pdf for bytes already in memory."""
    return periksa_berkas_pdf(io.BytesIO(data), maks_ukuran)


def periksa_berkas_pdf(berkas: BinaryIO, maks_ukuran: int | None = None) -> InfoPdf:
    """Accept only a real, readable, unencrypted PDF within the limits,
    judged by its content. ``berkas`` is a seekable binary file; it is read
    block by block and left open."""
    maks_ukuran = maks_ukuran or settings.JDIH_MAKS_UKURAN_PDF
    ukuran = berkas.seek(0, io.SEEK_END)
    if not ukuran:
        raise BerkasTidakValid("Berkas kosong (0 bita). Pilih berkas PDF yang berisi naskah.")
    if ukuran > maks_ukuran:
        raise BerkasTidakValid(
            f"Ukuran berkas {filesizeformat(ukuran)} melebihi batas "
            f"{filesizeformat(maks_ukuran)}. Perkecil berkas (mis. pindai ulang 150 dpi)."
        )
    berkas.seek(0)
    # The PDF spec lets the header sit anywhere in the first 1024 bytes.
    if PDF_MAGIC not in berkas.read(1024):
        raise BerkasTidakValid(
            "Berkas bukan PDF. Isinya tidak diawali tanda PDF — mungkin gambar atau dokumen "
            "lain yang diberi nama .pdf. Ekspor atau pindai naskah sebagai PDF."
        )
    berkas.seek(max(0, ukuran - 2048))
    if b"%%EOF" not in berkas.read():
        raise BerkasTidakValid(
            "Berkas PDF terpotong atau rusak (akhir berkas tidak ditemukan). "
            "Unggah ulang berkas yang utuh."
        )
    sha256 = _sha256(berkas)
    berkas.seek(0)
    try:
        reader = pypdf.PdfReader(berkas, strict=False)
        terenkripsi = reader.is_encrypted
    except Exception as exc:
        raise BerkasTidakValid(PESAN_RUSAK) from exc
    if terenkripsi:
        raise BerkasTidakValid(
            "Berkas PDF terkunci dengan kata sandi/enkripsi. Simpan ulang tanpa kata sandi, "
            "lalu unggah kembali."
        )
    # Before PDFium opens anything: it would inflate what it loads in full.
    _periksa_aliran(reader, berkas)
    jumlah_halaman = _periksa_halaman(berkas)
    return InfoPdf(sha256=sha256, ukuran=ukuran, jumlah_halaman=jumlah_halaman)


def _sha256(berkas: BinaryIO) -> str:
    berkas.seek(0)
    h = hashlib.sha256()
    while blok := berkas.read(BLOK):
        h.update(blok)
    return h.hexdigest()


def _periksa_halaman(berkas: BinaryIO) -> int:
    berkas.seek(0)
    maks_halaman = batas_halaman()
    try:
        dokumen = pdfium.PdfDocument(berkas)
    except Exception as exc:
        raise BerkasTidakValid(PESAN_RUSAK) from exc
    try:
        jumlah_halaman = len(dokumen)
        if jumlah_halaman == 0:
            raise BerkasTidakValid("Berkas PDF tidak memiliki halaman.")
        if jumlah_halaman > maks_halaman:
            raise BerkasTidakValid(
                f"Berkas PDF berisi {_ribuan(jumlah_halaman)} halaman, melebihi batas "
                f"{_ribuan(maks_halaman)} halaman. Pecah naskah menjadi beberapa lampiran."
            )
        for indeks in range(jumlah_halaman):
            # The page dictionary only: no content is parsed here.
            lebar, tinggi = dokumen.get_page_size(indeks)
            if max(lebar, tinggi) > MAKS_SISI_PT or min(lebar, tinggi) < MIN_SISI_PT:
                raise BerkasTidakValid(
                    f"Ukuran halaman {indeks + 1} tidak wajar ({_cm(lebar)} × {_cm(tinggi)} cm); "
                    f"sisi halaman PDF paling panjang {_cm(MAKS_SISI_PT)} cm. "
                    "Periksa pengaturan halaman saat mengekspor atau memindai."
                )
        dokumen[0].close()  # loading page 1 proves the page tree is sound
    except BerkasTidakValid:
        raise
    except Exception as exc:
        raise BerkasTidakValid(PESAN_RUSAK) from exc
    finally:
        dokumen.close()
    return jumlah_halaman


def _ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _cm(pt: float) -> str:
    return f"{pt / 72 * 2.54:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


# --- decompression bound ------------------------------------------------------


class _MelebihiAnggaran(Exception):
    pass


def _periksa_aliran(reader: pypdf.PdfReader, berkas: BinaryIO) -> None:
    """Refuse a file whose compressed streams inflate past the budget, or
    with an image declared larger than the pixel limit; count only, keep
    nothing (a block of output at a time).

    Streams are never inside object streams, so every one of them is an
    object the cross-reference table gives an offset for.
    """
    sisa = batas_dekompresi()
    maks_piksel = batas_piksel_gambar()
    for tabel in list(reader.xref.values()):
        for offset in list(tabel.values()):
            try:
                aliran = _kepala_aliran(reader, berkas, offset)
            except LimitReachedError as exc:
                raise BerkasTidakValid(PESAN_RUSAK) from exc
            except Exception:
                # Not readable where the table says: PDFium cannot use it either.
                continue
            if aliran is None:
                continue
            kamus, awal, panjang = aliran
            if _nilai(kamus.get("/Subtype")) == "/Image":
                _periksa_gambar(kamus, maks_piksel)
                continue
            saringan = _daftar_filter(kamus)
            if not saringan:
                continue
            try:
                sisa -= _ukuran_terurai(berkas, awal, panjang, saringan, sisa)
            except _MelebihiAnggaran:
                sisa = -1
            if sisa < 0:
                raise BerkasTidakValid(
                    "Isi terkompresi berkas PDF ini mengembang melebihi batas "
                    f"{filesizeformat(batas_dekompresi())} saat dibuka, jauh di atas naskah "
                    "yang wajar; berkas ditolak. Cetak ulang ke PDF dari aplikasi aslinya."
                )


def _nilai(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _kepala_aliran(reader, berkas, offset) -> tuple[DictionaryObject, int, int | None] | None:
    """(dictionary, offset of the data, /Length) of the stream object at
    ``offset``, or None when the object there is not a stream. The data
    itself is not read."""
    berkas.seek(offset)
    reader.read_object_header(berkas)
    if berkas.read(2) != b"<<":
        return None
    kamus = DictionaryObject()
    for _ in range(10_000):
        tanda = read_non_whitespace(berkas)
        if tanda == b"%":
            berkas.seek(-1, io.SEEK_CUR)
            skip_over_comment(berkas)
            continue
        if not tanda:
            return None
        if tanda == b">":
            berkas.read(1)
            break
        berkas.seek(-1, io.SEEK_CUR)
        kunci = read_object(berkas, reader)
        read_non_whitespace(berkas)
        berkas.seek(-1, io.SEEK_CUR)
        kamus[kunci] = read_object(berkas, reader)
    else:
        raise LimitReachedError("Kamus objek terlalu besar.")
    if read_non_whitespace(berkas) != b"s" or berkas.read(5) != b"tream":
        return None
    akhir_baris = berkas.read(2)
    if akhir_baris == b"\r\n":
        awal = berkas.tell()
    elif akhir_baris[:1] in (b"\n", b"\r"):
        awal = berkas.tell() - 1
    else:
        awal = berkas.tell() - 2
    # Resolving /Length may move the shared file; the data offset is known now.
    panjang = _nilai(kamus.get("/Length"))
    return kamus, awal, panjang if isinstance(panjang, int) and panjang >= 0 else None


def _daftar_filter(kamus) -> list[str]:
    saringan = _nilai(kamus.get("/Filter"))
    if isinstance(saringan, ArrayObject):
        return [str(_nilai(s)) for s in saringan]
    return [str(saringan)] if saringan else []


def _periksa_gambar(kamus, maks_piksel: int) -> None:
    lebar, tinggi = _nilai(kamus.get("/Width")), _nilai(kamus.get("/Height"))
    if isinstance(lebar, int) and isinstance(tinggi, int) and lebar * tinggi > maks_piksel:
        raise BerkasTidakValid(
            f"Gambar di dalam PDF berukuran {_ribuan(lebar)} × {_ribuan(tinggi)} piksel, "
            f"melebihi batas {maks_piksel // 1_000_000} megapiksel. Pindai ulang dengan "
            "resolusi lebih rendah (mis. 300 dpi)."
        )


def _ukuran_terurai(berkas, awal: int, panjang: int | None, saringan, batas: int) -> int:
    """Bytes the stream decodes to through its non-image filters, counted a
    block at a time; raises _MelebihiAnggaran once past ``batas``."""
    berkas.seek(awal)
    aliran = _mentah(berkas, panjang)
    for nama in saringan:
        if nama in _FILTER_GAMBAR:
            break  # pixels: bounded by the image's declared size
        if nama in _FILTER_FLATE:
            aliran = _flate(aliran)
        elif nama in _FILTER_AHX:
            aliran = _ascii_hex(aliran)
        elif nama in _FILTER_LAIN:
            aliran = _utuh(aliran, _FILTER_LAIN[nama], batas)
        else:
            break  # unknown to PDFium too: nothing is decoded
    jumlah = 0
    for potongan in aliran:
        jumlah += len(potongan)
        if jumlah > batas:
            raise _MelebihiAnggaran
    return jumlah


def _mentah(berkas, panjang: int | None):
    sisa = panjang if panjang is not None else float("inf")
    while sisa > 0:
        blok = berkas.read(int(min(BLOK, sisa)))
        if not blok:
            return
        sisa -= len(blok)
        yield blok


def _flate(masukan):
    pengurai = zlib.decompressobj()
    for blok in masukan:
        while blok:
            try:
                keluaran = pengurai.decompress(blok, BLOK)
            except zlib.error:
                return  # PDFium stops at a damaged stream too
            yield keluaran
            if pengurai.eof:
                return
            blok = pengurai.unconsumed_tail


def _ascii_hex(masukan):
    sisa = b""
    for blok in masukan:
        akhir = blok.find(b">")
        digit = sisa + _HEKSA.sub(b"", blok if akhir < 0 else blok[:akhir])
        genap = len(digit) - len(digit) % 2
        yield bytes.fromhex(digit[:genap].decode())
        sisa = digit[genap:]
        if akhir >= 0:
            return


def _utuh(masukan, penyaring, batas: int):
    terkumpul = bytearray()
    for blok in masukan:
        terkumpul += blok
        if len(terkumpul) > batas:
            raise _MelebihiAnggaran
    try:
        yield penyaring.decode(bytes(terkumpul))
    except LimitReachedError as exc:
        raise _MelebihiAnggaran from exc
    except Exception:
        return


# --- extraction -------------------------------------------------------------------


def _dokumen(sumber) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(Path(sumber) if isinstance(sumber, str) else sumber)


def ekstrak_teks_per_halaman(data) -> list[str]:
    """The text layer of every page ('' for a page with none, e.g. a scan).
    ``data``: bytes, a path, or a seekable binary file."""
    dokumen = _dokumen(data)
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


def ekstrak_teks(data) -> str:
    return "\n\n".join(t for t in ekstrak_teks_per_halaman(data) if t)


def skala_thumbnail(lebar_pt: float, tinggi_pt: float, lebar: int = THUMBNAIL_LEBAR) -> float:
    """The render scale that fits a page ``lebar`` pixels wide, unless that
    would make it more than twice as high: a strip page (1×5000 pt) then
    gives a strip, not a 320×1,600,000 bitmap."""
    return min(lebar / max(lebar_pt, MIN_SISI_PT), 2 * lebar / max(tinggi_pt, MIN_SISI_PT))


def render_thumbnail(data, lebar: int = THUMBNAIL_LEBAR) -> bytes:
    """PNG of page 1, ``lebar`` pixels wide (a very tall page: at most twice
    that high). ``data``: bytes, a path, or a seekable binary file."""
    dokumen = _dokumen(data)
    try:
        halaman = dokumen[0]
        skala = skala_thumbnail(halaman.get_width(), halaman.get_height(), lebar)
        gambar = halaman.render(scale=skala).to_pil()
        halaman.close()
    finally:
        dokumen.close()
    keluaran = io.BytesIO()
    gambar.convert("RGB").save(keluaran, format="PNG", optimize=True)
    return keluaran.getvalue()
