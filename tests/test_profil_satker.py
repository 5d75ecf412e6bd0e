"""Profile pages of a Satker: only its own Pengelola JDIH edits them, what
they write is sanitised on save and on render, an empty section does not
exist on the portal, and every change is recorded."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from profil import layanan
from profil.demo import muat_demo
from profil.models import Bagian, BagianProfil, PesanKontak, RevisiBagianProfil
from profil.sanitasi import bersihkan, teks_polos
from tests.alur_helpers import buat_pengguna, buat_tim
from tests.factories import buat_satker
from tests.profil_helpers import png
from workflow.penugasan import tetapkan_peran
from workflow.peran import Peran

JAHAT = (
    '<p style="color:red" onclick="alert(1)">Halo <b>tebal</b></p>'
    "<script>alert('xss')</script>"
    '<img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(1)">tautan jahat</a>'
    '<a href="JaVaScRiPt:alert(1)">tautan jahat 2</a>'
    '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>'
    '<a href="//jahat.example/">relatif protokol</a>'
    '<a href="https://jdih.kpu.go.id/" target="_blank" onmouseover="x()">JDIH KPU</a>'
    "<style>body{display:none}</style><iframe src=https://jahat.example></iframe>"
    '<h2 class="x" id="y">Misi</h2><h1>Judul besar</h1>'
)


def ubah_url(satker, bagian=Bagian.VISI_MISI):
    return reverse("profil:ubah-bagian", args=[satker.slug, bagian])


def publik_url(satker, bagian=Bagian.VISI_MISI):
    return reverse("publicsite:profil-bagian", args=[satker.slug, bagian])


@pytest.fixture
def tim():
    return buat_tim()


def klien(user):
    c = Client()
    c.force_login(user)
    return c


# --- sanitising ----------------------------------------------------------------------


def test_sanitasi_membuang_skrip_penangan_gaya_dan_url_berbahaya():
    hasil = bersihkan(JAHAT)
    for terlarang in [
        "<script",
        "alert('xss')",
        "onerror",
        "onclick",
        "onmouseover",
        "style",
        "javascript:",
        "JaVaScRiPt",
        "data:",
        "jahat.example",
        "<img",
        "<iframe",
        "display:none",
        "target=",
        "class=",
        "id=",
        "<h1",
    ]:
        assert terlarang not in hasil, terlarang
    assert "<b>tebal</b>" in hasil
    assert '<a href="https://jdih.kpu.go.id/" rel="noopener noreferrer nofollow">' in hasil
    assert "<h2>Misi</h2>" in hasil
    assert "Judul besar" in hasil  # h1 unwrapped: the page owns its h1


def test_sanitasi_menyimpan_subset_format_dan_teks_biasa_menjadi_paragraf():
    html = (
        "<h2>Visi</h2><h3>Sub</h3><p><strong>a</strong> <em>b</em></p><ol start='3'><li>x</li>"
        '</ol><table><tr><th scope="col">N</th><td colspan="2" rowspan="zz">1</td></tr></table>'
        '<a href="mailto:jdih@kpu.go.id">surel</a>'
    )
    hasil = bersihkan(html)
    for boleh in [
        "<h2>Visi</h2>",
        "<h3>Sub</h3>",
        "<strong>a</strong>",
        "<em>b</em>",
        '<ol start="3">',
        '<th scope="col">',
        '<td colspan="2">',
        'href="mailto:jdih@kpu.go.id"',
    ]:
        assert boleh in hasil, boleh
    assert "rowspan" not in hasil
    assert bersihkan(hasil) == hasil  # stable: saving again changes nothing
    teks = bersihkan("Paragraf satu\nbaris dua\n\nParagraf <dua> & tiga")
    assert teks.startswith("<p>Paragraf satu<br>\nbaris dua</p>")
    assert teks_polos("<h2>Visi</h2><p>Menjadi &amp; tetap</p>") == "Visi Menjadi & tetap"


@pytest.mark.django_db
def test_isi_yang_ditulis_jalur_lain_tetap_disanitasi_saat_ditampilkan(client, tim):
    # A row written behind the editor's back (admin shell, an old import).
    BagianProfil.objects.create(satker=tim.satker, bagian=Bagian.VISI_MISI, isi=JAHAT)
    respons = client.get(publik_url(tim.satker))
    assert respons.status_code == 200
    isi = respons.content.decode()
    assert "alert(" not in isi
    assert "onerror" not in isi and "javascript:" not in isi
    assert "<b>tebal</b>" in isi


# --- who edits -----------------------------------------------------------------------


@pytest.mark.django_db
def test_pengelola_mengubah_visi_misi_tersanitasi_tercatat_dan_tampil_di_portal(tim):
    c = klien(tim.pengelola)
    respons = c.get(ubah_url(tim.satker))
    assert respons.status_code == 200
    respons = c.post(ubah_url(tim.satker), {"isi": JAHAT, "versi": "", "aksi": "simpan"})
    assert respons.status_code == 302
    bagian = BagianProfil.objects.get(satker=tim.satker, bagian=Bagian.VISI_MISI)
    assert "<script" not in bagian.isi and "onerror" not in bagian.isi
    assert bagian.diubah_oleh == tim.pengelola
    revisi = RevisiBagianProfil.objects.get(bagian=bagian)
    assert revisi.diubah_oleh == tim.pengelola and revisi.isi == bagian.isi
    publik = Client().get(publik_url(tim.satker))
    assert publik.status_code == 200 and "<b>tebal</b>" in publik.content.decode()
    ringkasan = Client().get(reverse("publicsite:profil", args=[tim.satker.slug]))
    assert publik_url(tim.satker) in ringkasan.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["kasubbag", "pengusul"])
def test_peran_lain_di_satker_yang_sama_tidak_dapat_mengubah_profil(tim, peran):
    c = klien(getattr(tim, peran))
    assert c.get(reverse("profil:ubah")).status_code == 403
    assert c.get(ubah_url(tim.satker)).status_code == 404
    respons = c.post(ubah_url(tim.satker), {"isi": "<p>Coba</p>", "aksi": "simpan"})
    assert respons.status_code == 404
    assert not BagianProfil.objects.exists()
    with pytest.raises(PermissionDenied):
        layanan.simpan_bagian(getattr(tim, peran), tim.satker, Bagian.VISI_MISI, isi="x")


@pytest.mark.django_db
def test_pengelola_satker_lain_tidak_dapat_membuka_atau_mengubah_profil(tim):
    lain = buat_tim()
    c = klien(lain.pengelola)
    assert c.get(ubah_url(tim.satker)).status_code == 404
    assert c.post(ubah_url(tim.satker), {"isi": "<p>Bajak</p>"}).status_code == 404
    assert c.get(reverse("profil:ubah") + f"?satker={tim.satker.slug}").status_code == 404
    assert not BagianProfil.objects.filter(satker=tim.satker).exists()
    admin = buat_pengguna("admin-profil", is_staff=True, is_superuser=True)
    assert klien(admin).get(ubah_url(tim.satker)).status_code == 404


@pytest.mark.django_db
def test_pengelola_beberapa_satker_memilih_satker_lebih_dulu(tim):
    kedua = buat_satker(nama="KPU Kota Uji Kedua")
    tetapkan_peran(tim.pengelola, kedua, Peran.PENGELOLA)
    c = klien(tim.pengelola)
    respons = c.get(reverse("profil:ubah"))
    isi = respons.content.decode()
    assert respons.status_code == 200 and "Pilih satker" in isi
    assert ubah_url(kedua) not in isi
    respons = c.get(reverse("profil:ubah") + f"?satker={kedua.slug}")
    assert ubah_url(kedua) in respons.content.decode()
    assert c.get(reverse("profil:ubah") + "?satker=%3Cscript%3E").status_code == 404


# --- public pages --------------------------------------------------------------------


@pytest.mark.django_db
def test_bagian_kosong_tidak_ada_di_menu_dan_menjawab_404(client, tim):
    layanan.simpan_bagian(tim.pengelola, tim.satker, Bagian.VISI_MISI, isi="<p>Visi kami</p>")
    layanan.simpan_bagian(tim.pengelola, tim.satker, Bagian.TIM, isi="  ")
    ringkasan = client.get(reverse("publicsite:profil", args=[tim.satker.slug])).content.decode()
    assert publik_url(tim.satker) in ringkasan
    assert publik_url(tim.satker, Bagian.TIM) not in ringkasan
    assert client.get(publik_url(tim.satker, Bagian.TIM)).status_code == 404
    assert client.get(publik_url(tim.satker, Bagian.SOP)).status_code == 404
    assert client.get(f"/{tim.satker.slug}/profil/bukan-bagian/").status_code == 404
    assert client.get("/satker-tidak-ada/profil/").status_code == 404
    assert client.get(publik_url(tim.satker)).status_code == 200


@pytest.mark.django_db
def test_profil_tanpa_isi_tetap_terbuka_dengan_ajakan_kontak(client, tim):
    respons = client.get(reverse("publicsite:profil", args=[tim.satker.slug]))
    assert respons.status_code == 200
    assert reverse("publicsite:kontak", args=[tim.satker.slug]) in respons.content.decode()


# --- the editor ----------------------------------------------------------------------


@pytest.mark.django_db
def test_pratinjau_menampilkan_hasil_tanpa_menyimpan(tim):
    c = klien(tim.pengelola)
    respons = c.post(
        ubah_url(tim.satker),
        {"isi": "<p>Draf <em>visi</em></p><script>x()</script>", "aksi": "pratinjau"},
    )
    isi = respons.content.decode()
    assert respons.status_code == 200
    assert "Pratinjau (belum disimpan)" in isi and "<em>visi</em>" in isi
    assert "x()</script>" not in isi
    assert not BagianProfil.objects.exists()


@pytest.mark.django_db
def test_simpan_bersamaan_ditolak_dan_isian_tetap_ada(tim):
    kedua = buat_pengguna("pengelola2", email="p2@x.test")
    tetapkan_peran(kedua, tim.satker, Peran.PENGELOLA)
    layanan.simpan_bagian(tim.pengelola, tim.satker, Bagian.VISI_MISI, isi="<p>Awal</p>")
    c = klien(tim.pengelola)
    halaman = c.get(ubah_url(tim.satker))
    versi = halaman.context["form"]["versi"].value()
    layanan.simpan_bagian(kedua, tim.satker, Bagian.VISI_MISI, isi="<p>Versi rekan</p>")
    respons = c.post(ubah_url(tim.satker), {"isi": "<p>Versi saya</p>", "versi": versi})
    isi = respons.content.decode()
    assert respons.status_code == 200
    assert "telah diubah oleh" in isi and "Versi rekan" in isi and "Versi saya" in isi
    assert BagianProfil.objects.get().isi == "<p>Versi rekan</p>"
    # Sending again, now against the version shown, goes through.
    versi_baru = respons.context["form"]["versi"].value()
    c.post(ubah_url(tim.satker), {"isi": "<p>Versi saya</p>", "versi": versi_baru})
    assert BagianProfil.objects.get().isi == "<p>Versi saya</p>"
    assert RevisiBagianProfil.objects.count() == 3


@pytest.mark.django_db
def test_isi_terlalu_panjang_atau_bagian_asing_tidak_pernah_500(tim):
    c = klien(tim.pengelola)
    respons = c.post(ubah_url(tim.satker), {"isi": "x" * 20_001})
    assert respons.status_code == 200 and respons.context["form"].errors
    assert c.get(ubah_url(tim.satker, "bukan-bagian")).status_code == 404
    assert c.post(ubah_url(tim.satker), {"isi": "a\x00b"}).status_code == 200
    assert c.post(ubah_url(tim.satker), {"isi": ["a", "b"], "versi": "x" * 500}).status_code == 200
    assert not BagianProfil.objects.exists()


@pytest.mark.django_db
def test_gambar_struktur_diperiksa_disimpan_tanpa_exif_dan_disajikan(tim):
    c = klien(tim.pengelola)
    url = ubah_url(tim.satker, Bagian.STRUKTUR)
    respons = c.post(
        url,
        {
            "isi": "",
            "gambar": SimpleUploadedFile("bagan.png", png(), content_type="image/png"),
            "keterangan_gambar": "Bagan organisasi sekretariat",
        },
    )
    assert respons.status_code == 302, respons.context and respons.context["form"].errors
    bagian = BagianProfil.objects.get(bagian=Bagian.STRUKTUR)
    assert (bagian.gambar_lebar, bagian.gambar_tinggi) == (400, 300)
    assert bagian.berisi  # an image alone is content
    gambar = Client().get(
        reverse("publicsite:profil-gambar", args=[tim.satker.slug, Bagian.STRUKTUR])
    )
    assert gambar.status_code == 200 and gambar["Content-Type"] == "image/png"
    assert gambar["ETag"]
    halaman = Client().get(publik_url(tim.satker, Bagian.STRUKTUR)).content.decode()
    assert 'alt="Bagan organisasi sekretariat"' in halaman
    # Removing it leaves an empty section: gone from the portal.
    c.post(url, {"isi": "", "hapus_gambar": "on", "versi": bagian.diubah_pada.isoformat()})
    assert Client().get(publik_url(tim.satker, Bagian.STRUKTUR)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "berkas, pesan",
    [
        (png(50, 50), "terlalu kecil"),
        (b"%PDF-1.4 bukan gambar", "bukan gambar"),
        (b"\x89PNG" + b"0" * (5 * 1024 * 1024), "melebihi batas"),
    ],
)
def test_gambar_struktur_yang_tidak_layak_ditolak_dengan_pesan(tim, berkas, pesan):
    c = klien(tim.pengelola)
    respons = c.post(
        ubah_url(tim.satker, Bagian.STRUKTUR),
        {
            "isi": "<p>Bagan</p>",
            "gambar": SimpleUploadedFile("bagan.png", berkas, content_type="image/png"),
            "keterangan_gambar": "Bagan",
        },
    )
    assert respons.status_code == 200
    assert pesan in " ".join(respons.context["form"].errors["gambar"])
    assert not BagianProfil.objects.exists()


@pytest.mark.django_db
def test_gambar_tanpa_teks_alternatif_ditolak(tim):
    respons = klien(tim.pengelola).post(
        ubah_url(tim.satker, Bagian.STRUKTUR),
        {"isi": "", "gambar": SimpleUploadedFile("b.png", png(), content_type="image/png")},
    )
    assert respons.status_code == 200
    assert "keterangan_gambar" in respons.context["form"].errors


# --- demo ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_mengisi_setiap_bagian_dan_dapat_diulang():
    satker = buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur")
    tim = buat_tim(satker)
    hasil = muat_demo()
    assert hasil["bagian"] == 5 and hasil["pesan"] == 2
    assert muat_demo() == {"bagian": 0, "pesan": 0}
    assert BagianProfil.objects.filter(satker=satker).count() == 5
    assert PesanKontak.objects.filter(satker=satker).count() == 2
    tim_jdih = BagianProfil.objects.get(bagian=Bagian.TIM).isi
    assert tim.pengelola.username in tim_jdih or "Pengelola JDIH" in tim_jdih
    dasar = BagianProfil.objects.get(bagian=Bagian.DASAR_HUKUM).isi
    assert "Peraturan Presiden Nomor 33 Tahun 2012" in dasar
    assert "Nomor 8 Tahun 2019" in dasar
    assert "SOP 004" in BagianProfil.objects.get(bagian=Bagian.SOP).isi
    for b in BagianProfil.objects.all():
        assert bersihkan(b.isi) == b.isi
