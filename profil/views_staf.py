"""Staff pages of the profil app: editing a Satker's profile and the inbox
of its contact form. Only the Satker's Pengelola JDIH (profil.akses)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from . import layanan, selectors
from .akses import satker_dikelola, satker_dikelola_atau_404
from .forms import BagianProfilForm, BagianStrukturForm, SaringanPesanForm, TindakLanjutForm
from .models import Bagian, StatusPesan
from .sanitasi import tampilkan

PER_HALAMAN = 25
BUKAN_PENGELOLA = (
    "Halaman ini hanya untuk Pengelola JDIH. Minta admin menetapkan peran Pengelola JDIH "
    "Anda di satker yang bersangkutan."
)


def _satker_saya(user):
    daftar = list(satker_dikelola(user).order_by("nama"))
    if not daftar:
        raise PermissionDenied(BUKAN_PENGELOLA)
    return daftar


@login_required
def ubah(request):
    """Choose the Satker (when the user manages several), then its sections."""
    daftar = _satker_saya(request.user)
    slug = request.GET.get("satker", "")
    if slug:
        satker = next((s for s in daftar if s.slug == slug), None)
        if satker is None:
            raise Http404("Satker tidak ditemukan.")
    else:
        satker = daftar[0] if len(daftar) == 1 else None
    baris = []
    if satker is not None:
        ada = selectors.bagian_per_kode(satker)
        baris = [(kode, label, ada.get(kode)) for kode, label in Bagian.choices]
    return render(
        request,
        "profil/staf_ubah.html",
        {"daftar_satker": daftar, "satker": satker, "baris": baris},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def ubah_bagian(request, satker, bagian):
    satker = satker_dikelola_atau_404(request.user, satker)
    if bagian not in Bagian.values:
        raise Http404("Bagian profil tidak ditemukan.")
    label = Bagian(bagian).label
    ada = selectors.bagian_per_kode(satker).get(bagian)
    Form = BagianStrukturForm if bagian == Bagian.STRUKTUR else BagianProfilForm
    pratinjau = None
    terbaru = None
    if request.method == "POST":
        form = Form(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            if request.POST.get("aksi") == "pratinjau":
                pratinjau = tampilkan(d["isi"])
                if d.get("gambar"):
                    messages.warning(
                        request,
                        "Gambar belum disimpan: pilih kembali berkasnya saat menekan Simpan.",
                    )
            else:
                try:
                    layanan.simpan_bagian(
                        request.user,
                        satker,
                        bagian,
                        isi=d["isi"],
                        versi_terlihat=d["versi"],
                        gambar=d.get("gambar"),
                        hapus_gambar=d.get("hapus_gambar", False),
                        keterangan_gambar=d.get("keterangan_gambar"),
                    )
                except layanan.VersiBerubah as berubah:
                    terbaru = berubah.bagian
                    oleh = terbaru.diubah_oleh
                    form.add_error(
                        None,
                        "Bagian ini telah diubah oleh "
                        f"{(oleh.get_full_name() or oleh.username) if oleh else 'pengguna lain'} "
                        "setelah Anda membukanya. Isian Anda masih di bawah; bandingkan dengan "
                        "versi tersimpan yang ditampilkan, lalu simpan lagi bila sudah sesuai.",
                    )
                    form.data = form.data.copy()
                    form.data["versi"] = layanan.versi_bagian(terbaru)
                else:
                    messages.success(request, f"Bagian “{label}” tersimpan.")
                    return redirect("profil:ubah-bagian", satker.slug, bagian)
    else:
        awal = {"isi": ada.isi if ada else "", "versi": layanan.versi_bagian(ada)}
        if Form is BagianStrukturForm:
            awal["keterangan_gambar"] = ada.keterangan_gambar if ada else ""
        form = Form(initial=awal)
    return render(
        request,
        "profil/staf_ubah_bagian.html",
        {
            "satker": satker,
            "kode": bagian,
            "label": label,
            "bagian": ada,
            "form": form,
            "pratinjau": pratinjau,
            "terbaru": terbaru,
            "revisi": selectors.revisi_terakhir(ada),
            "banyak_satker": satker_dikelola(request.user).count() > 1,
        },
    )


@login_required
def pesan(request):
    """The inbox: messages of every Satker the user manages, newest first."""
    daftar = _satker_saya(request.user)
    saringan = SaringanPesanForm(
        request.GET or None, satker_qs=satker_dikelola(request.user).order_by("nama")
    )
    nilai = saringan.cleaned_data if saringan.is_valid() else {}
    qs = selectors.daftar_pesan(
        request.user, status=nilai.get("status", ""), satker=nilai.get("satker")
    )
    jumlah = selectors.hitungan_status(request.user)
    halaman = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    parameter = request.GET.copy()
    parameter.pop("halaman", None)
    return render(
        request,
        "profil/staf_pesan.html",
        {
            "halaman": halaman,
            "saringan": saringan,
            "parameter": parameter.urlencode(),
            "banyak_satker": len(daftar) > 1,
            "hitungan": [(kode, label, jumlah.get(kode, 0)) for kode, label in StatusPesan.choices],
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def pesan_detail(request, pk):
    p = selectors.pesan_terlihat(request.user, pk)
    if request.method == "POST":
        form = TindakLanjutForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            layanan.tindak_lanjuti(request.user, p, status=d["status"], catatan=d["catatan"])
            messages.success(request, f"Pesan ditandai “{p.get_status_display()}”.")
            return redirect(reverse("profil:pesan-detail", args=[p.pk]))
    else:
        layanan.tandai_dibaca(request.user, p)
        form = TindakLanjutForm(initial={"status": p.status, "catatan": p.catatan})
    subjek = f"Tanggapan atas {p.get_kategori_display().lower()} Anda — JDIH {p.satker.nama}"
    return render(
        request,
        "profil/staf_pesan_detail.html",
        {"pesan": p, "form": form, "subjek_balasan": subjek},
    )
