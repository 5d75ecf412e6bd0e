"""Harvests are not readers: the JDIHN feed and its file URLs move no public
counter, every fetch of a feed is logged, and staff read the log in admin."""

import json

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from django.urls import reverse

from documents.models import ProdukHukum
from documents.publikasi import turunkan
from publicsite import nama_berkas, views_integrasi
from publicsite.models import PanenJDIHN
from tests.factories import buat_pengguna, buat_produk, buat_satker
from tests.publik_helpers import isi, url

pytestmark = pytest.mark.django_db

AGEN = "JDIHN-Harvester/2.0 (+https://jdihn.go.id)"


def _url_berkas(produk, nama=None):
    return reverse("publicsite:jdihn-berkas", args=[produk.pk, nama or nama_berkas.naskah(produk)])


def _hitungan(produk):
    produk.refresh_from_db(fields=["jumlah_dilihat", "jumlah_unduhan"])
    return produk.jumlah_dilihat, produk.jumlah_unduhan


def test_umpan_dan_berkas_panen_tidak_menghitung_sedangkan_unduhan_publik_menghitung(client):
    produk = buat_produk()
    data = json.loads(isi(client.get("/integrasi/jdihn.json")))
    (item,) = data
    alamat_berkas = item["urlDownload"].removeprefix("http://testserver")
    assert alamat_berkas == _url_berkas(produk)
    assert client.get(alamat_berkas).status_code == 200
    assert client.head(alamat_berkas).status_code == 200
    isi(client.get(f"/{produk.satker.slug}/integrasi/jdihn.json"))
    assert _hitungan(produk) == (0, 0)
    assert client.get(url("unduh", produk)).status_code == 200
    assert _hitungan(produk) == (0, 1)


def test_berkas_panen_mengirim_pdf_bernama_tanpa_cache(client):
    produk = buat_produk()
    respons = client.get(_url_berkas(produk))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/pdf"
    assert respons["Cache-Control"] == "no-cache"
    assert f'filename="{nama_berkas.naskah(produk)}"' in respons["Content-Disposition"]
    assert b"".join(respons.streaming_content).startswith(b"%PDF")


def test_berkas_panen_404_untuk_yang_tidak_boleh_dipanen(client):
    draf = buat_produk(terbit=False)
    diturunkan = buat_produk()
    turunkan(diturunkan)
    tidak_ikut = buat_produk(ikut_jdihn=False)
    sah = buat_produk()
    for alamat in (
        _url_berkas(draf),
        _url_berkas(diturunkan),
        _url_berkas(tidak_ikut),
        _url_berkas(sah, "naskah-lain.pdf"),
        _url_berkas(sah, f"abstrak-{sah.slug}.pdf"),
        reverse("publicsite:jdihn-berkas", args=[999999, "x.pdf"]),
    ):
        for metode in (client.get, client.head):
            respons = metode(alamat)
            assert respons.status_code == 404, alamat
            assert b"%PDF" not in respons.content
    assert client.post(_url_berkas(sah)).status_code == 405
    assert client.get(_url_berkas(sah)).status_code == 200


def test_berkas_panen_404_bila_versi_terbaru_belum_terbit(client):
    produk = buat_produk(terbit=False)
    ProdukHukum.objects.filter(pk=produk.pk).update(status_publikasi="terbit")
    assert client.get(_url_berkas(produk)).status_code == 404


def test_log_panen_mencatat_item_bita_agen_dan_alamat(client):
    satker = buat_satker()
    buat_produk(satker=satker, berkas=False)
    buat_produk(berkas=False)
    respons = client.get("/integrasi/jdihn.json", HTTP_USER_AGENT=AGEN, REMOTE_ADDR="203.0.113.7")
    assert respons["Cache-Control"] == "no-cache"
    badan = b"".join(respons.streaming_content)
    panen = PanenJDIHN.objects.get()
    assert panen.satker is None
    assert panen.jumlah_item == 2
    assert panen.jumlah_bita == len(badan)
    assert panen.agen_pengguna == AGEN
    assert panen.alamat == "203.0.113.7"
    assert panen.selesai and panen.jumlah_dilewati == 0 and panen.dilewati == []

    isi(client.get(f"/{satker.slug}/integrasi/jdihn.json", HTTP_USER_AGENT="x" * 900))
    per_satker = PanenJDIHN.objects.get(satker=satker)
    assert per_satker.jumlah_item == 1
    assert per_satker.agen_pengguna == "x" * 500


def test_alamat_yang_bukan_ip_tidak_menggagalkan_log(client):
    buat_produk(berkas=False)
    isi(client.get("/integrasi/jdihn.json", REMOTE_ADDR=""))
    panen = PanenJDIHN.objects.get()
    assert panen.alamat is None and panen.selesai


def test_panen_yang_terputus_dicatat_belum_selesai(rf):
    buat_produk(berkas=False)
    respons = views_integrasi.umpan(rf.get("/integrasi/jdihn.json"))
    assert next(iter(respons.streaming_content)).startswith(b"[")
    assert not PanenJDIHN.objects.exists()  # written when the stream ends
    # The server closes the response when the harvester hangs up. As the test
    # client does, keep request_finished from closing the test's connection.
    request_finished.disconnect(close_old_connections)
    try:
        respons.close()
    finally:
        request_finished.connect(close_old_connections)
    panen = PanenJDIHN.objects.get()
    assert panen.selesai is False
    assert panen.jumlah_item == 0  # no piece was confirmed sent


def test_head_umpan_tanpa_badan_dan_tanpa_log(client):
    buat_produk(berkas=False)
    respons = client.head("/integrasi/jdihn.json")
    assert respons.status_code == 200
    assert respons["Content-Type"].startswith("application/json")
    assert isi(respons) == ""
    assert not PanenJDIHN.objects.exists()
    assert client.head("/tidak-ada/integrasi/jdihn.json").status_code == 404
    assert client.post("/integrasi/jdihn.json").status_code == 405


def test_admin_log_panen_tampil_untuk_superuser_dan_hanya_baca(client):
    satker = buat_satker(nama="KPU Kabupaten Panen")
    buat_produk(satker=satker, berkas=False)
    tanpa = buat_produk(satker=satker, berkas=False, tanggal_penetapan=None)
    isi(client.get("/integrasi/jdihn.json", HTTP_USER_AGENT=AGEN))
    isi(client.get(f"/{satker.slug}/integrasi/jdihn.json"))
    isi(client.get(f"/{satker.slug}/integrasi/jdihn.json"))
    admin = buat_pengguna(is_staff=True, is_superuser=True)
    client.force_login(admin)

    daftar = client.get("/admin/publicsite/panenjdihn/")
    assert daftar.status_code == 200
    teks = daftar.content.decode()
    assert "Panen terakhir umpan nasional" in teks
    assert "Nasional" in teks and "KPU Kabupaten Panen" in teks
    assert "JDIHN-Harvester/2.0" in teks

    terakhir = client.get("/admin/publicsite/panenjdihn/", {"tampil": "terakhir"})
    assert terakhir.status_code == 200
    assert {p.satker_id for p in terakhir.context["cl"].result_list} == {None, satker.pk}
    assert len(terakhir.context["cl"].result_list) == 2
    per_satker = client.get("/admin/publicsite/panenjdihn/", {"lingkup": str(satker.pk)})
    assert len(per_satker.context["cl"].result_list) == 2
    nasional = client.get("/admin/publicsite/panenjdihn/", {"lingkup": "nasional"})
    assert len(nasional.context["cl"].result_list) == 1

    panen = PanenJDIHN.objects.get(satker__isnull=True)
    rinci = client.get(f"/admin/publicsite/panenjdihn/{panen.pk}/change/")
    assert rinci.status_code == 200
    assert reverse("admin:documents_produkhukum_change", args=[tanpa.pk]) in rinci.content.decode()
    assert "Tanggal penetapan belum diisi." in rinci.content.decode()

    assert client.get("/admin/publicsite/panenjdihn/add/").status_code == 403
    assert client.post(f"/admin/publicsite/panenjdihn/{panen.pk}/change/", {}).status_code == 403
    assert client.get(f"/admin/publicsite/panenjdihn/{panen.pk}/delete/").status_code == 403
    assert PanenJDIHN.objects.count() == 3


def test_admin_log_panen_kosong_tetap_tampil(client):
    client.force_login(buat_pengguna(is_staff=True, is_superuser=True))
    respons = client.get("/admin/publicsite/panenjdihn/")
    assert respons.status_code == 200
    assert "Umpan nasional belum pernah dipanen." in respons.content.decode()
