"""Read-only queries of the public gallery of social-media content: what the
office posted under sop 004 (documents.KontenTerbit), and the produk hukum
each item explains.

A posted item stays public (it is on the office's social accounts anyway),
but the products it names are read fresh on every request, in one prefetch
whatever the page length: a product is linked only while it is published,
a taken-down or unpublished one is "sedang diperbaiki" without a link, and
its Berlaku / Tidak Berlaku is today's, never the day of posting.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.paginator import Paginator
from django.db.models import Max, Prefetch, Q
from django.urls import reverse

from documents.models import (
    JenisKonten,
    KontenTerbit,
    ProdukHukum,
    Satker,
    StatusBerlaku,
    StatusPublikasi,
)

PER_HALAMAN = 12
# Items listed on a product's detail page (newest first).
MAKS_DI_PRODUK = 6

# The jenis of a posted item is stored as its code (documents.JenisKonten).
LABEL_JENIS = dict(JenisKonten.choices)

# Stored image formats (documents.gambar) and their media types.
JENIS_MEDIA = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}

DIPERBAIKI = "diperbaiki"


@dataclass(frozen=True)
class ProdukDijelaskan:
    """A produk hukum named by a posted item, as the public may see it today."""

    nama: str  # "Kpts KPU Prov Nomor 12/… Tahun 2024"
    judul: str
    url: str  # "" when the product is not published now: never linked
    keadaan: str  # StatusBerlaku value, or DIPERBAIKI
    label: str
    keterangan: str = ""


def _produk_dijelaskan(p: ProdukHukum) -> ProdukDijelaskan:
    if p.status_publikasi != StatusPublikasi.TERBIT:
        # Taken down, or back to draft: the reader learns it is being
        # corrected, with no link (its page would answer 404).
        return ProdukDijelaskan(str(p), p.judul, "", DIPERBAIKI, "Sedang diperbaiki")
    return ProdukDijelaskan(
        str(p),
        p.judul,
        p.get_absolute_url(),
        p.status,
        p.get_status_display(),
        p.keterangan_status if p.status == StatusBerlaku.TIDAK_BERLAKU else "",
    )


def _https(url: str) -> bool:
    try:
        return urlsplit(url or "").scheme == "https"
    except ValueError:
        return False


def _produk_terkini():
    """The products of the items, with only what the entry shows."""
    return (
        ProdukHukum.objects.select_related("jenis", "satker")
        .only(
            "id",
            "nomor",
            "tahun",
            "judul",
            "status",
            "keterangan_status",
            "status_publikasi",
            "jenis__singkatan",
            "satker__slug",
        )
        .order_by("-tahun", "-id")
    )


def konten_publik(satker: Satker | None = None, *, dengan_produk=True):
    """Posted items, newest first (the model's ordering, indexed per satker)."""
    qs = KontenTerbit.objects.select_related(
        "satker", "kartu_produk__jenis", "kartu_produk__satker"
    ).only(
        "id",
        "kartu_ukuran",
        "kartu_produk__id",
        "kartu_produk__status_publikasi",
        "kartu_produk__nomor",
        "kartu_produk__tahun",
        "kartu_produk__jenis__singkatan",
        "kartu_produk__satker__slug",
        "jenis",
        "judul",
        "caption",
        "tagar",
        "video_url",
        "gambar",
        "tautan",
        "diterbitkan_pada",
        "satker__slug",
        "satker__nama",
        "satker__zona_waktu",
    )
    if satker is not None:
        qs = qs.filter(satker=satker)
    if dengan_produk:
        qs = qs.prefetch_related(Prefetch("produk", queryset=_produk_terkini()))
    return qs.order_by("-diterbitkan_pada", "-id")


def siapkan(daftar):
    """What the templates show of each item, computed once: the jenis label,
    the links to the posts (https only, platform names as text), the
    products as they stand now."""
    for k in daftar:
        k.label_jenis = LABEL_JENIS.get(k.jenis, k.jenis.capitalize())
        k.tautan_publik = [(label, url) for label, url in k.daftar_tautan() if _https(url)]
        k.video_publik = k.video_url if _https(k.video_url) else ""
        # A share card is shown as the product stands today (its status badge
        # redrawn), never as the snapshot taken when it was posted; while the
        # product is taken down, no card at all.
        k.kartu_url, k.kartu_ditahan = "", False
        if k.kartu_produk_id:
            kp = k.kartu_produk
            if kp is not None and kp.status_publikasi == StatusPublikasi.TERBIT:
                k.kartu_url = reverse(
                    "publicsite:kartu", args=[kp.satker.slug, kp.pk, kp.slug, k.kartu_ukuran]
                )
            else:
                k.kartu_ditahan = True
        cache = getattr(k, "_prefetched_objects_cache", {})
        if "produk" in cache:
            k.produk_dijelaskan = [_produk_dijelaskan(p) for p in cache["produk"]]
    return daftar


def halaman_konten(satker: Satker | None, nomor):
    """One page of the gallery. ``nomor`` is the raw ?halaman= value (None or
    "" = the first page); raises django.core.paginator.InvalidPage for
    anything that is not an existing page."""
    paginator = Paginator(konten_publik(satker), PER_HALAMAN)
    halaman = paginator.page(nomor or 1)
    halaman.object_list = siapkan(list(halaman.object_list))
    return halaman


def letak_konten(pk: int) -> int | None:
    """The gallery page (/konten/?halaman=N) that shows item ``pk`` now, or
    None when there is no such item. Newer posts push an item to later
    pages, so links to it go through here rather than naming a page."""
    k = KontenTerbit.objects.filter(pk=pk).only("id", "diterbitkan_pada").first()
    if k is None:
        return None
    sebelum = KontenTerbit.objects.filter(
        Q(diterbitkan_pada__gt=k.diterbitkan_pada)
        | Q(diterbitkan_pada=k.diterbitkan_pada, id__gt=k.pk)
    ).count()
    return sebelum // PER_HALAMAN + 1


@dataclass(frozen=True)
class GambarKonten:
    berkas: object  # FieldFile
    jenis_media: str
    sha256: str
    nama: str


def gambar_konten(pk: int) -> GambarKonten | None:
    """The image of a posted item, or None when it has none."""
    k = (
        KontenTerbit.objects.filter(pk=pk)
        .exclude(gambar="")
        # A card snapshot of a product that is no longer public is withheld.
        .exclude(
            Q(kartu_produk__isnull=False)
            & ~Q(kartu_produk__status_publikasi=StatusPublikasi.TERBIT)
        )
        .only("id", "gambar", "format_gambar", "sha256_gambar")
        .first()
    )
    if k is None:
        return None
    ekstensi = (k.format_gambar or k.gambar.name.rsplit(".", 1)[-1]).lower()
    jenis_media = JENIS_MEDIA.get(ekstensi)
    if jenis_media is None:
        return None
    return GambarKonten(
        k.gambar, jenis_media, k.sha256_gambar, f"konten-{k.pk}.{ekstensi.replace('jpeg', 'jpg')}"
    )


def konten_untuk_produk(produk: ProdukHukum, jumlah: int = MAKS_DI_PRODUK) -> list:
    """The newest items made about ``produk``, for its detail page (one query)."""
    return siapkan(list(konten_publik(dengan_produk=False).filter(produk=produk)[:jumlah]))


def halaman_sitemap() -> list[tuple[str | None, object]]:
    """(satker slug or None for /konten/, newest posting) of every gallery
    page that shows something, in one query."""
    per_satker = list(
        KontenTerbit.objects.order_by()
        .values("satker__slug")
        .annotate(terakhir=Max("diterbitkan_pada"))
        .order_by("satker__slug")
        .values_list("satker__slug", "terakhir")
    )
    if not per_satker:
        return []
    return [(None, max(t for _, t in per_satker)), *per_satker]
