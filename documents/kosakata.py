"""Controlled vocabularies of the catalogue record.

Bidang hukum and bahasa are the national network's master lists (ILDIS
``DATABASE/ildis_v4.sql``, tables ``bidang_hukum`` and ``bahasa``); a value
outside them is refused by forms and the import with the allowed values
named. Subjek are managed keywords (``documents.models.Subjek``). The T.E.U.
badan is built from the Satker, never typed.
"""

import re
import unicodedata

BIDANG_HUKUM = [
    "Hukum Pada Umumnya",
    "Hukum Adat",
    "Hukum Administrasi Negara",
    "Hukum Agraria",
    "Hukum Dagang",
    "Hukum Islam",
    "Hukum Internasional",
    "Hukum Lingkungan",
    "Hukum Perburuhan",
    "Hukum Perdata",
    "Hukum Pidana",
    "Hukum Tata Negara",
    "Himpunan Peraturan",
    "Putusan Pengadilan",
    "Referensi",
    "Hak Asasi Manusia",
    "Hukum Kekayaan Intelektual",
    "Umum",
    "Hukum Kesehatan",
    "Hukum Laut",
    "Hukum Udara",
    "Hukum Acara",
    "Ilmu Hukum",
    "Hukum Agama",
    "Hukum Bisnis",
    "Hukum Militer",
    "Hukum Investasi",
]

BAHASA = [
    "Indonesia",
    "Inggris",
    "Belanda",
    "Jerman",
    "Perancis",
    "Jepang",
    "Arab",
    "Melayu",
    "Spanyol",
]
BAHASA_BAKU = "Indonesia"

PILIHAN_BIDANG_HUKUM = [(b, b) for b in BIDANG_HUKUM]
PILIHAN_BAHASA = [(b, b) for b in BAHASA]

# Free text seen in office archives that means a value of the master list.
# Election law is constitutional law in the national classification (the
# list has no "Hukum Pemilu"); the mapping is shown in the README.
SINONIM_BIDANG = {
    "han": "Hukum Administrasi Negara",
    "hukum administrasi": "Hukum Administrasi Negara",
    "administrasi negara": "Hukum Administrasi Negara",
    "htn": "Hukum Tata Negara",
    "tata negara": "Hukum Tata Negara",
    "hukum pemilu": "Hukum Tata Negara",
    "hukum pemilihan umum": "Hukum Tata Negara",
    "pemilu": "Hukum Tata Negara",
    "ham": "Hak Asasi Manusia",
    "hki": "Hukum Kekayaan Intelektual",
    "haki": "Hukum Kekayaan Intelektual",
    "hukum ketenagakerjaan": "Hukum Perburuhan",
    "ketenagakerjaan": "Hukum Perburuhan",
    "hukum acara pidana": "Hukum Acara",
    "hukum acara perdata": "Hukum Acara",
}
SINONIM_BAHASA = {
    "bahasa indonesia": "Indonesia",
    "indonesian": "Indonesia",
    "id": "Indonesia",
    "ind": "Indonesia",
    "bahasa inggris": "Inggris",
    "english": "Inggris",
    "en": "Inggris",
    "eng": "Inggris",
    "prancis": "Perancis",
    "french": "Perancis",
}


def _kunci(nilai: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", nilai or "")).strip().casefold()


def _peta(daftar, sinonim):
    peta = {_kunci(v): v for v in daftar}
    peta.update(sinonim)
    return peta


_PETA_BIDANG = _peta(BIDANG_HUKUM, SINONIM_BIDANG)
_PETA_BAHASA = _peta(BAHASA, SINONIM_BAHASA)


def petakan_bidang_hukum(nilai: str) -> str | None:
    """The master-list value a free-text bidang hukum means, or None."""
    return _PETA_BIDANG.get(_kunci(nilai))


def petakan_bahasa(nilai: str) -> str | None:
    return _PETA_BAHASA.get(_kunci(nilai))


def daftar_nilai(daftar) -> str:
    return ", ".join(daftar)


# --- Subjek ---------------------------------------------------------------

PANJANG_SUBJEK = 100


def rapikan_subjek(nilai: str) -> str:
    """One keyword as stored: single spaces, no stray separators."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", nilai or "")).strip(" ;,.")


def pisah_subjek(teks: str) -> list[str]:
    """Keywords typed in one line, separated by ``;`` or ``,``; duplicates
    (ignoring case) are dropped, the first spelling kept."""
    hasil, terlihat = [], set()
    for bagian in re.split(r"[;,\n]", teks or ""):
        nama = rapikan_subjek(bagian)
        if nama and nama.casefold() not in terlihat:
            terlihat.add(nama.casefold())
            hasil.append(nama)
    return hasil


def gabung_subjek(nama: list[str]) -> str:
    return "; ".join(nama)


# --- T.E.U. badan ---------------------------------------------------------

NAMA_LEMBAGA = "Komisi Pemilihan Umum"
_AWALAN = re.compile(r"^(kpu|komisi pemilihan umum)\s+", re.IGNORECASE)


def nama_badan_satker(nama: str, tingkat: str) -> str:
    """The body's full name as its letterhead writes it, "KPU" spelled out:
    "Komisi Pemilihan Umum Kabupaten Sorong Selatan"."""
    if tingkat == "pusat":
        return NAMA_LEMBAGA
    wilayah = _AWALAN.sub("", re.sub(r"\s+", " ", nama or "").strip())
    return f"{NAMA_LEMBAGA} {wilayah}".strip()


def teu_badan_satker(nama: str, tingkat: str) -> str:
    """The catalogue heading of an office's body (Tajuk Entri Utama badan).

    Convention (AACR2 24.18, as the JDIHN cataloguing guide applies it): a
    government body is entered under its jurisdiction, then its name. KPU
    provinsi and kabupaten/kota are parts of one national commission (UU
    7/2017 Pasal 8), so every office is entered under "Indonesia." followed
    by the body's full name, with "KPU" spelled out:

    - pusat: ``Indonesia. Komisi Pemilihan Umum``
    - provinsi: ``Indonesia. Komisi Pemilihan Umum Provinsi Kalimantan Tengah``
    - kabupaten/kota: ``Indonesia. Komisi Pemilihan Umum Kota Payakumbuh``
    """
    return f"Indonesia. {nama_badan_satker(nama, tingkat)}"


# --- ISBN -------------------------------------------------------------------


def isbn_valid(nilai: str) -> bool:
    """ISBN-10 or ISBN-13 with a correct check digit; hyphens and spaces allowed."""
    angka = re.sub(r"[\s-]", "", nilai or "").upper()
    if re.fullmatch(r"\d{9}[\dX]", angka):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(angka))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", angka):
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(angka))
        return total % 10 == 0
    return False
