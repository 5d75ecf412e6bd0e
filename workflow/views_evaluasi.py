"""Evaluasi SOP: time per step against the mutu baku, per procedure."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from documents.ekspor import unduhan_csv
from documents.models import Satker

from . import forms_evaluasi
from .mesin import PROSEDUR
from .selectors_evaluasi import evaluasi_sop
from .views import _satker_boleh


@login_required
def evaluasi(request):
    if request.user.is_superuser:
        satker_qs = Satker.objects.all()
    else:
        satker_qs = _satker_boleh(request.user, "evaluasi_sop")
    if not satker_qs.exists():
        raise PermissionDenied("Evaluasi SOP hanya untuk Kasubbag Hukum & SDM.")
    hari_ini = timezone.localdate()
    awal = {
        "satker": satker_qs.first(),
        "prosedur": "unggah",
        "dari": hari_ini - timedelta(days=182),
        "sampai": hari_ini,
        "tahap": "",
        "orang": None,
    }
    form = forms_evaluasi.EvaluasiForm(request.GET or None, initial=awal, satker_qs=satker_qs)
    if request.GET:
        if not form.is_valid():
            return render(request, "workflow/evaluasi.html", {"form": form})
        pilihan = form.cleaned_data
    else:
        pilihan = awal
    ringkasan, baris = evaluasi_sop(
        pilihan["satker"],
        pilihan["dari"],
        pilihan["sampai"],
        pilihan["prosedur"],
        tahap=pilihan["tahap"],
        orang=pilihan["orang"],
    )
    if request.GET.get("format") == "csv":
        return _csv_evaluasi(pilihan, baris)
    return render(
        request,
        "workflow/evaluasi.html",
        {
            "form": form,
            "pilihan": pilihan,
            "prosedur": PROSEDUR[pilihan["prosedur"]],
            "ringkasan": ringkasan,
            "baris": baris,
            "tahap_terpilih": _tahap_terpilih(pilihan),
            "alamat_csv": _parameter(pilihan, format="csv"),
        },
    )


def _tahap_terpilih(pilihan):
    if not pilihan["tahap"]:
        return None
    return PROSEDUR[pilihan["prosedur"]].tahap_kode(pilihan["tahap"])


def _parameter(pilihan, **tambahan):
    """The query string of this very report (the CSV link keeps every filter)."""
    nilai = {
        "satker": pilihan["satker"].pk,
        "prosedur": pilihan["prosedur"],
        "dari": pilihan["dari"].isoformat(),
        "sampai": pilihan["sampai"].isoformat(),
    }
    if pilihan["tahap"]:
        nilai["tahap"] = f"{pilihan['prosedur']}:{pilihan['tahap']}"
    if pilihan["orang"] is not None:
        nilai["orang"] = pilihan["orang"].pk
    return urlencode({**nilai, **tambahan})


def _menit(d):
    return "" if d is None else f"{d.total_seconds() / 60:.1f}"


def _csv_evaluasi(pilihan, baris):
    saringan = "".join(
        f"-{bagian}"
        for bagian in (pilihan["tahap"], pilihan["orang"] and f"orang{pilihan['orang'].pk}")
        if bagian
    )
    nama = (
        f"evaluasi-{pilihan['prosedur']}-{pilihan['satker'].slug}-"
        f"{pilihan['dari']}-{pilihan['sampai']}{saringan}.csv"
    )
    respons, tulis = unduhan_csv(nama)
    tulis.writerow(
        [
            "langkah SOP",
            "tahap",
            "jumlah",
            "median (menit)",
            "persentil 90 (menit)",
            "mutu baku (menit)",
            "dalam standar",
            "persen dalam standar",
        ]
    )
    for b in baris:
        tulis.writerow(
            [
                b.tahap.label_langkah,
                b.tahap.nama,
                b.jumlah,
                _menit(b.median),
                _menit(b.p90),
                _menit(b.standar),
                "" if b.standar is None else b.dalam_standar,
                "" if b.persen_dalam_standar is None else b.persen_dalam_standar,
            ]
        )
    return respons
