"""Password reset by email (issue 12, item 6): a link from /masuk/, an
Indonesian email whose link is built from JDIH_SITE_URL, a new password that
works; the page never tells whether an address has an account, requests are
limited, and where email does not leave the server the page says so."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.alur_helpers import KATA_SANDI, buat_pengguna
from workflow import lupa_sandi

pytestmark = pytest.mark.django_db
LUPA = reverse("password_reset")
TERKIRIM = reverse("password_reset_done")
SITUS = "https://jdih.contoh.go.id"


@pytest.fixture(autouse=True)
def surel_aktif(settings):
    cache.clear()  # the request counters
    settings.JDIH_SUREL_TERSEDIA = True
    settings.JDIH_SITE_URL = SITUS
    yield
    cache.clear()


@pytest.fixture
def rina():
    return buat_pengguna("rina.wati", email="rina@kpu.test", first_name="Rina", last_name="Wati")


def _tautan(pesan):
    cocok = re.search(rf"{re.escape(SITUS)}(/masuk/atur-ulang/[^/\s]+/[^/\s]+/)", pesan.body)
    assert cocok, pesan.body
    return cocok.group(1)


def test_halaman_masuk_menautkan_lupa_kata_sandi(client):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{LUPA}"' in html and "Lupa kata sandi?" in html


def test_admin_login_juga_menawarkan_lupa_kata_sandi(client):
    assert LUPA in client.get(reverse("admin:login")).content.decode()


def test_perjalanan_lengkap_email_berbahasa_indonesia_lalu_sandi_baru_berlaku(client, rina):
    respons = client.post(LUPA, {"email": "RINA@kpu.test"})
    assert respons.status_code == 302 and respons["Location"] == TERKIRIM
    assert len(mail.outbox) == 1
    pesan = mail.outbox[0]
    assert pesan.to == ["rina@kpu.test"]
    assert pesan.subject == "[JDIH KPU] Atur ulang kata sandi akun rina.wati"
    assert "Yth. Rina Wati" in pesan.body and "berlaku 60 menit" in pesan.body
    assert "abaikan email ini" in pesan.body

    alamat = client.get(_tautan(pesan), follow=True)
    assert "Buat kata sandi baru" in alamat.content.decode()
    form_url = alamat.redirect_chain[-1][0]
    baru = "Pemilu-Jujur-Adil-2029"
    selesai = client.post(form_url, {"new_password1": baru, "new_password2": baru})
    assert selesai.status_code == 302
    assert selesai["Location"] == reverse("password_reset_complete")
    assert "Kata sandi diganti" in client.get(selesai["Location"]).content.decode()

    client.logout()
    masuk = client.post(reverse("login"), {"username": "rina.wati", "password": baru})
    assert masuk.status_code == 302 and masuk["Location"] == reverse("workflow:tugas-saya")
    # The link is single-use.
    assert "Tautan tidak berlaku" in client.get(_tautan(pesan), follow=True).content.decode()


def test_alamat_tak_dikenal_dijawab_sama_persis(client, rina):
    dikenal = client.post(LUPA, {"email": "rina@kpu.test"})
    tidak = client.post(LUPA, {"email": "tidak.ada@kpu.test"})
    assert (dikenal.status_code, dikenal["Location"]) == (tidak.status_code, tidak["Location"])
    assert len(mail.outbox) == 1
    halaman = client.get(TERKIRIM).content.decode()
    assert "Bila alamat yang Anda tulis terdaftar" in halaman


def test_akun_nonaktif_atau_tanpa_sandi_tidak_dikirimi(client):
    buat_pengguna("lama", email="lama@kpu.test", is_active=False)
    tanpa = buat_pengguna("tanpa.sandi", email="tanpa@kpu.test")
    tanpa.set_unusable_password()
    tanpa.save()
    client.post(LUPA, {"email": "lama@kpu.test"})
    client.post(LUPA, {"email": "tanpa@kpu.test"})
    assert mail.outbox == []


def test_sandi_lemah_ditolak_dengan_pesan_berbahasa_indonesia(client, rina):
    client.post(LUPA, {"email": "rina@kpu.test"})
    form_url = client.get(_tautan(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    respons = client.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"})
    html = respons.content.decode()
    assert respons.status_code == 200
    assert "Kata sandi ini terlalu umum." in html
    assert "Kata sandi ini seluruhnya terdiri dari angka." in html
    beda = client.post(form_url, {"new_password1": "Pemilu-2029-a", "new_password2": "lain-2029-b"})
    assert "tidak sama" in beda.content.decode() or "tidak cocok" in beda.content.decode()
    rina.refresh_from_db()
    assert rina.check_password(KATA_SANDI)


def test_tautan_rusak_menjelaskan_dan_menawarkan_tautan_baru(client, rina):
    respons = client.get(reverse("password_reset_confirm", args=["Mg", "bukan-token"]))
    html = respons.content.decode()
    assert respons.status_code == 200
    assert "Tautan tidak berlaku" in html and f'href="{LUPA}"' in html


def test_permintaan_per_alamat_dibatasi_diam_diam(client, rina, settings):
    settings.JDIH_ATUR_ULANG_BATAS_ALAMAT = 2
    jawaban = [client.post(LUPA, {"email": "rina@kpu.test"}) for _ in range(4)]
    assert {(r.status_code, r["Location"]) for r in jawaban} == {(302, TERKIRIM)}
    assert len(mail.outbox) == 2


def test_permintaan_per_klien_dibatasi_dengan_429(client, settings):
    settings.JDIH_ATUR_ULANG_BATAS_KLIEN = 3
    for n in range(3):
        assert client.post(LUPA, {"email": f"orang{n}@kpu.test"}).status_code == 302
    respons = client.post(LUPA, {"email": "orang9@kpu.test"})
    assert respons.status_code == 429
    assert "Terlalu banyak permintaan" in respons.content.decode()
    # Another client is not held up.
    assert client.post(LUPA, {"email": "x@kpu.test"}, REMOTE_ADDR="10.9.9.9").status_code == 302


def test_masukan_jahat_dijawab_galat_formulir(client):
    for email in ["bukan-email", "a" * 300 + "@kpu.test", "x\x00@kpu.test", ""]:
        respons = client.post(LUPA, {"email": email})
        assert respons.status_code == 200, email
        assert respons.context["form"].errors
    assert mail.outbox == []


def test_tanpa_email_halaman_berterus_terang_dan_menyebut_admin(client, settings, rina):
    settings.JDIH_SUREL_TERSEDIA = None
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.DEBUG = False
    buat_pengguna("admin.pusat", is_superuser=True, is_staff=True, first_name="Ahmad")
    html = client.get(LUPA).content.decode()
    assert "tidak tersedia di situs ini" in html
    assert "Ahmad" in html
    assert 'name="email"' not in html
    respons = client.post(LUPA, {"email": "rina@kpu.test"})
    assert respons.status_code == 200 and "tidak tersedia" in respons.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("backend", "debug", "override", "tersedia"),
    [
        ("django.core.mail.backends.smtp.EmailBackend", False, None, True),
        ("django.core.mail.backends.console.EmailBackend", False, None, False),
        ("django.core.mail.backends.locmem.EmailBackend", False, None, False),
        ("django.core.mail.backends.console.EmailBackend", True, None, True),
        ("anymail.backends.mailgun.EmailBackend", False, None, True),
        ("django.core.mail.backends.smtp.EmailBackend", False, False, False),
        ("django.core.mail.backends.console.EmailBackend", False, True, True),
    ],
)
def test_aturan_email_tersedia(settings, backend, debug, override, tersedia):
    settings.EMAIL_BACKEND, settings.DEBUG, settings.JDIH_SUREL_TERSEDIA = backend, debug, override
    assert lupa_sandi.surel_tersedia() is tersedia


def test_atur_ulang_membuka_kunci_masuk_pemilik(client, rina, settings):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "rina.wati", "password": "salah"})
    assert AccessAttempt.objects.filter(username="rina.wati").exists()
    client.post(LUPA, {"email": "rina@kpu.test"})
    form_url = client.get(_tautan(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    baru = "Pemilu-Jujur-Adil-2029"
    client.post(form_url, {"new_password1": baru, "new_password2": baru})
    assert not AccessAttempt.objects.filter(username="rina.wati").exists()
    masuk = client.post(reverse("login"), {"username": "rina.wati", "password": baru})
    assert masuk.status_code == 302


def test_halaman_lupa_tanpa_cache_dan_berbahasa_indonesia(client):
    respons = client.get(LUPA)
    assert "no-store" in respons["Cache-Control"]
    html = respons.content.decode()
    assert "Alamat email akun Anda" in html and "Kirim tautan" in html
