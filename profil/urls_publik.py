"""Public pages of one Satker; included by publicsite.urls under /<satker>/,
so the names live in the publicsite namespace."""

from django.urls import path

from . import views_publik

urlpatterns = [
    path("profil/", views_publik.profil, name="profil"),
    path("profil/<slug:bagian>/", views_publik.profil_bagian, name="profil-bagian"),
    path("profil/<slug:bagian>/gambar", views_publik.profil_gambar, name="profil-gambar"),
    path("kontak/", views_publik.kontak, name="kontak"),
    path("kontak/terkirim/", views_publik.kontak_terkirim, name="kontak-terkirim"),
]
