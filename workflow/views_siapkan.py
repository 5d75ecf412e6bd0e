"""The Pengelola's prepare page (sop 000 steps 3–4, 11): metadata and files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from documents.pdf import BerkasTidakValid

from . import forms, forms_siapkan, layanan
from .views import _permohonan_terlihat, alamat_ip


@login_required
@require_http_methods(["GET", "POST"])
def siapkan(request, pk):
    """Pengelola: metadata, a better scan, or the corrected file (step 11)."""
    p = _permohonan_terlihat(request, pk)
    if not layanan.boleh_siapkan(request.user, p):
        raise PermissionDenied("Anda tidak dapat menyiapkan produk hukum ini sekarang.")
    produk = p.produk
    meta = forms_siapkan.MetadataForm(instance=produk)
    berkas = forms_siapkan.BerkasForm()
    if request.method == "POST" and "simpan_metadata" in request.POST:
        meta = forms_siapkan.MetadataForm(request.POST, instance=produk)
        if meta.is_valid():
            try:
                layanan.simpan_metadata(request.user, p, meta, ip=alamat_ip(request))
            except layanan.AksiGagal as exc:
                messages.error(request, exc.pesan)
                return redirect(p)
            messages.success(request, "Metadata produk hukum tersimpan.")
            return redirect("workflow:siapkan", pk=p.pk)
    elif request.method == "POST" and "unggah_berkas" in request.POST:
        berkas = forms_siapkan.BerkasForm(request.POST, request.FILES)
        if berkas.is_valid():
            try:
                versi = layanan.unggah_berkas(
                    request.user,
                    p,
                    berkas.cleaned_data["berkas"],
                    keterangan_perbaikan=berkas.cleaned_data["keterangan_perbaikan"],
                    ip=alamat_ip(request),
                )
            except BerkasTidakValid as exc:
                berkas.add_error("berkas", exc)
            except layanan.AksiGagal as exc:
                berkas.add_error(exc.field if exc.field in berkas.fields else None, exc.pesan)
            else:
                messages.success(request, f"Berkas tersimpan sebagai versi {versi.nomor_versi}.")
                return redirect("workflow:siapkan", pk=p.pk)
    return render(
        request,
        "workflow/siapkan.html",
        {
            "p": p,
            "meta": meta,
            "berkas": berkas,
            "versi": produk.versi.order_by("-nomor_versi"),
            "koreksi": p.koreksi.select_related("oleh"),
            "boleh_proses_ulang": layanan.boleh_proses_ulang(request.user, p),
            "serahkan": forms.CatatanForm(initial={"status_terlihat": p.status}, prefix="serahkan"),
        },
    )
