"""The text of a draft Keputusan: its PDF, the comparison of two drafts, and templates.

Pure functions, no models. A draft is edited in the browser as plain-text fields
(judul, menimbang, mengingat, memutuskan, lampiran); every field holds one item per
line or per paragraph. A blank line separates paragraphs; a line that starts with
"a." "b." "1." "(1)" "I." starts an item; in memutuskan a line "Menetapkan : ..." gives
the Menetapkan text and lines "KESATU : ...", "KEDUA : ..." start the Diktum.

``render_pdf`` lays the draft out as the Tata Naskah Dinas has a Keputusan;
``banding``/``banding_draf`` compare two drafts side by side (safe HTML);
``isi_templat`` fills ``{judul}``-style placeholders in a template text.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass
from typing import NamedTuple
from xml.sax.saxutils import escape as _escape_xml

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

__all__ = [
    "BarisBanding",
    "BidangBanding",
    "NaskahDraf",
    "banding",
    "banding_draf",
    "isi_templat",
    "render_pdf",
]


@dataclass(frozen=True)
class NaskahDraf:
    teu_badan: str  # "Komisi Pemilihan Umum Kabupaten Sorong Selatan"
    judul: str
    menimbang: str
    mengingat: str
    memutuskan: str
    lampiran: str = ""
    nomor: str = ""  # empty while a draft: printed "NOMOR ... (belum bernomor)"
    tempat: str = ""
    tanggal: str = ""  # already formatted Indonesian date, or ""
    jabatan_penandatangan: str = "KETUA"
    nama_penandatangan: str = ""
    tanda_draf: str = "DRAF"  # watermark and page-header marker; "" for none
    revisi: int | None = None


# ---------------------------------------------------------------------------
# Reading the plain-text fields
# ---------------------------------------------------------------------------

# "a." "b)" "1." "12)" "(1)" "(a)" "I." "iv." followed by white space.
_PENANDA = re.compile(
    r"^(?P<penanda>\((?:[a-zA-Z]|\d{1,3})\)|(?:[a-zA-Z]|\d{1,3}|[ivxlc]{2,6}|[IVXLC]{2,6})[.)])"
    r"(?:\s+(?P<isi>.*))?$"
)
_ORDINAL = r"(?:SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN)"
_DIKTUM = re.compile(
    rf"^(?P<label>PERTAMA|KE(?:{_ORDINAL}|SEPULUH|SEBELAS)"
    rf"(?:\s+(?:BELAS|PULUH(?:\s+{_ORDINAL})?))?)\s*:\s*(?P<isi>.*)$",
    re.IGNORECASE,
)
# "Menetapkan : ...", "Menetapkan" alone, or "Menetapkan KEPUTUSAN ..." without the colon;
# not "Menetapkan susunan panitia ...", which is the text of a Diktum.
_MENETAPKAN = re.compile(r"^menetapkan\s*(?::\s*|$|(?=KEPUTUSAN\b))(?P<isi>.*)$", re.IGNORECASE)
_MEMUTUSKAN = re.compile(r"^memutuskan\s*:?\s*$", re.IGNORECASE)
_KONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class _Butir:
    penanda: str | None
    teks: str

    def sambung(self, baris: str) -> None:
        self.teks = f"{self.teks} {baris}" if self.teks else baris


@dataclass
class _Diktum:
    label: str | None
    isi: list[_Butir]


def _bersih(teks: str | None) -> str:
    """Line endings to \\n, tabs to spaces, other control characters dropped."""
    teks = (teks or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _KONTROL.sub("", teks)


def _satu_baris(teks: str | None) -> str:
    return " ".join(_bersih(teks).split())


def _paragraf(teks: str) -> list[list[str]]:
    """Blank-line separated paragraphs, each a list of stripped, non-empty lines."""
    hasil: list[list[str]] = [[]]
    for baris in _bersih(teks).split("\n"):
        baris = " ".join(baris.split())
        if baris:
            hasil[-1].append(baris)
        elif hasil[-1]:
            hasil.append([])
    return [p for p in hasil if p]


def _butir(teks: str, buang_label: str = "") -> list[_Butir]:
    """Items of a Menimbang/Mengingat field.

    A marker line starts an item. Other lines continue the item before them when
    the field is written in paragraphs (has blank lines) or uses markers; otherwise
    every line is an item of its own.
    """
    paragraf = _paragraf(teks)
    if buang_label and paragraf:
        # The user pasted "Menimbang : a. bahwa ..." from an old Keputusan.
        pertama = re.sub(rf"^{buang_label}\s*:\s*", "", paragraf[0][0], flags=re.IGNORECASE)
        paragraf[0][0] = pertama
        if not pertama:
            paragraf[0].pop(0)
            paragraf = [p for p in paragraf if p]
    pakai_penanda = any(_PENANDA.match(b) for p in paragraf for b in p)
    sambung = pakai_penanda or len(paragraf) > 1
    hasil: list[_Butir] = []
    for p in paragraf:
        kini: _Butir | None = None
        for baris in p:
            cocok = _PENANDA.match(baris)
            if cocok:
                kini = _Butir(cocok["penanda"], cocok["isi"] or "")
                hasil.append(kini)
            elif kini is not None and sambung:
                kini.sambung(baris)
            else:
                kini = _Butir(None, baris)
                hasil.append(kini)
    return hasil


def _beri_penanda(butir: list[_Butir], huruf: bool) -> list[_Butir]:
    """Letters (a., b., ...) or numbers (1., 2., ...) when the user wrote none.

    A single item keeps no marker, as the Tata Naskah Dinas has it.
    """
    if len(butir) < 2 or any(b.penanda for b in butir):
        return butir
    return [
        _Butir(_huruf_ke(i) + "." if huruf else f"{i + 1}.", b.teks) for i, b in enumerate(butir)
    ]


def _huruf_ke(i: int) -> str:
    """a..z, then aa, bb, ... as legal drafting letters items past z."""
    return chr(ord("a") + i % 26) * (i // 26 + 1)


def _memutuskan(teks: str) -> tuple[str | None, list[_Diktum]]:
    """The Menetapkan text (None when not written) and the Diktum blocks."""
    paragraf = _paragraf(teks)
    sambung_paragraf = len(paragraf) > 1
    menetapkan: str | None = None
    diktum: list[_Diktum] = []
    for p in paragraf:
        kini: _Diktum | None = None
        dalam_menetapkan = False
        for baris in p:
            if _MEMUTUSKAN.match(baris):
                continue
            cocok_tetap = _MENETAPKAN.match(baris)
            cocok_diktum = _DIKTUM.match(baris)
            cocok_butir = _PENANDA.match(baris)
            if cocok_tetap and menetapkan is None:
                menetapkan = cocok_tetap["isi"]
                dalam_menetapkan, kini = True, None
            elif cocok_diktum:
                kini = _Diktum(cocok_diktum["label"].upper(), [_Butir(None, cocok_diktum["isi"])])
                diktum.append(kini)
                dalam_menetapkan = False
            elif dalam_menetapkan and (sambung_paragraf or not menetapkan):
                menetapkan = f"{menetapkan} {baris}" if menetapkan else baris
            elif cocok_butir:
                if kini is None:
                    kini = _Diktum(None, [])
                    diktum.append(kini)
                kini.isi.append(_Butir(cocok_butir["penanda"], cocok_butir["isi"] or ""))
                dalam_menetapkan = False
            elif kini is not None and (sambung_paragraf or kini.label or kini.isi[-1].penanda):
                kini.isi[-1].sambung(baris)
            else:
                kini = _Diktum(None, [_Butir(None, baris)])
                diktum.append(kini)
                dalam_menetapkan = False
    return menetapkan, diktum


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------

_HURUF = "Times-Roman"
_HURUF_TEBAL = "Times-Bold"
_UKURAN = 12
_SPASI = 15
_KIRI, _KANAN, _ATAS, _BAWAH = 2.5 * cm, 2 * cm, 2.5 * cm, 2.2 * cm
_LEBAR_TEKS = A4[0] - _KIRI - _KANAN
_LEBAR_TTD = 8.2 * cm
_BELUM = "..."

_GAYA_DASAR = ParagraphStyle(
    "naskah", fontName=_HURUF, fontSize=_UKURAN, leading=_SPASI, alignment=TA_JUSTIFY
)
_GAYA_TENGAH = ParagraphStyle("tengah", parent=_GAYA_DASAR, alignment=TA_CENTER)
_GAYA_JUDUL = ParagraphStyle("judul", parent=_GAYA_TENGAH, fontName=_HURUF_TEBAL)
_GAYA_KIRI = ParagraphStyle("kiri", parent=_GAYA_DASAR, alignment=TA_LEFT)
_GAYA_TTD = ParagraphStyle("ttd", parent=_GAYA_KIRI)


def _e(teks: str | None) -> str:
    """User text made safe for a reportlab Paragraph (which parses markup)."""
    return _escape_xml(_bersih(teks))


def _p(teks: str, gaya: ParagraphStyle = _GAYA_DASAR, **kw) -> Paragraph:
    """A Paragraph of already-escaped text."""
    return Paragraph(teks, gaya, **kw)


def _gaya_butir(lebar_penanda: float) -> ParagraphStyle:
    return ParagraphStyle(
        f"butir{lebar_penanda:.0f}",
        parent=_GAYA_DASAR,
        leftIndent=lebar_penanda,
        bulletIndent=0,
        bulletFontName=_HURUF,
        bulletFontSize=_UKURAN,
    )


def _para_butir(b: _Butir, gaya_butir: ParagraphStyle, tebal: bool = False) -> Paragraph:
    isi = _e(b.teks) or "&nbsp;"
    if tebal:
        isi = f"<b>{isi}</b>"
    if b.penanda:
        # The marker comes from _PENANDA: letters, digits, "." ")" "(" only.
        return _p(isi, gaya_butir, bulletText=b.penanda)
    return _p(isi, ParagraphStyle("tanpa", parent=gaya_butir, leftIndent=0))


def _lebar_penanda(semua: list[_Butir]) -> float:
    lebar = max((stringWidth(b.penanda, _HURUF, _UKURAN) for b in semua if b.penanda), default=0.0)
    return max(0.7 * cm, lebar + 6)


def _tabel_berlabel(baris: list[tuple[str, str, list]], lebar_label: float) -> Table:
    """Rows of label | ":" | flowables, the grid of Menimbang, Mengingat and the Diktum."""
    lebar_titik = 0.45 * cm
    data = [[_p(_e(label), _GAYA_KIRI) if label else "", titik, isi] for label, titik, isi in baris]
    tabel = Table(
        data,
        colWidths=[lebar_label, lebar_titik, _LEBAR_TEKS - lebar_label - lebar_titik],
        hAlign="LEFT",
        splitInRow=1,
    )
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), _HURUF),
                ("FONTSIZE", (0, 0), (-1, -1), _UKURAN),
                ("LEADING", (0, 0), (-1, -1), _SPASI),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return tabel


def _bagian(label: str, butir: list[_Butir], lebar_label: float) -> Table:
    """Menimbang / Mengingat: the label, ":" and the items with a hanging indent."""
    if not butir:
        butir = [_Butir(None, _BELUM)]
    gaya = _gaya_butir(_lebar_penanda(butir))
    baris = [
        (label if i == 0 else "", ":" if i == 0 else "", [_para_butir(b, gaya)])
        for i, b in enumerate(butir)
    ]
    return _tabel_berlabel(baris, lebar_label)


def _nomor(nomor: str) -> str:
    nomor = re.sub(r"^nomor\s*:?\s*", "", _satu_baris(nomor), flags=re.IGNORECASE)
    return nomor


def _jabatan(naskah: NaskahDraf, teu: str) -> str:
    jabatan = _satu_baris(naskah.jabatan_penandatangan).rstrip(",")
    if teu and teu not in jabatan.upper():
        jabatan = f"{jabatan} {teu}".strip()
    return jabatan + ","


def _tanda_tangan(naskah: NaskahDraf, teu: str) -> KeepTogether:
    """Ditetapkan di ..., pada tanggal ..., the office, room to sign, the name."""
    nama = _satu_baris(naskah.nama_penandatangan)
    blok = [
        _p(f"Ditetapkan di {_e(_satu_baris(naskah.tempat)) or _BELUM}", _GAYA_TTD),
        _p(f"pada tanggal {_e(_satu_baris(naskah.tanggal)) or _BELUM}", _GAYA_TTD),
        Spacer(1, _SPASI),
        _p(_e(_jabatan(naskah, teu)), _GAYA_TTD),
        Spacer(1, 4 * _SPASI),
        _p(_e(nama) if nama else "." * 40, _GAYA_TTD),
    ]
    tabel = Table([["", blok]], colWidths=[_LEBAR_TEKS - _LEBAR_TTD, _LEBAR_TTD], hAlign="LEFT")
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, _SPASI), tabel])


def _kepala_lampiran(teu: str, nomor: str, judul: str) -> Table:
    blok = [
        _p("LAMPIRAN", _GAYA_TTD),
        _p(_e(f"KEPUTUSAN {teu}"), _GAYA_TTD),
        _p(_e(f"NOMOR {nomor or _BELUM}"), _GAYA_TTD),
        _p("TENTANG", _GAYA_TTD),
        _p(_e(judul), _GAYA_TTD),
    ]
    tabel = Table([["", blok]], colWidths=[_LEBAR_TEKS - _LEBAR_TTD, _LEBAR_TTD], hAlign="LEFT")
    tabel.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return tabel


def _judul_bagian(teks: str) -> bool:
    """A short line in capitals ("BAB I", "PENDAHULUAN") is a heading in a Lampiran."""
    return len(teks) <= 90 and teks == teks.upper() and any(c.isalpha() for c in teks)


def _isi_lampiran(teks: str) -> list:
    """Every line of a Lampiran as the user wrote it: headings, items, paragraphs."""
    baris_semua = _bersih(teks).split("\n")
    butir = [
        _Butir(c["penanda"], c["isi"] or "") if (c := _PENANDA.match(b.strip())) else None
        for b in baris_semua
    ]
    gaya = _gaya_butir(_lebar_penanda([b for b in butir if b]))
    hasil: list = []
    for baris, b in zip(baris_semua, butir, strict=True):
        baris = " ".join(baris.split())
        if not baris:
            hasil.append(Spacer(1, _SPASI / 2))
        elif b is not None:
            hasil.append(_para_butir(b, gaya, tebal=_judul_bagian(b.teks)))
        elif _judul_bagian(baris):
            hasil.append(_p(_e(baris), _GAYA_JUDUL))
        else:
            hasil.append(_p(_e(baris)))
    return hasil


def _cerita(naskah: NaskahDraf) -> list:
    teu = _satu_baris(naskah.teu_badan).upper()
    judul = re.sub(r"^tentang\s+", "", _satu_baris(naskah.judul), flags=re.IGNORECASE).upper()
    nomor = _nomor(naskah.nomor)
    menimbang = _beri_penanda(_butir(naskah.menimbang, "menimbang"), huruf=True)
    mengingat = _beri_penanda(_butir(naskah.mengingat, "mengingat"), huruf=False)
    menetapkan, diktum = _memutuskan(naskah.memutuskan)
    if not menetapkan:
        menetapkan = f"KEPUTUSAN {teu} TENTANG {judul or _BELUM}."

    label = ["Menimbang", "Mengingat", "Menetapkan"] + [d.label for d in diktum if d.label]
    lebar_label = max(2.7 * cm, max(stringWidth(x, _HURUF, _UKURAN) for x in label) + 8)

    cerita: list = [
        _p(_e(f"KEPUTUSAN {teu}"), _GAYA_JUDUL),
        _p(_e(f"NOMOR {nomor}") if nomor else f"NOMOR {_BELUM} (belum bernomor)", _GAYA_JUDUL),
        Spacer(1, _SPASI / 2),
        _p("TENTANG", _GAYA_JUDUL),
        _p(_e(judul) or _BELUM, _GAYA_JUDUL),
        Spacer(1, _SPASI),
        _p("DENGAN RAHMAT TUHAN YANG MAHA ESA", _GAYA_JUDUL),
        Spacer(1, _SPASI / 2),
        _p(_e(f"{teu},"), _GAYA_JUDUL),
        Spacer(1, _SPASI),
        _bagian("Menimbang", menimbang, lebar_label),
        Spacer(1, _SPASI / 2),
        _bagian("Mengingat", mengingat, lebar_label),
        Spacer(1, _SPASI),
        _p("MEMUTUSKAN:", _GAYA_JUDUL),
        Spacer(1, _SPASI / 2),
    ]
    semua_butir = [b for d in diktum for b in d.isi]
    gaya = _gaya_butir(_lebar_penanda(semua_butir))
    baris = [("Menetapkan", ":", [_p(_e(menetapkan))])]
    for d in diktum:
        baris.append((d.label or "", ":" if d.label else "", [_para_butir(b, gaya) for b in d.isi]))
    cerita.append(_tabel_berlabel(baris, lebar_label))
    cerita.append(_tanda_tangan(naskah, teu))

    if _bersih(naskah.lampiran).strip():
        cerita += [
            PageBreak(),
            _kepala_lampiran(teu, nomor, judul),
            Spacer(1, 1.5 * _SPASI),
            *_isi_lampiran(naskah.lampiran),
            _tanda_tangan(naskah, teu),
        ]
    return cerita


def _kanvas(cap_air: str, tanda: str):
    """A canvas that knows the page count: marker on top, "Halaman x dari y" below."""

    class _Kanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._halaman: list[dict] = []

        def showPage(self):
            self._halaman.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            jumlah = len(self._halaman)
            for keadaan in self._halaman:
                self.__dict__.update(keadaan)
                self._hiasan(jumlah)
                super().showPage()
            super().save()

        def _hiasan(self, jumlah: int) -> None:
            lebar, tinggi = A4
            self.saveState()
            if cap_air:
                self._cap_air(lebar, tinggi)
            if tanda:
                self.setFont(_HURUF_TEBAL, 9)
                self.setFillColor(colors.HexColor("#a31515"))
                self.setStrokeColor(colors.HexColor("#a31515"))
                w = stringWidth(tanda, _HURUF_TEBAL, 9)
                x, y = lebar - _KANAN - w, tinggi - 1.3 * cm
                self.rect(x - 4, y - 3, w + 8, 13, stroke=1, fill=0)
                self.drawString(x, y, tanda)
            self.setFont(_HURUF, 9)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawCentredString(lebar / 2, 1.2 * cm, f"Halaman {self._pageNumber} dari {jumlah}")
            self.restoreState()

        def _cap_air(self, lebar: float, tinggi: float) -> None:
            diagonal = (lebar**2 + tinggi**2) ** 0.5
            ukuran = min(130.0, 0.7 * diagonal / stringWidth(cap_air, _HURUF_TEBAL, 1))
            self.saveState()
            self.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.16))
            self.translate(lebar / 2, tinggi / 2)
            self.rotate(55)
            self.setFont(_HURUF_TEBAL, ukuran)
            self.drawCentredString(0, -ukuran / 3, cap_air)
            self.restoreState()

    return _Kanvas


def render_pdf(naskah: NaskahDraf) -> bytes:
    """The draft as an A4 PDF Keputusan (Tata Naskah Dinas layout, Times fonts)."""
    cap_air = tanda = _satu_baris(naskah.tanda_draf)
    if tanda and naskah.revisi is not None:
        tanda = f"{tanda} — revisi {naskah.revisi}"
    teu = _satu_baris(naskah.teu_badan)
    keluaran = io.BytesIO()
    dokumen = BaseDocTemplate(
        keluaran,
        pagesize=A4,
        leftMargin=_KIRI,
        rightMargin=_KANAN,
        topMargin=_ATAS,
        bottomMargin=_BAWAH,
        title=f"Keputusan {teu} tentang {_satu_baris(naskah.judul)}".strip(),
        author=teu,
        subject=tanda,
        creator="JDIH KPU",
        invariant=1,
    )
    # No frame padding: the tables are exactly as wide as the text.
    bingkai = Frame(
        _KIRI,
        _BAWAH,
        _LEBAR_TEKS,
        A4[1] - _ATAS - _BAWAH,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="isi",
    )
    dokumen.addPageTemplates([PageTemplate(id="naskah", frames=[bingkai])])
    dokumen.build(_cerita(naskah), canvasmaker=_kanvas(cap_air, tanda))
    return keluaran.getvalue()


# ---------------------------------------------------------------------------
# Comparing two drafts
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisBanding:
    """One row of a side-by-side comparison; kiri/kanan are safe HTML."""

    kiri: SafeString
    kanan: SafeString
    jenis: str  # "sama" | "ubah" | "hapus" | "tambah"
    nomor_kiri: int | None = None  # 1-based line number in the old text
    nomor_kanan: int | None = None  # 1-based line number in the new text


class BidangBanding(NamedTuple):
    label: str
    baris: list[BarisBanding]
    berubah: bool


LABEL_BIDANG = {
    "judul": "Judul",
    "menimbang": "Menimbang",
    "mengingat": "Mengingat",
    "memutuskan": "Memutuskan",
    "lampiran": "Lampiran",
}

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_MIRIP = 0.5  # below this two changed lines are shown as removed + added
_BATAS_PASANGAN = 2500  # larger replace blocks are paired line by line


def _baris(teks: str | None) -> list[str]:
    teks = (teks or "").replace("\r\n", "\n").replace("\r", "\n")
    baris = [b.rstrip() for b in teks.split("\n")]
    while baris and not baris[-1]:
        baris.pop()
    return baris


def _banding_kata(lama: str, baru: str) -> tuple[SafeString, SafeString]:
    """The two lines with deleted words in <del> (left) and inserted words in <ins> (right)."""
    a, b = _TOKEN.findall(lama), _TOKEN.findall(baru)
    potongan: list[list] = []  # [tag, a_tokens, b_tokens]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        potongan.append([tag, a[i1:i2], b[j1:j2]])
    # A space alone between two changes joins them: "<del>dua kata</del>", not two.
    gabung: list[list] = []
    for i, (tag, ta, tb) in enumerate(potongan):
        antara = 0 < i < len(potongan) - 1 and tag == "equal" and "".join(ta).isspace()
        if antara and potongan[i - 1][0] != "equal" and potongan[i + 1][0] != "equal":
            tag = "replace"
        if gabung and tag != "equal" and gabung[-1][0] != "equal":
            gabung[-1] = ["replace", gabung[-1][1] + ta, gabung[-1][2] + tb]
        else:
            gabung.append([tag, ta, tb])
    kiri, kanan = [], []
    for tag, ta, tb in gabung:
        if tag == "equal":
            kiri.append(escape("".join(ta)))
            kanan.append(escape("".join(tb)))
            continue
        kiri.append(_tandai("del", "".join(ta)))
        kanan.append(_tandai("ins", "".join(tb)))
    return mark_safe("".join(kiri)), mark_safe("".join(kanan))


def _tandai(tag: str, teks: str) -> str:
    """``<tag>teks</tag>`` escaped, with the spaces around the words left outside."""
    inti = teks.strip()
    if not inti:
        return escape(teks)
    awal = teks[: len(teks) - len(teks.lstrip())]
    akhir = teks[len(teks.rstrip()) :]
    return f"{escape(awal)}<{tag}>{escape(inti)}</{tag}>{escape(akhir)}"


def _dihapus(baris: str, nomor: int) -> BarisBanding:
    isi = mark_safe(_tandai("del", baris))
    return BarisBanding(isi, mark_safe(""), "hapus", nomor, None)


def _ditambah(baris: str, nomor: int) -> BarisBanding:
    isi = mark_safe(_tandai("ins", baris))
    return BarisBanding(mark_safe(""), isi, "tambah", None, nomor)


def _diubah(a: str, b: str, na: int, nb: int) -> BarisBanding:
    kiri, kanan = _banding_kata(a, b)
    return BarisBanding(kiri, kanan, "ubah", na, nb)


def _ganti(a: list[str], b: list[str], a0: int, b0: int) -> list[BarisBanding]:
    """A block of changed lines: pair the most similar lines, the rest removed/added.

    Like difflib.Differ's fancy replace: find the closest pair, show it as a changed
    line, and do the same on both sides of it.
    """
    if not a:
        return [_ditambah(x, b0 + j + 1) for j, x in enumerate(b)]
    if not b:
        return [_dihapus(x, a0 + i + 1) for i, x in enumerate(a)]
    if len(a) * len(b) > _BATAS_PASANGAN:
        n = min(len(a), len(b))
        hasil = [_diubah(a[k], b[k], a0 + k + 1, b0 + k + 1) for k in range(n)]
        hasil += [_dihapus(x, a0 + k + 1) for k, x in enumerate(a[n:], start=n)]
        hasil += [_ditambah(x, b0 + k + 1) for k, x in enumerate(b[n:], start=n)]
        return hasil
    terbaik, bi, bj = _MIRIP - 1e-9, -1, -1
    sm = difflib.SequenceMatcher(autojunk=False)
    for j, y in enumerate(b):
        sm.set_seq2(y)
        for i, x in enumerate(a):
            sm.set_seq1(x)
            if sm.real_quick_ratio() > terbaik and sm.quick_ratio() > terbaik:
                rasio = sm.ratio()
                if rasio > terbaik:
                    terbaik, bi, bj = rasio, i, j
    if bi < 0:
        return [_dihapus(x, a0 + i + 1) for i, x in enumerate(a)] + [
            _ditambah(y, b0 + j + 1) for j, y in enumerate(b)
        ]
    return (
        _ganti(a[:bi], b[:bj], a0, b0)
        + [_diubah(a[bi], b[bj], a0 + bi + 1, b0 + bj + 1)]
        + _ganti(a[bi + 1 :], b[bj + 1 :], a0 + bi + 1, b0 + bj + 1)
    )


def banding(lama: str, baru: str) -> list[BarisBanding]:
    """Side-by-side comparison of two texts, line aligned, changed words marked.

    ``kiri``/``kanan`` are escaped HTML: deleted words in ``<del>`` on the left,
    inserted words in ``<ins>`` on the right; a removed line is all ``<del>``, an
    added one all ``<ins>``; the empty side of such a row is "".
    """
    a, b = _baris(lama), _baris(baru)
    hasil: list[BarisBanding] = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                isi = escape(a[i1 + k])
                hasil.append(BarisBanding(isi, isi, "sama", i1 + k + 1, j1 + k + 1))
        else:
            hasil += _ganti(a[i1:i2], b[j1:j2], i1, j1)
    return hasil


def banding_draf(
    a: dict,
    b: dict,
    bidang=("judul", "menimbang", "mengingat", "memutuskan", "lampiran"),
) -> list[BidangBanding]:
    """Each field of two drafts compared: (label, rows, berubah) in ``bidang`` order."""
    hasil = []
    for nama in bidang:
        lama, baru = a.get(nama), b.get(nama)
        lama = "" if lama is None else str(lama)
        baru = "" if baru is None else str(baru)
        baris = banding(lama, baru)
        berubah = any(x.jenis != "sama" for x in baris)
        label = LABEL_BIDANG.get(nama, nama.replace("_", " ").capitalize())
        hasil.append(BidangBanding(label, baris, berubah))
    return hasil


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------

_TEMPAT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def isi_templat(teks: str, nilai: dict[str, str]) -> str:
    """``{judul}``, ``{tahun}``, ... replaced by ``nilai``; anything else left as written.

    Unknown placeholders, stray or unbalanced braces and format specs such as
    ``{0}`` or ``{x:>5}`` stay as they are; replaced values are not expanded again.
    """

    def ganti(cocok: re.Match) -> str:
        kunci = cocok[1]
        if kunci not in nilai or nilai[kunci] is None:
            return cocok[0]
        return str(nilai[kunci])

    return _TEMPAT.sub(ganti, teks or "")
