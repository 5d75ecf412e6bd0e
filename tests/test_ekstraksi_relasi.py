"""Relations read from the text are matched only to products the Satker may
name: its own (any status) and the published products of the offices above
it up to KPU RI; never another regency's, never another office's draft."""

import pytest

from documents.demo import muat_jenis, muat_satker
from documents.models import JenisRelasi
from ekstraksi.baca import ekstrak
from tests.factories import buat_produk

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia():
    return muat_satker(), muat_jenis()


def _keputusan(badan: str, *, judul="PENETAPAN LOKASI TPS", mengingat=(), diktum=()):
    baris = [
        f"KEPUTUSAN {badan.upper()}",
        "NOMOR 18/PL.02.1-Kpt/6202/KPU-Kab/2024",
        "TENTANG",
        judul,
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "Menimbang : a. bahwa perlu;",
        "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
        *(f"{n}. {m};" for n, m in enumerate(mengingat, start=2)),
        "MEMUTUSKAN:",
        *(f"KESATU : {d}" for d in diktum),
        "Ditetapkan di Sampit",
        "pada tanggal 9 Januari 2024",
    ]
    return "\n".join(baris)


KOTIM = "Komisi Pemilihan Umum Kabupaten Kotawaringin Timur"


def _pasangan(u):
    return {(r.jenis, r.produk_id) for r in u.relasi}


def test_regency_decision_matches_the_pkpu_of_kpu_ri_it_cites(dunia):
    satker, jenis = dunia
    pkpu = buat_produk(satker["kpu-ri"], jenis["PKPU"], nomor="8", tahun=2022, judul="Badan Ad Hoc")
    teks = _keputusan(
        KOTIM, mengingat=["Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2022 tentang Badan Ad Hoc"]
    )
    u = ekstrak(teks, satker=satker["kotawaringin-timur"])
    assert _pasangan(u) == {(JenisRelasi.MELAKSANAKAN, pkpu.pk)}
    assert u.relasi[0].nomor == "8" and u.relasi[0].tahun == 2022


def test_another_regencys_product_is_never_matched(dunia):
    satker, jenis = dunia
    lain = buat_produk(
        satker["sorong-selatan"],
        jenis["Kpts KPU Kab/Kota"],
        nomor="3/HK.03.1-Kpt/9204/KPU-Kab/2023",
        tahun=2023,
    )
    sebutan = (
        "Keputusan Komisi Pemilihan Umum Kabupaten Sorong Selatan Nomor "
        "3/HK.03.1-Kpt/9204/KPU-Kab/2023"
    )
    u = ekstrak(
        _keputusan(
            KOTIM, mengingat=[sebutan], diktum=[f"{sebutan} dicabut dan dinyatakan tidak berlaku."]
        ),
        satker=satker["kotawaringin-timur"],
    )
    assert lain.pk not in {r.produk_id for r in u.relasi}
    # The explicit revocation is still proposed, unmatched, for the Pengelola to see.
    assert [(r.jenis, r.produk_id) for r in u.relasi] == [(JenisRelasi.MENCABUT, None)]


def test_an_unpublished_product_above_is_not_matched_but_the_satkers_own_draft_is(dunia):
    satker, jenis = dunia
    draf_ri = buat_produk(
        satker["kpu-ri"],
        jenis["Kpts KPU"],
        nomor="77/HK.03.1-Kpt/KPU/2023",
        tahun=2023,
        terbit=False,
    )
    draf_sendiri = buat_produk(
        satker["kotawaringin-timur"],
        jenis["Kpts KPU Kab/Kota"],
        nomor="2/HK.03.1-Kpt/6202/KPU-Kab/2023",
        tahun=2023,
        terbit=False,
    )
    u = ekstrak(
        _keputusan(
            KOTIM,
            mengingat=["Keputusan Komisi Pemilihan Umum Nomor 77/HK.03.1-Kpt/KPU/2023"],
            diktum=[
                f"Keputusan {KOTIM} Nomor 2/HK.03.1-Kpt/6202/KPU-Kab/2023 dicabut dan dinyatakan "
                "tidak berlaku."
            ],
        ),
        satker=satker["kotawaringin-timur"],
    )
    assert _pasangan(u) == {(JenisRelasi.MENCABUT, draf_sendiri.pk)}
    assert draf_ri.pk not in {r.produk_id for r in u.relasi}


def test_the_province_above_is_in_scope_another_province_is_not(dunia):
    satker, jenis = dunia
    kalteng = buat_produk(
        satker["kalimantan-tengah"],
        jenis["Kpts KPU Prov"],
        nomor="12/HK.03.1-Kpt/62/KPU-Prov/2023",
        tahun=2023,
    )
    kalbar = buat_produk(
        satker["kalimantan-barat"],
        jenis["Kpts KPU Prov"],
        nomor="12/HK.03.1-Kpt/61/KPU-Prov/2023",
        tahun=2023,
    )
    u = ekstrak(
        _keputusan(
            KOTIM,
            mengingat=[
                "Keputusan Komisi Pemilihan Umum Provinsi Kalimantan Tengah Nomor "
                "12/HK.03.1-Kpt/62/KPU-Prov/2023",
                "Keputusan Komisi Pemilihan Umum Provinsi Kalimantan Barat Nomor "
                "12/HK.03.1-Kpt/61/KPU-Prov/2023",
            ],
        ),
        satker=satker["kotawaringin-timur"],
    )
    assert _pasangan(u) == {(JenisRelasi.MELAKSANAKAN, kalteng.pk)}
    assert kalbar.pk not in {r.produk_id for r in u.relasi}


def test_same_number_with_another_title_is_not_the_product(dunia):
    satker, jenis = dunia
    buat_produk(
        satker["kpu-ri"],
        jenis["PKPU"],
        nomor="7",
        tahun=2022,
        judul="Perubahan atas Tahapan dan Jadwal",
    )
    u = ekstrak(
        _keputusan(
            KOTIM,
            mengingat=[
                "Peraturan Komisi Pemilihan Umum Nomor 7 Tahun 2022 tentang Penyusunan "
                "Daftar Pemilih"
            ],
        ),
        satker=satker["kotawaringin-timur"],
    )
    assert not u.relasi


def test_amendment_is_read_from_the_title(dunia):
    satker, jenis = dunia
    lama = buat_produk(
        satker["kotawaringin-timur"],
        jenis["Kpts KPU Kab/Kota"],
        nomor="2/HK.03.1-Kpt/6202/KPU-Kab/2023",
        tahun=2023,
        judul="Pembentukan Panitia Pemilihan Kecamatan",
    )
    judul = (
        "PERUBAHAN ATAS KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KOTAWARINGIN TIMUR NOMOR\n"
        "2/HK.03.1-Kpt/6202/KPU-Kab/2023 TENTANG PEMBENTUKAN PANITIA PEMILIHAN KECAMATAN"
    )
    u = ekstrak(_keputusan(KOTIM, judul=judul), satker=satker["kotawaringin-timur"])
    assert _pasangan(u) == {(JenisRelasi.MENGUBAH, lama.pk)}


def test_without_a_satker_the_issuing_office_read_from_the_text_is_the_scope(dunia):
    satker, jenis = dunia
    pkpu = buat_produk(satker["kpu-ri"], jenis["PKPU"], nomor="8", tahun=2022, judul="Badan Ad Hoc")
    teks = _keputusan(
        KOTIM, mengingat=["Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2022 tentang Badan Ad Hoc"]
    )
    u = ekstrak(teks)
    assert u.bidang["satker"].nilai == satker["kotawaringin-timur"].pk
    assert u.bidang["jenis"].nilai == jenis["Kpts KPU Kab/Kota"].pk
    assert _pasangan(u) == {(JenisRelasi.MELAKSANAKAN, pkpu.pk)}


def test_subjek_suggestions_are_existing_keywords_in_the_title(dunia):
    from documents.models import Subjek

    Subjek.objects.create(nama="TPS")
    Subjek.objects.create(nama="Lokasi TPS")
    Subjek.objects.create(nama="Kampanye")
    u = ekstrak(_keputusan(KOTIM), satker=dunia[0]["kotawaringin-timur"])
    assert u.bidang["subjek"].nilai == "Lokasi TPS"
    assert Subjek.objects.count() == 3
