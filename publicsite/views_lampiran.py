"""A published product's lampiran, downloaded by readers: the newest
published version of the lampiran, only while the product is published.
A download counts like the naskah's (jumlah_unduhan of the product)."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from documents.models import StatusPublikasi
from documents.unduhan import jawab_unduhan

from .lampiran import nama_lampiran, versi_lampiran_terbit
from .views import hitung, produk_atau_404

MAKS_ID = 2**63 - 1


@require_safe
def unduh(request, satker, pk, slug, lampiran, nama_berkas):
    # The <int:> converter takes any number of digits; the column does not
    # (SQLite raises OverflowError beyond 64 bits), and such a lampiran does not exist.
    if lampiran > MAKS_ID:
        raise Http404("Berkas tidak ditemukan.")
    produk = produk_atau_404(satker, pk)
    if produk is None or produk.status_publikasi != StatusPublikasi.TERBIT:
        raise Http404("Berkas tidak ditemukan.")
    versi = (
        versi_lampiran_terbit()
        .filter(lampiran_id=lampiran, lampiran__produk=produk)
        .select_related("lampiran")
        .first()
    )
    if versi is None or not versi.berkas:
        raise Http404("Berkas tidak ditemukan.")
    nama = nama_lampiran(produk, versi.lampiran)
    if (slug, nama_berkas) != (produk.slug, nama):
        argumen = [produk.satker.slug, produk.pk, produk.slug, versi.lampiran_id, nama]
        return redirect(reverse("publicsite:lampiran", args=argumen), permanent=True)
    # A take-down must reach readers at once: shared caches keep no copy.
    respons = jawab_unduhan(versi.berkas, nama=nama, lampiran=True, cache_control="no-cache")
    if request.method == "GET":
        hitung(pk, "jumlah_unduhan")
    return respons
