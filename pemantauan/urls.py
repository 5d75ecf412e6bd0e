from django.urls import path

from . import views

app_name = "pemantauan"

urlpatterns = [
    path("", views.ringkasan, name="ringkasan"),
    path("<slug:slug>/", views.satker, name="satker"),
]
