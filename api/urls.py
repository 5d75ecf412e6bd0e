from django.urls import path, re_path

from . import views, views_dokumentasi

app_name = "api"

urlpatterns = [
    path("", views_dokumentasi.dokumentasi, name="dokumentasi"),
    path("v1/", views.Akar.as_view(), name="akar"),
    path("v1/produk/", views.ProdukDaftar.as_view(), name="produk-daftar"),
    path("v1/produk/<int:pk>/", views.ProdukDetail.as_view(), name="produk-detail"),
    path("v1/produk/<int:pk>/relasi/", views.ProdukRelasi.as_view(), name="produk-relasi"),
    path("v1/produk/<int:pk>/versi/", views.ProdukVersi.as_view(), name="produk-versi"),
    path("v1/produk/<int:pk>/lampiran/", views.ProdukLampiran.as_view(), name="produk-lampiran"),
    path("v1/satker/", views.SatkerDaftar.as_view(), name="satker-daftar"),
    path("v1/jenis/", views.JenisDaftar.as_view(), name="jenis-daftar"),
    path("v1/skema.json", views.Skema.as_view(), name="skema"),
    # Anything else under /api/ answers in JSON too.
    re_path(r"^.+$", views_dokumentasi.tidak_ada, name="tidak-ada"),
]
