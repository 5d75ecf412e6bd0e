"""Issue 5 on the real queue: django-tasks-db stores the task at upload, and
``manage.py db_worker`` does the work, off the request path."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from documents import ocr
from documents.berkas import simpan_versi
from documents.models import VersiBerkas
from documents.pemrosesan import ulangi_pemrosesan
from documents.tasks import proses_versi_berkas
from tests.factories import buat_produk
from tests.ocr_helpers import pdf_pindaian

# Transactional: the worker checks its connection between tasks the way Django
# does after a request, which would close the connection a wrapping test
# transaction lives on (PostgreSQL). Commits are real here, so on_commit
# callbacks (the enqueue) run as they do in production.
pytestmark = pytest.mark.django_db(transaction=True)

Status = VersiBerkas.StatusProses
TUGAS = "documents.tasks.proses_versi_berkas"


@pytest.fixture
def antrean_db(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def jalankan_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_unggahan_hanya_mengantre_lalu_worker_memproses(antrean_db, monkeypatch):
    asli = ocr.kenali_gambar

    def bukan_di_request(*args, **kwargs):
        raise AssertionError("OCR tidak boleh berjalan dalam request unggah")

    monkeypatch.setattr(ocr, "kenali_gambar", bukan_di_request)
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian(halaman=3)))

    versi.refresh_from_db()
    assert versi.status_proses == Status.MENUNGGU
    assert versi.teks == "" and not versi.thumbnail
    tugas = DBTaskResult.objects.get(task_path=TUGAS)
    assert tugas.status == TaskResultStatus.READY
    assert tugas.args_kwargs == {"args": [versi.pk], "kwargs": {}}

    monkeypatch.setattr(ocr, "kenali_gambar", asli)
    jalankan_worker()

    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI, versi.pesan_proses
    assert versi.teks_ocr is True
    assert versi.teks.upper().count("REKAPITULASI HASIL PENGHITUNGAN SUARA") == 3
    assert versi.thumbnail
    tugas.refresh_from_db()
    assert tugas.status == TaskResultStatus.SUCCESSFUL


def test_gagal_di_worker_lalu_proses_ulang(antrean_db, settings):
    settings.JDIH_OCR_BAHASA = "bahasa-tidak-ada"
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian()))
    jalankan_worker()

    versi.refresh_from_db()
    assert versi.status_proses == Status.GAGAL
    assert "tidak terpasang" in versi.pesan_proses
    assert Path(versi.berkas.path).exists()
    # The queue's own record agrees, for whoever watches the task admin.
    assert DBTaskResult.objects.get(task_path=TUGAS).status == TaskResultStatus.FAILED

    settings.JDIH_OCR_BAHASA = "ind"
    ulangi_pemrosesan(versi)
    versi.refresh_from_db()
    assert versi.status_proses == Status.MENUNGGU
    assert DBTaskResult.objects.filter(task_path=TUGAS, status=TaskResultStatus.READY).count() == 1

    jalankan_worker()
    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI
    assert "BALIHO" in versi.teks.upper()


def test_tugas_ganda_di_antrean_tidak_menggandakan(antrean_db, settings):
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian()))
    proses_versi_berkas.enqueue(versi.pk)
    assert DBTaskResult.objects.filter(task_path=TUGAS).count() == 2

    jalankan_worker()

    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI
    assert versi.teks.upper().count("REKAPITULASI HASIL PENGHITUNGAN SUARA") == 1
    thumbnail = [p for p in (Path(settings.MEDIA_ROOT) / "thumbnail").rglob("*") if p.is_file()]
    assert thumbnail == [Path(settings.MEDIA_ROOT) / versi.thumbnail.name]
