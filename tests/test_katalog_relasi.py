"""Relations between products and their effect on status (DESIGN.md §5)."""

import pytest
from django.db import IntegrityError, transaction

from documents.models import JenisRelasi, RelasiProduk, StatusBerlaku

from .admin_helpers import formulir_admin
from .factories import buat_produk

pytestmark = pytest.mark.django_db


def segarkan(*objek):
    for o in objek:
        o.refresh_from_db()


def test_mencabut_makes_target_tidak_berlaku_with_keterangan():
    lama, baru = buat_produk(berkas=False), buat_produk(berkas=False)
    RelasiProduk.objects.create(sumber=baru, jenis=JenisRelasi.MENCABUT, target=lama)
    segarkan(lama, baru)
    assert lama.status == StatusBerlaku.TIDAK_BERLAKU
    assert str(baru) in lama.keterangan_status
    assert baru.status == StatusBerlaku.BERLAKU


def test_removing_mencabut_restores_berlaku():
    lama, baru = buat_produk(berkas=False), buat_produk(berkas=False)
    relasi = RelasiProduk.objects.create(sumber=baru, jenis=JenisRelasi.MENCABUT, target=lama)
    relasi.delete()
    segarkan(lama)
    assert lama.status == StatusBerlaku.BERLAKU
    assert lama.keterangan_status == ""


def test_removing_one_of_two_pencabut_keeps_tidak_berlaku():
    lama = buat_produk(berkas=False)
    a, b = buat_produk(berkas=False), buat_produk(berkas=False)
    RelasiProduk.objects.create(sumber=a, jenis=JenisRelasi.MENCABUT, target=lama)
    relasi_b = RelasiProduk.objects.create(sumber=b, jenis=JenisRelasi.MENCABUT, target=lama)
    relasi_b.delete()
    segarkan(lama)
    assert lama.status == StatusBerlaku.TIDAK_BERLAKU
    assert str(a) in lama.keterangan_status and str(b) not in lama.keterangan_status


def test_bulk_delete_of_relations_restores_status_too():
    lama, baru = buat_produk(berkas=False), buat_produk(berkas=False)
    RelasiProduk.objects.create(sumber=baru, jenis=JenisRelasi.MENCABUT, target=lama)
    RelasiProduk.objects.filter(target=lama).delete()
    segarkan(lama)
    assert lama.status == StatusBerlaku.BERLAKU


def test_retargeting_a_mencabut_restores_the_previous_target():
    a, b, pencabut = (buat_produk(berkas=False) for _ in range(3))
    relasi = RelasiProduk.objects.create(sumber=pencabut, jenis=JenisRelasi.MENCABUT, target=a)
    relasi.target = b
    relasi.save()
    segarkan(a, b)
    assert a.status == StatusBerlaku.BERLAKU
    assert b.status == StatusBerlaku.TIDAK_BERLAKU


def test_mengubah_and_melaksanakan_leave_status_alone():
    a, b, c = (buat_produk(berkas=False) for _ in range(3))
    RelasiProduk.objects.create(sumber=a, jenis=JenisRelasi.MENGUBAH, target=b)
    RelasiProduk.objects.create(sumber=a, jenis=JenisRelasi.MELAKSANAKAN, target=c)
    segarkan(b, c)
    assert b.status == c.status == StatusBerlaku.BERLAKU


def test_removing_relation_does_not_undo_a_status_set_by_hand():
    lama, lain = buat_produk(berkas=False), buat_produk(berkas=False)
    lama.status = StatusBerlaku.TIDAK_BERLAKU
    lama.keterangan_status = "Masa berlaku berakhir."
    lama.save()
    relasi = RelasiProduk.objects.create(sumber=lain, jenis=JenisRelasi.MENGUBAH, target=lama)
    relasi.delete()
    segarkan(lama)
    assert lama.status == StatusBerlaku.TIDAK_BERLAKU
    assert lama.keterangan_status == "Masa berlaku berakhir."


def test_relation_is_readable_both_ways():
    a, b = buat_produk(berkas=False), buat_produk(berkas=False)
    relasi = RelasiProduk.objects.create(sumber=a, jenis=JenisRelasi.MENGUBAH, target=b)
    assert list(a.relasi_keluar.all()) == [relasi]
    assert list(b.relasi_masuk.all()) == [relasi]
    assert relasi.label_kebalikan == "Diubah dengan"


def test_product_cannot_relate_to_itself():
    a = buat_produk(berkas=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        RelasiProduk.objects.create(sumber=a, jenis=JenisRelasi.MENCABUT, target=a)


def test_same_relation_cannot_be_recorded_twice():
    a, b = buat_produk(berkas=False), buat_produk(berkas=False)
    RelasiProduk.objects.create(sumber=a, jenis=JenisRelasi.MENGUBAH, target=b)
    with pytest.raises(IntegrityError), transaction.atomic():
        RelasiProduk.objects.create(sumber=a, jenis=JenisRelasi.MENGUBAH, target=b)


def test_admin_inline_removal_of_mencabut_restores_status(admin_client):
    lama, baru = buat_produk(berkas=False), buat_produk(berkas=False)
    relasi = RelasiProduk.objects.create(sumber=baru, jenis=JenisRelasi.MENCABUT, target=lama)
    halaman = admin_client.get(f"/admin/documents/produkhukum/{baru.pk}/change/")
    assert halaman.status_code == 200
    data = formulir_admin(halaman)
    awalan = "relasi_keluar"
    data[f"{awalan}-0-DELETE"] = "on"
    respons = admin_client.post(f"/admin/documents/produkhukum/{baru.pk}/change/", data)
    assert respons.status_code == 302, respons.content.decode()[:2000]
    assert not RelasiProduk.objects.filter(pk=relasi.pk).exists()
    segarkan(lama)
    assert lama.status == StatusBerlaku.BERLAKU


def test_satker_slug_cannot_be_a_reserved_route_word():
    from django.core.exceptions import ValidationError

    from .factories import buat_satker

    satker = buat_satker()
    satker.slug = "staf"
    with pytest.raises(ValidationError) as galat:
        satker.full_clean()
    assert "dipakai oleh halaman lain" in str(galat.value)


def test_version_and_relation_changes_move_the_product_change_stamp():
    a, b = buat_produk(berkas=False), buat_produk(berkas=False)
    sebelum_a, sebelum_b = a.diubah_pada, b.diubah_pada
    RelasiProduk.objects.create(sumber=a, jenis=JenisRelasi.MENGUBAH, target=b)
    segarkan(a, b)
    assert a.diubah_pada > sebelum_a and b.diubah_pada > sebelum_b
