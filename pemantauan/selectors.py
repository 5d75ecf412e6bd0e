"""The monitoring figures of a part of the Satker tree, in a constant number
of queries whatever its size: each figure is one GROUP BY over the Satkers
in view, then rolled up the tree in Python (pemantauan.pohon)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from documents.models import ProdukHukum
from publicsite.models import PanenJDIHN
from workflow.models import STATUS_SELESAI, Permohonan, TingkatValidasi
from workflow.waktu import TabelMutuBaku

from . import kesehatan
from .indeks import INDEKS
from .kelengkapan import q_tidak_lengkap
from .pohon import Simpul

# --- the period -------------------------------------------------------------

PILIHAN_PERIODE = [
    ("12b", "12 bulan terakhir"),
    ("6b", "6 bulan terakhir"),
    ("3b", "3 bulan terakhir"),
    ("1b", "Bulan ini"),
    ("tahun", "Tahun berjalan"),
    ("tahun-lalu", "Tahun lalu"),
]
PERIODE_BAWAAN = "12b"
NAMA_BULAN = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()


@dataclass
class Periode:
    kode: str
    label: str
    awal: datetime
    akhir: datetime
    bulan: list[date]  # the first day of each month in it, in order

    @property
    def teks(self) -> str:
        akhir = timezone.localtime(self.akhir - timedelta(microseconds=1)).date()
        awal = timezone.localtime(self.awal).date()
        return f"{awal:%d-%m-%Y} s.d. {akhir:%d-%m-%Y}"


def _tambah_bulan(d: date, n: int) -> date:
    m = d.year * 12 + d.month - 1 + n
    return date(m // 12, m % 12 + 1, 1)


def periode(kode: str, sekarang: datetime | None = None) -> Periode:
    """Whole calendar months in the office's time zone (the chart's columns),
    the current month up to now."""
    sekarang = sekarang or timezone.now()
    bulan_ini = timezone.localdate(sekarang).replace(day=1)
    akhir = sekarang
    if kode == "tahun":
        mulai = bulan_ini.replace(month=1)
    elif kode == "tahun-lalu":
        mulai = date(bulan_ini.year - 1, 1, 1)
        akhir = _awal_hari(date(bulan_ini.year, 1, 1))
    else:
        mulai = _tambah_bulan(bulan_ini, 1 - int(kode.removesuffix("b")))
    bulan, b = [], mulai
    while _awal_hari(b) < akhir:
        bulan.append(b)
        b = _tambah_bulan(b, 1)
    return Periode(kode, dict(PILIHAN_PERIODE)[kode], _awal_hari(mulai), akhir, bulan)


def _awal_hari(d: date) -> datetime:
    return timezone.make_aware(datetime.combine(d, time.min))


# --- the figures ------------------------------------------------------------


@dataclass
class Angka:
    """One Satker's own figures, or the sum over a subtree."""

    terbit_total: int = 0
    terbit_periode: int = 0
    tanpa_abstrak: int = 0
    metadata_kurang: int = 0
    tidak_lengkap: int = 0
    terbuka: int = 0
    terlambat: int = 0
    panen_terakhir: datetime | None = None
    panen_sumber: str = ""  # "satker" or "nasional"

    def tambah(self, lain: "Angka") -> None:
        for nama in (
            "terbit_total",
            "terbit_periode",
            "tanpa_abstrak",
            "metadata_kurang",
            "tidak_lengkap",
            "terbuka",
            "terlambat",
        ):
            setattr(self, nama, getattr(self, nama) + getattr(lain, nama))

    @property
    def persen_lengkap(self) -> int | None:
        if not self.terbit_total:
            return None
        return round(100 * (self.terbit_total - self.tidak_lengkap) / self.terbit_total)


@dataclass
class Terlambat:
    """An open request past its current step's mutu baku."""

    pk: int
    satker_id: int
    tahap: object
    umur: timedelta
    standar: timedelta


@dataclass
class Data:
    """Every figure of the Satkers in view, keyed by Satker id."""

    angka: dict[int, Angka]
    terlambat: list[Terlambat]
    panen_nasional: datetime | None
    per_bulan: dict[date, int]
    sekarang: datetime


def _saring(qs, ids, semua, kolom="satker_id"):
    return qs if semua else qs.filter(**{f"{kolom}__in": list(ids)})


def ambil_data(ids: set[int], semua: bool, p: Periode) -> Data:
    """The figures of the Satkers ``ids`` (``semua``: every Satker, no filter)."""
    sekarang = timezone.now()
    angka = {i: Angka() for i in ids}
    dalam_periode = Q(diterbitkan_pada__gte=p.awal, diterbitkan_pada__lt=p.akhir)
    produk = _saring(ProdukHukum.objects.terbit(), ids, semua).order_by()
    # COUNT(*) over satker and diterbitkan_pada only: answered from the index
    # of published products per Satker (produk_terbit_satker_idx).
    for satker_id, total, jumlah_periode in (
        produk.values("satker_id")
        .annotate(total=Count("*"), periode=Count("diterbitkan_pada", filter=dalam_periode))
        .values_list("satker_id", "total", "periode")
    ):
        if satker_id in angka:
            angka[satker_id].terbit_total = total
            angka[satker_id].terbit_periode = jumlah_periode
    # One query per rule, each answered from its partial index (pemantauan.indeks).
    for nama, (_, q) in INDEKS.items():
        for satker_id, n in (
            produk.filter(q())
            .values("satker_id")
            .annotate(n=Count("*"))
            .values_list("satker_id", "n")
        ):
            if satker_id in angka:
                setattr(angka[satker_id], nama, n)

    per_bulan: dict[date, int] = {}
    for baris in (
        produk.filter(dalam_periode)
        .annotate(bulan=TruncMonth("diterbitkan_pada"))
        .values("bulan")
        .annotate(n=Count("*"))
    ):
        bulan = baris["bulan"]
        if isinstance(bulan, datetime):
            bulan = timezone.localtime(bulan).date() if timezone.is_aware(bulan) else bulan.date()
        per_bulan[bulan.replace(day=1)] = per_bulan.get(bulan.replace(day=1), 0) + baris["n"]

    terlambat = _permohonan_terlambat(ids, semua, angka, sekarang)

    # A harvest broken off halfway delivered nothing the network can use.
    panen = PanenJDIHN.objects.filter(selesai=True).order_by()
    nasional = panen.filter(satker__isnull=True).aggregate(w=Max("waktu"))["w"]
    for satker_id, waktu in (
        _saring(panen.filter(satker__isnull=False), ids, semua)
        .values("satker_id")
        .annotate(w=Max("waktu"))
        .values_list("satker_id", "w")
    ):
        if satker_id in angka:
            angka[satker_id].panen_terakhir, angka[satker_id].panen_sumber = waktu, "satker"
    # The national feed carries every Satker's products: its harvest counts
    # for each of them when it is newer than the Satker's own feed.
    if nasional is not None:
        for a in angka.values():
            if a.panen_terakhir is None or nasional > a.panen_terakhir:
                a.panen_terakhir, a.panen_sumber = nasional, "nasional"
    return Data(angka, terlambat, nasional, per_bulan, sekarang)


def _permohonan_terlambat(ids, semua, angka, sekarang) -> list[Terlambat]:
    """Open sop 000 requests and those past their step's mutu baku, by the
    rule Tugas saya shows: time in the current state against the standard of
    the step it waits for (workflow.waktu, the Satker's own standard first)."""
    tingkat = dict(
        _saring(TingkatValidasi.objects.order_by(), ids, semua)
        .values("satker_id")
        .annotate(n=Count("pk"))
        .values_list("satker_id", "n")
    )
    mutu = TabelMutuBaku()
    terbuka = (
        _saring(Permohonan.objects.exclude(status__in=STATUS_SELESAI), ids, semua)
        .only("pk", "satker_id", "jenis", "status", "tingkat_lolos", "status_sejak")
        .order_by("status_sejak", "pk")
    )
    hasil = []
    for p in terbuka:
        a = angka.get(p.satker_id)
        if a is None:
            continue
        a.terbuka += 1
        tahap = p.tahap_menunggu(jumlah_tingkat=tingkat.get(p.satker_id, 0))
        standar = mutu.standar(tahap, p.satker_id) if tahap else None
        umur = sekarang - p.status_sejak
        if standar is not None and umur > standar:
            a.terlambat += 1
            hasil.append(Terlambat(p.pk, p.satker_id, tahap, umur, standar))
    return hasil


# --- rows of the table ------------------------------------------------------


@dataclass
class Baris:
    """A Satker in the table: its own figures, or (``gabungan``) the sum of
    its subtree with how many offices are in each state."""

    simpul: Simpul
    angka: Angka
    sehat: kesehatan.Kesehatan
    jumlah_satker: int = 1
    per_status: Counter = field(default_factory=Counter)
    gabungan: bool = False


def baris_sendiri(simpul: Simpul, data: Data) -> Baris:
    a = data.angka.get(simpul.id, Angka())
    return Baris(simpul, a, kesehatan.nilai(a, data.sekarang))


def baris_gabungan(simpul: Simpul, ids: set[int], data: Data) -> Baris:
    """The subtree ``ids`` of ``simpul`` summed; the feed column shows the
    stalest harvest among its offices that publish anything."""
    total = Angka()
    nilai = []
    per_status: Counter = Counter()
    panen = []
    for i in ids:
        a = data.angka.get(i, Angka())
        total.tambah(a)
        k = kesehatan.nilai(a, data.sekarang)
        nilai.append(k)
        per_status[k.status] += 1
        if a.terbit_total:
            panen.append((a.panen_terakhir is not None, a.panen_terakhir, a.panen_sumber))
    if panen:
        ada, waktu, sumber = min(panen, key=lambda x: (x[0], x[1] or data.sekarang))
        total.panen_terakhir, total.panen_sumber = (waktu, sumber) if ada else (None, "")
    return Baris(
        simpul,
        total,
        kesehatan.gabung(nilai, per_status),
        jumlah_satker=len(ids),
        per_status=per_status,
        gabungan=len(ids) > 1,
    )


URUTAN = {
    "nama": lambda b: b.simpul.nama.lower(),
    "status": lambda b: (b.sehat.bobot, b.angka.terlambat, b.angka.tidak_lengkap),
    "terbit": lambda b: b.angka.terbit_periode,
    "terlambat": lambda b: b.angka.terlambat,
    "tidak_lengkap": lambda b: b.angka.tidak_lengkap,
    "panen": lambda b: (b.angka.panen_terakhir is not None, b.angka.panen_terakhir or 0),
}
KOLOM_URUT = [
    ("nama", "Nama satker"),
    ("status", "Status"),
    ("terbit", "Terbit dalam periode"),
    ("terlambat", "Permohonan terlambat"),
    ("panen", "Panen JDIHN terakhir"),
    ("tidak_lengkap", "Produk tidak lengkap"),
]
PILIHAN_URUT = [
    pilihan
    for kode, label in KOLOM_URUT
    for pilihan in ((kode, f"{label}, naik"), (f"-{kode}", f"{label}, turun"))
]


def urutkan(daftar: list[Baris], urut: str) -> list[Baris]:
    turun = urut.startswith("-")
    kunci = URUTAN[urut.lstrip("-")]
    # The name breaks ties, always A→Z.
    daftar = sorted(daftar, key=lambda b: b.simpul.nama.lower())
    return sorted(daftar, key=kunci, reverse=turun)


def produk_tidak_lengkap(satker_id: int):
    """The office's own published products missing metadata or abstrak,
    oldest publication first (the backlog to clear)."""
    return (
        ProdukHukum.objects.terbit()
        .filter(q_tidak_lengkap(), satker_id=satker_id)
        .select_related("jenis", "satker")
        .only(
            *"id judul nomor tahun tipe_dokumen tanggal_penetapan abstrak penerbit "
            "tempat_terbit deskripsi_fisik penulis jurnal lembaga_peradilan nomor_perkara "
            "amar diterbitkan_pada jenis__singkatan satker__slug".split()
        )
        .order_by("diterbitkan_pada", "id")
    )


def permohonan_terlambat(daftar: list[Terlambat], satker_id: int, batas: int):
    """The office's own overdue requests (most overdue first), with their
    products, in one query."""
    milik = sorted(
        (t for t in daftar if t.satker_id == satker_id),
        key=lambda t: t.standar - t.umur,
    )
    tampil = milik[:batas]
    objek = Permohonan.objects.select_related("produk__jenis").in_bulk([t.pk for t in tampil])
    return [(objek[t.pk], t) for t in tampil if t.pk in objek], len(milik)
