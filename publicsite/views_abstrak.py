"""The abstrak sheet (documents.abstrak_pdf) of a published product at a
stable URL ending with its file name (publicsite.nama_berkas): the JDIHN
feed's ``urlAbstrak`` and the detail page's "Lembar abstrak (PDF)".

The sheet is drawn once per change of the product and served from the cache
after that. Every request still reads the product, in one query, so a
take-down answers 404 at once. Reading the sheet is not a download: no
counter moves."""

import hashlib

from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date
from django.views.decorators.http import require_safe

from documents.abstrak_pdf import gambar_abstrak, isi_abstrak
from documents.models import ProdukHukum, VersiBerkas

from .nama_berkas import abstrak as nama_abstrak
from .nama_berkas import ada_abstrak

# Bump when the sheet's layout changes: sheets of the old layout then expire.
VERSI_LEMBAR = 1
# The key moves with the product, so an entry is never stale; the age only
# bounds how long superseded sheets linger.
UMUR_ABSTRAK = 24 * 3600


def produk_terbit(pk: int):
    """The published product with that pk, with what its sheet shows (jenis,
    satker, the page count of the published naskah), in one query."""
    halaman = (
        VersiBerkas.objects.filter(produk=OuterRef("pk"), diterbitkan_pada__isnull=False)
        .order_by("-nomor_versi")
        .values("jumlah_halaman")[:1]
    )
    return (
        ProdukHukum.objects.terbit()
        .select_related("jenis", "satker")
        .annotate(jumlah_halaman_terbit=Subquery(halaman))
        .filter(pk=pk)
        .first()
    )


def kunci_abstrak(produk, isi) -> str:
    """Product, its change stamp, and a digest of what the sheet shows: a
    renamed jenis or office (which leaves the product's stamp alone) draws a
    new sheet too."""
    sidik = hashlib.blake2b(repr(isi).encode(), digest_size=8).hexdigest()
    stempel = produk.diubah_pada.timestamp()
    return f"publik:abstrak:v{VERSI_LEMBAR}:{produk.pk}:{stempel}:{sidik}"


def _tajuk(respons, etag, diubah):
    respons["ETag"] = etag
    respons["Last-Modified"] = http_date(diubah)
    # A take-down must reach readers at once: caches ask again every time.
    respons["Cache-Control"] = "no-cache"
    return respons


@require_safe
def abstrak_pdf(request, satker, pk, slug, nama_berkas):
    produk = produk_terbit(pk)
    if produk is None or not ada_abstrak(produk):
        raise Http404("Abstrak tidak ditemukan.")
    nama = nama_abstrak(produk)
    if (satker, slug, nama_berkas) != (produk.satker.slug, produk.slug, nama):
        argumen = [produk.satker.slug, produk.pk, produk.slug, nama]
        return redirect(reverse("publicsite:abstrak", args=argumen), permanent=True)

    isi = isi_abstrak(produk)
    kunci = kunci_abstrak(produk, isi)
    etag = '"' + hashlib.blake2b(kunci.encode(), digest_size=12).hexdigest() + '"'
    diubah = int(produk.diubah_pada.timestamp())
    bersyarat = get_conditional_response(request, etag=etag, last_modified=diubah)
    if bersyarat is not None:  # 304 Not Modified (or 412)
        return _tajuk(bersyarat, etag, diubah)

    pdf = cache.get(kunci)
    if pdf is None:
        pdf = gambar_abstrak(isi)
        cache.set(kunci, pdf, UMUR_ABSTRAK)
    respons = HttpResponse(pdf, content_type="application/pdf")
    respons["Content-Disposition"] = content_disposition_header(False, nama)
    return _tajuk(respons, etag, diubah)
