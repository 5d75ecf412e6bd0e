"""Read-only queries of the statistics pages: the catalogue (national, per
Satker and across Satkers) and the visitor counts.

The catalogue figures count published products only (publicsite.selectors)
and are cached: they change when a product is published, changed or taken
down, which starts a new generation (publicsite.models connects the
signals), and download counts (updated without a signal) lag by at most
UMUR_STATISTIK. Every value in the cache is plain data (numbers, strings,
tuples), never a model instance, so a cached page needs no query."""

import time
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum

from documents.models import ProdukHukum, Satker, StatusPublikasi

from . import selectors
from .models import KunjunganHalaman, KunjunganHarian

UMUR_STATISTIK = 600
KUNCI_GENERASI = "publik:statistik:generasi"
TERBIT = Q(produk_hukum__status_publikasi=StatusPublikasi.TERBIT)


def _generasi() -> str:
    """The current generation. A random-enough stamp, not a counter: if the
    cache drops this key, the next one matches no entry written before."""
    gen = cache.get(KUNCI_GENERASI)
    if gen is None:
        gen = str(time.time_ns())
        if not cache.add(KUNCI_GENERASI, gen, None):
            gen = cache.get(KUNCI_GENERASI) or gen
    return gen


def hapus_cache_statistik(**kwargs) -> None:
    cache.set(KUNCI_GENERASI, str(time.time_ns()), None)


def _tersimpan(nama: str, hitung):
    return cache.get_or_set(f"publik:statistik:{_generasi()}:{nama}", hitung, UMUR_STATISTIK)


# --- catalogue ------------------------------------------------------------


def ringkasan_katalog(satker: Satker | None = None) -> dict:
    """The figures of /statistik/ (``satker`` None) or /<satker>/statistik/."""
    nama = f"satker-{satker.pk}" if satker else "nasional"
    return _tersimpan(nama, lambda: _hitung_katalog(satker))


def _hitung_katalog(satker):
    label_status = dict(ProdukHukum._meta.get_field("status").choices)
    total = (
        selectors.produk_publik(satker)
        .order_by()
        .aggregate(
            jumlah=Count("id"),
            unduhan=Sum("jumlah_unduhan"),
            dilihat=Sum("jumlah_dilihat"),
            terakhir=Max("diterbitkan_pada"),
        )
    )
    return {
        "jumlah": total["jumlah"],
        "unduhan": total["unduhan"] or 0,
        "dilihat": total["dilihat"] or 0,
        "terakhir": total["terakhir"],
        "per_tahun": sorted((r["tahun"], r["jumlah"]) for r in selectors.jumlah_per_tahun(satker)),
        "per_jenis": [(j.pk, j.nama, j.jumlah) for j in selectors.jumlah_per_jenis(satker)],
        "per_status": [
            (r["status"], label_status.get(r["status"], r["status"]), r["jumlah"])
            for r in selectors.jumlah_per_status(satker)
        ],
        "unduhan_teratas": [
            (f"{p} — {p.judul}", p.jumlah_unduhan, p.get_absolute_url())
            for p in selectors.paling_diunduh(satker)
        ],
    }


@dataclass(frozen=True)
class BarisSatker:
    slug: str
    nama: str
    jumlah: int
    unduhan: int
    dilihat: int
    terakhir: object  # datetime of the latest publication


def per_satker() -> list[BarisSatker]:
    """Every Satker with at least one published product, its products,
    downloads and views; one query."""
    return _tersimpan("per-satker", _hitung_per_satker)


def _hitung_per_satker():
    baris = (
        Satker.objects.annotate(
            jumlah=Count("produk_hukum", filter=TERBIT),
            unduhan=Sum("produk_hukum__jumlah_unduhan", filter=TERBIT),
            dilihat=Sum("produk_hukum__jumlah_dilihat", filter=TERBIT),
            terakhir=Max("produk_hukum__diterbitkan_pada", filter=TERBIT),
        )
        .filter(jumlah__gt=0)
        .order_by("-jumlah", "nama")
        .values_list("slug", "nama", "jumlah", "unduhan", "dilihat", "terakhir")
    )
    return [BarisSatker(s, n, j, u or 0, d or 0, t) for s, n, j, u, d, t in baris]


# --- visitors -------------------------------------------------------------


def kunjungan_per_hari(dari: date, sampai: date) -> list[tuple[date, int, int]]:
    """(tanggal, tayangan, perkiraan pengunjung) for every day of the period,
    zero for a day without a row."""
    ada = {
        t: (j, p)
        for t, j, p in KunjunganHarian.objects.filter(tanggal__range=(dari, sampai)).values_list(
            "tanggal", "jumlah", "pengunjung"
        )
    }
    hari = (sampai - dari).days + 1
    return [(d, *ada.get(d, (0, 0))) for d in (dari + timedelta(days=i) for i in range(hari))]


def kunjungan_per_hari_awalan(dari: date, sampai: date, awalan: str) -> list[tuple[date, int]]:
    """(tanggal, tayangan) of the pages under ``awalan`` (one Satker's /slug/)."""
    ada = dict(
        KunjunganHalaman.objects.filter(tanggal__range=(dari, sampai), jalur__startswith=awalan)
        .order_by()
        .values("tanggal")
        .annotate(n=Sum("jumlah"))
        .values_list("tanggal", "n")
    )
    hari = (sampai - dari).days + 1
    return [(d, ada.get(d, 0)) for d in (dari + timedelta(days=i) for i in range(hari))]


def halaman_teratas(dari: date, sampai: date, awalan: str = "", jumlah: int = 20):
    """[(jalur, tayangan)] of the most viewed pages in the period."""
    qs = KunjunganHalaman.objects.filter(tanggal__range=(dari, sampai))
    if awalan:
        qs = qs.filter(jalur__startswith=awalan)
    return list(
        qs.order_by()
        .values("jalur")
        .annotate(n=Sum("jumlah"))
        .order_by("-n", "jalur")
        .values_list("jalur", "n")[:jumlah]
    )


# The pages under /<satker>/ by their URL name; any other reads as its name.
HALAMAN_SATKER = {
    "statistik-satker": "Statistik",
    "konten-satker": "Konten",
    "survei": "Survei kepuasan masyarakat",
    "survei-terima-kasih": "Survei kepuasan masyarakat (terima kasih)",
}


def judul_halaman(jalur_jalur: list[str]) -> dict[str, str]:
    """A readable name for each path: a product's title, a Satker's name, or
    the name of a fixed page; two queries however many paths. A path whose
    product is no longer published keeps its bare path."""
    from django.urls import Resolver404, resolve

    tetap = {
        "publicsite:beranda": "Beranda",
        "publicsite:cari": "Pencarian",
        "publicsite:statistik": "Statistik",
        "publicsite:statistik-pengunjung": "Statistik pengunjung",
        "publicsite:konten": "Konten",
    }
    hasil, produk_pk, satker_slug, cocok = {}, set(), set(), {}
    for jalur in jalur_jalur:
        try:
            m = resolve(jalur)
        except Resolver404:
            continue
        cocok[jalur] = m
        if m.view_name in tetap:
            hasil[jalur] = tetap[m.view_name]
        if "pk" in m.kwargs and m.url_name == "detail":
            produk_pk.add(m.kwargs["pk"])
        if "satker" in m.kwargs:
            satker_slug.add(m.kwargs["satker"])
    judul = dict(ProdukHukum.objects.terbit().filter(pk__in=produk_pk).values_list("pk", "judul"))
    nama = dict(Satker.objects.filter(slug__in=satker_slug).values_list("slug", "nama"))
    for jalur, m in cocok.items():
        if m.url_name == "detail" and m.kwargs.get("pk") in judul:
            hasil[jalur] = judul[m.kwargs["pk"]]
        elif m.url_name == "satker" and m.kwargs.get("satker") in nama:
            hasil[jalur] = nama[m.kwargs["satker"]]
        elif "satker" in m.kwargs and m.kwargs["satker"] in nama and jalur not in hasil:
            bagian = HALAMAN_SATKER.get(m.url_name, m.url_name.replace("-", " ").capitalize())
            hasil[jalur] = f"{nama[m.kwargs['satker']]}: {bagian}"
    return hasil
