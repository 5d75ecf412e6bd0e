"""Monitoring that follows the Satker tree (DESIGN.md §9, issue 13 item 5):
a province sees its regencies' JDIH health, KPU RI sees everyone.

Who sees what is decided once, in pemantauan.pohon.lingkup_pengguna; a
Satker outside the user's tree answers 404 like one that does not exist
(Satkers are public, their unpublished figures are not).
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from documents.ekspor import unduhan_csv
from publicsite.grafik import grafik_batang, grafik_kolom, grafik_skala
from workflow.waktu import format_durasi

from . import kesehatan, selectors
from .forms import SaringanForm
from .pohon import Lingkup, Simpul, lingkup_pengguna

PER_HALAMAN = 50
PER_HALAMAN_PRODUK = 25
BATAS_TERLAMBAT = 100


@login_required
@require_safe
def ringkasan(request):
    lingkup = lingkup_pengguna(request.user)
    if not lingkup.ids:
        raise PermissionDenied(
            "Pemantauan hanya untuk Kasubbag Hukum & SDM, Kepala Bagian, dan Sekretaris."
        )
    akar = lingkup.akar
    return _halaman(request, lingkup, akar[0] if len(akar) == 1 else None)


@login_required
@require_safe
def satker(request, slug):
    lingkup = lingkup_pengguna(request.user)
    simpul = lingkup.pohon.menurut_slug(slug)
    if simpul is None or not lingkup.boleh(simpul.id):
        raise Http404("Satker tidak ditemukan.")
    return _halaman(request, lingkup, simpul)


def _url_satker(simpul: Simpul) -> str:
    return reverse("pemantauan:satker", args=[simpul.slug])


def _halaman(request, lingkup: Lingkup, simpul: Simpul | None):
    """``simpul``: the Satker in view (its subtree); None: several separate
    trees (the user holds the role in offices of different branches)."""
    form = SaringanForm(request.GET)
    if not form.is_valid():
        return render(request, "pemantauan/pemantauan.html", {"form": form}, status=400)
    pilihan = form.cleaned_data
    periode = selectors.periode(pilihan["periode"])
    pohon = lingkup.pohon
    if simpul is not None:
        ids = pohon.keturunan(simpul.id)
        anak = sorted(simpul.anak, key=lambda s: s.nama)
    else:
        ids = set(lingkup.ids)
        anak = lingkup.akar
    data = selectors.ambil_data(ids, lingkup.semua_di(ids), periode)

    semua_baris = [selectors.baris_gabungan(a, pohon.keturunan(a.id), data) for a in anak]
    if pilihan["status"]:
        semua_baris = [b for b in semua_baris if b.sehat.status == pilihan["status"]]
    semua_baris = selectors.urutkan(semua_baris, pilihan["urut"])
    if request.GET.get("format") == "csv":
        return _csv(simpul, periode, pilihan, semua_baris, data)

    judul = simpul.nama if simpul else "Semua satker dalam lingkup Anda"
    total = selectors.baris_gabungan(simpul or Simpul(0, judul, "", "", None), ids, data)
    halaman = Paginator(semua_baris, PER_HALAMAN).get_page(request.GET.get("halaman"))
    konteks = {
        "form": form,
        "simpul": simpul,
        "judul": judul,
        "jalur": [s for s in pohon.jalur(simpul.id) if lingkup.boleh(s.id)] if simpul else [],
        "periode": periode,
        "total": total,
        "halaman": halaman,
        "jumlah_baris": len(semua_baris),
        "label_status": kesehatan.LABEL_STATUS.get(pilihan["status"], ""),
        "ada_anak": bool(anak),
        "panen_nasional": data.panen_nasional,
        "sekarang": data.sekarang,
        "grafik_bulanan": _grafik_bulanan(periode, data),
        "grafik_satker": _grafik_satker(semua_baris),
        "grafik_lengkap": _grafik_lengkap(semua_baris),
        "kepala": _kepala_urut(pilihan),
        "alamat_csv": _kueri(pilihan, format="csv"),
        "kueri": _kueri(pilihan),
        "ambang": {
            "terlambat": kesehatan.TERLAMBAT_BERMASALAH,
            "panen_perhatian": kesehatan.PANEN_PERHATIAN.days,
            "panen_bermasalah": kesehatan.PANEN_BERMASALAH.days,
            "persen": kesehatan.PERSEN_TIDAK_LENGKAP_BERMASALAH,
        },
    }
    if simpul is not None:
        konteks.update(_rincian_sendiri(request, lingkup, simpul, data))
    return render(request, "pemantauan/pemantauan.html", konteks)


def _rincian_sendiri(request, lingkup, simpul, data):
    """The office's own figures, its overdue requests, and its products
    missing metadata or abstrak (paged)."""
    terlambat, jumlah_terlambat = selectors.permohonan_terlambat(
        data.terlambat, simpul.id, BATAS_TERLAMBAT
    )
    produk = Paginator(selectors.produk_tidak_lengkap(simpul.id), PER_HALAMAN_PRODUK).get_page(
        request.GET.get("halaman_produk")
    )
    from .kelengkapan import kekurangan

    return {
        "sendiri": selectors.baris_sendiri(simpul, data),
        "terlambat": [
            {
                "permohonan": p,
                "tahap": t.tahap,
                "umur": format_durasi(t.umur),
                "standar": format_durasi(t.standar),
                "url": p.get_absolute_url() if lingkup.boleh_buka_permohonan(p.satker_id) else "",
            }
            for p, t in terlambat
        ],
        "jumlah_terlambat": jumlah_terlambat,
        "produk_kurang": [(p, kekurangan(p)) for p in produk],
        "halaman_produk": produk,
    }


def _kueri(pilihan, **tambahan) -> str:
    """This view's filters as a query string (the CSV and the page links keep them)."""
    nilai = {k: pilihan[k] for k in ("periode", "status", "urut") if pilihan.get(k)}
    return urlencode({**nilai, **tambahan})


def _kepala_urut(pilihan) -> dict:
    """Each sortable column's link: the first click sorts by it (names A→Z,
    figures largest first), the next reverses."""
    hasil = {}
    for kode, label in selectors.KOLOM_URUT:
        sekarang = pilihan["urut"]
        if sekarang.lstrip("-") == kode:
            berikut = kode if sekarang.startswith("-") else f"-{kode}"
            arah = "descending" if sekarang.startswith("-") else "ascending"
        else:
            berikut, arah = (kode if kode in ("nama", "panen") else f"-{kode}"), ""
        hasil[kode] = {
            "label": label,
            "url": "?" + _kueri({**pilihan, "urut": berikut}),
            "arah": arah,
        }
    return hasil


def _label_bulan(d) -> str:
    return f"{selectors.NAMA_BULAN[d.month - 1]} {d.year}"


def _grafik_bulanan(periode, data):
    return grafik_kolom(
        "grafik-bulanan",
        "Produk terbit per bulan",
        [(_label_bulan(b), data.per_bulan.get(b, 0)) for b in periode.bulan],
        satuan="produk",
        satuan_waktu="bulan",
    )


def _grafik_satker(daftar):
    return grafik_batang(
        "grafik-satker",
        "Produk terbit dalam periode per satker",
        [(b.simpul.nama, b.angka.terbit_periode, _url_satker(b.simpul)) for b in daftar],
    )


def _grafik_lengkap(daftar):
    return grafik_skala(
        "grafik-lengkap",
        "Produk terbit dengan metadata wajib dan abstrak lengkap (%)",
        [(b.simpul.nama, b.angka.persen_lengkap) for b in daftar if b.angka.terbit_total],
        maks=100,
        desimal=0,
    )


def _waktu(w) -> str:
    return "" if w is None else f"{timezone.localtime(w):%Y-%m-%d %H:%M}"


def _csv(simpul, periode, pilihan, daftar, data):
    nama = f"pemantauan-{simpul.slug if simpul else 'lingkup'}-{periode.kode}"
    if pilihan["status"]:
        nama += f"-{pilihan['status']}"
    respons, tulis = unduhan_csv(f"{nama}.csv")
    tulis.writerow(
        [
            "satker",
            "tingkat",
            "cakupan",
            "jumlah satker",
            f"terbit dalam periode ({periode.teks})",
            "terbit seluruhnya",
            "permohonan terbuka",
            "permohonan melewati mutu baku",
            "panen JDIHN terakhir",
            "umpan",
            "tanpa metadata wajib",
            "tanpa abstrak",
            "tidak lengkap",
            "status",
            "alasan",
        ]
    )
    baris = list(daftar)
    if simpul is not None:
        baris.insert(0, selectors.baris_sendiri(simpul, data))
    for b in baris:
        a = b.angka
        tulis.writerow(
            [
                b.simpul.nama,
                b.simpul.label_tingkat,
                "satker dan bawahannya" if b.gabungan else "satker ini",
                b.jumlah_satker,
                a.terbit_periode,
                a.terbit_total,
                a.terbuka,
                a.terlambat,
                _waktu(a.panen_terakhir),
                a.panen_sumber,
                a.metadata_kurang,
                a.tanpa_abstrak,
                a.tidak_lengkap,
                b.sehat.label,
                "; ".join(b.sehat.alasan),
            ]
        )
    return respons
