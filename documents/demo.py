"""Demo catalogue: the offices of the SOPs, the common jenis of KPU legal
products, and published sample products with generated PDFs.

Idempotent: a product is keyed by (satker, jenis, nomor, tahun); loading again
adds nothing.
"""

import io
from datetime import date

from django.db import transaction

from .berkas import simpan_versi
from .contoh_pdf import NaskahKeputusan, pdf_keputusan
from .models import (
    Jenis,
    JenisRelasi,
    ProdukHukum,
    RelasiProduk,
    Satker,
    StatusBerlaku,
    TipeDokumen,
)
from .publikasi import terbitkan

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
    # slug, nama, tingkat, induk, teu_badan, tempat, zona
    (
        "kpu-ri",
        "Komisi Pemilihan Umum Republik Indonesia",
        Satker.Tingkat.PUSAT,
        None,
        "Komisi Pemilihan Umum",
        "Jakarta",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "kalimantan-barat",
        "KPU Provinsi Kalimantan Barat",
        Satker.Tingkat.PROVINSI,
        "kpu-ri",
        "Komisi Pemilihan Umum Provinsi Kalimantan Barat",
        "Pontianak",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "kalimantan-tengah",
        "KPU Provinsi Kalimantan Tengah",
        Satker.Tingkat.PROVINSI,
        "kpu-ri",
        "Komisi Pemilihan Umum Provinsi Kalimantan Tengah",
        "Palangka Raya",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "kotawaringin-timur",
        "KPU Kabupaten Kotawaringin Timur",
        Satker.Tingkat.KABUPATEN_KOTA,
        "kalimantan-tengah",
        "Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
        "Sampit",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "payakumbuh",
        "KPU Kota Payakumbuh",
        Satker.Tingkat.KABUPATEN_KOTA,
        "kpu-ri",
        "Komisi Pemilihan Umum Kota Payakumbuh",
        "Payakumbuh",
        Satker.ZonaWaktu.WIB,
    ),
    (
        "sorong-selatan",
        "KPU Kabupaten Sorong Selatan",
        Satker.Tingkat.KABUPATEN_KOTA,
        "kpu-ri",
        "Komisi Pemilihan Umum Kabupaten Sorong Selatan",
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
    ("Putusan", "Putusan Pengadilan/DKPP", TipeDokumen.PUTUSAN),
    ("Monografi", "Monografi Hukum", TipeDokumen.MONOGRAFI),
    ("Artikel", "Artikel Hukum", TipeDokumen.ARTIKEL),
]

# Titles of the kind every office issues in an election cycle.
JUDUL = [
    ("Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun {tahun}", "Pemilih; DPT; Pemilu"),
    (
        "Penetapan Rekapitulasi Hasil Penghitungan Suara Pemilihan Umum Anggota Dewan "
        "Perwakilan Rakyat Daerah Tahun {tahun}",
        "Rekapitulasi; Hasil Pemilu",
    ),
    ("Pembentukan Panitia Pemilihan Kecamatan Pada Pemilihan Tahun {tahun}", "Badan Ad Hoc; PPK"),
    (
        "Penetapan Jumlah dan Lokasi Tempat Pemungutan Suara Pemilihan Umum Tahun {tahun}",
        "TPS; Pemungutan Suara",
    ),
    (
        "Penetapan Pasangan Calon Bupati dan Wakil Bupati Pada Pemilihan Tahun {tahun}",
        "Pencalonan; Pilkada",
    ),
    ("Pembentukan Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum", "JDIH; Organisasi"),
    (
        "Standar Operasional Prosedur Pengunggahan dan Penurunan Dokumen Produk Hukum "
        "pada Laman JDIH",
        "SOP; JDIH",
    ),
    (
        "Penetapan Calon Terpilih Anggota Dewan Perwakilan Rakyat Daerah Hasil Pemilihan "
        "Umum Tahun {tahun}",
        "Calon Terpilih; DPRD",
    ),
    (
        "Besaran Honorarium Badan Ad Hoc Penyelenggara Pemilihan Umum Tahun {tahun}",
        "Honorarium; Keuangan",
    ),
    (
        "Pedoman Teknis Pelaksanaan Kampanye Pemilihan Umum Tahun {tahun}",
        "Kampanye; Pedoman Teknis",
    ),
]

BIDANG = ["Hukum Tata Negara", "Hukum Administrasi Negara", "Hukum Pemilu"]

KODE_SATKER = {
    "kpu-ri": "KPU",
    "kalimantan-barat": "61/KPU-Prov",
    "kalimantan-tengah": "62/KPU-Prov",
    "kotawaringin-timur": "6202/KPU-Kab",
    "payakumbuh": "1376/KPU-Kot",
    "sorong-selatan": "9204/KPU-Kab",
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


def muat_satker() -> dict[str, Satker]:
    hasil = {}
    for slug, nama, tingkat, induk, teu, tempat, zona in SATKER:
        satker, _ = Satker.objects.update_or_create(
            slug=slug,
            defaults={
                "nama": nama,
                "tingkat": tingkat,
                "induk": hasil.get(induk),
                "teu_badan": teu,
                "tempat": tempat,
                "zona_waktu": zona,
            },
        )
        hasil[slug] = satker
    return hasil


def muat_jenis() -> dict[str, Jenis]:
    hasil = {}
    for urutan, (singkatan, nama, tipe) in enumerate(JENIS, start=1):
        jenis, _ = Jenis.objects.update_or_create(
            singkatan=singkatan, defaults={"nama": nama, "tipe_dokumen": tipe, "urutan": urutan}
        )
        hasil[singkatan] = jenis
    return hasil


def _produk(satker, jenis, nomor, tahun, judul, subjek, tanggal, penandatangan, **lain):
    """Get or create one published sample product with its PDF."""
    produk, dibuat = ProdukHukum.objects.get_or_create(
        satker=satker,
        jenis=jenis,
        nomor=nomor,
        tahun=tahun,
        defaults={
            "tipe_dokumen": jenis.tipe_dokumen,
            "judul": judul,
            "subjek": subjek,
            "tanggal_penetapan": tanggal,
            "tanggal_pengundangan": lain.pop("tanggal_pengundangan", None),
            "sumber": lain.pop("sumber", f"JDIH {satker.nama}"),
            "bidang_hukum": lain.pop("bidang_hukum", BIDANG[tahun % len(BIDANG)]),
            "penandatangan": penandatangan,
            "pemrakarsa": lain.pop("pemrakarsa", "Sub Bagian Hukum dan SDM"),
            "lokasi": f"Ruang Arsip Sub Bagian Hukum dan SDM {satker.nama}",
            "abstrak": lain.pop(
                "abstrak",
                f"Keputusan ini mengatur {judul[0].lower() + judul[1:]} di wilayah kerja "
                f"{satker.nama} sebagai pedoman bagi penyelenggara pemilihan umum.",
            ),
            **lain,
        },
    )
    if dibuat or not produk.versi.exists():
        naskah = NaskahKeputusan(
            teu_badan=satker.teu_badan,
            nomor=nomor,
            tahun=tahun,
            judul=judul,
            tempat=satker.tempat,
            tanggal=tanggal_indonesia(tanggal),
            penandatangan=penandatangan.split()[0].upper(),
            nama_penandatangan=penandatangan.upper(),
            halaman_tambahan=tahun % 3,
        )
        versi = simpan_versi(
            produk, io.BytesIO(pdf_keputusan(naskah)), nama_asli=f"{jenis.singkatan}-{nomor}.pdf"
        )
        terbitkan(produk, versi)
    return produk, dibuat


PENANDATANGAN = {
    "kpu-ri": "Ketua Mochammad Afifuddin",
    "kalimantan-barat": "Ketua Ramdan",
    "kalimantan-tengah": "Ketua Sastriadi",
    "kotawaringin-timur": "Ketua Siti Fathonah",
    "payakumbuh": "Ketua Yunaldi",
    "sorong-selatan": "Ketua Yohanis Sarefa",
}


@transaction.atomic
def muat_katalog() -> dict[str, int]:
    satker = muat_satker()
    jenis = muat_jenis()
    baru = 0
    per_satker: dict[str, list[ProdukHukum]] = {}
    for s_index, (slug, s) in enumerate(satker.items()):
        j = jenis[singkatan_jenis_untuk(s)]
        daftar = []
        for k in range(6):
            tahun = 2019 + (k + s_index) % 6
            judul, subjek = JUDUL[(k + s_index * 3) % len(JUDUL)]
            urut = 10 + k * 7 + s_index
            nomor = nomor_keputusan(urut, slug, tahun)
            tanggal = date(tahun, 1 + (k * 2 + s_index) % 12, 1 + (k * 5 + s_index) % 27)
            produk, dibuat = _produk(
                s,
                j,
                nomor,
                tahun,
                judul.format(tahun=tahun),
                subjek,
                tanggal,
                PENANDATANGAN[slug],
            )
            baru += dibuat
            daftar.append(produk)
        per_satker[slug] = daftar

    # KPU RI's regulations that the offices' decisions carry out (melaksanakan).
    ri = satker["kpu-ri"]
    pkpu, dibuat = _produk(
        ri,
        jenis["PKPU"],
        "7",
        2022,
        "Perubahan atas Peraturan Komisi Pemilihan Umum Nomor 3 Tahun 2022 tentang Tahapan "
        "dan Jadwal Penyelenggaraan Pemilihan Umum Tahun 2024",
        "Tahapan; Jadwal; Pemilu 2024",
        date(2022, 12, 9),
        PENANDATANGAN["kpu-ri"],
        tanggal_pengundangan=date(2022, 12, 12),
        sumber="Berita Negara Republik Indonesia Tahun 2022 Nomor 1254",
    )
    baru += dibuat
    pkpu_lama, dibuat = _produk(
        ri,
        jenis["PKPU"],
        "3",
        2022,
        "Tahapan dan Jadwal Penyelenggaraan Pemilihan Umum Tahun 2024",
        "Tahapan; Jadwal; Pemilu 2024",
        date(2022, 6, 9),
        PENANDATANGAN["kpu-ri"],
        tanggal_pengundangan=date(2022, 6, 9),
        sumber="Berita Negara Republik Indonesia Tahun 2022 Nomor 540",
    )
    baru += dibuat
    _relasi(pkpu, JenisRelasi.MENGUBAH, pkpu_lama)
    _, dibuat = _produk(
        ri,
        jenis["SE"],
        "1",
        2023,
        "Pelaksanaan Pengelolaan Jaringan Dokumentasi dan Informasi Hukum di Lingkungan KPU",
        "JDIH; Surat Edaran",
        date(2023, 2, 14),
        PENANDATANGAN["kpu-ri"],
    )
    baru += dibuat

    for slug, daftar in per_satker.items():
        if slug == "kpu-ri":
            continue
        _relasi(daftar[0], JenisRelasi.MELAKSANAKAN, pkpu)
        # Each office revoked one of its own earlier decisions: it is Tidak Berlaku.
        lama, baru_ = sorted(daftar[1:3], key=lambda p: (p.tahun, p.pk))
        if lama.tahun < baru_.tahun:
            _relasi(baru_, JenisRelasi.MENCABUT, lama)
        else:
            _relasi(daftar[3], JenisRelasi.MENGUBAH, daftar[4])
    # A status set by hand, not by a relation: a decision whose term has ended.
    kedaluwarsa = per_satker["sorong-selatan"][5]
    if kedaluwarsa.status == StatusBerlaku.BERLAKU and not kedaluwarsa.keterangan_status:
        kedaluwarsa.status = StatusBerlaku.TIDAK_BERLAKU
        kedaluwarsa.keterangan_status = "Masa berlaku berakhir setelah tahapan pemilihan selesai."
        kedaluwarsa.save(update_fields=["status", "keterangan_status"])

    return {
        "satker": len(satker),
        "jenis": len(jenis),
        "produk": ProdukHukum.objects.count(),
        "baru": baru,
    }


def _relasi(sumber, jenis, target):
    RelasiProduk.objects.get_or_create(sumber=sumber, jenis=jenis, target=target)
