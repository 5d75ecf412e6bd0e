"""A member of the public searches, filters, opens a product, follows a
relation and downloads the file — in a real browser (Debian chromium)."""

import pytest

from documents.models import JenisRelasi, ProdukHukum
from tests.factories import buat_jenis, buat_produk, buat_satker
from tests.publik_helpers import http_polos, relasikan  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


def test_publik_mencari_menyaring_membuka_mengikuti_relasi_dan_mengunduh(page, live_server):
    satker = buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur")
    keputusan = buat_jenis(singkatan="KEP-KAB", nama="Keputusan KPU Kabupaten")
    surat = buat_jenis(singkatan="SE-KAB", nama="Surat Edaran KPU Kabupaten")
    lama = buat_produk(
        satker=satker, jenis=keputusan, tahun=2019, judul="Penetapan Daftar Pemilih Tetap 2019"
    )
    baru = buat_produk(
        satker=satker, jenis=keputusan, tahun=2024, judul="Penetapan Daftar Pemilih Tetap 2024"
    )
    buat_produk(satker=satker, jenis=surat, judul="Pemutakhiran Daftar Pemilih", berkas=False)
    relasikan(baru, JenisRelasi.MENCABUT, lama)

    page.goto(live_server.url + "/")
    page.get_by_label("Cari produk hukum").fill("daftar pemilih")
    page.get_by_role("button", name="Cari").click()
    page.wait_for_url("**/cari/?*")
    hasil = page.locator(".daftar-produk .produk")
    assert hasil.count() == 3
    assert page.locator(".cuplikan mark").count() >= 1

    page.get_by_label("Jenis").select_option(label="Keputusan KPU Kabupaten (KEP-KAB)")
    page.get_by_label("Tahun").select_option("2024")
    page.get_by_role("button", name="Terapkan").click()
    page.wait_for_url("**tahun=2024**")
    assert hasil.count() == 1

    hasil.first.get_by_role("link").click()
    page.wait_for_url("**" + baru.get_absolute_url())
    assert "Penetapan Daftar Pemilih Tetap 2024" in page.locator("h1").inner_text()

    page.get_by_role("link", name="Penetapan Daftar Pemilih Tetap 2019").click()
    page.wait_for_url("**" + lama.get_absolute_url())
    assert page.locator(".relasi").get_by_text("Dicabut dengan").is_visible()
    assert page.locator(".lencana-tidak-berlaku").first.is_visible()

    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh PDF").first.click()
    berkas = unduhan.value
    assert berkas.suggested_filename == f"{lama.slug}.pdf"
    with open(berkas.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"
    assert ProdukHukum.objects.get(pk=lama.pk).jumlah_unduhan == 1
