from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from jdih import views_sehat

admin.site.site_header = "Administrasi JDIH KPU"
admin.site.site_title = "Admin JDIH KPU"
admin.site.index_title = "Pengelolaan satker, pengguna, peran, dan katalog"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("staf/satker/", include("profil.urls_staf")),
    path("staf/survei/", include("survei.urls_staf")),
    path("staf/", include("workflow.urls")),
    path("api/", include("api.urls")),
    path("healthz", views_sehat.healthz, name="healthz"),
    # The public site comes last: it owns the /<satker-slug>/ namespace.
    path("", include("publicsite.urls")),
]
