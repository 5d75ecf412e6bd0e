"""Downloads behind nginx (JDIH_UNDUH_X_ACCEL, issue 13 item 1): after the
publication (or permission) check the answer is an empty response with
``X-Accel-Redirect`` to the internal location, and nginx sends the file; a
refused download carries no such header, and no answer ever names the
stored file of an unpublished version. Without the setting, Django streams
the file as before."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from django.test import TestCase
from django.urls import reverse

from documents.berkas import tambah_lampiran
from documents.models import StatusPublikasi, VersiBerkas
from documents.unduhan import jawab_unduhan
from jdih.penyimpanan import awalan_x_accel
from publicsite.lampiran import nama_lampiran
from tests.alur_helpers import ajukan, buat_tim
from tests.factories import buat_produk, pdf_bytes
from tests.publik_helpers import url, versi_baru

pytestmark = pytest.mark.django_db

AWALAN = "/_berkas/"


@pytest.fixture
def x_accel(settings):
    settings.JDIH_UNDUH_X_ACCEL = AWALAN


def tanpa_x_accel(respons):
    assert "X-Accel-Redirect" not in respons
    return respons


def test_published_download_is_an_empty_x_accel_answer_with_the_readers_filename(client, x_accel):
    produk = buat_produk()
    versi = produk.versi.get()
    respons = client.get(url("unduh", produk))
    assert respons.status_code == 200
    assert respons["X-Accel-Redirect"] == AWALAN + versi.berkas.name
    assert respons.content == b""
    assert not getattr(respons, "streaming", False)
    assert respons["Content-Type"] == "application/pdf"
    assert respons["Content-Disposition"] == f'attachment; filename="{produk.slug}.pdf"'
    assert respons["Cache-Control"] == "no-cache"
    produk.refresh_from_db()
    assert produk.jumlah_unduhan == 1


def test_preview_is_inline_and_a_version_keeps_its_name(client, x_accel):
    produk = buat_produk()
    respons = client.get(url("pratinjau", produk))
    assert respons["Content-Disposition"] == f'inline; filename="{produk.slug}.pdf"'
    respons = client.get(url("unduh-versi", produk, 1))
    assert respons["Content-Disposition"] == f'attachment; filename="{produk.slug}-versi-1.pdf"'


def test_draft_and_taken_down_products_get_404_without_the_header(client, x_accel):
    draf = buat_produk(terbit=False)
    for nama in ("unduh", "pratinjau"):
        respons = tanpa_x_accel(client.get(url(nama, draf)))
        assert respons.status_code == 404
        assert draf.versi.get().berkas.name not in respons.content.decode()
    produk = buat_produk()
    produk.status_publikasi = StatusPublikasi.DITURUNKAN
    produk.save(update_fields=["status_publikasi"])
    respons = tanpa_x_accel(client.get(url("unduh", produk)))
    assert respons.status_code == 404


def test_an_unpublished_newer_version_is_never_named(client, x_accel):
    produk = buat_produk()
    terbit = produk.versi.get()
    baru = versi_baru(produk, terbit=False)
    respons = client.get(url("unduh", produk))
    assert respons["X-Accel-Redirect"] == AWALAN + terbit.berkas.name
    respons = tanpa_x_accel(client.get(url("unduh-versi", produk, baru.nomor_versi)))
    assert respons.status_code == 404
    for r in (respons, client.get(url("unduh", produk)), client.get(produk.get_absolute_url())):
        isi = b"" if getattr(r, "streaming", False) else r.content
        assert baru.berkas.name.encode() not in isi
        assert baru.berkas.name not in r.get("X-Accel-Redirect", "")


def test_published_lampiran_goes_through_x_accel(client, x_accel):
    produk = buat_produk()
    with TestCase.captureOnCommitCallbacks(execute=True):
        lampiran = tambah_lampiran(produk, "Daftar TPS", io.BytesIO(pdf_bytes()))
    nama = nama_lampiran(produk, lampiran)
    # Not yet published: refused, no header.
    respons = tanpa_x_accel(client.get(url("lampiran", produk, lampiran.pk, nama)))
    assert respons.status_code == 404
    lampiran.versi.update(diterbitkan_pada=produk.diterbitkan_pada)
    respons = client.get(url("lampiran", produk, lampiran.pk, nama))
    assert respons["X-Accel-Redirect"] == AWALAN + lampiran.versi.get().berkas.name
    assert respons["Content-Disposition"] == f'attachment; filename="{nama}"'


def test_staff_download_checks_permission_before_the_header(client, x_accel):
    tim = buat_tim()
    p = ajukan(tim)
    versi = p.produk.versi.get()
    alamat = reverse("workflow:berkas", args=[p.pk, versi.pk])
    client.force_login(buat_tim().pengelola)
    respons = tanpa_x_accel(client.get(alamat))
    assert respons.status_code in (403, 404)
    client.force_login(tim.pengelola)
    respons = client.get(alamat)
    assert respons["X-Accel-Redirect"] == AWALAN + versi.berkas.name
    assert respons["Cache-Control"] == "private, no-store"
    assert respons["Content-Disposition"] == f'inline; filename="{versi.nama_asli}"'


def test_a_missing_file_is_404_not_a_header_nginx_cannot_follow(client, x_accel):
    produk = buat_produk()
    default_storage.delete(produk.versi.get().berkas.name)
    respons = tanpa_x_accel(client.get(url("unduh", produk)))
    assert respons.status_code == 404


def test_a_name_with_odd_characters_is_quoted_for_nginx(x_accel):
    nama = default_storage.save("produk/uji a%b #1.pdf", ContentFile(b"%PDF-1.4"))
    berkas = FieldFile(None, VersiBerkas._meta.get_field("berkas"), nama)
    respons = jawab_unduhan(berkas, nama="naskah uji.pdf")
    assert respons["X-Accel-Redirect"] == AWALAN + "produk/uji%20a%25b%20%231.pdf"
    assert respons["Content-Disposition"] == 'inline; filename="naskah uji.pdf"'


def test_without_the_setting_django_streams_the_file_as_before(client):
    produk = buat_produk()
    respons = tanpa_x_accel(client.get(url("unduh", produk)))
    assert respons.status_code == 200
    assert respons.streaming
    assert b"".join(respons.streaming_content).startswith(b"%PDF")
    assert respons["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("nilai", ["_berkas/", "/_berkas", "/_ber kas/", "/_berkas/?x=1/"])
def test_a_prefix_that_is_no_location_is_refused(nilai):
    with pytest.raises(ImproperlyConfigured, match="JDIH_UNDUH_X_ACCEL"):
        awalan_x_accel(nilai)


def test_an_unset_prefix_is_off():
    assert awalan_x_accel("") == "" and awalan_x_accel("/_berkas/") == "/_berkas/"
