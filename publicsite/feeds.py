"""Atom feed of newly published products, for the whole site and per Satker."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from documents.models import Satker

from . import selectors

JUMLAH = 50


class ProdukTerbaruFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, satker=None):
        return get_object_or_404(Satker, slug=satker) if satker else None

    def title(self, satker):
        nama = satker.nama if satker else "KPU"
        return f"JDIH {nama}: produk hukum terbaru"

    def subtitle(self, satker):
        return "Produk hukum yang baru terbit di Jaringan Dokumentasi dan Informasi Hukum KPU."

    def link(self, satker):
        if satker:
            return reverse("publicsite:satker", args=[satker.slug])
        return reverse("publicsite:beranda")

    def items(self, satker):
        return selectors.terbaru(satker, JUMLAH)

    def item_title(self, item):
        return f"{item} tentang {item.judul}"

    def item_description(self, item):
        return item.abstrak or item.judul

    def item_pubdate(self, item):
        return item.diterbitkan_pada

    def item_updateddate(self, item):
        return item.diubah_pada

    def item_author_name(self, item):
        return item.teu_badan or item.satker.nama

    def item_categories(self, item):
        return [item.jenis.nama]
