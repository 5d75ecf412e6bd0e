"""The public portal. Thin views over publicsite.selectors; only published
products are ever shown or served."""

import secrets
from datetime import UTC

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from documents.models import (
    GambarHalaman,
    ProdukHukum,
    Satker,
    StatusPublikasi,
)

from . import selectors, selectors_produk
from .bagikan import sitasi, tautan_bagikan
from .konten import konten_untuk_produk
from .lampiran import lampiran_publik


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


def hitung(pk, kolom):
    """Add one to a counter without waiting for the disk: a counter may lose
    the last few hits in a crash, a reader should not wait for a WAL flush."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as c:
                c.execute("SET LOCAL synchronous_commit TO OFF")
        ProdukHukum.objects.filter(pk=pk).update(**{kolom: F(kolom) + 1})


def produk_atau_404(satker, pk):
    """The product behind a public URL, or None when the URL does not exist."""
    return (
        ProdukHukum.objects.select_related("jenis", "satker")
        .defer("search_vector")
        .filter(pk=pk, satker__slug=satker)
        .first()
    )


# The rendered detail page is kept per product (and host, for the absolute
# URLs of the OpenGraph tags) and served again while the product's change
# stamp ``diubah_pada`` is unchanged (documents.stempel moves it on every
# change of the product, its versions or its relations). Every request still
# asks the database whether the product is published, in the same statement
# that counts the view, so a take-down reaches every process at once. Names
# of *other* objects on the page (a related product's title, the satker, the
# jenis) may lag by UMUR_HALAMAN.
UMUR_HALAMAN = 600


def _kunci_halaman(request, pk):
    return f"publik:detail:{pk}:{request.scheme}://{request.get_host()}"


def _sebagai_waktu(nilai):
    # SQLite hands a raw query its timestamps as naive UTC (or as text).
    if isinstance(nilai, str):
        nilai = parse_datetime(nilai)
    if settings.USE_TZ and timezone.is_naive(nilai):
        nilai = timezone.make_aware(nilai, UTC)
    return nilai


def _lihat_terbit(satker, pk, hitung):
    """One round trip: count a view of the published product behind the URL
    (``hitung``; HEAD only looks) and return its (diubah_pada, jumlah_dilihat,
    jumlah_unduhan), or None when the URL shows no published product."""
    produk, tabel_satker = ProdukHukum._meta.db_table, Satker._meta.db_table
    syarat = (
        f"id = %s AND status_publikasi = %s "
        f"AND satker_id = (SELECT id FROM {tabel_satker} WHERE slug = %s)"
    )
    params = [pk, StatusPublikasi.TERBIT, satker]
    kolom = "diubah_pada, jumlah_dilihat, jumlah_unduhan"
    with connection.cursor() as c:
        if not hitung:
            c.execute(f"SELECT {kolom} FROM {produk} WHERE {syarat}", params)
            baris = c.fetchone()
        elif connection.features.can_return_columns_from_insert:  # RETURNING
            if connection.vendor == "postgresql":
                # Like hitung: a counter need not wait for the WAL flush
                # (is_local: for this statement's own transaction only).
                syarat += " AND set_config('synchronous_commit', 'off', true) = 'off'"
            c.execute(
                f"UPDATE {produk} SET jumlah_dilihat = jumlah_dilihat + 1 "
                f"WHERE {syarat} RETURNING {kolom}",
                params,
            )
            baris = c.fetchone()
        else:
            c.execute(
                f"UPDATE {produk} SET jumlah_dilihat = jumlah_dilihat + 1 WHERE {syarat}", params
            )
            c.execute(f"SELECT {kolom} FROM {produk} WHERE {syarat}", params)
            baris = c.fetchone()
    if baris is None:
        return None
    return _sebagai_waktu(baris[0]), baris[1], baris[2]


def _halaman(simpanan, dilihat, diunduh):
    isi = simpanan["isi"].replace(simpanan["tanda"] + "dilihat", str(dilihat))
    return HttpResponse(isi.replace(simpanan["tanda"] + "diunduh", str(diunduh)))


@require_safe
def detail(request, satker, pk, slug):
    kunci = _kunci_halaman(request, pk)
    simpanan = cache.get(kunci)
    dihitung = False
    if simpanan is not None and simpanan["slug"] == slug:
        baris = _lihat_terbit(satker, pk, hitung=request.method == "GET")
        if baris is not None:
            dihitung = request.method == "GET"
            diubah_pada, dilihat, diunduh = baris
            if diubah_pada == simpanan["diubah_pada"]:
                return _halaman(simpanan, dilihat, diunduh)
    # Rendered in full: the first visit, a changed product, a wrong slug, or
    # a product that is not (or no longer) published.
    produk = produk_atau_404(satker, pk)
    if produk is None or produk.status_publikasi == StatusPublikasi.DRAF:
        raise Http404("Produk hukum tidak ditemukan.")
    if produk.status_publikasi == StatusPublikasi.DITURUNKAN:
        # Readers who followed a link learn why it is gone; no file is offered.
        return render(
            request,
            "publicsite/diperbaiki.html",
            {"produk": produk, "satker": produk.satker},
            status=404,
        )
    if slug != produk.slug:
        return redirect(produk.get_absolute_url(), permanent=True)
    if request.method == "GET" and not dihitung:
        hitung(pk, "jumlah_dilihat")
        produk.jumlah_dilihat += 1
    simpanan = _render_detail(request, produk)
    cache.set(kunci, simpanan, UMUR_HALAMAN)
    return _halaman(simpanan, produk.jumlah_dilihat, produk.jumlah_unduhan)


def _render_detail(request, produk):
    """The page of a published product, with placeholders for its counters.
    Rendered without context processors: the page shows nothing of the
    visitor (no session, no messages), so it is the same for everyone."""
    versi = selectors_produk.versi_terbit(produk)
    relasi = [
        (r.get_jenis_display() if arah == "keluar" else r.label_kebalikan, lain, r.keterangan)
        for r, arah, lain in selectors_produk.relasi_terbit(produk)
    ]
    versi_sekarang = versi[0] if versi else None
    alamat = request.build_absolute_uri(produk.get_absolute_url())
    tanda = f"@@{secrets.token_hex(8)}:"
    isi = render_to_string(
        "publicsite/detail.html",
        {
            "request": request,
            "produk": produk,
            "satker": produk.satker,  # the header of a Satker's page
            "versi_sekarang": versi_sekarang,
            "versi_lama": versi[1:],
            "gambar_halaman": gambar_untuk_dibaca(versi_sekarang),
            "alamat_kanonik": alamat,
            "tautan_bagikan": tautan_bagikan(produk, alamat),
            "sitasi": sitasi(produk, alamat),
            "relasi": relasi,
            "konten_produk": konten_untuk_produk(produk),
            "lampiran": lampiran_publik(produk),
            "hitungan_dilihat": tanda + "dilihat",
            "hitungan_diunduh": tanda + "diunduh",
        },
    )
    return {"slug": produk.slug, "diubah_pada": produk.diubah_pada, "tanda": tanda, "isi": isi}


def produk_terbit_atau_404(satker, pk):
    """The published product behind a public URL; Http404 otherwise (a draft,
    a taken-down product, another Satker's slug)."""
    produk = produk_atau_404(satker, pk)
    if produk is None or produk.status_publikasi != StatusPublikasi.TERBIT:
        raise Http404("Berkas tidak ditemukan.")
    return produk


def gambar_untuk_dibaca(versi):
    """The page images of the version the page shows (one query; none for a
    product without a file)."""
    if versi is None:
        return []
    return list(
        GambarHalaman.objects.filter(versi=versi)
        .order_by("nomor")
        .only("nomor", "lebar", "tinggi", "versi_id")
    )


def _versi_publik(satker, pk, nomor_versi=None):
    """The product and the version of it the public sees (the newest published
    one, or ``nomor_versi`` among the published ones): the one rule for every
    file served from a product's page."""
    produk = produk_terbit_atau_404(satker, pk)
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
        hitung(pk, "jumlah_unduhan")
    return respons


@require_safe
@xframe_options_sameorigin  # the detail page frames it; everything else stays DENY
def pratinjau(request, satker, pk, slug):
    produk, versi = _versi_publik(satker, pk)
    return _berkas(produk, versi, None, lampiran=False)


@require_safe
def robots(request):
    peta = request.build_absolute_uri(reverse("publicsite:sitemap"))
    baris = [
        "User-agent: *",
        "Disallow: /staf/",
        "Disallow: /admin/",
        "Disallow: /masuk/",
        "Disallow: /keluar/",
        "Disallow: /verifikasi/",
        "Disallow: /cari/ekspor.",
        "Disallow: /integrasi/berkas/",
        "Allow: /",
        f"Sitemap: {peta}",
        "",
    ]
    return HttpResponse("\n".join(baris), content_type="text/plain; charset=utf-8")
