"""Survey results for the people who evaluate the service: a superuser for
every Satker, anyone else only where he holds evaluasi_sop (the Kasubbag
Hukum & SDM, the Sekretaris, the Kepala Bagian)."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from documents.ekspor import unduhan_csv
from documents.models import Satker
from publicsite.grafik import grafik_skala
from workflow.izin import izin_per_satker

from . import selectors
from .forms import HasilForm
from .unsur import UNSUR

IZIN = "evaluasi_sop"
PER_HALAMAN = 20


def satker_boleh(user):
    qs = Satker.objects.order_by("nama").only("pk", "slug", "nama")
    if user.is_superuser:
        return qs
    return qs.filter(pk__in=[s for s, kode in izin_per_satker(user).items() if IZIN in kode])


@login_required
@require_safe
def hasil(request):
    satker_qs = satker_boleh(request.user)
    daftar = list(satker_qs)
    if not daftar:
        raise Http404("Tidak ada satker yang hasil surveinya boleh Anda lihat.")
    diminta = request.GET.get("satker")
    if diminta is not None and diminta not in {s.slug for s in daftar}:
        raise Http404("Satker tidak ditemukan.")
    hari_ini = timezone.localdate()
    awal = {"satker": daftar[0], "dari": hari_ini - timedelta(days=182), "sampai": hari_ini}
    data = None
    if diminta is not None:
        # A link that names only the Satker (or a page) takes the default period.
        data = request.GET.copy()
        data.setdefault("dari", f"{awal['dari']:%Y-%m-%d}")
        data.setdefault("sampai", f"{awal['sampai']:%Y-%m-%d}")
    form = HasilForm(data, initial=awal, satker_qs=satker_qs)
    if form.is_bound and not form.is_valid():
        return render(request, "survei/hasil.html", {"form": form}, status=400)
    pilihan = form.cleaned_data if form.is_bound else awal
    satker, dari, sampai = pilihan["satker"], pilihan["dari"], pilihan["sampai"]
    hasil_ikm = selectors.hasil_ikm(satker, dari, sampai)
    if request.GET.get("format") == "csv":
        return _csv(satker, dari, sampai, hasil_ikm)
    halaman = Paginator(selectors.komentar(satker, dari, sampai), PER_HALAMAN).get_page(
        request.GET.get("halaman")
    )
    grafik = grafik_skala(
        "grafik-nrr",
        "Nilai rata-rata (NRR) per unsur, skala 1–4",
        [(u.label, u.nrr_tampil) for u in hasil_ikm.unsur if u.nrr is not None],
        maks=4,
    )
    return render(
        request,
        "survei/hasil.html",
        {
            "form": form,
            "satker": satker,
            "dari": dari,
            "sampai": sampai,
            "hasil": hasil_ikm,
            "grafik": grafik,
            "profil": selectors.profil_responden(satker, dari, sampai),
            "halaman": halaman,
            "query_dasar": f"satker={satker.slug}&dari={dari:%Y-%m-%d}&sampai={sampai:%Y-%m-%d}",
        },
    )


def _aman(teks: str) -> str:
    """A spreadsheet runs a cell that starts with = + - @ as a formula: a
    respondent's comment must stay text."""
    teks = (teks or "").replace("\r", " ").replace("\n", " ")
    return "'" + teks if teks[:1] in ("=", "+", "-", "@", "\t") else teks


def _angka(nilai) -> str:
    return "" if nilai is None else str(nilai).replace(".", ",")


def _csv(satker, dari, sampai, hasil_ikm):
    nama = f"ikm-{satker.slug}-{dari:%Y-%m-%d}-{sampai:%Y-%m-%d}.csv"
    respons, tulis = unduhan_csv(nama, delimiter=";")
    tulis.writerow(["Survei Kepuasan Masyarakat (PermenPAN-RB No. 14 Tahun 2017)"])
    tulis.writerow(["Satker", satker.nama])
    tulis.writerow(["Periode", f"{dari:%Y-%m-%d}", f"{sampai:%Y-%m-%d}"])
    tulis.writerow(["Jumlah responden", hasil_ikm.responden])
    tulis.writerow([])
    tulis.writerow(["Unsur", "Jumlah nilai", "Responden menjawab", "NRR", "NRR tertimbang"])
    for u in hasil_ikm.unsur:
        tulis.writerow(
            [
                u.label,
                u.jumlah_nilai,
                u.jumlah_responden,
                _angka(u.nrr_tampil),
                _angka(u.nrr_tertimbang_tampil),
            ]
        )
    tulis.writerow(["Indeks (jumlah NRR tertimbang)", _angka(hasil_ikm.indeks_tampil)])
    tulis.writerow(["IKM unit pelayanan (indeks x 25)", _angka(hasil_ikm.ikm_unit)])
    tulis.writerow(["Mutu pelayanan", hasil_ikm.mutu or "", hasil_ikm.kinerja or ""])
    tulis.writerow([])
    kolom_profil = ["jenis_kelamin", "usia", "pendidikan", "pekerjaan", "layanan"]
    tulis.writerow(["Tanggal", *(f"U{u.nomor}" for u in UNSUR), *kolom_profil, "Saran dan masukan"])
    baris = selectors.respons_periode(satker, dari, sampai).order_by("tanggal", "id")
    for r in baris.iterator(chunk_size=500):
        tulis.writerow(
            [
                f"{r.tanggal:%Y-%m-%d}",
                *(getattr(r, u.kode) or "" for u in UNSUR),
                *(getattr(r, f"get_{k}_display")() for k in kolom_profil),
                _aman(r.komentar),
            ]
        )
    return respons
