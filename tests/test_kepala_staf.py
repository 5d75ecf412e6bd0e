"""The staff header and menu (issue 12, item 5): name, role(s) and Satker(s)
in the header; the menu shows only what the user's roles may open; built
once per request, lazily, in one query; a user without a role is told whom
to ask."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from tests.alur_helpers import buat_pengguna, buat_tim
from tests.factories import buat_satker
from workflow import konteks_staf
from workflow.konteks_staf import KepalaStaf, satker_pendek
from workflow.penugasan import tetapkan_peran
from workflow.peran import Peran

pytestmark = pytest.mark.django_db
TUGAS = reverse("workflow:tugas-saya")


def _ada_url(nama):
    try:
        reverse(nama)
    except NoReverseMatch:
        return False
    return True


def _menu(client, user, alamat=TUGAS):
    client.force_login(user)
    respons = client.get(alamat)
    assert respons.status_code == 200
    return [m.label for m in respons.context["kepala_staf"].menu], respons.content.decode()


@pytest.fixture
def tim():
    satker = buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur")
    return buat_tim(satker)


def test_kepala_menampilkan_nama_peran_dan_satker_ringkas(client, tim):
    tim.pengelola.first_name, tim.pengelola.last_name = "Rina", "Wati"
    tim.pengelola.save()
    _, html = _menu(client, tim.pengelola)
    assert "Rina Wati" in html
    assert "Pengelola JDIH, KPU Kab. Kotawaringin Timur" in html
    # The username is not what the header leads with.
    kepala = html[html.index('class="kepala kepala-staf"') : html.index("</header>")]
    assert kepala.index("Rina Wati") < kepala.index(tim.pengelola.username)


def test_banyak_peran_dan_satker_diringkas_daftar_lengkap_di_rincian(client, tim):
    lain = buat_satker(nama="KPU Provinsi Kalimantan Tengah", slug="kalimantan-tengah")
    tetapkan_peran(tim.kasubbag, tim.satker, Peran.PENGELOLA)
    tetapkan_peran(tim.kasubbag, lain, Peran.KEPALA_BAGIAN)
    client.force_login(tim.kasubbag)
    respons = client.get(TUGAS)
    k = respons.context["kepala_staf"]
    assert k.ringkas == "Kasubbag Hukum & SDM +2 peran, 2 satker"
    assert k.rincian.splitlines() == [
        "Kasubbag Hukum & SDM — KPU Kabupaten Kotawaringin Timur",
        "Pengelola JDIH — KPU Kabupaten Kotawaringin Timur",
        "Kepala Bagian — KPU Provinsi Kalimantan Tengah",
    ]
    html = respons.content.decode()
    assert "Kepala Bagian" in html and "KPU Provinsi Kalimantan Tengah" in html


def test_satker_pendek():
    assert satker_pendek("KPU Kabupaten Kotawaringin Timur") == "KPU Kab. Kotawaringin Timur"
    assert satker_pendek("KPU Provinsi Kalimantan Barat") == "KPU Prov. Kalimantan Barat"
    assert satker_pendek("Komisi Pemilihan Umum Republik Indonesia") == "KPU RI"
    assert satker_pendek("KPU Kota Payakumbuh") == "KPU Kota Payakumbuh"


def test_pengusul_melihat_ajukan_dan_usulkan_tanpa_evaluasi(client, tim):
    menu, html = _menu(client, tim.pengusul)
    assert menu[:4] == ["Tugas saya", "Semua pekerjaan", "Ajukan permohonan", "Usulkan penurunan"]
    assert "Penyusunan keputusan" in menu
    for tidak in ["Evaluasi SOP", "Konten media sosial", "Admin", "Hasil survei IKM"]:
        assert tidak not in menu
    assert f'href="{reverse("workflow:permohonan-baru")}"' in html


def test_kasubbag_melihat_evaluasi_konten_dan_survei_bukan_ajukan(client, tim):
    menu, _ = _menu(client, tim.kasubbag)
    assert {"Evaluasi SOP", "Konten media sosial", "Penyusunan keputusan"} <= set(menu)
    assert ("Hasil survei IKM" in menu) == _ada_url("survei:hasil")
    for tidak in ["Ajukan permohonan", "Usulkan penurunan", "Profil satker", "Pesan masuk"]:
        assert tidak not in menu


def test_pengelola_melihat_profil_satker_dan_pesan_masuk(client, tim):
    menu, _ = _menu(client, tim.pengelola)
    assert ("Profil satker" in menu) == _ada_url("profil:ubah")
    assert ("Pesan masuk" in menu) == _ada_url("profil:pesan")
    for tidak in ["Evaluasi SOP", "Ajukan permohonan", "Konten media sosial"]:
        assert tidak not in menu


def test_staf_konten_melihat_konten_saja(client, tim):
    staf = buat_pengguna("staf.konten")
    tetapkan_peran(staf, tim.satker, Peran.STAF)
    menu, _ = _menu(client, staf)
    assert menu == ["Tugas saya", "Semua pekerjaan", "Konten media sosial"]


def test_superuser_tanpa_peran_melihat_evaluasi_dan_admin(client):
    admin = buat_pengguna("admin.situs", is_staff=True, is_superuser=True)
    menu, html = _menu(client, admin)
    assert {"Evaluasi SOP", "Admin"} <= set(menu)
    assert "Ajukan permohonan" not in menu
    assert "Semua pekerjaan" not in menu  # no Satker, nothing to list
    assert "Admin situs" in html


def test_menu_tanpa_url_yang_belum_ada(monkeypatch, client, tim):
    asli = konteks_staf.reverse

    def reverse_tanpa_profil(nama, *a, **kw):
        if nama.startswith("profil:"):
            raise NoReverseMatch(nama)
        return asli(nama, *a, **kw)

    monkeypatch.setattr(konteks_staf, "reverse", reverse_tanpa_profil)
    menu, _ = _menu(client, tim.pengelola)
    assert "Profil satker" not in menu and "Pesan masuk" not in menu
    assert "Tugas saya" in menu


def test_menu_menandai_halaman_yang_sedang_dibuka(client, tim):
    client.force_login(tim.kasubbag)
    for alamat, label in [
        (TUGAS, "Tugas saya"),
        (TUGAS + "?lingkup=semua", "Semua pekerjaan"),
        (reverse("workflow:evaluasi"), "Evaluasi SOP"),
        (reverse("workflow:penyusunan-daftar"), "Penyusunan keputusan"),
    ]:
        respons = client.get(alamat)
        aktif = [m.label for m in respons.context["kepala_staf"].menu if m.aktif]
        assert aktif == [label], alamat
        assert re.search(rf'aria-current="page">{label}<', respons.content.decode())


def test_kepala_dibangun_malas_dengan_satu_kueri(tim):
    permintaan = RequestFactory().get(TUGAS)
    permintaan.user = tim.kasubbag
    with CaptureQueriesContext(connection) as awal:
        k = konteks_staf.konteks_staf(permintaan)["kepala_staf"]
    assert len(awal.captured_queries) == 0
    with CaptureQueriesContext(connection) as ctx:
        assert k.menu and k.ringkas and k.nama and k.rincian and k.izin
    assert len(ctx.captured_queries) == 1


def test_halaman_publik_tidak_membayar_kueri_kepala_staf(client, tim):
    client.force_login(tim.kasubbag)
    client.get(reverse("publicsite:cari"))
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("publicsite:cari"))
    assert not any("workflow_penugasanperan" in q["sql"] for q in ctx.captured_queries)


def test_tanpa_login_kepala_kosong():
    permintaan = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    permintaan.user = AnonymousUser()
    k = KepalaStaf(permintaan)
    assert k.menu == [] and k.penugasan == [] and k.nama == ""


def test_pengguna_tanpa_peran_diberi_tahu_kepada_siapa_meminta(client, tim):
    admin = buat_pengguna(
        "admin.pusat",
        is_staff=True,
        is_superuser=True,
        first_name="Ahmad",
        last_name="Fauzi",
        email="ahmad@kpu.test",
    )
    from django.contrib.auth.models import Permission

    pengelola_akun = buat_pengguna(
        "operator.akun", is_staff=True, first_name="Dewi", email="dewi@kpu.test"
    )
    pengelola_akun.user_permissions.add(Permission.objects.get(codename="change_user"))
    buat_pengguna("staf.biasa", is_staff=True, first_name="Bukan Admin", email="x@kpu.test")
    buat_pengguna("admin.nonaktif", is_superuser=True, is_active=False, first_name="Lama")
    baru = buat_pengguna("pegawai.baru", first_name="Andi", last_name="Pratama")

    client.force_login(baru)
    respons = client.get(TUGAS)
    html = respons.content.decode()
    assert "Anda belum memegang peran" in html
    assert respons.context["tanya_admin"] == [
        ("Ahmad Fauzi", "ahmad@kpu.test"),
        ("Dewi", "dewi@kpu.test"),
    ]
    assert 'href="mailto:ahmad@kpu.test"' in html and "Ahmad Fauzi" in html
    # Never another office's staff, never a plain staff account or a retired admin.
    for bukan in ["Bukan Admin", "Lama", tim.kasubbag.email, tim.pengelola.username]:
        assert bukan not in html
    assert admin.username not in html
    assert [m.label for m in respons.context["kepala_staf"].menu] == ["Tugas saya"]
    # Nothing to filter yet: the form and the empty list stay away.
    assert 'class="saringan"' not in html
    assert "Belum memegang peran" in html  # the header says it too


def test_pemegang_peran_tidak_melihat_pesan_tanpa_peran(client, tim):
    _, html = _menu(client, tim.pengusul)
    assert "Anda belum memegang peran" not in html


def test_skrip_jaga_perubahan_dimuat_di_semua_halaman_staf(client, tim):
    _, html = _menu(client, tim.kasubbag, reverse("workflow:evaluasi"))
    assert html.count("js/jaga-perubahan.js") >= 1
    assert "css/staf.css" in html


def test_staf_memakai_palet_dan_fokus_situs_publik():
    from django.conf import settings

    css = (settings.BASE_DIR / "static/css/jdih.css").read_text()
    assert ":focus-visible { outline: 3px solid #1a5fb4" in css
    assert "--biru: #7a1f1f" in css
    staf = (settings.BASE_DIR / "static/css/staf.css").read_text()
    assert "background: #5c1616" in staf  # the public site's hover colour
