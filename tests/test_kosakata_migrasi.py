"""The data migration that brings today's free-text catalogue values under the
controlled vocabularies: what maps is mapped, what does not is kept word for
word and reported, nothing is lost."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

SEBELUM = [("documents", "0006_katalog_lengkap")]


def _migrasi_ke(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _terbaru():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def katalog_lama(transactional_db):
    """A catalogue as the previous release left it (free text everywhere)."""
    apps = _migrasi_ke(SEBELUM)
    Satker = apps.get_model("documents", "Satker")
    Jenis = apps.get_model("documents", "Jenis")
    Produk = apps.get_model("documents", "ProdukHukum")
    satker = Satker.objects.create(
        nama="KPU Kabupaten Kotawaringin Timur",
        tingkat="kabupaten-kota",
        slug="kotim-migrasi",
        teu_badan="Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
        tempat="Sampit",
    )
    pusat = Satker.objects.create(
        nama="Komisi Pemilihan Umum Republik Indonesia",
        tingkat="pusat",
        slug="pusat-migrasi",
        teu_badan="KPU",
        tempat="Jakarta",
    )
    jenis = Jenis.objects.create(nama="Keputusan Migrasi", singkatan="KEPMIG")
    buku = Jenis.objects.create(
        nama="Monografi Migrasi", singkatan="MONOMIG", tipe_dokumen="monografi"
    )

    def produk(nomor, **kw):
        return Produk.objects.create(
            satker=kw.pop("satker", satker),
            jenis=kw.pop("jenis", jenis),
            nomor=nomor,
            tahun=2024,
            judul=f"Uji migrasi {nomor}",
            **kw,
        )

    ids = {
        "baku": produk("1", bidang_hukum="Hukum Tata Negara", bahasa="Indonesia").pk,
        "huruf": produk("2", bidang_hukum="  hukum   administrasi negara ", bahasa="indonesia").pk,
        "sinonim": produk("3", bidang_hukum="Hukum Pemilu", bahasa="Bahasa Indonesia").pk,
        "asing": produk("4", bidang_hukum="Hukum Kepemiluan Daerah", bahasa="Sunda").pk,
        "kosong": produk("5", bidang_hukum="", bahasa="", subjek="").pk,
        "subjek": produk("6", subjek="Pemilih, DPT; pemilih ;  Daftar  Pemilih Tetap").pk,
        "subjek2": produk("7", subjek="dpt; TPS").pk,
        "tipe": produk("8", jenis=buku, tipe_dokumen="peraturan", satker=pusat).pk,
    }
    yield ids
    _migrasi_ke(_terbaru())


def _setelah(ids):
    apps = _migrasi_ke(_terbaru())
    return apps, {
        k: apps.get_model("documents", "ProdukHukum").objects.get(pk=v) for k, v in ids.items()
    }


def test_bidang_hukum_dan_bahasa_dipetakan_ke_daftar_nasional(katalog_lama):
    _, p = _setelah(katalog_lama)
    assert p["baku"].bidang_hukum == "Hukum Tata Negara"
    assert p["huruf"].bidang_hukum == "Hukum Administrasi Negara"
    assert p["huruf"].bahasa == "Indonesia"
    assert p["sinonim"].bidang_hukum == "Hukum Tata Negara"
    assert p["sinonim"].bahasa == "Indonesia"
    assert p["kosong"].bidang_hukum == ""
    assert p["kosong"].bahasa == "Indonesia"


def test_nilai_yang_tidak_terpetakan_dicatat_kata_demi_kata(katalog_lama):
    apps, p = _setelah(katalog_lama)
    Nilai = apps.get_model("documents", "NilaiTakTerpetakan")
    catatan = {(n.produk_id, n.kolom, n.nilai) for n in Nilai.objects.all()}
    assert catatan == {
        (p["asing"].pk, "bidang_hukum", "Hukum Kepemiluan Daerah"),
        (p["asing"].pk, "bahasa", "Sunda"),
    }
    assert p["asing"].bidang_hukum == ""
    assert p["asing"].bahasa == "Indonesia"


def test_subjek_menjadi_kata_kunci_terkelola_tanpa_duplikat(katalog_lama):
    apps, p = _setelah(katalog_lama)
    Subjek = apps.get_model("documents", "Subjek")
    nama = sorted(Subjek.objects.values_list("nama", flat=True))
    assert nama == ["DPT", "Daftar Pemilih Tetap", "Pemilih", "TPS"]
    assert p["subjek"].subjek == "Pemilih; DPT; Daftar Pemilih Tetap"
    assert sorted(s.nama for s in p["subjek"].daftar_subjek.all()) == [
        "DPT",
        "Daftar Pemilih Tetap",
        "Pemilih",
    ]
    # The same keyword in another case is the same managed subjek.
    assert p["subjek2"].subjek == "DPT; TPS"
    dpt = Subjek.objects.get(nama="DPT")
    assert set(dpt.produk_hukum.values_list("pk", flat=True)) == {p["subjek"].pk, p["subjek2"].pk}


def test_teu_badan_dan_tipe_dibentuk_ulang_dari_satker_dan_jenis(katalog_lama):
    _, p = _setelah(katalog_lama)
    assert p["baku"].teu_badan == "Indonesia. Komisi Pemilihan Umum Kabupaten Kotawaringin Timur"
    assert p["tipe"].teu_badan == "Indonesia. Komisi Pemilihan Umum"
    assert p["tipe"].tipe_dokumen == "monografi"
