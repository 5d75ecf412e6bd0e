"""Certified copies (salinan): made once from a signed original, stored, and
verifiable by anyone holding the paper through the QR code on every page."""

import hashlib
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse

from . import pdf
from .models import Salinan, StatusBerlaku, StatusPublikasi
from .salinan_pdf import Cap, buat_salinan


def kode_baru() -> str:
    """128 random bits, URL-safe: a code cannot be guessed or enumerated."""
    return secrets.token_urlsafe(16)


def url_verifikasi(kode: str) -> str:
    return settings.JDIH_SITE_URL + reverse("publicsite:verifikasi", args=[kode])


def terbitkan_salinan(
    *, satker, data_asli: bytes, nomor: str, judul: str, nama_pejabat, nip, jabatan, oleh=None
) -> Salinan:
    """Stamp every page of ``data_asli`` and store the copy with its code.
    Raises pdf.BerkasTidakValid when the original is not a usable PDF."""
    info = pdf.periksa_pdf(data_asli)
    kode = kode_baru()
    data = buat_salinan(
        data_asli,
        Cap(
            satker=satker.nama_badan,
            nama_pejabat=nama_pejabat,
            nip=nip,
            jabatan=jabatan,
            url_verifikasi=url_verifikasi(kode),
            kode=kode,
            nomor=nomor,
        ),
    )
    salinan = Salinan(
        kode=kode,
        satker=satker,
        nomor=nomor,
        judul=judul,
        sha256_asli=info.sha256,
        sha256=hashlib.sha256(data).hexdigest(),
        jumlah_halaman=info.jumlah_halaman,
        nama_pejabat=nama_pejabat,
        nip=nip,
        jabatan=jabatan,
        dibuat_oleh=oleh,
    )
    salinan.berkas.save("salinan.pdf", ContentFile(data), save=False)
    try:
        salinan.save()
    except Exception:
        salinan.berkas.storage.delete(salinan.berkas.name)
        raise
    return salinan


@transaction.atomic
def kaitkan_produk(salinan: Salinan, produk, versi=None) -> Salinan:
    """Once the original is in the catalogue, the copy certifies that product."""
    salinan.produk = produk
    salinan.versi = versi
    salinan.save(update_fields=["produk", "versi"])
    return salinan


def status_salinan(salinan: Salinan) -> dict:
    """What the verification page may say of the certified product now.

    Only a published product is named with a link; otherwise the page says
    what the paper itself already shows and that it is not (yet / any more)
    public, never anything else of the office's unpublished work.
    """
    produk = salinan.produk
    if produk is None or produk.status_publikasi == StatusPublikasi.DRAF:
        return {"publikasi": "belum", "berlaku": None, "produk": None}
    if produk.status_publikasi == StatusPublikasi.DITURUNKAN:
        return {"publikasi": "diturunkan", "berlaku": None, "produk": None}
    return {
        "publikasi": "terbit",
        "berlaku": produk.status == StatusBerlaku.BERLAKU,
        "produk": produk,
    }
