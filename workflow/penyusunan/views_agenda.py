"""The buku agenda naskah dinas: the numbering register, read and printed.

Numbers are only ever taken by the workflow (``penomoran.ambil_nomor``); this
page shows one register — one Satker, one year, and one jenis where the office
keeps a register per jenis — line by line, cancelled numbers included, for
the Satkers where the user may see the drafting of Keputusan.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from documents.models import Jenis, Satker

from .akses import satker_boleh
from .models import FormatNomor, NomorNaskah, RegisterNomor

PER_HALAMAN = 200
TAHUN_MIN = 1945
TAHUN_MAKS = 2100


def _q_per_jenis(satker_ids):
    """Jenis that have a register of their own in one of these Satkers (set up
    so now, or kept so in an earlier year)."""
    format_sendiri = FormatNomor.objects.filter(satker_id__in=satker_ids, register_per_jenis=True)
    register_sendiri = RegisterNomor.objects.filter(satker_id__in=satker_ids, jenis__isnull=False)
    return Q(pk__in=format_sendiri.values("jenis_id")) | Q(
        pk__in=register_sendiri.values("jenis_id")
    )


class SaringanBukuAgenda(forms.Form):
    """Which register to show. Everything is checked here: a Satker not among
    the user's, a year out of range or text where a number belongs is a form
    error, never a database error."""

    satker = forms.ModelChoiceField(
        queryset=Satker.objects.none(), label="Satker", empty_label=None
    )
    tahun = forms.IntegerField(
        label="Tahun",
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAKS,
        widget=forms.NumberInput(attrs={"min": TAHUN_MIN, "max": TAHUN_MAKS, "step": 1}),
    )
    jenis = forms.ModelChoiceField(
        queryset=Jenis.objects.none(),
        label="Buku agenda jenis",
        required=False,
        empty_label="Buku agenda bersama satker",
        help_text="Hanya bila satker menyimpan buku agenda tersendiri untuk jenis tertentu.",
    )

    def __init__(self, *args, satker_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = Satker.objects.filter(pk__in=satker_ids)
        per_jenis = Jenis.objects.filter(_q_per_jenis(satker_ids))
        if per_jenis.exists():
            self.fields["jenis"].queryset = per_jenis
        else:
            del self.fields["jenis"]

    def clean(self):
        data = super().clean()
        satker, jenis = data.get("satker"), data.get("jenis")
        if satker is not None and jenis is not None:
            if not Jenis.objects.filter(_q_per_jenis([satker.pk]), pk=jenis.pk).exists():
                self.add_error(
                    "jenis",
                    f"{satker} tidak menyimpan buku agenda tersendiri untuk {jenis}; "
                    "kosongkan pilihan jenis untuk melihat buku agenda bersama.",
                )
        return data


def _data_saringan(request, satker_ids):
    """The form's data: the request's values over the defaults (the user's
    first Satker, this year, the shared register), so ``?cetak=1`` alone or a
    page link with only some values still names one register."""
    bawaan = (
        Satker.objects.filter(pk__in=satker_ids).order_by("nama").values_list("pk", flat=True)[:1]
    )
    data = {
        "satker": str(bawaan[0]) if bawaan else "",
        "tahun": str(timezone.localdate().year),
        "jenis": "",
    }
    for kunci in data:
        if kunci in request.GET:
            data[kunci] = request.GET.get(kunci, "")
    return data


@login_required
@require_GET
def buku_agenda(request):
    satker_ids = satker_boleh(request.user, "lihat_penyusunan")
    if not satker_ids:
        raise PermissionDenied(
            "Buku agenda naskah dinas hanya dapat dilihat oleh staf satker yang berperan "
            "dalam penyusunan keputusan."
        )
    form = SaringanBukuAgenda(_data_saringan(request, satker_ids), satker_ids=satker_ids)
    cetak = request.GET.get("cetak") == "1"
    konteks = {"form": form, "cetak": False, "ada_per_jenis": "jenis" in form.fields}
    if not form.is_valid():
        return render(request, "workflow/penyusunan/buku_agenda.html", konteks)

    satker = form.cleaned_data["satker"]
    tahun = form.cleaned_data["tahun"]
    jenis = form.cleaned_data.get("jenis")
    register = (
        RegisterNomor.objects.filter(satker=satker, tahun=tahun, jenis=jenis)
        .select_related("jenis")
        .first()
    )
    baris = (
        NomorNaskah.objects.filter(register=register)
        .select_related("penyusunan", "dibuat_oleh")
        .order_by("urut")
        if register is not None
        else NomorNaskah.objects.none()
    )
    ringkasan = (
        baris.aggregate(
            jumlah=Count("pk"), dibatalkan=Count("pk", filter=Q(dibatalkan_pada__isnull=False))
        )
        if register is not None
        else {"jumlah": 0, "dibatalkan": 0}
    )
    parameter = request.GET.copy()
    for kunci in ("halaman", "cetak"):
        parameter.pop(kunci, None)
    for kunci, nilai in (("satker", satker.pk), ("tahun", tahun)):
        parameter[kunci] = str(nilai)
    if jenis is not None:
        parameter["jenis"] = str(jenis.pk)
    halaman = None
    if cetak:
        baris = list(baris)
    else:
        halaman = Paginator(baris, PER_HALAMAN).get_page(request.GET.get("halaman"))
        baris = halaman.object_list
    konteks.update(
        {
            "cetak": cetak,
            "satker": satker,
            "tahun": tahun,
            "jenis": jenis,
            "register": register,
            "baris": baris,
            "halaman": halaman,
            "ringkasan": ringkasan,
            "parameter": parameter.urlencode(),
            "dicetak_pada": timezone.localtime(),
        }
    )
    return render(request, "workflow/penyusunan/buku_agenda.html", konteks)
