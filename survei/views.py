"""The public survey form of one Satker and its thank-you page."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from documents.models import Satker

from . import batas
from .forms import SurveiForm
from .models import ResponsSurvei


def _satker(slug):
    return get_object_or_404(Satker, slug=slug)


def _halaman(request, satker, form, status=200):
    return render(
        request,
        "survei/isi.html",
        {"satker": satker, "form": form, "token": batas.token_baru()},
        status=status,
    )


@never_cache  # the page carries a fresh signed timestamp on every view
@require_http_methods(["GET", "HEAD", "POST"])
def isi(request, satker):
    satker = _satker(satker)
    if request.method != "POST":
        return _halaman(request, satker, SurveiForm())
    if not batas.catat_percobaan(request):
        return render(request, "survei/terlalu_sering.html", {"satker": satker}, status=429)
    form = SurveiForm(request.POST)
    if not form.is_valid():
        return _halaman(request, satker, form, status=400)
    tujuan = redirect("publicsite:survei-terima-kasih", satker=satker.slug)
    if form.jebakan_terisi:
        return tujuan  # a bot is thanked like anyone, and nothing is kept
    if batas.kuota_harian_habis(request):
        return render(request, "survei/terlalu_sering.html", {"satker": satker}, status=429)
    ResponsSurvei.objects.create(satker=satker, tanggal=timezone.localdate(), **form.data_respons())
    batas.catat_diterima(request)
    return tujuan


@require_safe
def terima_kasih(request, satker):
    return render(request, "survei/terima_kasih.html", {"satker": _satker(satker)})
