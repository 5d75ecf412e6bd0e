"""The Pengelola's prepare page (sop 000 steps 3–4, 11): metadata and files,
and the hand-in, which saves the metadata on the way (nothing typed is lost)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from documents.pdf import BerkasTidakValid
from ekstraksi import layanan as usulan_dokumen

from . import forms_siapkan, layanan
from .mesin import aksi_berwenang
from .views import _permohonan_terlihat, alamat_ip

PREFIKS_SERAHKAN = "serahkan"


def _kunci_catatan(p):
    return f"siapkan-catatan-{p.pk}"


def simpan_dan_serahkan(user, p, meta, serahkan, *, ip=None) -> str:
    """Save the metadata, then hand in (steps 3 → 4), under one row lock and
    one transaction. A hand-in the SOP refuses now (a take-down without its
    corrected file, a stale page) undoes only itself: the metadata stays
    saved and the reason is returned ("" when handed in). A refused save
    raises, and nothing is saved."""
    with transaction.atomic():
        layanan.simpan_metadata(user, p, meta, ip=ip)
        try:
            layanan.serahkan(
                user,
                p,
                catatan=serahkan.cleaned_data["catatan"],
                ip=ip,
                status_terlihat=serahkan.cleaned_data["status_terlihat"] or None,
            )
        except layanan.AksiGagal as exc:
            return exc.pesan
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def siapkan(request, pk):
    """Pengelola: metadata, a better scan, or the corrected file (step 11)."""
    p = _permohonan_terlihat(request, pk)
    if not layanan.boleh_siapkan(request.user, p):
        raise PermissionDenied("Anda tidak dapat menyiapkan produk hukum ini sekarang.")
    produk = p.produk
    if request.method == "POST" and "konfirmasi_relasi" in request.POST:
        return _konfirmasi_relasi(request, p)
    # Compared with the record as saved: the bound form below changes the
    # instance in place while it validates.
    keadaan = usulan_dokumen.keadaan_usulan(produk)
    banding = usulan_dokumen.bandingkan(produk, keadaan.usulan)
    relasi = usulan_dokumen.relasi_terusul(produk, keadaan.usulan)
    meta = forms_siapkan.MetadataForm(instance=produk)
    berkas = forms_siapkan.BerkasForm()
    serahkan = forms_siapkan.SerahkanForm(
        initial={
            "status_terlihat": p.status,
            "catatan": request.session.pop(_kunci_catatan(p), ""),
        },
        prefix=PREFIKS_SERAHKAN,
    )
    aksi_meta = next((a for a in ("simpan_serahkan", "simpan_metadata") if a in request.POST), "")
    if request.method == "POST" and aksi_meta:
        meta = forms_siapkan.MetadataForm(request.POST, instance=produk)
        serahkan = forms_siapkan.SerahkanForm(request.POST, prefix=PREFIKS_SERAHKAN)
        if meta.is_valid() and serahkan.is_valid():
            return _simpan(request, p, meta, serahkan, aksi_meta == "simpan_serahkan")
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
    meta.pasang_usulan(banding)
    return render(
        request,
        "workflow/siapkan.html",
        {
            "p": p,
            "meta": meta,
            "berkas": berkas,
            "serahkan": serahkan,
            "versi": produk.versi.order_by("-nomor_versi"),
            "koreksi": p.koreksi.select_related("oleh"),
            "boleh_proses_ulang": layanan.boleh_proses_ulang(request.user, p),
            # None: this user may not hand in; "": ready; else why not yet.
            "alasan_serahkan": aksi_berwenang(p, request.user).get("serahkan"),
            "usulan": keadaan,
            "usulan_satker_lain": keadaan.satker_lain(produk),
            "usulan_bidang": banding,
            "usulan_relasi": relasi,
        },
    )


def _konfirmasi_relasi(request, p):
    """One click on a relation the document states: recorded through the
    business action, which checks permission, the proposal and the scope."""
    try:
        target_id = int(request.POST.get("relasi_target", ""))
    except ValueError:
        target_id = 0
    try:
        relasi = usulan_dokumen.catat_relasi_dari_dokumen(
            request.user,
            p,
            jenis=request.POST.get("relasi_jenis", "")[:20],
            target_id=target_id,
            ip=alamat_ip(request),
        )
    except layanan.AksiGagal as exc:
        messages.error(request, exc.pesan)
    else:
        messages.success(request, f"Relasi tercatat: {relasi}.")
    return redirect("workflow:siapkan", pk=p.pk)


def _simpan(request, p, meta, serahkan, juga_serahkan):
    ip = alamat_ip(request)
    try:
        if not juga_serahkan:
            layanan.simpan_metadata(request.user, p, meta, ip=ip)
            alasan = None
        else:
            alasan = simpan_dan_serahkan(request.user, p, meta, serahkan, ip=ip)
    except layanan.AksiGagal as exc:
        messages.error(request, exc.pesan)
        return redirect(p)
    if alasan == "":
        messages.success(request, "Metadata tersimpan dan produk hukum diserahkan untuk diperiksa.")
        return redirect(p)
    # The note for the examiner is kept for the hand-in still to come.
    if serahkan.cleaned_data["catatan"]:
        request.session[_kunci_catatan(p)] = serahkan.cleaned_data["catatan"]
    if alasan:
        messages.error(request, f"Metadata tersimpan, tetapi belum dapat diserahkan: {alasan}")
    else:
        messages.success(request, "Metadata produk hukum tersimpan.")
    return redirect("workflow:siapkan", pk=p.pk)
