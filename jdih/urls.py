from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from jdih import views_sehat
from workflow import lupa_sandi

lupa_sandi_view = lupa_sandi.LupaSandiView.as_view()

admin.site.site_header = "Administrasi JDIH KPU"
admin.site.site_title = "Admin JDIH KPU"
admin.site.index_title = "Pengelolaan satker, pengguna, peran, dan katalog"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    # Password reset by email (workflow.lupa_sandi); Django's names, so the
    # admin's login page offers the same link.
    path("masuk/lupa/", lupa_sandi_view, name="password_reset"),
    path("masuk/lupa/", lupa_sandi_view, name="admin_password_reset"),
    path(
        "masuk/lupa/terkirim/",
        lupa_sandi.LupaSandiTerkirimView.as_view(),
        name="password_reset_done",
    ),
    path(
        "masuk/atur-ulang/<uidb64>/<token>/",
        lupa_sandi.AturUlangSandiView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "masuk/atur-ulang/selesai/",
        lupa_sandi.AturUlangSelesaiView.as_view(),
        name="password_reset_complete",
    ),
    path("staf/satker/", include("profil.urls_staf")),
    path("staf/survei/", include("survei.urls_staf")),
    path("staf/pemantauan/", include("pemantauan.urls")),
    path("staf/", include("workflow.urls")),
    path("api/", include("api.urls")),
    path("healthz", views_sehat.healthz, name="healthz"),
    # The public site comes last: it owns the /<satker-slug>/ namespace.
    path("", include("publicsite.urls")),
]
