from django.urls import include, path

from . import (
    views,
    views_evaluasi,
    views_lampiran,
    views_siapkan,
    views_subjek,
    views_tugas,
)

app_name = "workflow"

urlpatterns = [
    path("", views_tugas.tugas_saya, name="tugas-saya"),
    path("peran/", views_tugas.peran_saya, name="peran-saya"),
    path("permohonan/baru/", views.permohonan_baru, name="permohonan-baru"),
    path("permohonan/penurunan/", views.usulan_penurunan, name="usulan-penurunan"),
    path("permohonan/<int:pk>/", views.permohonan_detail, name="permohonan"),
    path("permohonan/<int:pk>/siapkan/", views_siapkan.siapkan, name="siapkan"),
    path("permohonan/<int:pk>/lampiran/", views_lampiran.lampiran, name="lampiran"),
    path("permohonan/<int:pk>/lampiran/<int:versi_pk>/", views_lampiran.pdf, name="lampiran-pdf"),
    path("permohonan/<int:pk>/disposisi/cetak/", views.disposisi_cetak, name="disposisi-cetak"),
    path("permohonan/<int:pk>/nota-dinas/", views.nota_dinas_pdf, name="nota-dinas"),
    path("permohonan/<int:pk>/lengkapi/", views.lengkapi, name="lengkapi"),
    path("permohonan/<int:pk>/berkas/<int:versi_pk>/", views.berkas, name="berkas"),
    path(
        "permohonan/<int:pk>/berkas/<int:versi_pk>/proses-ulang/",
        views.proses_ulang_berkas,
        name="proses-ulang",
    ),
    path("permohonan/<int:pk>/<str:aksi>/", views.permohonan_aksi, name="aksi"),
    path("evaluasi/", views_evaluasi.evaluasi, name="evaluasi"),
    path("subjek/saran/", views_subjek.saran, name="subjek-saran"),
    path("penyusunan/", include("workflow.penyusunan.urls")),
    path("konten/", include("workflow.konten.urls")),
]
