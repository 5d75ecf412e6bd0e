"""Tugas saya: every procedure's work waiting for the user, one list."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import forms
from .konteks_staf import administrator_situs, nama_tampil
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
    mutu = TabelMutuBaku()
    baris = baris_tugas(muat_halaman(halaman.object_list), konteks, mutu)
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
