"""Tugas saya: every procedure's work waiting for the user, one list."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import forms
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
    baris = baris_tugas(muat_halaman(halaman.object_list), konteks, TabelMutuBaku())
    return render(
        request,
        "workflow/tugas_saya.html",
        {
            "baris": baris,
            "halaman": halaman,
            "saringan": saringan,
            "semua": semua,
            "parameter": parameter,
            "boleh_ajukan": bool(konteks.satker_dengan("ajukan_permohonan")),
            "boleh_susun": bool(konteks.satker_dengan("ajukan_penyusunan")),
            "boleh_evaluasi": bool(konteks.satker_dengan("evaluasi_sop"))
            or request.user.is_superuser,
            "tanpa_peran": not konteks.izin,
        },
    )
