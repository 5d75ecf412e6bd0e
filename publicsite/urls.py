from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter

from . import (
    feeds,
    views,
    views_abstrak,
    views_cari,
    views_ekspor,
    views_halaman,
    views_integrasi,
    views_kartu,
    views_konten,
    views_lampiran,
    views_statistik,
    views_verifikasi,
)
from .converters import SatkerSlugConverter
from .sitemaps import SITEMAPS

register_converter(SatkerSlugConverter, "satker")

app_name = "publicsite"

produk = "<satker:satker>/produk/<int:pk>-<slug:slug>/"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("cari/", views_cari.cari, name="cari"),
    path("statistik/", views_statistik.statistik, name="statistik"),
    path("statistik/pengunjung/", views_statistik.pengunjung, name="statistik-pengunjung"),
    path("cari/ekspor.<str:format>", views_ekspor.ekspor, name="ekspor"),
    path("integrasi/jdihn.json", views_integrasi.umpan, name="jdihn"),
    path(
        "integrasi/berkas/<int:pk>/<str:nama_berkas>",
        views_integrasi.berkas,
        name="jdihn-berkas",
    ),
    path("umpan/terbaru.xml", feeds.ProdukTerbaruFeed(), name="atom"),
    path("robots.txt", views.robots, name="robots"),
    path("favicon.ico", views_halaman.Favikon.as_view(), name="favikon"),
    path("verifikasi/<str:kode>/", views_verifikasi.verifikasi, name="verifikasi"),
    path("konten/", views_konten.konten, name="konten"),
    path("konten/<int:pk>/", views_konten.konten_entri, name="konten-entri"),
    path("konten/<int:pk>/gambar", views_konten.konten_gambar, name="konten-gambar"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "publicsite:sitemap-bagian"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-bagian",
    ),
    path("<satker:satker>/", views.beranda_satker, name="satker"),
    path("<satker:satker>/statistik/", views_statistik.statistik, name="statistik-satker"),
    path("<satker:satker>/logo.png", views_halaman.logo_satker, name="logo-satker"),
    # Profil, kontak (app profil) and the IKM survey (app survei) of one Satker.
    path("<satker:satker>/", include("profil.urls_publik")),
    path("<satker:satker>/", include("survei.urls_publik")),
    path("<satker:satker>/konten/", views_konten.konten, name="konten-satker"),
    path("<satker:satker>/integrasi/jdihn.json", views_integrasi.umpan, name="jdihn-satker"),
    path("<satker:satker>/umpan/terbaru.xml", feeds.ProdukTerbaruFeed(), name="atom-satker"),
    path(produk, views.detail, name="detail"),
    path(produk + "unduh/", views.unduh, name="unduh"),
    path(produk + "pratinjau/", views.pratinjau, name="pratinjau"),
    path(produk + "versi/<int:nomor_versi>/unduh/", views.unduh, name="unduh-versi"),
    path(produk + "kartu-<str:ukuran>.png", views_kartu.kartu, name="kartu"),
    path(
        produk + "versi/<int:nomor_versi>/halaman-<int:halaman>.webp",
        views_halaman.gambar_halaman,
        name="gambar-halaman",
    ),
    path(produk + "kode-qr.svg", views_halaman.kode_qr, name="kode-qr"),
    path(produk + "abstrak/<str:nama_berkas>", views_abstrak.abstrak_pdf, name="abstrak"),
    path(
        produk + "lampiran/<int:lampiran>/<str:nama_berkas>",
        views_lampiran.unduh,
        name="lampiran",
    ),
]
