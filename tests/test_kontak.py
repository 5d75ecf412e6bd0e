"""The contact form of a Satker: a message is stored and announced by email
to that Satker's Pengelola JDIH only; bots are turned away without any
third-party service; the inbox shows a Pengelola only their Satkers'."""

import time

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from profil import kontak
from profil.models import PesanKontak, StatusPesan
from tests.alur_helpers import buat_pengguna, buat_tim
from tests.factories import buat_satker
from tests.profil_helpers import buat_pesan, data_kontak, kirim, kosongkan_batas, url_kontak
from workflow.penugasan import tetapkan_peran
from workflow.peran import Peran


@pytest.fixture(autouse=True)
def _batas_bersih():
    kosongkan_batas()
    yield
    kosongkan_batas()


@pytest.fixture
def tim():
    return buat_tim()


def klien(user):
    c = Client()
    c.force_login(user)
    return c


# --- sending -------------------------------------------------------------------------


@pytest.mark.django_db
def test_formulir_membawa_token_dan_kolom_madu_tersembunyi(client, tim):
    respons = client.get(url_kontak(tim.satker))
    isi = respons.content.decode()
    assert respons.status_code == 200
    assert 'name="token"' in isi and 'class="madu" aria-hidden="true"' in isi
    assert "no-cache" in respons["Cache-Control"] or "max-age=0" in respons["Cache-Control"]
    token = respons.context["form"]["token"].value()
    kontak.periksa_token(token, tim.satker.pk, sekarang=time.time() + 10)


@pytest.mark.django_db
def test_pesan_tersimpan_dan_surel_hanya_ke_pengelola_satker_itu(
    client, tim, django_capture_on_commit_callbacks
):
    lain = buat_tim()  # another Satker's Pengelola hears nothing
    tanpa_surel = buat_pengguna("pengelola-tanpa-surel")
    tetapkan_peran(tanpa_surel, tim.satker, Peran.PENGELOLA)
    nonaktif = buat_pengguna("pengelola-nonaktif", email="mati@x.test", is_active=False)
    tetapkan_peran(nonaktif, tim.satker, Peran.PENGELOLA)
    with django_capture_on_commit_callbacks(execute=True):
        respons = kirim(client, tim.satker)
    assert respons.status_code == 302
    assert respons["Location"] == reverse("publicsite:kontak-terkirim", args=[tim.satker.slug])
    p = PesanKontak.objects.get()
    assert (p.satker, p.nama, p.email, p.status) == (
        tim.satker,
        "Budi Santoso",
        "budi@contoh.id",
        StatusPesan.BARU,
    )
    assert [m.to for m in mail.outbox] == [[tim.pengelola.email]]
    surel = mail.outbox[0]
    assert "Pertanyaan dari Budi Santoso" in surel.subject
    assert reverse("profil:pesan-detail", args=[p.pk]) in surel.body
    assert lain.pengelola.email not in str([m.to for m in mail.outbox])
    assert client.get(respons["Location"]).status_code == 200


@pytest.mark.django_db
def test_alamat_ip_tidak_disimpan(client, tim):
    kirim(client, tim.satker, alamat="203.0.113.9")
    p = PesanKontak.objects.get()
    nilai = [str(getattr(p, f.attname)) for f in PesanKontak._meta.concrete_fields]
    assert not any("203.0.113.9" in v or "127.0.0.1" in v for v in nilai)


# --- spam protection -----------------------------------------------------------------


def _tetap_terisi(respons, **isian):
    form = respons.context["form"]
    for nama, nilai in isian.items():
        assert form[nama].value() == nilai, nama


@pytest.mark.django_db
def test_kolom_madu_terisi_ditolak_dan_dikosongkan_untuk_kiriman_ulang(client, tim):
    respons = kirim(client, tim.satker, situs="https://obat-murah.example")
    assert respons.status_code == 200
    assert "Pesan tidak dapat dikirim" in respons.content.decode()
    assert not PesanKontak.objects.exists()
    _tetap_terisi(respons, nama="Budi Santoso", email="budi@contoh.id", situs="")
    # Sent again as the page now stands (after a moment): accepted.
    data = {k: respons.context["form"][k].value() for k in data_kontak(tim.satker)}
    data["token"] = kontak.buat_token(tim.satker.pk, time.time() - 30)
    assert client.post(url_kontak(tim.satker), data).status_code == 302


@pytest.mark.django_db
def test_kiriman_terlalu_cepat_ditolak_dengan_token_yang_sama(client, tim):
    segar = kontak.buat_token(tim.satker.pk)
    respons = kirim(client, tim.satker, token=segar)
    assert respons.status_code == 200
    assert "terlalu cepat" in respons.content.decode()
    assert not PesanKontak.objects.exists()
    _tetap_terisi(respons, pesan=data_kontak(tim.satker)["pesan"], token=segar)


@pytest.mark.django_db
def test_formulir_kedaluwarsa_ditolak_dan_diberi_token_baru(client, tim):
    lama = kontak.buat_token(tim.satker.pk, time.time() - 5 * 3600)
    respons = kirim(client, tim.satker, token=lama)
    assert "terlalu lama terbuka" in respons.content.decode()
    assert respons.context["form"]["token"].value() != lama
    assert not PesanKontak.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "sampah", "a" * 600, "eyJzIjoxfQ:1abc:xyz"])
def test_token_rusak_atau_hilang_ditolak_tanpa_galat_server(client, tim, token):
    respons = kirim(client, tim.satker, token=token)
    assert respons.status_code == 200
    assert "tidak dapat diverifikasi" in respons.content.decode()
    assert not PesanKontak.objects.exists()


@pytest.mark.django_db
def test_token_satker_lain_ditolak(client, tim):
    lain = buat_satker()
    respons = kirim(client, tim.satker, token=kontak.buat_token(lain.pk, time.time() - 60))
    assert "satker lain" in respons.content.decode()
    assert not PesanKontak.objects.exists()


@pytest.mark.django_db
def test_pesan_dengan_terlalu_banyak_tautan_ditolak(client, tim):
    pesan = "Kunjungi https://a.example dan http://b.example serta www.c.example sekarang"
    respons = kirim(client, tim.satker, pesan=pesan)
    assert respons.status_code == 200
    assert "terlalu banyak tautan" in respons.content.decode()
    assert not PesanKontak.objects.exists()
    respons = kirim(client, tim.satker, nama="Budi https://toko.example")
    assert "Nama tidak boleh berisi alamat situs" in respons.content.decode()
    dua = "Lihat https://jdih.kpu.go.id dan https://peraturan.go.id mohon dijawab"
    assert kirim(client, tim.satker, pesan=dua).status_code == 302


@pytest.mark.django_db
def test_batas_kiriman_per_alamat_di_cache(client, tim, settings):
    settings.JDIH_KONTAK_BATAS = 2
    assert kirim(client, tim.satker, alamat="198.51.100.7").status_code == 302
    assert kirim(client, tim.satker, alamat="198.51.100.7").status_code == 302
    respons = kirim(client, tim.satker, alamat="198.51.100.7")
    assert respons.status_code == 429
    assert "Terlalu banyak pesan" in respons.content.decode()
    _tetap_terisi(respons, nama="Budi Santoso")
    assert PesanKontak.objects.count() == 2
    # Another address is not held back; another address in the same IPv6 /64 is.
    assert kirim(client, tim.satker, alamat="198.51.100.8").status_code == 302
    assert kirim(client, tim.satker, alamat="2001:db8::1").status_code == 302
    assert kirim(client, tim.satker, alamat="2001:db8::2").status_code == 302
    assert kirim(client, tim.satker, alamat="2001:db8::3:4").status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize(
    "isian",
    [
        {"nama": "Budi\r\nBcc: korban@contoh.id"},
        {"nama": "x" * 5000},
        {"nama": "nol\x00byte"},
        {"email": "bukan-email"},
        {"email": "a@b.c\r\nBcc: x@y.z"},
        {"kategori": "hadiah"},
        {"kategori": ""},
        {"pesan": "pendek"},
        {"pesan": "y" * 3001},
        {"pesan": "isi \u202e terbalik \x07 bel panjang sekali"},
        {"situs": ["a", "b"]},
        {"token": ["a", "b"]},
    ],
)
def test_isian_jahat_menjadi_galat_formulir_bukan_500(client, tim, isian):
    respons = kirim(client, tim.satker, **isian)
    assert respons.status_code == 200
    assert respons.context["form"].errors
    assert not PesanKontak.objects.exists()


@pytest.mark.django_db
def test_satker_tidak_dikenal_dan_metode_lain(client, tim):
    assert client.get("/satker-tidak-ada/kontak/").status_code == 404
    assert client.post("/satker-tidak-ada/kontak/", data_kontak(tim.satker)).status_code == 404
    assert client.put(url_kontak(tim.satker)).status_code == 405


# --- the inbox -----------------------------------------------------------------------


@pytest.mark.django_db
def test_kotak_masuk_hanya_pesan_satker_yang_dikelola(tim):
    lain = buat_tim()
    buat_pesan(tim.satker, 2, nama="Warga Sini")
    (asing,) = buat_pesan(lain.satker, 1, nama="Warga Sana")
    c = klien(tim.pengelola)
    respons = c.get(reverse("profil:pesan"))
    isi = respons.content.decode()
    assert respons.status_code == 200
    assert "Warga Sini" in isi and "Warga Sana" not in isi
    assert c.get(reverse("profil:pesan-detail", args=[asing.pk])).status_code == 404
    assert (
        c.post(reverse("profil:pesan-detail", args=[asing.pk]), {"status": "arsip"}).status_code
        == 404
    )
    asing.refresh_from_db()
    assert asing.status == StatusPesan.BARU


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["kasubbag", "pengusul"])
def test_peran_selain_pengelola_tidak_membaca_pesan(tim, peran):
    (p,) = buat_pesan(tim.satker)
    c = klien(getattr(tim, peran))
    assert c.get(reverse("profil:pesan")).status_code == 403
    assert c.get(reverse("profil:pesan-detail", args=[p.pk])).status_code == 404
    admin = buat_pengguna("admin-pesan", is_staff=True, is_superuser=True)
    assert klien(admin).get(reverse("profil:pesan")).status_code == 403
    assert klien(admin).get(reverse("profil:pesan-detail", args=[p.pk])).status_code == 404


@pytest.mark.django_db
def test_membuka_pesan_baru_menandai_dibaca_lalu_dijawab_dengan_catatan(tim):
    (p,) = buat_pesan(tim.satker)
    c = klien(tim.pengelola)
    url = reverse("profil:pesan-detail", args=[p.pk])
    respons = c.get(url)
    assert respons.status_code == 200 and f"mailto:{p.email}" in respons.content.decode()
    p.refresh_from_db()
    assert p.status == StatusPesan.DIBACA and p.diubah_oleh == tim.pengelola
    respons = c.post(url, {"status": "dijawab", "catatan": "Dijawab lewat email 3 Mei."})
    assert respons.status_code == 302
    p.refresh_from_db()
    assert (p.status, p.catatan) == (StatusPesan.DIJAWAB, "Dijawab lewat email 3 Mei.")
    # Opening an answered message again keeps it answered.
    c.get(url)
    p.refresh_from_db()
    assert p.status == StatusPesan.DIJAWAB
    assert c.post(url, {"status": "hilang", "catatan": "x"}).status_code == 200
    assert c.post(url, {"status": "arsip", "catatan": "x" * 2001}).status_code == 200
    p.refresh_from_db()
    assert p.status == StatusPesan.DIJAWAB


@pytest.mark.django_db
def test_saringan_status_dan_satker_serta_nilai_jahat(tim):
    kedua = buat_satker(nama="KPU Kota Kedua Uji")
    tetapkan_peran(tim.pengelola, kedua, Peran.PENGELOLA)
    buat_pesan(tim.satker, 1, nama="Satu Baru")
    buat_pesan(tim.satker, 1, nama="Satu Arsip", status="arsip")
    buat_pesan(kedua, 1, nama="Dua Baru")
    c = klien(tim.pengelola)

    def nama_di(params):
        respons = c.get(reverse("profil:pesan"), params)
        assert respons.status_code == 200
        return {p.nama for p in respons.context["halaman"].object_list}

    assert nama_di({}) == {"Satu Baru", "Satu Arsip", "Dua Baru"}
    assert nama_di({"status": "arsip"}) == {"Satu Arsip"}
    assert nama_di({"satker": kedua.slug}) == {"Dua Baru"}
    assert nama_di({"satker": kedua.slug, "status": "arsip"}) == set()
    lain = buat_tim()
    buat_pesan(lain.satker, 1, nama="Bukan Milikku")
    # Another Satker's slug is an invalid choice, not a window into it.
    assert "Bukan Milikku" not in nama_di({"satker": lain.satker.slug})
    for jahat in [{"status": "'; drop"}, {"satker": "<x>"}, {"halaman": "-1"}, {"halaman": "x"}]:
        nama_di(jahat)


@pytest.mark.django_db
def test_kotak_masuk_jumlah_kueri_tetap_dan_berhalaman(tim):
    c = klien(tim.pengelola)
    c.get(reverse("profil:pesan"))  # session and first-use caches warm

    def hitung():
        with CaptureQueriesContext(connection) as q:
            assert c.get(reverse("profil:pesan")).status_code == 200
        return len(q)

    buat_pesan(tim.satker, 3)
    sedikit = hitung()
    buat_pesan(tim.satker, 40, status="dijawab")
    for p in PesanKontak.objects.filter(status="dijawab")[:10]:
        p.diubah_oleh = tim.pengelola
        p.save()
    assert hitung() == sedikit
    respons = c.get(reverse("profil:pesan"))
    assert len(respons.context["halaman"].object_list) == 25
    assert respons.context["halaman"].paginator.num_pages == 2


@pytest.mark.django_db
def test_galat_isian_tidak_dicampur_pesan_token_dan_token_basi_diganti(client, tim):
    segar = kontak.buat_token(tim.satker.pk)
    respons = kirim(client, tim.satker, token=segar, email="bukan-email")
    isi = respons.content.decode()
    assert "terlalu cepat" not in isi and respons.context["form"].errors["email"]
    basi = kontak.buat_token(tim.satker.pk, time.time() - 5 * 3600)
    respons = kirim(client, tim.satker, token=basi, email="bukan-email")
    assert "terlalu lama" not in respons.content.decode()
    assert respons.context["form"]["token"].value() != basi
