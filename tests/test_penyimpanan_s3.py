"""Media in S3 (issue 13, item 1), against a real S3 API server process on
loopback (moto's server mode, tests/s3_helpers.py): the workflow stores the
uploaded PDF in the bucket, the worker reads it from there, publishing makes
the public download a 302 to a short-lived presigned URL that really serves
the same bytes under the product's filename; nothing is handed out for an
unpublished or taken-down product, staff downloads check permission first,
deletion and the orphan sweep remove the objects, /healthz checks the bucket.
Plus the start-up checks of the S3_* settings."""

import hashlib
import io
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.test import TestCase
from django.urls import reverse

from documents.berkas import hapus_lampiran, tambah_lampiran
from documents.models import StatusPublikasi, VersiBerkas
from documents.pembersihan import sapu
from jdih.penyimpanan import opsi_s3
from publicsite.lampiran import nama_lampiran
from tests import s3_helpers
from tests.alur_helpers import ajukan, ajukan_penurunan, buat_tim, majukan
from tests.factories import buat_produk, pdf_bytes, unggahan
from tests.s3_helpers import BUCKET, KUNCI, isi_bucket, opsi_penyimpanan
from workflow.models import Status

# The S3 server process (session) and the bucket as default storage (per test).
server_s3 = s3_helpers.server_s3
s3 = s3_helpers.s3

pytestmark = pytest.mark.django_db


def ambil(alamat: str):
    """GET ``alamat`` as a browser would after the redirect: (status, headers, body)."""
    try:
        with urllib.request.urlopen(alamat, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as galat:
        return galat.code, galat.headers, galat.read()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def url_publik(nama, produk, *extra):
    return reverse(f"publicsite:{nama}", args=[produk.satker.slug, produk.pk, produk.slug, *extra])


def terbit_lewat_alur(tim=None):
    """A request walked through the real workflow until its product is public."""
    tim = tim or buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIUNGGAH)
    p.produk.refresh_from_db()
    return tim, p


# --- the round trip --------------------------------------------------------------


def test_workflow_upload_lands_in_the_bucket_and_the_worker_reads_it_from_there(s3):
    tim = buat_tim()
    p = ajukan(tim)
    versi = p.produk.versi.get()
    objek = isi_bucket(s3)
    assert sha(objek[versi.berkas.name]) == versi.sha256
    assert versi.berkas.name.startswith("produk/")
    # Processing (ImmediateBackend in tests) opened the PDF from the bucket.
    assert versi.status_proses == VersiBerkas.StatusProses.SELESAI
    assert p.produk.judul.upper() in versi.teks
    assert versi.thumbnail.name in objek
    assert p.nota_dinas.berkas.name in objek
    # Nothing of it on the local disk.
    assert not Path(django_settings.MEDIA_ROOT).exists() or not any(
        Path(django_settings.MEDIA_ROOT).rglob("*.pdf")
    )


def test_published_download_is_a_redirect_to_a_presigned_url_serving_the_same_bytes(client, s3):
    tim, p = terbit_lewat_alur()
    produk = p.produk
    versi = produk.versi_terbaru()
    respons = client.get(url_publik("unduh", produk))
    assert respons.status_code == 302
    alamat = respons["Location"]
    assert alamat.startswith(s3.endpoint + "/" + BUCKET + "/produk/")
    assert respons["Cache-Control"] == "private, no-store"
    assert not respons.content
    kueri = parse_qs(urlsplit(alamat).query)
    assert kueri["X-Amz-Expires"] == ["60"]
    status, tajuk, isi = ambil(alamat)
    assert status == 200
    assert sha(isi) == versi.sha256
    assert tajuk["Content-Type"] == "application/pdf"
    assert tajuk["Content-Disposition"] == f'attachment; filename="{produk.slug}.pdf"'
    assert tajuk["Cache-Control"] == "no-cache"
    produk.refresh_from_db()
    assert produk.jumlah_unduhan == 1


def test_preview_and_older_version_redirect_with_their_own_names(client, s3):
    tim, p = terbit_lewat_alur()
    produk = p.produk
    respons = client.get(url_publik("pratinjau", produk))
    assert respons.status_code == 302
    status, tajuk, _ = ambil(respons["Location"])
    assert status == 200
    assert tajuk["Content-Disposition"] == f'inline; filename="{produk.slug}.pdf"'
    respons = client.get(url_publik("unduh-versi", produk, 1))
    assert respons.status_code == 302
    _, tajuk, _ = ambil(respons["Location"])
    assert tajuk["Content-Disposition"] == f'attachment; filename="{produk.slug}-versi-1.pdf"'


def test_published_lampiran_redirects_to_its_bytes(client, s3):
    produk = buat_produk()
    data = pdf_bytes(judul="Lampiran Daftar TPS")
    with TestCase.captureOnCommitCallbacks(execute=True):
        lampiran = tambah_lampiran(produk, "Daftar TPS", io.BytesIO(data))
    lampiran.versi.update(diterbitkan_pada=produk.diterbitkan_pada)
    nama = nama_lampiran(produk, lampiran)
    respons = client.get(url_publik("lampiran", produk, lampiran.pk, nama))
    assert respons.status_code == 302
    status, tajuk, isi = ambil(respons["Location"])
    assert (status, isi) == (200, data)
    assert tajuk["Content-Disposition"] == f'attachment; filename="{nama}"'


def test_unpublished_and_taken_down_products_give_404_and_no_url(client, s3):
    tim = buat_tim()
    draf = ajukan(tim).produk
    for nama in ("unduh", "pratinjau"):
        respons = client.get(url_publik(nama, draf))
        assert respons.status_code == 404
        assert "Location" not in respons
        assert s3.endpoint not in respons.content.decode()

    tim, p = terbit_lewat_alur(tim)
    produk = p.produk
    assert client.get(url_publik("unduh", produk)).status_code == 302
    majukan(ajukan_penurunan(tim, produk), tim, Status.DITURUNKAN)
    produk.refresh_from_db()
    assert produk.status_publikasi == StatusPublikasi.DITURUNKAN
    respons = client.get(url_publik("unduh", produk))
    assert respons.status_code == 404
    assert "Location" not in respons
    assert s3.endpoint not in respons.content.decode()


def test_staff_download_checks_permission_then_redirects_privately(client, s3):
    tim = buat_tim()
    p = ajukan(tim)
    versi = p.produk.versi.get()
    url_berkas = reverse("workflow:berkas", args=[p.pk, versi.pk])
    url_nota = reverse("workflow:nota-dinas", args=[p.pk])

    # Another office's staff and anonymous readers get no URL.
    lain = buat_tim()
    client.force_login(lain.pengelola)
    for url in (url_berkas, url_nota):
        respons = client.get(url)
        assert respons.status_code in (403, 404)
        assert "Location" not in respons
    client.logout()
    respons = client.get(url_berkas)
    assert respons.status_code == 302
    assert respons["Location"].startswith(reverse("login"))

    client.force_login(tim.pengelola)
    respons = client.get(url_berkas)
    assert respons.status_code == 302
    assert respons["Cache-Control"] == "private, no-store"
    status, tajuk, isi = ambil(respons["Location"])
    assert status == 200 and sha(isi) == versi.sha256
    assert tajuk["Content-Disposition"] == f'inline; filename="{versi.nama_asli}"'
    assert tajuk["Cache-Control"] == "private, no-store"

    respons = client.get(url_nota)
    assert respons.status_code == 302
    status, tajuk, isi = ambil(respons["Location"])
    assert status == 200 and isi.startswith(b"%PDF")
    assert tajuk["Content-Type"] == "application/pdf"


def test_presigned_url_is_signed_for_the_public_endpoint_when_set(client, s3, settings):
    publik = s3.endpoint.replace("127.0.0.1", "localhost")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "jdih.penyimpanan_s3.PenyimpananS3",
            "OPTIONS": opsi_penyimpanan(s3, S3_ENDPOINT_URL_PUBLIK=publik, S3_PRESIGN_DETIK="30"),
        },
    }
    tim, p = terbit_lewat_alur()
    respons = client.get(url_publik("unduh", p.produk))
    alamat = respons["Location"]
    assert alamat.startswith(publik + "/")
    assert parse_qs(urlsplit(alamat).query)["X-Amz-Expires"] == ["30"]
    status, _, isi = ambil(alamat)
    assert status == 200 and sha(isi) == p.produk.versi_terbaru().sha256


# --- the intake moves the uploaded temporary file into the bucket ---------------------


def test_upload_through_the_page_moves_the_temporary_file_into_the_bucket(
    client, s3, settings, tmp_path
):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # every file through a temporary file
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "unggahan")
    Path(settings.FILE_UPLOAD_TEMP_DIR).mkdir()
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    data = pdf_bytes(judul="Perbaikan Rekapitulasi")
    with TestCase.captureOnCommitCallbacks(execute=True):
        respons = client.post(
            reverse("workflow:siapkan", args=[p.pk]),
            {"berkas": unggahan(data, nama="perbaikan.pdf"), "unggah_berkas": "1"},
        )
    assert respons.status_code == 302
    versi = p.produk.versi.get(nomor_versi=2)
    assert isi_bucket(s3)[versi.berkas.name] == data
    assert versi.status_proses == VersiBerkas.StatusProses.SELESAI
    # The temporary file is gone with the request.
    assert list(Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir()) == []


# --- deletion and the sweep -------------------------------------------------------


def test_removed_lampiran_takes_its_objects_with_it(s3):
    produk = buat_produk(terbit=False)
    with TestCase.captureOnCommitCallbacks(execute=True):
        lampiran = tambah_lampiran(produk, "Daftar", io.BytesIO(pdf_bytes()))
    versi = lampiran.versi.get()
    nama = {versi.berkas.name, versi.thumbnail.name}
    assert nama <= set(isi_bucket(s3))
    with TestCase.captureOnCommitCallbacks(execute=True):
        hapus_lampiran(lampiran)
    assert not nama & set(isi_bucket(s3))


def test_deleted_product_takes_its_objects_with_it(s3):
    produk = buat_produk(terbit=False)
    versi = produk.versi.get()
    nama = {versi.berkas.name, versi.thumbnail.name}
    assert nama <= set(isi_bucket(s3))
    with TestCase.captureOnCommitCallbacks(execute=True):
        produk.delete()
    assert not nama & set(isi_bucket(s3))


def test_sweep_finds_and_removes_orphans_in_the_bucket_and_keeps_referenced_ones(s3):
    produk = buat_produk()
    versi = produk.versi.get()
    yatim = "produk/2024/01/ab/yatim.pdf"
    s3.klien.put_object(Bucket=BUCKET, Key=yatim, Body=b"%PDF-1.4 yatim")
    s3.klien.put_object(Bucket=BUCKET, Key="lain/milik-operator.txt", Body=b"x")

    hasil = sapu(umur_minimal=timedelta(hours=1))
    assert yatim in hasil.terlalu_baru  # just written: may be an upload in flight
    hasil = sapu(umur_minimal=timedelta(0))
    assert [b.nama for b in hasil.yatim] == [yatim]
    assert hasil.yatim[0].ukuran == len(b"%PDF-1.4 yatim")
    assert yatim in isi_bucket(s3)  # a dry run removes nothing

    hasil = sapu(hapus=True, umur_minimal=timedelta(0))
    assert [b.nama for b in hasil.dihapus] == [yatim]
    sisa = set(isi_bucket(s3))
    assert yatim not in sisa
    assert {versi.berkas.name, versi.thumbnail.name, "lain/milik-operator.txt"} <= sisa


def test_healthz_checks_the_bucket(client, s3):
    respons = client.get("/healthz")
    assert respons.status_code == 200
    assert respons.json()["periksa"]["penyimpanan"] == "ok"
    assert not any(n.startswith("healthz/") for n in isi_bucket(s3))


def test_healthz_reports_an_unreachable_bucket(client, s3, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "jdih.penyimpanan_s3.PenyimpananS3",
            "OPTIONS": opsi_penyimpanan(s3, S3_BUCKET="bucket-tidak-ada"),
        },
    }
    respons = client.get("/healthz")
    assert respons.status_code == 503
    assert respons.json()["periksa"]["penyimpanan"] == "gagal"
    assert "bucket-tidak-ada" not in respons.content.decode()


def test_the_fixture_puts_the_default_storage_on_the_bucket(s3):
    assert hasattr(default_storage, "url_unduhan")
    assert default_storage.bucket_name == BUCKET


# --- start-up checks -------------------------------------------------------------------

DASAR = {"S3_BUCKET": "jdih-media", **KUNCI}


@pytest.mark.parametrize(
    "env, pesan",
    [
        ({"S3_BUCKET": "jdih-media"}, "S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY kosong"),
        ({**DASAR, "S3_SECRET_ACCESS_KEY": ""}, "S3_SECRET_ACCESS_KEY kosong"),
        ({**DASAR, "S3_ENDPOINT_URL": "127.0.0.1:9000"}, "S3_ENDPOINT_URL='127.0.0.1:9000'"),
        ({**DASAR, "S3_ENDPOINT_URL": "ftp://minio:9000"}, "http:// atau https://"),
        ({**DASAR, "S3_ENDPOINT_URL": "http://minio:99999"}, "alamat tidak sah"),
        ({**DASAR, "S3_ENDPOINT_URL": "http://k:r@minio:9000"}, "tanpa ?, # atau nama:sandi@"),
        ({**DASAR, "S3_ENDPOINT_URL_PUBLIK": "unduh.kpu.go.id"}, "S3_ENDPOINT_URL_PUBLIK"),
        ({**DASAR, "S3_BUCKET": "JDIH_Media"}, "nama bucket"),
        ({**DASAR, "S3_PRESIGN_DETIK": "satu menit"}, "S3_PRESIGN_DETIK"),
        ({**DASAR, "S3_PRESIGN_DETIK": "0"}, "S3_PRESIGN_DETIK"),
        ({**DASAR, "S3_PRESIGN_DETIK": "999999999"}, "S3 menolak"),
        ({**DASAR, "S3_REGION": "Jakarta Selatan"}, "S3_REGION"),
        ({**DASAR, "S3_ADDRESSING_STYLE": "jalur"}, "S3_ADDRESSING_STYLE"),
        ({"S3_ENDPOINT_URL": "http://minio:9000", **KUNCI}, "S3_BUCKET kosong"),
    ],
)
def test_bad_s3_settings_are_refused_with_a_message_naming_the_variable(env, pesan):
    with pytest.raises(ImproperlyConfigured, match=re.escape(pesan)):
        opsi_s3(env)


def test_s3_off_without_any_s3_variable_and_defaults_when_on():
    assert opsi_s3({}) is None
    opsi = opsi_s3({**DASAR, "S3_ENDPOINT_URL": "http://127.0.0.1:9000/"})
    assert opsi["endpoint_url"] == "http://127.0.0.1:9000"
    assert opsi["region_name"] == "us-east-1"
    assert opsi["querystring_expire"] == 60
    assert opsi["addressing_style"] == "path"
    assert opsi["file_overwrite"] is False
    assert opsi_s3(DASAR)["addressing_style"] is None  # AWS: boto3 chooses


def _impor_pengaturan(**env):
    lingkungan = {k: v for k, v in os.environ.items() if not k.startswith(("S3_", "REDIS_URL"))}
    lingkungan.update(env, DJANGO_SETTINGS_MODULE="jdih.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=lingkungan,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )


def test_bucket_without_keys_stops_the_start_at_settings_import():
    hasil = _impor_pengaturan(S3_BUCKET="jdih-media")
    assert hasil.returncode != 0
    assert "ImproperlyConfigured" in hasil.stderr
    assert "S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY kosong" in hasil.stderr


def test_settings_with_s3_use_the_s3_backend():
    hasil = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.STORAGES['default']['BACKEND'], s.S3_PRESIGN_DETIK)",
        ],
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("S3_")},
            **DASAR,
            "S3_ENDPOINT_URL": "http://127.0.0.1:9",
            "S3_PRESIGN_DETIK": "45",
            "DJANGO_SETTINGS_MODULE": "jdih.settings",
        },
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.split() == ["jdih.penyimpanan_s3.PenyimpananS3", "45"]
