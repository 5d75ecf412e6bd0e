"""Intake of PDF files as versions of a product.

Nothing is half-saved: the file is checked before anything is written, and a
stored file whose row then fails to save is deleted again.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max

from . import pdf
from .models import ProdukHukum, VersiBerkas
from .pdf import BerkasTidakValid

log = logging.getLogger(__name__)


def baca_unggahan(berkas) -> bytes:
    """All bytes of an uploaded or opened file, from the start."""
    if hasattr(berkas, "seek"):
        berkas.seek(0)
    if hasattr(berkas, "chunks"):
        return b"".join(berkas.chunks())
    return berkas.read()


def cari_duplikat(sha256: str) -> VersiBerkas | None:
    return (
        VersiBerkas.objects.filter(sha256=sha256)
        .select_related("produk__jenis", "produk__satker")
        .first()
    )


def periksa_unggahan(berkas) -> tuple[bytes, pdf.InfoPdf]:
    """Read and check an upload: a real PDF, not stored before. Raises
    BerkasTidakValid with the message for the user; writes nothing."""
    data = baca_unggahan(berkas)
    info = pdf.periksa_pdf(data)
    duplikat = cari_duplikat(info.sha256)
    if duplikat is not None:
        raise BerkasTidakValid(
            f"Berkas identik sudah tersimpan sebagai {duplikat.produk} "
            f"({duplikat.produk.satker}), versi {duplikat.nomor_versi}. "
            "Periksa kembali apakah berkas yang dipilih sudah benar."
        )
    return data, info


def simpan_versi(
    produk: ProdukHukum,
    berkas,
    *,
    keterangan_perbaikan: str = "",
    oleh=None,
    nama_asli: str = "",
    proses=None,
) -> VersiBerkas:
    """Check ``berkas`` and store it as the next version of ``produk``.

    Raises BerkasTidakValid with a message for the user. ``proses`` is called
    with the new version once the transaction commits (text, thumbnail, OCR);
    by default documents.pemrosesan.jadwalkan_pemrosesan.
    """
    data, info = periksa_unggahan(berkas)
    nama_asli = nama_asli or getattr(berkas, "name", "") or ""
    versi = VersiBerkas(
        produk=produk,
        sha256=info.sha256,
        ukuran=info.ukuran,
        jumlah_halaman=info.jumlah_halaman,
        nama_asli=nama_asli.rsplit("/", 1)[-1][:255],
        keterangan_perbaikan=keterangan_perbaikan,
        diunggah_oleh=oleh,
    )
    versi.berkas.save("berkas.pdf", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            # Lock the product so two uploads cannot take the same number.
            ProdukHukum.objects.select_for_update().filter(pk=produk.pk).first()
            terakhir = produk.versi.aggregate(n=Max("nomor_versi"))["n"] or 0
            versi.nomor_versi = terakhir + 1
            versi.save()
    except Exception:
        versi.berkas.storage.delete(versi.berkas.name)
        raise
    if proses is None:
        from .pemrosesan import jadwalkan_pemrosesan as proses
    transaction.on_commit(lambda: proses(versi))
    return versi
