"""The document's text made readable for the extractor: lines with their page,
page numbers and running headers/footers gone, the Lampiran cut off, and
OCR's letter-for-digit confusions repaired inside numbers.

Pure functions over a string: no models. The text arrives as
``VersiBerkas.teks``: pages joined by a blank line (documents.ocr.HasilTeks),
or by a form feed ``\\f`` when the caller kept the pages apart; with form
feeds the page of each line is known.
"""

import re
import unicodedata
from dataclasses import dataclass

# The head of a document says what it is, the end of its body who signed it
# and when. A 20-page text PDF is ~60,000 characters; past this the rest is
# Lampiran tables and is not read (the time per document stays bounded).
MAKS_KARAKTER = 300_000
MAKS_BARIS = 6_000

_KONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# "2", "- 2 -", "Halaman 2 dari 5", "hal. 3", "2/5": a page number, not text.
_NOMOR_HALAMAN = re.compile(
    r"^[-–—.\s]*(?:hal(?:aman|\.)?\s*)?\d{1,4}(?:\s*(?:dari|/)\s*\d{1,4})?[-–—\s]*$",
    re.IGNORECASE,
)
# The first line of a Lampiran (after the body's signature): LAMPIRAN,
# "LAMPIRAN I", "LAMPIRAN KEPUTUSAN …", "LAMPIRAN — HALAMAN 1".
_LAMPIRAN = re.compile(r"^LAMPIRAN(?:\b|$)")
_DITETAPKAN = re.compile(r"^ditetapkan\s+di\b", re.IGNORECASE)
_MEMUTUSKAN = re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b", re.IGNORECASE)


@dataclass(frozen=True)
class Baris:
    teks: str
    halaman: int | None  # 1-based when the pages were kept apart


def bersihkan(teks: str) -> str:
    teks = unicodedata.normalize("NFKC", teks)
    teks = teks.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    teks = teks.replace("\u00ad", "")  # soft hyphen
    return _KONTROL.sub("", teks)


def _satu_spasi(baris: str) -> str:
    return " ".join(baris.split())


def _kunci_berulang(baris: str) -> str:
    # A running footer differs from page to page only by its numbers.
    return re.sub(r"\d+", "#", baris.casefold())


def _buang_kepala_kaki(halaman: list[list[str]]) -> list[list[str]]:
    """Lines printed at the top or bottom of most pages (a running header,
    "Salinan Keputusan … halaman 3") are not the document's text."""
    if len(halaman) < 3:
        return halaman
    hitung: dict[str, int] = {}
    for baris in halaman:
        for b in {*baris[:2], *baris[-2:]}:
            hitung[_kunci_berulang(b)] = hitung.get(_kunci_berulang(b), 0) + 1
    batas = max(3, (len(halaman) + 1) // 2)
    berulang = {k for k, n in hitung.items() if n >= batas}
    if not berulang:
        return halaman
    hasil = []
    for baris in halaman:
        tepi = set(range(min(2, len(baris)))) | set(range(max(0, len(baris) - 2), len(baris)))
        hasil.append(
            [b for i, b in enumerate(baris) if not (i in tepi and _kunci_berulang(b) in berulang)]
        )
    return hasil


def _potong_lampiran(daftar: list[Baris]) -> list[Baris]:
    """The main body ends where its Lampiran begins: after the signature
    (``Ditetapkan di``) or, when none was read, after MEMUTUSKAN at the top
    of a page. Lampiran tables (often two columns) would only mislead."""
    ditetapkan = memutuskan = None
    for i, b in enumerate(daftar):
        if ditetapkan is None and _DITETAPKAN.match(b.teks):
            ditetapkan = i
        if memutuskan is None and _MEMUTUSKAN.match(b.teks):
            memutuskan = i
        if not _LAMPIRAN.match(b.teks) or len(b.teks) > 160:
            continue
        if ditetapkan is not None and i > ditetapkan:
            return daftar[:i]
        if ditetapkan is None and memutuskan is not None and i > memutuskan:
            awal_halaman = i == 0 or daftar[i - 1].halaman != b.halaman
            if awal_halaman or b.halaman is None:
                return daftar[:i]
    return daftar


def baris_dokumen(teks: str) -> list[Baris]:
    """The body's lines, single-spaced, without empty lines, page numbers,
    running headers/footers or Lampiran."""
    teks = bersihkan(teks or "")[:MAKS_KARAKTER]
    bagian = teks.split("\f")
    berhalaman = len(bagian) > 1
    halaman = [
        [s for b in h.split("\n") if (s := _satu_spasi(b)) and not _NOMOR_HALAMAN.match(s)]
        for h in bagian
    ]
    daftar = [
        Baris(b, n if berhalaman else None) for n, isi in enumerate(halaman, start=1) for b in isi
    ][:MAKS_BARIS]
    daftar = _potong_lampiran(daftar)
    if berhalaman:
        per_halaman: dict[int, list[str]] = {}
        for b in daftar:
            per_halaman.setdefault(b.halaman, []).append(b.teks)
        urut = sorted(per_halaman)
        bersih = _buang_kepala_kaki([per_halaman[n] for n in urut])
        daftar = [Baris(t, n) for n, isi in zip(urut, bersih, strict=True) for t in isi]
    return daftar


# --- OCR repairs inside numbers ---------------------------------------------------

_HURUF_ANGKA = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}


def betulkan_angka(teks: str) -> str:
    """``5O/HK.O3.1-Kpt/92O4/KPU-Kab/2O23`` → ``50/HK.03.1-Kpt/9204/KPU-Kab/2023``:
    a letter OCR confuses with a digit becomes the digit when it stands next
    to a digit and not inside a word (``KPU-Kab``, the Roman month ``I``
    between slashes stay)."""
    huruf = list(teks)
    for i, c in enumerate(huruf):
        if c not in _HURUF_ANGKA:
            continue
        kiri = huruf[i - 1] if i else ""
        kanan = huruf[i + 1] if i + 1 < len(huruf) else ""
        # A dotted code counts as digits too: "HK.03.l-Kpt" is "HK.03.1-Kpt".
        kiri_angka = kiri.isdigit() or (kiri == "." and i >= 2 and huruf[i - 2].isdigit())
        kanan_angka = kanan.isdigit() or (
            kanan == "." and i + 2 < len(huruf) and huruf[i + 2].isdigit()
        )
        if (kiri_angka and not kanan.isalpha()) or (kanan_angka and not kiri.isalpha()):
            huruf[i] = _HURUF_ANGKA[c]
    return "".join(huruf)


def sambung(potongan: list[str]) -> str:
    """Lines of one sentence joined again: a word hyphenated at the line's end
    ("pemi-" + "lihan") is whole; "Undang-" + "Undang" keeps its hyphen."""
    hasil = ""
    for p in potongan:
        p = p.strip()
        if not p:
            continue
        if not hasil:
            hasil = p
        elif hasil.endswith("-") and len(hasil) > 1 and hasil[-2].isalpha():
            hasil = hasil[:-1] + p if p[0].islower() else hasil + p
        elif hasil.endswith("/"):
            hasil += p
        else:
            hasil += " " + p
    return hasil


def kunci(teks: str) -> str:
    """For comparing texts: letters and digits only, single-spaced, casefolded."""
    return " ".join(re.sub(r"[^\w]+", " ", teks.casefold()).split())
