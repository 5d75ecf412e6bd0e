"""Every sop 003 transition tried as every role, as the same role of another
Satker, and anonymously: exactly the roles the SOP names succeed."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tests.penyusunan_helpers import K, S, buat_tim_penyusunan, kelengkapan, majukan, mulai
from workflow import mesin
from workflow.penyusunan import layanan
from workflow.penyusunan.models import (
    PenerimaSalinan,
    PenyusunanKeputusan,
    VarianPenyusunan,
)

pytestmark = pytest.mark.django_db

PERAN = ["pengusul", "divisi", "kasubbag", "pengelola", "sekretaris", "ketua"]
AKTOR = [*PERAN, *(f"{p}@lain" for p in PERAN), "anonim"]
HARI_INI = timezone.localdate()
SALINAN = {
    "nama_pejabat": "Pejabat Uji",
    "nip": "198705052010121001",
    "jabatan": "Kepala Subbagian Hukum dan SDM",
}


def _aktor(nama, tim, lain):
    if nama == "anonim":
        return AnonymousUser()
    peran, _, luar = nama.partition("@")
    return getattr(lain if luar else tim, peran)


def _penerima(p, tim):
    layanan.tambah_penerima(tim.pengelola, p, nama="Divisi Teknis", jenis="internal")
    layanan.kirim_salinan(tim.pengelola, p)


# (id, variant, state, what the step needs first, action, kwargs, roles allowed)
SEL = [
    ("ajukan", 1, S.PENYUSUNAN, K.KAK, "ajukan", {}, {"pengusul"}),
    ("teruskan-draft", 2, S.PENYEMPURNAAN, K.NOTULENSI_RAPAT, "teruskan_draft", {}, {"pengusul"}),
    (
        "verifikasi-personil",
        1,
        S.VERIFIKASI_PERSONIL,
        K.KARTU_KENDALI,
        "verifikasi_personil",
        {},
        {"kasubbag"},
    ),
    ("kembalikan", 1, S.VERIFIKASI_MUATAN, None, "kembalikan", {"catatan": "x"}, {"kasubbag"}),
    ("ajukan-pleno", 1, S.VERIFIKASI_MUATAN, None, "ajukan_pleno", {}, {"kasubbag"}),
    (
        "tetapkan-pleno",
        1,
        S.PLENO,
        K.BERITA_ACARA_PLENO,
        "tetapkan_pleno",
        {"tanggal_pleno": HARI_INI},
        {"ketua"},
    ),
    (
        "kembalikan-pleno",
        1,
        S.PLENO,
        K.BERITA_ACARA_PLENO,
        "kembalikan_pleno",
        {"tanggal_pleno": HARI_INI, "catatan": "x"},
        {"ketua"},
    ),
    ("sinkronkan", 1, S.SINKRONISASI, None, "sinkronkan", {}, {"kasubbag", "pengelola"}),
    ("paraf", 1, S.PARAF, None, "paraf", {}, {"sekretaris"}),
    ("kembalikan-paraf", 1, S.PARAF, None, "kembalikan_paraf", {"catatan": "x"}, {"sekretaris"}),
    (
        "tandatangani",
        1,
        S.TANDA_TANGAN,
        K.NASKAH_TTD,
        "tandatangani",
        {"tanggal_penetapan": HARI_INI},
        {"ketua"},
    ),
    ("beri-nomor", 1, S.PENOMORAN, None, "beri_nomor", {}, {"kasubbag", "pengelola"}),
    ("buat-salinan", 1, S.SALINAN, None, "buat_salinan", SALINAN, {"kasubbag", "pengelola"}),
    (
        "selesaikan-distribusi",
        1,
        S.DISTRIBUSI,
        "penerima",
        "selesaikan_distribusi",
        {},
        {"kasubbag", "pengelola"},
    ),
    (
        "digitalisasi",
        1,
        S.DIGITALISASI,
        None,
        "digitalisasi",
        {"lokasi_arsip": "Lemari A"},
        {"kasubbag", "pengelola"},
    ),
    ("batalkan", 1, S.PLENO, None, "batalkan", {"alasan": "x"}, {"kasubbag"}),
]

PEMEGANG = {
    K.KAK: "pengusul",
    K.NOTULENSI_RAPAT: "pengusul",
    K.KARTU_KENDALI: "kasubbag",
    K.BERITA_ACARA_PLENO: "ketua",
    K.NASKAH_TTD: "ketua",
}


@pytest.fixture
def dua_tim():
    return buat_tim_penyusunan(), buat_tim_penyusunan()


@pytest.mark.parametrize(
    "varian,status,syarat,aksi,kwargs,boleh", [s[1:] for s in SEL], ids=[s[0] for s in SEL]
)
def test_transition_allowed_only_for_sop_role_of_own_satker(
    dua_tim, varian, status, syarat, aksi, kwargs, boleh
):
    tim, lain = dua_tim
    p = majukan(mulai(tim, VarianPenyusunan(varian)), tim, status)
    if syarat == "penerima":
        _penerima(p, tim)
    elif syarat:
        if not p.punya_kelengkapan(syarat):
            kelengkapan(p, getattr(tim, PEMEGANG[syarat]), syarat)
    p = PenyusunanKeputusan.objects.get(pk=p.pk)
    for nama in AKTOR:
        user = _aktor(nama, tim, lain)
        # The model answers what a user may do (the pages ask it the same way).
        assert (aksi in mesin.aksi_tersedia(p, user)) == (nama in boleh), nama
        if nama in boleh:
            continue
        with pytest.raises(mesin.AksiGagal):
            getattr(layanan, aksi)(user, p, **kwargs)
        assert PenyusunanKeputusan.objects.get(pk=p.pk).status == status
    pelaku = _aktor(sorted(boleh)[-1], tim, lain)
    hasil = getattr(layanan, aksi)(pelaku, p, **kwargs)
    assert hasil.status != status
    assert hasil.jejak.filter(aksi=aksi, oleh=pelaku).count() == 1


@pytest.mark.parametrize("nama", AKTOR)
def test_only_pengusul_of_own_satker_can_start_a_draft(dua_tim, nama):
    tim, lain = dua_tim
    user = _aktor(nama, tim, lain)
    if nama == "pengusul":
        assert mulai(tim).diajukan_oleh == tim.pengusul
        return
    with pytest.raises(mesin.TidakBerwenang):
        layanan.mulai(
            user,
            tim.satker,
            varian=1,
            templat=tim.templat,
            judul="x",
            pemrakarsa="y",
        )
    assert not PenyusunanKeputusan.objects.exists()


@pytest.mark.parametrize("nama", AKTOR)
def test_only_drafters_of_own_satker_edit_the_draft(dua_tim, nama):
    tim, lain = dua_tim
    p = mulai(tim)
    user = _aktor(nama, tim, lain)
    isi = {**p.draft_terbaru().isi(), "judul": f"Diubah oleh {nama}"}
    if nama in ("pengusul", "divisi"):
        assert layanan.simpan_draft(user, p, isi=isi).revisi == 2
    else:
        with pytest.raises(mesin.TidakBerwenang):
            layanan.simpan_draft(user, p, isi=isi)


@pytest.mark.parametrize("nama", AKTOR)
def test_recipients_are_recorded_only_by_subbag_hukum(dua_tim, nama):
    tim, lain = dua_tim
    p = majukan(mulai(tim), tim, S.DISTRIBUSI)
    user = _aktor(nama, tim, lain)
    if nama in ("kasubbag", "pengelola"):
        layanan.tambah_penerima(user, p, nama="Bawaslu", jenis="eksternal")
        assert PenerimaSalinan.objects.filter(penyusunan=p).count() == 1
    else:
        with pytest.raises(mesin.TidakBerwenang):
            layanan.tambah_penerima(user, p, nama="Bawaslu", jenis="eksternal")


def test_pages_hide_another_offices_drafting_and_require_login(client, dua_tim):
    tim, lain = dua_tim
    p = majukan(mulai(tim), tim, S.VERIFIKASI_MUATAN)
    url = p.get_absolute_url()
    assert client.get(url).status_code == 302
    client.force_login(lain.kasubbag)
    for alamat in (
        url,
        f"{url}draft/",
        f"{url}draft/1/pdf/",
        f"{url}draft/banding/",
        f"{url}kelengkapan/{p.kelengkapan.first().pk}/",
    ):
        assert client.get(alamat).status_code == 404, alamat
    assert client.post(f"{url}ajukan_pleno/", {}).status_code == 404
    client.force_login(tim.pengelola)
    respons = client.post(
        f"{url}ajukan_pleno/", {"ajukan_pleno-status_terlihat": S.VERIFIKASI_MUATAN}
    )
    assert respons.status_code == 403
    p.refresh_from_db()
    assert p.status == S.VERIFIKASI_MUATAN
