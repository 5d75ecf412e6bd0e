"""Demo catalogue: the offices of the SOPs, the common jenis of KPU legal
products, and published sample products with generated PDFs: the offices'
Keputusan (three of them with a lampiran), KPU RI's regulations, and the
other document types of the national standard (monografi, artikel, putusan).

Every product carries a complete catalogue record: bidang hukum and bahasa
from the national lists, managed subjek from one shared vocabulary, sumber,
penandatangan, pemrakarsa, lokasi, the structured abstrak, and the fields of
its type.

It reads like an office's archive: each office issues what its level issues
in the year it issues it (RENCANA: a DPT the year before the vote, paslon in
the September of a pilkada, a JDIH team between elections), so the dates run
from 2019 to 2026, the year of a nomor is the year of its tanggal penetapan,
and a product only amends, revokes or carries out an older one. Each went up
on JDIH a few days after it was signed (waktu_terbit), so "terbaru" on the
home page means something.

Idempotent: a product is keyed by (satker, jenis, nomor, tahun); loading again
adds nothing. On a database an earlier demo filled, a product gets the fields
it lacks; a value the earlier demo generated itself (its one-sentence abstrak,
its subjek, "JDIH <satker>" as sumber) counts as empty, anything staff typed
is kept. The earlier demo's decisions (numbered by arithmetic, any theme in
any year) are taken over in place by the decision of the same office and
position: renumbered, retitled, the PDF redrawn, their wrong relations removed
(_slot_lama, _ambil_alih).
"""

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone

from . import kosakata
from .berkas import simpan_versi, tambah_lampiran
from .contoh_pdf import (
    NaskahArtikel,
    NaskahKeputusan,
    NaskahLampiran,
    NaskahMonografi,
    NaskahPutusan,
    pdf_artikel,
    pdf_keputusan,
    pdf_lampiran,
    pdf_monografi,
    pdf_putusan,
)
from .models import (
    Jenis,
    JenisRelasi,
    ProdukHukum,
    RelasiProduk,
    Satker,
    StatusBerlaku,
    Subjek,
    TipeDokumen,
    VersiBerkas,
)
from .publikasi import terbitkan, terbitkan_lampiran
from .subjek import setel_subjek
from .tipe import BIDANG_TIPE

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def tanggal_indonesia(tanggal: date) -> str:
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


SATKER = [
    # slug, nama, tingkat, induk, tempat, zona (the T.E.U. badan is derived)
    (
        "kpu-ri",
        "Komisi Pemilihan Umum Republik Indonesia",
        Satker.Tingkat.PUSAT,
        None,
        "Jakarta",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "kalimantan-barat",
        "KPU Provinsi Kalimantan Barat",
        Satker.Tingkat.PROVINSI,
        "kpu-ri",
        "Pontianak",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "kalimantan-tengah",
        "KPU Provinsi Kalimantan Tengah",
        Satker.Tingkat.PROVINSI,
        "kpu-ri",
        "Palangka Raya",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "kotawaringin-timur",
        "KPU Kabupaten Kotawaringin Timur",
        Satker.Tingkat.KABUPATEN_KOTA,
        "kalimantan-tengah",
        "Sampit",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "payakumbuh",
        "KPU Kota Payakumbuh",
        Satker.Tingkat.KABUPATEN_KOTA,
        "kpu-ri",
        "Payakumbuh",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "sorong-selatan",
        "KPU Kabupaten Sorong Selatan",
        Satker.Tingkat.KABUPATEN_KOTA,
        "kpu-ri",
        "Teminabuan",
        Satker.ZonaWaktu.WIT,
    ),
]

JENIS = [
    # singkatan, nama, tipe dokumen
    ("PKPU", "Peraturan Komisi Pemilihan Umum", TipeDokumen.PERATURAN),
    ("Kpts KPU", "Keputusan Komisi Pemilihan Umum", TipeDokumen.PERATURAN),
    ("Kpts KPU Prov", "Keputusan KPU Provinsi", TipeDokumen.PERATURAN),
    ("Kpts KPU Kab/Kota", "Keputusan KPU Kabupaten/Kota", TipeDokumen.PERATURAN),
    ("Kpts Sekretaris", "Keputusan Sekretaris KPU", TipeDokumen.PERATURAN),
    ("SE", "Surat Edaran", TipeDokumen.PERATURAN),
    ("PUTUSAN", "Putusan", TipeDokumen.PUTUSAN),
    ("MONOGRAFI", "Monografi Hukum", TipeDokumen.MONOGRAFI),
    ("ARTIKEL", "Artikel Hukum", TipeDokumen.ARTIKEL),
]

KODE_SATKER = {
    "kpu-ri": "KPU",
    "kalimantan-barat": "61/KPU-Prov",
    "kalimantan-tengah": "62/KPU-Prov",
    "kotawaringin-timur": "6202/KPU-Kab",
    "payakumbuh": "1376/KPU-Kot",
    "sorong-selatan": "9204/KPU-Kab",
}

PENANDATANGAN = {
    "kpu-ri": "Ketua Mochammad Afifuddin",
    "kalimantan-barat": "Ketua Ramdan",
    "kalimantan-tengah": "Ketua Sastriadi",
    "kotawaringin-timur": "Ketua Siti Fathonah",
    "payakumbuh": "Ketua Yunaldi",
    "sorong-selatan": "Ketua Yohanis Sarefa",
}


def singkatan_jenis_untuk(satker: Satker) -> str:
    """The jenis an office of this level issues its decisions as."""
    return {
        Satker.Tingkat.PUSAT: "Kpts KPU",
        Satker.Tingkat.PROVINSI: "Kpts KPU Prov",
        Satker.Tingkat.KABUPATEN_KOTA: "Kpts KPU Kab/Kota",
    }[satker.tingkat]


def nomor_keputusan(urut: int, slug: str, tahun: int, klasifikasi="HK.03.1") -> str:
    """A decision number in the Tata Naskah Dinas shape: 21/HK.03.1-Kpt/1376/KPU-Kot/2024."""
    return f"{urut}/{klasifikasi}-Kpt/{KODE_SATKER[slug]}/{tahun}"


def isbn_13(awalan: str) -> str:
    """``awalan`` (the first 12 digits, hyphenated) with its check digit."""
    angka = awalan.replace("-", "")
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(angka))
    return f"{awalan}-{(10 - total % 10) % 10}"


def wilayah(satker: Satker) -> str:
    """Where an office's decision applies, as its text says it."""
    if satker.tingkat == Satker.Tingkat.PUSAT:
        return "seluruh wilayah Indonesia"
    return satker.nama_badan.removeprefix(kosakata.NAMA_LEMBAGA).strip()


def muat_satker() -> dict[str, Satker]:
    hasil = {}
    for slug, nama, tingkat, induk, tempat, zona in SATKER:
        satker, _ = Satker.objects.update_or_create(
            slug=slug,
            defaults={
                "nama": nama,
                "tingkat": tingkat,
                "induk": hasil.get(induk),
                "tempat": tempat,
                "zona_waktu": zona,
            },
        )
        hasil[slug] = satker
    return hasil


def muat_jenis() -> dict[str, Jenis]:
    """The jenis, found by singkatan or nama whatever their case, so a jenis
    an earlier demo spelled "Putusan" becomes "PUTUSAN" instead of a twin."""
    hasil = {}
    for urutan, (singkatan, nama, tipe) in enumerate(JENIS, start=1):
        jenis = (
            Jenis.objects.filter(singkatan__iexact=singkatan).first()
            or Jenis.objects.filter(nama__iexact=nama).first()
            or Jenis(nama=nama)
        )
        if not Jenis.objects.filter(nama=nama).exclude(pk=jenis.pk).exists():
            jenis.nama = nama
        jenis.singkatan, jenis.tipe_dokumen, jenis.urutan = singkatan, tipe, urutan
        jenis.save()
        hasil[singkatan] = jenis
    return hasil


# --- Legal bases, written once ---------------------------------------------
# (text, the year it was enacted): a decision never cites a later regulation.

UUD = ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", 1945)
UU_PEMILU = ("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum", 2017)
UU_PILKADA = (
    "Undang-Undang Nomor 10 Tahun 2016 tentang Perubahan Kedua atas Undang-Undang Nomor 1 "
    "Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun "
    "2014 tentang Pemilihan Gubernur, Bupati, dan Walikota menjadi Undang-Undang",
    2016,
)
UU_PERUNDANGAN = (
    "Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan",
    2011,
)
UU_ADMINISTRASI = ("Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan", 2014)
UU_KEUANGAN = ("Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara", 2003)
UU_MK = ("Undang-Undang Nomor 24 Tahun 2003 tentang Mahkamah Konstitusi", 2003)
UU_PTUN = ("Undang-Undang Nomor 5 Tahun 1986 tentang Peradilan Tata Usaha Negara", 1986)
PP_DISIPLIN = (
    "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
    2021,
)
PERPRES_JDIHN = (
    "Peraturan Presiden Nomor 33 Tahun 2012 tentang Jaringan Dokumentasi dan Informasi Hukum "
    "Nasional",
    2012,
)
PERMENKUMHAM_JDIH = (
    "Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 8 Tahun 2019 tentang Standar "
    "Pengelolaan Dokumen dan Informasi Hukum",
    2019,
)
PERMENPAN_SOP = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun "
    "2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
    2012,
)
PKPU_TATA_KERJA = (
    "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja Komisi Pemilihan "
    "Umum, Komisi Pemilihan Umum Provinsi, dan Komisi Pemilihan Umum Kabupaten/Kota",
    2019,
)
PKPU_TAHAPAN = (
    "Peraturan Komisi Pemilihan Umum Nomor 3 Tahun 2022 tentang Tahapan dan Jadwal "
    "Penyelenggaraan Pemilihan Umum Tahun 2024",
    2022,
)
PKPU_DAFTAR_PEMILIH = (
    "Peraturan Komisi Pemilihan Umum Nomor 7 Tahun 2022 tentang Penyusunan Daftar Pemilih dalam "
    "Penyelenggaraan Pemilihan Umum dan Sistem Informasi Data Pemilih",
    2022,
)
PKPU_AD_HOC = (
    "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2022 tentang Pembentukan dan Tata Kerja Badan "
    "Ad Hoc Penyelenggara Pemilihan Umum dan Pemilihan Gubernur dan Wakil Gubernur, Bupati dan "
    "Wakil Bupati, serta Wali Kota dan Wakil Wali Kota",
    2022,
)
PKPU_PARTISIPASI = (
    "Peraturan Komisi Pemilihan Umum Nomor 9 Tahun 2022 tentang Partisipasi Masyarakat dalam "
    "Pemilihan Umum dan Pemilihan Gubernur dan Wakil Gubernur, Bupati dan Wakil Bupati, serta "
    "Wali Kota dan Wakil Wali Kota",
    2022,
)
PKPU_KAMPANYE = (
    "Peraturan Komisi Pemilihan Umum Nomor 15 Tahun 2023 tentang Kampanye Pemilihan Umum",
    2023,
)
PKPU_PEMUNGUTAN = (
    "Peraturan Komisi Pemilihan Umum Nomor 25 Tahun 2023 tentang Pemungutan dan Penghitungan "
    "Suara dalam Pemilihan Umum",
    2023,
)
PKPU_REKAPITULASI = (
    "Peraturan Komisi Pemilihan Umum Nomor 5 Tahun 2024 tentang Rekapitulasi Hasil Penghitungan "
    "Perolehan Suara dan Penetapan Hasil Pemilihan Umum",
    2024,
)
PKPU_PENCALONAN_PILKADA = (
    "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2024 tentang Pencalonan Gubernur dan Wakil "
    "Gubernur, Bupati dan Wakil Bupati, serta Wali Kota dan Wakil Wali Kota",
    2024,
)


def dasar_hukum(daftar, tahun: int) -> list[str]:
    return [teks for teks, sejak in daftar if sejak <= tahun]


HTN = "Hukum Tata Negara"
HAN = "Hukum Administrasi Negara"
PUTUSAN_PENGADILAN = "Putusan Pengadilan"
BERLAKU_DITETAPKAN = "Keputusan ini mulai berlaku pada tanggal ditetapkan."


@dataclass(frozen=True)
class Tema:
    """A theme of the earlier demo, which gave every office the same ten
    whatever its level and the year. Kept to recognise what it generated
    (see _slot_lama); ``{tahun}``, ``{wilayah}`` and ``{badan}`` were filled
    per office."""

    judul: str
    subjek: tuple[str, ...]
    bidang_hukum: str
    pemrakarsa: str
    pokok: tuple[str, ...]
    dasar: tuple[tuple[str, int], ...]
    subjek_lama: str  # what the earlier demo gave as subjek


TEMA_LAMA = [
    Tema(
        "Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun {tahun}",
        ("Pemilihan Umum", "Daftar Pemilih", "Pemutakhiran Data Pemilih"),
        HTN,
        "Divisi Perencanaan, Data, dan Informasi",
        (
            "Menetapkan Daftar Pemilih Tetap Pemilihan Umum Tahun {tahun} di {wilayah} hasil "
            "rekapitulasi dalam rapat pleno terbuka.",
            "Rincian jumlah pemilih per wilayah administrasi dan per tempat pemungutan suara "
            "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
            "Daftar Pemilih Tetap menjadi dasar pengadaan dan pendistribusian surat suara serta "
            "perlengkapan pemungutan suara.",
        ),
        (UU_PEMILU, PKPU_DAFTAR_PEMILIH, PKPU_TATA_KERJA),
        "Pemilih; DPT; Pemilu",
    ),
    Tema(
        "Penetapan Rekapitulasi Hasil Penghitungan Suara Pemilihan Umum Anggota Dewan "
        "Perwakilan Rakyat Daerah Tahun {tahun}",
        ("Pemilihan Umum", "Rekapitulasi Suara", "DPRD"),
        HTN,
        "Divisi Teknis Penyelenggaraan",
        (
            "Menetapkan rekapitulasi hasil penghitungan perolehan suara partai politik dan calon "
            "anggota Dewan Perwakilan Rakyat Daerah pada Pemilihan Umum Tahun {tahun} di "
            "{wilayah}.",
            "Rekapitulasi dilakukan secara berjenjang dalam rapat pleno terbuka yang dihadiri "
            "saksi peserta pemilu dan pengawas pemilu.",
            "Rincian perolehan suara setiap partai politik dan calon per daerah pemilihan "
            "tercantum dalam Lampiran Keputusan ini.",
        ),
        (UU_PEMILU, PKPU_REKAPITULASI, PKPU_TATA_KERJA),
        "Rekapitulasi; Hasil Pemilu",
    ),
    Tema(
        "Pembentukan Panitia Pemilihan Kecamatan Pada Pemilihan Tahun {tahun}",
        ("Badan Ad Hoc", "Penyelenggara Pemilu", "Pemilihan Umum"),
        HAN,
        "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat, dan Sumber Daya Manusia",
        (
            "Membentuk Panitia Pemilihan Kecamatan untuk Pemilihan Tahun {tahun} di {wilayah} "
            "dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran.",
            "Anggota Panitia Pemilihan Kecamatan bertugas sejak dilantik sampai dengan "
            "berakhirnya masa kerja badan ad hoc sesuai tahapan pemilihan.",
            "Panitia Pemilihan Kecamatan melaksanakan tugas, wewenang, dan kewajiban sesuai "
            "ketentuan peraturan perundang-undangan.",
        ),
        (UU_PEMILU, UU_PILKADA, PKPU_AD_HOC),
        "Badan Ad Hoc; PPK",
    ),
    Tema(
        "Penetapan Jumlah dan Lokasi Tempat Pemungutan Suara Pemilihan Umum Tahun {tahun}",
        ("Pemilihan Umum", "Tempat Pemungutan Suara", "Pemungutan dan Penghitungan Suara"),
        HTN,
        "Divisi Teknis Penyelenggaraan",
        (
            "Menetapkan jumlah dan lokasi tempat pemungutan suara untuk Pemilihan Umum Tahun "
            "{tahun} di {wilayah}.",
            "Penetapan memperhatikan jumlah pemilih dalam Daftar Pemilih Tetap, kemudahan akses "
            "bagi pemilih penyandang disabilitas, dan kondisi geografis.",
            "Daftar tempat pemungutan suara per wilayah tercantum dalam Lampiran Keputusan ini.",
        ),
        (UU_PEMILU, PKPU_PEMUNGUTAN, PKPU_TATA_KERJA),
        "TPS; Pemungutan Suara",
    ),
    Tema(
        "Penetapan Pasangan Calon Bupati dan Wakil Bupati Pada Pemilihan Tahun {tahun}",
        ("Pemilihan Kepala Daerah", "Pencalonan"),
        HTN,
        "Divisi Teknis Penyelenggaraan",
        (
            "Menetapkan pasangan calon Bupati dan Wakil Bupati yang memenuhi syarat sebagai "
            "peserta Pemilihan Tahun {tahun}.",
            "Penetapan didasarkan pada hasil penelitian persyaratan administrasi pencalonan dan "
            "persyaratan calon.",
            "Pasangan calon yang ditetapkan berhak mengikuti pengundian nomor urut dan kampanye.",
        ),
        (UU_PILKADA, PKPU_PENCALONAN_PILKADA, PKPU_TATA_KERJA),
        "Pencalonan; Pilkada",
    ),
    Tema(
        "Pembentukan Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum",
        ("JDIH", "Organisasi dan Tata Kerja"),
        HAN,
        "Divisi Hukum dan Pengawasan",
        (
            "Membentuk Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum di lingkungan "
            "{badan}.",
            "Tim bertugas mengumpulkan, mengolah, menyimpan, dan menyebarluaskan dokumen dan "
            "informasi hukum melalui laman JDIH.",
            "Susunan tim terdiri atas pengarah, penanggung jawab, ketua, sekretaris, dan anggota.",
        ),
        (UU_PEMILU, PERPRES_JDIHN, PERMENKUMHAM_JDIH, PKPU_TATA_KERJA),
        "JDIH; Organisasi",
    ),
    Tema(
        "Standar Operasional Prosedur Pengunggahan dan Penurunan Dokumen Produk Hukum "
        "pada Laman JDIH",
        ("JDIH", "Standar Operasional Prosedur", "Organisasi dan Tata Kerja"),
        HAN,
        "Divisi Hukum dan Pengawasan",
        (
            "Menetapkan standar operasional prosedur pengunggahan dan penurunan dokumen produk "
            "hukum pada laman JDIH {badan}.",
            "Prosedur mengatur alur nota dinas, disposisi, koreksi, validasi, dan pengunggahan "
            "beserta mutu baku waktu setiap langkah.",
            "Pelaksana prosedur adalah Kepala Sub Bagian Hukum dan Sumber Daya Manusia beserta "
            "pengelola JDIH.",
        ),
        (UU_PEMILU, PERPRES_JDIHN, PERMENKUMHAM_JDIH, PERMENPAN_SOP),
        "SOP; JDIH",
    ),
    Tema(
        "Penetapan Calon Terpilih Anggota Dewan Perwakilan Rakyat Daerah Hasil Pemilihan "
        "Umum Tahun {tahun}",
        ("Pemilihan Umum", "Calon Terpilih", "DPRD"),
        HTN,
        "Divisi Teknis Penyelenggaraan",
        (
            "Menetapkan calon terpilih anggota Dewan Perwakilan Rakyat Daerah hasil Pemilihan "
            "Umum Tahun {tahun} di {wilayah}.",
            "Penetapan calon terpilih didasarkan pada perolehan kursi partai politik dan suara "
            "terbanyak calon di setiap daerah pemilihan.",
            "Nama calon terpilih per daerah pemilihan tercantum dalam Lampiran Keputusan ini.",
        ),
        (UU_PEMILU, PKPU_REKAPITULASI, PKPU_TATA_KERJA),
        "Calon Terpilih; DPRD",
    ),
    Tema(
        "Besaran Honorarium Badan Ad Hoc Penyelenggara Pemilihan Umum Tahun {tahun}",
        ("Badan Ad Hoc", "Keuangan", "Pemilihan Umum"),
        HAN,
        "Sub Bagian Keuangan, Umum, dan Logistik",
        (
            "Menetapkan besaran honorarium anggota dan sekretariat Panitia Pemilihan Kecamatan, "
            "Panitia Pemungutan Suara, dan Kelompok Penyelenggara Pemungutan Suara.",
            "Honorarium dibayarkan sesuai masa kerja badan ad hoc dan ketersediaan anggaran.",
            "Pembayaran honorarium dipertanggungjawabkan sesuai ketentuan pengelolaan keuangan "
            "negara.",
        ),
        (UU_KEUANGAN, UU_PEMILU, PKPU_AD_HOC),
        "Honorarium; Keuangan",
    ),
    Tema(
        "Pedoman Teknis Pelaksanaan Kampanye Pemilihan Umum Tahun {tahun}",
        ("Pemilihan Umum", "Kampanye"),
        HTN,
        "Divisi Teknis Penyelenggaraan",
        (
            "Menetapkan pedoman teknis pelaksanaan kampanye Pemilihan Umum Tahun {tahun} di "
            "{wilayah}.",
            "Pedoman mengatur metode kampanye, jadwal, lokasi pemasangan alat peraga kampanye, "
            "dan larangan dalam kampanye.",
            "Pedoman menjadi acuan bagi peserta pemilu, pelaksana kampanye, dan jajaran "
            "penyelenggara.",
        ),
        (UU_PEMILU, PKPU_KAMPANYE, PKPU_TATA_KERJA),
        "Kampanye; Pedoman Teknis",
    ),
]

# --- The offices' decisions -----------------------------------------------------
# Each office issues what its level issues, in the year it issues it: a DPT in
# the year before the vote, paslon in the September of a pilkada, calon
# terpilih after the count, a JDIH team between elections. ``{pemilu}`` is the
# election (or period) a decision is about, which need not be the year of its
# nomor; ``{kepala_daerah}``, ``{wilayah}``, ``{dprd}``, ``{badan}`` are the
# office's own.


@dataclass(frozen=True)
class TemaKeputusan:
    judul: str
    subjek: tuple[str, ...]
    bidang_hukum: str
    pemrakarsa: str
    pokok: tuple[str, ...]  # the first states what is decided: Menetapkan, Membentuk, Mengubah
    dasar: tuple[tuple[str, int], ...]
    konteks: str  # "bahwa dalam rangka ..." of the Menimbang


DIVISI_TEKNIS = "Divisi Teknis Penyelenggaraan"
DIVISI_DATA = "Divisi Perencanaan, Data, dan Informasi"
DIVISI_SDM = (
    "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat, dan Sumber Daya Manusia"
)
DIVISI_HUKUM = "Divisi Hukum dan Pengawasan"

TEMA_KEPUTUSAN = {
    "hasil_nasional": TemaKeputusan(
        "Penetapan Hasil Pemilihan Umum Presiden dan Wakil Presiden, Anggota Dewan Perwakilan "
        "Rakyat, Anggota Dewan Perwakilan Daerah, dan Anggota Dewan Perwakilan Rakyat Daerah "
        "Secara Nasional dalam Pemilihan Umum Tahun {pemilu}",
        ("Pemilihan Umum", "Rekapitulasi Suara", "Hasil Pemilu"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan hasil Pemilihan Umum Tahun {pemilu} secara nasional berdasarkan "
            "rekapitulasi hasil penghitungan perolehan suara dalam rapat pleno terbuka.",
            "Perolehan suara pasangan calon Presiden dan Wakil Presiden, partai politik, dan "
            "calon anggota Dewan Perwakilan Daerah tercantum dalam Lampiran yang merupakan "
            "bagian tidak terpisahkan dari Keputusan ini.",
            "Penetapan hasil dapat dimohonkan pembatalan kepada Mahkamah Konstitusi dalam "
            "tenggang waktu yang ditentukan undang-undang.",
        ),
        (UUD, UU_PEMILU, PKPU_TATA_KERJA, PKPU_REKAPITULASI),
        "penetapan hasil Pemilihan Umum Tahun {pemilu}",
    ),
    "parpol_peserta": TemaKeputusan(
        "Penetapan Partai Politik Peserta Pemilihan Umum Anggota Dewan Perwakilan Rakyat dan "
        "Dewan Perwakilan Rakyat Daerah Tahun {pemilu}",
        ("Pemilihan Umum", "Partai Politik", "Peserta Pemilu"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan partai politik yang memenuhi syarat sebagai peserta Pemilihan Umum "
            "Tahun {pemilu} berdasarkan hasil verifikasi administrasi dan verifikasi faktual.",
            "Daftar partai politik peserta pemilu tercantum dalam Lampiran yang merupakan "
            "bagian tidak terpisahkan dari Keputusan ini.",
            "Partai politik peserta pemilu mengikuti pengundian nomor urut sesuai jadwal tahapan.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_TAHAPAN),
        "tahapan pendaftaran dan verifikasi partai politik Pemilihan Umum Tahun {pemilu}",
    ),
    "dct_dpr": TemaKeputusan(
        "Penetapan Daftar Calon Tetap Anggota Dewan Perwakilan Rakyat dalam Pemilihan Umum "
        "Tahun {pemilu}",
        ("Pemilihan Umum", "Pencalonan", "Daftar Calon Tetap"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan daftar calon tetap anggota Dewan Perwakilan Rakyat dari setiap partai "
            "politik peserta Pemilihan Umum Tahun {pemilu} untuk setiap daerah pemilihan.",
            "Nama, nomor urut, dan daerah pemilihan calon tercantum dalam Lampiran Keputusan ini.",
            "Daftar calon tetap diumumkan kepada masyarakat dan menjadi dasar pencetakan surat "
            "suara.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_TAHAPAN),
        "tahapan pencalonan anggota Dewan Perwakilan Rakyat Pemilihan Umum Tahun {pemilu}",
    ),
    "rekap_dprd": TemaKeputusan(
        "Penetapan Rekapitulasi Hasil Penghitungan Perolehan Suara Pemilihan Umum Anggota "
        "{dprd} Tahun {pemilu}",
        ("Pemilihan Umum", "Rekapitulasi Suara", "DPRD"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan rekapitulasi hasil penghitungan perolehan suara partai politik dan "
            "calon anggota {dprd} pada Pemilihan Umum Tahun {pemilu}.",
            "Rekapitulasi dilakukan secara berjenjang dalam rapat pleno terbuka yang dihadiri "
            "saksi peserta pemilu dan pengawas pemilu.",
            "Rincian perolehan suara setiap partai politik dan calon per daerah pemilihan "
            "tercantum dalam Lampiran Keputusan ini.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_REKAPITULASI),
        "rekapitulasi hasil penghitungan suara Pemilihan Umum Tahun {pemilu}",
    ),
    "calon_terpilih": TemaKeputusan(
        "Penetapan Calon Terpilih Anggota {dprd} dalam Pemilihan Umum Tahun {pemilu}",
        ("Pemilihan Umum", "Calon Terpilih", "DPRD"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan calon terpilih anggota {dprd} hasil Pemilihan Umum Tahun {pemilu}.",
            "Penetapan didasarkan pada perolehan kursi partai politik dan suara terbanyak "
            "calon di setiap daerah pemilihan.",
            "Nama calon terpilih per daerah pemilihan tercantum dalam Lampiran Keputusan ini.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_REKAPITULASI),
        "penetapan perolehan kursi dan calon terpilih Pemilihan Umum Tahun {pemilu}",
    ),
    "dpt_provinsi": TemaKeputusan(
        "Penetapan Rekapitulasi Daftar Pemilih Tetap dan Jumlah Tempat Pemungutan Suara "
        "Tingkat Provinsi dalam Pemilihan Umum Tahun {pemilu}",
        ("Pemilihan Umum", "Daftar Pemilih", "Tempat Pemungutan Suara"),
        HTN,
        DIVISI_DATA,
        (
            "Menetapkan rekapitulasi Daftar Pemilih Tetap Pemilihan Umum Tahun {pemilu} di "
            "{wilayah} hasil rapat pleno terbuka tingkat provinsi.",
            "Jumlah pemilih dan jumlah tempat pemungutan suara per kabupaten/kota tercantum "
            "dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
            "Rekapitulasi disampaikan kepada Komisi Pemilihan Umum sebagai bahan penetapan "
            "Daftar Pemilih Tetap tingkat nasional.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_DAFTAR_PEMILIH),
        "pemutakhiran data dan penyusunan daftar pemilih Pemilihan Umum Tahun {pemilu}",
    ),
    "dpt": TemaKeputusan(
        "Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun {pemilu}",
        ("Pemilihan Umum", "Daftar Pemilih", "Pemutakhiran Data Pemilih"),
        HTN,
        DIVISI_DATA,
        (
            "Menetapkan Daftar Pemilih Tetap Pemilihan Umum Tahun {pemilu} di {wilayah} hasil "
            "rekapitulasi dalam rapat pleno terbuka.",
            "Rincian jumlah pemilih per wilayah administrasi dan per tempat pemungutan suara "
            "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
            "Daftar Pemilih Tetap menjadi dasar pengadaan dan pendistribusian surat suara serta "
            "perlengkapan pemungutan suara.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_DAFTAR_PEMILIH),
        "pemutakhiran data dan penyusunan daftar pemilih Pemilihan Umum Tahun {pemilu}",
    ),
    "tps": TemaKeputusan(
        "Penetapan Jumlah dan Lokasi Tempat Pemungutan Suara Pemilihan Umum Tahun {pemilu}",
        ("Pemilihan Umum", "Tempat Pemungutan Suara", "Pemungutan dan Penghitungan Suara"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan jumlah dan lokasi tempat pemungutan suara untuk Pemilihan Umum Tahun "
            "{pemilu} di {wilayah}.",
            "Penetapan memperhatikan jumlah pemilih dalam Daftar Pemilih Tetap, kemudahan akses "
            "bagi pemilih penyandang disabilitas, dan kondisi geografis.",
            "Daftar tempat pemungutan suara per desa/kelurahan tercantum dalam Lampiran "
            "Keputusan ini.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_PEMUNGUTAN),
        "persiapan pemungutan dan penghitungan suara Pemilihan Umum Tahun {pemilu}",
    ),
    "paslon": TemaKeputusan(
        "Penetapan Pasangan Calon Peserta Pemilihan {kepala_daerah} Tahun {pemilu}",
        ("Pemilihan Kepala Daerah", "Pencalonan"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan pasangan calon {kepala_daerah} yang memenuhi syarat sebagai peserta "
            "Pemilihan Tahun {pemilu}.",
            "Penetapan didasarkan pada hasil penelitian persyaratan administrasi pencalonan dan "
            "persyaratan calon.",
            "Pasangan calon yang ditetapkan berhak mengikuti pengundian nomor urut dan kampanye.",
        ),
        (UU_PILKADA, PKPU_TATA_KERJA, PKPU_PENCALONAN_PILKADA),
        "tahapan pencalonan Pemilihan {kepala_daerah} Tahun {pemilu}",
    ),
    "rekap_pilkada": TemaKeputusan(
        "Penetapan Rekapitulasi Hasil Penghitungan Suara dan Hasil Pemilihan {kepala_daerah} "
        "Tahun {pemilu}",
        ("Pemilihan Kepala Daerah", "Rekapitulasi Suara", "Hasil Pemilu"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan rekapitulasi hasil penghitungan perolehan suara setiap pasangan calon "
            "pada Pemilihan {kepala_daerah} Tahun {pemilu}.",
            "Rekapitulasi dilakukan secara berjenjang dalam rapat pleno terbuka yang dihadiri "
            "saksi pasangan calon dan pengawas pemilihan.",
            "Perolehan suara setiap pasangan calon per kecamatan tercantum dalam Lampiran "
            "Keputusan ini.",
        ),
        (UU_PILKADA, PKPU_TATA_KERJA),
        "rekapitulasi hasil penghitungan suara Pemilihan {kepala_daerah} Tahun {pemilu}",
    ),
    "paslon_terpilih": TemaKeputusan(
        "Penetapan Pasangan Calon Terpilih pada Pemilihan {kepala_daerah} Tahun {pemilu}",
        ("Pemilihan Kepala Daerah", "Calon Terpilih"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan pasangan calon peraih suara terbanyak sebagai pasangan calon terpilih "
            "pada Pemilihan {kepala_daerah} Tahun {pemilu}.",
            "Penetapan dilakukan setelah Mahkamah Konstitusi memberitahukan bahwa tidak terdapat "
            "permohonan perselisihan hasil pemilihan.",
            "Keputusan ini disampaikan kepada Dewan Perwakilan Rakyat Daerah untuk diusulkan "
            "pengesahan pengangkatannya.",
        ),
        (UU_PILKADA, PKPU_TATA_KERJA, PKPU_PENCALONAN_PILKADA),
        "penetapan pasangan calon terpilih Pemilihan {kepala_daerah} Tahun {pemilu}",
    ),
    "ppk": TemaKeputusan(
        "Pembentukan Panitia Pemilihan Kecamatan dalam Penyelenggaraan Pemilihan Umum Tahun "
        "{pemilu}",
        ("Badan Ad Hoc", "Penyelenggara Pemilu", "Pemilihan Umum"),
        HAN,
        DIVISI_SDM,
        (
            "Membentuk Panitia Pemilihan Kecamatan untuk Pemilihan Umum Tahun {pemilu} di "
            "{wilayah} dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran.",
            "Anggota Panitia Pemilihan Kecamatan bertugas sejak dilantik sampai dengan "
            "berakhirnya masa kerja badan ad hoc sesuai tahapan pemilu.",
            "Panitia Pemilihan Kecamatan melaksanakan tugas, wewenang, dan kewajiban sesuai "
            "ketentuan peraturan perundang-undangan.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_AD_HOC),
        "pembentukan badan ad hoc Pemilihan Umum Tahun {pemilu}",
    ),
    "perubahan_ppk": TemaKeputusan(
        "Perubahan atas Keputusan {nama_badan} Nomor {nomor_diubah} tentang Pembentukan "
        "Panitia Pemilihan Kecamatan dalam Penyelenggaraan Pemilihan Umum Tahun {pemilu}",
        ("Badan Ad Hoc", "Penyelenggara Pemilu", "Pemilihan Umum"),
        HAN,
        DIVISI_SDM,
        (
            "Mengubah susunan keanggotaan Panitia Pemilihan Kecamatan di beberapa kecamatan "
            "karena anggota mengundurkan diri atau diberhentikan.",
            "Anggota pengganti diambil dari calon anggota berikutnya menurut peringkat hasil "
            "seleksi.",
            "Ketentuan lain dalam Keputusan yang diubah tetap berlaku.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_AD_HOC),
        "penggantian anggota badan ad hoc Pemilihan Umum Tahun {pemilu}",
    ),
    "ppd_pilkada": TemaKeputusan(
        "Pembentukan Panitia Pemilihan Distrik pada Pemilihan {kepala_daerah} Tahun {pemilu}",
        ("Badan Ad Hoc", "Penyelenggara Pemilu", "Pemilihan Kepala Daerah"),
        HAN,
        DIVISI_SDM,
        (
            "Membentuk Panitia Pemilihan Distrik untuk Pemilihan {kepala_daerah} Tahun {pemilu} "
            "dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran.",
            "Masa kerja Panitia Pemilihan Distrik berakhir dua bulan setelah hari pemungutan "
            "suara.",
            "Panitia Pemilihan Distrik melaksanakan tugas, wewenang, dan kewajiban sesuai "
            "ketentuan peraturan perundang-undangan.",
        ),
        (UU_PILKADA, PKPU_TATA_KERJA),
        "pembentukan badan ad hoc Pemilihan {kepala_daerah} Tahun {pemilu}",
    ),
    "honorarium": TemaKeputusan(
        "Besaran Honorarium Badan Ad Hoc Penyelenggara Pemilihan Umum Tahun {pemilu}",
        ("Badan Ad Hoc", "Keuangan", "Pemilihan Umum"),
        HAN,
        "Sub Bagian Keuangan, Umum, dan Logistik",
        (
            "Menetapkan besaran honorarium anggota dan sekretariat badan ad hoc penyelenggara "
            "Pemilihan Umum Tahun {pemilu} di {wilayah}.",
            "Honorarium dibayarkan sesuai masa kerja badan ad hoc dan ketersediaan anggaran.",
            "Pembayaran honorarium dipertanggungjawabkan sesuai ketentuan pengelolaan keuangan "
            "negara.",
        ),
        (UU_KEUANGAN, UU_PEMILU, PKPU_AD_HOC),
        "pelaksanaan anggaran badan ad hoc Pemilihan Umum Tahun {pemilu}",
    ),
    "pedoman_kampanye": TemaKeputusan(
        "Pedoman Teknis Pelaksanaan Kampanye Pemilihan Umum Tahun {pemilu}",
        ("Pemilihan Umum", "Kampanye"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan pedoman teknis pelaksanaan kampanye Pemilihan Umum Tahun {pemilu} di "
            "{wilayah}.",
            "Pedoman mengatur metode kampanye, jadwal, lokasi pemasangan alat peraga kampanye, "
            "dan larangan dalam kampanye.",
            "Pedoman menjadi acuan bagi peserta pemilu, pelaksana kampanye, dan jajaran "
            "penyelenggara.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_KAMPANYE),
        "tahapan kampanye Pemilihan Umum Tahun {pemilu}",
    ),
    "kursi_pasca_mk": TemaKeputusan(
        "Penetapan Perolehan Kursi Partai Politik dan Anggota Terpilih {dprd} Hasil Pemilihan "
        "Umum Tahun {pemilu} Pasca Putusan Mahkamah Konstitusi",
        ("Pemilihan Umum", "Calon Terpilih", "DPRD"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan kembali perolehan kursi partai politik dan anggota terpilih {dprd} "
            "untuk melaksanakan putusan Mahkamah Konstitusi atas perselisihan hasil pemilu.",
            "Perolehan suara di daerah pemilihan yang diperintahkan penghitungan suara ulang "
            "disesuaikan dengan hasil penghitungan ulang.",
            "Perolehan kursi dan nama anggota terpilih per daerah pemilihan tercantum dalam "
            "Lampiran Keputusan ini.",
        ),
        (UUD, UU_PEMILU, UU_MK, PKPU_REKAPITULASI),
        "pelaksanaan putusan Mahkamah Konstitusi atas perselisihan hasil Pemilihan Umum Tahun "
        "{pemilu}",
    ),
    "lokasi_apk": TemaKeputusan(
        "Penetapan Lokasi Pemasangan Alat Peraga Kampanye Pemilihan Umum Tahun {pemilu}",
        ("Pemilihan Umum", "Kampanye"),
        HTN,
        DIVISI_TEKNIS,
        (
            "Menetapkan lokasi yang diperbolehkan untuk pemasangan alat peraga kampanye "
            "Pemilihan Umum Tahun {pemilu} di {wilayah}.",
            "Alat peraga kampanye dilarang dipasang di tempat ibadah, rumah sakit, gedung milik "
            "pemerintah, lembaga pendidikan, dan fasilitas umum.",
            "Daftar lokasi per kecamatan tercantum dalam Lampiran; alat peraga yang melanggar "
            "ditertibkan bersama pengawas pemilu dan pemerintah daerah.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_KAMPANYE),
        "tahapan kampanye Pemilihan Umum Tahun {pemilu}",
    ),
    "dpb": TemaKeputusan(
        "Penetapan Rekapitulasi Daftar Pemilih Berkelanjutan Semester {semester} Tahun {pemilu}",
        ("Daftar Pemilih", "Pemutakhiran Data Pemilih"),
        HTN,
        DIVISI_DATA,
        (
            "Menetapkan rekapitulasi daftar pemilih berkelanjutan di {wilayah} Semester "
            "{semester} Tahun {pemilu} hasil rapat pleno terbuka.",
            "Pemutakhiran mencakup pemilih baru, pemilih yang meninggal dunia, pindah domisili, "
            "dan beralih status menjadi anggota TNI atau Polri.",
            "Rincian jumlah pemilih per kecamatan tercantum dalam Lampiran dan diumumkan kepada "
            "masyarakat.",
        ),
        (UU_PEMILU, PKPU_TATA_KERJA, PKPU_DAFTAR_PEMILIH),
        "pemutakhiran data pemilih secara berkelanjutan",
    ),
    "tim_jdih": TemaKeputusan(
        "Pembentukan Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum di Lingkungan "
        "{nama_badan}",
        ("JDIH", "Organisasi dan Tata Kerja"),
        HAN,
        DIVISI_HUKUM,
        (
            "Membentuk Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum di lingkungan "
            "{badan}.",
            "Tim bertugas mengumpulkan, mengolah, menyimpan, dan menyebarluaskan dokumen dan "
            "informasi hukum melalui laman JDIH.",
            "Susunan tim terdiri atas pengarah, penanggung jawab, ketua, sekretaris, dan anggota.",
        ),
        (UU_PEMILU, PERPRES_JDIHN, PERMENKUMHAM_JDIH, PKPU_TATA_KERJA),
        "pengelolaan dokumen dan informasi hukum",
    ),
    "sop_jdih": TemaKeputusan(
        "Penetapan Standar Operasional Prosedur Pengunggahan dan Penurunan Dokumen Produk "
        "Hukum pada Laman JDIH",
        ("JDIH", "Standar Operasional Prosedur", "Organisasi dan Tata Kerja"),
        HAN,
        DIVISI_HUKUM,
        (
            "Menetapkan standar operasional prosedur pengunggahan dan penurunan dokumen produk "
            "hukum pada laman JDIH {badan}.",
            "Prosedur mengatur alur nota dinas, disposisi, koreksi, validasi, dan pengunggahan "
            "beserta mutu baku waktu setiap langkah.",
            "Pelaksana prosedur adalah Kepala Sub Bagian Hukum dan Sumber Daya Manusia beserta "
            "pengelola JDIH.",
        ),
        (UU_PEMILU, PERPRES_JDIHN, PERMENKUMHAM_JDIH, PERMENPAN_SOP),
        "tertib pengelolaan dokumen dan informasi hukum",
    ),
}


@dataclass(frozen=True)
class Rencana:
    """One decision of an office: its theme, date, number in the office's
    register of that year, the election it is about, and the earlier decision
    of the same office (by position in its list) it amends or revokes."""

    tema: str
    tanggal: date
    urut: int
    pemilu: int | None = None
    mengubah: int | None = None
    mencabut: int | None = None
    # What it carries out: "pkpu_lama" (the Tahapan PKPU), "pkpu" (its amendment), "se".
    melaksanakan: str = ""


# Six per office, in the order the earlier demo's slots had them (see
# _kunci_lama). Numbers grow with the date within a year.
RENCANA = {
    "kpu-ri": [
        Rencana("hasil_nasional", date(2019, 5, 21), 987, 2019),
        Rencana("tim_jdih", date(2021, 3, 15), 112),
        Rencana("parpol_peserta", date(2022, 12, 14), 518, 2024, melaksanakan="pkpu_lama"),
        Rencana("dct_dpr", date(2023, 11, 3), 1632, 2024, melaksanakan="pkpu"),
        Rencana("hasil_nasional", date(2024, 3, 20), 360, 2024),
        Rencana("tim_jdih", date(2025, 2, 10), 41, mencabut=1),
    ],
    "kalimantan-barat": [
        Rencana("rekap_dprd", date(2019, 5, 12), 38, 2019),
        Rencana("calon_terpilih", date(2019, 8, 22), 61, 2019),
        Rencana("dpt_provinsi", date(2023, 6, 21), 27, 2024, melaksanakan="pkpu"),
        Rencana("rekap_dprd", date(2024, 3, 6), 19, 2024),
        Rencana("paslon", date(2024, 9, 22), 143, 2024),
        Rencana("sop_jdih", date(2026, 3, 9), 12, melaksanakan="se"),
    ],
    # The content demo (workflow.konten.demo) makes posts about these.
    "kalimantan-tengah": [
        Rencana("honorarium", date(2023, 1, 12), 4, 2024),
        Rencana("dpt_provinsi", date(2023, 6, 22), 33, 2024, melaksanakan="pkpu"),
        Rencana("pedoman_kampanye", date(2023, 11, 24), 61, 2024),
        Rencana("rekap_dprd", date(2024, 3, 7), 22, 2024),
        Rencana("calon_terpilih", date(2024, 5, 3), 57, 2024),
        Rencana("kursi_pasca_mk", date(2024, 7, 29), 98, 2024, mencabut=4),
    ],
    "kotawaringin-timur": [
        Rencana("tps", date(2019, 2, 26), 15, 2019),
        Rencana("paslon", date(2020, 9, 23), 47, 2020),
        Rencana("rekap_pilkada", date(2020, 12, 16), 71, 2020),
        Rencana("ppk", date(2023, 1, 3), 2, 2024, melaksanakan="pkpu"),
        Rencana("perubahan_ppk", date(2023, 3, 20), 14, 2024, mengubah=3),
        Rencana("dpb", date(2026, 7, 6), 38, 2026),
    ],
    "payakumbuh": [
        Rencana("calon_terpilih", date(2019, 8, 14), 43, 2019),
        Rencana("dpb", date(2021, 12, 20), 58, 2021),
        Rencana("ppk", date(2023, 1, 4), 1, 2024, melaksanakan="pkpu"),
        Rencana("lokasi_apk", date(2023, 11, 20), 96, 2024),
        Rencana("paslon", date(2024, 9, 22), 121, 2024),
        Rencana("paslon_terpilih", date(2025, 2, 6), 9, 2024),
    ],
    "sorong-selatan": [
        Rencana("paslon", date(2020, 9, 23), 39, 2020),
        Rencana("ppd_pilkada", date(2020, 2, 24), 4, 2020),
        Rencana("honorarium", date(2023, 1, 9), 3, 2024),
        Rencana("dpt", date(2023, 6, 20), 31, 2024, melaksanakan="pkpu"),
        Rencana("paslon", date(2024, 9, 22), 118, 2024),
        Rencana("tim_jdih", date(2025, 1, 13), 5),
    ],
}
# A status set by hand, not by a relation: an ad hoc body whose term ended.
KEDALUWARSA = ("sorong-selatan", 1, "Masa kerja Panitia Pemilihan Distrik telah berakhir.")
KEDALUWARSA_LAMA = "Masa berlaku berakhir setelah tahapan pemilihan selesai."


def kepala_daerah(satker: Satker) -> str:
    """Whom a pilkada in this office's region elects."""
    daerah = wilayah(satker)
    for awalan, jabatan in [
        ("Provinsi ", "Gubernur dan Wakil Gubernur"),
        ("Kabupaten ", "Bupati dan Wakil Bupati"),
        ("Kota ", "Wali Kota dan Wakil Wali Kota"),
    ]:
        if daerah.startswith(awalan):
            return f"{jabatan} {daerah.removeprefix(awalan)}"
    return "Presiden dan Wakil Presiden"


# What the earlier demo wrote where today's record has its own value: found
# on a product, it is replaced as if empty.
_BIDANG_LAMA = ["Hukum Tata Negara", "Hukum Administrasi Negara", "Hukum Pemilu"]
_PEMRAKARSA_LAMA = "Sub Bagian Hukum dan SDM"
_SUBJEK_LAMA_LAIN = ["Tahapan; Jadwal; Pemilu 2024", "JDIH; Surat Edaran"]


def _abstrak_lama(judul: str, satker: Satker) -> str:
    return (
        f"Keputusan ini mengatur {judul[0].lower() + judul[1:]} di wilayah kerja "
        f"{satker.nama} sebagai pedoman bagi penyelenggara pemilihan umum."
    )


def _nilai_lama(satker: Satker, judul: str, tahun: int, subjek_lama: str) -> dict[str, set]:
    bidang = kosakata.petakan_bidang_hukum(_BIDANG_LAMA[tahun % len(_BIDANG_LAMA)])
    return {
        "abstrak": {_abstrak_lama(judul, satker)},
        "bidang_hukum": {bidang, _BIDANG_LAMA[tahun % len(_BIDANG_LAMA)]},
        "sumber": {f"JDIH {satker.nama}"},
        "pemrakarsa": {_PEMRAKARSA_LAMA},
        "subjek": {kosakata.gabung_subjek(kosakata.pisah_subjek(subjek_lama))},
    }


# Lampiran of three decisions: (office, theme) -> title, columns, rows.
def _baris_ppk() -> list[list[str]]:
    kecamatan = [
        "Payakumbuh Barat",
        "Payakumbuh Timur",
        "Payakumbuh Utara",
        "Payakumbuh Selatan",
        "Lamposi Tigo Nagori",
    ]
    nama = [
        ("Rahmat Hidayat", "Ketua"),
        ("Nurul Aini", "Anggota"),
        ("Fadli Syahputra", "Anggota"),
        ("Suci Ramadhani", "Anggota"),
        ("Irwan Saputra", "Anggota"),
    ]
    baris, n = [], 1
    for i, kec in enumerate(kecamatan):
        for j in range(5):
            orang, jabatan = nama[(i + j) % len(nama)]
            baris.append([str(n), kec, f"{orang} {chr(65 + i)}.", jabatan if j else "Ketua"])
            n += 1
    return baris


def _baris_tps() -> list[list[str]]:
    daerah = [
        "Kota Pontianak",
        "Kota Singkawang",
        "Kabupaten Sambas",
        "Kabupaten Bengkayang",
        "Kabupaten Mempawah",
        "Kabupaten Kubu Raya",
        "Kabupaten Landak",
        "Kabupaten Sanggau",
        "Kabupaten Sekadau",
        "Kabupaten Sintang",
        "Kabupaten Melawi",
        "Kabupaten Kapuas Hulu",
        "Kabupaten Ketapang",
        "Kabupaten Kayong Utara",
    ]
    baris = []
    for i, nama in enumerate(daerah, start=1):
        pemilih = 80_000 + (i * 37_919) % 420_000
        baris.append([str(i), nama, f"{pemilih:,}".replace(",", "."), str(pemilih // 270)])
    return baris


def _baris_dpt() -> list[list[str]]:
    distrik = [
        "Teminabuan",
        "Seremuk",
        "Sawiat",
        "Moswaren",
        "Wayer",
        "Kais",
        "Inanwatan",
        "Kokoda",
        "Konda",
        "Saifi",
    ]
    baris = []
    for i, nama in enumerate(distrik, start=1):
        laki = 900 + (i * 617) % 4_100
        perempuan = laki - 40 + (i * 53) % 90
        baris.append([str(i), nama, str(laki), str(perempuan), str(laki + perempuan)])
    return baris


LAMPIRAN = {
    ("payakumbuh", "ppk"): (
        "Daftar Nama Anggota Panitia Pemilihan Kecamatan",
        ["No.", "Kecamatan", "Nama", "Jabatan"],
        _baris_ppk,
    ),
    ("kalimantan-barat", "dpt_provinsi"): (
        "Rekapitulasi Jumlah Pemilih dan Tempat Pemungutan Suara per Kabupaten/Kota",
        ["No.", "Kabupaten/Kota", "Jumlah Pemilih", "Jumlah TPS"],
        _baris_tps,
    ),
    ("sorong-selatan", "dpt"): (
        "Rekapitulasi Daftar Pemilih Tetap per Distrik",
        ["No.", "Distrik", "Laki-laki", "Perempuan", "Jumlah"],
        _baris_dpt,
    ),
}


# --- Loading one product ------------------------------------------------------


@dataclass
class Contoh:
    """One sample product: its identity, its catalogue record, and how to
    draw its PDF (and its lampiran's)."""

    satker: Satker
    jenis: Jenis
    nomor: str
    tahun: int
    judul: str
    tanggal: date
    subjek: list[str]
    isian: dict  # catalogue fields, by name
    pokok: list[str]
    dasar: list[str]
    catatan: Callable[[int], list[str]]  # from the naskah's page count
    pdf: Callable[[], bytes]
    # (judul, PDF maker); the catatan names those present
    lampiran: list[tuple[str, Callable[[], bytes]]] = field(default_factory=list)
    lama: dict[str, set] = field(default_factory=dict)


def _lengkapi(produk: ProdukHukum, isian: dict, lama: dict[str, set]) -> None:
    """Fill the fields that are empty or still hold the earlier demo's own
    value; what staff typed stays."""
    ubah = []
    for nama, nilai in isian.items():
        sekarang = getattr(produk, nama)
        if sekarang == nilai:
            continue
        kosong = sekarang in ("", None) or sekarang in lama.get(nama, ())
        # A bidang hukum outside the national list is no value at all.
        if kosong or (nama == "bidang_hukum" and sekarang not in kosakata.BIDANG_HUKUM):
            setattr(produk, nama, nilai)
            ubah.append(nama)
    if ubah:
        produk.save(update_fields=[*ubah, "diubah_pada"])


def _nama_berkas(dasar: str) -> str:
    # The intake keeps what follows the last "/", and KPU numbers are full of them.
    return dasar.replace("/", "-").replace(" ", "-") + ".pdf"


def _tambah_lampiran(produk: ProdukHukum, daftar) -> int:
    """Add the lampiran the product lacks, through the PDF intake."""
    if not daftar:
        return 0
    ada = set(produk.lampiran.values_list("judul", flat=True))
    baru = 0
    for urutan, (judul, buat) in enumerate(daftar, start=1):
        if judul not in ada:
            nama = _nama_berkas(f"lampiran-{urutan}-{produk.jenis.singkatan}-{produk.nomor}")
            tambah_lampiran(produk, judul, io.BytesIO(buat()), nama_asli=nama)
            baru += 1
    return baru


def _muat(c: Contoh, lama: "SlotLama | None" = None) -> tuple[ProdukHukum, bool]:
    """Get or create one published sample product with its PDF, lampiran and
    complete record; ``lama``: the earlier demo's product this one takes over."""
    isian = {
        **c.isian,
        "abstrak": "\n".join(c.pokok),
        "abstrak_dasar_hukum": "\n".join(c.dasar),
    }
    kunci = {"satker": c.satker, "jenis": c.jenis, "nomor": c.nomor, "tahun": c.tahun}
    produk = ProdukHukum.objects.filter(**kunci).first()
    if produk is None and lama is not None:
        produk = _ambil_alih(c, lama)
    dibuat = produk is None
    if dibuat:
        produk = ProdukHukum.objects.create(
            **kunci,
            judul=c.judul,
            tanggal_penetapan=c.tanggal,
            subjek=kosakata.gabung_subjek(c.subjek),
            **isian,
        )
    versi_baru = None
    if dibuat or not produk.versi.exists():
        versi_baru = simpan_versi(
            produk, io.BytesIO(c.pdf()), nama_asli=_nama_berkas(f"{c.jenis.singkatan}-{c.nomor}")
        )
    # The lampiran go in before publication, so they go public with the product.
    lampiran_baru = _tambah_lampiran(produk, c.lampiran)
    versi = versi_baru or produk.versi_terbit() or produk.versi_terbaru()
    ada = set(produk.lampiran.values_list("judul", flat=True)) if c.lampiran else set()
    catatan = c.catatan(versi.jumlah_halaman)
    lengkap = catatan + [
        f"Dilengkapi lampiran: {judul}." for judul, _ in c.lampiran if judul in ada
    ]
    # Written before its lampiran existed, the catatan is still the demo's own.
    lama = {**c.lama, "abstrak_catatan": {"\n".join(catatan), *c.lama.get("abstrak_catatan", ())}}
    _lengkapi(produk, {**isian, "abstrak_catatan": "\n".join(lengkap)}, lama)
    if dibuat or produk.subjek in ("", *c.lama.get("subjek", ())):
        setel_subjek(produk, c.subjek)
    if versi_baru is not None:
        terbitkan(produk, versi_baru)
    elif lampiran_baru and produk.terbit:
        terbitkan_lampiran(produk)
    _atur_waktu_terbit(produk, waktu_terbit(c))
    return produk, dibuat


def _catatan_keputusan(halaman: int) -> list[str]:
    return [BERLAKU_DITETAPKAN, f"Terdiri dari {halaman} halaman."]


def _isi_tema(s: Satker, r: Rencana, nomor_diubah: str = "") -> dict:
    return {
        "pemilu": r.pemilu or r.tanggal.year,
        "semester": "I" if r.tanggal.month <= 7 else "II",
        "wilayah": wilayah(s),
        "badan": s.nama,
        "nama_badan": s.nama_badan,
        "kepala_daerah": kepala_daerah(s),
        "dprd": f"Dewan Perwakilan Rakyat Daerah {wilayah(s)}",
        "nomor_diubah": nomor_diubah,
    }


def _keputusan(
    s: Satker, j: Jenis, r: Rencana, nomor: str, nomor_diubah: str = "", nomor_dicabut: str = ""
):
    tema = TEMA_KEPUTUSAN[r.tema]
    tahun, tanggal = r.tanggal.year, r.tanggal
    isi = _isi_tema(s, r, nomor_diubah)
    judul = tema.judul.format(**isi)
    pokok = [p.format(**isi) for p in tema.pokok]
    dasar = dasar_hukum(tema.dasar, tahun)
    menimbang = [
        f"bahwa dalam rangka {tema.konteks.format(**isi)}, perlu menetapkan keputusan sebagai "
        "dasar pelaksanaan tugas;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        f"Keputusan {s.nama_badan} tentang {judul};",
    ]
    penandatangan = PENANDATANGAN[s.slug]
    lama = _nilai_lama(s, judul, tahun, "")
    # Whatever the earlier demo's theme was, its keywords were its own.
    lama["subjek"] |= {
        kosakata.gabung_subjek(kosakata.pisah_subjek(t.subjek_lama)) for t in TEMA_LAMA
    }
    lampiran = []
    if (s.slug, r.tema) in LAMPIRAN:
        judul_lampiran, kolom, baris = LAMPIRAN[(s.slug, r.tema)]
        lampiran.append(
            (
                judul_lampiran,
                lambda: pdf_lampiran(
                    NaskahLampiran(
                        nama_badan=s.nama_badan,
                        nomor=nomor,
                        judul_keputusan=judul,
                        judul=judul_lampiran,
                        kolom=kolom,
                        isi=baris(),
                        tempat=s.tempat,
                        tanggal=tanggal_indonesia(tanggal),
                        penandatangan=penandatangan.split()[0].upper(),
                        nama_penandatangan=penandatangan.split(maxsplit=1)[1].upper(),
                    )
                ),
            )
        )
    return Contoh(
        satker=s,
        jenis=j,
        nomor=nomor,
        tahun=tahun,
        judul=judul,
        tanggal=tanggal,
        subjek=list(tema.subjek),
        isian={
            "bidang_hukum": tema.bidang_hukum,
            "bahasa": kosakata.BAHASA_BAKU,
            "tempat_penetapan": s.tempat,
            "sumber": f"Salinan resmi {s.nama}",
            "penandatangan": penandatangan,
            "pemrakarsa": tema.pemrakarsa,
            "lokasi": f"Ruang Arsip Sub Bagian Hukum dan SDM {s.nama}",
        },
        pokok=pokok,
        dasar=dasar,
        catatan=lambda n: [
            BERLAKU_DITETAPKAN,
            *(
                [f"Mencabut Keputusan {s.nama_badan} Nomor {nomor_dicabut}."]
                if nomor_dicabut
                else []
            ),
            f"Terdiri dari {n} halaman.",
        ],
        pdf=lambda: pdf_keputusan(
            NaskahKeputusan(
                teu_badan=s.nama_badan,
                nomor=nomor,
                tahun=tahun,
                judul=judul,
                tempat=s.tempat,
                tanggal=tanggal_indonesia(tanggal),
                penandatangan=penandatangan.split()[0].upper(),
                nama_penandatangan=penandatangan.upper(),
                menimbang=menimbang,
                mengingat=[f"{d};" for d in dasar],
                diktum=[
                    *pokok,
                    *(
                        [
                            f"Keputusan {s.nama_badan} Nomor {nomor_dicabut} dicabut dan "
                            "dinyatakan tidak berlaku."
                        ]
                        if nomor_dicabut
                        else []
                    ),
                    BERLAKU_DITETAPKAN,
                ],
                halaman_tambahan=tahun % 3,
            )
        ),
        lampiran=lampiran,
        lama=lama,
    )


# --- The earlier demo's decisions, recognised to be upgraded in place ----------
# It gave each office six decisions from TEMA_LAMA by arithmetic, whatever
# the year: a DPT in 2021, a Bupati's paslon at a province. A product that
# still carries the title it gave is taken over by the decision of the same
# office and position in RENCANA: renumbered, retitled, its PDF redrawn, its
# generated record replaced; anything staff changed stays.


@dataclass(frozen=True)
class SlotLama:
    nomor: str
    tahun: int
    judul: str
    nilai: dict[str, set]  # the values it generated, as Contoh.lama has them


def _slot_lama(s_index: int, k: int, s: Satker) -> SlotLama:
    tahun = 2019 + (k + s_index) % 6
    tema = TEMA_LAMA[(k + s_index * 3) % len(TEMA_LAMA)]
    isi = {"tahun": tahun, "wilayah": wilayah(s), "badan": s.nama}
    judul = tema.judul.format(**isi)
    nilai = _nilai_lama(s, judul, tahun, tema.subjek_lama)
    nilai["abstrak"].add("\n".join(p.format(**isi) for p in tema.pokok))
    nilai["subjek"].add(kosakata.gabung_subjek(tema.subjek))
    for nama, lama in [
        ("abstrak_dasar_hukum", "\n".join(dasar_hukum(tema.dasar, tahun))),
        ("bidang_hukum", tema.bidang_hukum),
        ("pemrakarsa", tema.pemrakarsa),
    ]:
        nilai.setdefault(nama, set()).add(lama)
    return SlotLama(nomor_keputusan(10 + k * 7 + s_index, s.slug, tahun), tahun, judul, nilai)


def _ambil_alih(c: Contoh, lama: SlotLama) -> ProdukHukum | None:
    """The earlier demo's product in this slot, renumbered as ``c``; None
    when there is none or staff retitled it (then ``c`` is made anew)."""
    produk = ProdukHukum.objects.filter(
        satker=c.satker, jenis=c.jenis, nomor=lama.nomor, tahun=lama.tahun, judul=lama.judul
    ).first()
    if produk is None:
        return None
    produk.nomor, produk.tahun, produk.judul = c.nomor, c.tahun, c.judul
    produk.tanggal_penetapan = c.tanggal
    if produk.abstrak_catatan.startswith(BERLAKU_DITETAPKAN):
        produk.abstrak_catatan = ""  # its own, naming its old page count
    produk.save()
    # Its PDF and lampiran told the old decision: drawn again by _muat.
    judul_baru = {judul for judul, _ in c.lampiran}
    try:
        with transaction.atomic():
            for lampiran in produk.lampiran.exclude(judul__in=judul_baru):
                lampiran.delete()
            produk.versi.all().delete()
    except ProtectedError:
        pass  # a request refers to a version: keep it, the new one comes on top
    return produk


def _relasi_lama(produk_slot: dict[str, list[ProdukHukum | None]], pkpu) -> set[tuple]:
    """The relations the earlier demo drew between its decisions (and to
    the amending PKPU), as (sumber, jenis, target) ids."""
    hasil = set()
    for slug, daftar in produk_slot.items():
        if slug == "kpu-ri":
            continue
        if daftar[0] is not None and pkpu is not None:
            hasil.add((daftar[0].pk, JenisRelasi.MELAKSANAKAN, pkpu.pk))
        if None in daftar[1:3]:
            continue
        lama, baru = sorted(daftar[1:3], key=lambda p: (p.tahun, p.pk))
        if lama.tahun < baru.tahun:
            hasil.add((baru.pk, JenisRelasi.MENCABUT, lama.pk))
        elif None not in daftar[3:5]:
            hasil.add((daftar[3].pk, JenisRelasi.MENGUBAH, daftar[4].pk))
    return hasil


# --- KPU RI's regulations -----------------------------------------------------


def _regulasi(ri: Satker, jenis: dict[str, Jenis]) -> list[Contoh]:
    ttd = PENANDATANGAN["kpu-ri"]

    def naskah(nomor, tahun, judul, tanggal, dasar, pokok, bentuk, penutup):
        return lambda: pdf_keputusan(
            NaskahKeputusan(
                teu_badan=ri.nama_badan,
                nomor=nomor,
                tahun=tahun,
                judul=judul,
                tempat=ri.tempat,
                tanggal=tanggal_indonesia(tanggal),
                penandatangan=ttd.split()[0].upper(),
                nama_penandatangan=ttd.upper(),
                mengingat=[f"{d};" for d in dasar],
                diktum=[*pokok, penutup],
                halaman_tambahan=tahun % 3,
                bentuk=bentuk,
            )
        )

    lokasi = f"Ruang Arsip Biro Advokasi Hukum dan Penyelesaian Sengketa {ri.nama}"
    hasil = []
    daftar = [
        (
            "PKPU",
            "7",
            2022,
            "Perubahan atas Peraturan Komisi Pemilihan Umum Nomor 3 Tahun 2022 tentang Tahapan "
            "dan Jadwal Penyelenggaraan Pemilihan Umum Tahun 2024",
            date(2022, 12, 9),
            date(2022, 12, 12),
            "Berita Negara Republik Indonesia Tahun 2022 Nomor 1254",
            [
                "Mengubah beberapa ketentuan mengenai tahapan dan jadwal penyelenggaraan "
                "Pemilihan Umum Tahun 2024.",
                "Menyesuaikan jadwal tahapan pendaftaran dan verifikasi peserta pemilu serta "
                "penataan daerah pemilihan.",
                "Lampiran mengenai tahapan dan jadwal diganti dengan lampiran baru.",
            ],
            [UU_PEMILU[0], UU_PERUNDANGAN[0], PKPU_TAHAPAN[0]],
            "Peraturan ini mulai berlaku pada tanggal diundangkan.",
            "Tahapan; Jadwal; Pemilu 2024",
        ),
        (
            "PKPU",
            "3",
            2022,
            "Tahapan dan Jadwal Penyelenggaraan Pemilihan Umum Tahun 2024",
            date(2022, 6, 9),
            date(2022, 6, 9),
            "Berita Negara Republik Indonesia Tahun 2022 Nomor 540",
            [
                "Mengatur tahapan dan jadwal penyelenggaraan Pemilihan Umum Tahun 2024 sejak "
                "perencanaan program dan anggaran sampai pengucapan sumpah/janji anggota "
                "terpilih.",
                "Hari dan tanggal pemungutan suara Pemilihan Umum Tahun 2024 ditetapkan pada "
                "hari Rabu, 14 Februari 2024.",
                "Tahapan dan jadwal dirinci dalam Lampiran yang merupakan bagian tidak "
                "terpisahkan dari Peraturan ini.",
            ],
            [UU_PEMILU[0], UU_PERUNDANGAN[0]],
            "Peraturan ini mulai berlaku pada tanggal diundangkan.",
            "Tahapan; Jadwal; Pemilu 2024",
        ),
        (
            "SE",
            "1",
            2023,
            "Pelaksanaan Pengelolaan Jaringan Dokumentasi dan Informasi Hukum di Lingkungan KPU",
            date(2023, 2, 14),
            None,
            f"Salinan resmi {ri.nama}",
            [
                "Meminta KPU Provinsi dan KPU Kabupaten/Kota mengelola JDIH sesuai standar "
                "pengelolaan dokumen dan informasi hukum.",
                "Setiap produk hukum yang telah ditetapkan segera diunggah ke laman JDIH "
                "satuan kerja masing-masing beserta metadata dan abstraknya.",
                "Pengelola JDIH memutakhirkan status berlaku produk hukum secara berkala.",
            ],
            [UU_PEMILU[0], PERPRES_JDIHN[0], PERMENKUMHAM_JDIH[0]],
            "Surat Edaran ini berlaku sejak tanggal ditetapkan.",
            "JDIH; Surat Edaran",
        ),
    ]
    for (
        singkatan,
        nomor,
        tahun,
        judul,
        tanggal,
        diundangkan,
        sumber,
        pokok,
        dasar,
        berlaku,
        lama,
    ) in daftar:
        pkpu = singkatan == "PKPU"
        subjek = (
            ["Pemilihan Umum", "Tahapan dan Jadwal"]
            if pkpu
            else ["JDIH", "Organisasi dan Tata Kerja", "Penyelenggara Pemilu"]
        )
        hasil.append(
            Contoh(
                satker=ri,
                jenis=jenis[singkatan],
                nomor=nomor,
                tahun=tahun,
                judul=judul,
                tanggal=tanggal,
                subjek=subjek,
                isian={
                    "tanggal_pengundangan": diundangkan,
                    "bidang_hukum": HTN if pkpu else HAN,
                    "bahasa": kosakata.BAHASA_BAKU,
                    "tempat_penetapan": ri.tempat,
                    "sumber": sumber,
                    "penandatangan": ttd,
                    "pemrakarsa": (
                        "Divisi Perencanaan, Data, dan Informasi"
                        if pkpu
                        else "Divisi Hukum dan Pengawasan"
                    ),
                    "lokasi": lokasi,
                },
                pokok=pokok,
                dasar=dasar,
                catatan=lambda n, berlaku=berlaku: [berlaku, f"Terdiri dari {n} halaman."],
                pdf=naskah(
                    nomor,
                    tahun,
                    judul,
                    tanggal,
                    dasar,
                    pokok,
                    "PERATURAN" if pkpu else "SURAT EDARAN",
                    berlaku,
                ),
                lama={
                    **_nilai_lama(ri, judul, tahun, lama),
                    "lokasi": {f"Ruang Arsip Sub Bagian Hukum dan SDM {ri.nama}"},
                },
            )
        )
    return hasil


# --- The other document types: monografi, artikel, putusan ----------------------


def _monografi(satker: dict[str, Satker], jenis: Jenis) -> list[Contoh]:
    daftar = [
        dict(
            satker=satker["kpu-ri"],
            judul="Hukum Pemilihan Umum di Indonesia: Asas, Kelembagaan, dan Penegakan Hukum",
            tahun=2023,
            tanggal=date(2023, 11, 20),
            penulis="Komisi Pemilihan Umum. Biro Advokasi Hukum dan Penyelesaian Sengketa",
            nomor_panggil="342.07 KOM h",
            isbn=isbn_13("978-623-8012-07"),
            penerbit="Komisi Pemilihan Umum Republik Indonesia",
            tempat_terbit="Jakarta",
            deskripsi_fisik="xii, 240 hlm.; 21 cm",
            nomor_induk_buku="0127/PERPUS-JDIH/2023",
            eksemplar=5,
            subjek=["Pemilihan Umum", "Penyelenggara Pemilu", "Penegakan Hukum Pemilu"],
            bidang_hukum=HTN,
            pemrakarsa="Biro Advokasi Hukum dan Penyelesaian Sengketa",
            pokok=[
                "Menguraikan asas penyelenggaraan pemilihan umum: langsung, umum, bebas, "
                "rahasia, jujur, dan adil.",
                "Membahas kelembagaan penyelenggara pemilu (KPU, Bawaslu, dan DKPP) beserta "
                "hubungan kerja antarlembaga.",
                "Menjelaskan penegakan hukum pemilu: pelanggaran administratif, sengketa "
                "proses, tindak pidana pemilu, dan perselisihan hasil.",
            ],
            dasar=[UUD[0], UU_PEMILU[0], UU_PILKADA[0]],
            bab=[
                (
                    "Pendahuluan",
                    [
                        "Pemilihan umum adalah sarana kedaulatan rakyat untuk memilih anggota "
                        "lembaga perwakilan, Presiden dan Wakil Presiden, yang dilaksanakan "
                        "secara langsung, umum, bebas, rahasia, jujur, dan adil.",
                        "Buku ini disusun sebagai bahan rujukan bagi jajaran penyelenggara "
                        "pemilu dan masyarakat yang ingin memahami kerangka hukum pemilu.",
                    ],
                ),
                (
                    "Asas dan Prinsip Penyelenggaraan Pemilu",
                    [
                        "Penyelenggara pemilu bekerja berdasarkan prinsip mandiri, jujur, adil, "
                        "berkepastian hukum, tertib, terbuka, proporsional, profesional, "
                        "akuntabel, efektif, dan efisien.",
                    ],
                ),
                (
                    "Kelembagaan Penyelenggara Pemilu",
                    [
                        "KPU, Bawaslu, dan DKPP merupakan satu kesatuan fungsi penyelenggaraan "
                        "pemilu dengan tugas dan wewenang yang berbeda namun saling melengkapi.",
                    ],
                ),
                (
                    "Penegakan Hukum Pemilu",
                    [
                        "Setiap jenis pelanggaran dan sengketa memiliki lembaga dan tenggat "
                        "penyelesaiannya sendiri, sehingga kepastian hukum setiap tahapan "
                        "terjaga.",
                    ],
                ),
            ],
        ),
        dict(
            satker=satker["payakumbuh"],
            judul="Teknik Penyusunan Keputusan di Lingkungan Komisi Pemilihan Umum Kabupaten/Kota",
            tahun=2022,
            tanggal=date(2022, 8, 15),
            penulis="Fitri Handayani",
            nomor_panggil="342.066 HAN t",
            isbn=isbn_13("978-602-5123-48"),
            penerbit="Sekretariat KPU Kota Payakumbuh",
            tempat_terbit="Payakumbuh",
            deskripsi_fisik="x, 186 hlm.; 23 cm",
            nomor_induk_buku="0042/PERPUS-JDIH/2022",
            eksemplar=3,
            subjek=["Penyusunan Produk Hukum", "Organisasi dan Tata Kerja", "JDIH"],
            bidang_hukum=HAN,
            pemrakarsa="Sub Bagian Hukum dan Sumber Daya Manusia",
            pokok=[
                "Menguraikan kerangka dan sistematika Keputusan KPU Kabupaten/Kota: judul, "
                "konsiderans, diktum, dan lampiran.",
                "Membahas penomoran, penandatanganan, dan autentikasi salinan keputusan menurut "
                "tata naskah dinas.",
                "Memberikan contoh rumusan keputusan pembentukan badan ad hoc dan penetapan "
                "hasil pemilihan.",
            ],
            dasar=[UU_PERUNDANGAN[0], UU_ADMINISTRASI[0], UU_PEMILU[0]],
            bab=[
                (
                    "Pendahuluan",
                    [
                        "Keputusan adalah produk hukum yang paling sering ditetapkan KPU "
                        "Kabupaten/Kota, mulai dari pembentukan badan ad hoc sampai penetapan "
                        "hasil pemilihan.",
                    ],
                ),
                (
                    "Kerangka Keputusan",
                    [
                        "Keputusan terdiri atas kepala, pembukaan (menimbang dan mengingat), "
                        "batang tubuh berupa diktum, penutup, dan lampiran bila diperlukan.",
                    ],
                ),
                (
                    "Penomoran dan Autentikasi",
                    [
                        "Nomor keputusan memuat nomor urut, kode klasifikasi, kode satuan kerja, "
                        "dan tahun; salinan diautentikasi oleh sekretaris.",
                    ],
                ),
            ],
        ),
    ]
    hasil = []
    for d in daftar:
        s = d["satker"]
        naskah = NaskahMonografi(
            judul=d["judul"],
            penulis=d["penulis"],
            penerbit=d["penerbit"],
            tempat_terbit=d["tempat_terbit"],
            tahun=d["tahun"],
            isbn=d["isbn"],
            nomor_panggil=d["nomor_panggil"],
            deskripsi_fisik=d["deskripsi_fisik"],
            subjek=d["subjek"],
            bab=d["bab"],
        )
        hasil.append(
            Contoh(
                satker=s,
                jenis=jenis,
                nomor=d["nomor_induk_buku"],
                tahun=d["tahun"],
                judul=d["judul"],
                tanggal=d["tanggal"],
                subjek=d["subjek"],
                isian={
                    **{k: d[k] for k in BIDANG_TIPE[TipeDokumen.MONOGRAFI]},
                    "bidang_hukum": d["bidang_hukum"],
                    "bahasa": kosakata.BAHASA_BAKU,
                    "tempat_penetapan": d["tempat_terbit"],
                    "sumber": f"Koleksi Perpustakaan JDIH {s.nama}",
                    "pemrakarsa": d["pemrakarsa"],
                    "lokasi": f"Perpustakaan JDIH {s.nama}, rak {d['nomor_panggil'].split()[0]}",
                },
                pokok=d["pokok"],
                dasar=d["dasar"],
                catatan=lambda n, e=d["eksemplar"]: [
                    f"Berkas digital memuat sampul, halaman katalog, daftar isi, dan cuplikan "
                    f"bab ({n} halaman).",
                    f"Buku cetak lengkap tersedia di perpustakaan JDIH ({e} eksemplar).",
                ],
                pdf=lambda naskah=naskah: pdf_monografi(naskah),
            )
        )
    return hasil


def _artikel(satker: dict[str, Satker], jenis: Jenis) -> list[Contoh]:
    daftar = [
        dict(
            satker=satker["kalimantan-barat"],
            judul="Partisipasi Pemilih Pemula di Wilayah Perbatasan Kalimantan Barat pada "
            "Pemilihan Umum 2024",
            tahun=2024,
            tanggal=date(2024, 6, 28),
            penulis="Rina Marlina dan Budi Prasetyo",
            jurnal="Jurnal Demokrasi dan Kepemiluan",
            volume="Vol. 6 No. 1",
            halaman="45-67",
            subjek=["Pemilihan Umum", "Partisipasi Pemilih", "Pendidikan Pemilih"],
            bidang_hukum=HTN,
            pokok=[
                "Mengukur tingkat partisipasi pemilih pemula di kabupaten yang berbatasan "
                "langsung dengan Malaysia pada Pemilihan Umum 2024.",
                "Mengidentifikasi hambatan partisipasi: jarak ke tempat pemungutan suara, "
                "pemilih yang bekerja lintas batas, dan keterbatasan informasi.",
                "Merekomendasikan sosialisasi berbasis sekolah dan komunitas serta penataan "
                "lokasi tempat pemungutan suara di wilayah perbatasan.",
            ],
            dasar=[UU_PEMILU[0], PKPU_PARTISIPASI[0]],
            kata_kunci=["pemilih pemula", "partisipasi", "wilayah perbatasan"],
        ),
        dict(
            satker=satker["sorong-selatan"],
            judul="Penyelenggaraan Pemungutan Suara di Distrik Terpencil Kabupaten Sorong "
            "Selatan: Tantangan Logistik dan Akses Pemilih",
            tahun=2023,
            tanggal=date(2023, 12, 15),
            penulis="Yohana Sremere dan Daniel Woloy",
            jurnal="Jurnal Hukum dan Tata Kelola Pemilu",
            volume="Vol. 3 No. 2",
            halaman="101-118",
            subjek=["Pemilihan Umum", "Tempat Pemungutan Suara", "Logistik Pemilu"],
            bidang_hukum=HAN,
            pokok=[
                "Menggambarkan kondisi geografis distrik terpencil yang hanya dapat dijangkau "
                "melalui sungai dan laut.",
                "Menganalisis penjadwalan distribusi logistik pemilu agar tiba tepat waktu dan "
                "dalam keadaan utuh.",
                "Mengusulkan penetapan lokasi tempat pemungutan suara yang mempertimbangkan "
                "akses transportasi pemilih.",
            ],
            dasar=[UU_PEMILU[0], PKPU_PEMUNGUTAN[0]],
            kata_kunci=["logistik pemilu", "daerah terpencil", "tempat pemungutan suara"],
        ),
    ]
    hasil = []
    for d in daftar:
        s = d["satker"]
        terbitan = f"{d['jurnal']} {d['volume']} ({d['tahun']}), hlm. {d['halaman']}"
        naskah = NaskahArtikel(
            judul=d["judul"],
            penulis=d["penulis"],
            afiliasi=f"Sekretariat {s.nama}",
            jurnal=d["jurnal"],
            volume=d["volume"],
            halaman=d["halaman"],
            tahun=d["tahun"],
            abstrak=" ".join(d["pokok"]),
            kata_kunci=d["kata_kunci"],
            bagian=[
                ("Pendahuluan", [d["pokok"][0]]),
                (
                    "Metode Penelitian",
                    [
                        "Penelitian ini menggunakan pendekatan yuridis empiris dengan data "
                        "rekapitulasi penyelenggara dan wawancara dengan badan ad hoc."
                    ],
                ),
                ("Pembahasan", [d["pokok"][1]]),
                ("Kesimpulan dan Saran", [d["pokok"][2]]),
            ],
            pustaka=[f"{teks}." for teks in d["dasar"]],
        )
        hasil.append(
            Contoh(
                satker=s,
                jenis=jenis,
                nomor=d["volume"],
                tahun=d["tahun"],
                judul=d["judul"],
                tanggal=d["tanggal"],
                subjek=d["subjek"],
                isian={
                    **{k: d[k] for k in BIDANG_TIPE[TipeDokumen.ARTIKEL]},
                    "bidang_hukum": d["bidang_hukum"],
                    "bahasa": kosakata.BAHASA_BAKU,
                    "sumber": terbitan,
                    "lokasi": f"Perpustakaan JDIH {s.nama}",
                },
                pokok=d["pokok"],
                dasar=d["dasar"],
                catatan=lambda n, t=terbitan: [f"Terbit dalam {t}.", f"Terdiri dari {n} halaman."],
                pdf=lambda naskah=naskah: pdf_artikel(naskah),
            )
        )
    return hasil


def _putusan(satker: dict[str, Satker], jenis: Jenis) -> list[Contoh]:
    daftar = [
        dict(
            satker=satker["kpu-ri"],
            nomor_perkara="117-01-08-34/PHPU.DPR-DPRD-XXII/2024",
            tahun=2024,
            tanggal=date(2024, 6, 6),
            judul="Perselisihan Hasil Pemilihan Umum Anggota Dewan Perwakilan Rakyat Daerah "
            "Kabupaten Sorong Selatan Tahun 2024",
            lembaga_peradilan="Mahkamah Konstitusi",
            tempat="Jakarta",
            pemohon="Markus Woloy, calon anggota DPRD Kabupaten Sorong Selatan Daerah "
            "Pemilihan Sorong Selatan 2",
            termohon="Komisi Pemilihan Umum",
            sebutan=("Pemohon", "Termohon"),
            majelis="Majelis Hakim Konstitusi",
            amar=[
                "Dalam Eksepsi: menolak eksepsi Termohon.",
                "Dalam Pokok Permohonan: menolak permohonan Pemohon untuk seluruhnya.",
            ],
            berkekuatan_hukum_tetap=True,
            subjek=["Pemilihan Umum", "Perselisihan Hasil Pemilu", "DPRD"],
            bidang_hukum=PUTUSAN_PENGADILAN,
            pemrakarsa="Biro Advokasi Hukum dan Penyelesaian Sengketa",
            pokok=[
                "Pemohon mendalilkan kesalahan penghitungan suara di beberapa tempat "
                "pemungutan suara pada Daerah Pemilihan Sorong Selatan 2.",
                "Mahkamah menilai dalil Pemohon tidak didukung bukti yang cukup dan "
                "rekapitulasi Termohon sesuai dengan formulir hasil di setiap tingkatan.",
                "Permohonan ditolak untuk seluruhnya sehingga penetapan hasil oleh Termohon "
                "tetap berlaku.",
            ],
            dasar=[UUD[0], UU_MK[0], UU_PEMILU[0]],
            kekuatan="Putusan bersifat final dan mengikat sejak selesai diucapkan.",
        ),
        dict(
            satker=satker["kalimantan-barat"],
            nomor_perkara="21/G/2023/PTUN.PTK",
            tahun=2023,
            tanggal=date(2023, 9, 12),
            judul="Sengketa Tata Usaha Negara atas Keputusan Penjatuhan Hukuman Disiplin "
            "Pegawai Sekretariat KPU Provinsi Kalimantan Barat",
            lembaga_peradilan="Pengadilan Tata Usaha Negara Pontianak",
            tempat="Pontianak",
            pemohon="Rudi Hartono",
            termohon="Sekretaris Komisi Pemilihan Umum Provinsi Kalimantan Barat",
            sebutan=("Penggugat", "Tergugat"),
            majelis="Majelis Hakim Pengadilan Tata Usaha Negara Pontianak",
            amar=[
                "Dalam Pokok Perkara: menolak gugatan Penggugat untuk seluruhnya.",
                "Menghukum Penggugat membayar biaya perkara sebesar Rp350.000,00 (tiga ratus "
                "lima puluh ribu rupiah).",
            ],
            berkekuatan_hukum_tetap=False,
            subjek=["Kepegawaian", "Sengketa Tata Usaha Negara"],
            bidang_hukum=PUTUSAN_PENGADILAN,
            pemrakarsa="Sub Bagian Hukum dan Sumber Daya Manusia",
            pokok=[
                "Penggugat memohon pembatalan keputusan penjatuhan hukuman disiplin yang "
                "diterbitkan Tergugat.",
                "Majelis Hakim menilai keputusan diterbitkan oleh pejabat yang berwenang, sesuai "
                "prosedur, dan tidak bertentangan dengan asas-asas umum pemerintahan yang baik.",
                "Gugatan ditolak untuk seluruhnya dan Penggugat dihukum membayar biaya perkara.",
            ],
            dasar=[UU_PTUN[0], UU_ADMINISTRASI[0], PP_DISIPLIN[0]],
            kekuatan="Putusan belum berkekuatan hukum tetap: Penggugat mengajukan banding.",
        ),
        dict(
            satker=satker["sorong-selatan"],
            nomor_perkara="001/PS.REG/9204/IX/2024",
            tahun=2024,
            tanggal=date(2024, 9, 30),
            judul="Penyelesaian Sengketa Proses Pemilihan Bupati dan Wakil Bupati Sorong "
            "Selatan Tahun 2024",
            lembaga_peradilan="Badan Pengawas Pemilihan Umum Kabupaten Sorong Selatan",
            tempat="Teminabuan",
            pemohon="Bakal Pasangan Calon Bupati dan Wakil Bupati Sorong Selatan, Petrus "
            "Kareth dan Yance Momot",
            termohon="Komisi Pemilihan Umum Kabupaten Sorong Selatan",
            sebutan=("Pemohon", "Termohon"),
            majelis="Majelis Musyawarah Bawaslu Kabupaten Sorong Selatan",
            amar=[
                "Menolak permohonan Pemohon untuk seluruhnya.",
                "Menyatakan keputusan Termohon tentang penetapan pasangan calon tetap berlaku.",
            ],
            berkekuatan_hukum_tetap=True,
            subjek=["Pemilihan Kepala Daerah", "Pencalonan", "Sengketa Proses Pemilu"],
            bidang_hukum=HTN,
            pemrakarsa="Divisi Hukum dan Pengawasan",
            pokok=[
                "Pemohon keberatan atas keputusan Termohon yang menyatakan Pemohon tidak "
                "memenuhi syarat sebagai pasangan calon.",
                "Majelis menilai dukungan Pemohon tidak memenuhi jumlah minimal dan penelitian "
                "oleh Termohon telah sesuai prosedur.",
                "Permohonan ditolak; keputusan penetapan pasangan calon oleh Termohon tetap "
                "berlaku.",
            ],
            dasar=[UU_PILKADA[0], PKPU_PENCALONAN_PILKADA[0]],
            kekuatan="Putusan telah berkekuatan hukum tetap karena tidak diajukan upaya hukum.",
        ),
    ]
    hasil = []
    for d in daftar:
        s = d["satker"]
        sebutan_pemohon, sebutan_termohon = d["sebutan"]
        naskah = NaskahPutusan(
            lembaga=d["lembaga_peradilan"],
            nomor_perkara=d["nomor_perkara"],
            judul=d["judul"],
            pemohon=d["pemohon"],
            termohon=d["termohon"],
            amar=d["amar"],
            tempat=d["tempat"],
            tanggal=tanggal_indonesia(d["tanggal"]),
            sebutan_pemohon=sebutan_pemohon,
            sebutan_termohon=sebutan_termohon,
            majelis=d["majelis"],
            duduk_perkara=[d["pokok"][0]],
            pertimbangan=[
                d["pokok"][1],
                f"Mengingat {'; '.join(d['dasar'])}; serta peraturan perundang-undangan lain "
                "yang bersangkutan.",
            ],
        )
        hasil.append(
            Contoh(
                satker=s,
                jenis=jenis,
                nomor=d["nomor_perkara"],
                tahun=d["tahun"],
                judul=d["judul"],
                tanggal=d["tanggal"],
                subjek=d["subjek"],
                isian={
                    "lembaga_peradilan": d["lembaga_peradilan"],
                    "nomor_perkara": d["nomor_perkara"],
                    "pemohon": d["pemohon"],
                    "termohon": d["termohon"],
                    "amar": "\n".join(d["amar"]),
                    "berkekuatan_hukum_tetap": d["berkekuatan_hukum_tetap"],
                    "bidang_hukum": d["bidang_hukum"],
                    "bahasa": kosakata.BAHASA_BAKU,
                    "tempat_penetapan": d["tempat"],
                    "sumber": f"Salinan putusan {d['lembaga_peradilan']}",
                    "penandatangan": d["majelis"],
                    "pemrakarsa": d["pemrakarsa"],
                    "lokasi": f"Ruang Arsip Sub Bagian Hukum dan SDM {s.nama}",
                },
                pokok=d["pokok"],
                dasar=d["dasar"],
                catatan=lambda n, k=d["kekuatan"]: [k, f"Terdiri dari {n} halaman."],
                pdf=lambda naskah=naskah: pdf_putusan(naskah),
            )
        )
    return hasil


# --- The whole catalogue --------------------------------------------------------


def _hapus_subjek_lama() -> None:
    """Drop the earlier demo's keywords once no product uses them."""
    lama = [t.subjek_lama for t in TEMA_LAMA] + _SUBJEK_LAMA_LAIN
    nama = {n for teks in lama for n in kosakata.pisah_subjek(teks)}
    Subjek.objects.filter(nama__in=nama, produk_hukum__isnull=True).delete()


def waktu_terbit(c: Contoh) -> datetime:
    """When the sample went up on JDIH: a few working days after it was
    signed (the SOP's upload), in the morning, never in the future."""
    hari = 2 + (sum(map(ord, c.satker.slug)) + len(c.nomor)) % 6
    pada = timezone.make_aware(
        datetime.combine(c.tanggal + timedelta(days=hari), time(9, (len(c.judul) * 7) % 60))
    )
    return min(pada, timezone.now())


def _atur_waktu_terbit(produk: ProdukHukum, pada: datetime) -> None:
    """Date the publication back to ``pada``: the demo publishes everything
    the moment it loads, which would make every sample "the newest". Only a
    first publication later than ``pada`` (the load's own) moves, with the
    files published in that same moment."""
    sebelumnya = produk.diterbitkan_pada
    if sebelumnya is None or sebelumnya <= pada:
        return
    semenit = timedelta(minutes=1)
    VersiBerkas.objects.filter(
        Q(produk=produk) | Q(lampiran__produk=produk),
        diterbitkan_pada__range=(sebelumnya - semenit, sebelumnya + semenit),
    ).update(diterbitkan_pada=pada, dibuat_pada=pada - timedelta(hours=1))
    ProdukHukum.objects.filter(pk=produk.pk).update(
        diterbitkan_pada=pada, dibuat_pada=pada - timedelta(hours=2)
    )
    produk.diterbitkan_pada = pada


def _nomor(rencana: Rencana, slug: str) -> str:
    return nomor_keputusan(rencana.urut, slug, rencana.tanggal.year)


@transaction.atomic
def muat_katalog() -> dict[str, int]:
    satker = muat_satker()
    jenis = muat_jenis()
    baru = 0

    # KPU RI's regulations, which the offices' decisions carry out.
    regulasi = [_muat(c) for c in _regulasi(satker["kpu-ri"], jenis)]
    baru += sum(dibuat for _, dibuat in regulasi)
    (pkpu, _), (pkpu_lama, _), (se, _) = regulasi
    pelaksanaan = {"pkpu": pkpu, "pkpu_lama": pkpu_lama, "se": se}

    # What the earlier demo left, found before anything is renumbered.
    slot_lama = {
        slug: [_slot_lama(i, k, s) for k in range(len(RENCANA[slug]))]
        for i, (slug, s) in enumerate(satker.items())
    }
    produk_lama = {
        slug: [
            ProdukHukum.objects.filter(
                satker=satker[slug],
                jenis=jenis[singkatan_jenis_untuk(satker[slug])],
                nomor=slot.nomor,
                tahun=slot.tahun,
            ).first()
            for slot in daftar
        ]
        for slug, daftar in slot_lama.items()
    }
    relasi_lama = _relasi_lama(produk_lama, pkpu)

    rencana_relasi = [(pkpu, JenisRelasi.MENGUBAH, pkpu_lama)]
    per_satker: dict[str, list[ProdukHukum]] = {}
    for slug, s in satker.items():
        j = jenis[singkatan_jenis_untuk(s)]
        daftar = []
        for k, r in enumerate(RENCANA[slug]):
            diubah = _nomor(RENCANA[slug][r.mengubah], slug) if r.mengubah is not None else ""
            dicabut = _nomor(RENCANA[slug][r.mencabut], slug) if r.mencabut is not None else ""
            c = _keputusan(s, j, r, _nomor(r, slug), diubah, dicabut)
            slot = slot_lama[slug][k]
            c.lama = {
                n: c.lama.get(n, set()) | slot.nilai.get(n, set()) for n in {*c.lama, *slot.nilai}
            }
            produk, dibuat = _muat(c, slot)
            baru += dibuat
            daftar.append(produk)
        for produk, r in zip(daftar, RENCANA[slug], strict=True):
            if r.mengubah is not None:
                rencana_relasi.append((produk, JenisRelasi.MENGUBAH, daftar[r.mengubah]))
            if r.mencabut is not None:
                rencana_relasi.append((produk, JenisRelasi.MENCABUT, daftar[r.mencabut]))
            if r.melaksanakan:
                target = pelaksanaan[r.melaksanakan]
                rencana_relasi.append((produk, JenisRelasi.MELAKSANAKAN, target))
        per_satker[slug] = daftar

    # A library's books, journal articles and rulings: every type of the standard.
    for c in [
        *_monografi(satker, jenis["MONOGRAFI"]),
        *_artikel(satker, jenis["ARTIKEL"]),
        *_putusan(satker, jenis["PUTUSAN"]),
    ]:
        baru += _muat(c)[1]

    sekarang = set()
    for sumber, jenis_relasi, target in rencana_relasi:
        _relasi(sumber, jenis_relasi, target)
        sekarang.add((sumber.pk, jenis_relasi, target.pk))
    # The earlier demo's relations that no longer hold (one pointed to a newer
    # product); deleted one by one so that a revoked product is restored.
    for sumber_id, jenis_relasi, target_id in relasi_lama - sekarang:
        for relasi in RelasiProduk.objects.filter(
            sumber_id=sumber_id, jenis=jenis_relasi, target_id=target_id
        ):
            relasi.delete()

    slug, k, keterangan = KEDALUWARSA
    kedaluwarsa = per_satker[slug][k]
    if kedaluwarsa.status == StatusBerlaku.BERLAKU and not kedaluwarsa.keterangan_status:
        kedaluwarsa.status = StatusBerlaku.TIDAK_BERLAKU
        kedaluwarsa.keterangan_status = keterangan
        kedaluwarsa.save(update_fields=["status", "keterangan_status"])
    # The earlier demo ended another decision by hand: it is a different one now.
    ProdukHukum.objects.filter(
        pk__in=[p.pk for daftar in per_satker.values() for p in daftar],
        keterangan_status=KEDALUWARSA_LAMA,
    ).exclude(pk=kedaluwarsa.pk).update(status=StatusBerlaku.BERLAKU, keterangan_status="")
    _hapus_subjek_lama()

    return {
        "satker": len(satker),
        "jenis": len(jenis),
        "produk": ProdukHukum.objects.count(),
        "baru": baru,
    }


def _relasi(sumber, jenis, target):
    RelasiProduk.objects.get_or_create(sumber=sumber, jenis=jenis, target=target)
