"""Per-field reading of tricky lines: KPU number shapes, OCR's letters in
numbers, titles across line breaks, dates in Indonesian, signatures, the
Lampiran cut, headers/footers, and odd input that must never raise."""

from datetime import date

import pytest

from ekstraksi.baca import ekstrak
from ekstraksi.bidang import baca, baca_nomor, baca_tanggal, judul_rapi
from ekstraksi.teks import baris_dokumen, betulkan_angka, kunci, sambung

KEPUTUSAN = """SALINAN
KEPUTUSAN KOMISI PEMILIHAN UMUM
KABUPATEN KOTAWARINGIN TIMUR
NOMOR 5O/HK.O3.l-Kpt/62O2/KPU-Kab/2O23
TENTANG
PENETAPAN DAFTAR PEMILIH TETAP
PEMILIHAN UMUM TAHUN 2024
DENGAN RAHMAT TUHAN YANG MAHA ESA
KETUA KOMISI PEMILIHAN UMUM KABUPATEN KOTAWARINGIN TIMUR,
Menimbang : a. bahwa perlu menetapkan daftar pemilih;
b. bahwa perlu menetapkan Keputusan Komisi Pemilihan Umum Kabupaten Kotawaringin Timur
tentang Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024;
Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;
2. Peraturan Komisi Pemilihan Umum Nomor 7 Tahun 2022 tentang Penyusunan Daftar
Pemilih;
MEMUTUSKAN:
Menetapkan : KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KOTAWARINGIN TIMUR TENTANG
PENETAPAN DAFTAR PEMILIH TETAP PEMILIHAN UMUM TAHUN 2024.
KESATU : Menetapkan daftar pemilih tetap sebagaimana tercantum dalam Lampiran.
KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.
Ditetapkan di
Sampit
pada tanggal l2 Januari 2O23
KETUA KOMISI PEMILIHAN UMUM
KABUPATEN KOTAWARINGIN TIMUR,
ttd.
SITI FATHONAH, S.H.
LAMPIRAN KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KOTAWARINGIN TIMUR
1. Desa A     Ditetapkan di Kota Lain
2. Desa B     pada tanggal 3 Maret 2019
"""


def _temuan(teks):
    return baca(baris_dokumen(teks))


@pytest.mark.parametrize(
    "isi, harapan",
    [
        ("50/HK.03.1-Kpt/9204/KPU-Kab/2023", ("50/HK.03.1-Kpt/9204/KPU-Kab/2023", 2023)),
        ("7 TAHUN 2022", ("7", 2022)),
        ("7 Tahun 2022 TENTANG PERUBAHAN", ("7", 2022)),
        ("12", ("12", None)),
        ("5O / HK.O3.l-Kpt / 92O4/KPU-Kab/2O23", ("50/HK.03.1-Kpt/9204/KPU-Kab/2023", 2023)),
        ("12/PL.01-Kpt/03/KPU/I/2019", ("12/PL.01-Kpt/03/KPU/I/2019", 2019)),
    ],
)
def test_kpu_number_shapes_are_read_with_their_year(isi, harapan):
    assert baca_nomor(isi) == harapan


@pytest.mark.parametrize(
    "isi", ["", "....", "Nomor perkara", "50/HK/2023/lain kata", "9 TAHUN 3022"]
)
def test_a_number_that_is_no_kpu_number_is_not_proposed(isi):
    assert baca_nomor(isi) is None


def test_ocr_letters_become_digits_only_inside_numbers():
    assert betulkan_angka("5O/HK.O3.l-Kpt/92O4/KPU-Kab/2O23") == "50/HK.03.1-Kpt/9204/KPU-Kab/2023"
    assert betulkan_angka("KPU-Kab/I/2019") == "KPU-Kab/I/2019"
    assert betulkan_angka("Olahraga l2") == "Olahraga 12"


@pytest.mark.parametrize(
    "teks, harapan",
    [
        ("12 Januari 2023", date(2023, 1, 12)),
        ("pada tanggal 3 Pebruari 2020", date(2020, 2, 3)),
        ("l2 Januari 2O23", date(2023, 1, 12)),
        ("30 Nopember 2019", date(2019, 11, 30)),
        ("31 Februari 2023", None),
        ("12 Janauri 2023", None),  # not a month name: no guess between months
        ("12 Juli", None),
    ],
)
def test_indonesian_dates_are_read_exactly_or_not_at_all(teks, harapan):
    assert baca_tanggal(teks) == harapan


def test_heading_fields_are_read_across_line_breaks_and_ocr_noise():
    t = _temuan(KEPUTUSAN)
    assert t.bentuk.nilai == "KEPUTUSAN"
    assert t.badan.nilai == "KOMISI PEMILIHAN UMUM KABUPATEN KOTAWARINGIN TIMUR"
    assert t.nomor.nilai == "50/HK.03.1-Kpt/6202/KPU-Kab/2023"
    assert t.tahun.nilai == 2023
    # The Menimbang's own spelling, not the heading's capitals.
    assert t.judul.nilai == "Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024"
    assert "PENETAPAN DAFTAR PEMILIH TETAP" in t.judul.bukti


def test_place_date_and_signer_come_from_the_first_signature_not_the_lampiran():
    t = _temuan(KEPUTUSAN)
    assert t.tempat.nilai == "Sampit"
    assert t.tanggal.nilai == date(2023, 1, 12)
    assert t.penandatangan.nilai == "Siti Fathonah, S.H."
    assert t.jabatan.nilai == "Ketua Komisi Pemilihan Umum Kabupaten Kotawaringin Timur"


def test_pkpu_heading_without_year_takes_the_year_of_enactment():
    teks = (
        "PERATURAN KOMISI PEMILIHAN UMUM\nNOMOR 7\nTENTANG\nKAMPANYE\n"
        "DENGAN RAHMAT TUHAN YANG MAHA ESA\nDitetapkan di Jakarta\n"
        "pada tanggal 9 Desember 2022\nKETUA KOMISI PEMILIHAN UMUM,\nttd.\nHASYIM ASY'ARI\n"
        "Diundangkan di Jakarta\npada tanggal 12 Desember 2022"
    )
    t = _temuan(teks)
    assert (t.nomor.nilai, t.tahun.nilai) == ("7", 2022)
    assert t.tanggal.nilai == date(2022, 12, 9)
    assert t.penandatangan.nilai == "Hasyim Asy'ari"


def test_heading_and_menetapkan_that_disagree_leave_the_title_empty():
    teks = KEPUTUSAN.replace("PENETAPAN DAFTAR PEMILIH TETAP PEMILIHAN UMUM TAHUN 2024.", "LAIN.")
    teks = teks.replace("tentang Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024;", "x;")
    assert _temuan(teks).judul is None


def test_a_title_line_cut_short_is_not_proposed():
    teks = KEPUTUSAN.replace("PENETAPAN DAFTAR PEMILIH TETAP\n", "PENETAPAN DAFTAR PEMILIH T\n")
    teks = teks.replace("tentang Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024;", "x;")
    teks = teks.replace("PENETAPAN DAFTAR PEMILIH TETAP PEMILIHAN UMUM TAHUN 2024.", "")
    assert _temuan(teks).judul is None


def test_signer_line_without_a_name_is_not_proposed():
    teks = KEPUTUSAN.replace("SITI FATHONAH, S.H.", "SEKRETARIS KOMISI PEMILIHAN UMUM")
    assert _temuan(teks).penandatangan is None


def test_running_headers_and_page_numbers_are_dropped_when_pages_are_known():
    halaman = [
        "JDIH KPU Kotawaringin Timur\n" + KEPUTUSAN.split("Mengingat")[0] + "\n- 1 -",
        "JDIH KPU Kotawaringin Timur\nMengingat : 1. Undang-Undang Nomor 7 Tahun 2017;\n- 2 -",
        "JDIH KPU Kotawaringin Timur\nMEMUTUSKAN:\nKESATU : Isi.\n- 3 -",
    ]
    teks = [b.teks for b in baris_dokumen("\f".join(halaman))]
    assert "JDIH KPU Kotawaringin Timur" not in teks
    assert "- 2 -" not in teks
    assert baris_dokumen("\f".join(halaman))[-1].halaman == 3


def test_lampiran_after_the_signature_is_not_read():
    teks = [b.teks for b in baris_dokumen(KEPUTUSAN)]
    assert teks[-1] == "SITI FATHONAH, S.H."


def test_hyphenated_words_are_joined_and_compound_words_keep_their_hyphen():
    assert sambung(["penyelenggaraan Pemi-", "lihan Umum"]) == "penyelenggaraan Pemilihan Umum"
    assert sambung(["Undang-", "Undang Nomor 7"]) == "Undang-Undang Nomor 7"


def test_capital_titles_become_titles_keeping_abbreviations():
    assert (
        judul_rapi("PENETAPAN LOKASI TPS DAN DPT DI KABUPATEN SORONG SELATAN")
        == "Penetapan Lokasi TPS dan DPT di Kabupaten Sorong Selatan"
    )


@pytest.mark.django_db
def test_draft_abstrak_is_cut_from_the_documents_own_parts():
    u = ekstrak(KEPUTUSAN)
    assert u.abstrak["abstrak_dasar_hukum"].splitlines() == [
        "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
        "Peraturan Komisi Pemilihan Umum Nomor 7 Tahun 2022 tentang Penyusunan Daftar Pemilih",
    ]
    assert u.abstrak["abstrak"] == (
        "Menetapkan daftar pemilih tetap sebagaimana tercantum dalam Lampiran."
    )
    assert u.abstrak["abstrak_catatan"] == "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    for bagian in u.abstrak.values():
        for butir in bagian.splitlines():
            # Extractive: every word of the draft is in the document.
            assert set(kunci(butir).split()) <= set(kunci(KEPUTUSAN).split())


@pytest.mark.parametrize(
    "teks",
    [
        None,
        "",
        "\f\f\f",
        "x" * 2_000_000,
        "NOMOR\nTENTANG\nDitetapkan di\npada tanggal",
        "\x00\x01 NOMOR 1/2/3\n" * 1000,
        12345,
        "Ditetapkan di " + "A" * 10_000,
    ],
)
@pytest.mark.django_db
def test_odd_input_never_raises_and_proposes_no_number(teks):
    u = ekstrak(teks)
    assert "nomor" not in u.bidang
    assert not u.relasi
