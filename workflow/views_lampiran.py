"""The Pengelola's lampiran actions on the prepare page (siapkan): add one,
upload a new version, remove one never published, retry its processing.
Thin: every decision is workflow.layanan's; errors come back as messages on
the prepare page."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from documents.models import Lampiran, VersiBerkas
from documents.pdf import BerkasTidakValid
from documents.unduhan import jawab_unduhan

from . import layanan
from .views import _permohonan_terlihat, alamat_ip

WAJIB_BERKAS = {"required": "Pilih berkas PDF lampiran.", "empty": "Berkas yang dipilih kosong."}
PILIHAN_SALAH = {
    "required": "Lampiran yang dimaksud tidak dikenal.",
    "invalid": "Lampiran yang dimaksud tidak dikenal.",
    "min_value": "Lampiran yang dimaksud tidak dikenal.",
}


class TambahForm(forms.Form):
    judul = forms.CharField(
        max_length=255,
        error_messages={
            "required": "Judul lampiran wajib diisi.",
            "max_length": "Judul lampiran paling panjang 255 karakter.",
        },
    )
    berkas = forms.FileField(error_messages=WAJIB_BERKAS)


class UnggahForm(forms.Form):
    lampiran = forms.IntegerField(min_value=1, error_messages=PILIHAN_SALAH)
    berkas = forms.FileField(error_messages=WAJIB_BERKAS)
    keterangan_perbaikan = forms.CharField(
        required=False,
        max_length=2000,
        error_messages={"max_length": "Keterangan perbaikan paling panjang 2000 karakter."},
    )


class HapusForm(forms.Form):
    lampiran = forms.IntegerField(min_value=1, error_messages=PILIHAN_SALAH)
    yakin = forms.BooleanField(
        error_messages={"required": "Centang konfirmasi untuk menghapus lampiran."}
    )


class ProsesUlangForm(forms.Form):
    versi = forms.IntegerField(min_value=1, error_messages=PILIHAN_SALAH)


FORM = {
    "tambah": TambahForm,
    "unggah": UnggahForm,
    "hapus": HapusForm,
    "proses_ulang": ProsesUlangForm,
}


def _galat_form(form) -> str:
    return " ".join(pesan for daftar in form.errors.values() for pesan in daftar)


def _jalankan(request, p, aksi, data):
    ip = alamat_ip(request)
    if aksi == "tambah":
        lampiran = layanan.tambah_lampiran_permohonan(
            request.user, p, judul=data["judul"], berkas=data["berkas"], ip=ip
        )
        return f"Lampiran {lampiran.urutan} “{lampiran.judul}” tersimpan."
    if aksi == "proses_ulang":
        versi = get_object_or_404(
            VersiBerkas.objects.select_related("lampiran"),
            pk=data["versi"],
            lampiran__produk_id=p.produk_id,
        )
        layanan.proses_ulang_lampiran(request.user, p, versi, ip=ip)
        return f"Versi {versi.nomor_versi} lampiran masuk antrean pemrosesan ulang."
    lampiran = get_object_or_404(Lampiran, pk=data["lampiran"], produk_id=p.produk_id)
    if aksi == "unggah":
        versi = layanan.unggah_versi_lampiran(
            request.user,
            p,
            lampiran,
            data["berkas"],
            keterangan_perbaikan=data["keterangan_perbaikan"],
            ip=ip,
        )
        return f"Lampiran {lampiran.urutan} tersimpan sebagai versi {versi.nomor_versi}."
    layanan.hapus_lampiran(request.user, p, lampiran, ip=ip)
    return f"Lampiran {lampiran.urutan} “{lampiran.judul}” dihapus."


@login_required
@require_POST
def lampiran(request, pk):
    p = _permohonan_terlihat(request, pk)
    kembali = redirect("workflow:siapkan", pk=p.pk)
    aksi = request.POST.get("aksi", "")
    # As the prepare page itself: no form is read for someone who may not
    # use it; layanan checks again under the lock.
    boleh = layanan.boleh_proses_ulang if aksi == "proses_ulang" else layanan.boleh_siapkan
    if not boleh(request.user, p):
        raise PermissionDenied("Anda tidak dapat menyiapkan produk hukum ini sekarang.")
    if aksi not in FORM:
        messages.error(request, "Tindakan lampiran tidak dikenal.")
        return kembali
    form = FORM[aksi](request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _galat_form(form))
        return kembali
    try:
        pesan = _jalankan(request, p, aksi, form.cleaned_data)
    except layanan.TidakBerwenang as exc:
        raise PermissionDenied(exc.pesan) from exc
    except layanan.StatusBerubah as exc:
        messages.error(request, exc.pesan)
        return redirect(p)
    except layanan.AksiGagal as exc:
        messages.error(request, exc.pesan)
    except BerkasTidakValid as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, pesan)
    return kembali


@login_required
def pdf(request, pk, versi_pk):
    """Staff read a lampiran's PDF (also a draft's) here, like workflow:berkas."""
    p = _permohonan_terlihat(request, pk)
    if p.produk_id is None:  # withdrawn: its draft and files are gone
        raise Http404("Permohonan ini tidak lagi memiliki produk hukum.")
    versi = get_object_or_404(
        VersiBerkas.objects.select_related("lampiran"),
        pk=versi_pk,
        lampiran__produk_id=p.produk_id,
    )
    return jawab_unduhan(
        versi.berkas,
        nama=versi.nama_asli or f"lampiran-{versi.lampiran.urutan}-versi-{versi.nomor_versi}.pdf",
    )
