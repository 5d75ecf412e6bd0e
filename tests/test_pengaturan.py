"""Settings from the environment, and production readiness."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def jalankan_manage(*args, **env):
    # The test run's own switches (async-unsafe for live_server) are not production's.
    dilepas = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    lingkungan = {k: v for k, v in os.environ.items() if k not in dilepas}
    lingkungan.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=lingkungan,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_ui_language_is_indonesian_and_times_are_stored_in_utc():
    assert settings.LANGUAGE_CODE == "id"
    assert settings.USE_TZ is True


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    hasil = jalankan_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="k" * 20 + "produksi-yang-panjang-dan-acak-0123456789abcdef",
        ALLOWED_HOSTS="jdih.kpu.go.id",
        JDIH_VAR_DIR=str(tmp_path),
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "no issues" in hasil.stdout


def test_without_secret_key_production_uses_a_private_generated_key(tmp_path):
    hasil = jalankan_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        DEBUG="false",
        JDIH_VAR_DIR=str(tmp_path),
    )
    assert hasil.returncode == 0, hasil.stderr
    kunci = hasil.stdout.strip().splitlines()[-1]
    assert "insecure" not in kunci and len(kunci) >= 50
    assert (tmp_path / "secret_key").read_text().strip() == kunci
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_database_url_selects_the_database(tmp_path):
    hasil = jalankan_manage(
        "shell",
        "-c",
        "from django.db import connection as c; print(c.vendor, c.settings_dict['NAME'])",
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{tmp_path}/lain.sqlite3",
    )
    assert hasil.returncode == 0, hasil.stderr
    assert f"sqlite {tmp_path}/lain.sqlite3" in hasil.stdout


def test_salah_ketik_pengaturan_menghentikan_aplikasi_dengan_nama_variabelnya(tmp_path):
    # A typo must not quietly become the default (DEBUG "treu" is not False).
    for nama, nilai in [("DEBUG", "treu"), ("JDIH_MAKS_HALAMAN", "2.000")]:
        hasil = jalankan_manage("check", JDIH_VAR_DIR=str(tmp_path), **{nama: nilai})
        assert hasil.returncode != 0
        assert "PengaturanSalah" in hasil.stderr and nama in hasil.stderr


def test_pengaturan_kosong_atau_ya_tidak_dibaca_seperti_yang_dimaksud(tmp_path):
    hasil = jalankan_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.JDIH_MAKS_HALAMAN)",
        DEBUG="ya",
        JDIH_MAKS_HALAMAN="",
        JDIH_VAR_DIR=str(tmp_path),
    )
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.split()[-2:] == ["True", "2000"]
