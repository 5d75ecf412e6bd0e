"""Public statistics: the catalogue (national, one Satker, across Satkers)
and the visitors of the portal."""

from datetime import timedelta
from urllib.parse import urlencode

from django import forms
from django.core.cache import cache
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from documents.models import Satker

from . import kunjungan, selectors_statistik
from .grafik import grafik_batang, grafik_kolom


def _cari_url(**params):
    return reverse("publicsite:cari") + "?" + urlencode(params)


def _grafik_katalog(data, satker):
    lingkup = {"satker": satker.slug} if satker else {}
    return [
        grafik_batang(
            "grafik-tahun",
            "Produk hukum per tahun",
            [(t, n, _cari_url(tahun=t, **lingkup)) for t, n in data["per_tahun"]],
        ),
        grafik_batang(
            "grafik-jenis",
            "Produk hukum per jenis",
            [(nama, n, _cari_url(jenis=pk, **lingkup)) for pk, nama, n in data["per_jenis"]],
        ),
        grafik_batang(
            "grafik-status",
            "Produk hukum per status",
            [(label, n, _cari_url(status=s, **lingkup)) for s, label, n in data["per_status"]],
        ),
        grafik_batang("grafik-unduhan", "Paling banyak diunduh", data["unduhan_teratas"]),
    ]


@require_safe
def statistik(request, satker=None):
    if satker is not None:
        satker = get_object_or_404(Satker, slug=satker)
    data = selectors_statistik.ringkasan_katalog(satker)
    konteks = {
        "satker": satker,
        "ringkasan": data,
        "total": data["jumlah"],
        "grafik": _grafik_katalog(data, satker),
    }
    if satker is None:
        baris = selectors_statistik.per_satker()
        konteks["per_satker"] = baris
        konteks["grafik_satker"] = grafik_batang(
            "grafik-satker",
            "Produk hukum terbit per satker",
            [
                (b.nama, b.jumlah, reverse("publicsite:statistik-satker", args=[b.slug]))
                for b in baris
            ],
        )
    return render(request, "publicsite/statistik.html", konteks)


# --- visitors -------------------------------------------------------------

PERIODE = [("7", "7 hari terakhir"), ("30", "30 hari terakhir"), ("90", "90 hari terakhir")]
PERIODE += [("365", "365 hari terakhir")]
UMUR_PENGUNJUNG = 60


class PengunjungForm(forms.Form):
    # The unfiltered page shows 30 days, so the select must say so too.
    hari = forms.TypedChoiceField(
        label="Periode",
        choices=PERIODE,
        coerce=int,
        required=False,
        empty_value=30,
        initial="30",
    )
    satker = forms.ModelChoiceField(
        label="Satker",
        queryset=Satker.objects.order_by("nama").only("pk", "slug", "nama"),
        to_field_name="slug",
        required=False,
        empty_label="Seluruh portal",
    )


def _data_pengunjung(hari, satker):
    sampai = kunjungan.hari_ini()
    dari = sampai - timedelta(days=hari - 1)
    if satker is None:
        per_hari = selectors_statistik.kunjungan_per_hari(dari, sampai)
        awalan = ""
    else:
        awalan = f"/{satker.slug}/"
        per_hari = [
            (t, n, None)
            for t, n in selectors_statistik.kunjungan_per_hari_awalan(dari, sampai, awalan)
        ]
    teratas = selectors_statistik.halaman_teratas(dari, sampai, awalan)
    judul = selectors_statistik.judul_halaman([j for j, _ in teratas])
    return {
        "dari": dari,
        "sampai": sampai,
        "per_hari": per_hari,
        "total": sum(n for _, n, _ in per_hari),
        "pengunjung": None if satker else sum(u for _, _, u in per_hari),
        "teratas": [(j, judul.get(j, ""), n) for j, n in teratas],
    }


@require_safe
def pengunjung(request):
    form = PengunjungForm(request.GET or None)
    hari, satker = 30, None
    if form.is_bound and form.is_valid():
        hari = form.cleaned_data["hari"] or 30
        satker = form.cleaned_data["satker"]
    # This process's waiting counts first, so the page includes them.
    kunjungan.simpan()
    kunci = f"publik:pengunjung:{kunjungan.hari_ini()}:{hari}:{satker.pk if satker else '-'}"
    data = cache.get_or_set(kunci, lambda: _data_pengunjung(hari, satker), UMUR_PENGUNJUNG)
    fmt = "%d-%m-%Y"
    grafik = grafik_kolom(
        "grafik-kunjungan",
        f"Tayangan halaman per hari, {data['dari']:{fmt}} s.d. {data['sampai']:{fmt}}",
        [(f"{t:%d-%m}", n) for t, n, _ in data["per_hari"]],
        satuan="tayangan",
    )
    rata = data["total"] / len(data["per_hari"]) if data["per_hari"] else 0
    return render(
        request,
        "publicsite/statistik_pengunjung.html",
        {
            "form": form,
            "hari": hari,
            "satker": satker,
            "data": data,
            "rata": rata,
            "grafik": grafik,
            "simpan_detik": kunjungan.interval_simpan(),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
