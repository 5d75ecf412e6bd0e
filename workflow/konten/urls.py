from django.urls import path

from . import views

# Included by workflow.urls under /staf/konten/ (namespace "workflow").
urlpatterns = [
    path("", views.daftar, name="konten-daftar"),
    path("baru/", views.baru, name="konten-baru"),
    path("kalender/", views.kalender, name="konten-kalender"),
    path("<int:pk>/", views.detail, name="konten"),
    path("<int:pk>/konsep/", views.konsep, name="konten-konsep"),
    path("<int:pk>/gambar/", views.tambah_gambar, name="konten-gambar"),
    path("<int:pk>/gambar/<int:g_pk>/", views.berkas_gambar, name="konten-gambar-berkas"),
    path("<int:pk>/kartu/", views.buat_kartu, name="konten-kartu"),
    path("<int:pk>/perubahan/", views.perubahan, name="konten-perubahan"),
    path("<int:pk>/<str:aksi>/", views.aksi, name="konten-aksi"),
]
