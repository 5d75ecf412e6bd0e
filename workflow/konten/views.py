"""Thin views of sop 004: read with the model's may_* and the selectors, act
with workflow.konten.layanan."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods, require_POST

from documents.gambar import GambarTidakValid
from documents.models import Platform, ProdukHukum, Satker

from ..mesin import AksiGagal, TidakBerwenang, aksi_berwenang
from ..selectors import linimasa
from ..views import alamat_ip, halaman_daftar, jalankan_form_aksi
from ..waktu import TabelMutuBaku
from . import forms, layanan
from .akses import konten_terlihat, satker_boleh
from .models import BATAS_CAPTION, KontenMedsos
from .models import StatusKonten as S

LABEL_PLATFORM = dict(Platform.choices)
JENIS_GAMBAR = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}


@dataclass
class Aksi:
    judul: str
    form: type
    fungsi: object
    tombol: str
    berbahaya: bool = False


AKSI = {
    "serahkan": Aksi(
        "Serahkan konsep untuk dikoreksi", forms.CatatanForm, layanan.serahkan, "Serahkan konsep"
    ),
    "setujui": Aksi("Setujui konsep konten", forms.CatatanForm, layanan.setujui, "Setujui"),
    "kembalikan": Aksi(
        "Kembalikan dengan catatan koreksi",
        forms.KoreksiForm,
        layanan.kembalikan,
        "Kembalikan ke Staf",
    ),
    "perintahkan_unggah": Aksi(
        "Perintah pengunggahan (Nota Dinas)",
        forms.PerintahForm,
        layanan.perintahkan_unggah,
        "Perintahkan unggah",
    ),
    "unggah": Aksi(
        "Unggah ke media sosial dan catat tautannya",
        forms.UnggahForm,
        layanan.unggah,
        "Catat tautan unggahan",
    ),
    "batalkan": Aksi(
        "Batalkan konten", forms.BatalForm, layanan.batalkan, "Batalkan konten", berbahaya=True
    ),
}


def _nama(user) -> str:
    return forms.nama_orang(user)


# --- list, new ------------------------------------------------------------------------


@login_required
def daftar(request):
    satker_ids = satker_boleh(request.user, "lihat_konten")
    if not satker_ids:
        raise PermissionDenied("Anda tidak memegang peran konten media sosial di satker mana pun.")
    saringan = forms.SaringanForm(request.GET or None)
    saringan.is_valid()
    nilai = getattr(saringan, "cleaned_data", {})
    qs = KontenMedsos.objects.filter(satker_id__in=satker_ids).select_related("satker", "staf")
    if nilai.get("status"):
        qs = qs.filter(status=nilai["status"])
    if nilai.get("jenis"):
        qs = qs.filter(jenis_konten=nilai["jenis"])
    if nilai.get("q"):
        qs = qs.filter(
            Q(judul__icontains=nilai["q"])
            | Q(nota_nomor__icontains=nilai["q"])
            | Q(perintah_nomor__icontains=nilai["q"])
        )
    halaman, parameter = halaman_daftar(request, qs.order_by("-dibuat_pada", "-id"))
    return render(
        request,
        "workflow/konten/daftar.html",
        {
            "halaman": halaman,
            "saringan": saringan,
            "parameter": parameter,
            "boleh_disposisi": bool(satker_boleh(request.user, "disposisi_konten")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def baru(request):
    satker_ids = satker_boleh(request.user, "disposisi_konten")
    if not satker_ids:
        raise PermissionDenied("Hanya Kepala Bagian yang memberi disposisi konten media sosial.")
    form = forms.DisposisiForm(request.POST or None, satker_ids=satker_ids)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            k = layanan.disposisi(
                request.user,
                d["satker"],
                staf=d["staf"],
                jenis_konten=d["jenis_konten"],
                judul=d["judul"],
                petunjuk=d["petunjuk"],
                nota_nomor=d["nota_nomor"],
                nota_tanggal=d["nota_tanggal"],
                tanggal_rencana=d["tanggal_rencana"],
                ip=alamat_ip(request),
            )
        except TidakBerwenang as exc:
            raise PermissionDenied(exc.pesan) from exc
        except AksiGagal as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        else:
            messages.success(
                request, f"Disposisi terkirim kepada {_nama(k.staf)} untuk menyusun konsep konten."
            )
            return redirect(k)
    return render(request, "workflow/konten/baru.html", {"form": form})


# --- detail and steps ----------------------------------------------------------------


def _revisi_lengkap(k):
    """The revisions of ``k`` with products (and their public URLs) and images."""
    return k.revisi.select_related("dibuat_oleh").prefetch_related(
        Prefetch("produk", queryset=ProdukHukum.objects.select_related("satker", "jenis")),
        "gambar",
    )


def hitung_caption(caption, platform) -> list[dict]:
    """Per target platform: the caption's length against its limit."""
    panjang = len((caption or "").replace("\r\n", "\n"))
    return [
        {
            "platform": p,
            "label": LABEL_PLATFORM.get(p, p),
            "batas": BATAS_CAPTION.get(p, 0),
            "panjang": panjang,
            "lebih": panjang > BATAS_CAPTION.get(p, 0),
            "kelebihan": panjang - BATAS_CAPTION.get(p, 0),
        }
        for p in platform
    ]


@login_required
def detail(request, pk):
    k = konten_terlihat(request, pk)
    berwenang = aksi_berwenang(k, request.user)
    aksi = [
        (
            kode,
            AKSI[kode],
            AKSI[kode].form(
                konten=k, user=request.user, initial={"status_terlihat": k.status}, prefix=kode
            ),
            berwenang[kode],
        )
        for kode in AKSI
        if kode in berwenang
    ]
    revisi = list(_revisi_lengkap(k).order_by("-revisi"))
    r = revisi[0] if revisi else None
    return render(
        request,
        "workflow/konten/detail.html",
        {
            "k": k,
            "aksi": aksi,
            "r": r,
            "revisi": revisi,
            "hitungan": hitung_caption(r.caption, r.platform) if r else [],
            "label_platform": [LABEL_PLATFORM.get(p, p) for p in r.platform] if r else [],
            "koreksi": k.koreksi.select_related("oleh"),
            "tautan": k.tautan.select_related("dicatat_oleh"),
            "linimasa": linimasa(k),
            "boleh_susun": k.boleh_susun(request.user),
            "koreksi_sekarang": "setujui" in berwenang or "kembalikan" in berwenang,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def aksi(request, pk, aksi):
    if aksi not in AKSI:
        raise Http404
    spec = AKSI[aksi]
    k = konten_terlihat(request, pk)
    form = spec.form(
        request.POST if request.method == "POST" else None,
        konten=k,
        user=request.user,
        initial={"status_terlihat": k.status},
        prefix=aksi,
    )
    selesai = jalankan_form_aksi(request, k, spec, form)
    if selesai is not None:
        return selesai
    return render(
        request,
        "workflow/konten/aksi.html",
        {"k": k, "spec": spec, "form": form, "kode": aksi},
    )


# --- the Staf's editor, images and cards ---------------------------------------------


def _halaman_konsep(request, k, *, form=None, form_gambar=None, form_kartu=None, status=200):
    boleh = k.boleh_susun(request.user)
    revisi = list(_revisi_lengkap(k).order_by("-revisi"))
    terakhir = revisi[0] if revisi else None
    if form is None:
        form = forms.KonsepForm(konten=k, initial=forms.awal_konsep(k, terakhir))
    nilai = form["gambar"].value() or []
    terpilih = {str(getattr(v, "pk", v)) for v in nilai}
    platform = [p for p in form["platform"].value() or [] if p in BATAS_CAPTION]
    return render(
        request,
        "workflow/konten/konsep.html",
        {
            "k": k,
            "form": form,
            "form_gambar": form_gambar or forms.GambarForm(prefix="unggah"),
            "form_kartu": form_kartu
            or forms.KartuForm(
                konten=k,
                prefix="kartu",
                initial={"produk": form["produk"].value()[0]} if form["produk"].value() else {},
            ),
            "hitungan": hitung_caption(form["caption"].value(), platform),
            "gambar": list(k.gambar.all()),
            "terpilih": terpilih,
            "revisi": revisi,
            "terakhir": terakhir,
            "boleh": boleh,
            "koreksi": k.koreksi.select_related("oleh").order_by("-putaran").first(),
        },
        status=status,
    )


def _boleh_susun_atau_403(request, k):
    if not k.boleh_susun(request.user):
        raise PermissionDenied(
            "Konsep ini disusun oleh Staf yang ditugasi, pada tahap penyusunan konsep."
        )


@login_required
@require_http_methods(["GET", "POST"])
def konsep(request, pk):
    """The editor: the latest revision's values, saved as a new revision."""
    k = konten_terlihat(request, pk)
    if request.method != "POST":
        return _halaman_konsep(request, k)
    _boleh_susun_atau_403(request, k)
    form = forms.KonsepForm(request.POST, konten=k)
    if form.is_valid():
        try:
            r = layanan.simpan_konsep(
                request.user,
                k,
                isi=form.isi(),
                catatan=form.cleaned_data["catatan"],
                ip=alamat_ip(request),
            )
        except TidakBerwenang as exc:
            raise PermissionDenied(exc.pesan) from exc
        except AksiGagal as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        else:
            messages.success(
                request,
                f"Konsep tersimpan sebagai revisi {r.revisi}. Periksa pratinjaunya, "
                "lalu serahkan bila sudah siap.",
            )
            return redirect(k)
    return _halaman_konsep(request, k, form=form)


@login_required
@require_POST
def tambah_gambar(request, pk):
    k = konten_terlihat(request, pk)
    _boleh_susun_atau_403(request, k)
    form = forms.GambarForm(request.POST, request.FILES, prefix="unggah")
    if form.is_valid():
        try:
            g = layanan.tambah_gambar(
                request.user, k, form.cleaned_data["berkas"], ip=alamat_ip(request)
            )
        except GambarTidakValid as exc:
            form.add_error("berkas", exc)
        except TidakBerwenang as exc:
            raise PermissionDenied(exc.pesan) from exc
        except AksiGagal as exc:
            form.add_error(None, exc.pesan)
        else:
            messages.success(
                request,
                f"Gambar {g.nama_asli or ''} ({g.lebar}×{g.tinggi} {g.format}) ditambahkan "
                "dan dicentang di konsep; simpan konsep untuk memakainya.",
            )
            return redirect(reverse("workflow:konten-konsep", args=[k.pk]) + "#gambar")
    return _halaman_konsep(request, k, form_gambar=form, status=400)


@login_required
@require_POST
def buat_kartu(request, pk):
    k = konten_terlihat(request, pk)
    _boleh_susun_atau_403(request, k)
    form = forms.KartuForm(request.POST, konten=k, prefix="kartu")
    if form.is_valid():
        try:
            g = layanan.buat_kartu(
                request.user,
                k,
                form.cleaned_data["produk"],
                form.cleaned_data["ukuran"],
                ip=alamat_ip(request),
            )
        except ImportError:
            form.add_error(None, "Pembuat kartu belum tersedia di server ini.")
        except TidakBerwenang as exc:
            raise PermissionDenied(exc.pesan) from exc
        except AksiGagal as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        else:
            messages.success(
                request,
                f"Kartu {g.lebar}×{g.tinggi} dibuat dari {form.cleaned_data['produk']} "
                "dan dicentang di konsep; simpan konsep untuk memakainya.",
            )
            return redirect(reverse("workflow:konten-konsep", args=[k.pk]) + "#gambar")
    return _halaman_konsep(request, k, form_kartu=form, status=400)


@login_required
def berkas_gambar(request, pk, g_pk):
    k = konten_terlihat(request, pk)
    g = get_object_or_404(k.gambar, pk=g_pk)
    try:
        berkas = g.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Berkas gambar tidak ditemukan.") from exc
    respons = FileResponse(
        berkas,
        content_type=JENIS_GAMBAR.get(g.format, "application/octet-stream"),
        filename=g.berkas.name.rsplit("/", 1)[-1],
    )
    respons["Cache-Control"] = "private, max-age=3600"
    return respons


# --- what changed since the last round -------------------------------------------------

BIDANG_BANDING = {
    "judul": "Judul",
    "caption": "Keterangan (caption)",
    "tagar": "Tagar",
    "platform": "Platform tujuan",
    "produk": "Produk hukum",
    "gambar": "Gambar",
    "video_url": "Tautan video",
    "tanggal_rencana": "Rencana tanggal unggah",
}


def _revisi_nomor(semua, nilai, bawaan):
    if nilai is None or nilai == "":
        return bawaan
    if not re.fullmatch(r"[0-9]{1,9}", str(nilai)):
        raise Http404("Revisi tidak ditemukan.")
    cocok = next((r for r in semua if r.revisi == int(nilai)), None)
    if cocok is None:
        raise Http404("Revisi tidak ditemukan.")
    return cocok


def revisi_putaran_lalu(k, semua):
    """The revision handed in before the last send-back (None before any)."""
    koreksi = k.koreksi.order_by("-putaran", "-id").first()
    if koreksi is None:
        return None
    sebelum = [r for r in semua if r.dibuat_pada <= koreksi.dibuat_pada]
    return sebelum[-1] if sebelum else None


@login_required
def perubahan(request, pk):
    """The concept of the last round beside the latest, differences marked."""
    from ..penyusunan.naskah import banding_draf

    k = konten_terlihat(request, pk)
    semua = list(_revisi_lengkap(k).order_by("revisi"))
    if not semua:
        raise Http404("Belum ada konsep.")
    lalu = revisi_putaran_lalu(k, semua)
    b = _revisi_nomor(semua, request.GET.get("b"), semua[-1])
    a = _revisi_nomor(
        semua, request.GET.get("a"), lalu or (semua[-2] if len(semua) > 1 else semua[-1])
    )
    bidang = [
        x._replace(label=BIDANG_BANDING[nama])
        for nama, x in zip(
            BIDANG_BANDING,
            banding_draf(a.isi_teks(), b.isi_teks(), bidang=tuple(BIDANG_BANDING)),
            strict=True,
        )
    ]
    return render(
        request,
        "workflow/konten/perubahan.html",
        {
            "k": k,
            "a": a,
            "b": b,
            "semua": semua,
            "bidang": bidang,
            "lalu": lalu,
            "sejak_putaran": lalu is not None and a.pk == lalu.pk and b.pk == semua[-1].pk,
            "ada_perubahan": any(x.berubah for x in bidang),
            "tetap": [x.label for x in bidang if not x.berubah],
            "koreksi": k.koreksi.select_related("oleh").order_by("-putaran", "-id").first(),
        },
    )


# --- the calendar ---------------------------------------------------------------------

NAMA_HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@dataclass
class ItemKalender:
    konten: KontenMedsos
    diunggah: bool
    terlambat: bool = False
    waktu: datetime | None = None
    lewat_rencana: bool = False


def _geser_bulan(awal: date, langkah: int) -> date:
    n = awal.year * 12 + awal.month - 1 + langkah
    return date(n // 12, n % 12 + 1, 1)


@login_required
def kalender(request):
    satker_ids = satker_boleh(request.user, "lihat_konten")
    if not satker_ids:
        raise PermissionDenied("Anda tidak memegang peran konten media sosial di satker mana pun.")
    satker = list(Satker.objects.filter(pk__in=satker_ids).order_by("nama"))
    form = forms.KalenderForm(request.GET or None, satker=satker)
    form.is_valid()
    nilai = getattr(form, "cleaned_data", {})
    hari_ini = timezone.localdate()
    awal = nilai.get("bulan") or hari_ini.replace(day=1)
    akhir = _geser_bulan(awal, 1)
    pilih = [nilai["satker"]] if nilai.get("satker") else satker_ids

    zona = timezone.get_current_timezone()
    mulai_dt = timezone.make_aware(datetime.combine(awal, time.min), zona)
    akhir_dt = timezone.make_aware(datetime.combine(akhir, time.min), zona)
    per_hari: dict[date, list[ItemKalender]] = {}
    sekarang = timezone.now()
    mutu = TabelMutuBaku()
    rencana = (
        KontenMedsos.objects.filter(
            satker_id__in=pilih, tanggal_rencana__gte=awal, tanggal_rencana__lt=akhir
        )
        .exclude(status__in=KontenMedsos.STATUS_SELESAI)
        .select_related("satker", "staf")
        .order_by("tanggal_rencana", "id")
    )
    for k in rencana:
        tahap = k.tahap_menunggu()
        standar = mutu.standar(tahap, k.satker_id) if tahap else None
        terlambat = standar is not None and sekarang - k.status_sejak > standar
        per_hari.setdefault(k.tanggal_rencana, []).append(
            ItemKalender(k, False, terlambat, lewat_rencana=k.tanggal_rencana < hari_ini)
        )
    terbit = (
        KontenMedsos.objects.filter(
            satker_id__in=pilih,
            status=S.DIUNGGAH,
            terbit__diterbitkan_pada__gte=mulai_dt,
            terbit__diterbitkan_pada__lt=akhir_dt,
        )
        .select_related("satker", "staf", "terbit")
        .order_by("terbit__diterbitkan_pada", "id")
    )
    for k in terbit:
        waktu = timezone.localtime(k.terbit.diterbitkan_pada, zona)
        per_hari.setdefault(waktu.date(), []).append(ItemKalender(k, True, waktu=waktu))

    minggu = []
    for pekan in calendar.Calendar(firstweekday=0).monthdatescalendar(awal.year, awal.month):
        minggu.append(
            [
                {
                    "tanggal": d,
                    "bulan_ini": d.month == awal.month,
                    "hari_ini": d == hari_ini,
                    "nama_hari": NAMA_HARI[d.weekday()],
                    "item": per_hari.get(d, []) if d.month == awal.month else [],
                }
                for d in pekan
            ]
        )
    jumlah = sum(len(v) for d, v in per_hari.items() if awal <= d < akhir)
    parameter = {"satker": nilai["satker"]} if nilai.get("satker") else {}

    def alamat(bulan):
        return "?" + urlencode({"bulan": f"{bulan:%Y-%m}", **parameter})

    return render(
        request,
        "workflow/konten/kalender.html",
        {
            "form": form,
            "judul_bulan": date_format(awal, "F Y"),
            "minggu": minggu,
            "nama_hari": NAMA_HARI,
            "jumlah": jumlah,
            "jumlah_terlambat": sum(1 for v in per_hari.values() for i in v if i.terlambat),
            "sebelumnya": alamat(_geser_bulan(awal, -1)),
            "berikutnya": alamat(akhir),
            "bulan_ini": alamat(hari_ini.replace(day=1)),
            "awal": awal,
            "satu_satker": len(satker) == 1,
            "boleh_disposisi": bool(satker_boleh(request.user, "disposisi_konten")),
        },
    )
