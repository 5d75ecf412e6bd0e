from django.urls import path

from . import views, views_agenda, views_distribusi

# Included by workflow.urls under /staf/penyusunan/ (namespace "workflow").
urlpatterns = [
    path("", views.daftar, name="penyusunan-daftar"),
    path("baru/", views.baru, name="penyusunan-baru"),
    path("buku-agenda/", views_agenda.buku_agenda, name="penyusunan-buku-agenda"),
    path("tanda-terima/", views_distribusi.tertunda, name="penyusunan-tertunda"),
    path("<int:pk>/", views.detail, name="penyusunan"),
    path("<int:pk>/draft/", views.draft, name="penyusunan-draft"),
    path("<int:pk>/draft/banding/", views.banding, name="penyusunan-banding"),
    path("<int:pk>/draft/<int:revisi>/pdf/", views.draft_pdf, name="penyusunan-draft-pdf"),
    path("<int:pk>/kelengkapan/", views.unggah_kelengkapan, name="penyusunan-kelengkapan"),
    path(
        "<int:pk>/kelengkapan/<int:k_pk>/",
        views.berkas_kelengkapan,
        name="penyusunan-kelengkapan-berkas",
    ),
    path("<int:pk>/salinan.pdf", views.berkas_salinan, name="penyusunan-salinan-berkas"),
    path("<int:pk>/penerima/", views_distribusi.tambah_penerima, name="penyusunan-penerima"),
    path("<int:pk>/kirim/", views_distribusi.kirim, name="penyusunan-kirim"),
    path(
        "<int:pk>/penerima/<int:r_pk>/tanda-terima/",
        views_distribusi.tanda_terima,
        name="penyusunan-tanda-terima",
    ),
    path(
        "<int:pk>/penerima/<int:r_pk>/bukti/",
        views_distribusi.bukti,
        name="penyusunan-bukti",
    ),
    path("<int:pk>/ekspedisi/", views_distribusi.buku_ekspedisi, name="penyusunan-ekspedisi"),
    path("<int:pk>/<str:aksi>/", views.aksi, name="penyusunan-aksi"),
]
