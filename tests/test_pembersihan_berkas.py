"""Files removed with what owns them (issue 11, item 10): a deleted version,
product or lampiran takes its PDF and thumbnail with it once the deletion
commits, never on rollback; `manage.py sapu_berkas` finds files no row
references, keeps them on a dry run, removes them with --hapus, and never
touches a referenced or a fresh file."""

import io
import os
import time

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import models, transaction
from django.urls import reverse

from documents.berkas import simpan_versi, tambah_lampiran
from documents.models import ProdukHukum, VersiBerkas
from documents.pembersihan import PREFIKS

from .factories import buat_produk, pdf_bytes, unggahan

pytestmark = pytest.mark.django_db

SEJAM_LALU = 2 * 3600


class Batal(Exception):
    pass


def ada(nama) -> bool:
    return default_storage.exists(nama)


def berkas_versi(versi) -> list[str]:
    return [f.name for f in (versi.berkas, versi.thumbnail) if f]


def semua_berkas() -> set[str]:
    hasil = set()

    def telusuri(folder):
        try:
            sub, berkas = default_storage.listdir(folder)
        except FileNotFoundError:
            return
        hasil.update(f"{folder}/{b}".lstrip("/") for b in berkas)
        for s in sub:
            telusuri(f"{folder}/{s}".lstrip("/"))

    telusuri("")
    return hasil


def jadikan_tua(nama):
    lalu = time.time() - SEJAM_LALU
    os.utime(default_storage.path(nama), (lalu, lalu))


# --- removal with the row ----------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_deleting_a_version_removes_its_pdf_and_thumbnail_after_commit():
    versi = buat_produk(terbit=False).versi.get()
    berkas = berkas_versi(versi)
    assert len(berkas) == 2 and all(map(ada, berkas))  # the PDF and its thumbnail

    with transaction.atomic():
        versi.delete()
        assert all(map(ada, berkas))  # not before the commit

    assert not any(map(ada, berkas))


@pytest.mark.django_db(transaction=True)
def test_deletion_rolled_back_keeps_the_files():
    versi = buat_produk(terbit=False).versi.get()
    pk, berkas = versi.pk, berkas_versi(versi)

    with pytest.raises(Batal), transaction.atomic():
        versi.delete()
        raise Batal

    assert VersiBerkas.objects.filter(pk=pk).exists()
    assert all(map(ada, berkas))


@pytest.mark.django_db(transaction=True)
def test_deleting_a_draft_product_in_admin_removes_naskah_and_lampiran_files(admin_client):
    produk = buat_produk(terbit=False)
    tambah_lampiran(produk, "Daftar nama", unggahan(pdf_bytes()))
    berkas = [n for v in VersiBerkas.objects.all() for n in berkas_versi(v)]
    assert len(berkas) == 4 and all(map(ada, berkas))

    respons = admin_client.post(
        reverse("admin:documents_produkhukum_delete", args=[produk.pk]), {"post": "yes"}
    )

    assert respons.status_code == 302
    assert not ProdukHukum.objects.filter(pk=produk.pk).exists()
    assert not any(map(ada, berkas))


@pytest.mark.django_db(transaction=True)
def test_deleting_a_version_in_admin_removes_its_files(admin_client):
    produk = buat_produk(terbit=False)
    kedua = simpan_versi(produk, io.BytesIO(pdf_bytes()))
    berkas = berkas_versi(kedua)
    lain = berkas_versi(produk.versi.get(nomor_versi=1))

    respons = admin_client.post(
        reverse("admin:documents_versiberkas_delete", args=[kedua.pk]), {"post": "yes"}
    )

    assert respons.status_code == 302
    assert not any(map(ada, berkas))
    assert all(map(ada, lain))


def test_a_file_another_row_still_names_is_kept(django_capture_on_commit_callbacks):
    produk = buat_produk(terbit=False)
    versi = produk.versi.get()
    kembar = VersiBerkas.objects.create(
        produk=produk,
        nomor_versi=2,
        berkas=versi.berkas.name,
        thumbnail=versi.thumbnail.name,
        sha256=versi.sha256,
        ukuran=versi.ukuran,
        jumlah_halaman=versi.jumlah_halaman,
    )
    with django_capture_on_commit_callbacks(execute=True):
        kembar.delete()
    assert all(map(ada, berkas_versi(versi)))


# --- the sweep ----------------------------------------------------------------------


def test_sweep_lists_an_orphan_keeps_it_on_dry_run_and_removes_it_with_hapus(capsys):
    dirujuk = buat_produk(terbit=False).versi.get()
    for nama in berkas_versi(dirujuk):
        jadikan_tua(nama)
    yatim = default_storage.save("produk/2020/01/ab/yatim.pdf", ContentFile(b"%PDF-1.4 sisa"))
    yatim_thumb = default_storage.save("thumbnail/ab/yatim.png", ContentFile(b"png"))
    jadikan_tua(yatim)
    jadikan_tua(yatim_thumb)
    baru = default_storage.save("produk/2099/01/cd/baru.pdf", ContentFile(b"%PDF-1.4 sedang"))
    luar = default_storage.save("lain/catatan.txt", ContentFile(b"milik operator"))
    jadikan_tua(luar)

    call_command("sapu_berkas")
    keluaran = capsys.readouterr().out
    assert f"Yatim: {yatim} " in keluaran and f"Yatim: {yatim_thumb} " in keluaran
    assert "2 berkas yatim" in keluaran and "Uji coba" in keluaran
    assert "1 berkas tak dirujuk dilewati" in keluaran
    assert dirujuk.berkas.name not in keluaran and luar not in keluaran
    assert all(map(ada, [yatim, yatim_thumb, baru, luar]))

    call_command("sapu_berkas", "--hapus")
    keluaran = capsys.readouterr().out
    assert f"Dihapus: {yatim} " in keluaran and f"Dihapus: {yatim_thumb} " in keluaran
    assert "2 berkas yatim dihapus" in keluaran
    assert not ada(yatim) and not ada(yatim_thumb)
    assert ada(baru) and ada(luar)
    assert all(map(ada, berkas_versi(dirujuk)))


def test_sweep_never_removes_a_file_any_model_references():
    versi = buat_produk(terbit=False).versi.get()
    for nama in berkas_versi(versi):
        jadikan_tua(nama)
    call_command("sapu_berkas", "--hapus", "--umur-menit", "0")
    assert all(map(ada, berkas_versi(versi)))


def test_a_rolled_back_upload_leaves_no_orphan_after_the_sweep():
    produk = buat_produk(terbit=False, berkas=False)
    with pytest.raises(Batal), transaction.atomic():
        simpan_versi(produk, io.BytesIO(pdf_bytes()))
        raise Batal
    assert not VersiBerkas.objects.exists()

    call_command("sapu_berkas", "--hapus", "--umur-menit", "0")

    assert not [n for n in semua_berkas() if n.startswith(PREFIKS)]


def test_sweep_refuses_a_negative_age():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="negatif"):
        call_command("sapu_berkas", "--umur-menit", "-1")


def test_every_file_field_lives_under_a_swept_folder():
    # A new FileField/ImageField needs its folder in documents.pembersihan.PREFIKS
    # (the sweep reads references from every field anyway, but looks only there).
    bidang = {
        f"{m._meta.label}.{f.name}"
        for m in apps.get_models()
        for f in m._meta.concrete_fields
        if isinstance(f, models.FileField)
    }
    assert bidang == {
        "documents.VersiBerkas.berkas",
        "documents.VersiBerkas.thumbnail",
        "documents.Salinan.berkas",
        "documents.KontenTerbit.gambar",
        "workflow.GambarKonten.berkas",
        "workflow.Kelengkapan.berkas",
        "workflow.PenerimaSalinan.bukti",
        "documents.GambarHalaman.berkas",
        "documents.Satker.logo",
        "workflow.NotaDinas.berkas",
        "profil.BagianProfil.gambar",
    }
