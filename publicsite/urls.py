from django.urls import path

from . import views

app_name = "publicsite"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("<slug:satker>/produk/<int:pk>-<slug:slug>/", views.detail, name="detail"),
]
