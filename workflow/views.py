"""Thin views: read with workflow.selectors, act with workflow.layanan."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from documents.models import ProdukHukum, Satker, VersiBerkas
from documents.pdf import BerkasTidakValid
from documents.unduhan import jawab_unduhan
from jdih.jaringan import alamat_klien

from . import forms, layanan
from .izin import boleh_alihkan_disposisi, boleh_sebagai_pengusul, izin_per_satker, punya_izin
from .mesin import AksiGagal, StatusBerubah, TidakBerwenang, aksi_tersedia
from .models import Permohonan, Status
from .selectors import (
    catatan_permohonan,
    linimasa,
)

PER_HALAMAN = 25
HALAMAN_TANPA_PRODUK = frozenset({"permohonan", "nota-dinas", "disposisi-cetak", "aksi"})


def alamat_ip(request):
    # X-Forwarded-For counts only from a proxy named in JDIH_PROXY_TEPERCAYA.
    return alamat_klien(request)


def halaman_daftar(request, qs, per_halaman=PER_HALAMAN):
    """One page of a staff list, and the query string that keeps its filters
    on the other pages' links."""
    halaman = Paginator(qs, per_halaman).get_page(request.GET.get("halaman"))
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return halaman, parameter.urlencode()


def _permohonan_terlihat(request, pk) -> Permohonan:
    p = get_object_or_404(
        Permohonan.objects.select_related(
            "satker", "produk__jenis", "produk__satker", "diajukan_oleh", "pengelola"
        ),
        pk=pk,
    )
    # Another office's request does not exist, as far as this user can tell.
    if not punya_izin(request.user, "lihat_permohonan", p.satker_id):
        raise Http404("Permohonan tidak ditemukan.")
    # A withdrawn upload request whose draft was removed has no product and
    # so no files: only the pages that read the request itself answer (a
    # file lookup by "the request's product" must never match "no product").
    if p.produk_id is None and getattr(request.resolver_match, "url_name", "") not in (
        HALAMAN_TANPA_PRODUK
    ):
        raise Http404("Draf produk hukum permohonan ini telah dihapus.")
    return p


@dataclass
class Aksi:
    judul: str
    form: type
    fungsi: object
    tombol: str
    berbahaya: bool = False
    # Asked on a page of its own, after reading what it will do.
    konfirmasi: bool = False
    penjelasan: str = ""
    # An action that is not a transition says itself who may do it now
    # (user, item) → bool; a transition is asked of the engine.
    boleh: object = None


AKSI = {
    "disposisi": Aksi("Disposisi", forms.DisposisiForm, layanan.disposisi, "Kirim disposisi"),
    "kembalikan_ke_pengusul": Aksi(
        "Kembalikan ke pengusul",
        forms.KembalikanKePengusulForm,
        layanan.kembalikan_ke_pengusul,
        "Kembalikan ke pengusul",
        penjelasan=(
            "Bila Nota Dinas atau naskah asli belum lengkap: pengusul melengkapinya lalu "
            "mengajukan ulang, dan permohonan kembali kepada Anda untuk didisposisi."
        ),
    ),
    "alihkan_disposisi": Aksi(
        "Alihkan disposisi",
        forms.AlihkanDisposisiForm,
        layanan.alihkan_disposisi,
        "Alihkan disposisi",
        konfirmasi=True,
        penjelasan=(
            "Pengelola JDIH lain di satker ini menindaklanjuti permohonan mulai sekarang; "
            "pengelola sebelumnya tidak lagi dapat bertindak. Pengalihan tercatat di jejak "
            "audit dan pengelola baru menerima email."
        ),
        boleh=boleh_alihkan_disposisi,
    ),
    "tarik": Aksi(
        "Tarik permohonan",
        forms.TarikForm,
        layanan.tarik,
        "Tarik permohonan",
        berbahaya=True,
        konfirmasi=True,
        penjelasan=(
            "Permohonan berakhir dengan status “Ditarik oleh pengusul” dan tidak lagi "
            "menunggu Kasubbag Hukum & SDM. Untuk pengunggahan, draf produk hukum beserta "
            "naskah aslinya dihapus, sehingga Anda dapat mengajukan ulang dengan nomor dan "
            "berkas yang sama. Nota Dinas dan jejak audit tetap tersimpan."
        ),
    ),
    "serahkan": Aksi("Serahkan untuk diperiksa", forms.CatatanForm, layanan.serahkan, "Serahkan"),
    "kembalikan": Aksi(
        "Kembalikan dengan catatan koreksi", forms.KoreksiForm, layanan.kembalikan, "Kembalikan"
    ),
    "loloskan_koreksi": Aksi(
        "Koreksi selesai", forms.CatatanForm, layanan.loloskan_koreksi, "Loloskan koreksi"
    ),
    "validasi": Aksi("Validasi", forms.CatatanForm, layanan.validasi, "Validasi"),
    "setujui": Aksi("Persetujuan: Ya", forms.CatatanForm, layanan.setujui, "Setujui (Ya)"),
    "tolak": Aksi(
        "Persetujuan: Tidak", forms.TolakForm, layanan.tolak, "Tolak (Tidak)", berbahaya=True
    ),
    "turunkan": Aksi(
        "Turunkan dari laman JDIH",
        forms.TurunkanForm,
        layanan.turunkan,
        "Turunkan",
        berbahaya=True,
    ),
    "unggah": Aksi("Unggah ke laman JDIH", forms.CatatanForm, layanan.unggah, "Unggah"),
    "terbitkan_kembali": Aksi(
        "Terbitkan kembali versi terakhir yang baik",
        forms.TerbitkanKembaliForm,
        layanan.terbitkan_kembali,
        "Terbitkan kembali",
        konfirmasi=True,
        penjelasan=(
            "Versi yang tampil di laman JDIH sebelum penurunan tampil lagi; versi perbaikan "
            "yang ditolak tidak diterbitkan. Permohonan selesai dengan status ditolak."
        ),
    ),
    "perbaikan_ulang": Aksi(
        "Perbaikan ulang",
        forms.PerbaikanUlangForm,
        layanan.perbaikan_ulang,
        "Perbaikan ulang",
        penjelasan=(
            "Kembali ke Pengelola JDIH untuk mengunggah berkas perbaikan baru, lalu koreksi, "
            "validasi, dan persetujuan lagi. Laman publik tetap “sedang diperbaiki” sampai "
            "perbaikan disetujui dan diunggah."
        ),
    ),
}


def aksi_halaman(p, user) -> list:
    """The actions ``user`` may take on ``p`` now, each with its form."""
    tersedia = aksi_tersedia(p, user)
    return [
        (
            kode,
            spec,
            # Prefixed: several action forms share one page, and ids must not clash.
            spec.form(permohonan=p, initial={"status_terlihat": p.status}, prefix=kode),
        )
        for kode, spec in AKSI.items()
        if (spec.boleh(user, p) if spec.boleh else kode in tersedia)
    ]


@login_required
def permohonan_detail(request, pk):
    p = _permohonan_terlihat(request, pk)
    aksi = aksi_halaman(p, request.user)
    versi = (
        p.produk.versi.select_related("diunggah_oleh").order_by("-nomor_versi")
        if p.produk_id
        else []
    )
    return render(
        request,
        "workflow/permohonan.html",
        {
            "p": p,
            "nota": getattr(p, "nota_dinas", None),
            "disposisi": getattr(p, "disposisi_kasubbag", None),
            "koreksi": p.koreksi.select_related("oleh"),
            "versi": versi,
            "linimasa": linimasa(p),
            "aksi": aksi,
            "boleh_siapkan": layanan.boleh_siapkan(request.user, p),
            "boleh_proses_ulang": layanan.boleh_proses_ulang(request.user, p),
            "boleh_lengkapi": p.status == Status.PERLU_DILENGKAPI
            and boleh_sebagai_pengusul(request.user, p),
            "catatan_penugasan": p.catatan_penugasan(request.user),
            "catatan": catatan_permohonan(p),
            "tingkat": p.daftar_tingkat(),
            "versi_kembali": p.versi_kembali() if p.status == Status.PERBAIKAN_DITOLAK else None,
        },
    )


def jalankan_form_aksi(request, obj, spec, form):
    """Run a step's business action from its posted form, for any procedure:
    back to the item on success or when someone acted first (with the
    message), 403 for the wrong role, the form's errors otherwise (None)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        spec.fungsi(
            request.user,
            obj,
            **form.argumen(),
            ip=alamat_ip(request),
            status_terlihat=form.cleaned_data.get("status_terlihat") or None,
        )
    except TidakBerwenang as exc:
        raise PermissionDenied(exc.pesan) from exc
    except StatusBerubah as exc:
        messages.error(request, exc.pesan)
        return redirect(obj)
    except AksiGagal as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        return None
    messages.success(request, f"{spec.judul}: berhasil.")
    return redirect(obj)


@login_required
@require_http_methods(["GET", "POST"])
def permohonan_aksi(request, pk, aksi):
    if aksi not in AKSI:
        raise Http404
    spec = AKSI[aksi]
    p = _permohonan_terlihat(request, pk)
    form = spec.form(
        request.POST if request.method == "POST" else None,
        permohonan=p,
        initial={"status_terlihat": p.status},
        prefix=aksi,
    )
    selesai = jalankan_form_aksi(request, p, spec, form)
    if selesai is not None:
        return selesai
    konteks = {"p": p, "spec": spec, "form": form, "kode": aksi}
    if aksi == "terbitkan_kembali" and p.status == Status.PERBAIKAN_DITOLAK:
        konteks["versi_kembali"] = p.versi_kembali()
    return render(request, "workflow/aksi.html", konteks)


@login_required
@require_http_methods(["POST"])
def proses_ulang_berkas(request, pk, versi_pk):
    p = _permohonan_terlihat(request, pk)
    versi = get_object_or_404(VersiBerkas, pk=versi_pk, produk_id=p.produk_id)
    try:
        layanan.proses_ulang_berkas(request.user, p, versi, ip=alamat_ip(request))
    except layanan.TidakBerwenang as exc:
        raise PermissionDenied(exc.pesan) from exc
    except layanan.AksiGagal as exc:
        messages.error(request, exc.pesan)
    else:
        messages.success(request, f"Versi {versi.nomor_versi} masuk antrean pemrosesan ulang.")
    if request.POST.get("kembali") == "siapkan":
        return redirect("workflow:siapkan", pk=p.pk)
    return redirect(p)


def _satker_boleh(user, kode):
    return Satker.objects.filter(pk__in=[s for s, k in izin_per_satker(user).items() if kode in k])


@login_required
@require_http_methods(["GET", "POST"])
def permohonan_baru(request):
    satker_qs = _satker_boleh(request.user, "ajukan_permohonan")
    if not satker_qs.exists():
        raise PermissionDenied("Hanya Sub Bagian Pengusul yang dapat mengajukan permohonan.")
    form = forms.PengajuanForm(request.POST or None, request.FILES or None, satker_qs=satker_qs)
    if request.method == "POST" and form.is_valid():
        try:
            p = layanan.ajukan_unggah(
                request.user,
                form.cleaned_data["satker"],
                produk=form.data_produk(),
                nota=form.data_nota(),
                berkas=form.cleaned_data["berkas"],
                nota_berkas=form.cleaned_data["nota_berkas"],
                ip=alamat_ip(request),
            )
        except layanan.BerkasPengajuanTidakValid as exc:
            form.add_error(None, exc)
        except BerkasTidakValid as exc:
            form.add_error("berkas", exc)
        except layanan.AksiGagal as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        else:
            messages.success(request, "Permohonan diajukan dan diteruskan ke Kasubbag Hukum & SDM.")
            return redirect(p)
    return render(
        request,
        "workflow/permohonan_baru.html",
        {"form": form, "pilih_ulang": layanan.PESAN_PILIH_ULANG},
    )


@login_required
@require_http_methods(["GET", "POST"])
def usulan_penurunan(request):
    satker_ids = list(_satker_boleh(request.user, "ajukan_permohonan").values_list("pk", flat=True))
    if not satker_ids:
        raise PermissionDenied("Hanya Sub Bagian Pengusul yang dapat mengusulkan penurunan.")
    produk = None
    if nilai := request.GET.get("produk", ""):
        # A hand-edited ?produk=abc (or %00, 1.5) is no product: 404, not a ValueError.
        if not (nilai.isascii() and nilai.isdigit() and len(nilai) <= 18):
            raise Http404("Produk hukum tidak ditemukan.")
        produk = get_object_or_404(
            ProdukHukum.objects.select_related("jenis", "satker"),
            pk=int(nilai),
            satker_id__in=satker_ids,
        )
    if produk is None:
        cari = forms.CariProdukForm(request.GET or None)
        hasil = cari.hasil(satker_ids) if cari.is_valid() else []
        return render(request, "workflow/usulan_penurunan.html", {"cari": cari, "hasil": hasil})
    form = forms.UsulanPenurunanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            p = layanan.ajukan_penurunan(
                request.user,
                produk,
                alasan=form.cleaned_data["alasan"],
                nota=form.data_nota(),
                nota_berkas=form.cleaned_data["nota_berkas"],
                ip=alamat_ip(request),
            )
        except layanan.BerkasPengajuanTidakValid as exc:
            form.add_error(None, exc)
        except layanan.AksiGagal as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        else:
            messages.success(request, "Usulan penurunan diajukan.")
            return redirect(p)
    return render(
        request,
        "workflow/usulan_penurunan.html",
        {
            "produk": produk,
            "form": form,
            "pilih_ulang": "Isian lain tetap tersimpan, tetapi peramban tidak dapat menyimpan "
            "berkas yang dipilih: pilih kembali berkas PDF Nota Dinas sebelum mengajukan lagi.",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def lengkapi(request, pk):
    """The proposer completes a request sent back and hands it in again."""
    p = _permohonan_terlihat(request, pk)
    if not boleh_sebagai_pengusul(request.user, p):
        raise PermissionDenied("Hanya pengaju permohonan ini yang dapat melengkapinya.")
    if p.status != Status.PERLU_DILENGKAPI:
        messages.error(
            request,
            "Permohonan ini tidak sedang menunggu dilengkapi "
            f"(statusnya “{p.get_status_display()}”).",
        )
        return redirect(p)
    form = forms.LengkapiForm(request.POST or None, request.FILES or None, permohonan=p)
    if request.method == "POST" and form.is_valid():
        try:
            layanan.ajukan_ulang(
                request.user,
                p,
                **form.argumen(),
                ip=alamat_ip(request),
                status_terlihat=Status.PERLU_DILENGKAPI,
            )
        except TidakBerwenang as exc:
            raise PermissionDenied(exc.pesan) from exc
        except StatusBerubah as exc:
            messages.error(request, exc.pesan)
            return redirect(p)
        except layanan.BerkasPengajuanTidakValid as exc:
            form.add_error(None, exc)
        except BerkasTidakValid as exc:
            form.add_error("berkas" if "berkas" in form.fields else None, exc)
        except AksiGagal as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        else:
            messages.success(
                request, "Permohonan dilengkapi dan diajukan ulang kepada Kasubbag Hukum & SDM."
            )
            return redirect(p)
    return render(
        request,
        "workflow/lengkapi.html",
        {
            "p": p,
            "form": form,
            "nota": getattr(p, "nota_dinas", None),
            "catatan": catatan_permohonan(p),
            "pilih_ulang": layanan.PESAN_PILIH_ULANG,
        },
    )


@login_required
def nota_dinas_pdf(request, pk):
    """The Nota Dinas PDF, for staff who may see the request; never public."""
    p = _permohonan_terlihat(request, pk)
    nota = getattr(p, "nota_dinas", None)
    if nota is None or not nota.berkas:
        raise Http404("Permohonan ini tidak memiliki berkas Nota Dinas.")
    return jawab_unduhan(
        nota.berkas,
        nama=nota.nama_berkas or f"nota-dinas-{p.pk}.pdf",
        pesan_404="Berkas Nota Dinas tidak ditemukan.",
    )


@login_required
def disposisi_cetak(request, pk):
    p = _permohonan_terlihat(request, pk)
    disposisi = getattr(p, "disposisi_kasubbag", None)
    if disposisi is None:
        raise Http404("Permohonan ini belum didisposisi.")
    return render(
        request,
        "workflow/disposisi_cetak.html",
        {
            "p": p,
            "nota": getattr(p, "nota_dinas", None),
            "disposisi": disposisi,
            "catatan": catatan_permohonan(p),
        },
    )


@login_required
def berkas(request, pk, versi_pk):
    """Staff read a draft's PDF here; the public download lives elsewhere."""
    p = _permohonan_terlihat(request, pk)
    if not p.produk_id:
        raise Http404("Draf produk hukum permohonan ini telah dihapus.")
    versi = get_object_or_404(VersiBerkas, pk=versi_pk, produk_id=p.produk_id)
    return jawab_unduhan(versi.berkas, nama=versi.nama_asli or f"versi-{versi.nomor_versi}.pdf")
