"""Django admin cannot bypass the SOP (issue 11, item 1): publication state
and its dates are read-only everywhere in admin, files added there go through
the intake and are audited, and only the workflow's publish step and the
archive import (in someone's name) publish."""

import shutil
from pathlib import Path

import pytest
from django.contrib.admin import helpers
from django.contrib.admin.sites import site
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse

from documents.berkas import tambah_lampiran
from documents.models import ProdukHukum, StatusPublikasi, VersiBerkas
from workflow.models import JejakAudit

from .admin_helpers import formulir_admin
from .alur_helpers import ajukan, buat_pengguna, buat_tim
from .factories import buat_produk, pdf_bytes, unggahan
from .test_impor_arsip import CONTOH, siapkan_katalog

pytestmark = pytest.mark.django_db

TANGGAL = {"_0": "2024-05-06", "_1": "10:00:00"}


def _ubah(produk):
    return reverse("admin:documents_produkhukum_change", args=[produk.pk])


def _jejak_katalog(produk, aksi=None):
    qs = JejakAudit.objects.filter(
        jenis_alur=ContentType.objects.get_for_model(ProdukHukum), alur_id=produk.pk
    )
    return qs.filter(aksi=aksi) if aksi else qs


def _dengan_tanggal(data, nama):
    data[nama] = "2024-05-06 10:00:00"
    for akhiran, nilai in TANGGAL.items():
        data[nama + akhiran] = nilai


def test_admin_change_form_cannot_publish_a_product_under_an_open_request(admin_client, client):
    p = ajukan(buat_tim())
    produk = p.produk
    halaman = admin_client.get(_ubah(produk))
    assert b'name="status_publikasi"' not in halaman.content
    data = formulir_admin(halaman)
    data["status_publikasi"] = StatusPublikasi.TERBIT
    _dengan_tanggal(data, "diterbitkan_pada")
    _dengan_tanggal(data, "versi-0-diterbitkan_pada")

    respons = admin_client.post(_ubah(produk), data)

    assert respons.status_code == 302
    produk.refresh_from_db()
    assert produk.status_publikasi == StatusPublikasi.DRAF
    assert produk.diterbitkan_pada is None
    assert not produk.versi.filter(diterbitkan_pada__isnull=False).exists()
    assert not ProdukHukum.objects.terbit().filter(pk=produk.pk).exists()
    assert client.get(produk.get_absolute_url()).status_code == 404


def test_version_inline_cannot_make_a_version_public(admin_client, client):
    produk = ajukan(buat_tim()).produk
    halaman = admin_client.get(_ubah(produk))
    assert b'name="versi-0-diterbitkan_pada' not in halaman.content
    data = formulir_admin(halaman)
    _dengan_tanggal(data, "versi-0-diterbitkan_pada")
    data["versi-0-keterangan_perbaikan"] = "catatan pembaca"

    assert admin_client.post(_ubah(produk), data).status_code == 302

    versi = produk.versi.get()
    assert versi.keterangan_perbaikan == "catatan pembaca"
    assert versi.diterbitkan_pada is None
    assert produk.versi_terbit() is None
    assert client.get(produk.get_absolute_url()).status_code == 404


def test_version_admin_cannot_publish_or_move_a_version(admin_client):
    produk = ajukan(buat_tim()).produk
    # A public product's lampiran: moving the draft file under it would publish it.
    terbit = buat_produk()
    lampiran = tambah_lampiran(terbit, "Daftar", unggahan(pdf_bytes()))
    versi = produk.versi.get()
    url = reverse("admin:documents_versiberkas_change", args=[versi.pk])
    data = {"keterangan_perbaikan": "diubah", "produk": terbit.pk, "lampiran": lampiran.pk}
    _dengan_tanggal(data, "diterbitkan_pada")

    assert admin_client.post(url, data).status_code == 302

    versi.refresh_from_db()
    assert (versi.produk_id, versi.lampiran_id, versi.diterbitkan_pada) == (produk.pk, None, None)
    assert versi.keterangan_perbaikan == "diubah"


def test_no_admin_action_or_bulk_edit_publishes(admin_client, rf, admin_user):
    produk = ajukan(buat_tim()).produk
    for model in (ProdukHukum, VersiBerkas):
        model_admin = site._registry[model]
        assert not set(model_admin.list_editable) & {"status_publikasi", "diterbitkan_pada"}
    model_admin = site._registry[ProdukHukum]
    permintaan = rf.get("/")
    permintaan.user = admin_user
    changelist = reverse("admin:documents_produkhukum_changelist")
    for aksi in model_admin.get_actions(permintaan):
        if aksi == "delete_selected":
            continue
        respons = admin_client.post(
            changelist, {"action": aksi, helpers.ACTION_CHECKBOX_NAME: [produk.pk]}
        )
        assert respons.status_code in (200, 302)
    # A bulk-edit post of the change list changes nothing either.
    admin_client.post(
        changelist,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(produk.pk),
            "form-0-status_publikasi": "terbit",
            "_save": "Simpan",
        },
    )
    produk.refresh_from_db()
    assert produk.status_publikasi == StatusPublikasi.DRAF


def test_admin_upload_goes_through_the_intake_and_is_audited(admin_client, admin_user):
    produk = buat_produk(terbit=False, berkas=False)
    data = formulir_admin(admin_client.get(_ubah(produk)))
    data["berkas_baru"] = unggahan(pdf_bytes(), "pindaian-baru.pdf")
    data["keterangan_perbaikan"] = "Pindaian lebih jelas"
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert admin_client.post(_ubah(produk), data).status_code == 302

    versi = produk.versi.get()
    assert (versi.nama_asli, versi.diunggah_oleh) == ("pindaian-baru.pdf", admin_user)
    assert len(versi.sha256) == 64 and versi.jumlah_halaman == 1
    assert versi.status_proses == VersiBerkas.StatusProses.SELESAI
    assert versi.diterbitkan_pada is None
    jejak = _jejak_katalog(produk, "admin-unggah-berkas").get()
    assert jejak.oleh == admin_user and jejak.satker_id == produk.satker_id
    assert "Versi 1 (pindaian-baru.pdf)" in jejak.catatan
    assert "Pindaian lebih jelas" in jejak.catatan
    assert jejak.alamat_ip == "127.0.0.1"
    # Visible in the audit admin, filed under the product itself.
    daftar = admin_client.get(
        reverse("admin:workflow_jejakaudit_changelist"),
        {"jenis_alur__id__exact": jejak.jenis_alur_id},
    )
    assert "admin-unggah-berkas" in daftar.content.decode()


def test_admin_upload_is_refused_while_a_request_holds_the_product(admin_client):
    produk = ajukan(buat_tim()).produk
    data = formulir_admin(admin_client.get(_ubah(produk)))
    data["berkas_baru"] = unggahan(pdf_bytes(), "sisipan.pdf")

    respons = admin_client.post(_ubah(produk), data)

    assert respons.status_code == 200
    galat = respons.context["adminform"].form.errors["berkas_baru"][0]
    assert "sedang dalam permohonan" in galat and "/staf/" in galat
    assert produk.versi.count() == 1
    assert not _jejak_katalog(produk).exists()


def test_admin_metadata_change_is_audited(admin_client, admin_user):
    produk = buat_produk()
    data = formulir_admin(admin_client.get(_ubah(produk)))
    data["judul"] = "Judul yang dibetulkan"
    assert admin_client.post(_ubah(produk), data).status_code == 302

    jejak = _jejak_katalog(produk, "admin-ubah").get()
    assert jejak.oleh == admin_user
    assert "judul" in jejak.catatan
    assert (jejak.dari_status, jejak.ke_status) == ("terbit", "terbit")


def test_admin_cannot_delete_what_has_been_public(admin_client):
    produk = buat_produk()
    versi = produk.versi.get()
    for url in (
        reverse("admin:documents_produkhukum_delete", args=[produk.pk]),
        reverse("admin:documents_versiberkas_delete", args=[versi.pk]),
    ):
        assert admin_client.get(url).status_code == 403
        assert admin_client.post(url, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:documents_produkhukum_changelist")
    admin_client.post(
        changelist,
        {"action": "delete_selected", "post": "yes", helpers.ACTION_CHECKBOX_NAME: [produk.pk]},
    )
    assert ProdukHukum.objects.filter(pk=produk.pk).exists()
    assert VersiBerkas.objects.filter(pk=versi.pk).exists()


def test_admin_cannot_delete_a_version_held_by_an_open_request(admin_client):
    produk = ajukan(buat_tim()).produk
    versi = produk.versi.get()
    url = reverse("admin:documents_versiberkas_delete", args=[versi.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert VersiBerkas.objects.filter(pk=versi.pk).exists()


def test_admin_deletion_of_a_draft_is_audited(admin_client, admin_user):
    produk = buat_produk(terbit=False)
    url = reverse("admin:documents_produkhukum_delete", args=[produk.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not ProdukHukum.objects.filter(pk=produk.pk).exists()
    jejak = _jejak_katalog(produk, "admin-hapus").get()
    assert (jejak.oleh, jejak.ke_status) == (admin_user, "dihapus")


# --- the archive import, in someone's name ------------------------------------


@pytest.fixture
def arsip(tmp_path):
    siapkan_katalog()
    shutil.copytree(CONTOH, tmp_path / "arsip")
    return tmp_path / "arsip" / "arsip.csv"


def test_import_without_oleh_is_refused_and_imports_nothing(arsip):
    with pytest.raises(CommandError, match="--oleh"):
        call_command("impor_arsip", str(arsip))
    assert not ProdukHukum.objects.exists()


@pytest.mark.parametrize(
    "akun", [{"is_staff": False}, {"is_staff": True, "is_active": False}, None]
)
def test_import_in_the_name_of_no_active_staff_is_refused(arsip, akun):
    if akun is not None:
        buat_pengguna("pengimpor", **akun)
    with pytest.raises(CommandError, match="pengimpor"):
        call_command("impor_arsip", str(arsip), oleh="pengimpor")
    assert not ProdukHukum.objects.exists()


def test_import_records_who_imported_each_product(arsip, capsys):
    pengimpor = buat_pengguna("operator.arsip", is_staff=True)
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("impor_arsip", str(Path(arsip)), oleh="operator.arsip")
    assert "atas nama operator.arsip" in capsys.readouterr().out

    produk = list(ProdukHukum.objects.all())
    assert len(produk) == 6
    for p in produk:
        jejak = _jejak_katalog(p, "impor-arsip").get()
        assert jejak.oleh == pengimpor
        assert jejak.ke_status == p.status_publikasi
        assert "arsip.csv baris" in jejak.catatan
        assert p.versi.get().diunggah_oleh == pengimpor
    terbit = [p for p in produk if p.terbit]
    assert len(terbit) == 5
    assert all("langsung terbit" in _jejak_katalog(p, "impor-arsip").get().catatan for p in terbit)


def test_product_added_in_admin_is_a_draft_and_audited(admin_client, admin_user):
    produk = buat_produk(berkas=False)  # for its satker and jenis
    url = reverse("admin:documents_produkhukum_add")
    data = formulir_admin(admin_client.get(url))
    data.update(
        satker=produk.satker_id,
        jenis=produk.jenis_id,
        nomor="77/HK.03-Kpt/2024",
        tahun="2024",
        judul="Produk dari admin",
        tanggal_penetapan="2024-02-03",
        status_publikasi=StatusPublikasi.TERBIT,
        berkas_baru=unggahan(pdf_bytes(), "naskah-admin.pdf"),
    )
    _dengan_tanggal(data, "diterbitkan_pada")
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert admin_client.post(url, data).status_code == 302

    baru = ProdukHukum.objects.get(nomor="77/HK.03-Kpt/2024")
    assert (baru.status_publikasi, baru.diterbitkan_pada) == (StatusPublikasi.DRAF, None)
    assert [j.aksi for j in _jejak_katalog(baru).order_by("id")] == [
        "admin-tambah",
        "admin-unggah-berkas",
    ]
    assert baru.versi.get().diterbitkan_pada is None
