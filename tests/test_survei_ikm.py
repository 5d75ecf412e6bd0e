"""Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017): the index computed
against a worked example, the anonymous public form and its abuse limits,
and who may read the results."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from survei import batas, ikm
from survei.demo import muat_demo
from survei.models import ResponsSurvei
from tests.alur_helpers import buat_pengguna, buat_tim
from tests.factories import buat_satker
from tests.survei_helpers import buat_respons, jawaban, url_survei

pytestmark = pytest.mark.django_db

CONTOH = [
    # U1 U2 U3 U4 U5 U6 U7 U8 U9
    (4, 3, 2, 4, 3, 3, 4, 2, 3),
    (3, 3, 3, 4, 3, 4, 4, 2, 3),
    (3, 3, 3, 4, 4, 4, 4, 3, 3),
    (4, 3, 4, 4, 4, 4, 4, 3, 4),
]


@pytest.fixture(autouse=True)
def _bersih(settings):
    cache.clear()
    settings.JDIH_SURVEI_MIN_DETIK = 0
    yield
    cache.clear()


# --- the computation ------------------------------------------------------


def test_ikm_contoh_hitungan_tangan():
    """Four respondents (CONTOH), by hand:

    U1 4+3+3+4 = 14 → NRR 14/4 = 3,50     U6 3+4+4+4 = 15 → 3,75
    U2 3+3+3+3 = 12 → 3,00                U7 4+4+4+4 = 16 → 4,00
    U3 2+3+3+4 = 12 → 3,00                U8 2+2+3+3 = 10 → 2,50
    U4 4+4+4+4 = 16 → 4,00                U9 3+3+3+4 = 13 → 3,25
    U5 3+3+4+4 = 14 → 3,50

    Σ NRR = 30,50; NRR tertimbang U1 = 3,50 × 0,111 = 0,3885, …;
    indeks = Σ NRR tertimbang = 30,50 × 0,111 = 3,3855;
    IKM unit = 3,3855 × 25 = 84,6375 → 84,64 (2 desimal, setengah ke atas);
    76,61 ≤ 84,64 ≤ 88,30 → mutu B, kinerja Baik.
    """
    jumlah = {}
    for i, kode in enumerate(f"u{n}" for n in range(1, 10)):
        nilai = [r[i] for r in CONTOH]
        jumlah[kode] = (sum(nilai), len(nilai))
    hasil = ikm.hitung(4, jumlah)
    nrr = [u.nrr_tampil for u in hasil.unsur]
    assert nrr == [Decimal(x) for x in "3.50 3.00 3.00 4.00 3.50 3.75 4.00 2.50 3.25".split()]
    assert hasil.unsur[0].nrr_tertimbang_tampil == Decimal("0.3885")
    assert hasil.indeks == Fraction(33855, 10000)
    assert hasil.indeks_tampil == Decimal("3.3855")
    assert hasil.ikm_unit == Decimal("84.64")
    assert (hasil.mutu, hasil.kinerja) == ("B", "Baik")


def test_ikm_dari_basis_data_sama_dengan_contoh():
    satker = buat_satker()
    for r in CONTOH:
        buat_respons(satker, r)
    buat_respons(buat_satker(), (1,) * 9)  # another office does not count
    from survei.selectors import hasil_ikm

    hari = date.today()
    hasil = hasil_ikm(satker, hari - timedelta(days=1), hari + timedelta(days=1))
    assert hasil.responden == 4
    assert hasil.ikm_unit == Decimal("84.64")
    assert hasil.mutu == "B"


@pytest.mark.parametrize(
    "nilai, huruf",
    [
        ("25.00", "D"),
        ("64.99", "D"),
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.31", "A"),
        ("100.00", "A"),
    ],
)
def test_mutu_menurut_interval_konversi(nilai, huruf):
    assert ikm.mutu(Decimal(nilai))[0] == huruf


def test_nilai_di_celah_interval_dibulatkan_dulu():
    # 76,605 lies between 76,60 (C) and 76,61 (B): rounded half up to 76,61.
    assert ikm.bulat(Fraction(76605, 1000), 2) == Decimal("76.61")
    assert ikm.mutu(ikm.bulat(Fraction(76605, 1000), 2))[0] == "B"
    assert ikm.bulat(Fraction(76604, 1000), 2) == Decimal("76.60")


def test_nilai_empat_pada_semua_unsur_memberi_99_90_karena_bobot_0_111():
    hasil = ikm.hitung(3, {f"u{n}": (12, 3) for n in range(1, 10)})
    assert hasil.ikm_unit == Decimal("99.90")
    assert hasil.mutu == "A"
    hasil = ikm.hitung(3, {f"u{n}": (3, 3) for n in range(1, 10)})
    assert hasil.ikm_unit == Decimal("24.98")
    assert hasil.mutu == "D"


def test_nrr_dibagi_responden_yang_menjawab_unsur_itu():
    jumlah = {f"u{n}": (8, 2) for n in range(1, 10)}
    jumlah["u4"] = (4, 1)  # one of the two left U4 blank
    hasil = ikm.hitung(2, jumlah)
    assert hasil.unsur[3].nrr == 4
    assert hasil.ikm_unit == Decimal("99.90")


def test_tanpa_jawaban_indeks_tidak_dihitung():
    hasil = ikm.hitung(0, {})
    assert hasil.ikm_unit is None and hasil.mutu is None
    assert all(u.nrr is None for u in hasil.unsur)


# --- the public form ------------------------------------------------------


def test_formulir_tampil_dengan_sembilan_unsur_dan_tanpa_isian_identitas(client):
    satker = buat_satker()
    respons = client.get(url_survei(satker))
    assert respons.status_code == 200
    teks = respons.content.decode()
    assert teks.count("<fieldset") == 9
    assert "Tidak sesuai" in teks and "Dikelola dengan baik" in teks and "Gratis" in teks
    for kata in ('name="nama"', 'name="email"', 'type="email"', 'name="telepon"'):
        assert kata not in teks
    assert "no-store" in respons["Cache-Control"] or "max-age=0" in respons["Cache-Control"]


def test_jawaban_tersimpan_tanpa_data_pribadi(client):
    satker = buat_satker()
    respons = client.post(
        url_survei(satker),
        jawaban(pekerjaan="pelajar", usia="20-29", komentar="  Mohon tambah lampiran.  "),
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Mozilla/5.0 Uji",
    )
    assert respons.status_code == 302
    assert respons["Location"] == reverse("publicsite:survei-terima-kasih", args=[satker.slug])
    r = ResponsSurvei.objects.get()
    assert (r.satker, r.u1, r.u8, r.pekerjaan, r.usia) == (satker, 4, 2, "pelajar", "20-29")
    assert r.komentar == "Mohon tambah lampiran."
    kolom = {f.name for f in ResponsSurvei._meta.get_fields()}
    assert not kolom & {"alamat", "ip", "agen_pengguna", "nama", "email", "pengguna", "waktu"}
    nilai = " ".join(str(getattr(r, f.attname)) for f in ResponsSurvei._meta.concrete_fields)
    assert "203.0.113.9" not in nilai and "Mozilla" not in nilai
    # The cache holds only a keyed hash of the address.
    assert not any("203.0.113.9" in str(k) for k in cache._cache)
    assert client.get(respons["Location"]).status_code == 200


def test_semua_unsur_wajib_dijawab(client):
    satker = buat_satker()
    data = jawaban()
    del data["u5"]
    respons = client.post(url_survei(satker), data)
    assert respons.status_code == 400
    assert "Pilih salah satu jawaban untuk unsur Produk spesifikasi" in respons.content.decode()
    assert not ResponsSurvei.objects.exists()


@pytest.mark.parametrize("nilai", ["5", "0", "abc", "1.5", "", "\x00", "4" * 500])
def test_nilai_di_luar_skala_ditolak(client, nilai):
    satker = buat_satker()
    respons = client.post(url_survei(satker), jawaban(u3=nilai))
    assert respons.status_code == 400
    assert not ResponsSurvei.objects.exists()


@pytest.mark.parametrize("kolom, nilai", [("pekerjaan", "presiden"), ("usia", "x" * 50)])
def test_profil_di_luar_pilihan_ditolak(client, kolom, nilai):
    respons = client.post(url_survei(buat_satker()), jawaban(**{kolom: nilai}))
    assert respons.status_code == 400


def test_komentar_terlalu_panjang_ditolak(client):
    respons = client.post(url_survei(buat_satker()), jawaban(komentar="a" * 1001))
    assert respons.status_code == 400
    assert not ResponsSurvei.objects.exists()


def test_satker_tidak_dikenal_404(client):
    assert client.get("/tidak-ada-satker/survei/").status_code == 404
    assert client.post("/tidak-ada-satker/survei/", jawaban()).status_code == 404
    assert client.get("/tidak-ada-satker/survei/terima-kasih/").status_code == 404


# --- abuse limits ---------------------------------------------------------


def test_terkirim_terlalu_cepat_ditolak(client, settings):
    settings.JDIH_SURVEI_MIN_DETIK = 8
    respons = client.post(url_survei(buat_satker()), jawaban())
    assert respons.status_code == 400
    assert "terlalu cepat" in respons.content.decode()
    assert not ResponsSurvei.objects.exists()


def test_formulir_setelah_waktu_minimum_diterima(client, settings, monkeypatch):
    settings.JDIH_SURVEI_MIN_DETIK = 8
    data = jawaban()
    sekarang = batas.time.time()
    monkeypatch.setattr(batas.time, "time", lambda: sekarang + 9)
    assert client.post(url_survei(buat_satker()), data).status_code == 302


def test_formulir_kedaluwarsa_ditolak(client, settings, monkeypatch):
    data = jawaban()
    sekarang = batas.time.time()
    monkeypatch.setattr(batas.time, "time", lambda: sekarang + settings.JDIH_SURVEI_MAKS_DETIK + 5)
    respons = client.post(url_survei(buat_satker()), data)
    assert respons.status_code == 400
    assert "terlalu lama" in respons.content.decode()


@pytest.mark.parametrize("token", ["", "palsu", "eyJ0IjoxfQ:abc:def", "a" * 300])
def test_token_palsu_ditolak(client, token):
    respons = client.post(url_survei(buat_satker()), jawaban(token=token))
    assert respons.status_code == 400
    assert not ResponsSurvei.objects.exists()


def test_jebakan_terisi_diterima_seolah_berhasil_tetapi_tidak_disimpan(client):
    satker = buat_satker()
    respons = client.post(url_survei(satker), jawaban(situs_web="http://spam.example"))
    assert respons.status_code == 302
    assert "terima-kasih" in respons["Location"]
    assert not ResponsSurvei.objects.exists()


def test_batas_pengiriman_per_jam_per_alamat(client, settings):
    settings.JDIH_SURVEI_BATAS_JAM = 3
    satker = buat_satker()
    for _ in range(3):
        assert client.post(url_survei(satker), jawaban(u1="9")).status_code == 400
    ditolak = client.post(url_survei(satker), jawaban())
    assert ditolak.status_code == 429
    assert "Terlalu banyak pengiriman" in ditolak.content.decode()
    # Another address is not held back by this one.
    assert client.post(url_survei(satker), jawaban(), REMOTE_ADDR="198.51.100.7").status_code == 302


def test_batas_jawaban_harian_per_alamat(client, settings):
    settings.JDIH_SURVEI_BATAS_HARI = 2
    satker, lain = buat_satker(), buat_satker()
    assert client.post(url_survei(satker), jawaban()).status_code == 302
    assert client.post(url_survei(lain), jawaban()).status_code == 302
    assert client.post(url_survei(satker), jawaban()).status_code == 429
    assert ResponsSurvei.objects.count() == 2


def test_alamat_dari_proxy_tepercaya_yang_dibatasi(client, settings):
    settings.JDIH_PROXY_TEPERCAYA = ["10.0.0.1"]
    settings.JDIH_SURVEI_BATAS_HARI = 1
    satker = buat_satker()
    lewat = {"REMOTE_ADDR": "10.0.0.1"}
    assert (
        client.post(url_survei(satker), jawaban(), HTTP_X_FORWARDED_FOR="203.0.113.1", **lewat)
    ).status_code == 302
    assert (
        client.post(url_survei(satker), jawaban(), HTTP_X_FORWARDED_FOR="203.0.113.2", **lewat)
    ).status_code == 302
    assert (
        client.post(url_survei(satker), jawaban(), HTTP_X_FORWARDED_FOR="203.0.113.1", **lewat)
    ).status_code == 429


def test_alamat_ipv6_dihitung_per_64(client, settings):
    settings.JDIH_SURVEI_BATAS_HARI = 1
    satker = buat_satker()
    assert client.post(url_survei(satker), jawaban(), REMOTE_ADDR="2001:db8::1").status_code == 302
    lain = client.post(url_survei(satker), jawaban(), REMOTE_ADDR="2001:db8::2:3")
    assert lain.status_code == 429


def test_survei_memerlukan_token_csrf():
    from django.test import Client

    klien = Client(enforce_csrf_checks=True)
    assert klien.post(url_survei(buat_satker()), jawaban()).status_code == 403


# --- results for the evaluators -------------------------------------------


@pytest.fixture
def dua_tim():
    a = buat_tim(buat_satker(nama="KPU Kabupaten Survei A", slug="survei-a"))
    b = buat_tim(buat_satker(nama="KPU Kabupaten Survei B", slug="survei-b"))
    for r in CONTOH:
        buat_respons(a.satker, r, komentar="Saran satker A")
    buat_respons(b.satker, (1,) * 9, komentar="Rahasia satker B")
    return a, b


def _hasil(client, **params):
    return client.get(reverse("survei:hasil"), params)


def test_hasil_memerlukan_login(client):
    respons = client.get(reverse("survei:hasil"))
    assert respons.status_code == 302 and "/masuk/" in respons["Location"]


def test_kasubbag_melihat_hasil_satkernya(client, dua_tim):
    a, _ = dua_tim
    client.force_login(a.kasubbag)
    respons = _hasil(client)
    assert respons.status_code == 200
    hasil = respons.context["hasil"]
    assert (hasil.responden, hasil.ikm_unit, hasil.mutu) == (4, Decimal("84.64"), "B")
    teks = respons.content.decode()
    assert "84,64" in teks and "Saran satker A" in teks and "Rahasia satker B" not in teks
    assert 'role="img"' in teks and "<svg" in teks
    pilihan = [s.slug for s in respons.context["form"].fields["satker"].queryset]
    assert pilihan == ["survei-a"]


def test_satker_lain_404_bagi_kasubbag(client, dua_tim):
    a, _ = dua_tim
    client.force_login(a.kasubbag)
    assert _hasil(client, satker="survei-b").status_code == 404
    assert _hasil(client, satker="survei-b", format="csv").status_code == 404
    assert _hasil(client, satker="\x00").status_code == 404


def test_tanpa_izin_evaluasi_404(client, dua_tim):
    a, _ = dua_tim
    for user in (a.pengelola, a.pengusul, buat_pengguna("tanpa-peran")):
        client.force_login(user)
        assert _hasil(client).status_code == 404, user


def test_superuser_melihat_semua_satker(client, dua_tim):
    client.force_login(buat_pengguna("admin-survei", is_staff=True, is_superuser=True))
    respons = _hasil(client, satker="survei-b", dari="2020-01-01", sampai="2099-12-31")
    assert respons.status_code == 400  # 2099 is beyond next year
    hari = date.today()
    respons = _hasil(client, satker="survei-b", dari=f"{hari:%Y}-01-01", sampai=f"{hari}")
    assert respons.status_code == 200
    assert respons.context["hasil"].mutu == "D"


@pytest.mark.parametrize(
    "params",
    [
        {"dari": "kemarin", "sampai": "2024-01-01"},
        {"dari": "2024-13-01", "sampai": "2024-12-01"},
        {"dari": "2024-06-01", "sampai": "2024-01-01"},
        {"dari": "0001-01-01", "sampai": "9999-12-31"},
        {"dari": "01/02/2024", "sampai": "2024-12-01"},
    ],
)
def test_periode_tidak_sah_menjadi_galat_formulir(client, dua_tim, params):
    a, _ = dua_tim
    client.force_login(a.kasubbag)
    respons = _hasil(client, satker="survei-a", **params)
    assert respons.status_code == 400
    assert 'class="galat' in respons.content.decode()


def test_periode_membatasi_jawaban(client, dua_tim):
    a, _ = dua_tim
    buat_respons(a.satker, (1,) * 9, tanggal=date(2023, 5, 1))
    client.force_login(a.kasubbag)
    respons = _hasil(client, satker="survei-a", dari="2023-01-01", sampai="2023-12-31")
    assert respons.context["hasil"].responden == 1


def test_csv_berisi_ringkasan_dan_jawaban_aman_untuk_spreadsheet(client, dua_tim):
    a, _ = dua_tim
    buat_respons(a.satker, (4,) * 9, komentar='=HYPERLINK("http://jahat")')
    client.force_login(a.kasubbag)
    hari = date.today()
    respons = _hasil(client, satker="survei-a", dari=f"{hari}", sampai=f"{hari}", format="csv")
    assert respons.status_code == 200
    assert respons["Content-Type"].startswith("text/csv")
    assert "attachment" in respons["Content-Disposition"]
    baris = list(csv.reader(io.StringIO(respons.content.decode("utf-8-sig")), delimiter=";"))
    assert ["Jumlah responden", "5"] in baris
    ikm_baris = next(b for b in baris if b and b[0].startswith("IKM unit"))
    # (30,50 × 4 + 36 × 1) / 5 = 31,60 per-element sum; × 0,111 × 25 = 87,69
    assert ikm_baris[1] == "87,69"
    komentar = [b[-1] for b in baris if b and b[0] == f"{hari:%Y-%m-%d}"]
    assert '\'=HYPERLINK("http://jahat")' in komentar
    assert not any(k.startswith("=") for k in komentar)
    assert "Rahasia satker B" not in respons.content.decode("utf-8-sig")


def test_daftar_saran_berhalaman_dengan_jumlah_kueri_tetap(client, dua_tim):
    a, _ = dua_tim
    client.force_login(a.kasubbag)
    _hasil(client)  # the first request of a session stores its time zone
    with CaptureQueriesContext(connection) as awal:
        assert _hasil(client).status_code == 200
    for n in range(45):
        buat_respons(a.satker, (3,) * 9, komentar=f"Saran nomor {n}")
    with CaptureQueriesContext(connection) as banyak:
        respons = _hasil(client)
    assert len(banyak.captured_queries) == len(awal.captured_queries)
    assert len(respons.context["halaman"].object_list) == 20
    hari = date.today()
    hal3 = _hasil(client, satker="survei-a", dari=f"{hari}", sampai=f"{hari}", halaman="3")
    assert len(hal3.context["halaman"].object_list) == 9
    assert _hasil(client, satker="survei-a", halaman="x\x00").status_code == 200


def test_admin_hanya_baca(client, dua_tim):
    client.force_login(buat_pengguna("admin-baca", is_staff=True, is_superuser=True))
    r = ResponsSurvei.objects.first()
    assert client.get(reverse("admin:survei_responssurvei_changelist")).status_code == 200
    assert client.get(reverse("admin:survei_responssurvei_change", args=[r.pk])).status_code == 200
    assert client.get(reverse("admin:survei_responssurvei_add")).status_code == 403
    hapus = client.post(reverse("admin:survei_responssurvei_delete", args=[r.pk]), {"post": "yes"})
    assert hapus.status_code == 403
    assert ResponsSurvei.objects.filter(pk=r.pk).exists()


def test_demo_idempoten():
    buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur")
    buat_satker(nama="Komisi Pemilihan Umum Republik Indonesia", slug="kpu-ri")
    keluaran = io.StringIO()
    assert muat_demo(keluaran) == 40
    assert "40 jawaban" in keluaran.getvalue()
    assert muat_demo() == 0
    assert ResponsSurvei.objects.count() == 40
    assert ResponsSurvei.objects.exclude(komentar="").exists()
