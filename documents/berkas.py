"""Intake of PDF files as versions of a product's main naskah or of one of
its lampiran.

Nothing is half-saved: the file is checked before anything is written, and a
stored file whose row then fails to save is deleted again. The naskah and the
lampiran go through the same intake (``_simpan``): the same checks, the same
refusal of a file stored before, the same numbering under a lock.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max

from . import pdf
from .models import Lampiran, ProdukHukum, VersiBerkas
from .pdf import BerkasTidakValid

log = logging.getLogger(__name__)


class LampiranTidakDapatDihapus(Exception):
    """The lampiran has been public; the message is for the user."""


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
        .select_related(
            "produk__jenis",
            "produk__satker",
            "lampiran__produk__jenis",
            "lampiran__produk__satker",
        )
        .first()
    )


def _tempat_tersimpan(versi: VersiBerkas) -> str:
    # The product's name and office, as for a naskah; of a lampiran only its
    # number is added, not its title (the product may be another office's draft).
    produk = versi.produk_pemilik
    awalan = f"lampiran {versi.lampiran.urutan} " if versi.lampiran_id else ""
    return f"{awalan}{produk} ({produk.satker})"


def periksa_unggahan(berkas) -> tuple[bytes, pdf.InfoPdf]:
    """Read and check an upload: a real PDF, not stored before. Raises
    BerkasTidakValid with the message for the user; writes nothing."""
    data = baca_unggahan(berkas)
    info = pdf.periksa_pdf(data)
    duplikat = cari_duplikat(info.sha256)
    if duplikat is not None:
        raise BerkasTidakValid(
            f"Berkas identik sudah tersimpan sebagai {_tempat_tersimpan(duplikat)}, "
            f"versi {duplikat.nomor_versi}. "
            "Periksa kembali apakah berkas yang dipilih sudah benar."
        )
    return data, info


def _simpan(
    pemilik: ProdukHukum | Lampiran,
    berkas,
    *,
    keterangan_perbaikan: str,
    oleh,
    nama_asli: str,
    proses,
) -> VersiBerkas:
    """The one intake: check, store the file, number the version under a lock
    on its owner (product or lampiran), queue processing on commit."""
    data, info = periksa_unggahan(berkas)
    nama_asli = nama_asli or getattr(berkas, "name", "") or ""
    milik = {"lampiran": pemilik} if isinstance(pemilik, Lampiran) else {"produk": pemilik}
    versi = VersiBerkas(
        **milik,
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
            # Lock the owner so two uploads cannot take the same number.
            type(pemilik).objects.select_for_update().filter(pk=pemilik.pk).first()
            terakhir = pemilik.versi.aggregate(n=Max("nomor_versi"))["n"] or 0
            versi.nomor_versi = terakhir + 1
            versi.save()
    except Exception:
        versi.berkas.storage.delete(versi.berkas.name)
        raise
    if proses is None:
        from .pemrosesan import jadwalkan_pemrosesan as proses
    transaction.on_commit(lambda: proses(versi))
    return versi


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
    return _simpan(
        produk,
        berkas,
        keterangan_perbaikan=keterangan_perbaikan,
        oleh=oleh,
        nama_asli=nama_asli,
        proses=proses,
    )


def simpan_versi_lampiran(
    lampiran: Lampiran,
    berkas,
    *,
    keterangan_perbaikan: str = "",
    oleh=None,
    nama_asli: str = "",
    proses=None,
) -> VersiBerkas:
    """Check ``berkas`` and store it as the next version of ``lampiran``;
    the same intake and the same errors as simpan_versi."""
    return _simpan(
        lampiran,
        berkas,
        keterangan_perbaikan=keterangan_perbaikan,
        oleh=oleh,
        nama_asli=nama_asli,
        proses=proses,
    )


def tambah_lampiran(
    produk: ProdukHukum,
    judul: str,
    berkas,
    *,
    oleh=None,
    nama_asli: str = "",
    proses=None,
) -> Lampiran:
    """A new lampiran of ``produk`` (last in order) with ``berkas`` as its
    first version. One unit: a refused PDF leaves no lampiran behind."""
    judul = (judul or "").strip()
    if not judul:
        raise ValidationError("Judul lampiran wajib diisi.")
    with transaction.atomic():
        # The product's lock also orders two lampiran added at once.
        ProdukHukum.objects.select_for_update().filter(pk=produk.pk).first()
        terakhir = produk.lampiran.aggregate(n=Max("urutan"))["n"] or 0
        lampiran = Lampiran.objects.create(produk=produk, judul=judul[:255], urutan=terakhir + 1)
        # A refused file raises here and takes the new row back with it; the
        # intake writes no file before its checks pass.
        simpan_versi_lampiran(lampiran, berkas, oleh=oleh, nama_asli=nama_asli, proses=proses)
    return lampiran


def hapus_lampiran(lampiran: Lampiran) -> None:
    """Remove a lampiran that has never been public, with its files (once the
    removal commits). One that has been public stays: readers may cite it."""
    with transaction.atomic():
        Lampiran.objects.select_for_update().filter(pk=lampiran.pk).first()
        versi = list(lampiran.versi.all())
        if any(v.diterbitkan_pada for v in versi):
            raise LampiranTidakDapatDihapus(
                "Lampiran yang pernah tampil di laman publik tidak dapat dihapus; "
                "unggah versi perbaikan sebagai gantinya."
            )
        berkas = [(f.storage, f.name) for v in versi for f in (v.berkas, v.thumbnail) if f]
        lampiran.delete()

    def hapus_berkas():
        for storage, nama in berkas:
            try:
                storage.delete(nama)
            except OSError:
                log.warning("Berkas %s tidak dapat dihapus", nama)

    transaction.on_commit(hapus_berkas)
