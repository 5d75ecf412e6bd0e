"""Staff see each version's processing state on the request pages, and the
Pengelola can send a failed one back to the queue."""

import pytest
from django.test import TestCase

from documents.models import VersiBerkas

from .alur_helpers import KATA_SANDI, ajukan, buat_tim

pytestmark = pytest.mark.django_db

Status = VersiBerkas.StatusProses


def gagalkan(versi, pesan="Pengenalan teks (OCR) melewati batas waktu."):
    VersiBerkas.objects.filter(pk=versi.pk).update(status_proses=Status.GAGAL, pesan_proses=pesan)


def permohonan_dengan_versi_gagal(tim):
    p = ajukan(tim)
    versi = p.produk.versi.get()
    gagalkan(versi)
    return p, versi


def masuk(client, user):
    assert client.login(username=user.username, password=KATA_SANDI)


def test_request_page_shows_processing_state_and_failure_reason(client):
    tim = buat_tim()
    p, versi = permohonan_dengan_versi_gagal(tim)
    masuk(client, tim.kasubbag)
    halaman = client.get(p.get_absolute_url()).content.decode()
    assert "Pemrosesan: Gagal" in halaman
    assert "melewati batas waktu" in halaman
    assert "Proses ulang" not in halaman  # the Kasubbag does not handle files


def test_pengelola_retries_a_failed_version_and_it_is_processed_again(client):
    tim = buat_tim()
    p, versi = permohonan_dengan_versi_gagal(tim)
    masuk(client, tim.pengelola)
    assert "Proses ulang" in client.get(p.get_absolute_url()).content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        respons = client.post(f"/staf/permohonan/{p.pk}/berkas/{versi.pk}/proses-ulang/")
    assert respons.status_code == 302
    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI
    assert versi.teks
    assert p.jejak.filter(aksi="proses-ulang-berkas").exists()


def test_pengusul_cannot_retry_processing(client):
    tim = buat_tim()
    p, versi = permohonan_dengan_versi_gagal(tim)
    masuk(client, tim.pengusul)
    respons = client.post(f"/staf/permohonan/{p.pk}/berkas/{versi.pk}/proses-ulang/")
    assert respons.status_code == 403
    versi.refresh_from_db()
    assert versi.status_proses == Status.GAGAL


def test_pengelola_of_another_satker_cannot_see_or_retry(client):
    tim, lain = buat_tim(), buat_tim()
    p, versi = permohonan_dengan_versi_gagal(tim)
    masuk(client, lain.pengelola)
    respons = client.post(f"/staf/permohonan/{p.pk}/berkas/{versi.pk}/proses-ulang/")
    assert respons.status_code == 404
    versi.refresh_from_db()
    assert versi.status_proses == Status.GAGAL


def test_retry_of_a_version_still_queued_is_refused_with_a_message(client):
    tim = buat_tim()
    p = ajukan(tim)
    versi = p.produk.versi.get()
    VersiBerkas.objects.filter(pk=versi.pk).update(status_proses=Status.MENUNGGU)
    masuk(client, tim.pengelola)
    respons = client.post(f"/staf/permohonan/{p.pk}/berkas/{versi.pk}/proses-ulang/", follow=True)
    assert "masih menunggu atau sedang diproses" in respons.content.decode()


def test_retry_needs_post(client):
    tim = buat_tim()
    p = ajukan(tim)
    versi = p.produk.versi.get()
    masuk(client, tim.pengelola)
    assert client.get(f"/staf/permohonan/{p.pk}/berkas/{versi.pk}/proses-ulang/").status_code == 405
