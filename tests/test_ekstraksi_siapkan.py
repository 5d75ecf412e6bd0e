"""Issue 14 item 3: the document proposes its own record on the prepare page
(and for the request the sop 003 digitalisation opens). Fields it filled are
pre-set and marked, nothing is saved until the Pengelola saves, a value a
person gave is never overwritten, proposed relations are confirmed with one
click only within the Satker's scope, and a crash in extraction never blocks
an upload.

Most tests put a fixed-proposal extractor in the JDIH_EKSTRAKSI seam (see
tests/ekstraksi_alur_helpers.py); the last ones run the real extractor
(ekstraksi.baca.ekstrak) on generated Keputusan PDFs."""

import io
import logging
from datetime import date

import pytest
from django.test import TestCase
from django.urls import reverse

from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
from documents.models import (
    JenisRelasi,
    ProdukHukum,
    RelasiProduk,
    StatusBerlaku,
    VersiBerkas,
)
from ekstraksi.layanan import keadaan_usulan
from ekstraksi.models import UsulanDokumen
from ekstraksi.usulan import Bidang, Usulan
from tests.alur_helpers import ajukan, buat_tim, data_nota, majukan, nota_unggahan
from tests.ekstraksi_alur_helpers import pasang_ekstraktor_tetap, relasi, usulan_contoh
from tests.factories import buat_jenis, buat_produk, buat_satker, pdf_teks, unggahan
from workflow import layanan
from workflow.models import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def usulan_tetap(settings):
    """The extractor seam set to proposals the test chooses (a setter)."""
    return pasang_ekstraktor_tetap(settings)


def _siapkan(client, tim=None, **kw):
    tim = tim or buat_tim()
    p = majukan(ajukan(tim, **kw), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    return tim, p, reverse("workflow:siapkan", args=[p.pk])


def _data_halaman(halaman, p):
    """The metadata form's data as the browser would send it unchanged."""
    meta = halaman.context["meta"]
    data = {}
    for nama in meta.fields:
        nilai = meta[nama].value()
        if nilai in (None, ""):
            continue
        data[nama] = nilai.isoformat() if isinstance(nilai, date) else nilai
    data["serahkan-status_terlihat"] = p.status
    return data


def test_bidang_kosong_terisi_dari_dokumen_bertanda_tanpa_tersimpan(client, usulan_tetap):
    usulan_tetap(usulan_contoh())
    tim, p, url = _siapkan(client)
    halaman = client.get(url)
    html = halaman.content.decode()
    meta = halaman.context["meta"]
    # The Satker's own place was already there (the model's default): same.
    assert halaman.context["usulan_bidang"]["tempat_penetapan"].keadaan == "sama"
    assert meta["penandatangan"].value() == "Ketua Siti Fathonah"
    assert meta["tanggal_penetapan"].value() == "2024-02-03"
    assert meta["subjek"].value() == "Pemilih; Daftar Pemilih Tetap"
    # Marked, with the evidence line tied to the field for screen readers.
    assert 'aria-describedby="usulan-tempat_penetapan"' in html
    assert 'id="usulan-tempat_penetapan" role="tooltip"' in html
    assert "Bukti di dokumen, halaman 3: “Ditetapkan di Sampit”" in html
    assert "dari dokumen" in html
    # Nothing saved by looking.
    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert produk.penandatangan == "" and produk.subjek == "" and produk.abstrak == ""
    assert produk.tanggal_penetapan is None


def test_nilai_dari_pengusul_tidak_ditimpa_usulan_ditampilkan_di_sampingnya(client, usulan_tetap):
    usulan_tetap(usulan_contoh())
    tim, p, url = _siapkan(client, judul="Judul Yang Diketik Pengusul")
    halaman = client.get(url)
    html = halaman.content.decode()
    assert halaman.context["meta"]["judul"].value() == "Judul Yang Diketik Pengusul"
    assert 'id="usulan-judul-beda"' in html
    assert "Penetapan Dari Dokumen" in html  # "dokumen menyebut: …"
    assert 'data-usulan-pakai="id_judul" data-nilai="Penetapan Dari Dokumen"' in html


def test_simpan_menyimpan_usulan_yang_diterima(client, usulan_tetap):
    usulan_tetap(usulan_contoh())
    tim, p, url = _siapkan(client)
    data = _data_halaman(client.get(url), p)
    data["simpan_metadata"] = "1"
    respons = client.post(url, data)
    assert respons.status_code == 302, respons.context["meta"].errors
    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert produk.tempat_penetapan == "Sampit"
    assert produk.tanggal_penetapan == date(2024, 2, 3)
    assert produk.penandatangan == "Ketua Siti Fathonah"
    assert produk.abstrak == "Menetapkan daftar pemilih tetap."
    assert produk.abstrak_dasar_hukum.startswith("Undang-Undang Nomor 7 Tahun 2017")


def test_ekstraksi_berkas_baru_tidak_menimpa_isian_yang_diubah_pengelola(client, usulan_tetap):
    usulan_tetap(usulan_contoh())
    tim, p, url = _siapkan(client)
    data = _data_halaman(client.get(url), p)
    data.update(tempat_penetapan="Palangka Raya", simpan_metadata="1")
    assert client.post(url, data).status_code == 302
    # A better scan arrives and is read again: its proposal differs.
    usulan_tetap(
        usulan_contoh(tempat_penetapan=Bidang("Kuala Kapuas", "Ditetapkan di Kuala Kapuas"))
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.unggah_berkas(tim.pengelola, p, unggahan(pdf_teks("Pindaian yang lebih baik")))
    halaman = client.get(url)
    assert halaman.context["meta"]["tempat_penetapan"].value() == "Palangka Raya"
    assert halaman.context["usulan_bidang"]["tempat_penetapan"].beda
    assert "Kuala Kapuas" in halaman.content.decode()
    assert ProdukHukum.objects.get(pk=p.produk_id).tempat_penetapan == "Palangka Raya"


def test_nilai_yang_sama_dengan_dokumen_bertanda_dari_dokumen(client, usulan_tetap):
    usulan_tetap(usulan_contoh(judul=None))
    tim, p, url = _siapkan(client)
    ProdukHukum.objects.filter(pk=p.produk_id).update(tempat_penetapan="SAMPIT")
    halaman = client.get(url)
    assert halaman.context["usulan_bidang"]["tempat_penetapan"].keadaan == "sama"
    assert halaman.context["meta"]["tempat_penetapan"].value() == "SAMPIT"


def test_teks_belum_selesai_dibaca_menampilkan_pesan_bukan_galat(client, usulan_tetap):
    usulan_tetap(usulan_contoh())
    tim, p, url = _siapkan(client)
    VersiBerkas.objects.filter(produk=p.produk_id).update(
        status_proses=VersiBerkas.StatusProses.MENUNGGU
    )
    halaman = client.get(url)
    assert halaman.status_code == 200
    html = halaman.content.decode()
    assert "Usulan dari dokumen akan muncul setelah teks berkas selesai dibaca" in html
    assert "dari dokumen</span>" not in html.split("usulan-keadaan", 1)[1].split("</p>", 1)[1]
    assert halaman.context["meta"]["penandatangan"].value() in (None, "")


def test_ekstraktor_yang_gagal_dicatat_dan_unggahan_tetap_berjalan(client, settings, caplog):
    settings.JDIH_EKSTRAKSI = "tests.ekstraksi_alur_helpers.ekstrak_rusak"
    with caplog.at_level(logging.ERROR, logger="ekstraksi.layanan"):
        tim, p, url = _siapkan(client)
    versi = VersiBerkas.objects.get(produk=p.produk_id)
    assert versi.status_proses == VersiBerkas.StatusProses.SELESAI and versi.teks
    assert "ekstraktor rusak" in UsulanDokumen.objects.get(versi=versi).galat
    assert any("Ekstraksi usulan" in r.getMessage() and r.exc_info for r in caplog.records)
    halaman = client.get(url)
    assert halaman.status_code == 200
    assert "dari dokumen</span>" not in halaman.content.decode()


def test_versi_lama_tanpa_usulan_dibaca_sekali_saat_halaman_dibuka(client, usulan_tetap):
    usulan_tetap(usulan_contoh())
    tim, p, url = _siapkan(client)
    UsulanDokumen.objects.all().delete()  # processed before issue 14
    assert client.get(url).context["meta"]["penandatangan"].value() == "Ketua Siti Fathonah"
    assert UsulanDokumen.objects.filter(versi__produk=p.produk_id).count() == 1


def test_ekstraksi_mati_tidak_menampilkan_usulan(client, settings, usulan_tetap):
    usulan_tetap(usulan_contoh())
    settings.JDIH_EKSTRAKSI_AKTIF = False
    tim, p, url = _siapkan(client)
    halaman = client.get(url)
    assert not halaman.context["usulan_bidang"]
    assert not UsulanDokumen.objects.exists()


# --- relations ------------------------------------------------------------------


def _lingkup():
    """A Kabupaten under a Provinsi, a sibling Kabupaten, and products of each."""
    provinsi = buat_satker(tingkat="provinsi")
    kab = buat_satker(induk=provinsi)
    tetangga = buat_satker(induk=provinsi)
    return {
        "tim": buat_tim(kab),
        "sendiri": buat_produk(kab, berkas=False),
        "induk": buat_produk(provinsi, berkas=False),
        "induk_draf": buat_produk(provinsi, berkas=False, terbit=False),
        "tetangga": buat_produk(tetangga, berkas=False),
    }


def test_relasi_hanya_dicocokkan_dengan_produk_dalam_lingkup_satker(client, usulan_tetap):
    d = _lingkup()
    usulan_tetap(
        Usulan(
            relasi=[
                relasi(JenisRelasi.MENCABUT, d["sendiri"]),
                relasi(JenisRelasi.MELAKSANAKAN, d["induk"]),
                relasi(JenisRelasi.MENGUBAH, d["induk_draf"]),
                relasi(JenisRelasi.MENCABUT, d["tetangga"]),
            ]
        )
    )
    tim, p, url = _siapkan(client, tim=d["tim"])
    halaman = client.get(url)
    terusul = {r.usulan.produk_id: r for r in halaman.context["usulan_relasi"]}
    assert terusul[d["sendiri"].pk].target == d["sendiri"]
    assert terusul[d["induk"].pk].target == d["induk"]
    # Another Satker's draft and a sibling's product are never offered.
    assert terusul[d["induk_draf"].pk].target is None
    assert terusul[d["tetangga"].pk].target is None
    html = halaman.content.decode()
    assert html.count('name="konfirmasi_relasi"') == 2
    assert str(d["induk_draf"].judul) not in html


def test_konfirmasi_relasi_mencatatnya_dengan_satu_klik(client, usulan_tetap):
    d = _lingkup()
    usulan_tetap(Usulan(relasi=[relasi(JenisRelasi.MENCABUT, d["sendiri"])]))
    tim, p, url = _siapkan(client, tim=d["tim"])
    respons = client.post(
        url,
        {"konfirmasi_relasi": "1", "relasi_jenis": "mencabut", "relasi_target": d["sendiri"].pk},
        follow=True,
    )
    assert respons.status_code == 200
    r = RelasiProduk.objects.get(sumber=p.produk_id)
    assert (r.jenis, r.target_id) == ("mencabut", d["sendiri"].pk)
    assert r.keterangan == "Menurut dokumen: mencabut Keputusan yang lama"
    # The status rule of documents.relasi applies as everywhere.
    assert ProdukHukum.objects.get(pk=d["sendiri"].pk).status == StatusBerlaku.TIDAK_BERLAKU
    assert p.jejak.filter(aksi="ubah-metadata", catatan__startswith="Relasi dari dokumen").exists()
    html = respons.content.decode()
    assert "Relasi tercatat" in html and "Sudah tercatat" in html
    # A second click records nothing twice.
    client.post(
        url,
        {"konfirmasi_relasi": "1", "relasi_jenis": "mencabut", "relasi_target": d["sendiri"].pk},
    )
    assert RelasiProduk.objects.filter(sumber=p.produk_id).count() == 1


def test_konfirmasi_relasi_di_luar_lingkup_atau_tak_diusulkan_ditolak(client, usulan_tetap):
    d = _lingkup()
    usulan_tetap(
        Usulan(
            relasi=[
                relasi(JenisRelasi.MENCABUT, d["tetangga"]),
                relasi(JenisRelasi.MENCABUT, d["sendiri"]),
            ]
        )
    )
    tim, p, url = _siapkan(client, tim=d["tim"])
    for jenis, target in [
        ("mencabut", d["tetangga"].pk),  # proposed, but another Satker's
        ("mengubah", d["sendiri"].pk),  # in scope, but not what the document says
        ("mencabut", d["induk"].pk),  # in scope, not proposed
        ("mencabut", "abc"),  # hostile
    ]:
        respons = client.post(
            url, {"konfirmasi_relasi": "1", "relasi_jenis": jenis, "relasi_target": target}
        )
        assert respons.status_code == 302
    assert not RelasiProduk.objects.exists()
    assert ProdukHukum.objects.get(pk=d["tetangga"].pk).status == StatusBerlaku.BERLAKU


def test_konfirmasi_relasi_oleh_yang_tidak_menyiapkan_ditolak(client, usulan_tetap):
    d = _lingkup()
    usulan_tetap(Usulan(relasi=[relasi(JenisRelasi.MENCABUT, d["sendiri"])]))
    tim, p, url = _siapkan(client, tim=d["tim"])
    client.force_login(tim.pengusul)
    data = {"konfirmasi_relasi": "1", "relasi_jenis": "mencabut", "relasi_target": d["sendiri"].pk}
    assert client.post(url, data).status_code == 403
    assert not RelasiProduk.objects.exists()


def test_aksi_konfirmasi_relasi_memeriksa_izin_sendiri(usulan_tetap):
    from ekstraksi.layanan import catat_relasi_dari_dokumen
    from workflow.mesin import AksiGagal

    d = _lingkup()
    usulan_tetap(Usulan(relasi=[relasi(JenisRelasi.MENCABUT, d["sendiri"])]))
    tim = d["tim"]
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    with pytest.raises(AksiGagal):
        catat_relasi_dari_dokumen(tim.kasubbag, p, jenis="mencabut", target_id=d["sendiri"].pk)
    assert not RelasiProduk.objects.exists()


# --- the real extractor on real PDFs (pass once ekstraksi.baca is built) ---------


def _pdf_keputusan(**kw):
    return pdf_keputusan(
        NaskahKeputusan(
            teu_badan="Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
            nomor=kw.pop("nomor", "50/HK.03.1-Kpt/6202/KPU-Kab/2024"),
            tahun=2024,
            judul=kw.pop("judul", "Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024"),
            tempat="Sampit",
            tanggal="3 Februari 2024",
            nama_penandatangan="SITI FATHONAH",
            **kw,
        )
    )


def test_ekstraktor_asli_mengusulkan_dari_pdf_keputusan(client):
    tim = buat_tim()
    with TestCase.captureOnCommitCallbacks(execute=True):
        p = layanan.ajukan_unggah(
            tim.pengusul,
            tim.satker,
            produk={
                "jenis": buat_jenis(),
                "nomor": "50/HK.03.1-Kpt/6202/KPU-Kab/2024",
                "tahun": 2024,
                "judul": "Penetapan DPT",
            },
            nota=data_nota(),
            berkas=unggahan(_pdf_keputusan()),
            nota_berkas=nota_unggahan(),
        )
    p = majukan(p, tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    halaman = client.get(reverse("workflow:siapkan", args=[p.pk]))
    meta, bidang = halaman.context["meta"], halaman.context["usulan_bidang"]
    assert meta["tempat_penetapan"].value() == "Sampit"
    assert meta["tanggal_penetapan"].value() == "2024-02-03"
    assert bidang["nomor"].keadaan == "sama"
    # The Pengusul's short judul stays; the document's is offered beside it.
    assert meta["judul"].value() == "Penetapan DPT" and bidang["judul"].beda
    assert "Daftar Pemilih Tetap" in bidang["judul"].nilai


def test_dokumen_tanpa_struktur_tidak_memberi_usulan_dan_tanpa_galat(client):
    tim, p, url = _siapkan(client)
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.unggah_berkas(
            tim.pengelola, p, io.BytesIO(pdf_teks("Daftar belanja", "kopi 2", "gula 1"))
        )
    keadaan = keadaan_usulan(ProdukHukum.objects.get(pk=p.produk_id))
    assert keadaan.status == "kosong"
    assert UsulanDokumen.objects.get(versi=keadaan.versi).galat == ""
    halaman = client.get(url)
    assert halaman.status_code == 200 and "tidak dikenali" in halaman.content.decode()


# --- sop 003: the request the digitalisation opens ----------------------------


def test_digitalisasi_membuka_permohonan_yang_membawa_usulan_tanpa_menimpa_isian_penyusunan(
    client, usulan_tetap
):
    from tests import penyusunan_helpers as ph

    usulan_tetap(usulan_contoh())
    tim = ph.buat_tim_penyusunan()
    sk = ph.majukan(ph.mulai(tim, judul="Pembentukan Tim Uji"), tim, ph.S.SELESAI)
    p = majukan(sk.permohonan, tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    halaman = client.get(reverse("workflow:siapkan", args=[p.pk]))
    meta, bidang = halaman.context["meta"], halaman.context["usulan_bidang"]
    # What the drafting already knew stays; the document's reading is beside it.
    assert meta["judul"].value() == sk.produk.judul and bidang["judul"].beda
    assert meta["tanggal_penetapan"].value() == sk.tanggal_penetapan
    assert bidang["tanggal_penetapan"].beda
    # What it did not know is pre-set from the scan.
    assert meta["abstrak"].value() == "Menetapkan daftar pemilih tetap."
    detail = client.get(sk.get_absolute_url()).content.decode()
    assert "diusulkan kepada Pengelola JDIH di halaman siapkan" in detail


def test_dokumen_dari_satker_lain_diberi_peringatan_tanpa_mengubah_apa_pun(client, usulan_tetap):
    lain = buat_satker(nama="KPU Kabupaten Lain Sekali")
    usulan_tetap(usulan_contoh(satker=Bidang(lain.pk, "KOMISI PEMILIHAN UMUM KABUPATEN LAIN", 1)))
    tim, p, url = _siapkan(client)
    html = client.get(url).content.decode()
    assert "diterbitkan oleh <strong>KPU Kabupaten Lain Sekali</strong>" in html
    assert ProdukHukum.objects.get(pk=p.produk_id).satker == tim.satker
