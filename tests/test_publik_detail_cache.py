"""The detail page is rendered once per change of the product and served from
the cache after that — yet a take-down takes effect at once, every view is
counted, and a new version or relation shows on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import JenisRelasi, ProdukHukum, StatusPublikasi
from documents.publikasi import turunkan
from tests.factories import buat_produk, pdf_teks
from tests.publik_helpers import relasikan, url, versi_baru

pytestmark = pytest.mark.django_db


def _kueri(client, alamat, metode="get", **extra):
    with CaptureQueriesContext(connection) as ctx:
        respons = getattr(client, metode)(alamat, **extra)
    return respons, len(ctx.captured_queries)


def test_permintaan_dari_cache_hanya_satu_kueri_tanpa_sesi(client):
    produk = buat_produk()
    pertama, n_pertama = _kueri(client, url("detail", produk))
    kedua, n_kedua = _kueri(client, url("detail", produk))
    assert pertama.status_code == kedua.status_code == 200
    assert n_kedua == 1 < n_pertama
    assert "Set-Cookie" not in kedua and not kedua.cookies


def test_halaman_dari_cache_sama_dengan_render_penuh_kecuali_penghitung(client):
    produk = buat_produk()
    pertama = client.get(url("detail", produk)).content.decode()
    kedua = client.get(url("detail", produk)).content.decode()
    assert "Dilihat 1 kali · diunduh 0 kali" in pertama
    assert "Dilihat 2 kali · diunduh 0 kali" in kedua
    assert pertama.replace("Dilihat 1 kali", "Dilihat 2 kali") == kedua
    assert "@@" not in kedua


def test_penghitung_tetap_bertambah_dari_cache_dan_unduhan_tampil(client):
    produk = buat_produk()
    for _ in range(4):
        client.get(url("detail", produk))
    client.get(url("unduh", produk))
    teks = client.get(url("detail", produk)).content.decode()
    assert ProdukHukum.objects.get(pk=produk.pk).jumlah_dilihat == 5
    assert "Dilihat 5 kali · diunduh 1 kali" in teks


def test_head_tidak_menambah_penghitung(client):
    produk = buat_produk()
    client.get(url("detail", produk))
    respons, n = _kueri(client, url("detail", produk), metode="head")
    assert respons.status_code == 200 and n == 1
    assert ProdukHukum.objects.get(pk=produk.pk).jumlah_dilihat == 1


def test_halaman_dari_cache_langsung_404_setelah_diturunkan(client):
    produk = buat_produk()
    client.get(url("detail", produk))
    turunkan(ProdukHukum.objects.get(pk=produk.pk))
    respons = client.get(url("detail", produk))
    assert respons.status_code == 404
    assert "sedang diperbaiki" in respons.content.decode()


def test_halaman_dari_cache_langsung_404_setelah_kembali_draf_tanpa_sentuh_stempel(client):
    produk = buat_produk()
    client.get(url("detail", produk))
    # Even a write that leaves diubah_pada alone (update()) takes effect.
    ProdukHukum.objects.filter(pk=produk.pk).update(status_publikasi=StatusPublikasi.DRAF)
    assert client.get(url("detail", produk)).status_code == 404


def test_versi_baru_yang_terbit_langsung_tampil(client):
    produk = buat_produk()
    assert "Versi 1 (berlaku sekarang)" in client.get(url("detail", produk)).content.decode()
    versi_baru(produk, pdf_teks("Naskah versi dua"), keterangan="Perbaikan lampiran")
    teks = client.get(url("detail", produk)).content.decode()
    assert "Versi 2 (berlaku sekarang)" in teks and "Perbaikan lampiran" in teks


def test_relasi_baru_dari_produk_lain_langsung_tampil(client):
    lama = buat_produk(judul="Tata Kerja Lama", berkas=False)
    client.get(url("detail", lama))
    baru = buat_produk(judul="Tata Kerja Baru", berkas=False)
    relasikan(baru, JenisRelasi.MENCABUT, lama)
    assert f'href="{baru.get_absolute_url()}"' in client.get(url("detail", lama)).content.decode()


def test_url_absolut_opengraph_mengikuti_host(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "jdih.contoh.go.id"]
    produk = buat_produk(berkas=False)
    client.get(url("detail", produk))
    lain = client.get(url("detail", produk), HTTP_HOST="jdih.contoh.go.id").content.decode()
    assert f'og:url" content="http://jdih.contoh.go.id{produk.get_absolute_url()}"' in lain
    sini = client.get(url("detail", produk)).content.decode()
    assert f'og:url" content="http://testserver{produk.get_absolute_url()}"' in sini


def test_slug_lama_tetap_dialihkan_walau_halaman_ada_di_cache(client):
    produk = buat_produk(berkas=False)
    client.get(url("detail", produk))
    respons = client.get(f"/{produk.satker.slug}/produk/{produk.pk}-salah/")
    assert respons.status_code == 301 and respons["Location"] == produk.get_absolute_url()
    assert ProdukHukum.objects.get(pk=produk.pk).jumlah_dilihat == 1


def test_satker_salah_di_alamat_menjawab_404_walau_halaman_ada_di_cache(client):
    produk = buat_produk(berkas=False)
    lain = buat_produk(berkas=False, judul="Produk satker lain")
    client.get(url("detail", produk))
    alamat = url("detail", produk).replace(f"/{produk.satker.slug}/", f"/{lain.satker.slug}/")
    if lain.satker.slug != produk.satker.slug:
        assert client.get(alamat).status_code == 404
