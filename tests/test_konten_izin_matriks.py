"""Every sop 004 transition tried as every role, as the same role of another
Satker, and anonymously: exactly the roles the SOP names succeed (and of the
Staf JDIH, only the one named in the disposisi)."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.konten_helpers import (
    TAUTAN,
    S,
    buat_tim_konten,
    disposisi,
    gambar_unggahan,
    isi_konsep,
    majukan,
    simpan_konsep,
)
from workflow import mesin
from workflow.konten import layanan
from workflow.konten.models import GambarKonten, KontenMedsos

pytestmark = pytest.mark.django_db

PERAN = ["kabag", "kasubbag", "staf", "staf2", "pengusul", "pengelola"]
AKTOR = [*PERAN, *(f"{p}@lain" for p in PERAN), "anonim"]
PERINTAH = {"nota_nomor": "16/HK.06-ND/2029", "nota_tanggal": date(2029, 3, 4)}


def _aktor(nama, tim, lain):
    if nama == "anonim":
        return AnonymousUser()
    peran, _, luar = nama.partition("@")
    return getattr(lain if luar else tim, peran)


def _ke(k, tim, status):
    """``k`` in ``status``, ready for the step that leaves it."""
    if status == S.DIKEMBALIKAN:
        k = majukan(k, tim, S.DIKOREKSI)
        return layanan.kembalikan(tim.kasubbag, k, catatan="Perbaiki")
    k = majukan(k, tim, status)
    if status == S.DIDISPOSISI:
        simpan_konsep(tim, k)
    return k


# (id, state, action, kwargs, roles allowed)
SEL = [
    ("serahkan", S.DIDISPOSISI, "serahkan", {}, {"staf"}),
    ("serahkan-perbaikan", S.DIKEMBALIKAN, "serahkan", {}, {"staf"}),
    ("kembalikan", S.DIKOREKSI, "kembalikan", {"catatan": "x"}, {"kasubbag"}),
    ("setujui", S.DIKOREKSI, "setujui", {}, {"kasubbag"}),
    ("perintahkan-unggah", S.DISETUJUI, "perintahkan_unggah", PERINTAH, {"kabag"}),
    ("unggah", S.SIAP_UNGGAH, "unggah", {"tautan": TAUTAN}, {"staf"}),
    *(
        (f"batalkan-{s}", s, "batalkan", {"alasan": "x"}, {"kabag"})
        for s in (S.DIDISPOSISI, S.DIKOREKSI, S.DIKEMBALIKAN, S.DISETUJUI, S.SIAP_UNGGAH)
    ),
]


@pytest.fixture
def dua_tim():
    return buat_tim_konten(), buat_tim_konten()


@pytest.mark.parametrize("status,aksi,kwargs,boleh", [s[1:] for s in SEL], ids=[s[0] for s in SEL])
def test_transition_allowed_only_for_sop_role_of_own_satker(dua_tim, status, aksi, kwargs, boleh):
    tim, lain = dua_tim
    k = _ke(disposisi(tim), tim, status)
    k = KontenMedsos.objects.get(pk=k.pk)
    assert k.status == status
    for nama in AKTOR:
        user = _aktor(nama, tim, lain)
        # The model answers what a user may do (the pages ask it the same way).
        assert (aksi in mesin.aksi_tersedia(k, user)) == (nama in boleh), nama
        if nama in boleh:
            continue
        with pytest.raises(mesin.TidakBerwenang):
            getattr(layanan, aksi)(user, k, **kwargs)
        assert KontenMedsos.objects.get(pk=k.pk).status == status
    pelaku = _aktor(*boleh, tim, lain)
    sebelum = k.jejak.filter(aksi=aksi, oleh=pelaku).count()
    hasil = getattr(layanan, aksi)(pelaku, k, **kwargs)
    assert hasil.status != status
    assert hasil.jejak.filter(aksi=aksi, oleh=pelaku).count() == sebelum + 1


@pytest.mark.parametrize("status", [S.DIKOREKSI, S.DISETUJUI, S.DIUNGGAH])
def test_no_other_step_is_offered_out_of_order(dua_tim, status):
    """In each state only its own steps are offered to anyone."""
    tim, lain = dua_tim
    k = majukan(disposisi(tim), tim, status)
    sah = {
        S.DIKOREKSI: {"kembalikan", "setujui", "batalkan"},
        S.DISETUJUI: {"perintahkan_unggah", "batalkan"},
        S.DIUNGGAH: set(),
    }[status]
    for nama in AKTOR:
        assert set(mesin.aksi_tersedia(k, _aktor(nama, tim, lain))) <= sah, nama
    with pytest.raises(mesin.StatusBerubah):
        layanan.serahkan(tim.staf, k)


@pytest.mark.parametrize("nama", AKTOR)
def test_only_the_kepala_bagian_of_own_satker_gives_the_disposisi(dua_tim, nama):
    tim, lain = dua_tim
    user = _aktor(nama, tim, lain)
    if nama == "kabag":
        assert disposisi(tim).diajukan_oleh == tim.kabag
        return
    with pytest.raises(mesin.TidakBerwenang):
        layanan.disposisi(
            user,
            tim.satker,
            staf=tim.staf,
            jenis_konten="infografis",
            judul="x",
            petunjuk="y",
            nota_nomor="1/ND",
            nota_tanggal=date(2029, 3, 1),
        )
    assert not KontenMedsos.objects.exists()


@pytest.mark.parametrize("nama", AKTOR)
def test_only_the_named_staf_writes_the_concept(dua_tim, nama):
    tim, lain = dua_tim
    k = disposisi(tim)
    g = layanan.tambah_gambar(tim.staf, k, gambar_unggahan())
    user = _aktor(nama, tim, lain)
    isi = {**isi_konsep(tim), "gambar": [g]}
    assert k.boleh_susun(user) == (nama == "staf")
    if nama == "staf":
        assert layanan.simpan_konsep(user, k, isi=isi).revisi == 1
        assert layanan.tambah_gambar(user, k, gambar_unggahan()).konten == k
        return
    with pytest.raises(mesin.TidakBerwenang):
        layanan.simpan_konsep(user, k, isi=isi)
    with pytest.raises(mesin.TidakBerwenang):
        layanan.tambah_gambar(user, k, gambar_unggahan())
    assert not k.revisi.exists() and GambarKonten.objects.filter(konten=k).count() == 1


@pytest.mark.parametrize("nama", AKTOR)
def test_only_the_named_staf_draws_a_card(dua_tim, nama):
    pytest.importorskip("documents.kartu")
    tim, lain = dua_tim
    k = disposisi(tim)
    user = _aktor(nama, tim, lain)
    if nama == "staf":
        assert layanan.buat_kartu(user, k, tim.produk, "persegi").kartu_produk == tim.produk
        return
    with pytest.raises(mesin.TidakBerwenang):
        layanan.buat_kartu(user, k, tim.produk, "persegi")
    assert not GambarKonten.objects.filter(konten=k).exists()


@pytest.mark.parametrize("nama", AKTOR)
def test_pages_show_content_only_to_the_offices_content_roles(client, dua_tim, nama):
    tim, lain = dua_tim
    k = majukan(disposisi(tim), tim, S.DIKOREKSI)
    user = _aktor(nama, tim, lain)
    if nama != "anonim":
        client.force_login(user)
    alamat = [
        k.get_absolute_url(),
        f"{k.get_absolute_url()}konsep/",
        f"{k.get_absolute_url()}perubahan/",
        f"{k.get_absolute_url()}gambar/{k.gambar.get().pk}/",
    ]
    harapan = (
        302 if nama == "anonim" else 200 if nama in ("kabag", "kasubbag", "staf", "staf2") else 404
    )
    for a in alamat:
        assert client.get(a).status_code == harapan, a
    # Acting through the page: the Kasubbag may, a colleague who sees it gets 403.
    respons = client.post(
        f"{k.get_absolute_url()}setujui/", {"setujui-status_terlihat": S.DIKOREKSI}
    )
    if nama == "kasubbag":
        assert respons.status_code == 302
        assert KontenMedsos.objects.get(pk=k.pk).status == S.DISETUJUI
    else:
        assert respons.status_code == {200: 403}.get(harapan, harapan)
        assert KontenMedsos.objects.get(pk=k.pk).status == S.DIKOREKSI
