"""Thin views of sop 003: read with the selectors and the model's may_*,
act with workflow.penyusunan.layanan."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods, require_POST

from documents.pdf import BerkasTidakValid
from documents.unduhan import jawab_unduhan

from ..mesin import AksiGagal, TidakBerwenang, aksi_berwenang
from ..selectors import linimasa
from ..views import alamat_ip, halaman_daftar, jalankan_form_aksi
from . import forms, layanan
from .akses import penyusunan_terlihat, satker_boleh
from .models import DraftSK, PenyusunanKeputusan
from .naskah import NaskahDraf, banding_draf, render_pdf
from .views_distribusi import konteks_distribusi


@dataclass
class Aksi:
    judul: str
    form: type
    fungsi: object
    tombol: str
    berbahaya: bool = False
    berkas: bool = False


AKSI = {
    "ajukan": Aksi(
        "Serahkan draft untuk diverifikasi", forms.CatatanForm, layanan.ajukan, "Serahkan"
    ),
    "teruskan_draft": Aksi(
        "Serahkan draft akhir", forms.CatatanForm, layanan.teruskan_draft, "Serahkan draft akhir"
    ),
    "verifikasi_personil": Aksi(
        "Verifikasi personil selesai",
        forms.CatatanForm,
        layanan.verifikasi_personil,
        "Personil terverifikasi",
    ),
    "ajukan_pleno": Aksi(
        "Verifikasi muatan selesai: ajukan ke pleno",
        forms.CatatanForm,
        layanan.ajukan_pleno,
        "Ajukan ke pleno",
    ),
    "kembalikan": Aksi(
        "Kembalikan dengan saran perbaikan",
        forms.CatatanWajibForm,
        layanan.kembalikan,
        "Kembalikan ke penyusun",
    ),
    "tetapkan_pleno": Aksi(
        "Pleno menetapkan SK", forms.PlenoForm, layanan.tetapkan_pleno, "Tetapkan (SK final)"
    ),
    "kembalikan_pleno": Aksi(
        "Pleno: catatan perbaikan",
        forms.PlenoKembaliForm,
        layanan.kembalikan_pleno,
        "Kembalikan dengan catatan pleno",
    ),
    "sinkronkan": Aksi(
        "Sinkronisasi SK final", forms.CatatanForm, layanan.sinkronkan, "SK final tersinkron"
    ),
    "paraf": Aksi("Paraf Sekretaris", forms.CatatanForm, layanan.paraf, "Paraf"),
    "kembalikan_paraf": Aksi(
        "Kembalikan untuk sinkronisasi",
        forms.CatatanWajibForm,
        layanan.kembalikan_paraf,
        "Kembalikan",
    ),
    "tandatangani": Aksi(
        "Tanda tangan Ketua", forms.TandaTanganForm, layanan.tandatangani, "Tandatangani"
    ),
    "beri_nomor": Aksi(
        "Penomoran (buku agenda)", forms.CatatanForm, layanan.beri_nomor, "Ambil nomor"
    ),
    "buat_salinan": Aksi(
        "Buat salinan SK", forms.SalinanForm, layanan.buat_salinan, "Buat salinan"
    ),
    "selesaikan_distribusi": Aksi(
        "Distribusi salinan selesai",
        forms.CatatanForm,
        layanan.selesaikan_distribusi,
        "Distribusi selesai",
    ),
    "digitalisasi": Aksi(
        "Penyimpanan dan digitalisasi",
        forms.DigitalisasiForm,
        layanan.digitalisasi,
        "Simpan dan teruskan ke pengunggahan",
        berkas=True,
    ),
    "batalkan": Aksi(
        "Batalkan penyusunan", forms.BatalForm, layanan.batalkan, "Batalkan", berbahaya=True
    ),
}


@login_required
def daftar(request):
    satker_ids = satker_boleh(request.user, "lihat_penyusunan")
    if not satker_ids:
        raise PermissionDenied("Anda tidak memegang peran penyusunan keputusan di satker mana pun.")
    saringan = forms.SaringanForm(request.GET or None)
    nilai = saringan.cleaned_data if saringan.is_valid() else {}
    qs = PenyusunanKeputusan.objects.filter(satker_id__in=satker_ids).select_related(
        "satker", "jenis", "nomor", "diajukan_oleh"
    )
    if nilai.get("status"):
        qs = qs.filter(status=nilai["status"])
    if nilai.get("varian"):
        qs = qs.filter(varian=nilai["varian"])
    if nilai.get("q"):
        qs = qs.filter(Q(judul__icontains=nilai["q"]) | Q(nomor__nomor__icontains=nilai["q"]))
    halaman, parameter = halaman_daftar(request, qs.order_by("-dibuat_pada", "-id"))
    return render(
        request,
        "workflow/penyusunan/daftar.html",
        {
            "halaman": halaman,
            "saringan": saringan,
            "parameter": parameter,
            "boleh_mulai": bool(satker_boleh(request.user, "ajukan_penyusunan")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def baru(request):
    satker_ids = satker_boleh(request.user, "ajukan_penyusunan")
    if not satker_ids:
        raise PermissionDenied("Hanya Subbagian pengusul yang dapat memulai penyusunan keputusan.")
    form = forms.MulaiForm(request.POST or None, satker_ids=satker_ids)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            p = layanan.mulai(
                request.user,
                d["satker"],
                varian=d["varian"],
                templat=d["templat"],
                judul=d["judul"],
                pemrakarsa=d["pemrakarsa"],
                divisi_terkait=d["divisi_terkait"],
                ip=alamat_ip(request),
            )
        except AksiGagal as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        else:
            messages.success(request, "Draft dibuat dari templat. Lengkapi teksnya lalu simpan.")
            return redirect("workflow:penyusunan-draft", pk=p.pk)
    return render(request, "workflow/penyusunan/baru.html", {"form": form})


@login_required
def detail(request, pk):
    p = penyusunan_terlihat(request, pk)
    berwenang = aksi_berwenang(p, request.user)
    aksi = [
        (
            kode,
            AKSI[kode],
            AKSI[kode].form(
                penyusunan=p, user=request.user, initial={"status_terlihat": p.status}, prefix=kode
            ),
            berwenang[kode],
        )
        for kode in AKSI
        if kode in berwenang
    ]
    boleh_kelengkapan = layanan.kelengkapan_boleh(request.user, p)
    return render(
        request,
        "workflow/penyusunan/detail.html",
        {
            "p": p,
            "aksi": aksi,
            "linimasa": linimasa(p),
            "draft": p.draft.select_related("dibuat_oleh").order_by("-revisi"),
            "kelengkapan": p.kelengkapan.select_related("diunggah_oleh"),
            "catatan": p.catatan_perbaikan.select_related("oleh"),
            "form_kelengkapan": (
                forms.KelengkapanForm(penyusunan=p, user=request.user)
                if boleh_kelengkapan
                else None
            ),
            "boleh_ubah_draft": p.boleh_ubah_draft(request.user),
            **konteks_distribusi(request, p),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def aksi(request, pk, aksi):
    if aksi not in AKSI:
        raise Http404
    spec = AKSI[aksi]
    p = penyusunan_terlihat(request, pk)
    form = spec.form(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        penyusunan=p,
        user=request.user,
        initial={"status_terlihat": p.status},
        prefix=aksi,
    )
    selesai = jalankan_form_aksi(request, p, spec, form)
    if selesai is not None:
        return selesai
    return render(
        request,
        "workflow/penyusunan/aksi.html",
        {"p": p, "spec": spec, "form": form, "kode": aksi},
    )


@login_required
@require_http_methods(["GET", "POST"])
def draft(request, pk):
    """The editor: the newest revision's text (or an older one's, to restore
    it), saved as a new revision. Read-only for whoever may not edit now."""
    p = penyusunan_terlihat(request, pk)
    revisi = p.draft.select_related("dibuat_oleh").order_by("-revisi")
    terakhir = revisi.first()
    dasar = terakhir
    if request.GET.get("dari", "").isdigit():
        dasar = get_object_or_404(DraftSK, penyusunan=p, revisi=int(request.GET["dari"]))
    boleh = p.boleh_ubah_draft(request.user)
    form = forms.DraftForm(
        request.POST or None, initial=dasar.isi() if dasar else {"judul": p.judul}
    )
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied("Draft tidak dapat diubah oleh Anda pada tahap ini.")
        if form.is_valid():
            try:
                baru = layanan.simpan_draft(
                    request.user,
                    p,
                    isi=form.isi(),
                    catatan=form.cleaned_data["catatan"],
                    ip=alamat_ip(request),
                )
            except TidakBerwenang as exc:
                raise PermissionDenied(exc.pesan) from exc
            except AksiGagal as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
            else:
                messages.success(request, f"Draft tersimpan sebagai revisi {baru.revisi}.")
                return redirect("workflow:penyusunan-draft", pk=p.pk)
    return render(
        request,
        "workflow/penyusunan/draft.html",
        {
            "p": p,
            "form": form,
            "revisi": revisi,
            "dasar": dasar,
            "terakhir": terakhir,
            "boleh": boleh,
        },
    )


def _revisi(p, nilai, bawaan):
    if nilai is None or nilai == "":
        return bawaan
    if not str(nilai).isdigit():
        raise Http404("Revisi tidak ditemukan.")
    return get_object_or_404(DraftSK, penyusunan=p, revisi=int(nilai))


@login_required
def banding(request, pk):
    """Two revisions side by side, differences highlighted."""
    p = penyusunan_terlihat(request, pk)
    semua = list(p.draft.select_related("dibuat_oleh").order_by("revisi"))
    if not semua:
        raise Http404("Belum ada draft.")
    b = _revisi(p, request.GET.get("b"), semua[-1])
    a = _revisi(p, request.GET.get("a"), semua[-2] if len(semua) > 1 else semua[-1])
    return render(
        request,
        "workflow/penyusunan/banding.html",
        {"p": p, "a": a, "b": b, "semua": semua, "bidang": banding_draf(a.isi(), b.isi())},
    )


@login_required
def draft_pdf(request, pk, revisi):
    p = penyusunan_terlihat(request, pk)
    d = get_object_or_404(DraftSK, penyusunan=p, revisi=revisi)
    data = render_pdf(
        NaskahDraf(
            teu_badan=p.satker.nama_badan,
            judul=d.judul,
            menimbang=d.menimbang,
            mengingat=d.mengingat,
            memutuskan=d.memutuskan,
            lampiran=d.lampiran,
            nomor=p.nomor.nomor if p.nomor_id else "",
            tempat=p.satker.tempat,
            tanggal=date_format(p.tanggal_penetapan, "j F Y") if p.tanggal_penetapan else "",
            nama_penandatangan=p.penandatangan,
            tanda_draf="DRAF",
            revisi=d.revisi,
        )
    )
    respons = HttpResponse(data, content_type="application/pdf")
    respons["Content-Disposition"] = f'inline; filename="draft-{p.pk}-revisi-{d.revisi}.pdf"'
    return respons


@login_required
@require_POST
def unggah_kelengkapan(request, pk):
    p = penyusunan_terlihat(request, pk)
    form = forms.KelengkapanForm(request.POST, request.FILES, penyusunan=p, user=request.user)
    if not form.fields["jenis"].choices:
        raise PermissionDenied("Tidak ada kelengkapan yang dapat Anda unggah pada tahap ini.")
    if form.is_valid():
        try:
            k = layanan.unggah_kelengkapan(
                request.user,
                p,
                form.cleaned_data["jenis"],
                form.cleaned_data["berkas"],
                keterangan=form.cleaned_data["keterangan"],
                ip=alamat_ip(request),
            )
        except BerkasTidakValid as exc:
            form.add_error("berkas", exc)
        except TidakBerwenang as exc:
            raise PermissionDenied(exc.pesan) from exc
        except AksiGagal as exc:
            form.add_error(None, exc.pesan)
        else:
            messages.success(request, f"{k.get_jenis_display()} tersimpan.")
            return redirect(p.get_absolute_url() + "#kelengkapan")
    # The page with the form's errors beside its fields.
    return render(
        request,
        "workflow/penyusunan/kelengkapan.html",
        {"p": p, "form": form},
        status=400,
    )


@login_required
def berkas_kelengkapan(request, pk, k_pk):
    p = penyusunan_terlihat(request, pk)
    k = get_object_or_404(p.kelengkapan, pk=k_pk)
    return jawab_unduhan(k.berkas, nama=k.nama_asli or f"{k.jenis}.pdf")


@login_required
def berkas_salinan(request, pk):
    p = penyusunan_terlihat(request, pk)
    if not p.salinan_id:
        raise Http404("Salinan belum dibuat.")
    return jawab_unduhan(p.salinan.berkas, nama=f"salinan-{p.pk}.pdf")
