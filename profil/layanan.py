"""The actions of the profil app, each with its permission check: views call
these, never save the models themselves."""

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from workflow.notifikasi import beri_tahu

from .akses import boleh_kelola
from .models import BagianProfil, PesanKontak, RevisiBagianProfil, StatusPesan
from .sanitasi import bersihkan


class VersiBerubah(Exception):
    """The section was saved by someone else after the editor opened it."""

    def __init__(self, bagian):
        super().__init__("versi berubah")
        self.bagian = bagian


def versi_bagian(bagian: BagianProfil | None) -> str:
    return bagian.diubah_pada.isoformat() if bagian and bagian.pk else ""


def simpan_bagian(
    user,
    satker,
    kode_bagian,
    *,
    isi,
    versi_terlihat=None,
    gambar=None,
    hapus_gambar=False,
    keterangan_gambar=None,
) -> BagianProfil:
    """Save one section (sanitised again here: whatever the caller passed) and
    record the revision. ``gambar`` is a documents.gambar.InfoGambar already
    checked and re-encoded."""
    if not boleh_kelola(user, satker):
        raise PermissionDenied("Hanya Pengelola JDIH satker ini yang dapat mengubah profilnya.")
    with transaction.atomic():
        bagian, dibuat = BagianProfil.objects.select_for_update().get_or_create(
            satker=satker, bagian=kode_bagian
        )
        if not dibuat and versi_terlihat is not None and versi_terlihat != versi_bagian(bagian):
            raise VersiBerubah(bagian)
        gambar_lama = bagian.gambar.name if bagian.gambar else ""
        bagian.isi = bersihkan(isi)
        if keterangan_gambar is not None:
            bagian.keterangan_gambar = keterangan_gambar
        if gambar is not None:
            nama = f"bagan-{gambar.sha256[:16]}.{gambar.ekstensi}"
            bagian.gambar.save(nama, ContentFile(gambar.data), save=False)
            bagian.gambar_lebar, bagian.gambar_tinggi = gambar.lebar, gambar.tinggi
            bagian.gambar_sha256 = gambar.sha256
        elif hapus_gambar:
            bagian.gambar = ""
            bagian.gambar_lebar = bagian.gambar_tinggi = None
            bagian.gambar_sha256 = ""
        bagian.diubah_oleh = user
        bagian.diubah_pada = timezone.now()
        bagian.save()
        RevisiBagianProfil.objects.create(
            bagian=bagian,
            isi=bagian.isi,
            gambar=bagian.gambar.name if bagian.gambar else "",
            diubah_oleh=user,
            diubah_pada=bagian.diubah_pada,
        )
        if gambar_lama and gambar_lama != (bagian.gambar.name if bagian.gambar else ""):
            penyimpanan = bagian.gambar.storage
            transaction.on_commit(lambda: penyimpanan.delete(gambar_lama))
    return bagian


def kirim_pesan(satker, *, nama, email, kategori, pesan) -> PesanKontak:
    """Store a reader's message and queue the email to the Satker's Pengelola
    (workflow.notifikasi: sent by the worker once this commits)."""
    with transaction.atomic():
        p = PesanKontak.objects.create(
            satker=satker, nama=nama, email=email, kategori=kategori, pesan=pesan
        )
        beri_tahu(p)
    return p


def tindak_lanjuti(user, pesan: PesanKontak, *, status, catatan) -> PesanKontak:
    if not boleh_kelola(user, pesan.satker):
        raise PermissionDenied("Hanya Pengelola JDIH satker ini yang dapat menangani pesan ini.")
    pesan.status = status
    pesan.catatan = catatan
    pesan.diubah_oleh = user
    pesan.diubah_pada = timezone.now()
    pesan.save(update_fields=["status", "catatan", "diubah_oleh", "diubah_pada"])
    return pesan


def tandai_dibaca(user, pesan: PesanKontak) -> None:
    """Opening a new message marks it read (only a new one: an answered
    message opened again keeps its status)."""
    if pesan.status == StatusPesan.BARU and boleh_kelola(user, pesan.satker):
        tindak_lanjuti(user, pesan, status=StatusPesan.DIBACA, catatan=pesan.catatan)
