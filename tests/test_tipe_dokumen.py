"""Every document type (peraturan, monografi, artikel, putusan) with its own
catalogue fields: the prepare form, the import, the public page, the search
filter and the admin."""

import pytest
from django.urls import reverse

from documents.models import ProdukHukum, TipeDokumen
from documents.tipe import BIDANG_TIPE, SEMUA_BIDANG_TIPE
from tests.alur_helpers import ajukan, buat_tim, majukan
from tests.factories import buat_jenis, buat_produk, pdf_bytes
from tests.test_impor_arsip import baris, impor, siapkan_katalog, tulis_csv
from workflow.models import Status

pytestmark = pytest.mark.django_db

ISI_TIPE = {
    TipeDokumen.PERATURAN: {},
    TipeDokumen.MONOGRAFI: {
        "penulis": "Biro Hukum KPU",
        "nomor_panggil": "342.07 KOD k",
        "isbn": "978-602-123-456-3",
        "penerbit": "Komisi Pemilihan Umum",
        "tempat_terbit": "Jakarta",
        "deskripsi_fisik": "xii, 240 hlm.; 21 cm",
        "nomor_induk_buku": "0173/2023",
        "eksemplar": "3",
    },
    TipeDokumen.ARTIKEL: {
        "penulis": "Tim Peneliti",
        "jurnal": "Jurnal Tata Kelola Pemilu",
        "volume": "Vol. 6 No. 1",
        "halaman": "45-67",
    },
    TipeDokumen.PUTUSAN: {
        "lembaga_peradilan": "Mahkamah Konstitusi",
        "nomor_perkara": "21/PHP.BUP-XIX/2021",
        "pemohon": "Pasangan Calon Nomor Urut 2",
        "termohon": "KPU Kabupaten Kotawaringin Timur",
        "amar": "Menolak eksepsi Termohon.\nMenolak permohonan Pemohon.",
        "berkekuatan_hukum_tetap": "true",
    },
}
WAJIB = {
    TipeDokumen.MONOGRAFI: ("penerbit", "Wajib diisi untuk monografi (penerbit)."),
    TipeDokumen.ARTIKEL: ("jurnal", "Wajib diisi untuk artikel (sumber (jurnal/majalah))."),
    TipeDokumen.PUTUSAN: ("amar", "Wajib diisi untuk putusan (amar putusan)."),
}


def jenis_tipe(tipe):
    return buat_jenis(f"UJI-{tipe.upper()}", nama=f"Uji {tipe}", tipe_dokumen=tipe)


def siapkan(client, tipe=TipeDokumen.PERATURAN):
    """A request waiting for the Pengelola to prepare it, the prepare page's
    address, and the form's data as the page shows it."""
    tim = buat_tim()
    p = majukan(ajukan(tim, jenis=jenis_tipe(tipe)), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    url = reverse("workflow:siapkan", args=[p.pk])
    halaman = client.get(url)
    data = {k: v for k, v in halaman.context["meta"].initial.items() if v not in (None, "")}
    data.update(
        jenis=p.produk.jenis_id, tanggal_penetapan="2024-02-03", simpan_metadata="1", subjek=""
    )
    return p, url, data


def kirim(client, url, data):
    respons = client.post(url, data)
    galat = respons.context["meta"].errors if respons.status_code == 200 else {}
    return respons, galat


@pytest.mark.parametrize("tipe", list(TipeDokumen))
def test_prepare_form_saves_the_type_fields_and_clears_other_types(client, tipe):
    p, url, data = siapkan(client, tipe)
    semua_lain = {**ISI_TIPE[TipeDokumen.MONOGRAFI], **ISI_TIPE[TipeDokumen.PUTUSAN]}
    data.update({**semua_lain, **ISI_TIPE[TipeDokumen.ARTIKEL], **ISI_TIPE[tipe]})
    # A bad value in another type's (hidden) group neither blocks nor is kept.
    if tipe != TipeDokumen.MONOGRAFI:
        data.update(isbn="123", eksemplar="banyak")
    respons, galat = kirim(client, url, data)
    assert respons.status_code == 302, galat
    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert produk.tipe_dokumen == tipe
    for nama in SEMUA_BIDANG_TIPE:
        nilai = getattr(produk, nama)
        if nama in BIDANG_TIPE[tipe]:
            assert nilai not in (None, ""), nama
        else:
            assert nilai in (None, ""), nama
    if tipe == TipeDokumen.PUTUSAN:
        assert produk.berkekuatan_hukum_tetap is True
        assert produk.amar.splitlines() == [
            "Menolak eksepsi Termohon.",
            "Menolak permohonan Pemohon.",
        ]
    if tipe == TipeDokumen.MONOGRAFI:
        assert produk.eksemplar == 3


@pytest.mark.parametrize("tipe", list(WAJIB))
def test_prepare_form_requires_the_type_required_fields(client, tipe):
    p, url, data = siapkan(client, tipe)
    nama, pesan = WAJIB[tipe]
    data.update({**ISI_TIPE[tipe], nama: ""})
    respons, galat = kirim(client, url, data)
    assert respons.status_code == 200
    assert galat[nama] == [pesan]
    assert pesan in respons.content.decode()


def test_changing_jenis_to_peraturan_clears_the_monografi_fields(client):
    p, url, data = siapkan(client, TipeDokumen.MONOGRAFI)
    data.update(ISI_TIPE[TipeDokumen.MONOGRAFI])
    assert kirim(client, url, data)[0].status_code == 302
    data["jenis"] = jenis_tipe(TipeDokumen.PERATURAN).pk
    assert kirim(client, url, data)[0].status_code == 302
    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert produk.tipe_dokumen == TipeDokumen.PERATURAN
    assert (produk.isbn, produk.penerbit, produk.eksemplar) == ("", "", None)


def test_tanggal_penetapan_is_required(client):
    p, url, data = siapkan(client)
    data["tanggal_penetapan"] = ""
    respons, galat = kirim(client, url, data)
    assert "tanggal_penetapan" in galat
    assert "putusan: tanggal putusan" in respons.content.decode()


def test_isbn_with_a_bad_check_digit_is_refused_beside_the_field(client):
    p, url, data = siapkan(client, TipeDokumen.MONOGRAFI)
    data.update({**ISI_TIPE[TipeDokumen.MONOGRAFI], "isbn": "978-602-123-456-4"})
    respons, galat = kirim(client, url, data)
    assert "angka pemeriksa" in galat["isbn"][0]
    assert 'id="id_isbn-galat"' in respons.content.decode()


@pytest.mark.parametrize("isbn", ["0-306-40615-2", "602-123-456-1", "978-0-306-40615-7"])
def test_valid_isbn_10_and_13_are_accepted(client, isbn):
    p, url, data = siapkan(client, TipeDokumen.MONOGRAFI)
    data.update({**ISI_TIPE[TipeDokumen.MONOGRAFI], "isbn": isbn})
    respons, galat = kirim(client, url, data)
    assert respons.status_code == 302, galat
    assert ProdukHukum.objects.get(pk=p.produk_id).isbn == isbn


def test_isbn_with_a_bad_check_digit_is_a_row_error_in_the_import(tmp_path, capsys):
    from django.core.management import CommandError

    siapkan_katalog()
    (tmp_path / "a.pdf").write_bytes(pdf_bytes())
    monografi = {k: v for k, v in ISI_TIPE[TipeDokumen.MONOGRAFI].items()}
    path = tulis_csv(
        tmp_path,
        [
            baris(nomor="1", jenis="MONOGRAFI", **{**monografi, "isbn": "978-602-123-456-4"}),
            baris(nomor="2", jenis="MONOGRAFI", **{**monografi, "isbn": "0-306-40615-2"}),
        ],
    )
    with pytest.raises(CommandError):
        impor(path)
    assert "Baris 2: kolom isbn: ISBN tidak valid" in capsys.readouterr().err
    assert ProdukHukum.objects.get().isbn == "0-306-40615-2"


def test_nomor_colliding_with_another_product_is_a_form_error(client):
    p, url, data = siapkan(client)
    lain = buat_produk(p.satker, p.produk.jenis, nomor="99/PL.01-Kpt/2024", tahun=2024)
    data.update(nomor=lain.nomor, tahun=2024)
    respons, galat = kirim(client, url, data)
    assert respons.status_code == 200
    assert galat["__all__"] == [
        "Produk hukum dengan satker, jenis, nomor, dan tahun ini sudah ada."
    ]


def test_prepare_page_groups_type_fields_for_the_script(client):
    jenis_tipe(TipeDokumen.PUTUSAN)
    p, url, data = siapkan(client, TipeDokumen.MONOGRAFI)
    html = client.get(url).content.decode()
    assert 'data-tipe="putusan"' in html and 'data-tipe="monografi"' in html
    assert 'data-tipe-grup="monografi artikel"' in html
    # Without the script every group shows under its heading.
    for judul in ("Khusus monografi", "Khusus artikel", "Khusus putusan"):
        assert f"<legend>{judul}</legend>" in html
    assert "js/katalog.js" in html
    assert 'data-saran-url="/staf/subjek/saran/"' in html


@pytest.mark.parametrize("tipe", list(TipeDokumen))
def test_detail_page_shows_the_type_fields_and_not_other_types(client, tipe):
    isi = {
        k: (v == "true" if k == "berkekuatan_hukum_tetap" else v) for k, v in ISI_TIPE[tipe].items()
    }
    if "eksemplar" in isi:
        isi["eksemplar"] = 3
    produk = buat_produk(jenis=jenis_tipe(tipe), berkas=False, **isi)
    html = client.get(produk.get_absolute_url()).content.decode()
    label = {
        "penulis": "Penulis/pengarang",
        "isbn": "ISBN",
        "jurnal": "Sumber (jurnal/majalah)",
        "lembaga_peradilan": "Lembaga peradilan",
        "berkekuatan_hukum_tetap": "Berkekuatan hukum tetap",
    }
    for nama, teks in label.items():
        tampil = f"<dt>{teks}</dt>" in html
        assert tampil == (nama in BIDANG_TIPE[tipe]), nama
    if tipe == TipeDokumen.PUTUSAN:
        assert "<dt>Berkekuatan hukum tetap</dt><dd>Ya</dd>" in html
        assert "Menolak eksepsi Termohon.<br>Menolak permohonan Pemohon." in html
    if tipe == TipeDokumen.MONOGRAFI:
        assert "<dd>978-602-123-456-3</dd>" in html


def test_detail_page_shows_unknown_inkracht_as_a_dash(client):
    produk = buat_produk(jenis=jenis_tipe(TipeDokumen.PUTUSAN), berkas=False, amar="<b>Menolak</b>")
    html = client.get(produk.get_absolute_url()).content.decode()
    assert "<dt>Berkekuatan hukum tetap</dt><dd>—</dd>" in html
    assert "&lt;b&gt;Menolak&lt;/b&gt;" in html


def test_search_filters_by_tipe_dokumen(client):
    putusan = buat_produk(jenis=jenis_tipe(TipeDokumen.PUTUSAN), berkas=False, judul="Sengketa")
    buat_produk(jenis=jenis_tipe(TipeDokumen.MONOGRAFI), berkas=False, judul="Buku")
    buat_produk(berkas=False, judul="Keputusan")
    buat_produk(jenis=jenis_tipe(TipeDokumen.ARTIKEL), berkas=False, terbit=False)
    respons = client.get("/cari/", {"tipe": "putusan"})
    assert [p.pk for p in respons.context["hasil"]] == [putusan.pk]
    pilihan = dict(respons.context["form"].fields["tipe"].choices)
    # Only the types present among published products are offered.
    assert set(pilihan) == {"", "peraturan", "monografi", "putusan"}


@pytest.mark.parametrize("nilai", ["artikel", "bukan-tipe", "<script>", "x" * 5000])
def test_search_with_a_bad_tipe_is_a_form_error_not_a_500(client, nilai):
    buat_produk(berkas=False)
    respons = client.get("/cari/", {"tipe": nilai})
    assert respons.status_code == 200
    assert respons.context["form"].errors["tipe"]


def test_search_by_tipe_keeps_a_constant_query_count(client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    jenis = jenis_tipe(TipeDokumen.PUTUSAN)
    buat_produk(jenis=jenis, berkas=False)
    client.get("/cari/", {"tipe": "putusan"})
    with CaptureQueriesContext(connection) as ctx:
        client.get("/cari/", {"tipe": "putusan"})
    # Read now: the next request clears the connection's query log.
    sedikit = len(ctx.captured_queries)
    for _ in range(8):
        buat_produk(jenis=jenis, berkas=False)
    client.get("/cari/", {"tipe": "putusan"})  # options recomputed after the change
    with django_assert_num_queries(sedikit):
        respons = client.get("/cari/", {"tipe": "putusan"})
    assert len(respons.context["hasil"]) == 9


@pytest.mark.parametrize("tipe", list(TipeDokumen))
def test_admin_change_form_renders_for_each_type(admin_client, tipe):
    isi = {k: v for k, v in ISI_TIPE[tipe].items() if k not in {"berkekuatan_hukum_tetap"}}
    if "eksemplar" in isi:
        isi["eksemplar"] = 3
    produk = buat_produk(jenis=jenis_tipe(tipe), berkas=False, **isi)
    respons = admin_client.get(reverse("admin:documents_produkhukum_change", args=[produk.pk]))
    assert respons.status_code == 200
    html = respons.content.decode()
    for judul in ("Identitas", "Deskripsi", "Abstrak", "Monografi", "Artikel", "Putusan"):
        assert f">{judul}</" in html, judul
    assert produk.teu_badan in html


def test_admin_save_clears_other_types_and_checks_isbn(admin_client):
    from tests.admin_helpers import formulir_admin

    produk = buat_produk(
        jenis=jenis_tipe(TipeDokumen.MONOGRAFI),
        berkas=False,
        **{**ISI_TIPE[TipeDokumen.MONOGRAFI], "eksemplar": 3},
    )
    url = reverse("admin:documents_produkhukum_change", args=[produk.pk])
    data = formulir_admin(admin_client.get(url))
    data.update(isbn="978-602-123-456-4", amar="Amar nyasar")
    respons = admin_client.post(url, data)
    assert "angka pemeriksa" in respons.context["adminform"].form.errors["isbn"][0]
    data.update(isbn="0-306-40615-2")
    assert admin_client.post(url, data).status_code == 302
    produk.refresh_from_db()
    assert (produk.isbn, produk.amar) == ("0-306-40615-2", "")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_katalog_script_shows_only_the_chosen_type_and_suggests_subjek(page, live_server):
    from playwright.sync_api import expect

    from documents.models import Subjek
    from tests.test_publik_aksesibilitas import _pelanggaran_berat
    from tests.test_workflow_browser import masuk

    Subjek.objects.create(nama="Pemilih Pemula")
    putusan = jenis_tipe(TipeDokumen.PUTUSAN)
    tim = buat_tim()
    p = majukan(ajukan(tim, jenis=jenis_tipe(TipeDokumen.MONOGRAFI)), tim, Status.DIDISPOSISI)
    masuk(page, live_server, tim.pengelola)
    page.goto(live_server.url + reverse("workflow:siapkan", args=[p.pk]))
    expect(page.locator("#id_isbn")).to_be_visible()
    expect(page.locator("#id_penulis")).to_be_visible()
    expect(page.locator("#id_amar")).to_be_hidden()
    page.select_option("#id_jenis", str(putusan.pk))
    expect(page.locator("#id_amar")).to_be_visible()
    expect(page.locator("#id_isbn")).to_be_hidden()
    expect(page.locator("#id_penulis")).to_be_hidden()

    page.locator("#id_subjek").press_sequentially("DPT; pemi")
    saran = page.locator("#id_subjek-saran option")
    expect(saran).to_have_count(1)
    assert saran.first.get_attribute("value") == "DPT; Pemilih Pemula"
    expect(page.get_by_role("status").filter(has_text="1 saran subjek")).to_have_count(1)
    assert _pelanggaran_berat(page) == []
