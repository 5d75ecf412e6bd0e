"""Visitor statistics (publicsite.kunjungan): public HTML page views counted
per day and per path, no cookie, no address or user agent stored; the page
/statistik/pengunjung/."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from publicsite import kunjungan
from publicsite.models import KunjunganHalaman, KunjunganHarian
from tests.factories import buat_produk, buat_satker

PERAMBAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"
IP = "203.0.113.45"


@pytest.fixture(autouse=True)
def _bersih(monkeypatch, settings):
    cache.clear()
    monkeypatch.setattr(kunjungan, "_penyangga", kunjungan._Penyangga())
    settings.JDIH_PENGUNJUNG_SIMPAN_DETIK = 3600
    yield
    cache.clear()


def _buka(client, path, **extra):
    extra.setdefault("HTTP_USER_AGENT", PERAMBAN)
    extra.setdefault("REMOTE_ADDR", IP)
    return client.get(path, **extra)


def _halaman():
    return dict(KunjunganHalaman.objects.values_list("jalur", "jumlah"))


# --- what counts ----------------------------------------------------------


def _html(status=200, jenis="text/html; charset=utf-8"):
    return HttpResponse("<p>x</p>", status=status, content_type=jenis)


@pytest.mark.parametrize(
    "metode, path, agen, respons, hasil",
    [
        ("get", "/", PERAMBAN, _html(), True),
        ("get", "/kpu-ri/produk/1-x/", PERAMBAN, _html(), True),
        ("post", "/kpu-ri/survei/", PERAMBAN, _html(), False),
        ("head", "/", PERAMBAN, _html(), False),
        ("get", "/", PERAMBAN, _html(404), False),
        ("get", "/", PERAMBAN, _html(302), False),
        ("get", "/umpan/terbaru.xml", PERAMBAN, _html(jenis="application/atom+xml"), False),
        ("get", "/integrasi/jdihn.json", PERAMBAN, _html(jenis="application/json"), False),
        ("get", "/staf/", PERAMBAN, _html(), False),
        ("get", "/admin/login/", PERAMBAN, _html(), False),
        ("get", "/masuk/", PERAMBAN, _html(), False),
        ("get", "/api/v1/dokumen/", PERAMBAN, _html(), False),
        ("get", "/static/css/publik.css", PERAMBAN, _html(), False),
        ("get", "/kpu-ri/produk/1-x/unduh/", PERAMBAN, _html(), False),
        ("get", "/", "", _html(), False),
        ("get", "/", "Googlebot/2.1 (+http://www.google.com/bot.html)", _html(), False),
        ("get", "/", "curl/8.5.0", _html(), False),
        ("get", "/", "python-requests/2.31", _html(), False),
        ("get", "/", "Mozilla/5.0 HeadlessChrome/120", _html(), False),
    ],
)
def test_yang_dihitung_hanya_halaman_publik_html_bagi_manusia(metode, path, agen, respons, hasil):
    request = getattr(RequestFactory(), metode)(path, HTTP_USER_AGENT=agen)
    assert kunjungan.dihitung(request, respons) is hasil


def test_jalur_tanpa_query_dan_panjangnya_terbatas():
    assert kunjungan.jalur_normal("//cari//") == "/cari/"
    assert len(kunjungan.jalur_normal("/" + "a" * 5000)) == kunjungan.PANJANG_JALUR


# --- recording ------------------------------------------------------------


@pytest.mark.django_db
def test_kunjungan_dicatat_per_hari_dan_per_halaman_tanpa_data_pribadi(client):
    produk = buat_produk()
    assert _buka(client, "/").status_code == 200
    _buka(client, "/")
    _buka(client, "/cari/?q=rahasia+pribadi&tahun=2024")
    _buka(client, produk.get_absolute_url())
    _buka(client, "/", REMOTE_ADDR="198.51.100.2")
    _buka(client, "/tidak-ada-halaman/")  # 404
    _buka(client, "/", HTTP_USER_AGENT="Googlebot/2.1")
    kunjungan.simpan(paksa=True)
    assert _halaman() == {"/": 3, "/cari/": 1, produk.get_absolute_url(): 1}
    hari = KunjunganHarian.objects.get()
    assert hari.tanggal == kunjungan.hari_ini()
    assert (hari.jumlah, hari.pengunjung) == (5, 2)
    # Nothing of the visitor in any stored value: no address, agent, query.
    semua = [
        str(getattr(r, f.attname))
        for model in (KunjunganHalaman, KunjunganHarian)
        for r in model.objects.all()
        for f in model._meta.concrete_fields
    ]
    teks = " ".join(semua)
    assert IP not in teks and "198.51.100.2" not in teks
    assert "Mozilla" not in teks and "rahasia" not in teks and "?" not in teks
    kolom = {f.name for m in (KunjunganHalaman, KunjunganHarian) for f in m._meta.fields}
    assert kolom == {"id", "tanggal", "jalur", "jumlah", "pengunjung"}


@pytest.mark.django_db
def test_tidak_ada_cookie_dan_cache_hanya_memegang_hash(client):
    respons = _buka(client, "/")
    assert not respons.cookies
    assert "Set-Cookie" not in respons
    assert not any(IP in str(k) for k in cache._cache)
    garam = [k for k in cache._cache if "pengunjung:garam" in k]
    assert len(garam) == 1


@pytest.mark.django_db
def test_garam_berganti_setiap_hari(client, monkeypatch):
    from datetime import date

    monkeypatch.setattr(kunjungan, "hari_ini", lambda: date(2026, 3, 1))
    _buka(client, "/")
    monkeypatch.setattr(kunjungan, "hari_ini", lambda: date(2026, 3, 2))
    _buka(client, "/")
    garam = {k: v for k, v in cache._cache.items() if "pengunjung:garam" in k}
    assert len(garam) == 2 and len(set(garam.values())) == 2
    kunjungan.simpan(paksa=True)
    # The same visitor on the next day is a new visitor of that day.
    assert list(
        KunjunganHarian.objects.order_by("tanggal").values_list("pengunjung", flat=True)
    ) == [1, 1]


@pytest.mark.django_db
def test_hitungan_bertambah_dengan_upsert(client):
    _buka(client, "/")
    kunjungan.simpan(paksa=True)
    _buka(client, "/")
    _buka(client, "/")
    kunjungan.simpan(paksa=True)
    assert _halaman() == {"/": 3}
    assert KunjunganHarian.objects.get().jumlah == 3
    assert KunjunganHalaman.objects.count() == 1


@pytest.mark.django_db
def test_penyangga_tidak_menulis_di_dalam_transaksi_orang_lain(client, settings):
    settings.JDIH_PENGUNJUNG_SIMPAN_DETIK = 0
    with CaptureQueriesContext(connection) as kueri:
        _buka(client, "/statistik/")
    # The test runs inside a transaction: the counter waits for a clean one.
    assert not any("kunjungan" in q["sql"] for q in kueri.captured_queries)
    assert not KunjunganHalaman.objects.exists()
    kunjungan.simpan(paksa=True)
    assert _halaman() == {"/statistik/": 1}


@pytest.mark.django_db(transaction=True)
def test_penyangga_ditulis_berkala_tanpa_transaksi(client, settings):
    settings.JDIH_PENGUNJUNG_SIMPAN_DETIK = 3600
    _buka(client, "/")
    assert not KunjunganHalaman.objects.exists()  # still waiting in memory
    settings.JDIH_PENGUNJUNG_SIMPAN_DETIK = 0
    _buka(client, "/")
    assert _halaman() == {"/": 2}


@pytest.mark.django_db(transaction=True)
def test_penyangga_penuh_ditulis_lebih_awal(client, settings):
    settings.JDIH_PENGUNJUNG_MAKS_PENYANGGA = 2
    _buka(client, "/")
    assert not KunjunganHalaman.objects.exists()
    _buka(client, "/cari/")
    assert _halaman() == {"/": 1, "/cari/": 1}


@pytest.mark.django_db
def test_gagal_menyimpan_tidak_merusak_halaman(client, monkeypatch):
    def rusak(*a):
        raise RuntimeError("basis data mati")

    monkeypatch.setattr(kunjungan, "_tulis", rusak)
    assert _buka(client, "/").status_code == 200
    kunjungan.simpan(paksa=True)  # logged, not raised


@pytest.mark.django_db
def test_rincian_lama_dihapus_total_harian_tetap(client, settings):
    settings.JDIH_PENGUNJUNG_HARI_RINCIAN = 30
    lama = kunjungan.hari_ini() - timedelta(days=31)
    KunjunganHalaman.objects.create(tanggal=lama, jalur="/", jumlah=9)
    KunjunganHalaman.objects.create(tanggal=lama + timedelta(days=2), jalur="/", jumlah=4)
    KunjunganHarian.objects.create(tanggal=lama, jumlah=9, pengunjung=3)
    _buka(client, "/")
    kunjungan.simpan(paksa=True)
    assert not KunjunganHalaman.objects.filter(tanggal=lama).exists()
    assert KunjunganHalaman.objects.filter(tanggal=lama + timedelta(days=2)).exists()
    assert KunjunganHarian.objects.get(tanggal=lama).jumlah == 9


@pytest.mark.django_db
def test_pengunjung_dimatikan(client, settings):
    settings.JDIH_PENGUNJUNG_AKTIF = False
    _buka(client, "/")
    kunjungan.simpan(paksa=True)
    assert not KunjunganHalaman.objects.exists()


# --- the page -------------------------------------------------------------


@pytest.fixture
def riwayat():
    """Ten days of visits: the home page, a product, and a Satker's pages."""
    satker = buat_satker(nama="KPU Kabupaten Pengunjung", slug="pengunjung-a")
    produk = buat_produk(satker, judul="Penetapan Daftar Pemilih Pengunjung")
    hari = kunjungan.hari_ini()
    for i in range(10):
        t = hari - timedelta(days=i)
        KunjunganHalaman.objects.create(tanggal=t, jalur="/", jumlah=10 + i)
        KunjunganHalaman.objects.create(tanggal=t, jalur=produk.get_absolute_url(), jumlah=3)
        KunjunganHalaman.objects.create(tanggal=t, jalur=f"/{satker.slug}/", jumlah=1)
        KunjunganHarian.objects.create(tanggal=t, jumlah=14 + i, pengunjung=5)
    KunjunganHalaman.objects.create(tanggal=hari - timedelta(days=60), jalur="/cari/", jumlah=99)
    KunjunganHarian.objects.create(tanggal=hari - timedelta(days=60), jumlah=99, pengunjung=9)
    return satker, produk


@pytest.mark.django_db
def test_halaman_pengunjung_grafik_harian_dan_halaman_teratas(client, riwayat):
    satker, produk = riwayat
    respons = client.get("/statistik/pengunjung/")
    assert respons.status_code == 200
    data = respons.context["data"]
    assert len(data["per_hari"]) == 30
    assert data["total"] == sum(14 + i for i in range(10))
    assert data["pengunjung"] == 50
    assert [j for j, _, _ in data["teratas"]] == [
        "/",
        produk.get_absolute_url(),
        f"/{satker.slug}/",
    ]
    judul = {j: t for j, t, _ in data["teratas"]}
    assert judul[produk.get_absolute_url()] == "Penetapan Daftar Pemilih Pengunjung"
    assert judul[f"/{satker.slug}/"] == "KPU Kabupaten Pengunjung"
    assert judul["/"] == "Beranda"
    teks = respons.content.decode()
    assert 'role="img"' in teks and "<desc" in teks and "<table>" in teks
    assert "/cari/" not in [j for j, _, _ in data["teratas"]]  # 60 days ago
    assert not respons.cookies


@pytest.mark.django_db
def test_periode_90_hari_memuat_data_lama(client, riwayat):
    data = client.get("/statistik/pengunjung/?hari=90").context["data"]
    assert len(data["per_hari"]) == 90
    assert "/cari/" in [j for j, _, _ in data["teratas"]]


@pytest.mark.django_db
def test_saringan_satker_hanya_halaman_satker_itu(client, riwayat):
    satker, produk = riwayat
    respons = client.get(f"/statistik/pengunjung/?satker={satker.slug}")
    data = respons.context["data"]
    assert [j for j, _, _ in data["teratas"]] == [produk.get_absolute_url(), f"/{satker.slug}/"]
    assert data["total"] == 40
    assert data["pengunjung"] is None  # distinct visitors are counted site-wide only


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["hari=abc", "hari=5", "hari=99999999999999999999", "satker=tidak-ada", "satker=%00"]
)
def test_parameter_tidak_sah_galat_formulir_bukan_500(client, query):
    respons = client.get(f"/statistik/pengunjung/?{query}")
    assert respons.status_code == 400
    assert 'class="galat"' in respons.content.decode()


@pytest.mark.django_db
def test_jumlah_kueri_halaman_pengunjung_tetap(client, riwayat):
    with CaptureQueriesContext(connection) as awal:
        client.get("/statistik/pengunjung/?hari=7")
    hari = kunjungan.hari_ini()
    for i in range(25):
        p = buat_produk(riwayat[0], berkas=False)
        KunjunganHalaman.objects.create(tanggal=hari, jalur=p.get_absolute_url(), jumlah=50 + i)
    cache.clear()
    with CaptureQueriesContext(connection) as banyak:
        respons = client.get("/statistik/pengunjung/?hari=7")
    assert len(respons.context["data"]["teratas"]) == 20
    assert len(banyak.captured_queries) == len(awal.captured_queries)


@pytest.mark.django_db
def test_tanpa_parameter_pilihan_periode_sesuai_data_30_hari(client):
    html = client.get("/statistik/pengunjung/").content.decode()
    assert '<option value="30" selected>30 hari terakhir</option>' in html
