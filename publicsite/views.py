"""The public portal. Thin views over publicsite.selectors; only published
products are ever shown or served."""

from urllib.parse import urlencode

from django.db import connection, transaction
from django.db.models import F
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from documents.models import (
    ProdukHukum,
    RelasiProduk,
    Satker,
    StatusPublikasi,
)

from . import jdihn as umpan
from . import selectors
from .forms import CariForm
from .grafik import grafik_batang

PER_HALAMAN = 20


def _cari_url(**params):
    return reverse("publicsite:cari") + "?" + urlencode(params)


def _konteks_beranda(satker=None):
    return {
        "terbaru": selectors.terbaru(satker),
        "per_jenis": selectors.jumlah_per_jenis(satker),
        "per_tahun": selectors.jumlah_per_tahun(satker),
    }


@require_safe
def beranda(request):
    konteks = _konteks_beranda()
    konteks["daftar_satker"] = selectors.satker_dengan_produk()
    return render(request, "publicsite/beranda.html", konteks)


@require_safe
def beranda_satker(request, satker):
    satker = get_object_or_404(Satker, slug=satker)
    konteks = _konteks_beranda(satker)
    konteks["satker"] = satker
    return render(request, "publicsite/beranda.html", konteks)


@require_safe
def cari(request):
    form = CariForm(request.GET or None)
    kriteria = form.kriteria() if form.is_bound else selectors.Kriteria()
    halaman = selectors.PaginatorTerbatas(selectors.cari_produk(kriteria), PER_HALAMAN).get_page(
        request.GET.get("halaman")
    )
    hasil = list(halaman.object_list)
    cuplikan = selectors.cuplikan(hasil, kriteria.q)
    for p in hasil:
        p.cuplikan = cuplikan.get(p.pk, "")
    params = request.GET.copy()
    params.pop("halaman", None)
    return render(
        request,
        "publicsite/cari.html",
        {
            "form": form,
            "saringan": form.saringan(),
            "kriteria": kriteria,
            "halaman": halaman,
            "hasil": hasil,
            "query_tanpa_halaman": params.urlencode(),
        },
    )


def _hitung(pk, kolom):
    """Add one to a counter without waiting for the disk: a counter may lose
    the last few hits in a crash, a reader should not wait for a WAL flush."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as c:
                c.execute("SET LOCAL synchronous_commit TO OFF")
        ProdukHukum.objects.filter(pk=pk).update(**{kolom: F(kolom) + 1})


def _produk_atau_404(satker, pk):
    """The product behind a public URL, or None when the URL does not exist."""
    return (
        ProdukHukum.objects.select_related("jenis", "satker")
        .defer("search_vector")
        .filter(pk=pk, satker__slug=satker)
        .first()
    )


@require_safe
def detail(request, satker, pk, slug):
    produk = _produk_atau_404(satker, pk)
    if produk is None or produk.status_publikasi == StatusPublikasi.DRAF:
        raise Http404("Produk hukum tidak ditemukan.")
    if produk.status_publikasi == StatusPublikasi.DITURUNKAN:
        # Readers who followed a link learn why it is gone; no file is offered.
        return render(request, "publicsite/diperbaiki.html", {"produk": produk}, status=404)
    if slug != produk.slug:
        return redirect(produk.get_absolute_url(), permanent=True)
    if request.method == "GET":
        _hitung(pk, "jumlah_dilihat")
        produk.jumlah_dilihat += 1
    versi = list(
        produk.versi.filter(diterbitkan_pada__isnull=False)
        .order_by("-nomor_versi")
        .only(
            "nomor_versi",
            "ukuran",
            "jumlah_halaman",
            "diterbitkan_pada",
            "keterangan_perbaikan",
            "produk_id",
        )
    )
    terbit = StatusPublikasi.TERBIT
    relasi_keluar = (
        RelasiProduk.objects.filter(sumber=produk, target__status_publikasi=terbit)
        .select_related("target__jenis", "target__satker")
        .order_by("jenis", "target__tahun", "target_id")
    )
    relasi_masuk = (
        RelasiProduk.objects.filter(target=produk, sumber__status_publikasi=terbit)
        .select_related("sumber__jenis", "sumber__satker")
        .order_by("jenis", "sumber__tahun", "sumber_id")
    )
    relasi = [(r.get_jenis_display(), r.target, r.keterangan) for r in relasi_keluar] + [
        (r.label_kebalikan, r.sumber, r.keterangan) for r in relasi_masuk
    ]
    return render(
        request,
        "publicsite/detail.html",
        {
            "produk": produk,
            "versi_sekarang": versi[0] if versi else None,
            "versi_lama": versi[1:],
            "relasi": relasi,
        },
    )


def _versi_publik(satker, pk, nomor_versi=None):
    produk = _produk_atau_404(satker, pk)
    if produk is None or produk.status_publikasi != StatusPublikasi.TERBIT:
        raise Http404("Berkas tidak ditemukan.")
    versi = produk.versi.filter(diterbitkan_pada__isnull=False)
    if nomor_versi is not None:
        versi = versi.filter(nomor_versi=nomor_versi)
    versi = versi.order_by("-nomor_versi").first()
    if versi is None or not versi.berkas:
        raise Http404("Berkas tidak ditemukan.")
    return produk, versi


def _nama_berkas(produk, versi, nomor_versi):
    return f"{produk.slug}-versi-{versi.nomor_versi}.pdf" if nomor_versi else f"{produk.slug}.pdf"


def _berkas(produk, versi, nomor_versi, lampiran):
    try:
        isi = versi.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Berkas tidak ditemukan.") from exc
    respons = FileResponse(
        isi,
        as_attachment=lampiran,
        filename=_nama_berkas(produk, versi, nomor_versi),
        content_type="application/pdf",
    )
    # A take-down must reach readers at once: shared caches keep no copy.
    respons["Cache-Control"] = "no-cache"
    return respons


@require_safe
def unduh(request, satker, pk, slug, nomor_versi=None):
    produk, versi = _versi_publik(satker, pk, nomor_versi)
    respons = _berkas(produk, versi, nomor_versi, lampiran=True)
    if request.method == "GET":
        _hitung(pk, "jumlah_unduhan")
    return respons


@require_safe
def pratinjau(request, satker, pk, slug):
    produk, versi = _versi_publik(satker, pk)
    return _berkas(produk, versi, None, lampiran=False)


@require_safe
def jdihn(request, satker=None):
    if satker is not None:
        satker = get_object_or_404(Satker, slug=satker)
    dasar = request.build_absolute_uri("/").rstrip("/")
    return StreamingHttpResponse(
        umpan.alirkan(umpan.produk_umpan(satker), dasar),
        content_type="application/json; charset=utf-8",
    )


@require_safe
def statistik(request):
    per_tahun = sorted(selectors.jumlah_per_tahun(), key=lambda r: r["tahun"])
    per_jenis = selectors.jumlah_per_jenis()
    per_status = selectors.jumlah_per_status()
    label_status = dict(ProdukHukum._meta.get_field("status").choices)
    unduhan = selectors.paling_diunduh()
    grafik = [
        grafik_batang(
            "grafik-tahun",
            "Produk hukum per tahun",
            [(r["tahun"], r["jumlah"], _cari_url(tahun=r["tahun"])) for r in per_tahun],
        ),
        grafik_batang(
            "grafik-jenis",
            "Produk hukum per jenis",
            [(j.nama, j.jumlah, _cari_url(jenis=j.pk)) for j in per_jenis],
        ),
        grafik_batang(
            "grafik-status",
            "Produk hukum per status",
            [
                (label_status.get(s, s), r["jumlah"], _cari_url(status=s))
                for r in per_status
                for s in [r["status"]]
            ],
        ),
        grafik_batang(
            "grafik-unduhan",
            "Paling banyak diunduh",
            [(f"{p} — {p.judul}", p.jumlah_unduhan, p.get_absolute_url()) for p in unduhan],
        ),
    ]
    total = sum(r["jumlah"] for r in per_status)
    return render(request, "publicsite/statistik.html", {"grafik": grafik, "total": total})


@require_safe
def robots(request):
    peta = request.build_absolute_uri(reverse("publicsite:sitemap"))
    baris = [
        "User-agent: *",
        "Disallow: /staf/",
        "Disallow: /admin/",
        "Disallow: /masuk/",
        "Disallow: /keluar/",
        "Allow: /",
        f"Sitemap: {peta}",
        "",
    ]
    return HttpResponse("\n".join(baris), content_type="text/plain; charset=utf-8")
