"""The fields a KPU legal product states about itself, read from its lines.

Pure functions, no models: the heading (KEPUTUSAN/PERATURAN … NOMOR …
TENTANG …), the place and date of enactment, the signer, and the parts of
the body (Menimbang, Mengingat, Memutuskan). Each reader returns nothing
when the text does not say it plainly: a wrong proposal costs the Pengelola
more than an empty field.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from .teks import Baris, betulkan_angka, kunci, sambung

BULAN = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "nopember": 11,
    "desember": 12,
}
TAHUN_MIN, TAHUN_MAKS = 1945, 2100
# Lines of the head are read only near the top: a "NOMOR" deep in the body
# belongs to something the document cites.
BARIS_KEPALA = 40

BENTUK = ("SURAT EDARAN", "KEPUTUSAN", "PERATURAN", "INSTRUKSI", "PUTUSAN")
_BENTUK = re.compile(r"\b(SURAT\s+EDARAN|KEPUTUSAN|PERATURAN|INSTRUKSI|PUTUSAN)\b")
_NOMOR = re.compile(r"^N\s?[O0]\s?M\s?[O0]\s?R\b\s*[:.]?\s*(?P<isi>.*)$", re.IGNORECASE)
_TENTANG = re.compile(r"^TENTANG\b\s*:?\s*(?P<isi>.*)$", re.IGNORECASE)
_AKHIR_JUDUL = re.compile(
    r"^(DENGAN\s+RAHMAT|KETUA\b|KOMISI\s+PEMILIHAN|KPU\b|SEKRETARIS\b|PRESIDEN\b|"
    r"Menimbang\b|Mengingat\b|MEMUTUSKAN|Yth\b|Kepada\b|bahwa\b|a\.\s)",
    re.IGNORECASE,
)
_DITETAPKAN = re.compile(r"^ditetapkan\s+di\b\s*:?\s*(?P<isi>.*)$", re.IGNORECASE)
_PADA_TANGGAL = re.compile(r"^(?:pada\s+)?tanggal\b\s*:?\s*(?P<isi>.*)$", re.IGNORECASE)
_TANGGAL = re.compile(
    r"(?<![\w])(?P<hari>[0-9OolI|]{1,2})\s*(?P<bulan>[A-Za-z]{3,9})\s*(?P<tahun>[0-9OolI|]{4})(?![\w])"
)
_TEMPAT = re.compile(r"^[A-Z][A-Za-z'.-]*(?:\s+[A-Za-z][A-Za-z'.-]*){0,3}$")
_JABATAN = re.compile(
    r"^(?:(?:PLT|PLH|PJ)\.?\s+)?(?:KETUA|SEKRETARIS|KEPALA|ANGGOTA|PRESIDEN|MENTERI)\b",
    re.IGNORECASE,
)
_TTD = re.compile(r"^\(?(?:ttd|ttd\.|t\.t\.d|dto|cap|ttd/cap|\$|\.+|_+)\)?\.?$", re.IGNORECASE)
_AWALAN_JABATAN = re.compile(r"^(?:(?:PLT|PLH)\.?\s+)?(?:KETUA|SEKRETARIS)\s+", re.IGNORECASE)
# Words that are never part of a person's name on a signature line.
_BUKAN_NAMA = {
    "komisi",
    "pemilihan",
    "umum",
    "salinan",
    "sesuai",
    "sekretaris",
    "kabupaten",
    "kota",
    "provinsi",
    "nip",
    "keputusan",
    "peraturan",
    "lampiran",
    "ditetapkan",
    "tanggal",
    "diundangkan",
    "republik",
    "indonesia",
    "kpu",
}
_NAMA = re.compile(r"^[A-Z][A-Za-z.,'’` -]{2,80}$")
_KAPITAL_TETAP = {
    "kpu",
    "ri",
    "dpr",
    "dprd",
    "dpd",
    "ppk",
    "pps",
    "ppd",
    "kpps",
    "tps",
    "dpt",
    "dps",
    "dpb",
    "dptb",
    "jdih",
    "sop",
    "apk",
    "pns",
    "asn",
    "apbn",
    "apbd",
    "nkri",
    "ii",
    "iii",
    "iv",
    "vi",
    "vii",
    "viii",
    "ix",
    "xi",
    "xii",
}
_KATA_KECIL = {
    "dan",
    "atau",
    "di",
    "ke",
    "dari",
    "pada",
    "dalam",
    "untuk",
    "atas",
    "serta",
    "yang",
    "tentang",
    "sebagai",
    "oleh",
    "terhadap",
    "dengan",
    "bagi",
    "se",
}


@dataclass
class Nilai:
    nilai: object
    bukti: str
    halaman: int | None = None


@dataclass
class Temuan:
    """What the text says, before anything is looked up in the catalogue."""

    bentuk: Nilai | None = None  # "KEPUTUSAN", "PERATURAN", "SURAT EDARAN"…
    badan: Nilai | None = None  # "KOMISI PEMILIHAN UMUM KABUPATEN KOTAWARINGIN TIMUR"
    sekretaris: bool = False  # issued by the office's Sekretaris (Jenderal)
    nomor: Nilai | None = None
    tahun: Nilai | None = None
    judul: Nilai | None = None
    tempat: Nilai | None = None
    tanggal: Nilai | None = None
    penandatangan: Nilai | None = None
    jabatan: Nilai | None = None
    badan_jabatan: str = ""
    # Parts of the body, each a list of items (lines joined) with the
    # index of the line that starts it.
    menimbang: list[tuple[str, int]] = field(default_factory=list)
    mengingat: list[tuple[str, int]] = field(default_factory=list)
    diktum: list[tuple[str, str, int]] = field(default_factory=list)  # (label, isi, indeks)
    judul_kepala: str = ""  # the heading's judul as printed
    judul_menetapkan: str | None = None  # the judul again after "Menetapkan : … TENTANG"
    judul_terpotong: bool = False  # a heading line ends in a word cut short


def _nilai(daftar: list[Baris], i: int, nilai, j: int | None = None) -> Nilai:
    j = i if j is None else j
    bukti = " / ".join(b.teks for b in daftar[i : j + 1])[:300]
    return Nilai(nilai, bukti, daftar[i].halaman)


# --- dates and numbers -----------------------------------------------------------------


def baca_tanggal(teks: str) -> date | None:
    """The first Indonesian date in ``teks`` ("12 Januari 2023", OCR'd
    "l2 Januari 2O23"); None when the month is not a month name exactly or
    the day does not exist."""
    for m in _TANGGAL.finditer(teks):
        bulan = BULAN.get(m["bulan"].casefold())
        if bulan is None:
            continue
        hari, tahun = betulkan_angka(m["hari"]), betulkan_angka(m["tahun"])
        if not (hari.isdigit() and tahun.isdigit()):
            continue
        if not TAHUN_MIN <= int(tahun) <= TAHUN_MAKS:
            continue
        try:
            return date(int(tahun), bulan, int(hari))
        except ValueError:
            return None
    return None


_NOMOR_KPU = re.compile(r"^\d{1,5}(?:/[A-Za-z0-9.\-]+)*/(?P<tahun>\d{4})$")
_NOMOR_POLOS = re.compile(r"^\d{1,5}[A-Za-z]?$")
_NOMOR_TAHUN = re.compile(r"^(?P<nomor>\S+)\s+TAHUN\s+(?P<tahun>[0-9OolI|]{4})\b", re.IGNORECASE)


def baca_nomor(isi: str) -> tuple[str, int | None] | None:
    """The number after "NOMOR": ``50/HK.03.1-Kpt/9204/KPU-Kab/2023`` (its
    year from the last part), ``7 TAHUN 2022`` → ("7", 2022), ``7`` → ("7",
    None). Anything else is not a number this reader trusts."""
    isi = re.split(r"\s+TENTANG\b", isi, maxsplit=1, flags=re.IGNORECASE)[0]
    isi = re.sub(r"\s*/\s*", "/", isi.strip(" :.,;"))
    tahun = None
    m = _NOMOR_TAHUN.match(isi)
    if m:
        isi, tahun = m["nomor"], betulkan_angka(m["tahun"])
        if not tahun.isdigit():
            return None
        tahun = int(tahun)
    elif " " in isi:
        return None
    nomor = betulkan_angka(isi)
    m = _NOMOR_KPU.match(nomor)
    if m:
        tahun_nomor = int(m["tahun"])
        if tahun is not None and tahun != tahun_nomor:
            return None
        tahun = tahun_nomor
    elif not _NOMOR_POLOS.match(nomor):
        return None
    if tahun is not None and not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        return None
    return nomor, tahun


# --- the heading -------------------------------------------------------------------------


def _kepala(daftar: list[Baris], t: Temuan) -> int | None:
    """Bentuk, badan, nomor, judul from the heading; the index where the
    judul ends (the body starts), or None when there is no heading."""
    i_nomor = next(
        (
            i
            for i, b in enumerate(daftar[:BARIS_KEPALA])
            if _NOMOR.match(b.teks) and b.teks[:1] in "Nn" and b.teks[1:5].upper() == b.teks[1:5]
        ),
        None,
    )
    if i_nomor is None:
        return None
    # The heading is the (up to three) capital lines above NOMOR, from the
    # last form word on: "KEPUTUSAN KOMISI PEMILIHAN UMUM" / "KABUPATEN …".
    atas = [b.teks for b in daftar[max(0, i_nomor - 3) : i_nomor]]
    teks_atas = " ".join(a for a in atas if a.upper() == a)
    bentuk = list(_BENTUK.finditer(teks_atas))
    if bentuk:
        m = bentuk[-1]
        kata = " ".join(m[1].split())
        badan = " ".join(teks_atas[m.end() :].split()).strip(" ,.")
        mulai = next(
            i for i in range(max(0, i_nomor - 3), i_nomor) if m[1].split()[0] in daftar[i].teks
        )
        t.bentuk = _nilai(daftar, mulai, kata, i_nomor - 1)
        if re.match(r"^SEKRETARIS(\s+JENDERAL)?\b", badan):
            t.sekretaris = True
            badan = re.sub(r"^SEKRETARIS(\s+JENDERAL)?\s*", "", badan)
        badan = re.sub(r"^KPU\b", "KOMISI PEMILIHAN UMUM", badan)
        if badan:
            t.badan = _nilai(daftar, mulai, badan, i_nomor - 1)
    isi = _NOMOR.match(daftar[i_nomor].teks)["isi"]
    i_akhir_nomor = i_nomor
    if not isi.strip() and i_nomor + 1 < len(daftar):
        # OCR sometimes puts the number on its own line.
        i_akhir_nomor = i_nomor + 1
        isi = daftar[i_akhir_nomor].teks
    hasil = baca_nomor(isi)
    if hasil:
        nomor, tahun = hasil
        t.nomor = _nilai(daftar, i_nomor, nomor, i_akhir_nomor)
        if tahun is not None:
            t.tahun = _nilai(daftar, i_nomor, tahun, i_akhir_nomor)
    return _judul(daftar, i_akhir_nomor, t, isi)


def _judul(daftar: list[Baris], i_nomor: int, t: Temuan, isi_nomor: str) -> int | None:
    m = re.search(r"\bTENTANG\b\s*:?\s*(.*)$", isi_nomor, re.IGNORECASE)
    i_tentang, potongan = None, []
    if m:
        i_tentang, potongan = i_nomor, [m[1]]
    else:
        for i in range(i_nomor + 1, min(i_nomor + 4, len(daftar))):
            mt = _TENTANG.match(daftar[i].teks)
            if mt and daftar[i].teks[:7].upper() == daftar[i].teks[:7]:
                i_tentang, potongan = i, [mt["isi"]]
                break
    if i_tentang is None:
        return None
    i = i_tentang + 1
    while i < len(daftar) and not _AKHIR_JUDUL.match(daftar[i].teks):
        potongan.append(daftar[i].teks)
        i += 1
        if i - i_tentang > 8:
            return None  # no end in sight: this is not a heading's title
    judul = sambung(potongan).strip(" .,;:")
    # "… TAHAPAN D" / "JADWAL": a line ending in a lone letter lost the rest
    # of its word (past the page edge, or to OCR).
    t.judul_terpotong = any(
        re.search(r"(?:^|\s)[A-HJ-UWYZa-z]$", p.strip()) for p in potongan if p.strip()
    )
    if i < len(daftar) and 5 <= len(judul) <= 700 and sum(c.isalpha() for c in judul) >= 5:
        t.judul_kepala = judul
        t.judul = _nilai(daftar, i_tentang, judul, i - 1)
    return i


# --- the body ----------------------------------------------------------------------------

_MENIMBANG = re.compile(r"^Menimbang\b\s*:?\s*(?P<isi>.*)$", re.IGNORECASE)
_MENGINGAT = re.compile(r"^Mengingat\b\s*:?\s*(?P<isi>.*)$", re.IGNORECASE)
_MEMPERHATIKAN = re.compile(r"^Memperhatikan\b\s*:?\s*(?P<isi>.*)$", re.IGNORECASE)
_MEMUTUSKAN = re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b\s*:?\s*$", re.IGNORECASE)
_MENETAPKAN = re.compile(r"^Menetapkan\b\s*:?\s*(?P<isi>.*)$", re.IGNORECASE)
_ORDINAL = r"(?:SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN)"
_DIKTUM = re.compile(
    rf"^(?P<label>PERTAMA|KE(?:{_ORDINAL}|SEPULUH|SEBELAS)(?:\s+(?:BELAS|PULUH(?:\s+{_ORDINAL})?))?)"
    r"\s*:\s*(?P<isi>.*)$"
)
_PASAL = re.compile(r"^Pasal\s+(?P<n>\d{1,3})$")
_PENANDA = re.compile(r"^(?:[a-z]|\d{1,2})[.)]\s+(?P<isi>.*)$")
_BAGIAN_DASAR = re.compile(r"^[A-H]\.\s+Dasar(?:\s+Hukum)?\s*:?$", re.IGNORECASE)
_BAGIAN_ISI = re.compile(r"^[A-H]\.\s+(?:Isi(?:\s+Edaran)?|Pokok)\b.*$", re.IGNORECASE)
_BAGIAN_LAIN = re.compile(r"^[A-H]\.\s+\S")


def _butir(baris: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Items of a Menimbang/Mengingat list: a line starting "a." or "1."
    starts one; other lines continue it."""
    hasil: list[tuple[list[str], int]] = []
    for teks, i in baris:
        m = _PENANDA.match(teks)
        if m or not hasil:
            hasil.append(([m["isi"] if m else teks], i))
        else:
            hasil[-1][0].append(teks)
    return [(sambung(p), i) for p, i in hasil if sambung(p)]


def _isi(daftar: list[Baris], t: Temuan, mulai: int, akhir: int) -> None:
    """Menimbang, Mengingat and the diktum (or Pasal) between ``mulai`` and
    the signature."""
    bagian: dict[str, list[tuple[str, int]]] = {"menimbang": [], "mengingat": [], "isi": []}
    sekarang = None
    for i in range(mulai, akhir):
        teks = daftar[i].teks
        for nama, pola in (("menimbang", _MENIMBANG), ("mengingat", _MENGINGAT)):
            m = pola.match(teks)
            if m:
                sekarang, teks = nama, m["isi"]
                break
        else:
            if _MEMPERHATIKAN.match(teks):
                sekarang, teks = None, ""
            elif _MEMUTUSKAN.match(teks):
                sekarang, teks = "isi", ""
            elif _BAGIAN_DASAR.match(teks):
                sekarang, teks = "mengingat", ""
            elif _BAGIAN_ISI.match(teks):
                sekarang, teks = "isi_edaran", ""
                bagian.setdefault("isi_edaran", [])
            elif sekarang == "isi_edaran" and _BAGIAN_LAIN.match(teks):
                sekarang = None
            elif sekarang == "mengingat" and _BAGIAN_LAIN.match(teks):
                sekarang = None
        if sekarang and teks:
            bagian[sekarang].append((teks, i))
    t.menimbang = _butir(bagian["menimbang"])
    t.mengingat = _butir(bagian["mengingat"])
    if bagian.get("isi_edaran"):
        t.diktum = [("", isi, i) for isi, i in _butir(bagian["isi_edaran"])]
        return
    diktum: list[tuple[str, list[str], int]] = []
    menetapkan: list[str] | None = None
    for teks, i in bagian["isi"]:
        m = _DIKTUM.match(teks)
        p = _PASAL.match(teks)
        if m:
            diktum.append((m["label"], [m["isi"]], i))
        elif p:
            diktum.append((f"Pasal {p['n']}", [], i))
        elif (mt := _MENETAPKAN.match(teks)) and menetapkan is None and not diktum:
            menetapkan = [mt["isi"]]
        elif diktum:
            diktum[-1][1].append(teks)
        elif menetapkan is not None and len(menetapkan) < 8:
            menetapkan.append(teks)
    t.diktum = [(label, sambung(isi), i) for label, isi, i in diktum if sambung(isi)]
    if menetapkan:
        m = re.search(r"\bTENTANG\b\s*(.*)$", sambung(menetapkan), re.IGNORECASE | re.DOTALL)
        if m:
            t.judul_menetapkan = m[1].strip(" .,;:")


# --- enactment and signature ---------------------------------------------------------------


def _penetapan(daftar: list[Baris], t: Temuan, mulai: int) -> int | None:
    """Tempat and tanggal from the first "Ditetapkan di …" after the heading,
    then the signer below it. Returns the index of "Ditetapkan"."""
    i = next((k for k in range(mulai, len(daftar)) if _DITETAPKAN.match(daftar[k].teks)), None)
    if i is None:
        return None
    isi = _DITETAPKAN.match(daftar[i].teks)["isi"]
    j = i
    if not isi and i + 1 < len(daftar):
        j, isi = i + 1, daftar[i + 1].teks
    tempat, _, sisa = isi.partition(",")
    tempat = tempat.strip(" .:")
    if _TEMPAT.match(tempat) and not _PADA_TANGGAL.match(tempat):
        t.tempat = _nilai(daftar, i, tempat.title() if tempat.isupper() else tempat, j)
    # The date: on the same line after a comma, or on one of the next two lines.
    k_tanggal, tanggal = None, baca_tanggal(sisa) if sisa else None
    if tanggal:
        k_tanggal = j
    else:
        for k in range(j + 1, min(j + 3, len(daftar))):
            m = _PADA_TANGGAL.match(daftar[k].teks)
            if not m:
                continue
            isi_tgl = m["isi"] or (daftar[k + 1].teks if k + 1 < len(daftar) else "")
            tanggal = baca_tanggal(isi_tgl)
            k_tanggal = k if m["isi"] else k + 1
            break
    if tanggal:
        t.tanggal = _nilai(daftar, i, tanggal, k_tanggal)
        _penandatangan(daftar, t, k_tanggal + 1)
    return i


def judul_rapi(teks: str) -> str:
    """A heading in capitals as a title: "PENETAPAN DAFTAR PEMILIH TETAP DI
    KABUPATEN X" → "Penetapan Daftar Pemilih Tetap di Kabupaten X";
    abbreviations (KPU, DPRD, TPS) and Roman numerals stay capitals."""
    kata = teks.split(" ")
    hasil = []
    for n, k in enumerate(kata):
        inti = re.sub(r"[^\w]", "", k).casefold()
        if inti in _KAPITAL_TETAP or not k.isupper():
            hasil.append(k)
        elif n and inti in _KATA_KECIL:
            hasil.append(k.lower())
        else:
            hasil.append("-".join(b[:1] + b[1:].lower() for b in k.split("-")))
    return " ".join(hasil)


def _nama_rapi(nama: str) -> str:
    if not nama.isupper():
        return nama
    # Degrees ("S.H.", "M.Si.") keep their spelling; names are capitalised.
    return " ".join(k if "." in k.rstrip(".,") else k.capitalize() for k in nama.split())


def _penandatangan(daftar: list[Baris], t: Temuan, mulai: int) -> None:
    """ "KETUA KOMISI PEMILIHAN UMUM …," (one to three lines), an optional
    "ttd.", then the name."""
    if mulai >= len(daftar) or not _JABATAN.match(daftar[mulai].teks):
        return
    akhir = mulai
    while not daftar[akhir].teks.endswith(",") and akhir - mulai < 2 and akhir + 1 < len(daftar):
        lanjut = daftar[akhir + 1].teks
        if not lanjut.isupper() or _TTD.match(lanjut) or len(lanjut.split()) > 6:
            break
        if not re.search(r"\b(KOMISI|PEMILIHAN|UMUM|KABUPATEN|KOTA|PROVINSI|REPUBLIK)\b", lanjut):
            break
        akhir += 1
    jabatan = sambung([b.teks for b in daftar[mulai : akhir + 1]]).strip(" ,")
    k = akhir + 1
    while k < len(daftar) and k - akhir <= 3 and _TTD.match(daftar[k].teks):
        k += 1
    if k >= len(daftar):
        return
    nama = _AWALAN_JABATAN.sub("", daftar[k].teks).strip(" ,")
    kata = [w.strip(".,").casefold() for w in nama.split()]
    if not _NAMA.match(nama) or not 1 <= len(kata) <= 7 or _BUKAN_NAMA & set(kata):
        return
    if not any(len(w) >= 3 for w in kata):
        return
    t.penandatangan = _nilai(daftar, k, _nama_rapi(nama))
    t.jabatan = _nilai(daftar, mulai, judul_rapi(jabatan), akhir)
    badan = re.sub(r"^(?:(?:PLT|PLH|PJ)\.?\s+)?[A-Z]+\s+", "", jabatan.upper())
    t.badan_jabatan = re.sub(r"^KPU\b", "KOMISI PEMILIHAN UMUM", badan)


# --- the whole text ---------------------------------------------------------------------------

_TENTANG_MENIMBANG = re.compile(r"\btentang\s+(?P<judul>[^;]{5,700}?)\s*;?\s*$", re.IGNORECASE)


def _sama_judul(salinan: list[str], penuh: list[str]) -> bool:
    """``salinan`` is ``penuh`` with at most a few words lost or cut short (a
    line that ran past the page edge, an OCR'd line end)."""
    if not salinan or len(penuh) - len(salinan) > 4 or len(penuh) < len(salinan):
        return False
    j, utuh = 0, 0
    for k in salinan:
        while j < len(penuh) and not penuh[j].startswith(k):
            j += 1
        if j == len(penuh):
            return False
        utuh += penuh[j] == k
        j += 1
    return utuh >= 0.8 * len(salinan)


def _pilih_judul(t: Temuan) -> None:
    """The title is printed two or three times: in the heading, after
    "Menetapkan", and in the Menimbang in its own case ("… perlu menetapkan
    Keputusan … tentang Penetapan Daftar Pemilih Tetap;"). The Menimbang's
    spelling is taken when it names the same title; a heading and a
    Menetapkan that disagree leave the title to the Pengelola."""
    kepala = kunci(t.judul_kepala).split()
    tetap = kunci(t.judul_menetapkan).split() if t.judul_menetapkan else None
    for isi, _ in reversed(t.menimbang):
        m = _TENTANG_MENIMBANG.search(isi)
        if not m:
            continue
        calon = m["judul"].strip(" .")
        kata = kunci(calon).split()
        if _sama_judul(kepala, kata) or (tetap and _sama_judul(tetap, kata)):
            t.judul = Nilai(calon, t.judul.bukti, t.judul.halaman)
            return
        break
    if t.judul_terpotong or (tetap is not None and tetap != kepala):
        t.judul = None
    elif t.judul.nilai.isupper():
        t.judul = Nilai(judul_rapi(t.judul.nilai), t.judul.bukti, t.judul.halaman)


def baca(daftar: list[Baris]) -> Temuan:
    t = Temuan()
    akhir_kepala = _kepala(daftar, t)
    mulai = akhir_kepala if akhir_kepala is not None else 0
    i_ditetapkan = _penetapan(daftar, t, mulai)
    _isi(daftar, t, mulai, i_ditetapkan if i_ditetapkan is not None else len(daftar))
    if t.judul:
        _pilih_judul(t)
    if t.tahun is None and t.tanggal is not None and t.nomor is not None:
        # "NOMOR 7" alone (a PKPU's heading): the year is the enactment's.
        t.tahun = Nilai(t.tanggal.nilai.year, t.tanggal.bukti, t.tanggal.halaman)
    return t
