"""Search (/cari/ and its export): keywords that cannot be searched (too long,
symbols only) list nothing and say why; the tanggal penetapan range and tipe
dokumen filters; sort by nomor (per year, natural number order); hostile
values in the new parameters; constant query count; CariForm as the one
parser of search parameters (the open API builds on it)."""

import csv
import io
import re
import zipfile
from datetime import date

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents.models import TipeDokumen
from publicsite import selectors
from publicsite.forms import PANJANG_KUERI, CariForm, tahun_terbaru
from tests.factories import buat_jenis, buat_produk, buat_satker

pytestmark = pytest.mark.django_db

CARI = reverse("publicsite:cari")
CSV = reverse("publicsite:ekspor", args=["csv"])
XLSX = reverse("publicsite:ekspor", args=["xlsx"])


def _judul(respons):
    return [p.judul for p in respons.context["hasil"]]


def _id_csv(client, params) -> list[int]:
    respons = client.get(CSV, params)
    assert respons.status_code == 200
    teks = b"".join(respons.streaming_content).decode("utf-8").lstrip("\ufeff")
    return [int(r[0]) for r in list(csv.reader(io.StringIO(teks, newline="")))[1:]]


@pytest.fixture
def katalog():
    return [
        buat_produk(judul="Penetapan Daftar Pemilih Tetap", berkas=False),
        buat_produk(judul="Pembentukan Panitia Pemilihan Kecamatan", berkas=False),
    ]


# --- keywords that cannot be searched -------------------------------------------


@pytest.mark.parametrize("q", ["%%%", "***", "—", "___", "?!", "“ ”", "- - -", '""'])
def test_kata_kunci_hanya_simbol_tidak_menampilkan_seluruh_katalog(client, katalog, q):
    respons = client.get(CARI, {"q": q})
    assert respons.status_code == 200
    assert respons.context["hasil"] == []
    teks = respons.content.decode()
    assert "setidaknya satu huruf atau angka" in teks
    assert "Kata kunci belum dapat dicari" in teks
    assert 'class="daftar-produk"' not in teks
    assert 'aria-invalid="true"' in teks


def test_kata_kunci_terlalu_panjang_diberi_pesan_dan_tanpa_hasil(client, katalog):
    q = "pemilihan " * 999 + "pemilihan!"  # 10.000 characters
    respons = client.get(CARI, {"q": q})
    assert respons.status_code == 200
    assert respons.context["hasil"] == []
    teks = respons.content.decode()
    assert "Kata kunci terlalu panjang (10.000 karakter)" in teks
    assert f"paling banyak {PANJANG_KUERI} karakter" in teks
    # Only the first PANJANG_KUERI characters go back into the box.
    assert len(teks) < 40_000
    assert f'maxlength="{PANJANG_KUERI}"' in teks
    assert "Unduh hasil" not in teks


def test_kata_kunci_tepat_di_batas_tetap_dicari(client, katalog):
    q = ("daftar " * 40)[:PANJANG_KUERI]
    respons = client.get(CARI, {"q": q})
    assert not respons.context["form"].errors
    assert "Kata kunci belum dapat dicari" not in respons.content.decode()


@pytest.mark.parametrize("q", ["pemilih", "2024", "No. 7", "ñandú", "选举", "a"])
def test_kata_kunci_dengan_huruf_atau_angka_diterima(q):
    form = CariForm({"q": q})
    assert form.is_valid(), form.errors
    assert not form.kriteria().kueri_ditolak


def test_kata_kunci_kosong_atau_spasi_menelusuri_semua(client, katalog):
    for q in ["", "   "]:
        respons = client.get(CARI, {"q": q})
        assert len(respons.context["hasil"]) == 2
        assert "Kata kunci belum dapat dicari" not in respons.content.decode()


def test_kata_kunci_ditolak_saringan_lain_tetap_terisi_dan_tanpa_hasil(client, katalog):
    respons = client.get(CARI, {"q": "%%%", "tahun": "2024"})
    assert respons.context["hasil"] == []
    assert respons.context["kriteria"].tahun == 2024
    assert respons.context["jumlah_saringan_aktif"] == 1


@pytest.mark.parametrize("q", ["%%%", "x" * 201])
def test_ekspor_dengan_kata_kunci_ditolak_kosong(client, katalog, q):
    assert _id_csv(client, {"q": q}) == []
    respons = client.get(XLSX, {"q": q})
    assert respons.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(respons.streaming_content))) as z:
        produk = z.read("xl/worksheets/sheet1.xml").decode()
        teks = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert len(re.findall(r"<row ", produk)) == 1  # the header only
    assert "Kata kunci" in teks
    assert "huruf atau angka" in teks or "terlalu panjang" in teks


def test_cari_form_is_valid_dan_kriteria_untuk_pemakai_lain():
    """The open API parses its list filters with CariForm: invalid keywords
    are an invalid form, and kriteria() then matches nothing."""
    form = CariForm({"q": "%%%"})
    assert not form.is_valid()
    assert form.kriteria().kueri_ditolak
    assert list(selectors.cari_produk(form.kriteria())) == []
    form = CariForm({"tanggal_dari": "2024-01-01", "urut": "nomor"})
    assert form.is_valid(), form.errors
    k = form.kriteria()
    assert (k.tanggal_dari, k.urut, k.kueri_ditolak) == (date(2024, 1, 1), "nomor", False)


# --- tanggal penetapan range -------------------------------------------------------


@pytest.fixture
def bertanggal():
    jenis = buat_jenis()
    return {
        t: buat_produk(jenis=jenis, judul=f"Produk {t}", tanggal_penetapan=t, berkas=False)
        for t in [date(2019, 4, 17), date(2022, 6, 9), date(2024, 2, 14), date(2024, 11, 27)]
    }


def test_rentang_tanggal_penetapan_menyaring_termasuk_ujungnya(client, bertanggal):
    respons = client.get(CARI, {"tanggal_dari": "2022-06-09", "tanggal_sampai": "2024-02-14"})
    assert sorted(_judul(respons)) == ["Produk 2022-06-09", "Produk 2024-02-14"]
    assert _judul(client.get(CARI, {"tanggal_dari": "2024-02-15"})) == ["Produk 2024-11-27"]
    assert _judul(client.get(CARI, {"tanggal_sampai": "2019-12-31"})) == ["Produk 2019-04-17"]


def test_tanggal_gaya_indonesia_juga_diterima(client, bertanggal):
    respons = client.get(CARI, {"tanggal_dari": "01/01/2024", "tanggal_sampai": "31-12-2024"})
    assert sorted(_judul(respons)) == ["Produk 2024-02-14", "Produk 2024-11-27"]
    # The date input shows only YYYY-MM-DD: the typed date goes back in that form.
    assert 'name="tanggal_dari" id="id_tanggal_dari" value="2024-01-01"' in (
        respons.content.decode()
    )
    nul = client.get(CARI, {"tanggal_dari": "2024-01-01\x00"}).content.decode()
    assert 'name="tanggal_dari" id="id_tanggal_dari" value=""' in nul


def test_rentang_terbalik_dilaporkan_dan_tidak_dipakai(client, bertanggal):
    respons = client.get(CARI, {"tanggal_dari": "2024-01-01", "tanggal_sampai": "2019-12-31"})
    assert respons.status_code == 200
    form = respons.context["form"]
    assert "tidak boleh sebelum tanggal awal (1 Januari 2024)" in form.errors["tanggal_sampai"][0]
    assert len(respons.context["hasil"]) == 4
    teks = respons.content.decode()
    # The folded filter box is open so the error is seen, even on a phone.
    assert '<details class="lipat-saringan" data-buka-lebar open>' in teks


@pytest.mark.parametrize(
    "nilai,pesan",
    [
        ("1899-12-31", "Tahun harus antara 1945"),
        ("9999-12-31", "Tahun harus antara 1945"),
        ("0000-00-00", "Tanggal tidak dikenali"),
        ("2024-02-30", "Tanggal tidak dikenali"),
        ("kemarin", "Tanggal tidak dikenali"),
        ("99999-01-01", "Tanggal tidak dikenali"),
    ],
)
def test_tanggal_tak_wajar_ditolak_dengan_pesan(client, bertanggal, nilai, pesan):
    respons = client.get(CARI, {"tanggal_dari": nilai})
    assert respons.status_code == 200
    assert pesan in respons.context["form"].errors["tanggal_dari"][0]
    assert len(respons.context["hasil"]) == 4


def test_batas_tahun_mengikuti_tahun_berjalan():
    assert CariForm({"tanggal_sampai": f"{tahun_terbaru()}-12-31"}).is_valid()
    assert not CariForm({"tanggal_sampai": f"{tahun_terbaru() + 1}-01-01"}).is_valid()


def test_isian_tanggal_berupa_input_date_berlabel(client, bertanggal):
    teks = client.get(CARI, {"tanggal_dari": "2024-01-01"}).content.decode()
    assert 'type="date" name="tanggal_dari" id="id_tanggal_dari" value="2024-01-01"' in teks
    assert '<label for="id_tanggal_sampai">Sampai tanggal</label>' in teks
    assert "<legend>Tanggal penetapan</legend>" in teks


def test_ekspor_memakai_rentang_tanggal(client, bertanggal):
    ids = _id_csv(client, {"tanggal_dari": "2024-01-01"})
    assert sorted(ids) == sorted(p.pk for t, p in bertanggal.items() if t.year == 2024)


# --- tipe dokumen -------------------------------------------------------------------


def test_saringan_tipe_dokumen_tampil_dan_berlaku(client):
    peraturan = buat_produk(judul="Peraturan", berkas=False)
    buku = buat_produk(
        jenis=buat_jenis(tipe_dokumen=TipeDokumen.MONOGRAFI), judul="Buku", berkas=False
    )
    teks = client.get(CARI).content.decode()
    assert '<select name="tipe" id="id_tipe">' in teks
    assert '<option value="monografi">' in teks
    assert _judul(client.get(CARI, {"tipe": "monografi"})) == [buku.judul]
    assert _judul(client.get(CARI, {"tipe": "peraturan"})) == [peraturan.judul]
    assert _id_csv(client, {"tipe": "monografi"}) == [buku.pk]


# --- sort by nomor ------------------------------------------------------------------


def test_urut_nomor_per_tahun_dengan_angka_alami(client):
    jenis = buat_jenis()
    satker = buat_satker()
    data = [
        ("10/HK.03.1-Kpt/2024", 2024),
        ("2/HK.03.1-Kpt/2024", 2024),
        ("2/PL.02-Kpt/2024", 2024),
        ("007/HK.03.1-Kpt/2024", 2024),
        ("Vol. 6 No. 1", 2024),
        ("100/HK.03.1-Kpt/2023", 2023),
        ("9/HK.03.1-Kpt/2023", 2023),
        ("1/HK.03.1-Kpt/2025", 2025),
        ("9" * 30 + "/raksasa", 2025),
    ]
    for nomor, tahun in data:
        buat_produk(satker=satker, jenis=jenis, nomor=nomor, tahun=tahun, berkas=False)
    respons = client.get(CARI, {"urut": "nomor"})
    assert [p.nomor for p in respons.context["hasil"]] == [
        "1/HK.03.1-Kpt/2025",
        "9" * 30 + "/raksasa",
        "2/HK.03.1-Kpt/2024",
        "2/PL.02-Kpt/2024",
        "007/HK.03.1-Kpt/2024",
        "10/HK.03.1-Kpt/2024",
        "Vol. 6 No. 1",
        "9/HK.03.1-Kpt/2023",
        "100/HK.03.1-Kpt/2023",
    ]
    # With keywords the same order, and the export keeps it.
    dengan_q = client.get(CARI, {"urut": "nomor", "q": "HK.03.1-Kpt"})
    assert [p.nomor for p in dengan_q.context["hasil"]][:2] == [
        "1/HK.03.1-Kpt/2025",
        "2/HK.03.1-Kpt/2024",
    ]
    assert _id_csv(client, {"urut": "nomor"}) == [p.pk for p in respons.context["hasil"]]


def test_urutan_lama_tetap_tersedia():
    pilihan = dict(CariForm().fields["urut"].choices)
    assert set(pilihan) == {"relevansi", "terbaru", "terlama", "nomor"}


# --- hostile values and query count ------------------------------------------------

JAHAT = [
    "\x00",
    "x" * 10_000,
    "2024-01-01\x00",
    "2024-13-45",
    "-1",
    "9" * 40,
    "<script>alert(1)</script>",
    "' OR 1=1--",
    "2024-01-01T00:00:00",
    "١٢٣٤-٠١-٠١",  # Arabic-Indic digits
    "%",
    "   ",
]


@pytest.mark.parametrize("url", [CARI, CSV, XLSX])
def test_nilai_jahat_pada_parameter_baru_tidak_pernah_500(url, katalog):
    klien = Client(raise_request_exception=False)
    gagal = []
    for nama in ["tanggal_dari", "tanggal_sampai", "urut", "q"]:
        for nilai in [*JAHAT, ["2024-01-01", "2025-01-01"]]:
            sid = transaction.savepoint()
            r = klien.get(url, {"q": "pemilih", "urut": "nomor", nama: nilai})
            if getattr(r, "streaming", False):
                b"".join(r.streaming_content)
            transaction.savepoint_rollback(sid)
            if r.status_code >= 500:
                gagal.append((nama, nilai[:20], r.status_code))
    assert gagal == []


@pytest.mark.parametrize(
    "params",
    [
        {"urut": "nomor", "tanggal_dari": "2020-01-01", "tanggal_sampai": "2026-12-31"},
        {"q": "pemilih", "urut": "nomor", "tipe": "peraturan", "tanggal_dari": "2020-01-01"},
        {"q": "%%%"},
    ],
)
def test_jumlah_kueri_halaman_hasil_tetap(client, params):
    jenis = buat_jenis()

    def jumlah():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(CARI, params).status_code == 200
        return len(ctx.captured_queries)

    buat_produk(jenis=jenis, judul="Daftar pemilih 0", nomor="1/A/2024")
    sedikit = jumlah()
    for i in range(1, 15):
        buat_produk(jenis=jenis, judul=f"Daftar pemilih {i}", nomor=f"{i * 3}/A/2024", berkas=False)
    assert jumlah() == sedikit
