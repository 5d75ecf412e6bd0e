"""Every item of both JDIHN feeds passes the national schema (DESIGN.md §6),
checked with jsonschema itself; the feed's own fast checker agrees with it."""

import copy
import json
import re
from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from jsonschema import Draft7Validator, FormatChecker

from documents.models import ProdukHukum, Satker, StatusPublikasi
from documents.publikasi import turunkan
from publicsite import jdihn, nama_berkas
from publicsite.models import PanenJDIHN
from tests.factories import buat_jenis, buat_produk, buat_satker
from tests.publik_helpers import isi

pytestmark = pytest.mark.django_db

DASAR = "http://testserver"

# bphndigitalservice/ildis schema/document-schema.json, as published.
SKEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {
        "idData": {"type": "string"},
        "tahun_pengundangan": {"type": "string", "pattern": "^[0-9]{4}$"},
        "tanggal_penetapan": {"type": "string", "format": "date"},
        "tanggal_pengundangan": {"type": "string", "format": "date"},
        "jenis": {"type": "string"},
        "noPeraturan": {"type": "string"},
        "judul": {"type": "string"},
        "noPanggil": {"type": ["string", "null"]},
        "singkatanJenis": {"type": "string"},
        "tempatTerbit": {"type": "string"},
        "penerbit": {"type": ["string", "null"]},
        "deskripsiFisik": {"type": ["string", "null"]},
        "sumber": {"type": "string"},
        "isbn": {"type": ["string", "null"]},
        "status": {"type": "string"},
        "bahasa": {"type": "string"},
        "bidangHukum": {"type": "string"},
        "teuBadan": {"type": ["string", "null"]},
        "nomorIndukBuku": {"type": ["string", "null"]},
        "abstrak": {"type": "string"},
        "last_updated": {"type": "string", "format": "date-time"},
        "urlAbstrak": {"type": "string", "format": "uri"},
        "urlDetailPeraturan": {"type": "string", "format": "uri"},
        "fileDownload": {"type": "string"},
        "urlDownload": {"type": "string"},
        "subjek": {"type": "string"},
        "operasi": {"type": "string"},
        "display": {"type": "string"},
    },
    "required": [
        "idData",
        "tahun_pengundangan",
        "tanggal_penetapan",
        "tanggal_pengundangan",
        "jenis",
        "noPeraturan",
        "judul",
        "singkatanJenis",
        "tempatTerbit",
        "sumber",
        "status",
        "bahasa",
        "bidangHukum",
        "abstrak",
        "last_updated",
        "urlAbstrak",
        "urlDetailPeraturan",
        "fileDownload",
        "urlDownload",
        "operasi",
        "display",
    ],
}

PEMERIKSA_FORMAT = FormatChecker(formats=("date", "uri"))
_WAKTU_ILDIS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")


@PEMERIKSA_FORMAT.checks("date-time", raises=ValueError)
def _waktu_ildis(nilai):
    # The reference app's own emission (FeedController: date('Y-m-d H:i:s')).
    if not isinstance(nilai, str):
        return True
    return bool(_WAKTU_ILDIS.fullmatch(nilai)) and bool(
        datetime.strptime(nilai, "%Y-%m-%d %H:%M:%S")
    )


VALIDATOR = Draft7Validator(SKEMA, format_checker=PEMERIKSA_FORMAT)
KUNCI = list(jdihn.KUNCI)


def _umpan(client, alamat="/integrasi/jdihn.json"):
    respons = client.get(alamat)
    assert respons.status_code == 200
    assert respons["Content-Type"].startswith("application/json")
    return json.loads(isi(respons))


def _galat(item):
    return [f"{'/'.join(map(str, g.path))}: {g.message}" for g in VALIDATOR.iter_errors(item)]


def _pastikan_sah(data):
    assert data, "umpan kosong: tidak ada yang diperiksa"
    for item in data:
        assert list(item) == KUNCI
        assert _galat(item) == [], item
        assert jdihn.masalah(item) == [], item


def _item(data, produk):
    return next(b for b in data if b["idData"] == str(produk.pk))


def _url(nama, *args):
    return DASAR + reverse(f"publicsite:{nama}", args=args)


def test_pemeriksa_format_uji_benar_benar_menolak_uri_tanggal_dan_waktu_yang_salah(client):
    assert {"date", "uri", "date-time"} <= set(PEMERIKSA_FORMAT.checkers)
    produk = buat_produk(berkas=False)
    item = _item(_umpan(client), produk)
    assert _galat(item) == []
    for kunci, salah in [
        ("urlDetailPeraturan", "bukan uri"),
        ("urlAbstrak", "/relatif/saja"),
        ("tanggal_penetapan", "2024-02-30"),
        ("tanggal_pengundangan", "4-3-2024"),
        ("last_updated", "kemarin sore"),
        ("last_updated", "2024-13-01 10:00:00"),
    ]:
        assert _galat({**item, kunci: salah}), f"{kunci}={salah!r} mestinya ditolak"


def test_seluruh_umpan_demo_lolos_skema_di_lingkup_nasional_dan_satker(client):
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("muat_demo")
    data = _umpan(client)
    _pastikan_sah(data)
    ids = {int(b["idData"]) for b in data}
    satker_ids = set(
        ProdukHukum.objects.filter(pk__in=ids).values_list("satker", flat=True).distinct()
    )
    assert len(satker_ids) > 1
    panen = PanenJDIHN.objects.get(satker__isnull=True)
    ditahan = {d["id"] for d in panen.dilewati}
    assert ids | ditahan == set(ProdukHukum.objects.untuk_jdihn().values_list("pk", flat=True))
    for satker in Satker.objects.filter(pk__in=satker_ids):
        milik = _umpan(client, f"/{satker.slug}/integrasi/jdihn.json")
        _pastikan_sah(milik)
        milik_ids = {int(b["idData"]) for b in milik}
        assert milik_ids == set(
            ProdukHukum.objects.filter(pk__in=ids, satker=satker).values_list("pk", flat=True)
        )


def test_produk_dengan_semua_bidang_opsional_kosong_tetap_sah(client):
    satker = buat_satker(tempat="")
    produk = buat_produk(satker=satker, berkas=False, tanggal_pengundangan=None)
    ProdukHukum.objects.filter(pk=produk.pk).update(
        teu_badan="",
        tempat_penetapan="",
        sumber="",
        subjek="",
        bahasa="",
        bidang_hukum="",
        abstrak="",
    )
    item = _item(_umpan(client), produk)
    _pastikan_sah([item])
    for kunci in ("tempatTerbit", "sumber", "bahasa", "bidangHukum", "subjek", "abstrak"):
        assert item[kunci] == "-", kunci
    for kunci in ("teuBadan", "noPanggil", "penerbit", "deskripsiFisik", "isbn", "nomorIndukBuku"):
        assert item[kunci] is None, kunci
    assert item["urlAbstrak"] == item["urlDetailPeraturan"]
    assert item["fileDownload"] == item["urlDownload"] == "-"


def test_peraturan_membawa_metadata_berkas_dan_abstrak_lengkap(client):
    produk = buat_produk(
        tanggal_penetapan=date(2024, 3, 4),
        tanggal_pengundangan=date(2024, 3, 5),
        abstrak="Menetapkan daftar pemilih tetap.",
        bidang_hukum="Hukum Tata Negara",
        sumber="Berita Daerah Tahun 2024 Nomor 7",
        # Left over from an earlier type: a peraturan has no call number.
        nomor_panggil="342.07 KPU p",
    )
    item = _item(_umpan(client), produk)
    _pastikan_sah([item])
    slug = produk.slug
    assert item["idData"] == str(produk.pk)
    assert item["tanggal_penetapan"] == "2024-03-04"
    assert item["tanggal_pengundangan"] == "2024-03-05"
    assert item["tahun_pengundangan"] == "2024"
    assert item["jenis"] == produk.jenis.nama
    assert item["singkatanJenis"] == produk.jenis.singkatan
    assert item["noPeraturan"] == produk.nomor
    assert item["judul"] == produk.judul
    assert item["status"] == "Berlaku"
    assert item["bahasa"] == "Indonesia"
    assert item["bidangHukum"] == "Hukum Tata Negara"
    assert item["sumber"] == "Berita Daerah Tahun 2024 Nomor 7"
    assert item["tempatTerbit"] == "Sampit"
    assert item["teuBadan"] == produk.satker.teu_badan
    assert item["noPanggil"] is None
    assert item["operasi"] == "4" and item["display"] == "1"
    assert item["urlDetailPeraturan"] == DASAR + produk.get_absolute_url()
    assert item["abstrak"] == nama_berkas.abstrak(produk) == f"abstrak-{slug}.pdf"
    assert item["urlAbstrak"] == _url(
        "abstrak", produk.satker.slug, produk.pk, slug, item["abstrak"]
    )
    assert item["fileDownload"] == f"{slug}.pdf"
    assert item["urlDownload"] == _url("jdihn-berkas", produk.pk, item["fileDownload"])
    assert item["urlDownload"].endswith("/" + item["fileDownload"])
    berkas = client.get(item["urlDownload"].removeprefix(DASAR))
    assert berkas.status_code == 200 and berkas["Content-Type"] == "application/pdf"


def test_last_updated_dalam_zona_waktu_satker(client):
    satker = buat_satker(zona_waktu=Satker.ZonaWaktu.WIT)
    produk = buat_produk(satker=satker, berkas=False)
    item = _item(_umpan(client), produk)
    harapan = produk.diubah_pada.astimezone(jdihn._zona("Asia/Jayapura"))
    assert item["last_updated"] == harapan.strftime("%Y-%m-%d %H:%M:%S")


def test_monografi_mengirim_bidang_buku_yang_sebenarnya(client):
    buku = buat_jenis(singkatan="MON", nama="Monografi Hukum", tipe_dokumen="monografi")
    produk = buat_produk(
        jenis=buku,
        berkas=False,
        judul="Hukum Pemilu di Indonesia",
        penulis="Ani Wijaya",
        nomor_panggil="342.07 WIJ h",
        isbn="978-0-306-40615-7",
        penerbit="KPU Press",
        tempat_terbit="Jakarta",
        deskripsi_fisik="xii, 240 hlm.; 21 cm",
        nomor_induk_buku="B-0042",
    )
    item = _item(_umpan(client), produk)
    _pastikan_sah([item])
    assert item["noPanggil"] == "342.07 WIJ h"
    assert item["isbn"] == "978-0-306-40615-7"
    assert item["penerbit"] == "KPU Press"
    assert item["deskripsiFisik"] == "xii, 240 hlm.; 21 cm"
    assert item["nomorIndukBuku"] == "B-0042"
    assert item["tempatTerbit"] == "Jakarta"
    # A book with some fields empty sends null there, never a dash.
    ProdukHukum.objects.filter(pk=produk.pk).update(isbn="", nomor_induk_buku="")
    item = _item(_umpan(client), produk)
    _pastikan_sah([item])
    assert item["isbn"] is None and item["nomorIndukBuku"] is None


def test_artikel_tanpa_sumber_menyusun_sumber_dari_jurnal(client):
    artikel = buat_jenis(singkatan="ART", nama="Artikel Hukum", tipe_dokumen="artikel")
    produk = buat_produk(
        jenis=artikel,
        berkas=False,
        penulis="Budi Santoso",
        jurnal="Jurnal Pemilu dan Demokrasi",
        volume="Vol. 5 No. 2",
        halaman="45-67",
    )
    hanya_jurnal = buat_produk(
        jenis=artikel, berkas=False, penulis="Citra", jurnal="Jurnal Konstitusi"
    )
    dengan_sumber = buat_produk(
        jenis=artikel, berkas=False, penulis="Dedi", jurnal="X", sumber="Sumber tertulis"
    )
    data = _umpan(client)
    _pastikan_sah(data)
    item = _item(data, produk)
    assert item["sumber"] == "Jurnal Pemilu dan Demokrasi Vol. 5 No. 2, hlm. 45-67"
    assert item["noPanggil"] is None and item["penerbit"] is None
    assert _item(data, hanya_jurnal)["sumber"] == "Jurnal Konstitusi"
    assert _item(data, dengan_sumber)["sumber"] == "Sumber tertulis"


def test_putusan_lolos_skema(client):
    putusan = buat_jenis(singkatan="PTS", nama="Putusan Pengadilan", tipe_dokumen="putusan")
    produk = buat_produk(
        jenis=putusan,
        lembaga_peradilan="Mahkamah Konstitusi",
        nomor_perkara="12/PHPU.D-XXII/2024",
        amar="Menolak permohonan Pemohon untuk seluruhnya.",
        berkekuatan_hukum_tetap=True,
    )
    item = _item(_umpan(client), produk)
    _pastikan_sah([item])
    assert item["jenis"] == "Putusan Pengadilan"
    assert item["fileDownload"] == nama_berkas.naskah(produk)
    assert item["isbn"] is None


def test_produk_tanpa_berkas_dan_tanpa_abstrak_memakai_tanda_strip(client):
    produk = buat_produk(berkas=False, abstrak="")
    draf_berkas = buat_produk(terbit=False)  # its version was never published
    ProdukHukum.objects.filter(pk=draf_berkas.pk).update(status_publikasi=StatusPublikasi.TERBIT)
    data = _umpan(client)
    _pastikan_sah(data)
    for p in (produk, draf_berkas):
        item = _item(data, p)
        assert item["fileDownload"] == "-" and item["urlDownload"] == "-"
        assert item["abstrak"] == "-"
        assert item["urlAbstrak"] == item["urlDetailPeraturan"] == DASAR + p.get_absolute_url()


def test_keputusan_yang_tidak_diundangkan_mengirim_tanggal_penetapan(client):
    produk = buat_produk(
        berkas=False, tahun=2024, tanggal_penetapan=date(2023, 12, 30), tanggal_pengundangan=None
    )
    item = _item(_umpan(client), produk)
    _pastikan_sah([item])
    assert item["tanggal_penetapan"] == item["tanggal_pengundangan"] == "2023-12-30"
    # The year of the date sent, not the product's tahun.
    assert item["tahun_pengundangan"] == "2023"


def test_produk_tanpa_tanggal_penetapan_ditahan_dan_dicatat_di_log(client):
    sah = buat_produk(berkas=False)
    tanpa = buat_produk(berkas=False, tanggal_penetapan=None)
    data = _umpan(client)
    _pastikan_sah(data)
    assert [b["idData"] for b in data] == [str(sah.pk)]
    panen = PanenJDIHN.objects.get()
    assert panen.jumlah_item == 1 and panen.jumlah_dilewati == 1 and panen.selesai
    (dicatat,) = panen.dilewati
    assert dicatat["id"] == tanpa.pk
    assert dicatat["produk"] == str(tanpa)
    assert "Tanggal penetapan" in dicatat["alasan"]


def test_log_item_ditahan_dibatasi_seratus_tetapi_jumlahnya_utuh(client):
    satker, jenis = buat_satker(), buat_jenis()
    tanpa = [
        ProdukHukum(
            satker=satker,
            jenis=jenis,
            nomor=f"{n}/TANPA/2024",
            tahun=2024,
            judul=f"Tanpa tanggal {n}",
            status_publikasi=StatusPublikasi.TERBIT,
        )
        for n in range(jdihn.BATAS_DILEWATI + 5)
    ]
    ProdukHukum.objects.bulk_create(tanpa)
    assert _umpan(client) == []
    panen = PanenJDIHN.objects.get()
    assert panen.jumlah_dilewati == jdihn.BATAS_DILEWATI + 5
    assert len(panen.dilewati) == jdihn.BATAS_DILEWATI


def test_ikut_jdihn_mati_draf_dan_diturunkan_tidak_dipanen(client):
    satu, dua = buat_satker(), buat_satker()
    ikut = buat_produk(satker=satu, berkas=False)
    milik_dua = buat_produk(satker=dua, berkas=False)
    buat_produk(satker=satu, berkas=False, ikut_jdihn=False)
    buat_produk(satker=satu, terbit=False, berkas=False)
    turunkan(buat_produk(satker=satu, berkas=False))
    data = _umpan(client)
    _pastikan_sah(data)
    assert sorted(b["idData"] for b in data) == sorted([str(ikut.pk), str(milik_dua.pk)])
    milik_satu = _umpan(client, f"/{satu.slug}/integrasi/jdihn.json")
    assert [b["idData"] for b in milik_satu] == [str(ikut.pk)]
    assert [b["idData"] for b in _umpan(client, f"/{dua.slug}/integrasi/jdihn.json")] == [
        str(milik_dua.pk)
    ]


# The fast checker against jsonschema: the same verdict on a valid item and on
# each way of breaking one.
RUSAK = [
    ("tidak ada kunci wajib", lambda b: b.pop("judul")),
    ("null pada kunci wajib", lambda b: b.update(tanggal_penetapan=None)),
    ("null pada kunci teks", lambda b: b.update(sumber=None)),
    ("angka, bukan teks", lambda b: b.update(idData=12)),
    ("daftar, bukan teks", lambda b: b.update(subjek=["a", "b"])),
    ("boolean, bukan teks", lambda b: b.update(display=True)),
    ("tahun dua angka", lambda b: b.update(tahun_pengundangan="24")),
    ("tahun lima angka", lambda b: b.update(tahun_pengundangan="20245")),
    ("tahun bukan angka", lambda b: b.update(tahun_pengundangan="dua")),
    ("tanggal tanpa nol", lambda b: b.update(tanggal_penetapan="2024-3-4")),
    ("tanggal terbalik", lambda b: b.update(tanggal_pengundangan="04-03-2024")),
    ("tanggal tidak ada", lambda b: b.update(tanggal_penetapan="2023-02-29")),
    ("bulan ketiga belas", lambda b: b.update(tanggal_pengundangan="2024-13-01")),
    ("waktu ISO dengan T", lambda b: b.update(last_updated="2024-03-04T10:00:00")),
    ("waktu tanpa detik", lambda b: b.update(last_updated="2024-03-04 10:00")),
    ("jam 25", lambda b: b.update(last_updated="2024-03-04 25:00:00")),
    ("URL relatif", lambda b: b.update(urlDetailPeraturan="/kpu-ri/produk/1-x/")),
    ("URL berspasi", lambda b: b.update(urlAbstrak="http://contoh.id/a b")),
    ("bukan URL", lambda b: b.update(urlAbstrak="-")),
]
SAH = [
    ("buku null", lambda b: b.update(noPanggil=None, penerbit=None, isbn=None)),
    ("T.E.U. null", lambda b: b.update(teuBadan=None, nomorIndukBuku=None, deskripsiFisik=None)),
    ("URL dengan port, kueri, fragmen", lambda b: b.update(urlAbstrak="https://a.id:8443/x?y=1#z")),
    ("URL IPv6", lambda b: b.update(urlDetailPeraturan="http://[::1]:8000/p/1-a/")),
    ("URL persen", lambda b: b.update(urlAbstrak="http://a.id/ber%20kas.pdf")),
    ("tahun kabisat", lambda b: b.update(tanggal_penetapan="2024-02-29")),
]


@pytest.mark.parametrize("nama,ubah", RUSAK, ids=[n for n, _ in RUSAK])
def test_pemeriksa_cepat_menolak_seperti_jsonschema(client, nama, ubah):
    produk = buat_produk(berkas=False)
    item = _item(_umpan(client), produk)
    assert _galat(item) == [] and jdihn.masalah(item) == []
    rusak = copy.deepcopy(item)
    ubah(rusak)
    assert _galat(rusak), f"jsonschema mestinya menolak: {nama}"
    assert jdihn.masalah(rusak), f"masalah() mestinya menolak: {nama}"


@pytest.mark.parametrize("nama,ubah", SAH, ids=[n for n, _ in SAH])
def test_pemeriksa_cepat_menerima_seperti_jsonschema(client, nama, ubah):
    produk = buat_produk(berkas=False)
    item = _item(_umpan(client), produk)
    sah = copy.deepcopy(item)
    ubah(sah)
    assert _galat(sah) == []
    assert jdihn.masalah(sah) == []


def test_pesan_pemeriksa_cepat_menyebut_kunci_dalam_bahasa_indonesia():
    assert jdihn.masalah([]) == ["item harus berupa objek JSON"]
    pesan = jdihn.masalah({"tanggal_penetapan": "2023-02-29"})
    assert "tanggal_penetapan '2023-02-29': bukan tanggal yang ada" in pesan
    assert "judul: tidak ada" in pesan
