"""Relations the text states, and the catalogue products they name.

Three kinds are read, each only where the document says it of itself:

- ``mengubah``: its judul is "Perubahan (Kedua) atas Keputusan … Nomor …";
- ``mencabut``: a diktum "… Nomor … dicabut dan dinyatakan tidak berlaku" or
  "mencabut Keputusan … Nomor …";
- ``melaksanakan``: a Menimbang "… untuk melaksanakan ketentuan … Peraturan
  … Nomor …", and a Mengingat item that names a KPU product the catalogue
  holds (the product it was made under).

A mention is matched to a product only within the Satker's scope: its own
products (any status) and the published products of the offices above it
up to KPU RI. A regency's decision may cite a PKPU of KPU RI or its
province's decision, never another regency's; a mention that does not name
exactly one product stays unmatched.
"""

import re
from dataclasses import dataclass

from django.db.models import Q

from documents.models import JenisRelasi, ProdukHukum, Satker, StatusPublikasi

from .bidang import Temuan, baca_nomor
from .teks import betulkan_angka, kunci

_BENTUK = r"(?P<bentuk>Peraturan|Keputusan|Surat\s+Edaran|PKPU)"
_SEBUTAN = re.compile(
    _BENTUK
    + r"(?P<badan>(?:\s+(?!Nomor\b)[\w/.-]+){0,10}?)\s+Nomor\s*:?\s*(?P<nomor>[0-9OolI|][\w./-]*)"
    r"(?:\s+Tahun\s+(?P<tahun>[0-9OolI|]{4}))?"
    r"(?:\s+tentang\s+(?P<judul>[^;]+?))?"
    r"(?=\s*(?:;|$|,?\s+(?:dicabut|sebagaimana|dan\s+dinyatakan|yang\s+telah|diubah)\b|\.(?:\s|$)))",
    re.IGNORECASE,
)
_KPU = re.compile(r"\b(Komisi\s+Pemilihan\s+Umum|KPU)\b", re.IGNORECASE)
_WILAYAH = re.compile(r"\b(Provinsi|Kabupaten|Kota)\s+(?P<nama>.+)$", re.IGNORECASE)
_PERUBAHAN = re.compile(r"^Perubahan\s+(?:\w+\s+)?atas\s+", re.IGNORECASE)
_MENCABUT = re.compile(r"\b(mencabut|dicabut)\b", re.IGNORECASE)
_MELAKSANAKAN = re.compile(r"\bmelaksanakan\s+ketentuan\b", re.IGNORECASE)


@dataclass
class Sebutan:
    jenis: str
    sebutan: str
    bukti: str
    bentuk: str  # "PERATURAN", "KEPUTUSAN", "SURAT EDARAN"
    badan: str  # "" for KPU RI, else the region ("Kabupaten Kotawaringin Timur")
    nomor: str
    tahun: int | None
    judul: str
    dari_mengingat: bool = False


def _sebutan(teks: str, jenis: str, *, dari_mengingat=False, awal=False) -> list[Sebutan]:
    hasil = []
    for m in _SEBUTAN.finditer(teks):
        if awal and m.start() > 0:
            break
        bentuk = (
            "PERATURAN" if m["bentuk"].upper() == "PKPU" else " ".join(m["bentuk"].upper().split())
        )
        badan = " ".join(m["badan"].split())
        if m["bentuk"].upper() == "PKPU":
            badan = "Komisi Pemilihan Umum"
        if not _KPU.search(badan):
            continue  # a Presiden's or a Minister's regulation is not in this catalogue
        badan = re.sub(r"^(Sekretaris\s+Jenderal\s+)?", "", badan, flags=re.IGNORECASE)
        wilayah = _WILAYAH.search(badan)
        nomor_isi = m["nomor"].rstrip(".,")
        if m["tahun"]:
            nomor_isi += f" TAHUN {m['tahun']}"
        dibaca = baca_nomor(nomor_isi)
        if not dibaca:
            continue
        nomor, tahun = dibaca
        if tahun is None:
            continue  # a number without its year names nothing for certain
        hasil.append(
            Sebutan(
                jenis=jenis,
                sebutan=" ".join(m[0].split())[:300],
                bukti=" ".join(teks.split())[:300],
                bentuk=bentuk,
                badan=f"{wilayah[1].title()} {wilayah['nama']}" if wilayah else "",
                nomor=nomor,
                tahun=tahun,
                judul=(m["judul"] or "").strip(" ."),
                dari_mengingat=dari_mengingat,
            )
        )
    return hasil


def sebutan_relasi(t: Temuan) -> list[Sebutan]:
    """Every relation the text states of itself (pure: no catalogue)."""
    hasil: list[Sebutan] = []
    # The heading as printed: a title too damaged to propose still names
    # the number and year it amends.
    judul = t.judul.nilai if t.judul else " ".join(t.judul_kepala.split())
    if _PERUBAHAN.match(judul):
        hasil += _sebutan(_PERUBAHAN.sub("", judul), JenisRelasi.MENGUBAH, awal=True)
    for _, isi, _ in t.diktum:
        if _MENCABUT.search(isi):
            hasil += _sebutan(isi, JenisRelasi.MENCABUT)
    for isi, _ in t.menimbang:
        if _MELAKSANAKAN.search(isi):
            hasil += _sebutan(isi, JenisRelasi.MELAKSANAKAN)
    for isi, _ in t.mengingat:
        hasil += _sebutan(isi, JenisRelasi.MELAKSANAKAN, dari_mengingat=True)
    sendiri = betulkan_angka(str(t.nomor.nilai)) if t.nomor else None
    tahun_sendiri = t.tahun.nilai if t.tahun else None
    unik, terlihat = [], set()
    for s in hasil:
        if (s.nomor, s.tahun) == (sendiri, tahun_sendiri):
            continue  # the document naming itself
        k = (s.bentuk, s.badan, s.nomor, s.tahun)
        if k in terlihat:
            continue
        terlihat.add(k)
        unik.append(s)
    return unik


# --- matching -------------------------------------------------------------------------------


def lingkup(satker: Satker | None) -> list[Satker]:
    """The Satker and the offices above it, nearest first."""
    hasil, terlihat = [], set()
    while satker is not None and satker.pk not in terlihat:
        hasil.append(satker)
        terlihat.add(satker.pk)
        satker = Satker.objects.filter(pk=satker.induk_id).first() if satker.induk_id else None
    return hasil


def _judul_cocok(disebut: str, katalog: str) -> bool:
    """A mention's "tentang …" must be the product's judul (allowing a word
    or two lost to a line break or OCR), or the mention names another
    product that happens to share its number."""
    a, b = set(kunci(disebut).split()), set(kunci(katalog).split())
    if not a or not b:
        return True
    return len(a & b) / len(a | b) >= 0.7


def _satker_sebutan(s: Sebutan, cakupan: list[Satker]) -> Satker | None:
    if not s.badan:
        return next((x for x in cakupan if x.tingkat == Satker.Tingkat.PUSAT), None)
    k = kunci(s.badan)
    return next((x for x in cakupan if kunci(x.nama_badan).endswith(k)), None)


def _jenis_cocok(bentuk: str, produk: ProdukHukum) -> bool:
    nama = f"{produk.jenis.nama} {produk.jenis.singkatan}".upper()
    if bentuk == "PERATURAN":
        return "PERATURAN" in nama or "PKPU" in nama
    if bentuk == "KEPUTUSAN":
        return "KEPUTUSAN" in nama or "KPTS" in nama
    return bentuk in nama or (bentuk == "SURAT EDARAN" and nama.split()[-1] == "SE")


def _tanpa_sambung(nomor: str) -> str:
    return re.sub(r"[-\s]", "", nomor).upper()


def produk_dalam_lingkup(cakupan: list[Satker]):
    """Products a document of ``cakupan[0]`` may refer to: its own Satker's
    (any status: its staff see them) and the published products of the
    offices above it — never a sibling's, never another Satker's draft."""
    return ProdukHukum.objects.filter(
        Q(status_publikasi=StatusPublikasi.TERBIT) | Q(satker_id=cakupan[0].pk),
        satker__in=cakupan,
    )


def cocokkan(s: Sebutan, satker: Satker | None, cakupan: list[Satker] | None = None):
    """The one product ``s`` names within ``satker``'s scope, or None."""
    cakupan = lingkup(satker) if cakupan is None else cakupan
    if not cakupan:
        return None
    pemilik = _satker_sebutan(s, cakupan)
    if pemilik is None:
        return None
    # A number broken at a line's hyphen may come back without it
    # ("KPU-Prov" → "KPUProv"): numbers are compared without hyphens.
    awal = s.nomor.split("/")[0]
    calon = (
        produk_dalam_lingkup(cakupan)
        .filter(satker=pemilik, tahun=s.tahun)
        .filter(Q(nomor__iexact=s.nomor) | Q(nomor__istartswith=f"{awal}/"))
    )
    calon = [
        p
        for p in calon.select_related("jenis")[:50]
        if _tanpa_sambung(p.nomor) == _tanpa_sambung(s.nomor)
        and _jenis_cocok(s.bentuk, p)
        and (not s.judul or _judul_cocok(s.judul, p.judul))
    ]
    return calon[0] if len(calon) == 1 else None
