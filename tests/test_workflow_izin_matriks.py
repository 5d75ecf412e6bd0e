"""Every transition tried as every role, as the same role of another Satker,
and anonymously: exactly the cells the SOP allows succeed. "pengelola2" is a
Pengelola of the same Satker whom the disposisi does not name: he acts on
nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.alur_helpers import (
    ajukan,
    ajukan_penurunan,
    buat_tim,
    data_nota,
    majukan,
    nota_unggahan,
    tambah_pengelola,
)
from tests.factories import buat_jenis, buat_produk, pdf_bytes, unggahan
from workflow import layanan
from workflow.models import Permohonan, Status
from workflow.peran import Peran

pytestmark = pytest.mark.django_db

PERAN = ["pengusul", "kasubbag", "pengelola", "pengelola2", "validator"]
AKTOR = [*PERAN, *(f"{p}@lain" for p in PERAN), "anonim"]


def _aktor(nama, tim, lain):
    if nama == "anonim":
        return AnonymousUser()
    peran, _, luar = nama.partition("@")
    t = lain if luar else tim
    return t.validator[0] if peran == "validator" else getattr(t, peran)


def _siapkan(jenis, status, tim, tingkat_lolos=0):
    p = ajukan(tim) if jenis == "unggah" else ajukan_penurunan(tim)
    if status == Status.PERLU_DILENGKAPI:
        return layanan.kembalikan_ke_pengusul(tim.kasubbag, p, catatan="Lengkapi PDF")
    if status == Status.DIKEMBALIKAN:
        p = majukan(p, tim, Status.DIPERIKSA)
        return layanan.kembalikan(tim.kasubbag, p, catatan="Perbaiki judul")
    p = majukan(p, tim, status)
    for _ in range(tingkat_lolos):
        p = layanan.validasi(tim.validator[0], p)
    return p


# (name, jenis, source state, validation levels already passed, action, kwargs, allowed)
SEL = [
    ("disposisi", "unggah", Status.DIAJUKAN, 0, "disposisi", {"petunjuk": "Unggah"}, "kasubbag"),
    ("serahkan", "unggah", Status.DIDISPOSISI, 0, "serahkan", {}, "pengelola"),
    ("kembalikan", "unggah", Status.DIPERIKSA, 0, "kembalikan", {"catatan": "x"}, "kasubbag"),
    ("loloskan", "unggah", Status.DIPERIKSA, 0, "loloskan_koreksi", {}, "kasubbag"),
    ("serahkan-ulang", "unggah", Status.DIKEMBALIKAN, 0, "serahkan", {}, "pengelola"),
    ("validasi", "unggah", Status.DIVALIDASI, 0, "validasi", {}, "validator"),
    (
        "validasi-kembalikan",
        "unggah",
        Status.DIVALIDASI,
        0,
        "kembalikan",
        {"catatan": "x"},
        "validator",
    ),
    ("setujui", "unggah", Status.DIVALIDASI, 1, "setujui", {}, "kasubbag"),
    ("tolak", "unggah", Status.DIVALIDASI, 1, "tolak", {"alasan": "Tidak sesuai"}, "kasubbag"),
    ("unggah", "unggah", Status.DISETUJUI, 0, "unggah", {}, "pengelola"),
    (
        "disposisi-penurunan",
        "penurunan",
        Status.DIAJUKAN,
        0,
        "disposisi",
        {"petunjuk": "Turunkan"},
        "kasubbag",
    ),
    (
        "turunkan",
        "penurunan",
        Status.DIDISPOSISI,
        0,
        "turunkan",
        {"catatan": "Salah lampiran"},
        "pengelola",
    ),
    ("serahkan-perbaikan", "penurunan", Status.DITURUNKAN, 0, "serahkan", {}, "pengelola"),
    ("unggah-ulang", "penurunan", Status.DISETUJUI, 0, "unggah", {}, "pengelola"),
    # Before disposisi: the Kasubbag sends back, the proposer completes or withdraws.
    (
        "kembalikan-ke-pengusul",
        "unggah",
        Status.DIAJUKAN,
        0,
        "kembalikan_ke_pengusul",
        {"catatan": "Nota Dinas belum ditandatangani"},
        "kasubbag",
    ),
    ("ajukan-ulang", "unggah", Status.PERLU_DILENGKAPI, 0, "ajukan_ulang", {}, "pengusul"),
    ("tarik", "unggah", Status.DIAJUKAN, 0, "tarik", {}, "pengusul"),
    ("tarik-dilengkapi", "unggah", Status.PERLU_DILENGKAPI, 0, "tarik", {}, "pengusul"),
    ("tarik-penurunan", "penurunan", Status.DIAJUKAN, 0, "tarik", {}, "pengusul"),
    # After disposisi: only the Kasubbag re-assigns (not a transition).
    (
        "alihkan-disposisi",
        "unggah",
        Status.DIDISPOSISI,
        0,
        "alihkan_disposisi",
        {"alasan": "Cuti"},
        "kasubbag",
    ),
    (
        "alihkan-saat-validasi",
        "unggah",
        Status.DIVALIDASI,
        0,
        "alihkan_disposisi",
        {"alasan": "Mutasi"},
        "kasubbag",
    ),
]


@pytest.fixture
def dua_tim():
    tim = buat_tim(validator=[Peran.WEB_ADMIN])
    lain = buat_tim(validator=[Peran.WEB_ADMIN])
    tambah_pengelola(tim)
    tambah_pengelola(lain)
    return tim, lain


@pytest.mark.parametrize(
    "jenis,status,lolos,aksi,kwargs,boleh", [s[1:] for s in SEL], ids=[s[0] for s in SEL]
)
def test_transition_allowed_only_for_sop_role_of_own_satker(
    dua_tim, jenis, status, lolos, aksi, kwargs, boleh
):
    tim, lain = dua_tim
    p = _siapkan(jenis, status, tim, lolos)
    if status == Status.DITURUNKAN:
        layanan.unggah_berkas(
            tim.pengelola, p, unggahan(pdf_bytes()), keterangan_perbaikan="Lampiran diganti"
        )
        p.refresh_from_db()
    if aksi == "disposisi":
        kwargs = {**kwargs, "kepada": tim.pengelola}
    if aksi == "alihkan_disposisi":
        kwargs = {**kwargs, "kepada": tim.pengelola2}
    if aksi == "ajukan_ulang":
        kwargs = {**kwargs, "nota": data_nota(perihal="Dilengkapi")}
    berhasil = []
    # The allowed actor goes last: a success changes the state for everyone after.
    for nama in sorted(AKTOR, key=lambda n: n == boleh):
        sebelum = Permohonan.objects.values_list("status", "pengelola_id").get(pk=p.pk)
        try:
            getattr(layanan, aksi)(_aktor(nama, tim, lain), p, **kwargs)
        except layanan.AksiGagal:
            assert Permohonan.objects.values_list("status", "pengelola_id").get(pk=p.pk) == sebelum
        else:
            berhasil.append(nama)
    assert berhasil == [boleh]


@pytest.mark.parametrize("nama", AKTOR)
def test_only_pengusul_of_own_satker_can_submit_requests(dua_tim, nama):
    tim, lain = dua_tim
    user = _aktor(nama, tim, lain)
    boleh = nama == "pengusul"
    produk_terbit = buat_produk(tim.satker)
    hasil = []
    for coba in (
        lambda: layanan.ajukan_unggah(
            user,
            tim.satker,
            produk={"jenis": buat_jenis(), "nomor": "9/2024", "tahun": 2024, "judul": "Uji"},
            nota=data_nota(),
            berkas=unggahan(pdf_bytes()),
            nota_berkas=nota_unggahan(),
        ),
        lambda: layanan.ajukan_penurunan(
            user, produk_terbit, alasan="Salah ketik", nota=data_nota(), nota_berkas=nota_unggahan()
        ),
    ):
        try:
            coba()
            hasil.append(True)
        except layanan.TidakBerwenang:
            hasil.append(False)
    assert hasil == [boleh, boleh]
    assert Permohonan.objects.count() == (2 if boleh else 0)


@pytest.mark.parametrize(
    "nama", ["pengelola", "pengelola2", "kasubbag", "pengusul@lain", "pengelola@lain", "anonim"]
)
def test_only_the_named_pengelola_can_prepare_product(dua_tim, nama):
    tim, lain = dua_tim
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    user = _aktor(nama, tim, lain)
    if nama == "pengelola":
        versi = layanan.unggah_berkas(user, p, unggahan(pdf_bytes()))
        assert versi.nomor_versi == 2
    else:
        with pytest.raises(layanan.TidakBerwenang):
            layanan.unggah_berkas(user, p, unggahan(pdf_bytes()))


def test_superuser_without_role_cannot_act(dua_tim, django_user_model):
    tim, _ = dua_tim
    admin = django_user_model.objects.create_superuser("admin-uji", "a@x.test", "rahasia-123")
    p = ajukan(tim)
    with pytest.raises(layanan.TidakBerwenang):
        layanan.disposisi(admin, p, kepada=tim.pengelola, petunjuk="x")


def test_views_hide_other_satker_requests_and_require_login(client, dua_tim):
    tim, lain = dua_tim
    p = ajukan(tim)
    url = p.get_absolute_url()
    assert client.get(url).status_code == 302
    respons = client.post(f"{url}disposisi/", {"petunjuk": "x"})
    assert respons.status_code == 302 and "/masuk/" in respons["Location"]
    client.force_login(lain.kasubbag)
    assert client.get(url).status_code == 404
    assert client.post(f"{url}disposisi/", {"petunjuk": "x"}).status_code == 404
    client.force_login(tim.pengelola)
    respons = client.post(
        f"{url}disposisi/",
        {
            "disposisi-kepada": tim.pengelola.pk,
            "disposisi-petunjuk": "x",
            "disposisi-status_terlihat": "diajukan",
        },
    )
    assert respons.status_code == 403
    p.refresh_from_db()
    assert p.status == Status.DIAJUKAN
