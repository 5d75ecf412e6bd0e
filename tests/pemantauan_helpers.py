"""Builders for the monitoring tests: a small Satker tree (KPU RI, provinces,
regencies), a user holding a role in one of its offices, and figures to
monitor (published products, open requests, harvests) made in bulk."""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from documents.models import Satker
from publicsite.models import PanenJDIHN
from tests.alur_helpers import buat_pengguna
from tests.factories import buat_jenis, buat_produk, buat_satker
from workflow.izin import pastikan_grup_peran
from workflow.models import Permohonan, Status
from workflow.penugasan import tetapkan_peran
from workflow.peran import Peran


def buat_pohon(provinsi=2, kabupaten=2, awalan="Uji"):
    """KPU RI, ``provinsi`` provinces, each with ``kabupaten`` regencies."""
    ri = buat_satker(
        nama=f"Komisi Pemilihan Umum Republik Indonesia {awalan}",
        slug=f"ri-{awalan.lower()}",
        tingkat=Satker.Tingkat.PUSAT,
    )
    pohon = SimpleNamespace(ri=ri, provinsi=[], kabupaten={})
    for i in range(provinsi):
        prov = buat_satker(
            nama=f"KPU Provinsi {awalan} {chr(65 + i)}",
            slug=f"prov-{awalan.lower()}-{i}",
            tingkat=Satker.Tingkat.PROVINSI,
            induk=ri,
        )
        pohon.provinsi.append(prov)
        pohon.kabupaten[prov.pk] = [
            buat_satker(
                nama=f"KPU Kabupaten {awalan} {chr(65 + i)}{j + 1}",
                slug=f"kab-{awalan.lower()}-{i}-{j}",
                induk=prov,
            )
            for j in range(kabupaten)
        ]
    return pohon


def pemantau(satker, peran=Peran.KASUBBAG, nama=None):
    """A user holding ``peran`` in ``satker`` (the Kasubbag may monitor)."""
    pastikan_grup_peran()
    user = buat_pengguna(nama or f"pemantau.{satker.slug}")
    tetapkan_peran(user, satker, peran)
    return user


def terbitkan(satker, n=1, **kw):
    jenis = kw.pop("jenis", None) or buat_jenis()
    return [buat_produk(satker, jenis, berkas=False, **kw) for _ in range(n)]


def permohonan_terbuka(satker, pengusul, *, umur=timedelta(0), status=Status.DIAJUKAN, n=1):
    """Open upload requests in ``status`` since ``umur`` ago (bulk: no PDFs)."""
    sejak = timezone.now() - umur
    return Permohonan.objects.bulk_create(
        Permohonan(
            satker=satker,
            jenis="unggah",
            status=status,
            status_sejak=sejak,
            dibuat_pada=sejak,
            diajukan_oleh=pengusul,
        )
        for _ in range(n)
    )


def panen(satker=None, *, umur=timedelta(0), selesai=True):
    p = PanenJDIHN.objects.create(satker=satker, selesai=selesai)
    PanenJDIHN.objects.filter(pk=p.pk).update(waktu=timezone.now() - umur)
    return p
