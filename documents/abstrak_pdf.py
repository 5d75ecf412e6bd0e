"""The structured abstrak of a product as the national JDIH abstract sheet
(the ILDIS form), an A4 PDF:

    PEMILIHAN UMUM — PEMUTAKHIRAN DATA PEMILIH                      2024
    KEPKPU NO. 12/HK.03-Kpt/2024
    PENETAPAN DAFTAR PEMILIH TETAP ...
    T.E.U. badan; tempat, tanggal penetapan; sumber : x hlm.
    ABSTRAK:  – pokok isi, one per line of ``abstrak``
    CATATAN:  – Dasar hukum: the lines of ``abstrak_dasar_hukum``
              – each line of ``abstrak_catatan``

Pure: the record in, PDF bytes out; no request, no storage. Text is set in
the bundled Noto Sans (static/fonts/) so Indonesian text renders the same on
every server, and every part flows: a long point wraps (an unbroken token is
cut between characters) and continues on the next page, the labels stay in
their own column.
"""

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, HRFlowable, Paragraph, SimpleDocTemplate, Spacer

from . import kosakata

FOLDER_HURUF = Path(__file__).resolve().parent.parent / "static" / "fonts"
HURUF = "NotoSans"
HURUF_TEBAL = "NotoSans-Bold"

BULAN = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()

TEPI = 20 * mm
KOLOM_LABEL = 27 * mm  # "ABSTRAK:" / "CATATAN:" column
KOLOM_TAHUN = 24 * mm
TINTA = Color(0.11, 0.11, 0.11)
ABU = Color(0.35, 0.35, 0.35)

# Control characters (a pasted form feed, a NUL) mean nothing on paper and
# trip the PDF text layer; tabs and the like become spaces.
_KENDALI = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SPASI = re.compile(r"[\t\x0b\x0c\r\x85\u2028\u2029 ]+")
# Lines are what the textarea makes; a stray form feed is not a new point.
_BARIS = re.compile(r"\r\n|\r|\n")
# Staff often type their own list marks; the sheet draws its own.
_TANDA_DAFTAR = re.compile(r"^(?:[-–—•*·]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class IsiAbstrak:
    """Everything the sheet shows, already worded; its repr is what the
    public view digests into the cache key."""

    judul_dokumen: str  # the PDF's Title metadata
    kepala: str
    tahun: str
    identitas: str
    judul: str
    keterangan: tuple[str, ...]
    pokok: tuple[str, ...]
    dasar_hukum: tuple[str, ...]
    catatan: tuple[str, ...]


def bersihkan(teks: str) -> str:
    return _SPASI.sub(" ", _KENDALI.sub("", teks or "")).strip()


def baris(teks: str) -> list[str]:
    """The non-empty lines of a one-per-line field, without typed list marks."""
    hasil = []
    for b in _BARIS.split(teks or ""):
        b = _TANDA_DAFTAR.sub("", bersihkan(b), count=1)
        if b:
            hasil.append(b)
    return hasil


def kepala(produk) -> str:
    """The heading: the subjek, joined with an em dash (cased as stored)."""
    return " — ".join(bersihkan(s) for s in kosakata.pisah_subjek(produk.subjek))


def identitas(produk) -> str:
    """Singkatan jenis and nomor, with the year only when the nomor lacks it."""
    nomor = bersihkan(produk.nomor)
    tahun = "" if nomor.endswith(str(produk.tahun)) else f" TAHUN {produk.tahun}"
    return f"{bersihkan(produk.jenis.singkatan)} NO. {nomor}{tahun}"


def tanggal_panjang(tanggal) -> str:
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


_BELUM = object()


def jumlah_halaman(produk):
    """Pages of the published naskah. A view may annotate
    ``jumlah_halaman_terbit`` to spare the query."""
    nilai = getattr(produk, "jumlah_halaman_terbit", _BELUM)
    if nilai is _BELUM:
        versi = produk.versi_terbit()
        nilai = versi.jumlah_halaman if versi else None
    return nilai


def isi_abstrak(produk) -> IsiAbstrak:
    keterangan = []
    if produk.teu_badan:
        keterangan.append(bersihkan(produk.teu_badan))
    tempat_tanggal = [bersihkan(produk.tempat_penetapan)]
    if produk.tanggal_penetapan:
        tempat_tanggal.append(tanggal_panjang(produk.tanggal_penetapan))
    if any(tempat_tanggal):
        keterangan.append(", ".join(t for t in tempat_tanggal if t))
    halaman = jumlah_halaman(produk)
    sumber = [bersihkan(produk.sumber)] + ([f"{halaman} hlm."] if halaman else [])
    if any(sumber):
        keterangan.append(" : ".join(t for t in sumber if t))
    return IsiAbstrak(
        judul_dokumen=bersihkan(f"Abstrak {produk}"),
        kepala=kepala(produk).upper(),
        tahun=str(produk.tahun),
        identitas=identitas(produk),
        judul=bersihkan(produk.judul).upper(),
        keterangan=tuple(keterangan),
        pokok=tuple(baris(produk.abstrak)),
        dasar_hukum=tuple(baris(produk.abstrak_dasar_hukum)),
        catatan=tuple(baris(produk.abstrak_catatan)),
    )


# --- layout -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _daftarkan_huruf() -> None:
    pdfmetrics.registerFont(TTFont(HURUF, str(FOLDER_HURUF / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(HURUF_TEBAL, str(FOLDER_HURUF / "NotoSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(HURUF, normal=HURUF, bold=HURUF_TEBAL)


def _gaya(nama, **kw) -> ParagraphStyle:
    dasar = dict(fontName=HURUF, fontSize=10, leading=13.5, textColor=TINTA, splitLongWords=1)
    return ParagraphStyle(nama, **{**dasar, **kw})


@lru_cache(maxsize=1)
def _gaya_semua() -> dict[str, ParagraphStyle]:
    return {
        "kepala": _gaya("kepala", fontName=HURUF_TEBAL, fontSize=11, leading=14.5),
        "tahun": _gaya(
            "tahun", fontName=HURUF_TEBAL, fontSize=11, leading=14.5, alignment=TA_RIGHT
        ),
        "identitas": _gaya("identitas", fontName=HURUF_TEBAL, spaceBefore=8),
        "judul": _gaya("judul", fontName=HURUF_TEBAL, spaceBefore=4),
        "keterangan": _gaya("keterangan", fontSize=9.5, leading=12.5, textColor=ABU),
        "label": _gaya("label", fontName=HURUF_TEBAL),
        "butir": _gaya("butir", leftIndent=11, bulletIndent=0, spaceAfter=3),
        # "Dasar hukum:" never ends a page without its first entry.
        "induk": _gaya("induk", leftIndent=11, bulletIndent=0, spaceAfter=2, keepWithNext=1),
        "anak": _gaya("anak", leftIndent=31, bulletIndent=11, spaceAfter=2),
    }


def _p(teks, gaya, bullet=None) -> Paragraph:
    return Paragraph(escape(teks), gaya, bulletText=bullet)


class _Berkolom(Flowable):
    """A flowable with a short text beside its first fragment: the
    "ABSTRAK:" label on the left of a point, the year on the right of the
    heading. Splits like its content, so a long point still flows on."""

    def __init__(self, isi, kiri=None, kanan=None, lebar_kiri=0.0, lebar_kanan=0.0):
        super().__init__()
        self.isi, self.kiri, self.kanan = isi, kiri, kanan
        self.lebar_kiri, self.lebar_kanan = lebar_kiri, lebar_kanan

    def _lebar_isi(self, lebar):
        return lebar - self.lebar_kiri - self.lebar_kanan

    def wrap(self, lebar, tinggi):
        _, t = self.isi.wrap(self._lebar_isi(lebar), tinggi)
        samping = [
            p.wrap(w, tinggi)[1]
            for p, w in ((self.kiri, self.lebar_kiri), (self.kanan, self.lebar_kanan))
            if p is not None
        ]
        self.width, self.height = lebar, max([t, *samping])
        return self.width, self.height

    def split(self, lebar, tinggi):
        bagian = self.isi.split(self._lebar_isi(lebar), tinggi)
        if not bagian:
            return []
        pertama = _Berkolom(bagian[0], self.kiri, self.kanan, self.lebar_kiri, self.lebar_kanan)
        sisa = [_Berkolom(b, None, None, self.lebar_kiri, self.lebar_kanan) for b in bagian[1:]]
        return [pertama, *sisa]

    def getSpaceBefore(self):
        return self.isi.getSpaceBefore()

    def getSpaceAfter(self):
        return self.isi.getSpaceAfter()

    def getKeepWithNext(self):
        return self.isi.getKeepWithNext()

    def draw(self):
        _, t = self.isi.wrap(self._lebar_isi(self.width), self.height)
        self.isi.drawOn(self.canv, self.lebar_kiri, self.height - t)
        if self.kiri is not None:
            _, tk = self.kiri.wrap(self.lebar_kiri, self.height)
            self.kiri.drawOn(self.canv, 0, self.height - tk)
        if self.kanan is not None:
            _, tk = self.kanan.wrap(self.lebar_kanan, self.height)
            self.kanan.drawOn(self.canv, self.width - self.lebar_kanan, self.height - tk)


def _bagian(label: str, butir: list[Flowable]) -> list[Flowable]:
    gaya = _gaya_semua()["label"]
    return [
        _Berkolom(b, kiri=_p(label, gaya) if i == 0 else None, lebar_kiri=KOLOM_LABEL)
        for i, b in enumerate(butir)
    ]


def _cerita(isi: IsiAbstrak) -> list[Flowable]:
    g = _gaya_semua()
    hasil = [
        _Berkolom(
            _p(isi.kepala or " ", g["kepala"]),
            kanan=_p(isi.tahun, g["tahun"]),
            lebar_kanan=KOLOM_TAHUN,
        ),
        HRFlowable(width="100%", thickness=0.8, color=TINTA, spaceBefore=3, spaceAfter=0),
        _p(isi.identitas, g["identitas"]),
        _p(isi.judul, g["judul"]),
        Spacer(1, 4),
        *[_p(k, g["keterangan"]) for k in isi.keterangan],
        Spacer(1, 12),
    ]
    hasil += _bagian("ABSTRAK:", [_p(b, g["butir"], "–") for b in isi.pokok])
    catatan = []
    if isi.dasar_hukum:
        catatan.append(_p("Dasar hukum:", g["induk"], "–"))
        catatan += [_p(d, g["anak"], f"{i}.") for i, d in enumerate(isi.dasar_hukum, 1)]
    catatan += [_p(c, g["butir"], "–") for c in isi.catatan]
    if catatan:
        hasil += [Spacer(1, 8), *_bagian("CATATAN:", catatan)]
    return hasil


def _kaki_halaman(judul_dokumen):
    def gambar(canv, doc):
        canv.saveState()
        canv.setFont(HURUF, 8)
        canv.setFillColor(ABU)
        y = TEPI / 2
        lebar = A4[0] - 2 * TEPI - 25 * mm
        teks = f"JDIH KPU · Lembar {judul_dokumen[:1].lower()}{judul_dokumen[1:]}"
        while teks and pdfmetrics.stringWidth(teks, HURUF, 8) > lebar:
            teks = teks[:-2] + "…"
        canv.drawString(TEPI, y, teks)
        canv.drawRightString(A4[0] - TEPI, y, f"Halaman {doc.page}")
        canv.restoreState()

    return gambar


def gambar_abstrak(isi: IsiAbstrak) -> bytes:
    _daftarkan_huruf()
    keluar = io.BytesIO()
    doc = SimpleDocTemplate(
        keluar,
        pagesize=A4,
        leftMargin=TEPI,
        rightMargin=TEPI,
        topMargin=TEPI,
        bottomMargin=TEPI,
        title=isi.judul_dokumen,
        author="JDIH KPU",
        creator="JDIH KPU",
        lang="id-ID",
        displayDocTitle=1,
        # The same record gives the same bytes: no timestamp, no random id.
        invariant=1,
    )
    kaki = _kaki_halaman(isi.judul_dokumen)
    doc.build(_cerita(isi), onFirstPage=kaki, onLaterPages=kaki)
    return keluar.getvalue()


def buat_abstrak_pdf(produk) -> bytes:
    """The abstrak sheet of ``produk`` (with ``jenis`` loaded) as A4 PDF bytes."""
    return gambar_abstrak(isi_abstrak(produk))
