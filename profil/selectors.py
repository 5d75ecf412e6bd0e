"""Reads of the profil app: the public sections of a Satker, the staff inbox."""

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from documents.models import Satker

from .akses import satker_dikelola
from .models import URUTAN_BAGIAN, Bagian, BagianProfil, PesanKontak, StatusPesan


def satker_publik(slug) -> Satker:
    return get_object_or_404(Satker, slug=slug)


def bagian_terisi(satker) -> list[BagianProfil]:
    """The sections with something to show, in menu order (one query)."""
    daftar = [b for b in BagianProfil.objects.filter(satker=satker) if b.berisi]
    for b in daftar:
        b.satker = satker  # their URLs name it; no query per row
    return sorted(daftar, key=lambda b: URUTAN_BAGIAN[b.bagian])


def bagian_profil(satker, kode) -> BagianProfil:
    """A section with content, or 404 (an unknown or empty section does not exist)."""
    if kode not in Bagian.values:
        raise Http404("Bagian profil tidak ditemukan.")
    bagian = BagianProfil.objects.filter(satker=satker, bagian=kode).first()
    if bagian is None or not bagian.berisi:
        raise Http404("Bagian profil ini belum diisi.")
    bagian.satker = satker
    return bagian


def bagian_per_kode(satker) -> dict[str, BagianProfil]:
    return {
        b.bagian: b
        for b in BagianProfil.objects.filter(satker=satker).select_related("diubah_oleh")
    }


def revisi_terakhir(bagian: BagianProfil | None, jumlah=10):
    if bagian is None or not bagian.pk:
        return []
    return list(bagian.revisi.select_related("diubah_oleh")[:jumlah])


def daftar_pesan(user, *, status="", satker=None):
    """The messages of the Satkers ``user`` manages, newest first."""
    qs = PesanKontak.objects.filter(satker__in=satker_dikelola(user)).select_related(
        "satker", "diubah_oleh"
    )
    if status:
        qs = qs.filter(status=status)
    if satker is not None:
        qs = qs.filter(satker=satker)
    return qs.defer("catatan")


def jumlah_baru(user) -> int:
    return PesanKontak.objects.filter(
        satker__in=satker_dikelola(user), status=StatusPesan.BARU
    ).count()


def hitungan_status(user) -> dict[str, int]:
    baris = PesanKontak.objects.filter(satker__in=satker_dikelola(user)).aggregate(
        **{s: Count("pk", filter=Q(status=s)) for s in StatusPesan.values}
    )
    return baris


def pesan_terlihat(user, pk) -> PesanKontak:
    """One message of a Satker the user manages; any other is 404."""
    return get_object_or_404(
        PesanKontak.objects.select_related("satker", "diubah_oleh"),
        pk=pk,
        satker__in=satker_dikelola(user),
    )
