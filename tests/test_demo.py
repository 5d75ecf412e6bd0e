"""`manage.py muat_demo`: offices, jenis, users per role, ≥30 published products."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import TestCase

from documents.models import ProdukHukum, RelasiProduk, Satker, StatusBerlaku, VersiBerkas
from workflow.demo import DEMO_PASSWORD, PERAN_INTI, nama_pengguna
from workflow.models import PenugasanPeran

pytestmark = pytest.mark.django_db

SLUG_SOP = {
    "kpu-ri",
    "kalimantan-barat",
    "kalimantan-tengah",
    "kotawaringin-timur",
    "payakumbuh",
    "sorong-selatan",
}


def muat():
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("muat_demo")


def hitung():
    return (
        Satker.objects.count(),
        ProdukHukum.objects.count(),
        VersiBerkas.objects.count(),
        RelasiProduk.objects.count(),
        User.objects.count(),
        PenugasanPeran.objects.count(),
    )


def test_demo_loads_the_sop_offices_and_published_products_with_pdfs():
    muat()
    assert set(Satker.objects.values_list("slug", flat=True)) == SLUG_SOP
    terbit = ProdukHukum.objects.terbit()
    assert terbit.count() >= 30
    for produk in terbit:
        versi = produk.versi_terbit()
        assert versi is not None and versi.jumlah_halaman >= 1
        assert "Menimbang" in versi.teks and "MEMUTUSKAN" in versi.teks
    assert ProdukHukum.objects.filter(status=StatusBerlaku.TIDAK_BERLAKU).count() >= 3
    assert RelasiProduk.objects.count() >= 5


def test_loading_demo_twice_does_not_duplicate():
    muat()
    sebelum = hitung()
    muat()
    assert hitung() == sebelum


def test_every_office_has_a_user_for_each_core_role_who_can_log_in(client):
    muat()
    for satker in Satker.objects.all():
        for peran in PERAN_INTI:
            username = nama_pengguna(peran, satker.slug)
            assert PenugasanPeran.objects.filter(
                pengguna__username=username, satker=satker, peran__name=str(peran)
            ).exists()
    assert client.login(username="kasubbag.kotawaringin-timur", password=DEMO_PASSWORD)
    assert client.login(username="admin", password=DEMO_PASSWORD)
    assert User.objects.get(username="admin").is_superuser
