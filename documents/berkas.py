"""Intake of PDF files as versions of a product's main naskah or of one of
its lampiran.

Nothing is half-saved: the file is checked before anything is written, and a
stored file whose row then fails to save is deleted again. The naskah and the
lampiran go through the same intake (``_simpan``): the same checks, the same
refusal of a file stored before, the same numbering under a lock.
"""

import io
import logging
import tempfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat

from . import pdf
from .models import Lampiran, ProdukHukum, Satker, StatusPublikasi, VersiBerkas
from .pdf import BerkasTidakValid

log = logging.getLogger(__name__)


class LampiranTidakDapatDihapus(Exception):
    """The lampiran has been public; the message is for the user."""


# For satker_pengguna: one who may see every office's drafts (a superuser).
SEMUA_SATKER = object()


def buka_unggahan(berkas):
    """The upload (or opened file) as a seekable binary file at its start,
    without reading it: a temporary upload stays on disk. Anything that
    cannot seek is spooled to a temporary file block by block."""
    if isinstance(berkas, (bytes, bytearray)):
        return io.BytesIO(berkas)
    if hasattr(berkas, "seek"):
        try:
            berkas.seek(0)
            return berkas
        except (OSError, ValueError):
            pass
    salinan = tempfile.SpooledTemporaryFile(max_size=pdf.BLOK, dir=settings.FILE_UPLOAD_TEMP_DIR)
    potongan = (
        berkas.chunks() if hasattr(berkas, "chunks") else iter(lambda: berkas.read(pdf.BLOK), b"")
    )
    for blok in potongan:
        salinan.write(blok)
    salinan.seek(0)
    return salinan


def baca_unggahan(berkas, maks_bita: int | None = None) -> bytes:
    """All bytes of a small upload (an image, a stamp), refused before
    reading when larger than ``maks_bita`` (by default the PDF limit). PDFs
    go through buka_unggahan and are never read whole."""
    maks_bita = maks_bita or settings.JDIH_MAKS_UKURAN_PDF
    isi = buka_unggahan(berkas)
    ukuran = isi.seek(0, io.SEEK_END)
    if ukuran > maks_bita:
        raise BerkasTidakValid(
            f"Ukuran berkas {filesizeformat(ukuran)} melebihi batas {filesizeformat(maks_bita)}."
        )
    isi.seek(0)
    return isi.read()


def sebagai_file(isi, nama: str) -> File:
    """What storage.save takes; a temporary upload is moved, not copied."""
    if isinstance(isi, File):
        return isi
    return File(isi, name=nama)


def cari_duplikat(sha256: str, satker_pengguna=None) -> VersiBerkas | None:
    """A stored version with this hash; of several, one the uploader may be
    told about (see boleh_disebut) comes first."""
    calon = list(
        VersiBerkas.objects.filter(sha256=sha256)
        .select_related(
            "produk__jenis",
            "produk__satker",
            "lampiran__produk__jenis",
            "lampiran__produk__satker",
        )
        .order_by("pk")[:20]
    )
    for versi in calon:
        if boleh_disebut(versi, satker_pengguna):
            return versi
    return calon[0] if calon else None


def _id_satker(satker_pengguna) -> set[int]:
    if satker_pengguna is None:
        return set()
    if isinstance(satker_pengguna, (int, Satker)):
        satker_pengguna = [satker_pengguna]
    return {s.pk if isinstance(s, Satker) else int(s) for s in satker_pengguna}


def boleh_disebut(versi: VersiBerkas, satker_pengguna=None) -> bool:
    """May the duplicate-file message name this version's product? Only when
    it is public (the product is published and this version has been) or it
    belongs to one of ``satker_pengguna``, the uploader's offices (ids or
    Satker rows; SEMUA_SATKER for someone who sees every office's drafts).
    Another office's unpublished work is never named."""
    produk = versi.produk_pemilik
    if satker_pengguna is SEMUA_SATKER:
        return True
    if produk.status_publikasi == StatusPublikasi.TERBIT and versi.diterbitkan_pada:
        return True
    return produk.satker_id in _id_satker(satker_pengguna)


def _tempat_tersimpan(versi: VersiBerkas) -> str:
    # The product's name and office, as for a naskah; of a lampiran only its
    # number is added, not its title.
    produk = versi.produk_pemilik
    awalan = f"lampiran {versi.lampiran.urutan} " if versi.lampiran_id else ""
    return f"{awalan}{produk} ({produk.satker})"


def pesan_duplikat(versi: VersiBerkas, satker_pengguna=None) -> str:
    if boleh_disebut(versi, satker_pengguna):
        tempat = f"sebagai {_tempat_tersimpan(versi)}, versi {versi.nomor_versi}"
    else:
        tempat = "di sistem JDIH"
    return (
        f"Berkas identik sudah tersimpan {tempat}. "
        "Periksa kembali apakah berkas yang dipilih sudah benar."
    )


def periksa_unggahan(berkas, *, satker_pengguna=None) -> tuple[object, pdf.InfoPdf]:
    """Check an upload where it lies: a real PDF within the limits, not
    stored before. Returns the file (at its start, for storing) and what the
    check found. Raises BerkasTidakValid with the message for the user;
    writes nothing. ``satker_pengguna``: see boleh_disebut."""
    isi = buka_unggahan(berkas)
    info = pdf.periksa_berkas_pdf(isi)
    duplikat = cari_duplikat(info.sha256, satker_pengguna)
    if duplikat is not None:
        raise BerkasTidakValid(pesan_duplikat(duplikat, satker_pengguna))
    isi.seek(0)
    return isi, info


def _satker_boleh(pemilik, oleh, satker_pengguna):
    """The uploader's offices as the intake sees them: those the caller
    names, and the office of the product being uploaded to (the caller has
    checked the uploader acts for it). A superuser sees every office."""
    if satker_pengguna is SEMUA_SATKER or getattr(oleh, "is_superuser", False):
        return SEMUA_SATKER
    produk = pemilik.produk if isinstance(pemilik, Lampiran) else pemilik
    return _id_satker(satker_pengguna) | {produk.satker_id}


def _simpan(
    pemilik: ProdukHukum | Lampiran,
    berkas,
    *,
    keterangan_perbaikan: str,
    oleh,
    nama_asli: str,
    proses,
    satker_pengguna=None,
) -> VersiBerkas:
    """The one intake: check, store the file, number the version under a lock
    on its owner (product or lampiran), queue processing on commit."""
    isi, info = periksa_unggahan(
        berkas, satker_pengguna=_satker_boleh(pemilik, oleh, satker_pengguna)
    )
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
    versi.berkas.save("berkas.pdf", sebagai_file(isi, "berkas.pdf"), save=False)
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
    satker_pengguna=None,
) -> VersiBerkas:
    """Check ``berkas`` and store it as the next version of ``produk``.

    Raises BerkasTidakValid with a message for the user. ``proses`` is called
    with the new version once the transaction commits (text, thumbnail, OCR);
    by default documents.pemrosesan.jadwalkan_pemrosesan. ``satker_pengguna``:
    the uploader's offices (ids or Satker rows), whose unpublished products a
    duplicate-file message may name besides ``produk``'s own office.
    """
    return _simpan(
        produk,
        berkas,
        keterangan_perbaikan=keterangan_perbaikan,
        oleh=oleh,
        nama_asli=nama_asli,
        proses=proses,
        satker_pengguna=satker_pengguna,
    )


def simpan_versi_lampiran(
    lampiran: Lampiran,
    berkas,
    *,
    keterangan_perbaikan: str = "",
    oleh=None,
    nama_asli: str = "",
    proses=None,
    satker_pengguna=None,
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
        satker_pengguna=satker_pengguna,
    )


def tambah_lampiran(
    produk: ProdukHukum,
    judul: str,
    berkas,
    *,
    oleh=None,
    nama_asli: str = "",
    proses=None,
    satker_pengguna=None,
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
        simpan_versi_lampiran(
            lampiran,
            berkas,
            oleh=oleh,
            nama_asli=nama_asli,
            proses=proses,
            satker_pengguna=satker_pengguna,
        )
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
