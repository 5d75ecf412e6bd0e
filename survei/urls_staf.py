from django.urls import path

from . import views_staf

app_name = "survei"

urlpatterns = [
    path("", views_staf.hasil, name="hasil"),
]
