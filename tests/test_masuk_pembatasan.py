"""Issue 11, item 2: login throttling on /masuk/ and /admin/login/, and staff
sessions that last a working day."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from tests.alur_helpers import KATA_SANDI, buat_pengguna

pytestmark = pytest.mark.django_db

DIREKTORI = Path(__file__).resolve().parent.parent
PENYERANG = "203.0.113.66"
KANTOR = "198.51.100.7"
PESAN = "Terlalu banyak percobaan masuk"


def masuk(client, username, sandi, ip, jalur="/masuk/", **meta):
    return client.post(jalur, {"username": username, "password": sandi}, REMOTE_ADDR=ip, **meta)


def gagal(client, username, ip, kali=5, jalur="/masuk/", **meta):
    return [masuk(client, username, "tebakan-salah", ip, jalur, **meta) for _ in range(kali)]


def sudah_masuk(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def staf():
    return buat_pengguna("pengelola.uji")


def test_five_failures_lock_the_account_from_that_address_with_a_clear_message(client, staf):
    respons = gagal(client, staf.username, PENYERANG)
    assert [r.status_code for r in respons[:4]] == [200] * 4
    assert respons[4].status_code == 429
    respons = masuk(client, staf.username, KATA_SANDI, PENYERANG)
    assert respons.status_code == 429
    teks = respons.content.decode()
    assert PESAN in teks and "15 menit" in teks and staf.username in teks
    assert not sudah_masuk(client)


def test_owner_logs_in_from_another_address_while_an_attacker_is_locked_out(client, staf):
    gagal(client, staf.username, PENYERANG)
    assert masuk(client, staf.username, KATA_SANDI, PENYERANG).status_code == 429
    respons = masuk(client, staf.username, KATA_SANDI, KANTOR)
    assert respons.status_code == 302 and respons["Location"] == "/staf/"
    assert sudah_masuk(client)


def test_login_works_again_after_the_cool_down(client, staf):
    gagal(client, staf.username, PENYERANG)
    assert masuk(client, staf.username, KATA_SANDI, PENYERANG).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    respons = masuk(client, staf.username, KATA_SANDI, PENYERANG)
    assert respons.status_code == 302 and sudah_masuk(client)


def test_still_locked_just_before_the_cool_down_ends(client, staf):
    gagal(client, staf.username, PENYERANG)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=14))
    assert masuk(client, staf.username, KATA_SANDI, PENYERANG).status_code == 429


def test_limit_and_cool_down_follow_the_settings(client, staf, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)
    respons = gagal(client, staf.username, PENYERANG, kali=3)
    assert respons[2].status_code == 429
    assert "30 menit" in respons[2].content.decode()


def test_fewer_failures_than_the_limit_do_not_lock(client, staf):
    gagal(client, staf.username, PENYERANG, kali=4)
    assert masuk(client, staf.username, KATA_SANDI, PENYERANG).status_code == 302


def test_a_successful_login_starts_the_count_again(client, staf):
    gagal(client, staf.username, PENYERANG, kali=4)
    assert masuk(client, staf.username, KATA_SANDI, PENYERANG).status_code == 302
    client.logout()
    gagal(client, staf.username, PENYERANG, kali=4)
    assert masuk(client, staf.username, KATA_SANDI, PENYERANG).status_code == 302


def test_admin_login_is_throttled_too(client):
    admin = buat_pengguna("admin.uji", is_staff=True, is_superuser=True)
    respons = gagal(client, admin.username, PENYERANG, jalur="/admin/login/")
    assert respons[4].status_code == 429 and PESAN in respons[4].content.decode()
    respons = masuk(client, admin.username, KATA_SANDI, PENYERANG, jalur="/admin/login/")
    assert respons.status_code == 429
    respons = masuk(client, admin.username, KATA_SANDI, KANTOR, jalur="/admin/login/")
    assert respons.status_code == 302 and sudah_masuk(client)


def test_failures_behind_the_trusted_proxy_count_per_client_not_per_proxy(client, staf, settings):
    settings.JDIH_PROXY_TEPERCAYA = ["10.0.0.2"]
    gagal(client, staf.username, "10.0.0.2", HTTP_X_FORWARDED_FOR=PENYERANG)
    assert AccessAttempt.objects.get().ip_address == PENYERANG
    respons = masuk(client, staf.username, KATA_SANDI, "10.0.0.2", HTTP_X_FORWARDED_FOR=KANTOR)
    assert respons.status_code == 302


def test_admin_lists_lockouts_and_unlocking_clears_them(client, admin_client, staf):
    gagal(client, staf.username, PENYERANG)
    indeks = admin_client.get("/admin/").content.decode()
    assert "Pembatasan masuk" in indeks
    daftar = admin_client.get("/admin/axes/accessattempt/?terkunci=ya")
    assert daftar.status_code == 200
    teks = daftar.content.decode()
    assert staf.username in teks and PENYERANG in teks and "Terkunci" in teks
    assert "Buka kunci" in teks
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert "Kunci sudah berakhir" in admin_client.get("/admin/axes/accessattempt/").content.decode()
    assert (
        staf.username
        not in admin_client.get("/admin/axes/accessattempt/?terkunci=ya").content.decode()
    )
    AccessAttempt.objects.update(attempt_time=timezone.now())
    percobaan = AccessAttempt.objects.get()
    respons = admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "buka_kunci", "_selected_action": [percobaan.pk]},
        follow=True,
    )
    assert "1 kunci dibuka" in respons.content.decode()
    assert not AccessAttempt.objects.exists()
    assert masuk(client, staf.username, KATA_SANDI, PENYERANG).status_code == 302


def test_admin_shows_successful_logins_in_the_access_log(client, admin_client, staf):
    masuk(client, staf.username, KATA_SANDI, KANTOR)
    teks = admin_client.get("/admin/axes/accesslog/").content.decode()
    assert staf.username in teks and KANTOR in teks


def test_absurd_login_input_is_a_form_error_not_a_500(client, staf):
    respons = client.post(
        "/masuk/",
        {"username": "x" * 5000, "password": "y" * 5000},
        REMOTE_ADDR=PENYERANG,
        HTTP_USER_AGENT="z" * 5000,
        HTTP_ACCEPT="a" * 5000,
    )
    assert respons.status_code == 200
    respons = masuk(client, staf.username, "salah", PENYERANG, HTTP_USER_AGENT="z" * 5000)
    assert respons.status_code == 200
    assert sorted(len(u) for u in AccessAttempt.objects.values_list("username", flat=True)) == [
        len(staf.username),
        150,
    ]


def test_staff_session_lasts_a_working_day(client, staf, settings):
    assert settings.SESSION_COOKIE_AGE == 9 * 3600
    respons = masuk(client, staf.username, KATA_SANDI, KANTOR)
    assert respons.cookies["sessionid"]["max-age"] == 9 * 3600
    assert client.session.get_expiry_age() == 9 * 3600


def test_session_length_is_configured_in_hours():
    hasil = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.SESSION_COOKIE_AGE, settings.AXES_FAILURE_LIMIT, "
            "settings.AXES_COOLOFF_TIME.total_seconds())",
        ],
        cwd=DIREKTORI,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "jdih.settings",
            "JDIH_UMUR_SESI_JAM": "7.5",
            "JDIH_MASUK_BATAS_GAGAL": "8",
            "JDIH_MASUK_JEDA_MENIT": "30",
        },
        capture_output=True,
        text=True,
    )
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.split() == ["27000", "8", "1800.0"]


def test_test_client_login_without_a_request_still_works(client, staf):
    assert client.login(username=staf.username, password=KATA_SANDI)
    assert not client.login(username=staf.username, password="salah")
