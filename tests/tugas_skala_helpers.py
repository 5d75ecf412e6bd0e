"""A KPU RI user whose roles cover every Satker (KPU RI, 38 provinces, 514
regencies: 553), built in a few bulk statements — the role signals that
grant permissions one Satker at a time would take minutes. Used by
tests/test_tugas_saya_skala.py and bench/bench_tugas_saya.py."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

from documents.models import Jenis, ProdukHukum, Satker
from workflow.izin import IZIN_PERAN, pastikan_grup_peran
from workflow.models import (
    MutuBaku,
    PenugasanPeran,
    Permohonan,
    SatkerUserObjectPermission,
    Status,
    TingkatValidasi,
)
from workflow.peran import Peran

JUMLAH_PROVINSI = 38
JUMLAH_KABUPATEN = 514


def buat_satker_nasional(awalan="skala") -> list[Satker]:
    """553 Satker: KPU RI, 38 provinces, 514 regencies spread over them."""
    ri = Satker.objects.create(
        nama=f"KPU RI {awalan}", slug=f"{awalan}-ri", tingkat="pusat", tempat="Jakarta"
    )
    provinsi = Satker.objects.bulk_create(
        Satker(
            nama=f"KPU Provinsi {awalan} {i}",
            slug=f"{awalan}-prov-{i}",
            tingkat="provinsi",
            induk=ri,
            tempat=f"Ibu kota {i}",
            teu_badan=f"Komisi Pemilihan Umum Provinsi {awalan} {i}",
        )
        for i in range(1, JUMLAH_PROVINSI + 1)
    )
    kabupaten = Satker.objects.bulk_create(
        Satker(
            nama=f"KPU Kabupaten {awalan} {i}",
            slug=f"{awalan}-kab-{i}",
            tingkat="kabupaten-kota",
            induk=provinsi[i % JUMLAH_PROVINSI],
            tempat=f"Kota {i}",
            teu_badan=f"Komisi Pemilihan Umum Kabupaten {awalan} {i}",
        )
        for i in range(1, JUMLAH_KABUPATEN + 1)
    )
    return [ri, *provinsi, *kabupaten]


def beri_peran_massal(user, satker_list, peran=Peran.KASUBBAG) -> None:
    """``user`` holds ``peran`` in every Satker of ``satker_list``, with the
    object permissions tetapkan_peran would grant (bulk: no signals)."""
    pastikan_grup_peran()
    grup = Group.objects.get(name=str(peran))
    PenugasanPeran.objects.bulk_create(
        PenugasanPeran(pengguna=user, satker=s, peran=grup) for s in satker_list
    )
    izin = list(Permission.objects.filter(codename__in=IZIN_PERAN[peran], group=grup))
    SatkerUserObjectPermission.objects.bulk_create(
        (SatkerUserObjectPermission(user=user, content_object=s, permission=p))
        for s in satker_list
        for p in izin
    )


def isi_skala(satker_list, pengusul, per_satker=2, validator=Peran.WEB_ADMIN) -> None:
    """In every Satker: a validation level (every tenth Satker two), its own
    time standard for the disposisi, and ``per_satker`` requests waiting for
    the Kasubbag's disposisi."""
    pastikan_grup_peran()
    grup_validator = Group.objects.get(name=str(validator))
    TingkatValidasi.objects.bulk_create(
        TingkatValidasi(satker=s, urutan=u, peran=grup_validator)
        for i, s in enumerate(satker_list)
        for u in range(1, 3 if i % 10 == 0 else 2)
    )
    MutuBaku.objects.bulk_create(
        MutuBaku(prosedur="unggah", langkah=1, menit=5 + i % 20, satker=s)
        for i, s in enumerate(satker_list)
    )
    jenis = Jenis.objects.first() or Jenis.objects.create(nama="Keputusan Skala", singkatan="KS")
    sekarang = timezone.now()
    produk = ProdukHukum.objects.bulk_create(
        ProdukHukum(satker=s, jenis=jenis, nomor=f"S{i}-{n}", tahun=2024, judul=f"Skala {i} {n}")
        for i, s in enumerate(satker_list)
        for n in range(per_satker)
    )
    Permohonan.objects.bulk_create(
        Permohonan(
            satker_id=p.satker_id,
            jenis="unggah",
            produk=p,
            status=Status.DIAJUKAN,
            status_sejak=sekarang - timedelta(minutes=i),
            diajukan_oleh=pengusul,
        )
        for i, p in enumerate(produk)
    )


def kpu_ri_553(awalan="skala", per_satker=2) -> tuple[User, list[Satker]]:
    """The KPU RI Kasubbag over all 553 Satker, with open requests in each."""
    satker = buat_satker_nasional(awalan)
    user = User.objects.create(username=f"kasubbag.{awalan}")
    pengusul = User.objects.create(username=f"pengusul.{awalan}")
    beri_peran_massal(user, satker)
    isi_skala(satker, pengusul, per_satker=per_satker)
    return user, satker
