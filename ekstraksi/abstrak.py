"""A draft of the structured abstrak, cut from the document's own words.

Nothing is written here that the document does not say: pokok isi are its
diktum (or short Pasal, or the points of a Surat Edaran), dasar hukum its
Mengingat list, catatan its own sentences on when it takes effect and what
it revokes. Keys are the catalogue's form fields (documents.models.ProdukHukum:
``abstrak``, ``abstrak_dasar_hukum``, ``abstrak_catatan``), one item per line;
``menimbang`` is kept beside them as the evidence of why the product was made.
"""

import re

from .bidang import Temuan

MAKS_BUTIR = 12
MAKS_PANJANG_PASAL = 400
_CATATAN = re.compile(
    r"\b(mulai\s+berlaku|berlaku\s+sejak|dicabut\s+dan\s+dinyatakan\s+tidak\s+berlaku)\b",
    re.IGNORECASE,
)
_AKHIR_BUTIR = re.compile(r"\s*(?:;\s*(?:dan|atau)?|,\s*(?:dan|atau)|\.)\s*$", re.IGNORECASE)


def _rapikan(butir: str) -> str:
    """An item as a line of the abstrak: no list punctuation at its end."""
    return _AKHIR_BUTIR.sub("", butir).strip()


def _kalimat(butir: str) -> str:
    butir = butir.strip()
    return butir if butir.endswith((".", "!", "?")) else butir + "."


def susun(t: Temuan) -> dict[str, str]:
    hasil: dict[str, str] = {}
    dasar = [_rapikan(isi) for isi, _ in t.mengingat[: MAKS_BUTIR * 2]]
    if dasar := [d for d in dasar if len(d) >= 10]:
        hasil["abstrak_dasar_hukum"] = "\n".join(dasar)
    menimbang = [_rapikan(isi) for isi, _ in t.menimbang[:MAKS_BUTIR]]
    if menimbang := [m for m in menimbang if m]:
        hasil["menimbang"] = "\n".join(menimbang)
    pokok, catatan = [], []
    pasal = [isi for label, isi, _ in t.diktum if label.startswith("Pasal")]
    # A long regulation's articles are not its summary: only short ones are.
    if pasal and (len(pasal) > 10 or any(len(p) > MAKS_PANJANG_PASAL for p in pasal)):
        return hasil
    for _, isi, _ in t.diktum:
        if _CATATAN.search(isi):
            catatan.append(_kalimat(isi))
        elif len(pokok) < MAKS_BUTIR:
            pokok.append(_kalimat(isi))
    if pokok:
        hasil["abstrak"] = "\n".join(pokok)
    if catatan:
        hasil["abstrak_catatan"] = "\n".join(catatan)
    return hasil
