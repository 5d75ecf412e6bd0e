"""The sop 004 demo (workflow.konten.demo): loaded by `manage.py muat_demo`,
twice without duplicates, with the Staf JDIH of Kalimantan Tengah, content
at each listed step walked there through the real actions, and two posted
items with images on /konten/."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import TestCase

from documents.models import KontenTerbit, StatusPublikasi
from workflow.demo import DEMO_PASSWORD, nama_pengguna
from workflow.konten.demo import CONTOH, SATKER_KONTEN, muat_konten_contoh
from workflow.konten.models import (
    CatatanKoreksiKonten,
    GambarKonten,
    KontenMedsos,
    RevisiKonten,
    StatusKonten,
    TautanUnggahan,
)
from workflow.konten.tautan import alasan_tautan_salah
from workflow.models import JejakAudit, PenugasanPeran
from workflow.peran import Peran

pytestmark = pytest.mark.django_db

S = StatusKonten

STATUS_DEMO = [S.DIDISPOSISI, S.DIKOREKSI, S.DIKEMBALIKAN, S.DISETUJUI, S.DIUNGGAH, S.DIUNGGAH]


def muat():
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("muat_demo")


def hitung():
    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            PenugasanPeran,
            KontenMedsos,
            RevisiKonten,
            GambarKonten,
            CatatanKoreksiKonten,
            TautanUnggahan,
            KontenTerbit,
            JejakAudit,
        )
    }


def _konten(status):
    return KontenMedsos.objects.filter(satker__slug=SATKER_KONTEN, status=status)


def test_memuat_demo_dua_kali_tidak_menggandakan_apa_pun():
    muat()
    sebelum = hitung()
    assert sebelum["KontenMedsos"] == len(CONTOH) == 6
    muat()
    assert hitung() == sebelum
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert muat_konten_contoh() == 0
    assert hitung() == sebelum


def _staf_jdih_bernama_orang_dan_dapat_masuk(client):
    username = nama_pengguna(Peran.STAF, SATKER_KONTEN)
    assert username == "staf.kalimantan-tengah"
    staf = User.objects.get(username=username)
    assert staf.email == f"{username}@jdih.example"
    assert staf.first_name and staf.last_name and "Staf" not in staf.get_full_name()
    assert PenugasanPeran.objects.filter(
        pengguna=staf, satker__slug=SATKER_KONTEN, peran__name=str(Peran.STAF)
    ).exists()
    assert client.login(username=username, password=DEMO_PASSWORD)


def _setiap_langkah_yang_dijanjikan_ada():
    ada = sorted(
        KontenMedsos.objects.filter(satker__slug=SATKER_KONTEN).values_list("status", flat=True)
    )
    assert ada == sorted(STATUS_DEMO)
    staf = User.objects.get(username="staf.kalimantan-tengah")
    assert set(KontenMedsos.objects.values_list("staf", flat=True)) == {staf.pk}

    # Waiting for the Staf's concept: only the disposisi.
    menunggu = _konten(S.DIDISPOSISI).get()
    assert not menunggu.revisi.exists() and menunggu.nota_nomor and menunggu.petunjuk

    # Sent back once, with the Kasubbag's notes.
    kembali = _konten(S.DIKEMBALIKAN).get()
    assert kembali.putaran_koreksi == 1
    assert kembali.koreksi.get().catatan.startswith("1. Cantumkan nomor")
    assert CatatanKoreksiKonten.objects.count() == 1

    # Every concept is about a published product of the office, with an image.
    for k in KontenMedsos.objects.exclude(status=S.DIDISPOSISI):
        r = k.revisi_terbaru()
        assert r.gambar.exists(), k
        assert all(
            p.satker.slug == SATKER_KONTEN and p.status_publikasi == StatusPublikasi.TERBIT
            for p in r.produk.all()
        )
        assert r.gambar.first().lebar == 1080

    disetujui = _konten(S.DISETUJUI).get()
    assert not disetujui.perintah_nomor

    # The trail names who did each step.
    aksi = set(JejakAudit.objects.values_list("aksi", flat=True))
    for a in ("disposisi", "simpan-konsep", "serahkan", "kembalikan", "setujui"):
        assert a in aksi
    assert {"perintahkan_unggah", "unggah"} <= aksi


def _dua_konten_terunggah_dengan_gambar_dan_tautan_yang_sah():
    terunggah = list(_konten(S.DIUNGGAH).select_related("terbit"))
    assert len(terunggah) == 2
    for k in terunggah:
        assert k.perintah_nomor and k.perintah_tanggal
        t = k.terbit
        assert t.gambar and t.sha256_gambar and t.format_gambar == "png"
        with t.gambar.open("rb") as f:
            assert f.read(8) == b"\x89PNG\r\n\x1a\n"
        assert set(t.tautan) == set(k.revisi_terbaru().platform)
        for platform, url in t.tautan.items():
            assert alasan_tautan_salah(platform, url) == "", url
        assert t.produk.exists()
    assert {"instagram", "facebook", "x"} <= {p for k in terunggah for p in k.terbit.tautan}
    assert KontenTerbit.objects.count() == 2


def _galeri_publik_menampilkan_kedua_konten(client):
    respons = client.get("/konten/")
    assert respons.status_code == 200
    html = respons.content.decode()
    for t in KontenTerbit.objects.all():
        assert f'id="konten-{t.pk}"' in html
        assert f'alt="{t.judul}"' in html
        assert client.get(f"/konten/{t.pk}/gambar").status_code == 200
    assert "https://www.instagram.com/p/" in html
    # One posted item is about a revoked decision: the gallery says so today.
    assert "lencana lencana-tidak-berlaku" in html
    satker = client.get(f"/{SATKER_KONTEN}/konten/").content.decode()
    assert satker.count('class="konten"') == 2


def _tugas_saya_setiap_peran_sop_004(client):
    for username, judul in [
        ("staf.kalimantan-tengah", "Besaran Honorarium Badan Ad Hoc"),
        ("staf.kalimantan-tengah", "Rekapitulasi Hasil Penghitungan Suara"),
        ("kasubbag.kalimantan-tengah", "Pedoman Teknis Pelaksanaan Kampanye"),
        ("kabag.kalimantan-tengah", "Penetapan Daftar Pemilih Tetap"),
    ]:
        client.force_login(User.objects.get(username=username))
        respons = client.get("/staf/")
        assert respons.status_code == 200
        assert judul in respons.content.decode(), username


# Loading the demo takes seconds: the checks share one load.


def test_staf_langkah_dan_dua_konten_terunggah(client):
    muat()
    _staf_jdih_bernama_orang_dan_dapat_masuk(client)
    _setiap_langkah_yang_dijanjikan_ada()
    _dua_konten_terunggah_dengan_gambar_dan_tautan_yang_sah()


def test_galeri_publik_dan_tugas_saya(client):
    muat()
    _galeri_publik_menampilkan_kedua_konten(client)
    _tugas_saya_setiap_peran_sop_004(client)
