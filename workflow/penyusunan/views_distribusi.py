"""Distribusi salinan (sop 003): the buku ekspedisi of one SK, the signed
receipts (paraf tanda terima) per recipient, and the receipts still out.

Thin views: read here, act with workflow.penyusunan.layanan. Another office's
penyusunan does not exist for the user (404); a role that may see it but not
record the distribution gets 403.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from documents.pdf import BerkasTidakValid
from documents.unduhan import jawab_unduhan

from ..izin import izin_per_satker, punya_izin
from ..mesin import AksiGagal, TidakBerwenang
from ..views import alamat_ip
from ..waktu import TabelMutuBaku, format_durasi
from . import layanan
from .akses import penyusunan_terlihat
from .forms_distribusi import PenerimaForm, TandaTerimaForm
from .models import PenerimaSalinan, PenyusunanKeputusan
from .models import StatusPenyusunan as S

PER_HALAMAN = 25
IZIN_DISTRIBUSI = "administrasi_penyusunan"
PREFIX_PENERIMA = "penerima"


# --- reading -----------------------------------------------------------------


def standar_distribusi(p: PenyusunanKeputusan, tabel: TabelMutuBaku) -> timedelta | None:
    """The distribution step's time standard for ``p`` (1 hari unless the
    Satker set its own)."""
    return tabel.standar(p.prosedur().tahap_kode("distribusi"), p.satker_id)


@dataclass
class BarisPenerima:
    """One line of the buku ekspedisi as the pages show it."""

    r: PenerimaSalinan
    standar: timedelta | None
    sekarang: object
    boleh_catat: bool = False

    @property
    def keadaan(self) -> str:
        if self.r.dikirim_pada is None:
            return "belum-dikirim"
        if self.r.diterima_pada is None:
            return "menunggu"
        return "diterima"

    @property
    def label_keadaan(self) -> str:
        return {
            "belum-dikirim": "Belum dikirim",
            "menunggu": "Menunggu tanda terima",
            "diterima": "Diterima",
        }[self.keadaan]

    @property
    def umur(self) -> timedelta | None:
        """How long the receipt has been out (sent, not yet signed for)."""
        if not self.r.tertunda:
            return None
        return self.sekarang - self.r.dikirim_pada

    @property
    def umur_teks(self) -> str:
        return format_durasi(self.umur)

    @property
    def standar_teks(self) -> str:
        return format_durasi(self.standar)

    @property
    def terlambat(self) -> bool:
        return self.umur is not None and self.standar is not None and self.umur > self.standar


def _baris(penerima, standar_dari) -> list[BarisPenerima]:
    sekarang = timezone.now()
    return [BarisPenerima(r, standar_dari(r), sekarang) for r in penerima]


def konteks_distribusi(request, p: PenyusunanKeputusan, penerima_form=None) -> dict:
    """What ``workflow/penyusunan/_distribusi.html`` needs, for the detail
    page of ``p`` (three queries: the recipients, the time standards, the
    user's permission)."""
    boleh = p.boleh_distribusi(request.user)
    boleh_tambah = boleh and p.status == S.DISTRIBUSI
    standar = standar_distribusi(p, TabelMutuBaku())
    baris = _baris(p.penerima_salinan.order_by("id"), lambda r: standar)
    belum_kirim = sum(b.keadaan == "belum-dikirim" for b in baris)
    alasan_selesai = ""
    if p.status == S.DISTRIBUSI and (not baris or belum_kirim):  # = _syarat_distribusi
        alasan_selesai = p.alasan_syarat("selesaikan_distribusi")
    return {
        "distribusi_baris": baris,
        "distribusi_boleh": boleh,
        "distribusi_boleh_tambah": boleh_tambah,
        "distribusi_form": (penerima_form or PenerimaForm(prefix=PREFIX_PENERIMA))
        if boleh_tambah
        else None,
        "distribusi_belum_kirim": belum_kirim,
        "distribusi_tertunda": sum(b.keadaan == "menunggu" for b in baris),
        "distribusi_terlambat": sum(b.terlambat for b in baris),
        "distribusi_standar": standar,
        "distribusi_alasan_selesai": alasan_selesai,
    }


def _ke_distribusi(p):
    return redirect(p.get_absolute_url() + "#distribusi")


def _penyusunan_distribusi(request, pk) -> PenyusunanKeputusan:
    """The penyusunan, for someone of its office who records the distribution."""
    p = penyusunan_terlihat(request, pk)
    if not punya_izin(request.user, IZIN_DISTRIBUSI, p.satker_id):
        raise PermissionDenied("Distribusi salinan dicatat oleh Subbagian Hukum.")
    return p


# --- acting --------------------------------------------------------------------


@login_required
@require_POST
def tambah_penerima(request, pk):
    """A line of the buku ekspedisi (only while the SK is being distributed)."""
    p = _penyusunan_distribusi(request, pk)
    form = PenerimaForm(request.POST, prefix=PREFIX_PENERIMA)
    if form.is_valid():
        try:
            r = layanan.tambah_penerima(request.user, p, **form.argumen(), ip=alamat_ip(request))
        except TidakBerwenang as exc:  # the step is over: the role was checked above
            messages.error(request, exc.pesan)
            return _ke_distribusi(p)
        except AksiGagal as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        else:
            messages.success(request, f"Penerima “{r.nama}” dicatat di buku ekspedisi.")
            return _ke_distribusi(p)
    return render(
        request,
        "workflow/penyusunan/tanda_terima.html",
        {"p": p, "form": form, "tambah": True},
    )


@login_required
@require_POST
def kirim(request, pk):
    """The copies go out to every recipient not yet sent."""
    p = _penyusunan_distribusi(request, pk)
    try:
        n = layanan.kirim_salinan(request.user, p, ip=alamat_ip(request))
    except AksiGagal as exc:
        messages.error(request, exc.pesan)
    else:
        messages.success(
            request,
            f"Salinan dikirim kepada {n} penerima. Catat tanda terimanya setelah diparaf.",
        )
    return _ke_distribusi(p)


@login_required
@require_http_methods(["GET", "POST"])
def tanda_terima(request, pk, r_pk):
    """The signed receipt of one recipient (also after the SK moved on)."""
    p = _penyusunan_distribusi(request, pk)
    r = get_object_or_404(PenerimaSalinan, pk=r_pk, penyusunan=p)
    if not p.boleh_distribusi(request.user):
        messages.error(request, "Tanda terima tidak dapat dicatat pada tahap ini.")
        return _ke_distribusi(p)
    if request.method == "POST":
        form = TandaTerimaForm(request.POST, request.FILES, penerima=r, satker=p.satker)
        if form.is_valid():
            try:
                layanan.catat_tanda_terima(
                    request.user, p, r, **form.argumen(), ip=alamat_ip(request)
                )
            except BerkasTidakValid as exc:
                form.add_error("bukti", exc)
            except TidakBerwenang as exc:
                messages.error(request, exc.pesan)
                return _ke_distribusi(p)
            except AksiGagal as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
            else:
                messages.success(request, f"Tanda terima “{r.nama}” dicatat.")
                return _ke_distribusi(p)
    else:
        form = TandaTerimaForm(penerima=r, satker=p.satker)
    return render(request, "workflow/penyusunan/tanda_terima.html", {"p": p, "r": r, "form": form})


# --- files and sheets ------------------------------------------------------------


@login_required
def bukti(request, pk, r_pk):
    """The receipt's scan, for the office's staff only."""
    p = penyusunan_terlihat(request, pk)
    r = get_object_or_404(PenerimaSalinan, pk=r_pk, penyusunan=p)
    if not r.bukti:
        raise Http404("Tanda terima ini tidak memiliki pindaian.")
    return jawab_unduhan(
        r.bukti,
        nama=f"tanda-terima-{p.pk}-{r.pk}.pdf",
        pesan_404="Pindaian tanda terima tidak ditemukan.",
    )


@login_required
def buku_ekspedisi(request, pk):
    """The print sheet of this SK's buku ekspedisi, a paraf box per line."""
    p = penyusunan_terlihat(request, pk)
    if p.draft_final_id:
        judul = p.draft_final.judul
    else:
        judul = p.judul
    return render(
        request,
        "workflow/penyusunan/buku_ekspedisi.html",
        {
            "p": p,
            "judul": judul,
            "penerima": list(p.penerima_salinan.order_by("id")),
            "dicetak": timezone.now(),
        },
    )


@login_required
def tertunda(request):
    """Receipts still out (sent, not signed for) in every Satker whose
    drafting the user may see, oldest first, against the 1-hari standard."""
    izin = izin_per_satker(request.user)
    lihat = [s for s, kode in izin.items() if "lihat_penyusunan" in kode]
    if not lihat:
        raise PermissionDenied("Daftar ini untuk staf yang menangani penyusunan keputusan.")
    catat = {s for s, kode in izin.items() if IZIN_DISTRIBUSI in kode}
    qs = (
        PenerimaSalinan.objects.filter(
            penyusunan__satker_id__in=lihat,
            dikirim_pada__isnull=False,
            diterima_pada__isnull=True,
        )
        .exclude(penyusunan__status=S.DIBATALKAN)
        .select_related("penyusunan__satker", "penyusunan__jenis", "penyusunan__nomor")
        .order_by("dikirim_pada", "id")
    )
    halaman = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    tabel = TabelMutuBaku()
    baris = _baris(halaman.object_list, lambda r: standar_distribusi(r.penyusunan, tabel))
    for b in baris:
        b.boleh_catat = b.r.penyusunan.satker_id in catat
    return render(
        request,
        "workflow/penyusunan/tertunda.html",
        {
            "baris": baris,
            "halaman": halaman,
            "beberapa_satker": len(lihat) > 1,
            "boleh_catat": bool(catat),
        },
    )
