"""URLs for bench/bench_kunjungan.py: a trivial public HTML page (counted by
the visitor statistics) next to the real site."""

from django.http import HttpResponse
from django.urls import path

from jdih.urls import urlpatterns as urlpatterns_situs


def trivial_html(request):
    return HttpResponse("<!doctype html><title>x</title><p>ok</p>")


urlpatterns = [path("__trivial-html/", trivial_html), *urlpatterns_situs]
