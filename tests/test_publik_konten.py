"""The public gallery of social-media content (/konten/, /<satker>/konten/):
newest first, 12 per page, each item with its image, caption, tagar, links
to the posts and the produk hukum it explains as they stand *today* (a
take-down, a draft or a revocation after posting shows at once), in a
constant number of queries; the image view; the item permalink; the
sitemap section; the section on the product's detail page."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from documents.models import JenisRelasi, KontenTerbit, ProdukHukum, StatusPublikasi
from documents.publikasi import turunkan
from publicsite.konten import PER_HALAMAN, konten_untuk_produk
from tests.factories import buat_produk, buat_satker
from tests.konten_helpers import TAUTAN, S, buat_tim_konten, disposisi, majukan, png_bytes
from tests.publik_helpers import relasikan, url

pytestmark = pytest.mark.django_db


def posting(satker, *produk, judul=None, gambar=True, waktu=None, **kw) -> KontenTerbit:
    """A posted item as sop 004's last step writes it (documents only: the
    public site never reads the workflow)."""
    k = KontenTerbit(
        satker=satker,
        jenis=kw.pop("jenis", "infografis"),
        judul=judul or "Infografis DPT Pemilu 2029",
        caption=kw.pop("caption", "Daftar Pemilih Tetap telah ditetapkan.\nCek namamu!"),
        tagar=kw.pop("tagar", "#KPU #JDIH"),
        tautan=kw.pop("tautan", dict(TAUTAN)),
        diterbitkan_pada=waktu or timezone.now(),
        **kw,
    )
    if gambar:
        data = png_bytes(lebar=120, tinggi=120, warna=(KontenTerbit.objects.count() % 255, 9, 9))
        k.sha256_gambar = hashlib.sha256(data).hexdigest()
        k.format_gambar = "png"
        k.gambar.save("gambar", ContentFile(data), save=False)
    k.save()
    k.produk.set(produk)
    return k


def isi(client, alamat, status=200):
    respons = client.get(alamat)
    assert respons.status_code == status, alamat
    return respons.content.decode()


def entri(html, k) -> str:
    """The HTML of one gallery item."""
    m = re.search(rf'<li class="konten" id="konten-{k.pk}">(.*?)</article>', html, re.S)
    assert m, f"konten-{k.pk} tidak ada di halaman"
    return m.group(1)


def urutan(html) -> list[int]:
    return [int(pk) for pk in re.findall(r'<li class="konten" id="konten-(\d+)">', html)]


@pytest.fixture
def satker():
    return buat_satker(nama="KPU Provinsi Uji Konten", slug="uji-konten")


def _kueri(client, alamat):
    with CaptureQueriesContext(connection) as ctx:
        respons = client.get(alamat)
    assert respons.status_code == 200
    return len(ctx.captured_queries)


# --- the gallery ------------------------------------------------------------------


def test_galeri_terbaru_lebih_dulu_dengan_gambar_caption_tagar_dan_tautan(client, satker):
    produk = buat_produk(satker, judul="Penetapan Daftar Pemilih Tetap")
    sekarang = timezone.now()
    lama = posting(satker, produk, judul="Konten lama", waktu=sekarang - timedelta(days=2))
    baru = posting(satker, produk, judul="Konten baru", waktu=sekarang)
    tengah = posting(satker, produk, judul="Konten tengah", waktu=sekarang - timedelta(days=1))
    html = isi(client, "/konten/")
    assert urutan(html) == [baru.pk, tengah.pk, lama.pk]
    e = entri(html, baru)
    assert f'src="/konten/{baru.pk}/gambar"' in e
    assert 'alt="Konten baru"' in e
    assert '<h2 class="konten-judul" id="judul-konten-' in e
    assert "<p>Daftar Pemilih Tetap telah ditetapkan.<br>Cek namamu!</p>" in e
    assert "#KPU #JDIH" in e
    for nama, alamat in [("Instagram", TAUTAN["instagram"]), ("Facebook", TAUTAN["facebook"])]:
        assert (
            f'<a href="{alamat}" target="_blank" rel="noopener" '
            f'aria-describedby="tab-baru">{nama}</a>' in e
        )
    assert f'<a href="{produk.get_absolute_url()}">{produk}</a>' in e
    assert "lencana-berlaku" in e
    assert html.count("<h1") == 1


def test_caption_dan_judul_di_escape_dan_tautan_selain_https_tidak_pernah_tampil(client, satker):
    k = posting(
        satker,
        judul='<img src=x onerror="alert(1)">',
        caption="<script>alert('x')</script>\n\nParagraf dua",
        tagar="#A <b>tebal</b>",
        tautan={"instagram": "javascript:alert(1)", "facebook": TAUTAN["facebook"]},
        video_url="http://contoh.test/video",
    )
    html = isi(client, "/konten/")
    e = entri(html, k)
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in e
    assert "<p>Paragraf dua</p>" in e
    assert "&lt;b&gt;tebal&lt;/b&gt;" in e
    assert "javascript:" not in html
    assert "http://contoh.test" not in html
    assert ">Facebook</a>" in e and ">Instagram</a>" not in e


def test_paginasi_dua_belas_per_halaman(client, satker):
    awal = timezone.now()
    semua = [
        posting(satker, judul=f"Konten {i}", gambar=False, waktu=awal - timedelta(hours=i))
        for i in range(PER_HALAMAN + 3)
    ]
    satu = isi(client, "/konten/")
    assert urutan(satu) == [k.pk for k in semua[:PER_HALAMAN]]
    assert 'href="?halaman=2" rel="next"' in satu and 'rel="prev"' not in satu
    assert "Halaman 1 dari 2" in satu
    dua = isi(client, "/konten/?halaman=2")
    assert urutan(dua) == [k.pk for k in semua[PER_HALAMAN:]]
    assert 'href="?halaman=1" rel="prev"' in dua and 'rel="next"' not in dua
    assert '?halaman=2">' in dua  # canonical of page 2
    isi(client, "/konten/?halaman=3", status=404)


def test_galeri_kosong_tetap_menjawab(client, satker):
    assert "Belum ada konten media sosial" in isi(client, "/konten/")
    assert "Belum ada konten media sosial" in isi(client, f"/{satker.slug}/konten/")


@pytest.mark.parametrize(
    "nilai",
    [
        "0",
        "-1",
        "abc",
        "999",
        "1.5",
        "1e3",
        "",
        "%00",
        "9" * 5000,
        "2%20OR%201=1",
        "%D9%A3",  # an Arabic-Indic digit
        "1&halaman=x",
        "%FF%FE",
        "[]",
    ],
)
def test_nilai_halaman_tidak_wajar_200_atau_404_tidak_pernah_500(client, satker, nilai):
    posting(satker)
    for dasar in ("/konten/", f"/{satker.slug}/konten/"):
        respons = client.get(f"{dasar}?halaman={nilai}")
        assert respons.status_code in (200, 404), (dasar, nilai, respons.status_code)


def test_halaman_satker_hanya_memuat_kontennya(client, satker):
    lain = buat_satker(nama="KPU Kabupaten Lain", slug="kab-lain")
    milik = posting(satker, judul="Konten satker ini")
    bukan = posting(lain, judul="Konten satker lain")
    html = isi(client, f"/{satker.slug}/konten/")
    assert urutan(html) == [milik.pk]
    assert "Konten media sosial JDIH KPU Provinsi Uji Konten</h1>" in html
    semua = isi(client, "/konten/")
    assert set(urutan(semua)) == {milik.pk, bukan.pk}
    assert f'href="/{lain.slug}/konten/">KPU Kabupaten Lain</a>' in semua
    isi(client, "/tidak-ada/konten/", status=404)


def test_konten_adalah_kata_cadangan_slug_satker(client):
    from publicsite.converters import KATA_CADANGAN

    assert "konten" in KATA_CADANGAN


@pytest.mark.parametrize("alamat", ["/konten/", "/uji-konten/konten/"])
def test_jumlah_kueri_tetap_berapa_pun_panjang_halaman(client, satker, alamat):
    def isi_galeri(n):
        for i in range(n):
            berlaku = buat_produk(satker, berkas=False)
            dicabut = buat_produk(satker, berkas=False)
            relasikan(berlaku, JenisRelasi.MENCABUT, dicabut)
            turun = buat_produk(satker, berkas=False)
            ProdukHukum.objects.filter(pk=turun.pk).update(
                status_publikasi=StatusPublikasi.DITURUNKAN
            )
            posting(satker, berlaku, dicabut, turun, judul=f"Konten {i}")

    isi_galeri(2)
    sedikit = _kueri(client, alamat)
    isi_galeri(13)
    banyak = _kueri(client, alamat)
    html = isi(client, alamat)
    assert len(urutan(html)) == PER_HALAMAN
    assert html.count("lencana lencana-tidak-berlaku") == PER_HALAMAN
    assert html.count("lencana lencana-diperbaiki") == PER_HALAMAN
    assert banyak == sedikit
    assert banyak <= 4  # (satker,) count, page, products


# --- the products as they stand today ------------------------------------------


@pytest.fixture
def tim():
    return buat_tim_konten()


def test_konten_yang_diunggah_lewat_sop_tampil_dan_gambarnya_dilayani(client, tim):
    k = majukan(disposisi(tim), tim, S.DIUNGGAH)
    terbit = k.terbit
    html = isi(client, "/konten/")
    e = entri(html, terbit)
    assert f'<a href="{tim.produk.get_absolute_url()}">' in e
    respons = client.get(f"/konten/{terbit.pk}/gambar")
    assert respons.status_code == 200
    assert respons["Content-Type"] == "image/png"
    assert "public" in respons["Cache-Control"] and "max-age=" in respons["Cache-Control"]
    data = b"".join(respons.streaming_content)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert hashlib.sha256(data).hexdigest() == terbit.sha256_gambar
    assert respons["ETag"] == f'"{terbit.sha256_gambar}"'
    sama = client.get(f"/konten/{terbit.pk}/gambar", HTTP_IF_NONE_MATCH=respons["ETag"])
    assert sama.status_code == 304 and "public" in sama["Cache-Control"]
    assert client.head(f"/konten/{terbit.pk}/gambar").status_code == 200
    assert client.post(f"/konten/{terbit.pk}/gambar").status_code == 405


def test_gambar_404_bila_tidak_ada(client, satker):
    tanpa = posting(satker, gambar=False)
    assert client.get(f"/konten/{tanpa.pk}/gambar").status_code == 404
    assert client.get(f"/konten/{tanpa.pk + 1000}/gambar").status_code == 404
    html = isi(client, "/konten/")
    assert "<img" not in entri(html, tanpa)


def test_produk_diturunkan_setelah_diunggah_dikatakan_sedang_diperbaiki_tanpa_tautan(client, tim):
    k = majukan(disposisi(tim), tim, S.DIUNGGAH)
    alamat_produk = tim.produk.get_absolute_url()
    assert alamat_produk in isi(client, "/konten/")
    turunkan(ProdukHukum.objects.get(pk=tim.produk.pk))
    html = isi(client, "/konten/")
    e = entri(html, k.terbit)
    assert "Sedang diperbaiki" in e
    assert alamat_produk not in html
    assert str(tim.produk) in e  # still named, so readers know what it was about
    assert "lencana-berlaku" not in e


def test_produk_tidak_berlaku_setelah_diunggah_tidak_lagi_dikatakan_berlaku(client, tim):
    k = majukan(disposisi(tim), tim, S.DIUNGGAH)
    assert "lencana-berlaku" in entri(isi(client, "/konten/"), k.terbit)
    pencabut = buat_produk(tim.satker, judul="Pencabutan Penetapan DPT")
    relasikan(pencabut, JenisRelasi.MENCABUT, tim.produk)
    e = entri(isi(client, "/konten/"), k.terbit)
    assert '<span class="lencana lencana-tidak-berlaku">Tidak Berlaku</span>' in e
    assert ">Berlaku<" not in e
    assert tim.produk.get_absolute_url() in e  # still published, so still linked


@pytest.mark.parametrize("status", [StatusPublikasi.DRAF, StatusPublikasi.DITURUNKAN])
def test_produk_yang_tidak_terbit_tidak_pernah_ditautkan(client, satker, status):
    produk = buat_produk(satker)
    k = posting(satker, produk)
    ProdukHukum.objects.filter(pk=produk.pk).update(status_publikasi=status)
    html = isi(client, "/konten/")
    assert produk.get_absolute_url() not in html
    assert f"/{satker.slug}/produk/" not in html
    assert "Sedang diperbaiki" in entri(html, k)


def test_tautan_entri_menuju_halaman_galeri_yang_memuatnya(client, satker):
    awal = timezone.now()
    semua = [
        posting(satker, judul=f"K{i}", gambar=False, waktu=awal - timedelta(hours=i))
        for i in range(PER_HALAMAN + 2)
    ]
    terbaru, terlama = semua[0], semua[-1]
    respons = client.get(f"/konten/{terbaru.pk}/")
    assert respons.status_code == 302 and respons["Location"] == f"/konten/#konten-{terbaru.pk}"
    respons = client.get(f"/konten/{terlama.pk}/")
    assert respons["Location"] == f"/konten/?halaman=2#konten-{terlama.pk}"
    assert terlama.pk in urutan(isi(client, "/konten/?halaman=2"))
    assert client.get(f"/konten/{terlama.pk + 1000}/").status_code == 404


# --- sitemap ------------------------------------------------------------------------


def test_peta_situs_memuat_halaman_galeri(client, satker):
    from publicsite.sitemap_konten import KontenSitemap

    assert KontenSitemap().items() == []
    k = posting(satker)
    lokasi = [KontenSitemap().location(i) for i in KontenSitemap().items()]
    assert lokasi == ["/konten/", f"/{satker.slug}/konten/"]
    assert KontenSitemap().lastmod(KontenSitemap().items()[0]) == k.diterbitkan_pada
    indeks = isi(client, "/sitemap.xml")
    assert "sitemap-konten.xml" in indeks
    bagian = isi(client, "/sitemap-konten.xml")
    assert f"/{satker.slug}/konten/</loc>" in bagian and "/konten/</loc>" in bagian


# --- the product's detail page -----------------------------------------------------


def test_halaman_detail_memuat_konten_tentang_produk(client, tim):
    k = majukan(disposisi(tim), tim, S.DIUNGGAH)
    lain = posting(tim.satker, buat_produk(tim.satker), judul="Konten produk lain")
    assert konten_untuk_produk(tim.produk) == [k.terbit]
    html = isi(client, url("detail", tim.produk))
    assert "Konten media sosial tentang produk hukum ini" in html
    assert f'href="/konten/{k.terbit.pk}/">{k.terbit.judul}</a>' in html
    assert f'src="/konten/{k.terbit.pk}/gambar" alt="{k.terbit.judul}"' in html
    assert f'href="{TAUTAN["instagram"]}" target="_blank" rel="noopener"' in html
    assert lain.judul not in html
    # A product nothing was made about has no such section.
    kosong = buat_produk(tim.satker)
    assert "Konten media sosial tentang" not in isi(client, url("detail", kosong))


def test_halaman_detail_dari_cache_memuat_konten_yang_baru_diunggah(client, tim):
    """The detail page is served from the cache while the product's
    diubah_pada stands still: posting content about it must move it."""
    pertama = isi(client, url("detail", tim.produk))
    assert "Konten media sosial tentang" not in pertama
    k = majukan(disposisi(tim), tim, S.DIUNGGAH)
    html = isi(client, url("detail", tim.produk))
    assert f'href="/konten/{k.terbit.pk}/"' in html


# --- phone width and accessibility (browser) --------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_galeri_satu_kolom_di_ponsel_tanpa_gulir_mendatar_dan_tanpa_pelanggaran_axe(
    page, live_server
):
    from tests.test_publik_aksesibilitas import _pelanggaran_berat

    satker = buat_satker(nama="KPU Provinsi Uji Ponsel", slug="uji-ponsel")
    produk = buat_produk(satker, judul="Penetapan Daftar Pemilih Tetap")
    turun = buat_produk(satker, judul="Penetapan Lokasi TPS")
    for i in range(3):
        posting(
            satker,
            produk,
            turun,
            judul=f"Infografis panjang sekali nomor {i} " + "x" * 80,
            caption="Tagar dan tautan panjang: https://contoh.test/" + "a" * 120,
            tagar="#" + "JDIH" * 30,
        )
    ProdukHukum.objects.filter(pk=turun.pk).update(status_publikasi=StatusPublikasi.DITURUNKAN)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/konten/")
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], lebar
    kiri = page.evaluate(
        "() => [...document.querySelectorAll('.galeri-konten > li')]"
        ".map(e => Math.round(e.getBoundingClientRect().left))"
    )
    assert len(kiri) == 3 and len(set(kiri)) == 1  # one column
    assert _pelanggaran_berat(page) == []
    page.set_viewport_size({"width": 1100, "height": 800})
    page.goto(live_server.url + f"/{satker.slug}/konten/")
    assert _pelanggaran_berat(page) == []
    # The section on the product's detail page, at phone width too.
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + produk.get_absolute_url())
    assert page.locator("#judul-konten-produk").is_visible()
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], lebar
    assert _pelanggaran_berat(page) == []


def test_posted_share_card_is_drawn_as_the_product_stands_now_and_withheld_when_taken_down(
    client,
):
    from documents.publikasi import turunkan
    from tests.konten_helpers import S, buat_tim_konten, disposisi, majukan
    from workflow.konten import layanan

    tim = buat_tim_konten()
    k = disposisi(tim)
    kartu = layanan.buat_kartu(tim.staf, k, tim.produk, "persegi")
    from tests.konten_helpers import simpan_konsep

    simpan_konsep(tim, k, gambar=[kartu])
    k = majukan(k, tim, S.DIUNGGAH)
    html = client.get("/konten/").content.decode()
    assert f"/produk/{tim.produk.pk}-" in html and "kartu-persegi.png" in html
    assert f"/konten/{k.terbit.pk}/gambar" not in html  # not the snapshot
    turunkan(tim.produk)
    html = client.get("/konten/").content.decode()
    assert "kartu-persegi.png" not in html
    assert "Kartu tidak ditampilkan" in html and "Sedang diperbaiki" in html
    # …and its snapshot (drawn while it was Berlaku) is not served either.
    assert client.get(f"/konten/{k.terbit.pk}/gambar").status_code == 404
