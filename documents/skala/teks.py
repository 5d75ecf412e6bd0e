"""Realistic catalogue text for the scale data: titles, numbers, abstrak and
a few hundred words of naskah per product, in the words KPU decisions use
(Menimbang, Mengingat, Memutuskan, Kesatu…). Pure functions of a seeded
random generator: the same seed gives the same catalogue."""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .wilayah import Kantor

PEMILU = [2004, 2009, 2014, 2019, 2024, 2029]
PILKADA = [2005, 2008, 2010, 2013, 2015, 2017, 2018, 2020, 2024, 2029]
TAHUN_AWAL, TAHUN_AKHIR = 2000, 2026
# Election years and the year before carry more decisions.
BOBOT_TAHUN = {
    t: (3.0 if t in PEMILU or t + 1 in PEMILU else 1.6 if t in PILKADA else 1.0)
    * (0.5 if t < 2008 else 1.0)
    for t in range(TAHUN_AWAL, TAHUN_AKHIR + 1)
}

NAMA_DEPAN = (
    "Ahmad Agus Andi Arif Bambang Budi Dedi Dewi Dian Eka Fajar Fitri Hadi Hendra Ika Indra "
    "Irwan Joko Kartika Lestari Made Maria Muhammad Nur Nyoman Putri Rahmat Ratna Rina Rizky "
    "Sari Siti Slamet Sri Suharto Taufik Teguh Wahyu Wayan Yohanes Yulia Yusuf Zainal"
).split()
NAMA_BELAKANG = (
    "Saputra Hidayat Wibowo Santoso Kurniawan Pratama Nugroho Siregar Nasution Harahap "
    "Simanjuntak Lubis Wijaya Setiawan Rahman Hasibuan Tanjung Manurung Sinaga Pangaribuan "
    "Situmorang Purba Daulay Rangkuti Panjaitan Gultom Rumbiak Wenda Kambu Mandacan Tamaela "
    "Latuconsina Pattiasina Lamba Palinggi Mokodompit Lasut Rondonuwu Sumual Suryadi Halim"
).split()

BULAN = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()


def tanggal_indonesia(t: date) -> str:
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


# (judul template, subjek, klasifikasi arsip, bidang hukum)
# {pemilihan} is an election the office runs, {wilayah} its area.
TEMA_DAERAH = [
    ("Penetapan Daftar Pemilih Tetap {pemilihan}", ("Daftar Pemilih", "Pemilih"), "PL.02.1"),
    ("Penetapan Daftar Pemilih Sementara {pemilihan}", ("Daftar Pemilih",), "PL.02.1"),
    (
        "Penetapan Rekapitulasi Daftar Pemilih Hasil Pemutakhiran Berkelanjutan Semester {smt} "
        "Tahun {tahun}",
        ("Daftar Pemilih", "Pemutakhiran Data Pemilih"),
        "PL.02.1",
    ),
    (
        "Penetapan Jumlah dan Lokasi Tempat Pemungutan Suara dalam {pemilihan}",
        ("Tempat Pemungutan Suara", "Pemungutan Suara"),
        "PL.02.4",
    ),
    (
        "Pembentukan Panitia Pemilihan Kecamatan dalam {pemilihan}",
        ("Badan Ad Hoc", "Panitia Pemilihan Kecamatan"),
        "PP.04.1",
    ),
    (
        "Pengangkatan Anggota Panitia Pemungutan Suara dalam {pemilihan}",
        ("Badan Ad Hoc", "Panitia Pemungutan Suara"),
        "PP.04.1",
    ),
    (
        "Pemberhentian Antarwaktu Anggota Panitia Pemilihan Kecamatan {kecamatan} "
        "dalam {pemilihan}",
        ("Badan Ad Hoc", "Pemberhentian Antarwaktu"),
        "PP.04.1",
    ),
    (
        "Pembentukan Kelompok Penyelenggara Pemungutan Suara dalam {pemilihan}",
        ("Badan Ad Hoc", "KPPS"),
        "PP.04.1",
    ),
    (
        "Penetapan Rekapitulasi Hasil Penghitungan Suara {pemilihan}",
        ("Rekapitulasi", "Hasil Pemilihan", "Penghitungan Suara"),
        "PL.02.6",
    ),
    (
        "Penetapan Pasangan Calon Peserta {pilkada}",
        ("Pencalonan", "Pasangan Calon"),
        "PL.02.3",
    ),
    (
        "Penetapan Nomor Urut Pasangan Calon {pilkada}",
        ("Pencalonan", "Nomor Urut"),
        "PL.02.3",
    ),
    (
        "Penetapan Pasangan Calon Terpilih {pilkada}",
        ("Calon Terpilih", "Hasil Pemilihan"),
        "PL.02.6",
    ),
    (
        "Penetapan Calon Terpilih Anggota Dewan Perwakilan Rakyat Daerah {wilayah} "
        "dalam Pemilihan Umum Tahun {pemilu}",
        ("Calon Terpilih", "DPRD"),
        "PL.01.8",
    ),
    (
        "Penetapan Daftar Calon Tetap Anggota Dewan Perwakilan Rakyat Daerah {wilayah} "
        "dalam Pemilihan Umum Tahun {pemilu}",
        ("Pencalonan", "DPRD", "Daftar Calon Tetap"),
        "PL.01.4",
    ),
    (
        "Penetapan Jadwal Kampanye {pemilihan}",
        ("Kampanye", "Jadwal"),
        "PL.02.5",
    ),
    (
        "Penetapan Lokasi Pemasangan Alat Peraga Kampanye dalam {pemilihan}",
        ("Kampanye", "Alat Peraga Kampanye"),
        "PL.02.5",
    ),
    (
        "Batasan Pengeluaran Dana Kampanye Pasangan Calon {pilkada}",
        ("Dana Kampanye", "Kampanye"),
        "PL.02.5",
    ),
    (
        "Penetapan Desain dan Spesifikasi Surat Suara {pemilihan}",
        ("Logistik", "Surat Suara"),
        "PL.02.4",
    ),
    (
        "Penetapan Kebutuhan Perlengkapan Pemungutan Suara dan Dukungan Perlengkapan Lainnya "
        "dalam {pemilihan}",
        ("Logistik", "Perlengkapan Pemungutan Suara"),
        "PL.02.4",
    ),
    (
        "Penetapan Daerah Pemilihan dan Alokasi Kursi Anggota Dewan Perwakilan Rakyat Daerah "
        "{wilayah} dalam Pemilihan Umum Tahun {pemilu}",
        ("Daerah Pemilihan", "Alokasi Kursi", "DPRD"),
        "PL.01.3",
    ),
    (
        "Tahapan, Program, dan Jadwal Penyelenggaraan {pilkada}",
        ("Tahapan", "Jadwal"),
        "PL.02.1",
    ),
    (
        "Pedoman Teknis Sosialisasi dan Pendidikan Pemilih dalam {pemilihan}",
        ("Sosialisasi", "Partisipasi Masyarakat", "Pendidikan Pemilih"),
        "PP.06",
    ),
    (
        "Pembentukan Relawan Demokrasi dalam {pemilihan}",
        ("Partisipasi Masyarakat", "Relawan Demokrasi"),
        "PP.06",
    ),
    (
        "Penetapan Hasil Seleksi Calon Anggota Panitia Pemilihan Kecamatan dalam {pemilihan}",
        ("Badan Ad Hoc", "Seleksi"),
        "PP.04.1",
    ),
    (
        "Pembentukan Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum "
        "Komisi Pemilihan Umum {wilayah} Tahun {tahun}",
        ("JDIH", "Dokumentasi Hukum"),
        "HK.03.1",
    ),
    (
        "Penetapan Pejabat Pengelola Informasi dan Dokumentasi Komisi Pemilihan Umum {wilayah} "
        "Tahun {tahun}",
        ("Informasi Publik", "PPID"),
        "HM.02",
    ),
    (
        "Penetapan Daftar Informasi Publik Komisi Pemilihan Umum {wilayah} Tahun {tahun}",
        ("Informasi Publik",),
        "HM.02",
    ),
    (
        "Penetapan Standar Biaya Honorarium Badan Ad Hoc dalam {pemilihan}",
        ("Anggaran", "Honorarium", "Badan Ad Hoc"),
        "KU.02",
    ),
    (
        "Penetapan Rencana Kebutuhan Barang Milik Negara Tahun Anggaran {tahun}",
        ("Anggaran", "Barang Milik Negara"),
        "KU.04",
    ),
    (
        "Penetapan Hasil Verifikasi Faktual Dukungan Bakal Pasangan Calon Perseorangan {pilkada}",
        ("Pencalonan", "Calon Perseorangan", "Verifikasi"),
        "PL.02.3",
    ),
    (
        "Penetapan Lembaga Survei atau Jajak Pendapat dan Penghitungan Cepat dalam {pemilihan}",
        ("Partisipasi Masyarakat", "Survei", "Hitung Cepat"),
        "PP.06",
    ),
    (
        "Penetapan Pemungutan Suara Ulang di Tempat Pemungutan Suara {tps} Desa {desa} "
        "dalam {pemilihan}",
        ("Pemungutan Suara Ulang", "Pemungutan Suara"),
        "PL.02.6",
    ),
    (
        "Penetapan Tim Kampanye dan Penghubung Pasangan Calon {pilkada}",
        ("Kampanye",),
        "PL.02.5",
    ),
    (
        "Penetapan Lokasi Debat Publik Pasangan Calon {pilkada}",
        ("Kampanye", "Debat Publik"),
        "PL.02.5",
    ),
]

TEMA_PKPU = [
    ("Tahapan, Program, dan Jadwal Penyelenggaraan Pemilihan Umum Tahun {pemilu}", ("Tahapan",)),
    ("Pemutakhiran Data Pemilih dan Penyusunan Daftar Pemilih", ("Daftar Pemilih", "Pemilih")),
    ("Kampanye Pemilihan Umum", ("Kampanye",)),
    ("Dana Kampanye Pemilihan Umum", ("Dana Kampanye",)),
    (
        "Pencalonan Anggota Dewan Perwakilan Rakyat dan Dewan Perwakilan Rakyat Daerah",
        ("Pencalonan", "DPR", "DPRD"),
    ),
    (
        "Pencalonan Perseorangan Peserta Pemilihan Umum Anggota Dewan Perwakilan Daerah",
        ("Pencalonan", "DPD"),
    ),
    (
        "Pemungutan dan Penghitungan Suara dalam Pemilihan Umum",
        ("Pemungutan Suara", "Penghitungan Suara"),
    ),
    (
        "Rekapitulasi Hasil Penghitungan Perolehan Suara dan Penetapan Hasil Pemilihan Umum",
        ("Rekapitulasi", "Hasil Pemilihan"),
    ),
    ("Pembentukan dan Tata Kerja Badan Ad Hoc Penyelenggara Pemilihan Umum", ("Badan Ad Hoc",)),
    (
        "Penataan Daerah Pemilihan dan Alokasi Kursi Anggota Dewan Perwakilan Rakyat Daerah",
        ("Daerah Pemilihan", "Alokasi Kursi"),
    ),
    (
        "Pendaftaran, Verifikasi, dan Penetapan Partai Politik Peserta Pemilihan Umum",
        ("Partai Politik", "Verifikasi"),
    ),
    (
        "Norma, Standar, Prosedur, Kebutuhan Pengadaan dan Pendistribusian Perlengkapan "
        "Penyelenggaraan Pemilihan Umum",
        ("Logistik",),
    ),
    (
        "Pencalonan Gubernur dan Wakil Gubernur, Bupati dan Wakil Bupati, serta Wali Kota dan "
        "Wakil Wali Kota",
        ("Pencalonan", "Pemilihan Kepala Daerah"),
    ),
    ("Jaringan Dokumentasi dan Informasi Hukum Komisi Pemilihan Umum", ("JDIH",)),
    (
        "Pengelolaan dan Pelayanan Informasi Publik di Lingkungan Komisi Pemilihan Umum",
        ("Informasi Publik",),
    ),
    ("Partisipasi Masyarakat dalam Pemilihan Umum", ("Partisipasi Masyarakat", "Sosialisasi")),
    (
        "Tata Kerja Komisi Pemilihan Umum, Komisi Pemilihan Umum Provinsi, dan Komisi Pemilihan "
        "Umum Kabupaten/Kota",
        ("Tata Kerja", "Kelembagaan"),
    ),
    (
        "Kode Etik, Kode Perilaku, Sumpah/Janji, dan Pakta Integritas Penyelenggara Pemilihan Umum",
        ("Kode Etik", "Penyelenggara Pemilu"),
    ),
]

TEMA_SEKRETARIS = [
    (
        "Pedoman Tata Naskah Dinas di Lingkungan Sekretariat Jenderal Komisi Pemilihan Umum",
        ("Tata Naskah Dinas",),
        "HK.01",
    ),
    (
        "Penetapan Pejabat Perbendaharaan pada Satuan Kerja Sekretariat Jenderal Komisi Pemilihan "
        "Umum Tahun Anggaran {tahun}",
        ("Anggaran", "Perbendaharaan"),
        "KU.01",
    ),
    (
        "Pedoman Pengelolaan Arsip Dinamis di Lingkungan Sekretariat Jenderal "
        "Komisi Pemilihan Umum",
        ("Kearsipan",),
        "KA.01",
    ),
    (
        "Penetapan Kebutuhan Pegawai Pemerintah dengan Perjanjian Kerja Tahun {tahun}",
        ("Kepegawaian", "PPPK"),
        "SDM.01",
    ),
    (
        "Standar Pelayanan Informasi Publik Sekretariat Jenderal Komisi Pemilihan Umum",
        ("Informasi Publik", "Standar Pelayanan"),
        "HM.02",
    ),
    (
        "Pembentukan Tim Penilai Angka Kredit Jabatan Fungsional Tahun {tahun}",
        ("Kepegawaian", "Jabatan Fungsional"),
        "SDM.02",
    ),
    (
        "Pedoman Pengelolaan Barang Milik Negara di Lingkungan Komisi Pemilihan Umum",
        ("Barang Milik Negara",),
        "KU.04",
    ),
]

TEMA_SE = [
    (
        "Pelaksanaan Pemutakhiran Data Pemilih Berkelanjutan Tahun {tahun}",
        ("Daftar Pemilih", "Pemutakhiran Data Pemilih"),
        "PL.02.1",
    ),
    (
        "Penyampaian Laporan Penerimaan dan Pengeluaran Dana Kampanye dalam {pemilihan}",
        ("Dana Kampanye",),
        "PL.02.5",
    ),
    (
        "Pengelolaan Jaringan Dokumentasi dan Informasi Hukum di Lingkungan Komisi Pemilihan Umum",
        ("JDIH",),
        "HK.03.1",
    ),
    (
        "Penyelenggaraan Sosialisasi dan Pendidikan Pemilih Menjelang {pemilihan}",
        ("Sosialisasi", "Pendidikan Pemilih"),
        "PP.06",
    ),
    ("Netralitas Badan Ad Hoc dalam {pemilihan}", ("Badan Ad Hoc", "Netralitas"), "PP.04.1"),
    (
        "Penggunaan Sistem Informasi Rekapitulasi dalam {pemilihan}",
        ("Rekapitulasi", "Sistem Informasi"),
        "PL.02.6",
    ),
]

DASAR_HUKUM = [
    ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", 1945),
    (
        "Undang-Undang Nomor 12 Tahun 2003 tentang Pemilihan Umum Anggota Dewan Perwakilan "
        "Rakyat, Dewan Perwakilan Daerah, dan Dewan Perwakilan Rakyat Daerah",
        2003,
    ),
    ("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah", 2004),
    ("Undang-Undang Nomor 22 Tahun 2007 tentang Penyelenggara Pemilihan Umum", 2007),
    (
        "Undang-Undang Nomor 8 Tahun 2012 tentang Pemilihan Umum Anggota Dewan Perwakilan Rakyat, "
        "Dewan Perwakilan Daerah, dan Dewan Perwakilan Rakyat Daerah",
        2012,
    ),
    ("Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik", 2008),
    (
        "Undang-Undang Nomor 1 Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti "
        "Undang-Undang Nomor 1 Tahun 2014 tentang Pemilihan Gubernur, Bupati, dan Walikota menjadi "
        "Undang-Undang",
        2015,
    ),
    (
        "Undang-Undang Nomor 10 Tahun 2016 tentang Perubahan Kedua atas Undang-Undang Nomor 1 "
        "Tahun 2015",
        2016,
    ),
    ("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum", 2017),
    (
        "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja Komisi Pemilihan "
        "Umum, Komisi Pemilihan Umum Provinsi, dan Komisi Pemilihan Umum Kabupaten/Kota",
        2019,
    ),
    (
        "Peraturan Komisi Pemilihan Umum Nomor 7 Tahun 2022 tentang Penyusunan Daftar Pemilih "
        "dalam Penyelenggaraan Pemilihan Umum dan Sistem Informasi Data Pemilih",
        2022,
    ),
    (
        "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2022 tentang Pembentukan dan Tata Kerja "
        "Badan Ad Hoc Penyelenggara Pemilihan Umum dan Pemilihan Gubernur, Bupati, dan Wali Kota",
        2022,
    ),
    ("Peraturan Komisi Pemilihan Umum Nomor 15 Tahun 2023 tentang Kampanye Pemilihan Umum", 2023),
    (
        "Peraturan Komisi Pemilihan Umum Nomor 25 Tahun 2023 tentang Pemungutan dan Penghitungan "
        "Suara dalam Pemilihan Umum",
        2023,
    ),
    (
        "Peraturan Komisi Pemilihan Umum Nomor 2 Tahun 2024 tentang Tahapan dan Jadwal "
        "Penyelenggaraan Pemilihan Gubernur dan Wakil Gubernur, Bupati dan Wakil Bupati, serta "
        "Wali Kota dan Wakil Wali Kota Tahun 2024",
        2024,
    ),
]

MENIMBANG = [
    "bahwa untuk melaksanakan ketentuan {pasal} {dasar}, perlu {tindakan}",
    "bahwa dalam rangka menjamin kepastian hukum dan tertib administrasi penyelenggaraan "
    "{pemilihan}, perlu {tindakan}",
    "bahwa berdasarkan hasil rapat pleno {badan} tanggal {tgl_rapat}, telah disepakati "
    "{pokok} sebagai bagian dari tahapan {pemilihan}",
    "bahwa untuk kelancaran pelaksanaan tahapan {pemilihan} di {wilayah_teks}, perlu {tindakan}",
    "bahwa berdasarkan hasil evaluasi dan penelitian administrasi yang dilakukan oleh "
    "sekretariat, {pokok} telah memenuhi persyaratan sesuai ketentuan peraturan "
    "perundang-undangan",
    "bahwa sesuai dengan prinsip mandiri, jujur, adil, berkepastian hukum, tertib, terbuka, "
    "proporsional, profesional, akuntabel, efektif, dan efisien, {badan} perlu {tindakan}",
    "bahwa berdasarkan surat {badan_atas} Nomor {nomor_surat} perihal {perihal_surat}, "
    "{badan} perlu menindaklanjuti dengan {tindakan}",
    "bahwa Keputusan {badan} yang mengatur hal yang sama sudah tidak sesuai dengan "
    "perkembangan kebutuhan penyelenggaraan {pemilihan} sehingga perlu diganti",
]
TINDAKAN = [
    "menetapkan keputusan tentang {judul_kecil}",
    "mengatur {judul_kecil} dengan keputusan",
    "menetapkan {judul_kecil} dalam suatu keputusan",
]
DIKTUM = [
    "Menetapkan {pokok} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak "
    "terpisahkan dari Keputusan ini.",
    "{pokok_besar} sebagaimana dimaksud dalam Diktum KESATU menjadi pedoman bagi {pelaksana} "
    "dalam melaksanakan tahapan {pemilihan}.",
    "Jumlah {satuan} yang ditetapkan sebanyak {angka} ({angka_kata}) dan tersebar di "
    "{jumlah_kecamatan} kecamatan.",
    "Segala biaya yang timbul sebagai akibat ditetapkannya Keputusan ini dibebankan pada "
    "{anggaran}.",
    "{pelaksana_besar} melaporkan pelaksanaan Keputusan ini kepada {badan} paling lambat "
    "{hari} hari setelah tahapan selesai.",
    "Dalam hal terdapat perubahan data setelah Keputusan ini ditetapkan, perubahan tersebut "
    "ditetapkan dengan berita acara rapat pleno {badan}.",
    "Salinan Keputusan ini disampaikan kepada {badan_atas}, Badan Pengawas Pemilihan Umum "
    "setempat, dan pihak terkait untuk diketahui dan dilaksanakan.",
    "Dengan berlakunya Keputusan ini, Keputusan {badan} Nomor {nomor_lama} dicabut dan "
    "dinyatakan tidak berlaku.",
    "Keputusan ini diumumkan melalui laman Jaringan Dokumentasi dan Informasi Hukum {badan} "
    "dan papan pengumuman kantor agar diketahui masyarakat.",
]
PELAKSANA = [
    "Panitia Pemilihan Kecamatan",
    "Panitia Pemungutan Suara",
    "Kelompok Penyelenggara Pemungutan Suara",
    "Sekretariat",
    "Divisi Teknis Penyelenggaraan",
    "Divisi Hukum dan Pengawasan",
    "Divisi Perencanaan, Data, dan Informasi",
    "Divisi Sosialisasi, Pendidikan Pemilih, dan Partisipasi Masyarakat",
]
SATUAN = [
    "Tempat Pemungutan Suara",
    "pemilih dalam daftar pemilih tetap",
    "anggota Panitia Pemungutan Suara",
    "lokasi pemasangan alat peraga kampanye",
    "surat suara cadangan",
]
ANGKA_KATA = "nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split()
DESA = (
    "Sukamaju Sukarame Mekarsari Sidomulyo Karanganyar Tanjungsari Sumbersari Margamulya "
    "Harapan Jaya Air Hitam Sungai Rambai Batu Ampar Lubuk Raya Pasir Putih Tanah Merah"
).split()


def angka_kata(n: int) -> str:
    """Indonesian number words, enough for the counts a decision names."""
    if n < 12:
        return ANGKA_KATA[n]
    if n < 20:
        return f"{ANGKA_KATA[n - 10]} belas"
    if n < 100:
        puluh, sisa = divmod(n, 10)
        kata = "sepuluh" if puluh == 1 else f"{ANGKA_KATA[puluh]} puluh"
        return kata if not sisa else f"{kata} {ANGKA_KATA[sisa]}"
    if n < 200:
        return "seratus" + (f" {angka_kata(n - 100)}" if n > 100 else "")
    if n < 1000:
        ratus, sisa = divmod(n, 100)
        return f"{ANGKA_KATA[ratus]} ratus" + (f" {angka_kata(sisa)}" if sisa else "")
    if n < 2000:
        return "seribu" + (f" {angka_kata(n - 1000)}" if n > 1000 else "")
    ribu, sisa = divmod(n, 1000)
    return f"{angka_kata(ribu)} ribu" + (f" {angka_kata(sisa)}" if sisa else "")


def _berikut(daftar, tahun):
    for t in daftar:
        if t >= tahun:
            return t
    return daftar[-1]


def _pilkada(kantor: Kantor, tahun: int) -> str:
    t = _berikut(PILKADA, tahun)
    inti = kantor.wilayah.removeprefix("Kabupaten ").removeprefix("Kota ")
    inti = inti.removeprefix("Administrasi ")
    if kantor.tingkat == "pusat":
        if t >= 2015:
            return f"Pemilihan Gubernur, Bupati, dan Wali Kota Serentak Tahun {t}"
        return f"Pemilihan Umum Kepala Daerah dan Wakil Kepala Daerah Tahun {t}"
    if kantor.tingkat == "provinsi":
        return f"Pemilihan Gubernur dan Wakil Gubernur {kantor.wilayah} Tahun {t}"
    if kantor.wilayah.startswith("Kota"):
        return f"Pemilihan Wali Kota dan Wakil Wali Kota {inti} Tahun {t}"
    return f"Pemilihan Bupati dan Wakil Bupati {inti} Tahun {t}"


def _wilayah_judul(kantor: Kantor) -> str:
    if kantor.tingkat == "provinsi":
        return f"Provinsi {kantor.wilayah}"
    return kantor.wilayah


class Pembangkit:
    """Builds one product's fields at a time; holds the numbering counters,
    so one instance makes one catalogue (numbers unique per office, jenis and year)."""

    def __init__(self, seed: int, sekarang: datetime):
        self.r = random.Random(seed)
        self.sekarang = sekarang
        self.urut: dict[tuple, int] = {}
        tahun = [t for t in BOBOT_TAHUN if t <= sekarang.year]
        self._tahun = tahun
        self._bobot_tahun = [BOBOT_TAHUN[t] for t in tahun]

    # --- pieces ---------------------------------------------------------

    def nama_orang(self) -> str:
        r = self.r
        return f"{r.choice(NAMA_DEPAN)} {r.choice(NAMA_BELAKANG)}"

    def tahun(self) -> int:
        return self.r.choices(self._tahun, self._bobot_tahun)[0]

    def tanggal(self, tahun: int) -> date:
        awal = date(tahun, 1, 2)
        akhir = min(date(tahun, 12, 30), self.sekarang.date() - timedelta(days=1))
        return awal + timedelta(days=self.r.randrange(max(1, (akhir - awal).days)))

    def nomor(self, kantor: Kantor, singkatan: str, tahun: int, klasifikasi: str) -> str:
        kunci = (kantor.slug, singkatan, tahun)
        n = self.urut.get(kunci, self.r.randrange(1, 15)) + self.r.randrange(1, 5)
        self.urut[kunci] = n
        if singkatan == "PKPU":
            return str(n)
        if singkatan == "SE":
            return f"{n}/{klasifikasi}-SD/{kantor.kode_naskah}/{tahun}"
        if singkatan == "Kpts Sekretaris":
            return f"{n}/{klasifikasi}-Kpt/04/SJ/{tahun}"
        if tahun >= 2019:
            return f"{n}/{klasifikasi}-Kpt/{kantor.kode_naskah}/{tahun}"
        # Before the 2019 Tata Naskah Dinas the office code came first.
        if kantor.tingkat == "pusat":
            return f"{n}/Kpts/KPU/TAHUN {tahun}"
        if kantor.tingkat == "provinsi":
            return f"{n}/Kpts/KPU-Prov-{kantor.kode}/{tahun}"
        jenis = "Kota" if kantor.wilayah.startswith("Kota") else "Kab"
        return f"{n}/Kpts/KPU-{jenis}-{kantor.kode.replace('.', '')}/{tahun}"

    # --- one product ---------------------------------------------------------

    def produk(
        self, kantor: Kantor, singkatan: str, nama_jenis: str, badan: str, provinsi: str = ""
    ) -> dict:
        """The catalogue fields and the naskah text of one decision of ``kantor``."""
        r = self.r
        tahun = self.tahun()
        pemilu = _berikut(PEMILU, tahun)
        pilkada = _pilkada(kantor, tahun)
        pemilihan = r.choice((f"Pemilihan Umum Tahun {pemilu}", pilkada))
        if tahun < 2005:
            pemilihan = f"Pemilihan Umum Tahun {pemilu}"
            pilkada = pemilihan
        isian = {
            "pemilihan": pemilihan,
            "pilkada": pilkada,
            "pemilu": pemilu,
            "wilayah": _wilayah_judul(kantor),
            "tahun": tahun,
            "smt": r.choice(("I", "II")),
            "kecamatan": r.choice(DESA) + " " + r.choice(("Barat", "Timur", "Utara", "Selatan")),
            "tps": r.randrange(1, 40),
            "desa": r.choice(DESA),
            "provinsi": provinsi,
        }
        if singkatan == "PKPU":
            templat, subjek = r.choice(TEMA_PKPU)
            klasifikasi, bidang = "HK.03.1", "Hukum Tata Negara"
        elif singkatan == "Kpts Sekretaris":
            templat, subjek, klasifikasi = r.choice(TEMA_SEKRETARIS)
            bidang = "Hukum Administrasi Negara"
        elif singkatan == "SE":
            templat, subjek, klasifikasi = r.choice(TEMA_SE)
            bidang = "Hukum Administrasi Negara"
        else:
            templat, subjek, klasifikasi = r.choice(TEMA_DAERAH)
            bidang = "Hukum Tata Negara"
        judul = templat.format(**isian)
        if r.random() < 0.06:
            judul = (
                f"Perubahan atas {nama_jenis} Nomor {r.randrange(1, 400)} Tahun {tahun} "
                f"tentang {judul}"
            )
        nomor = self.nomor(kantor, singkatan, tahun, klasifikasi)
        tanggal = self.tanggal(tahun)
        dasar = [d for d, t in DASAR_HUKUM if t <= tahun]
        pilih = sorted(r.sample(range(1, len(dasar)), min(len(dasar) - 1, r.randrange(2, 5))))
        mengingat = [dasar[0], *(dasar[i] for i in pilih)]
        penandatangan = f"Ketua {self.nama_orang()}"
        bentuk = {
            "PKPU": "PERATURAN KOMISI PEMILIHAN UMUM",
            "Kpts Sekretaris": "KEPUTUSAN SEKRETARIS JENDERAL KOMISI PEMILIHAN UMUM",
            "SE": f"SURAT EDARAN {badan.upper()}",
        }.get(singkatan, f"KEPUTUSAN {badan.upper()}")
        teks = self.naskah(
            kantor, badan, bentuk, nomor, judul, tanggal, isian, mengingat, penandatangan
        )
        pokok = judul[0].lower() + judul[1:]
        abstrak = [
            f"{nama_jenis} ini menetapkan {pokok}.",
            f"Keputusan menjadi pedoman bagi {r.choice(PELAKSANA)} dalam tahapan {pemilihan}.",
        ]
        if r.random() < 0.5:
            abstrak.append(
                f"Biaya pelaksanaan dibebankan pada DIPA {badan} Tahun Anggaran {tahun}."
            )
        tidak_berlaku = r.random() < (0.35 if tahun < 2015 else 0.08)
        terbit = self._waktu_terbit(tanggal)
        return {
            "judul": judul,
            "nomor": nomor,
            "tahun": tahun,
            "tempat_penetapan": kantor.tempat,
            "tanggal_penetapan": tanggal,
            "tanggal_pengundangan": tanggal + timedelta(days=r.randrange(1, 8))
            if singkatan == "PKPU"
            else None,
            "sumber": f"Berita Negara Republik Indonesia Tahun {tahun} Nomor {r.randrange(1, 1500)}"
            if singkatan == "PKPU"
            else f"JDIH {badan}",
            "subjek": list(subjek),
            "status": "tidak-berlaku" if tidak_berlaku else "berlaku",
            "keterangan_status": (
                f"Dicabut dengan {nama_jenis} Nomor {r.randrange(1, 400)} Tahun "
                f"{min(tahun + r.randrange(1, 4), self.sekarang.year)}"
            )
            if tidak_berlaku
            else "",
            "bidang_hukum": bidang,
            "penandatangan": penandatangan,
            "pemrakarsa": r.choice(PELAKSANA[3:]),
            "abstrak": "\n".join(abstrak),
            "abstrak_dasar_hukum": "\n".join(mengingat),
            "abstrak_catatan": "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            "diterbitkan_pada": terbit,
            "jumlah_dilihat": int(r.paretovariate(1.2) * 20),
            "jumlah_unduhan": int(r.paretovariate(1.3) * 4),
            "teks": teks,
        }

    def _waktu_terbit(self, tanggal: date) -> datetime:
        """Decisions go online days after signing; those signed before the
        offices had a JDIH site were digitised from 2014 on."""
        r = self.r
        hari = tanggal + timedelta(days=r.randrange(1, 15))
        if hari.year < 2014:
            hari = date(2014, 1, 6) + timedelta(days=r.randrange(0, 365 * 4))
        jam = time(r.randrange(8, 16), r.randrange(60), r.randrange(60))
        pada = datetime.combine(hari, jam, tzinfo=ZoneInfo("Asia/Jakarta"))
        batas = self.sekarang - timedelta(hours=1)
        return min(pada, batas)

    def naskah(
        self, kantor, badan, bentuk, nomor, judul, tanggal, isian, mengingat, penandatangan
    ) -> str:
        r = self.r
        tahun = isian["tahun"]
        judul_kecil = judul[0].lower() + judul[1:]
        # "Menetapkan penetapan …" reads badly: the diktum names the thing itself.
        pokok = judul.removeprefix("Penetapan ")
        pokok = pokok[0].lower() + pokok[1:]
        badan_atas = "Komisi Pemilihan Umum" + (
            f" Provinsi {isian['provinsi']}" if kantor.tingkat == "kabupaten-kota" else ""
        )
        wilayah_teks = (
            "seluruh wilayah Indonesia" if kantor.tingkat == "pusat" else isian["wilayah"]
        )
        isi = {
            **isian,
            "badan": badan,
            "badan_atas": badan_atas,
            "wilayah_teks": wilayah_teks,
            "pasal": f"Pasal {r.randrange(5, 450)} ayat ({r.randrange(1, 6)})",
            "dasar": mengingat[-1].split(" tentang ")[0],
            "judul_kecil": judul_kecil,
            "pokok": pokok,
            "pokok_besar": judul,
            "tgl_rapat": tanggal_indonesia(tanggal - timedelta(days=r.randrange(1, 10))),
            "nomor_surat": f"{r.randrange(1, 3000)}/PL.02-SD/{r.randrange(1, 99):02d}/{tahun}",
            "perihal_surat": r.choice(
                ("Tindak Lanjut Tahapan", "Penyampaian Data", "Pedoman Teknis", "Percepatan")
            )
            + " "
            + isian["pemilihan"],
            "pelaksana": r.choice(PELAKSANA),
            "pelaksana_besar": r.choice(PELAKSANA),
            "satuan": r.choice(SATUAN),
            "anggaran": f"Daftar Isian Pelaksanaan Anggaran {badan} Tahun Anggaran {tahun}",
            "hari": r.choice((3, 7, 14, 30)),
            "nomor_lama": f"{r.randrange(1, 300)}/Kpts/{tahun - 1}",
            "jumlah_kecamatan": r.randrange(3, 40),
        }
        angka = r.randrange(12, 2400)
        isi["angka"], isi["angka_kata"] = f"{angka:,}".replace(",", "."), angka_kata(angka)
        isi["tindakan"] = r.choice(TINDAKAN).format(**isi)
        menimbang = r.sample(MENIMBANG, r.randrange(2, 4))
        bagian = [
            bentuk,
            f"NOMOR {nomor}",
            "TENTANG",
            judul.upper(),
            f"{badan.upper()},",
            "Menimbang:",
        ]
        huruf = "abcdefg"
        for i, m in enumerate(menimbang):
            bagian.append(f"{huruf[i]}. {m.format(**isi)};")
        bagian.append(
            f"{huruf[len(menimbang)]}. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam "
            f"huruf a sampai dengan huruf {huruf[len(menimbang) - 1]}, perlu menetapkan "
            f"{bentuk.title()} tentang {judul};"
        )
        bagian.append("Mengingat:")
        for i, m in enumerate(mengingat, start=1):
            bagian.append(f"{i}. {m};")
        bagian += ["MEMUTUSKAN:", f"Menetapkan: {bentuk} TENTANG {judul.upper()}."]
        urutan = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH"]
        diktum = [DIKTUM[0], *r.sample(DIKTUM[1:], r.randrange(2, 5))]
        for i, d in enumerate(diktum):
            bagian.append(f"{urutan[i]}: {d.format(**isi)}")
        bagian.append(
            f"{urutan[len(diktum)]}: Keputusan ini mulai berlaku pada tanggal ditetapkan."
        )
        bagian += [
            f"Ditetapkan di {kantor.tempat}",
            f"pada tanggal {tanggal_indonesia(tanggal)}",
            f"KETUA {badan.upper()},",
            penandatangan.removeprefix("Ketua ").upper(),
        ]
        return "\n".join(bagian)
