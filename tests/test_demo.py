"""`manage.py muat_demo`: offices, jenis, users per role, ≥30 published products
of all four document types, each with a complete catalogue record."""

from collections import Counter

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import TestCase

from documents import kosakata
from documents.demo import muat_katalog
from documents.models import (
    Jenis,
    Lampiran,
    ProdukHukum,
    RelasiProduk,
    Satker,
    StatusBerlaku,
    Subjek,
    TipeDokumen,
    VersiBerkas,
)
from documents.subjek import setel_subjek
from documents.tipe import BIDANG_TIPE
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
        Subjek.objects.count(),
        Lampiran.objects.count(),
        Jenis.objects.count(),
    )


def test_demo_loads_the_sop_offices_and_published_products_with_pdfs():
    muat()
    assert set(Satker.objects.values_list("slug", flat=True)) == SLUG_SOP
    terbit = ProdukHukum.objects.terbit().select_related("jenis")
    assert terbit.count() >= 30
    # Each PDF has the shape of its type.
    tanda = {
        TipeDokumen.PERATURAN: ["Menimbang", "MEMUTUSKAN"],
        TipeDokumen.MONOGRAFI: ["Katalog Dalam Terbitan", "DAFTAR ISI", "ISBN"],
        TipeDokumen.ARTIKEL: ["Abstrak", "Kata kunci", "DAFTAR PUSTAKA"],
        TipeDokumen.PUTUSAN: ["PUTUSAN", "DUDUK PERKARA", "MENGADILI"],
    }
    # A circular decides nothing: no Menimbang, no diktum; a regulation has articles.
    tanda_jenis = {
        "SE": ["SURAT EDARAN", "Yth.", "Isi Edaran", "Demikian"],
        "PKPU": ["Menimbang", "MEMUTUSKAN", "Pasal 1"],
    }
    for produk in terbit:
        versi = produk.versi_terbit()
        assert versi is not None and versi.jumlah_halaman >= 1
        for kata in tanda_jenis.get(produk.jenis.singkatan, tanda[produk.tipe_dokumen]):
            assert kata in versi.teks, (produk, kata)
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


def test_demo_has_published_products_of_all_four_tipe_over_several_offices():
    muat_katalog()
    terbit = ProdukHukum.objects.terbit()
    per_tipe = Counter(terbit.values_list("tipe_dokumen", flat=True))
    assert per_tipe[TipeDokumen.PERATURAN] >= 30
    for tipe in (TipeDokumen.MONOGRAFI, TipeDokumen.ARTIKEL, TipeDokumen.PUTUSAN):
        assert per_tipe[tipe] >= 2, tipe
    lain = terbit.exclude(tipe_dokumen=TipeDokumen.PERATURAN)
    assert lain.values("satker").distinct().count() >= 3
    singkatan = dict(
        Jenis.objects.values_list("tipe_dokumen", "singkatan").exclude(
            tipe_dokumen=TipeDokumen.PERATURAN
        )
    )
    assert singkatan == {"monografi": "MONOGRAFI", "artikel": "ARTIKEL", "putusan": "PUTUSAN"}


def test_every_published_demo_product_has_a_complete_record():
    muat_katalog()
    terbit = ProdukHukum.objects.terbit().prefetch_related("daftar_subjek")
    for produk in terbit:
        produk.full_clean()
        assert produk.bidang_hukum in kosakata.BIDANG_HUKUM, produk
        assert produk.bahasa == "Indonesia"
        nama = [s.nama for s in produk.daftar_subjek.all()]
        assert 2 <= len(nama) <= 4, produk
        assert sorted(kosakata.pisah_subjek(produk.subjek)) == sorted(nama)
        assert 2 <= len(produk.abstrak.splitlines()) <= 4, produk
        assert produk.abstrak_dasar_hukum.strip() and produk.abstrak_catatan.strip(), produk
        for kolom in ("sumber", "lokasi", "tempat_penetapan", "tanggal_penetapan"):
            assert getattr(produk, kolom), (produk, kolom)
        if produk.tipe_dokumen == TipeDokumen.PERATURAN:
            assert produk.penandatangan and produk.pemrakarsa
            assert "Undang-Undang" in produk.abstrak_dasar_hukum
        for dasar in produk.abstrak_dasar_hukum.splitlines():
            assert " Tahun " in dasar, (produk, dasar)
            assert "halaman" in produk.abstrak_catatan
        for kolom in BIDANG_TIPE[produk.tipe_dokumen]:
            assert getattr(produk, kolom) not in ("", None), (produk, kolom)
        if produk.isbn:
            assert kosakata.isbn_valid(produk.isbn)


def test_demo_subjek_come_from_one_vocabulary_shared_between_products():
    muat_katalog()
    bersama = [s for s in Subjek.objects.all() if s.produk_hukum.count() >= 2]
    assert len(bersama) >= 5
    assert Subjek.objects.get(nama="Pemilihan Umum").produk_hukum.count() >= 10


def test_demo_keputusan_carry_a_published_lampiran_with_its_own_pdf():
    muat_katalog()
    lampiran = list(Lampiran.objects.select_related("produk"))
    assert 2 <= len(lampiran) <= 3
    for item in lampiran:
        assert item.produk.terbit and item.produk.tipe_dokumen == TipeDokumen.PERATURAN
        versi = item.versi_terbit()
        assert versi is not None and versi.jumlah_halaman >= 1
        assert f"Dilengkapi lampiran: {item.judul}." in item.produk.abstrak_catatan


def _seperti_demo_lama(produk):
    """Put ``produk`` back in the state the earlier demo left it in."""
    judul = produk.judul
    ProdukHukum.objects.filter(pk=produk.pk).update(
        abstrak=(
            f"Keputusan ini mengatur {judul[0].lower() + judul[1:]} di wilayah kerja "
            f"{produk.satker.nama} sebagai pedoman bagi penyelenggara pemilihan umum."
        ),
        abstrak_dasar_hukum="",
        abstrak_catatan="",
        bidang_hukum="Hukum Pemilu",
        sumber=f"JDIH {produk.satker.nama}",
        pemrakarsa="Sub Bagian Hukum dan SDM",
    )
    produk.refresh_from_db()
    setel_subjek(produk, "Pemilih; DPT; Pemilu")


def test_reloading_completes_an_earlier_demo_and_keeps_what_staff_typed():
    muat_katalog()
    dpt = ProdukHukum.objects.get(
        satker__slug="sorong-selatan", judul__startswith="Penetapan Daftar Pemilih Tetap"
    )
    lengkap = ProdukHukum.objects.get(pk=dpt.pk)
    _seperti_demo_lama(dpt)
    # The earlier demo had no lampiran, and spelled the putusan jenis its own way.
    Lampiran.objects.filter(produk=dpt).delete()
    putusan = Jenis.objects.get(singkatan="PUTUSAN")
    Jenis.objects.filter(pk=putusan.pk).update(singkatan="Putusan", nama="Putusan Pengadilan/DKPP")
    disunting = ProdukHukum.objects.filter(tipe_dokumen=TipeDokumen.PERATURAN).exclude(pk=dpt.pk)[0]
    ProdukHukum.objects.filter(pk=disunting.pk).update(
        abstrak="Pokok isi yang ditulis staf.", bidang_hukum="Hukum Pidana"
    )
    jumlah = ProdukHukum.objects.count(), Jenis.objects.count()

    muat_katalog()

    assert (ProdukHukum.objects.count(), Jenis.objects.count()) == jumlah
    dpt.refresh_from_db()
    for kolom in ("abstrak", "abstrak_dasar_hukum", "bidang_hukum", "sumber", "pemrakarsa"):
        assert getattr(dpt, kolom) == getattr(lengkap, kolom), kolom
    assert dpt.abstrak_catatan == lengkap.abstrak_catatan
    assert dpt.subjek == lengkap.subjek
    assert not Subjek.objects.filter(nama__in=["Pemilih", "DPT", "Pemilu"]).exists()
    assert dpt.lampiran.get().versi_terbit() is not None
    assert Jenis.objects.get(pk=putusan.pk).singkatan == "PUTUSAN"
    disunting.refresh_from_db()
    assert disunting.abstrak == "Pokok isi yang ditulis staf."
    assert disunting.bidang_hukum == "Hukum Pidana"
