"""Tugas saya: every procedure's work waiting for the user, one list."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from . import forms
from .konteks_staf import administrator_situs, nama_tampil
from .models import PenugasanPeran
from .selectors import KonteksPengguna, baris_tugas, daftar_tugas, muat_halaman
from .views import halaman_daftar
from .waktu import TabelMutuBaku


@login_required
def tugas_saya(request):
    """Every procedure's work waiting for me (or, with lingkup=semua, all of
    my Satkers'), one list, oldest first."""
    konteks = KonteksPengguna(request.user)
    semua = request.GET.get("lingkup") == "semua"
    saringan = forms.SaringanForm(request.GET or None)
    nilai = saringan.cleaned_data if saringan.is_valid() else {}
    halaman, parameter = halaman_daftar(request, daftar_tugas(konteks, semua, nilai))
    alur = muat_halaman(halaman.object_list)
    # The standards of the Satkers on this page only (a KPU RI user has 553).
    mutu = TabelMutuBaku(satker_ids={a.satker_id for a in alur})
    baris = baris_tugas(alur, konteks, mutu)
    tanpa_peran = not konteks.izin
    return render(
        request,
        "workflow/tugas_saya.html",
        {
            "baris": baris,
            # The rows' total-vs-norm (waktu_alur.total_singkat) reuses these:
            # no query per row, none per page.
            "mutu_baku": mutu,
            "jumlah_tingkat_satker": {s: len(t) for s, t in konteks.tingkat.items()},
            "halaman": halaman,
            "saringan": saringan,
            "semua": semua,
            "parameter": parameter,
            "boleh_ajukan": bool(konteks.satker_dengan("ajukan_permohonan")),
            "boleh_susun": bool(konteks.satker_dengan("ajukan_penyusunan")),
            "boleh_evaluasi": bool(konteks.satker_dengan("evaluasi_sop"))
            or request.user.is_superuser,
            "tanpa_peran": tanpa_peran,
            "tanya_admin": _tanya_admin(request.user) if tanpa_peran else [],
        },
    )


def _tanya_admin(user):
    """Whom a user without a role asks for one: the site's administrators
    (never another office's staff)."""
    if user.is_superuser:
        return []
    return [(nama_tampil(a), a.email) for a in administrator_situs() if a.pk != user.pk]


PERAN_PER_HALAMAN = 50


@login_required
def peran_saya(request):
    """Every role the user holds, by Satker, paged: the staff header lists a
    few (a KPU RI user holds roles in 553 Satker) and links here."""
    qs = (
        PenugasanPeran.objects.filter(pengguna=request.user)
        .select_related("satker", "peran")
        .order_by("satker__nama", "peran__name", "pk")
    )
    halaman = Paginator(qs, PERAN_PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(request, "workflow/peran_saya.html", {"halaman": halaman})
