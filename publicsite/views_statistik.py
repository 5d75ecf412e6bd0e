"""Public statistics of the catalogue."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from documents.models import ProdukHukum

from . import selectors
from .grafik import grafik_batang


def _cari_url(**params):
    return reverse("publicsite:cari") + "?" + urlencode(params)


@require_safe
def statistik(request, satker=None):
    per_tahun = sorted(selectors.jumlah_per_tahun(), key=lambda r: r["tahun"])
    per_jenis = selectors.jumlah_per_jenis()
    per_status = selectors.jumlah_per_status()
    label_status = dict(ProdukHukum._meta.get_field("status").choices)
    unduhan = selectors.paling_diunduh()
    grafik = [
        grafik_batang(
            "grafik-tahun",
            "Produk hukum per tahun",
            [(r["tahun"], r["jumlah"], _cari_url(tahun=r["tahun"])) for r in per_tahun],
        ),
        grafik_batang(
            "grafik-jenis",
            "Produk hukum per jenis",
            [(j.nama, j.jumlah, _cari_url(jenis=j.pk)) for j in per_jenis],
        ),
        grafik_batang(
            "grafik-status",
            "Produk hukum per status",
            [
                (label_status.get(s, s), r["jumlah"], _cari_url(status=s))
                for r in per_status
                for s in [r["status"]]
            ],
        ),
        grafik_batang(
            "grafik-unduhan",
            "Paling banyak diunduh",
            [(f"{p} — {p.judul}", p.jumlah_unduhan, p.get_absolute_url()) for p in unduhan],
        ),
    ]
    total = sum(r["jumlah"] for r in per_status)
    return render(request, "publicsite/statistik.html", {"grafik": grafik, "total": total})


@require_safe
def pengunjung(request):
    # Visitor statistics: built in issue 12 (daily visits, top pages).
    raise Http404
