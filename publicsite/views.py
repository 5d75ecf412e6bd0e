"""The public portal. Thin views over publicsite.selectors; only published
products are ever shown or served."""

import secrets
from datetime import UTC

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse
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
from documents.unduhan import jawab_unduhan

from . import cache_halaman, hitungan, selectors, selectors_produk
from .bagikan import sitasi, tautan_bagikan
from .konten import konten_untuk_produk
from .lampiran import lampiran_publik


def _konteks_beranda(satker=None):
    return {
        "terbaru": selectors.terbaru(satker),
        "per_jenis": selectors.jumlah_per_jenis(satker),
        "per_tahun": selectors.jumlah_per_tahun(satker),
    }


def _ada_pesan(request) -> bool:
    """A message waits for this visitor (e.g. "you have logged out"): the page
    is rendered for them, not taken from the cache. Cheap without cookies."""
    return bool(request.COOKIES) and len(messages.get_messages(request)) > 0


def _konteks_beranda_lengkap(satker=None) -> dict:
    konteks = _konteks_beranda(satker)
    if satker is None:
        konteks["daftar_satker"] = selectors.satker_dengan_produk()
    else:
        konteks["satker"] = satker
    return konteks


def _render_beranda(satker=None) -> str:
    # Without context processors: the page shows nothing of the visitor.
    return render_to_string("publicsite/beranda.html", _konteks_beranda_lengkap(satker))


@require_safe
def beranda(request):
    """The home page, cached whole per catalogue version (cache_halaman)."""
    if _ada_pesan(request):
        return render(request, "publicsite/beranda.html", _konteks_beranda_lengkap())
    return HttpResponse(cache_halaman.halaman("beranda", _render_beranda))


@require_safe
def beranda_satker(request, satker):
    """A Satker's home page, cached whole per catalogue version. An unknown
    slug is looked up (and answered 404) every time, never cached."""
    slug = satker
    if _ada_pesan(request):
        satker = get_object_or_404(Satker, slug=slug)
        return render(request, "publicsite/beranda.html", _konteks_beranda_lengkap(satker))
    return HttpResponse(
        cache_halaman.halaman(
            f"satker:{slug}", lambda: _render_beranda(get_object_or_404(Satker, slug=slug))
        )
    )


def hitung(pk, kolom):
    """Count a view or a download: batched, one write for many (publicsite.hitungan)."""
    hitungan.tambah(pk, kolom)


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
    get = request.method == "GET"  # HEAD only looks
    # Counts written at once (JDIH_HITUNGAN_SIMPAN_DETIK=0): in the same
    # statement as the publication check. Otherwise the check only reads,
    # and the view waits with others for one batched write.
    sekaligus = get and hitungan.langsung()
    dihitung = False
    if simpanan is not None and simpanan["slug"] == slug:
        baris = _lihat_terbit(satker, pk, hitung=sekaligus)
        if baris is not None:
            diubah_pada, dilihat, diunduh = baris
            dihitung = sekaligus
            if diubah_pada == simpanan["diubah_pada"]:
                tunda_lihat, tunda_unduh = hitungan.lihat(pk, hitung=get and not dihitung)
                return _halaman(simpanan, dilihat + tunda_lihat, diunduh + tunda_unduh)
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
    if dihitung:
        tunda_lihat, tunda_unduh = hitungan.lihat(pk, hitung=False)
    elif sekaligus:
        hitung(pk, "jumlah_dilihat")
        produk.jumlah_dilihat += 1
        tunda_lihat = tunda_unduh = 0
    else:
        tunda_lihat, tunda_unduh = hitungan.lihat(pk, hitung=get)
    simpanan = _render_detail(request, produk)
    cache.set(kunci, simpanan, UMUR_HALAMAN)
    return _halaman(
        simpanan, produk.jumlah_dilihat + tunda_lihat, produk.jumlah_unduhan + tunda_unduh
    )


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
    # Streamed, presigned S3 redirect or X-Accel by setting (documents.unduhan).
    # A take-down must reach readers at once: shared caches keep no copy.
    return jawab_unduhan(
        versi.berkas,
        nama=_nama_berkas(produk, versi, nomor_versi),
        lampiran=lampiran,
        cache_control="no-cache",
    )


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
