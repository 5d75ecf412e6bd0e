from django.urls import path

from . import views_staf

app_name = "profil"

urlpatterns = [
    path("profil/", views_staf.ubah, name="ubah"),
    path("profil/<slug:satker>/<slug:bagian>/", views_staf.ubah_bagian, name="ubah-bagian"),
    path("pesan/", views_staf.pesan, name="pesan"),
    path("pesan/<int:pk>/", views_staf.pesan_detail, name="pesan-detail"),
]
