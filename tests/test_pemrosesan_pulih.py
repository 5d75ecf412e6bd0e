"""Issue 11, item 4: the worker heals itself. A version a dead worker left in
``diproses`` is queued again by the sweep the queue runs itself, at most N
times; a failure is recorded even when the task's connection is gone; the
Pengelola can retry a stuck version; small files go before a big scan, and a
scan's OCR has a budget; email goes through the queue, not the request.

Transactional: these tests run the real database queue and its worker (see
test_pemrosesan_antrean), break connections, and watch a heartbeat thread."""

import io
import sqlite3
import time
from datetime import timedelta

import pypdf
import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from documents import ocr, pemrosesan
from documents.berkas import simpan_versi
from documents.models import VersiBerkas
from documents.pemrosesan import sapu_pemrosesan
from tests.alur_helpers import KATA_SANDI, ajukan, buat_tim
from tests.factories import buat_produk, pdf_bytes
from tests.ocr_helpers import pdf_pindaian
from workflow.models import Status as StatusPermohonan

pytestmark = pytest.mark.django_db(transaction=True)

Status = VersiBerkas.StatusProses
TUGAS = "documents.tasks.proses_versi_berkas"
SAPU = "documents.tasks.sapu_pemrosesan_berkala"
EMAIL = "workflow.tasks.kirim_notifikasi"


@pytest.fixture
def antrean_db(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def jalankan_worker(*args):
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", *args, verbosity=0)


def pekerja_mati_di_tengah(versi):
    """What a worker killed with SIGKILL leaves: its task RUNNING for ever, the
    version diproses, the lease it took then never renewed (and now run out)."""
    tugas = DBTaskResult.objects.filter(task_path=TUGAS, status=TaskResultStatus.READY)
    tugas.update(status=TaskResultStatus.RUNNING, started_at=timezone.now())
    assert pemrosesan._klaim(versi) is not None
    VersiBerkas.objects.filter(pk=versi.pk).update(
        sewa_sampai=timezone.now() - timedelta(seconds=1)
    )


def sapuan_tiba_waktunya():
    """Skip the wait: the sweep the queue holds becomes due now."""
    sapuan = DBTaskResult.objects.filter(task_path=SAPU, status=TaskResultStatus.READY)
    assert sapuan.count() == 1
    assert sapuan.get().run_after > timezone.now()  # it waits half a lease, then runs
    sapuan.update(run_after=timezone.now())


# --- a killed worker --------------------------------------------------------------


def test_versi_yang_ditinggal_pekerja_mati_diproses_ulang_oleh_sapuan_otomatis(antrean_db):
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian()))
    pekerja_mati_di_tengah(versi)

    # A fresh worker alone does not see it: the dead worker's task is RUNNING.
    jalankan_worker()
    assert VersiBerkas.objects.get(pk=versi.pk).status_proses == Status.DIPROSES

    # The sweep the queue keeps for itself finds it once due, in the same worker.
    sapuan_tiba_waktunya()
    jalankan_worker()

    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI, versi.pesan_proses
    assert "REKAPITULASI" in versi.teks.upper()
    assert versi.sewa_sampai is None and versi.percobaan == 0
    assert DBTaskResult.objects.filter(task_path=SAPU, status="SUCCESSFUL").count() == 1


def test_setelah_n_kali_terhenti_versi_gagal_dengan_alasan(antrean_db, settings):
    settings.JDIH_PEMROSESAN_MAKS_PERCOBAAN = 3
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_bytes()))

    for ke in (1, 2):
        pekerja_mati_di_tengah(versi)
        assert sapu_pemrosesan() == {"diantre": [versi.pk], "gagal": []}
        versi.refresh_from_db()
        assert versi.status_proses == Status.MENUNGGU
        assert f"percobaan {ke} dari 3" in versi.pesan_proses

    pekerja_mati_di_tengah(versi)
    assert sapu_pemrosesan() == {"diantre": [], "gagal": [versi.pk]}
    versi.refresh_from_db()
    assert versi.status_proses == Status.GAGAL
    assert versi.pesan_proses.startswith(
        "Pemrosesan terhenti 3 kali (pekerja mati atau koneksi terputus)"
    )
    assert not DBTaskResult.objects.filter(task_path=TUGAS, status=TaskResultStatus.READY)


def test_versi_menunggu_yang_tugasnya_hilang_diantrekan_lagi(antrean_db):
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_bytes()))
    # The task failed before it reached the version (its connection dropped).
    DBTaskResult.objects.filter(task_path=TUGAS).update(status=TaskResultStatus.FAILED)

    assert sapu_pemrosesan()["diantre"] == [versi.pk]
    jalankan_worker()
    assert VersiBerkas.objects.get(pk=versi.pk).status_proses == Status.SELESAI


def test_sewa_diperpanjang_selama_ocr_panjang_dan_sapuan_membiarkannya(settings, monkeypatch):
    settings.JDIH_PEMROSESAN_SEWA = 1  # renewed every third of a second
    asli = ocr.teks_dengan_ocr
    terlihat = {}

    def ocr_lama(data):
        baris = VersiBerkas.objects.filter(status_proses=Status.DIPROSES)
        awal = baris.get().sewa_sampai
        # Longer than the lease itself: without renewal it would have run out.
        hasil = asli(data)
        batas = timezone.now() + timedelta(seconds=10)
        while baris.get().sewa_sampai <= awal + timedelta(seconds=1) and timezone.now() < batas:
            time.sleep(0.05)
        terlihat["sewa"] = (awal, baris.get().sewa_sampai)
        terlihat["sapuan"] = sapu_pemrosesan()
        return hasil

    monkeypatch.setattr(ocr, "teks_dengan_ocr", ocr_lama)
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian()))

    awal, kemudian = terlihat["sewa"]
    assert kemudian > awal + timedelta(seconds=1)
    assert terlihat["sapuan"] == {"diantre": [], "gagal": []}
    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI


def test_run_yang_sewanya_diambil_alih_tidak_menimpa_hasil_run_baru(monkeypatch):
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_bytes()))
    asli = ocr.teks_dengan_ocr

    def diambil_alih(data):
        # Meanwhile the sweep gave the version to another run (token + 1).
        VersiBerkas.objects.filter(pk=versi.pk).update(percobaan=99)
        return asli(data)

    monkeypatch.setattr(ocr, "teks_dengan_ocr", diambil_alih)
    pemrosesan.proses_versi(versi)
    baris = VersiBerkas.objects.get(pk=versi.pk)
    assert baris.status_proses == Status.DIPROSES and baris.percobaan == 99


def test_perintah_sapu_pemrosesan_untuk_operator():
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_bytes()))
    VersiBerkas.objects.filter(pk=versi.pk).update(
        status_proses=Status.DIPROSES, sewa_sampai=timezone.now() - timedelta(seconds=1)
    )
    keluaran = io.StringIO()
    call_command("sapu_pemrosesan", stdout=keluaran)
    assert f"Diantrekan ulang: 1 versi [{versi.pk}]" in keluaran.getvalue()
    assert VersiBerkas.objects.get(pk=versi.pk).status_proses == Status.SELESAI


# --- a dropped connection ------------------------------------------------------------


def putuskan_koneksi(request):
    """Drop the task's database connection behind Django's back, as a restarted
    server or a cut network does. On PostgreSQL the socket is really closed;
    SQLite's in-memory test database would vanish with its connection, so
    there the connection answers every call with an error until replaced."""
    if connection.vendor == "postgresql":
        connection.connection.close()
        return
    asli = connection.connection

    class Terputus:
        def __getattr__(self, nama):
            raise sqlite3.OperationalError("koneksi terputus (uji)")

    def sambung_lagi():
        connection.connection = asli

    connection.connection = Terputus()
    # In-memory SQLite ignores close(); the "new" connection is the old one back.
    connection.close = sambung_lagi
    request.addfinalizer(lambda: (sambung_lagi(), vars(connection).pop("close", None)))


def test_gagal_tetap_tercatat_walau_koneksi_tugas_terputus(request, monkeypatch):
    def ocr_gagal_dan_koneksi_putus(data):
        putuskan_koneksi(request)
        raise ocr.OcrGagal("OCR halaman 1 gagal (kode 1): uji")

    monkeypatch.setattr(ocr, "teks_dengan_ocr", ocr_gagal_dan_koneksi_putus)
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian()))

    versi.refresh_from_db()
    assert versi.status_proses == Status.GAGAL
    assert versi.pesan_proses == "OCR halaman 1 gagal (kode 1): uji"


def test_koneksi_putus_saat_menyimpan_hasil_versi_diantrekan_lagi(request, monkeypatch, settings):
    asli = ocr.teks_dengan_ocr
    putus = iter([True])

    def ocr_lalu_koneksi_putus(data):
        hasil = asli(data)
        if next(putus, False):
            putuskan_koneksi(request)
        return hasil

    monkeypatch.setattr(ocr, "teks_dengan_ocr", ocr_lalu_koneksi_putus)
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian()))

    # Recorded through a fresh connection and queued again (the immediate
    # queue of the tests runs it at once), so the second run finishes it.
    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI, versi.pesan_proses
    assert "REKAPITULASI" in versi.teks.upper()


# --- "Proses ulang" by the Pengelola -------------------------------------------------


def test_pengelola_dapat_memproses_ulang_versi_yang_macet(client):
    tim = buat_tim()
    p = ajukan(tim)
    versi = p.produk.versi.get()
    url = f"/staf/permohonan/{p.pk}/berkas/{versi.pk}/proses-ulang/"
    assert client.login(username=tim.pengelola.username, password=KATA_SANDI)

    # Still held by a live worker: refused, with the reason.
    VersiBerkas.objects.filter(pk=versi.pk).update(
        status_proses=Status.DIPROSES, sewa_sampai=timezone.now() + timedelta(minutes=5)
    )
    respons = client.post(url, follow=True)
    assert "sedang diproses" in respons.content.decode()
    assert VersiBerkas.objects.get(pk=versi.pk).status_proses == Status.DIPROSES

    # Its worker died: the lease ran out, and the Pengelola's retry takes it.
    VersiBerkas.objects.filter(pk=versi.pk).update(
        sewa_sampai=timezone.now() - timedelta(seconds=1), percobaan=2
    )
    client.post(url, follow=True)
    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI, versi.pesan_proses
    assert versi.percobaan == 0


# --- fair queueing and the OCR budget ------------------------------------------------


def pdf_banyak_halaman(halaman: int) -> bytes:
    penulis = pypdf.PdfWriter()
    penulis.append(pypdf.PdfReader(io.BytesIO(pdf_bytes())))
    for _ in range(halaman - len(penulis.pages)):
        penulis.add_blank_page(width=595, height=842)
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    return keluaran.getvalue()


def test_berkas_kecil_diambil_sebelum_pindaian_besar_yang_antre_lebih_dulu(antrean_db):
    besar = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_banyak_halaman(400)))
    kecil = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_bytes()))
    assert besar.jumlah_halaman == 400

    # The worker takes the first of the ready tasks in the queue's own order.
    berikut = DBTaskResult.objects.ready().filter(task_path=TUGAS).first()
    assert berikut.args_kwargs["args"] == [kecil.pk]
    assert berikut.priority > DBTaskResult.objects.get(args_kwargs__args=[besar.pk]).priority

    jalankan_worker("--max-tasks", "1")
    assert VersiBerkas.objects.get(pk=kecil.pk).status_proses == Status.SELESAI
    assert VersiBerkas.objects.get(pk=besar.pk).status_proses == Status.MENUNGGU


def test_ocr_berhenti_pada_batas_halaman_per_versi_dengan_pesan(settings):
    settings.JDIH_OCR_MAKS_HALAMAN = 1
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian(halaman=2)))

    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI
    assert versi.teks.upper().count("REKAPITULASI HASIL PENGHITUNGAN SUARA") == 1
    assert "Teks 1 dari 2 halaman dikenali dengan OCR" in versi.pesan_proses
    assert "batas 1 halaman OCR per versi" in versi.pesan_proses
    assert "1 dari 2 halaman pindaian belum dikenali" in versi.pesan_proses


def test_ocr_berhenti_pada_batas_waktu_per_versi_dengan_pesan(settings, monkeypatch):
    settings.JDIH_OCR_MAKS_DETIK = 0
    monkeypatch.setattr(pemrosesan, "HALAMAN_PER_POTONGAN", 1)
    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian(halaman=3)))

    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI
    assert versi.teks.upper().count("REKAPITULASI HASIL PENGHITUNGAN SUARA") == 1
    assert "batas waktu OCR 0 detik per versi" in versi.pesan_proses
    assert "2 dari 3 halaman pindaian belum dikenali" in versi.pesan_proses


def test_galat_ocr_pada_potongan_menyebut_nomor_halaman_berkas(settings, monkeypatch):
    monkeypatch.setattr(pemrosesan, "HALAMAN_PER_POTONGAN", 1)
    settings.JDIH_OCR_BATAS_WAKTU = 0.01
    data = pypdf.PdfWriter()
    for bagian in (pdf_bytes(), pdf_pindaian()):
        data.append(pypdf.PdfReader(io.BytesIO(bagian)))
    keluaran = io.BytesIO()
    data.write(keluaran)
    jumlah_teks = len(pypdf.PdfReader(io.BytesIO(pdf_bytes())).pages)

    versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(keluaran.getvalue()))
    versi.refresh_from_db()
    assert versi.status_proses == Status.GAGAL
    assert f"OCR halaman {jumlah_teks + 1} melebihi batas waktu" in versi.pesan_proses


# --- email through the queue ---------------------------------------------------------


def test_email_diantrekan_bukan_dikirim_dalam_request(antrean_db, settings):
    # An SMTP server that is not there: the step must neither wait for it nor fail.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    tim = buat_tim()
    p = ajukan(tim)

    assert p.status == StatusPermohonan.DIAJUKAN
    tugas = DBTaskResult.objects.get(task_path=EMAIL)
    assert tugas.status == TaskResultStatus.READY
    assert tugas.args_kwargs["args"] == [
        "workflow.permohonan",
        p.pk,
        StatusPermohonan.DIAJUKAN,
        [tim.kasubbag.pk],
    ]
    # Mail goes before the file's processing in the shared queue.
    assert DBTaskResult.objects.ready().first().task_path == EMAIL

    jalankan_worker()
    tugas.refresh_from_db()
    assert tugas.status == TaskResultStatus.FAILED  # the mail failed, in the worker
    p.refresh_from_db()
    assert p.status == StatusPermohonan.DIAJUKAN  # the step stands


def test_worker_mengirim_email_yang_dibangun_dari_id(antrean_db):
    tim = buat_tim()
    p = ajukan(tim)
    assert mail.outbox == []

    jalankan_worker()
    assert [m.to for m in mail.outbox] == [[tim.kasubbag.email]]
    assert "Menunggu tindakan Anda" in mail.outbox[0].subject
    assert p.judul_tugas() in mail.outbox[0].subject
    assert f"status: {StatusPermohonan.DIAJUKAN.label}" in mail.outbox[0].body
