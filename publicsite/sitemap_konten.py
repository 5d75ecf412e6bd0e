"""The sitemap section of the social-media content gallery: /konten/ and
each office's /<satker>/konten/ that shows something, with the time of the
newest posting as lastmod. Items have no page of their own (they are
anchors in the gallery), so only the gallery pages are listed."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .konten import halaman_sitemap


class KontenSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return halaman_sitemap()

    def location(self, item):
        slug, _ = item
        if slug is None:
            return reverse("publicsite:konten")
        return reverse("publicsite:konten-satker", args=[slug])

    def lastmod(self, item):
        return item[1]
