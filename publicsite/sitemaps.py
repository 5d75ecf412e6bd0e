from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.models import ProdukHukum, Satker, StatusPublikasi

from .sitemap_konten import KontenSitemap


class HalamanSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["publicsite:beranda", "publicsite:cari", "publicsite:statistik"]

    def location(self, item):
        return reverse(item)


class SatkerSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Satker.objects.filter(produk_hukum__status_publikasi=StatusPublikasi.TERBIT)
            .distinct()
            .order_by("slug")
        )

    def location(self, item):
        return reverse("publicsite:satker", args=[item.slug])


class ProdukSitemap(Sitemap):
    changefreq = "monthly"
    # Django paginates the section at this size; the index lists the pages.
    limit = 10_000

    def items(self):
        return (
            ProdukHukum.objects.terbit()
            .select_related("jenis", "satker")
            .only("id", "nomor", "tahun", "diubah_pada", "jenis__singkatan", "satker__slug")
            .order_by("id")
        )

    def lastmod(self, item):
        return item.diubah_pada


class ProfilSitemap(Sitemap):
    """The Satker profile sections that have something to show."""

    changefreq = "monthly"

    def items(self):
        from django.db.models import Q

        from profil.models import BagianProfil

        return (
            BagianProfil.objects.exclude(Q(isi="") & Q(gambar=""))
            .select_related("satker")
            .only("id", "bagian", "diubah_pada", "satker__slug")
            .order_by("satker__slug", "bagian")
        )

    def lastmod(self, item):
        return item.diubah_pada


SITEMAPS = {
    "halaman": HalamanSitemap,
    "satker": SatkerSitemap,
    "produk": ProdukSitemap,
    "konten": KontenSitemap,
    "profil": ProfilSitemap,
}
