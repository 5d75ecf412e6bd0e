"""A refused take-down correction is not a dead end: after "Tidak" the
Kasubbag or the Pengelola re-publishes the last good version or orders a new
correction round, and the public page is never left at "sedang diperbaiki"
without a way out."""

import hashlib
import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from documents import publikasi
from documents.berkas import tambah_lampiran
from documents.models import StatusPublikasi, VersiBerkas
from tests.alur_helpers import (
    ajukan,
    ajukan_penurunan,
    buat_tim,
    majukan,
    perbaikan_ditolak,
)
from tests.factories import buat_produk, pdf_bytes, pdf_teks, unggahan
from workflow import layanan
from workflow.models import Permohonan, Status
from workflow.peran import Peran
from workflow.selectors import KonteksPengguna, daftar_tugas

pytestmark = pytest.mark.django_db

KETERANGAN_DITOLAK = "Perbaikan lampiran halaman 2"  # what majukan writes on the correction


def _produk_dengan_lampiran(tim):
    """A published product whose lampiran went public with it."""
    produk = buat_produk(tim.satker)
    with TestCase.captureOnCommitCallbacks(execute=True):
        tambah_lampiran(produk, "Daftar Nama", unggahan(pdf_teks("Daftar nama anggota PPK")))
    publikasi.terbitkan_lampiran(produk)
    return produk


def _halaman_publik(client, produk):
    produk.refresh_from_db()
    return client.get(produk.get_absolute_url())


def _unduhan_publik(client, produk):
    produk.refresh_from_db()
    respons = client.get(
        reverse("publicsite:unduh", args=[produk.satker.slug, produk.pk, produk.slug])
    )
    assert respons.status_code == 200
    return hashlib.sha256(b"".join(respons.streaming_content)).hexdigest()


def _di_tugas_saya(user, p):
    kunci = daftar_tugas(KonteksPengguna(user), False, {})
    return ("permohonan", p.pk) in {(k, pk) for k, pk, _ in kunci}


# --- "Tidak" on a correction waits for the way back --------------------------


def test_tidak_pada_perbaikan_penurunan_menunggu_tindak_lanjut_bukan_akhir():
    tim = buat_tim()
    p = perbaikan_ditolak(tim)
    assert p.status == Status.PERBAIKAN_DITOLAK
    assert not p.selesai and p.selesai_pada is None
    p.produk.refresh_from_db()
    assert p.produk.status_publikasi == StatusPublikasi.DITURUNKAN
    tahap = p.tahap_menunggu()
    assert tahap.kode == "tindak-lanjut-penolakan"
    jejak = p.jejak.order_by("-waktu", "-id").first()
    assert (jejak.aksi, jejak.dari_status, jejak.ke_status) == (
        "tolak",
        Status.DIVALIDASI,
        Status.PERBAIKAN_DITOLAK,
    )


def test_tidak_pada_pengunggahan_tetap_mengakhiri_permohonan():
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIVALIDASI)
    p = layanan.tolak(tim.kasubbag, p, alasan="Bukan produk hukum satker ini")
    assert p.status == Status.DITOLAK and p.selesai
    assert p.tahap_menunggu() is None


def test_tugas_saya_kasubbag_dan_pengelola_menampilkan_keputusan_yang_ditunggu():
    tim = buat_tim()
    p = perbaikan_ditolak(tim)
    assert _di_tugas_saya(tim.kasubbag, p)
    assert _di_tugas_saya(tim.pengelola, p)
    assert not _di_tugas_saya(tim.pengusul, p)


def test_tugas_saya_halaman_menyebut_tindak_lanjut(client):
    tim = buat_tim()
    p = perbaikan_ditolak(tim)
    client.force_login(tim.kasubbag)
    isi = client.get(reverse("workflow:tugas-saya")).content.decode()
    assert p.get_absolute_url() in isi
    assert "Menindaklanjuti penolakan perbaikan" in isi


def test_tidak_pada_perbaikan_memberi_tahu_kasubbag_dan_pengelola():
    tim = buat_tim()
    p = majukan(ajukan_penurunan(tim), tim, Status.DIVALIDASI)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.tolak(tim.kasubbag, p, alasan="Keterangan perbaikan kurang")
    penerima = sorted(a for m in mail.outbox for a in m.to)
    assert penerima == sorted([tim.kasubbag.email, tim.pengelola.email])


# --- (a) re-publish the last good version ------------------------------------


def test_terbitkan_kembali_menerbitkan_versi_lama_perbaikan_tetap_tidak_terbit(client):
    tim = buat_tim()
    produk = _produk_dengan_lampiran(tim)
    versi_lama = produk.versi_terbit()
    lampiran = produk.lampiran.get()
    lampiran_lama = lampiran.versi_terbit()
    p = majukan(ajukan_penurunan(tim, produk), tim, Status.DITURUNKAN)
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.unggah_versi_lampiran(
            tim.pengelola,
            p,
            lampiran,
            unggahan(pdf_teks("Daftar nama yang diperbaiki")),
            keterangan_perbaikan="Nama diperbaiki",
        )
    p = majukan(p, tim, Status.DIVALIDASI)
    p = layanan.tolak(tim.kasubbag, p, alasan="Perbaikan keliru")
    assert _halaman_publik(client, produk).status_code == 404  # "sedang diperbaiki"
    ditolak = p.versi_perbaikan

    p = layanan.terbitkan_kembali(tim.pengelola, p, catatan="Kembali ke naskah semula")

    assert p.status == Status.DITOLAK and p.selesai_pada is not None
    produk.refresh_from_db()
    assert produk.status_publikasi == StatusPublikasi.TERBIT
    assert produk.versi_terbit() == versi_lama
    ditolak.refresh_from_db()
    assert ditolak.diterbitkan_pada is None
    assert lampiran.versi_terbit() == lampiran_lama
    assert not VersiBerkas.objects.filter(
        lampiran=lampiran, nomor_versi__gt=lampiran_lama.nomor_versi, diterbitkan_pada__isnull=False
    ).exists()
    jejak = p.jejak.order_by("-waktu", "-id").first()
    assert (jejak.aksi, jejak.dari_status, jejak.ke_status, jejak.oleh) == (
        "terbitkan_kembali",
        Status.PERBAIKAN_DITOLAK,
        Status.DITOLAK,
        tim.pengelola,
    )
    assert jejak.catatan == f"Versi {versi_lama.nomor_versi} diterbitkan kembali: " + (
        "Kembali ke naskah semula"
    )
    halaman = _halaman_publik(client, produk)
    assert halaman.status_code == 200
    isi = halaman.content.decode()
    assert f"Versi {versi_lama.nomor_versi} (berlaku sekarang)" in isi
    assert KETERANGAN_DITOLAK not in isi
    assert _unduhan_publik(client, produk) == versi_lama.sha256


def test_kasubbag_juga_dapat_menerbitkan_kembali():
    tim = buat_tim()
    p = layanan.terbitkan_kembali(tim.kasubbag, perbaikan_ditolak(tim))
    assert p.status == Status.DITOLAK
    p.produk.refresh_from_db()
    assert p.produk.status_publikasi == StatusPublikasi.TERBIT


# --- (b) a new correction round ----------------------------------------------


def test_perbaikan_ulang_lalu_disetujui_menerbitkan_perbaikan_baru(client):
    tim = buat_tim(validator=[Peran.WEB_ADMIN])
    p = perbaikan_ditolak(tim, alasan="Halaman 3 masih terbalik")
    produk = p.produk
    ditolak = p.versi_perbaikan

    p = layanan.perbaikan_ulang(tim.kasubbag, p)

    assert p.status == Status.DITURUNKAN
    assert p.versi_perbaikan is None and p.tingkat_lolos == 0
    koreksi = p.koreksi.order_by("-putaran").first()
    assert koreksi.catatan == "Halaman 3 masih terbalik" and koreksi.oleh == tim.kasubbag
    assert _di_tugas_saya(tim.pengelola, p)
    # The refused file cannot be handed in again: a new correction is needed.
    with pytest.raises(layanan.AksiGagal):
        layanan.serahkan(tim.pengelola, p)
    with TestCase.captureOnCommitCallbacks(execute=True):
        baru = layanan.unggah_berkas(
            tim.pengelola,
            p,
            io.BytesIO(pdf_bytes()),
            keterangan_perbaikan="Halaman 3 dipindai ulang",
        )
    p.refresh_from_db()
    p = layanan.serahkan(tim.pengelola, p)
    p = layanan.loloskan_koreksi(tim.kasubbag, p)
    # Every level checks the new correction again.
    with pytest.raises(layanan.AksiGagal):
        layanan.setujui(tim.kasubbag, p)
    p = layanan.validasi(tim.validator[0], p)
    p = layanan.setujui(tim.kasubbag, p)
    assert _halaman_publik(client, produk).status_code == 404
    p = layanan.unggah(tim.pengelola, p)

    assert p.status == Status.DIUNGGAH
    produk.refresh_from_db()
    assert produk.versi_terbit() == baru
    ditolak.refresh_from_db()
    assert ditolak.diterbitkan_pada is None
    isi = _halaman_publik(client, produk).content.decode()
    assert f"Versi {baru.nomor_versi} (berlaku sekarang)" in isi
    assert "Halaman 3 dipindai ulang" in isi
    assert _unduhan_publik(client, produk) == baru.sha256
    aksi = list(p.jejak.values_list("aksi", flat=True))
    assert aksi.count("tolak") == 1 and "perbaikan_ulang" in aksi


def test_perbaikan_ulang_memakai_petunjuk_bila_diisi():
    tim = buat_tim()
    p = layanan.perbaikan_ulang(tim.pengelola, perbaikan_ditolak(tim), catatan="Pindai ulang")
    assert p.koreksi.order_by("-putaran").first().catatan == "Pindai ulang"


# --- who may act, and stale pages --------------------------------------------

PERAN_LAIN = ["pengusul", "validator", "kasubbag@lain", "pengelola@lain", "anonim"]


def _aktor(nama, tim, lain):
    if nama == "anonim":
        return AnonymousUser()
    peran, _, luar = nama.partition("@")
    t = lain if luar else tim
    return t.validator[0] if peran == "validator" else getattr(t, peran)


@pytest.mark.parametrize("aksi", ["terbitkan_kembali", "perbaikan_ulang"])
def test_hanya_kasubbag_atau_pengelola_satker_sendiri_yang_menindaklanjuti(aksi):
    tim = buat_tim(validator=[Peran.WEB_ADMIN])
    lain = buat_tim(validator=[Peran.WEB_ADMIN])
    p = perbaikan_ditolak(tim)
    for nama in PERAN_LAIN:
        with pytest.raises(layanan.TidakBerwenang):
            getattr(layanan, aksi)(_aktor(nama, tim, lain), p)
        assert Permohonan.objects.get(pk=p.pk).status == Status.PERBAIKAN_DITOLAK
    assert p.jejak.filter(aksi=aksi).count() == 0
    for nama in ("kasubbag", "pengelola"):
        q = perbaikan_ditolak(tim)
        getattr(layanan, aksi)(getattr(tim, nama), q)


def test_tindak_lanjut_hanya_dari_perbaikan_ditolak():
    tim = buat_tim()
    p = majukan(ajukan_penurunan(tim), tim, Status.DIVALIDASI)
    with pytest.raises(layanan.StatusBerubah):
        layanan.terbitkan_kembali(tim.pengelola, p)
    with pytest.raises(layanan.StatusBerubah):
        layanan.perbaikan_ulang(tim.kasubbag, p)
    q = majukan(ajukan(tim), tim, Status.DIVALIDASI)
    q = layanan.tolak(tim.kasubbag, q, alasan="Salah satker")
    with pytest.raises(layanan.StatusBerubah):
        layanan.terbitkan_kembali(tim.pengelola, q)


def test_tindak_lanjut_kedua_dari_halaman_basi_ditolak_dengan_pesan():
    tim = buat_tim()
    p = perbaikan_ditolak(tim)
    layanan.perbaikan_ulang(tim.kasubbag, p, status_terlihat=Status.PERBAIKAN_DITOLAK)
    with pytest.raises(layanan.StatusBerubah) as e:
        layanan.terbitkan_kembali(tim.pengelola, p, status_terlihat=Status.PERBAIKAN_DITOLAK)
    assert "baru saja diproses" in e.value.pesan
    p.refresh_from_db()
    assert p.status == Status.DITURUNKAN
    p.produk.refresh_from_db()
    assert p.produk.status_publikasi == StatusPublikasi.DITURUNKAN


# --- through the pages -------------------------------------------------------


def _kirim(client, p, aksi, status_terlihat, **data):
    return client.post(
        reverse("workflow:aksi", args=[p.pk, aksi]),
        {f"{aksi}-status_terlihat": status_terlihat, **{f"{aksi}-{k}": v for k, v in data.items()}},
    )


def test_halaman_permohonan_menawarkan_dua_jalan_dengan_penjelasan(client):
    tim = buat_tim()
    p = perbaikan_ditolak(tim, alasan="Lampiran tertukar")
    versi_lama = p.produk.versi_terbit()
    for user in (tim.kasubbag, tim.pengelola):
        client.force_login(user)
        isi = client.get(p.get_absolute_url()).content.decode()
        assert "Perbaikan ditolak." in isi and "Lampiran tertukar" in isi
        assert "sedang diperbaiki" in isi
        assert reverse("workflow:aksi", args=[p.pk, "terbitkan_kembali"]) in isi
        assert reverse("workflow:aksi", args=[p.pk, "perbaikan_ulang"]) in isi
        assert f"versi {versi_lama.nomor_versi}" in isi
    client.force_login(tim.pengusul)
    isi = client.get(p.get_absolute_url()).content.decode()
    assert "Perbaikan ditolak." in isi
    assert reverse("workflow:aksi", args=[p.pk, "terbitkan_kembali"]) not in isi


def test_terbitkan_kembali_lewat_halaman_dengan_konfirmasi(client):
    tim = buat_tim()
    p = majukan(ajukan_penurunan(tim), tim, Status.DIVALIDASI)
    produk = p.produk
    versi_lama = produk.versi_terbit()
    client.force_login(tim.kasubbag)
    respons = _kirim(client, p, "tolak", "divalidasi", alasan="Perbaikan keliru", konfirmasi="on")
    assert respons.status_code == 302
    p.refresh_from_db()
    assert p.status == Status.PERBAIKAN_DITOLAK
    assert _halaman_publik(client, produk).status_code == 404

    client.force_login(tim.pengelola)
    halaman = client.get(reverse("workflow:aksi", args=[p.pk, "terbitkan_kembali"]))
    assert f"versi {versi_lama.nomor_versi}" in halaman.content.decode()
    # Without the confirmation nothing happens.
    respons = _kirim(client, p, "terbitkan_kembali", "perbaikan_ditolak")
    assert respons.status_code == 200
    p.refresh_from_db()
    assert p.status == Status.PERBAIKAN_DITOLAK
    respons = _kirim(client, p, "terbitkan_kembali", "perbaikan_ditolak", konfirmasi="on")
    assert respons.status_code == 302
    p.refresh_from_db()
    assert p.status == Status.DITOLAK

    halaman = _halaman_publik(client, produk)
    assert halaman.status_code == 200
    assert f"Versi {versi_lama.nomor_versi} (berlaku sekarang)" in halaman.content.decode()
    assert _unduhan_publik(client, produk) == versi_lama.sha256


def test_perbaikan_ulang_lewat_halaman_sampai_unggah_ulang(client):
    tim = buat_tim()
    p = perbaikan_ditolak(tim)
    produk = p.produk
    client.force_login(tim.kasubbag)
    respons = _kirim(
        client, p, "perbaikan_ulang", "perbaikan_ditolak", catatan="Pindai ulang halaman 3"
    )
    assert respons.status_code == 302
    p.refresh_from_db()
    assert p.status == Status.DITURUNKAN

    client.force_login(tim.pengelola)
    siapkan = reverse("workflow:siapkan", args=[p.pk])
    assert "Pindai ulang halaman 3" in client.get(siapkan).content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        respons = client.post(
            siapkan,
            {
                "unggah_berkas": "1",
                "berkas": unggahan(pdf_bytes()),
                "keterangan_perbaikan": "Halaman 3 dipindai ulang",
            },
        )
    assert respons.status_code == 302
    p.refresh_from_db()
    baru = p.versi_perbaikan
    assert baru is not None
    assert _kirim(client, p, "serahkan", "diturunkan").status_code == 302
    client.force_login(tim.kasubbag)
    assert _kirim(client, p, "loloskan_koreksi", "diperiksa").status_code == 302
    assert _kirim(client, p, "setujui", "divalidasi").status_code == 302
    client.force_login(tim.pengelola)
    assert _kirim(client, p, "unggah", "disetujui").status_code == 302
    p.refresh_from_db()
    assert p.status == Status.DIUNGGAH

    isi = _halaman_publik(client, produk).content.decode()
    assert f"Versi {baru.nomor_versi} (berlaku sekarang)" in isi
    assert "Halaman 3 dipindai ulang" in isi
    assert _unduhan_publik(client, produk) == baru.sha256


@pytest.mark.parametrize("aksi", ["terbitkan_kembali", "perbaikan_ulang"])
def test_peran_lain_lewat_halaman_mendapat_403(client, aksi):
    tim = buat_tim()
    p = perbaikan_ditolak(tim)
    client.force_login(tim.pengusul)
    respons = _kirim(client, p, aksi, "perbaikan_ditolak", konfirmasi="on")
    assert respons.status_code == 403
    p.refresh_from_db()
    assert p.status == Status.PERBAIKAN_DITOLAK


def test_halaman_basi_lewat_halaman_mendapat_pesan_tanpa_perubahan(client):
    tim = buat_tim()
    p = perbaikan_ditolak(tim)
    client.force_login(tim.kasubbag)
    assert _kirim(client, p, "perbaikan_ulang", "perbaikan_ditolak").status_code == 302
    client.force_login(tim.pengelola)
    respons = _kirim(client, p, "terbitkan_kembali", "perbaikan_ditolak", konfirmasi="on")
    assert respons.status_code == 302
    pesan = [str(m) for m in respons.wsgi_request._messages]
    assert any("baru saja diproses" in m for m in pesan)
    p.refresh_from_db()
    assert p.status == Status.DITURUNKAN
    p.produk.refresh_from_db()
    assert p.produk.status_publikasi == StatusPublikasi.DITURUNKAN


# --- requests refused before this release ------------------------------------


def test_migrasi_membuka_kembali_penurunan_yang_telanjur_buntu():
    migrasi = importlib.import_module("workflow.migrations.0008_penurunan_ditolak")
    tim = buat_tim()
    buntu = majukan(ajukan_penurunan(tim), tim, Status.DIVALIDASI)
    # As the old code left it: refused, finished, the product still down.
    Permohonan.objects.filter(pk=buntu.pk).update(status="ditolak")
    pulih = majukan(ajukan_penurunan(tim), tim, Status.DIVALIDASI)
    Permohonan.objects.filter(pk=pulih.pk).update(status="ditolak")
    publikasi.terbitkan(pulih.produk, pulih.produk.versi_terbit())
    unggah = layanan.tolak(tim.kasubbag, majukan(ajukan(tim), tim, Status.DIVALIDASI), alasan="x")

    migrasi.maju(apps, None)

    assert Permohonan.objects.get(pk=buntu.pk).status == Status.PERBAIKAN_DITOLAK
    assert Permohonan.objects.get(pk=pulih.pk).status == Status.DITOLAK
    assert Permohonan.objects.get(pk=unggah.pk).status == Status.DITOLAK
