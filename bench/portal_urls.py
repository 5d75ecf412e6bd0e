from django.http import HttpResponse
from django.urls import path

from jdih.urls import urlpatterns as urlpatterns_situs


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__trivial/", trivial), *urlpatterns_situs]
