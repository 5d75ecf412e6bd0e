"""manage.py buat_data_skala: the 553 offices with their real parents, published
products the portal shows and finds, idempotent offices, and --kosongkan that
removes only what the generator made. Runs on SQLite and PostgreSQL (small N)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from documents.models import ProdukHukum, Satker, VersiBerkas
from documents.pencarian import perbarui_indeks
from documents.skala.muat import PENANDA_LOKASI
from documents.skala.wilayah import daftar_kantor
from publicsite.converters import KATA_CADANGAN
from tests.factories import buat_produk, buat_satker
from workflow.models import JejakAudit, Permohonan

pytestmark = pytest.mark.django_db

postgres_saja = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="pencarian teks penuh hanya di PostgreSQL"
)


def _bangkitkan(*argumen):
    call_command("buat_data_skala", *argumen, stdout=open("/dev/null", "w"))


def _dibangkitkan():
    return ProdukHukum.objects.filter(lokasi=PENANDA_LOKASI)


def test_pohon_satker_berisi_pusat_38_provinsi_dan_514_kabupaten_kota():
    _bangkitkan("--satker-saja")
    assert Satker.objects.filter(tingkat="pusat").count() == 1
    assert Satker.objects.filter(tingkat="provinsi").count() == 38
    assert Satker.objects.filter(tingkat="kabupaten-kota").count() == 514
    slug = list(Satker.objects.values_list("slug", flat=True))
    assert len(slug) == len(set(slug)) == 553
    assert not set(slug) & KATA_CADANGAN


def test_setiap_kabupaten_kota_berinduk_provinsinya_dan_provinsi_berinduk_kpu_ri():
    _bangkitkan("--satker-saja")
    induk = dict(Satker.objects.values_list("slug", "induk__slug"))
    tingkat = dict(Satker.objects.values_list("slug", "tingkat"))
    for k in daftar_kantor():
        assert induk[k.slug] == k.induk
        if k.tingkat == "kabupaten-kota":
            assert tingkat[k.induk] == "provinsi"
    s = Satker.objects.get(slug="kotawaringin-timur")
    assert (s.nama, s.induk.slug, s.zona_waktu) == (
        "KPU Kabupaten Kotawaringin Timur",
        "kalimantan-tengah",
        "Asia/Jakarta",
    )
    assert Satker.objects.get(slug="bali").zona_waktu == "Asia/Makassar"
    assert Satker.objects.get(slug="papua-pegunungan").zona_waktu == "Asia/Jayapura"
    assert Satker.objects.get(slug="kota-bandung").induk.slug == "jawa-barat"
    assert Satker.objects.get(slug="kpu-ri").teu_badan == "Indonesia. Komisi Pemilihan Umum"


def test_menjalankan_ulang_tidak_menggandakan_atau_mengubah_satker():
    _bangkitkan("--satker-saja")
    sebelum = dict(Satker.objects.values_list("slug", "pk"))
    _bangkitkan("--satker-saja")
    assert dict(Satker.objects.values_list("slug", "pk")) == sebelum


def test_satker_yang_sudah_ada_dipakai_bukan_digandakan():
    ada = buat_satker(nama="KPU Kota Payakumbuh", slug="payakumbuh", tempat="Payakumbuh")
    _bangkitkan("--satker-saja")
    assert Satker.objects.count() == 553
    assert Satker.objects.get(slug="payakumbuh").pk == ada.pk


def test_produk_terbit_dengan_satu_versi_terbit_tampil_dan_dapat_diunduh(client):
    _bangkitkan("--produk", "40", "--permohonan", "3", "--batch", "15")
    produk = _dibangkitkan().filter(status_publikasi="terbit")
    assert produk.count() == 40
    assert (
        VersiBerkas.objects.filter(produk__in=produk, diterbitkan_pada__isnull=False).count() == 40
    )
    contoh = produk.select_related("satker", "jenis").order_by("pk").first()
    versi = contoh.versi.get()
    assert versi.jumlah_halaman >= 1 and len(versi.teks.split()) > 150
    assert "Menimbang" in versi.teks and "MEMUTUSKAN" in versi.teks
    assert contoh.abstrak and contoh.subjek and contoh.daftar_subjek.exists()
    respons = client.get(contoh.get_absolute_url())
    assert respons.status_code == 200
    assert contoh.judul in respons.content.decode()
    unduh = client.get(
        reverse("publicsite:unduh", args=[contoh.satker.slug, contoh.pk, contoh.slug])
    )
    assert unduh.status_code in (200, 302)
    if unduh.status_code == 200:
        isi = b"".join(unduh.streaming_content) if unduh.streaming else unduh.content
        assert isi.startswith(b"%PDF") and len(isi) == versi.ukuran


def test_tahun_dan_satker_tersebar_dan_nomor_unik():
    _bangkitkan("--produk", "120", "--permohonan", "0")
    produk = _dibangkitkan()
    tahun = set(produk.values_list("tahun", flat=True))
    assert min(tahun) >= 2000 and len(tahun) >= 10
    assert produk.values("satker").distinct().count() >= 60
    kunci = list(produk.values_list("satker", "jenis", "nomor", "tahun"))
    assert len(kunci) == len(set(kunci))


def test_permohonan_terbuka_tersebar_dan_sebagian_lewat_mutu_baku():
    _bangkitkan("--produk", "5", "--permohonan", "12")
    permohonan = Permohonan.objects.all()
    assert permohonan.count() == 12
    assert permohonan.values("satker").distinct().count() >= 5
    assert all(not p.selesai for p in permohonan)
    for p in permohonan:
        assert p.jejak.filter(aksi="ajukan").exists()
    assert permohonan.filter(status_sejak__lt=timezone.now() - timedelta(hours=1)).exists()


@postgres_saja
def test_pencarian_portal_menemukan_produk_dari_kata_judul(client):
    _bangkitkan("--produk", "30", "--permohonan", "0")
    contoh = _dibangkitkan().select_related("satker").order_by("pk")[3]
    respons = client.get(
        "/cari/", {"q": contoh.judul, "satker": contoh.satker.slug, "tahun": contoh.tahun}
    )
    assert contoh.pk in [p.pk for p in respons.context["hasil"]]


@postgres_saja
def test_vektor_cari_dari_pemuatan_massal_sama_dengan_yang_dibangun_aplikasi():
    _bangkitkan("--produk", "25", "--permohonan", "0")
    ids = list(_dibangkitkan().values_list("pk", flat=True))
    massal = dict(ProdukHukum.objects.filter(pk__in=ids).values_list("pk", "search_vector"))
    assert all(massal.values())
    perbarui_indeks(ids)
    assert dict(ProdukHukum.objects.filter(pk__in=ids).values_list("pk", "search_vector")) == massal


def test_kosongkan_hanya_menghapus_data_bangkitan():
    satker_lain = buat_satker(nama="KPU Kabupaten Uji Tetap", slug="uji-tetap")
    milik_lain = buat_produk(satker=satker_lain, judul="Produk yang bukan bangkitan")
    _bangkitkan("--produk", "20", "--permohonan", "4")
    assert _dibangkitkan().exists()
    _bangkitkan("--kosongkan")
    assert not _dibangkitkan().exists()
    assert not Permohonan.objects.exists()
    assert ProdukHukum.objects.filter(pk=milik_lain.pk).exists()
    assert Satker.objects.filter(pk=satker_lain.pk).exists()
    # The append-only audit trail keeps the offices it names, and only those.
    disebut = set(JejakAudit.objects.values_list("satker__slug", flat=True))
    tersisa = set(Satker.objects.exclude(pk=satker_lain.pk).values_list("slug", flat=True))
    induk = set(Satker.objects.filter(slug__in=disebut).values_list("induk__slug", flat=True)) | {
        "kpu-ri"
    }
    assert disebut <= tersisa <= disebut | induk


def test_kosongkan_lalu_bangkitkan_lagi_berhasil():
    _bangkitkan("--produk", "10", "--permohonan", "0")
    _bangkitkan("--kosongkan", "--produk", "10", "--permohonan", "0")
    assert _dibangkitkan().count() == 10
    assert Satker.objects.count() == 553
    if connection.vendor == "postgresql":
        assert not _dibangkitkan().filter(search_vector__isnull=True).exists()
