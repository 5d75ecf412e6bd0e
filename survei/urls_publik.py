"""Public pages of one Satker; included by publicsite.urls under /<satker>/,
so the names live in the publicsite namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("survei/", views.isi, name="survei"),
    path("survei/terima-kasih/", views.terima_kasih, name="survei-terima-kasih"),
]
