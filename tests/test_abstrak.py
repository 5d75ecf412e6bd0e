"""The structured abstrak (ILDIS form): the A4 sheet at its stable URL, its
cache and HTTP headers, who may see it, and its part on the detail page."""

import io
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from documents.abstrak_pdf import buat_abstrak_pdf, isi_abstrak
from documents.models import Jenis, ProdukHukum, StatusPublikasi
from documents.publikasi import turunkan
from documents.subjek import setel_subjek
from publicsite import nama_berkas
from publicsite.views_abstrak import kunci_abstrak, produk_terbit
from tests.factories import buat_jenis, buat_produk, buat_satker
from tests.publik_helpers import url

pytestmark = pytest.mark.django_db

POKOK = [
    "Menetapkan rekapitulasi daftar pemilih tetap Pemilihan Bupati 2024.",
    "Memerintahkan PPS mengumumkan daftar pemilih tetap di setiap desa/kelurahan.",
]
DASAR_HUKUM = [
    "UU 7/2017 tentang Pemilihan Umum",
    "PKPU 7/2023 tentang Penyusunan Daftar Pemilih",
]
CATATAN = ["Keputusan ini mulai berlaku sejak tanggal ditetapkan.", "Lampiran: 3 halaman."]


@pytest.fixture(autouse=True)
def _cache_kosong():
    # The detail page and the sheet are cached per product; pks repeat between tests.
    cache.clear()
    yield
    cache.clear()


def _produk(**kw) -> ProdukHukum:
    kw.setdefault("jenis", buat_jenis(singkatan="KEPKPU KAB. KOTIM"))
    kw.setdefault("nomor", f"{ProdukHukum.objects.count() + 12}/HK.03-Kpt/2024")
    kw.setdefault("judul", "Penetapan Daftar Pemilih Tetap Pemilihan Bupati")
    kw.setdefault("abstrak", "\n".join(POKOK))
    kw.setdefault("abstrak_dasar_hukum", "\n".join(DASAR_HUKUM))
    kw.setdefault("abstrak_catatan", "\n".join(CATATAN))
    produk = buat_produk(**kw)
    setel_subjek(produk, "Pemilihan Umum; Pemutakhiran Data Pemilih")
    return ProdukHukum.objects.select_related("jenis", "satker").get(pk=produk.pk)


def _url(produk, nama=None) -> str:
    return url("abstrak", produk, nama or nama_berkas.abstrak(produk))


def _teks(data: bytes) -> str:
    halaman = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(p.extract_text() for p in halaman).split())


def _segar(produk) -> ProdukHukum:
    return ProdukHukum.objects.get(pk=produk.pk)


# --- the sheet ----------------------------------------------------------------


def test_pdf_memuat_kepala_identitas_judul_pokok_dasar_hukum_dan_catatan(client):
    produk = _produk()
    respons = client.get(_url(produk))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/pdf"
    teks = _teks(respons.content)
    assert "PEMILIHAN UMUM — PEMUTAKHIRAN DATA PEMILIH" in teks and "2024" in teks
    assert f"KEPKPU KAB. KOTIM NO. {produk.nomor}" in teks
    assert "TAHUN 2024" not in teks  # the nomor already ends with the year
    assert "PENETAPAN DAFTAR PEMILIH TETAP PEMILIHAN BUPATI" in teks
    assert produk.teu_badan in teks and "Sampit, 2 Januari 2024" in teks
    jumlah_halaman = produk.versi_terbit().jumlah_halaman
    assert f"{jumlah_halaman} hlm." in teks
    assert "ABSTRAK:" in teks and "CATATAN:" in teks and "Dasar hukum:" in teks
    for baris in POKOK + DASAR_HUKUM + CATATAN:
        assert baris in teks, baris
    assert teks.index(DASAR_HUKUM[0]) < teks.index(CATATAN[0])


def test_judul_metadata_pdf_dan_tahun_bila_nomor_tanpa_tahun(client):
    produk = _produk(nomor="77")
    data = client.get(_url(produk)).content
    assert PdfReader(io.BytesIO(data)).metadata.title == f"Abstrak {produk}"
    assert "KEPKPU KAB. KOTIM NO. 77 TAHUN 2024" in _teks(data)


def test_buat_abstrak_pdf_fungsi_murni_hasil_sama_untuk_rekaman_sama():
    produk = _produk(berkas=False)
    pertama = buat_abstrak_pdf(produk)
    assert pertama == buat_abstrak_pdf(_segar(produk))
    assert pertama.startswith(b"%PDF-")
    assert "hlm." not in _teks(pertama)  # no published naskah: no page count


def test_tanda_daftar_ketikan_staf_tidak_digandakan():
    produk = _produk(abstrak="- Butir pertama\n\n• Butir kedua\n  \n2. Butir ketiga", berkas=False)
    teks = _teks(buat_abstrak_pdf(produk))
    assert "– Butir pertama" in teks and "– Butir kedua" in teks and "– Butir ketiga" in teks
    assert "- Butir" not in teks and "•" not in teks


def test_poin_5000_karakter_menjadi_pdf_sah_beberapa_halaman_tanpa_keluar_tepi(client):
    panjang = ("pemutakhiran data pemilih berkelanjutan " * 130)[:5000]
    token = "X" * 5000  # one unbroken "word": cut between characters
    produk = _produk(abstrak=f"Pendek.\n{panjang}\n{token}")
    respons = client.get(_url(produk))
    assert respons.status_code == 200
    pdf = PdfReader(io.BytesIO(respons.content))
    assert len(pdf.pages) >= 2
    lebar = float(pdf.pages[0].mediabox.width)
    assert round(lebar) == 595  # A4
    baris = [b for halaman in pdf.pages for b in halaman.extract_text().splitlines()]
    assert sum(b.count("X") for b in baris) == 5000
    baris_x = [b for b in baris if "XXXXX" in b]
    assert len(baris_x) > 10 and max(b.count("X") for b in baris_x) < 100
    assert "Pendek." in _teks(respons.content)
    assert CATATAN[-1] in _teks(respons.content)  # the rest still follows


def test_teks_aneh_tidak_merusak_pdf():
    produk = _produk(abstrak_catatan="ĀČĒ ñ “kutip” — € №", berkas=False)
    # Not saved: PostgreSQL refuses a NUL, yet the function must not trip on one.
    produk.abstrak = "<b>tebal</b> & <script>alert(1)</script>\x00\x0c\tbutir"
    teks = _teks(buat_abstrak_pdf(produk))
    assert "<b>tebal</b> & <script>alert(1)</script> butir" in teks
    assert "“kutip”" in teks


# --- the URL --------------------------------------------------------------------


def test_header_inline_nama_berkas_etag_last_modified_dan_no_cache(client):
    produk = _produk()
    respons = client.get(_url(produk))
    assert respons["Content-Disposition"] == f'inline; filename="abstrak-{produk.slug}.pdf"'
    assert respons["Cache-Control"] == "no-cache"
    assert respons["ETag"].startswith('"') and respons["Last-Modified"].endswith("GMT")


def test_etag_sama_menjawab_304_dan_berubah_setelah_disunting(client):
    produk = _produk()
    pertama = client.get(_url(produk))
    respons = client.get(_url(produk), HTTP_IF_NONE_MATCH=pertama["ETag"])
    assert respons.status_code == 304 and not respons.content
    assert respons["ETag"] == pertama["ETag"] and respons["Cache-Control"] == "no-cache"
    produk.abstrak = "Butir yang baru ditulis."
    produk.save()
    respons = client.get(_url(produk), HTTP_IF_NONE_MATCH=pertama["ETag"])
    assert respons.status_code == 200 and respons["ETag"] != pertama["ETag"]


def test_pdf_dibuat_ulang_setelah_abstrak_disunting_dan_disimpan(client):
    produk = _produk()
    awal = client.get(_url(produk)).content
    assert client.get(_url(produk)).content == awal
    produk.abstrak = "Mencabut Keputusan sebelumnya tentang daftar pemilih sementara."
    produk.abstrak_catatan = "Catatan hasil penyuntingan."
    produk.save()
    baru = client.get(_url(produk)).content
    assert baru != awal
    teks = _teks(baru)
    assert "Mencabut Keputusan sebelumnya" in teks and "Catatan hasil penyuntingan." in teks
    assert POKOK[0] not in teks and CATATAN[0] not in teks


def test_lembar_tersimpan_di_cache_dan_cukup_satu_kueri(client, django_assert_num_queries):
    produk = _produk()
    with django_assert_num_queries(1):
        pertama = client.get(_url(produk))
    segar = produk_terbit(produk.pk)
    assert cache.get(kunci_abstrak(segar, isi_abstrak(segar))) == pertama.content
    with django_assert_num_queries(1):
        kedua = client.get(_url(produk))
    assert kedua.content == pertama.content
    assert "Set-Cookie" not in kedua and not kedua.cookies


def test_ganti_singkatan_jenis_menggambar_lembar_baru(client):
    produk = _produk(nomor="5")
    Jenis.objects.filter(pk=produk.jenis_id).update(singkatan="KPTS-BARU")
    respons = client.get(_url(produk), follow=True)
    assert respons.status_code == 200
    assert "KPTS-BARU NO. 5 TAHUN 2024" in _teks(respons.content)


def test_head_dijawab_tanpa_isi(client):
    produk = _produk()
    respons = client.head(_url(produk))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/pdf" and not respons.content


def test_selain_get_dan_head_ditolak(client):
    produk = _produk()
    assert client.post(_url(produk)).status_code == 405


def test_membaca_abstrak_tidak_menambah_penghitung(client):
    produk = _produk()
    client.get(_url(produk))
    client.head(_url(produk))
    client.get(_url(produk, "nama-lain.pdf"))
    segar = _segar(produk)
    assert (segar.jumlah_unduhan, segar.jumlah_dilihat) == (0, 0)


def test_nama_berkas_slug_atau_satker_salah_dialihkan_ke_alamat_kanonis(client):
    produk = _produk()
    lain = buat_satker()
    kanonis = _url(produk)
    salah = [
        _url(produk, "naskah.pdf"),
        kanonis.replace(f"/{produk.pk}-{produk.slug}/", f"/{produk.pk}-slug-lama/"),
        kanonis.replace(f"/{produk.satker.slug}/", f"/{lain.slug}/", 1),
    ]
    for alamat in salah:
        respons = client.get(alamat)
        assert respons.status_code == 301, alamat
        assert respons["Location"] == kanonis
    assert kanonis == reverse(
        "publicsite:abstrak",
        args=[produk.satker.slug, produk.pk, produk.slug, f"abstrak-{produk.slug}.pdf"],
    )


def test_produk_belum_terbit_404_juga_dengan_nama_atau_satker_lain(client):
    produk = _produk(terbit=False)
    lain = buat_satker()
    assert produk.status_publikasi == StatusPublikasi.DRAF
    for alamat in [
        _url(produk),
        _url(produk, "naskah.pdf"),
        _url(produk).replace(f"/{produk.satker.slug}/", f"/{lain.slug}/", 1),
    ]:
        respons = client.get(alamat)
        assert respons.status_code == 404, alamat
        assert "Location" not in respons


def test_produk_diturunkan_langsung_404_walau_lembar_ada_di_cache(client):
    produk = _produk()
    assert client.get(_url(produk)).status_code == 200
    turunkan(_segar(produk))
    assert _segar(produk).status_publikasi == StatusPublikasi.DITURUNKAN
    assert client.get(_url(produk)).status_code == 404
    assert client.get(_url(produk, "naskah.pdf")).status_code == 404


def test_kembali_draf_tanpa_sentuh_stempel_langsung_404(client):
    produk = _produk()
    client.get(_url(produk))
    ProdukHukum.objects.filter(pk=produk.pk).update(status_publikasi=StatusPublikasi.DRAF)
    assert client.get(_url(produk)).status_code == 404


def test_tanpa_abstrak_atau_pk_tak_dikenal_404(client):
    kosong = _produk(abstrak="  \n ", abstrak_catatan="Hanya catatan.")
    assert client.get(_url(kosong)).status_code == 404
    produk = _produk()
    alamat = _url(produk).replace(f"/{produk.pk}-", f"/{produk.pk + 999}-", 1)
    assert client.get(alamat).status_code == 404


# --- the detail page ------------------------------------------------------------


def test_halaman_detail_menampilkan_abstrak_terstruktur_dan_tautan_pdf(client):
    produk = _produk()
    teks = client.get(url("detail", produk)).content.decode()
    bagian = re.search(r'<section aria-labelledby="abstrak".*?</section>', teks, re.S).group(0)
    assert '<h2 id="abstrak">Abstrak</h2>' in bagian
    assert "Pemilihan Umum — Pemutakhiran Data Pemilih" in bagian and "2024" in bagian
    assert f"KEPKPU KAB. KOTIM NO. {produk.nomor}" in bagian
    assert produk.judul in bagian
    for dt in ["Abstrak", "Dasar hukum", "Catatan"]:
        assert f"<dt>{dt}</dt>" in bagian
    for baris in POKOK + DASAR_HUKUM + CATATAN:
        assert f"<li>{baris}</li>" in bagian, baris
    assert f'href="{_url(produk)}"' in bagian and "Lembar abstrak (PDF)" in bagian


def test_halaman_detail_meloloskan_html_dalam_abstrak(client):
    produk = _produk(
        abstrak="<script>alert(1)</script>\nbutir biasa",
        abstrak_dasar_hukum="<img src=x onerror=alert(2)>",
        abstrak_catatan="",
    )
    teks = client.get(url("detail", produk)).content.decode()
    assert "<script>alert(1)</script>" not in teks and "<img src=x" not in teks
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>" in teks
    assert "<li>&lt;img src=x onerror=alert(2)&gt;</li>" in teks
    assert "<dt>Catatan</dt>" not in teks


def test_halaman_detail_tanpa_abstrak_tanpa_bagian_abstrak(client):
    produk = _produk(abstrak="", abstrak_dasar_hukum="UU 7/2017")
    teks = client.get(url("detail", produk)).content.decode()
    assert 'id="abstrak"' not in teks and "Lembar abstrak (PDF)" not in teks


def test_halaman_detail_menampilkan_abstrak_baru_setelah_disunting(client):
    produk = _produk()
    client.get(url("detail", produk))
    produk.abstrak = "Butir hasil perbaikan."
    produk.save()
    teks = client.get(url("detail", produk)).content.decode()
    assert "<li>Butir hasil perbaikan.</li>" in teks and POKOK[0] not in teks
