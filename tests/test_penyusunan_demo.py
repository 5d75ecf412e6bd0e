"""The sop 003 demo (workflow.penyusunan.demo): loaded by `manage.py muat_demo`,
twice without duplicates, with users for the new roles, Keputusan at the
listed steps and the finished one handed over to its upload request."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import TestCase

from documents.models import ProdukHukum, Salinan, StatusPublikasi, VersiBerkas
from workflow.demo import DEMO_PASSWORD, nama_pengguna
from workflow.models import JenisPermohonan, PenugasanPeran, Permohonan, Status
from workflow.penyusunan.demo import (
    PERAN_PENYUSUNAN,
    SATKER_PENYUSUNAN,
    TEMPLAT_PENGATURAN,
    TEMPLAT_TIM,
    muat_penyusunan_contoh,
)
from workflow.penyusunan.models import (
    CatatanPerbaikan,
    DraftSK,
    FormatNomor,
    Kelengkapan,
    NomorNaskah,
    PenerimaSalinan,
    PenyusunanKeputusan,
    RegisterNomor,
    StatusPenyusunan,
    TemplatSK,
    VarianPenyusunan,
)
from workflow.peran import Peran

pytestmark = pytest.mark.django_db

S = StatusPenyusunan

STATUS_DEMO = {
    "sorong-selatan": {S.PENYUSUNAN, S.PLENO, S.PENOMORAN, S.DISTRIBUSI, S.SELESAI},
    "kotawaringin-timur": {S.PARAF, S.PENYEMPURNAAN, S.DIBATALKAN},
}


def muat():
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("muat_demo")


def hitung():
    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            PenugasanPeran,
            TemplatSK,
            FormatNomor,
            PenyusunanKeputusan,
            DraftSK,
            Kelengkapan,
            CatatanPerbaikan,
            RegisterNomor,
            NomorNaskah,
            PenerimaSalinan,
            Salinan,
            ProdukHukum,
            VersiBerkas,
            Permohonan,
        )
    }


@pytest.fixture
def demo():
    muat()


def _penyusunan(slug, status):
    return PenyusunanKeputusan.objects.get(satker__slug=slug, status=status)


def test_loading_the_demo_twice_does_not_duplicate_anything():
    muat()
    sebelum = hitung()
    assert sebelum["PenyusunanKeputusan"] == sum(len(s) for s in STATUS_DEMO.values())
    muat()
    assert hitung() == sebelum
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert muat_penyusunan_contoh() == 0
    assert hitung() == sebelum


def test_every_new_role_user_exists_with_a_real_name_and_can_log_in(demo, client):
    for slug in SATKER_PENYUSUNAN:
        for peran in PERAN_PENYUSUNAN:
            username = nama_pengguna(peran, slug)
            user = User.objects.get(username=username)
            assert user.email == f"{username}@jdih.example"
            assert user.first_name and user.last_name
            assert str(peran) not in user.get_full_name()
            assert PenugasanPeran.objects.filter(
                pengguna=user, satker__slug=slug, peran__name=str(peran)
            ).exists()
            assert client.login(username=username, password=DEMO_PASSWORD), username
    assert nama_pengguna(Peran.KETUA, "sorong-selatan") == "ketua.sorong-selatan"
    assert nama_pengguna(Peran.DIVISI_TERKAIT, "sorong-selatan") == "divisi.sorong-selatan"


def test_templates_and_number_formats_of_each_office(demo):
    for slug in SATKER_PENYUSUNAN:
        tim = TemplatSK.objects.get(satker__slug=slug, nama=TEMPLAT_TIM)
        atur = TemplatSK.objects.get(satker__slug=slug, nama=TEMPLAT_PENGATURAN)
        assert tim.varian == VarianPenyusunan.TIM
        assert atur.varian == VarianPenyusunan.PENGATURAN
        assert "Undang-Undang Nomor 7 Tahun 2017" in tim.mengingat
        assert "{judul}" in tim.menimbang and "{satker}" in tim.memutuskan
        assert "KEEMPAT" in tim.memutuskan and "{tahun}" in tim.memutuskan
        assert "SUSUNAN KEANGGOTAAN" in tim.lampiran
        assert "{tempat}" in atur.lampiran
    fmt = FormatNomor.objects.get(satker__slug="sorong-selatan")
    assert fmt.pola == "{urut}/HK.03.1-Kpt/9204/KPU-Kab/{tahun}"
    assert FormatNomor.objects.get(satker__slug="kotawaringin-timur").pola == (
        "{urut}/HK.03.1-Kpt/6202/KPU-Kab/{tahun}"
    )


def test_each_listed_state_exists_in_both_variants(demo):
    for slug, daftar in STATUS_DEMO.items():
        ada = set(
            PenyusunanKeputusan.objects.filter(satker__slug=slug).values_list("status", flat=True)
        )
        assert ada == daftar, slug
    assert set(PenyusunanKeputusan.objects.values_list("varian", flat=True)) == {1, 2}

    drafting = _penyusunan("sorong-selatan", S.PENYUSUNAN)
    assert drafting.draft.count() == 2  # the template's text, then the Divisi's
    assert "Agustina Momot" in drafting.draft_terbaru().lampiran
    assert drafting.kelengkapan.filter(jenis="kak").exists()

    pleno = _penyusunan("sorong-selatan", S.PLENO)
    assert pleno.putaran_perbaikan == 1
    assert pleno.catatan_perbaikan.get().catatan.startswith("Lampiran: NIP")
    assert "NIP 198811202015031002" in pleno.draft_terbaru().lampiran

    # Numbers follow the office's pattern, in buku agenda order.
    distribusi = _penyusunan("sorong-selatan", S.DISTRIBUSI)
    selesai = _penyusunan("sorong-selatan", S.SELESAI)
    tahun = distribusi.nomor.register.tahun
    assert distribusi.nomor.nomor == f"1/HK.03.1-Kpt/9204/KPU-Kab/{tahun}"
    assert selesai.nomor.nomor == f"2/HK.03.1-Kpt/9204/KPU-Kab/{tahun}"
    assert _penyusunan("sorong-selatan", S.PENOMORAN).nomor is None

    # Distribution: every copy sent, one receipt still outstanding.
    assert distribusi.salinan is not None
    penerima = list(distribusi.penerima_salinan.all())
    assert len(penerima) == 3 and all(r.dikirim_pada for r in penerima)
    assert [r.nama for r in penerima if r.tertunda] == ["KPU Provinsi Papua Barat Daya"]

    assert _penyusunan("kotawaringin-timur", S.PARAF).draft_final is not None
    # A cancelled number stays in the buku agenda, marked cancelled.
    batal = _penyusunan("kotawaringin-timur", S.DIBATALKAN)
    assert batal.nomor.dibatalkan and batal.nomor.alasan_batal
    assert batal.nomor.nomor == f"1/HK.03.1-Kpt/6202/KPU-Kab/{tahun}"


def test_the_finished_one_has_its_upload_request(demo):
    p = _penyusunan("sorong-selatan", S.SELESAI)
    assert p.varian == VarianPenyusunan.PENGATURAN
    permohonan = p.permohonan
    assert permohonan.jenis == JenisPermohonan.UNGGAH
    assert permohonan.status == Status.DIAJUKAN
    produk = permohonan.produk
    assert produk == p.produk
    assert produk.status_publikasi == StatusPublikasi.DRAF
    assert (produk.nomor, produk.judul) == (p.nomor.nomor, p.draft_final.judul)
    assert produk.penandatangan == "Yohanis Sarefa"
    assert produk.lokasi == p.lokasi_arsip
    versi = produk.versi.get()
    assert permohonan.nota_dinas.naskah_asli == versi
    assert p.salinan.produk == produk
    # The signed scans are files of their own: no other catalogue version has them.
    assert VersiBerkas.objects.filter(sha256=versi.sha256).count() == 1
    # It waits for the Kasubbag on Tugas saya.
    assert Permohonan.objects.filter(
        satker__slug="sorong-selatan", status=Status.DIAJUKAN, produk=produk
    ).exists()


def test_every_demo_users_tugas_saya_answers_200(demo, client):
    pengguna = list(User.objects.order_by("username"))
    assert len(pengguna) > 20
    for user in pengguna:
        client.force_login(user)
        respons = client.get("/staf/")
        assert respons.status_code == 200, user.username
    # The new roles each find their step there.
    for username, judul in [
        ("ketua.sorong-selatan", "Sosialisasi dan Pendidikan Pemilih"),
        ("sekretaris.kotawaringin-timur", "Laporan Evaluasi Penyelenggaraan"),
        ("divisi.sorong-selatan", "Pemutakhiran Data Pemilih Berkelanjutan"),
        ("pengelola.sorong-selatan", "Pengelolaan Arsip Dinamis"),
        ("kasubbag.sorong-selatan", "Pedoman Teknis Pengelolaan Jaringan Dokumentasi"),
    ]:
        client.force_login(User.objects.get(username=username))
        assert judul in client.get("/staf/").content.decode(), username


def test_demo_pages_of_sop_003_answer_for_the_office(demo, client):
    client.force_login(User.objects.get(username="kasubbag.sorong-selatan"))
    for p in PenyusunanKeputusan.objects.filter(satker__slug="sorong-selatan"):
        assert client.get(p.get_absolute_url()).status_code == 200
        assert client.get(f"{p.get_absolute_url()}draft/").status_code == 200
    assert client.get("/staf/penyusunan/").status_code == 200
    assert client.get("/staf/penyusunan/buku-agenda/").status_code == 200
    respons = client.get("/staf/penyusunan/tanda-terima/")
    assert respons.status_code == 200
    assert "KPU Provinsi Papua Barat Daya" in respons.content.decode()
