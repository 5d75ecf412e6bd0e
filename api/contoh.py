"""Example responses of the API, for the schema and the documentation page.
tests/test_api_skema.py checks each against its schema, so they cannot drift
from what the API answers. HOST stands for the site's own address; the
documentation page shows the real one."""

HOST = "https://jdih.contoh.go.id"

SATKER_RINGKAS = {
    "slug": "kotawaringin-timur",
    "nama": "KPU Kabupaten Kotawaringin Timur",
    "url_halaman": f"{HOST}/kotawaringin-timur/",
}

PRODUK_RINGKAS = {
    "id": 128,
    "url": f"{HOST}/api/v1/produk/128/",
    "url_halaman": f"{HOST}/kotawaringin-timur/produk/128-kpts-kpu-kab-12pl01-kpt62022024-2024/",
    "satker": SATKER_RINGKAS,
    "jenis": {"id": 4, "nama": "Keputusan KPU Kabupaten/Kota", "singkatan": "Kpts KPU Kab"},
    "tipe_dokumen": "peraturan",
    "nomor": "12/PL.01-Kpt/6202/2024",
    "tahun": 2024,
    "judul": (
        "Penetapan Daftar Pemilih Tetap Pemilihan Bupati dan Wakil Bupati "
        "Kotawaringin Timur Tahun 2024"
    ),
    "tanggal_penetapan": "2024-09-20",
    "tanggal_pengundangan": None,
    "status": "berlaku",
    "keterangan_status": "",
    "bidang_hukum": "Hukum Tata Negara",
    "subjek": ["Daftar Pemilih", "Pemilihan Kepala Daerah"],
    "diterbitkan_pada": "2024-09-21T09:15:00+07:00",
    "diperbarui_pada": "2024-10-02T14:03:11+07:00",
}

PRODUK_LAMA = {
    **PRODUK_RINGKAS,
    "id": 97,
    "url": f"{HOST}/api/v1/produk/97/",
    "url_halaman": f"{HOST}/kotawaringin-timur/produk/97-kpts-kpu-kab-5pl01-kpt62022024-2024/",
    "nomor": "5/PL.01-Kpt/6202/2024",
    "judul": (
        "Penetapan Daftar Pemilih Sementara Pemilihan Bupati dan Wakil Bupati "
        "Kotawaringin Timur Tahun 2024"
    ),
    "tanggal_penetapan": "2024-07-19",
    "status": "tidak-berlaku",
    "keterangan_status": "Dicabut dengan Kpts KPU Kab Nomor 12/PL.01-Kpt/6202/2024",
    "diterbitkan_pada": "2024-07-20T10:00:00+07:00",
    "diperbarui_pada": "2024-09-21T09:15:00+07:00",
}

DASAR_UNDUH = f"{HOST}/kotawaringin-timur/produk/128-kpts-kpu-kab-12pl01-kpt62022024-2024"

RELASI = [
    {
        "hubungan": "mencabut",
        "arah": "keluar",
        "label": "Mencabut",
        "keterangan": "",
        "produk": PRODUK_LAMA,
    }
]

VERSI = [
    {
        "nomor_versi": 2,
        "diterbitkan_pada": "2024-10-02T14:03:11+07:00",
        "keterangan_perbaikan": "Perbaikan salah ketik jumlah pemilih pada Diktum KESATU.",
        "jumlah_halaman": 4,
        "ukuran": 182344,
        "berlaku_sekarang": True,
        "url_unduh": f"{DASAR_UNDUH}/versi/2/unduh/",
    },
    {
        "nomor_versi": 1,
        "diterbitkan_pada": "2024-09-21T09:15:00+07:00",
        "keterangan_perbaikan": "",
        "jumlah_halaman": 4,
        "ukuran": 181020,
        "berlaku_sekarang": False,
        "url_unduh": f"{DASAR_UNDUH}/versi/1/unduh/",
    },
]

LAMPIRAN = [
    {
        "id": 31,
        "urutan": 1,
        "judul": "Rekapitulasi daftar pemilih tetap per kecamatan",
        "nomor_versi": 1,
        "diterbitkan_pada": "2024-09-21T09:15:00+07:00",
        "keterangan_perbaikan": "",
        "jumlah_halaman": 12,
        "ukuran": 402117,
        "url_unduh": (
            f"{DASAR_UNDUH}/lampiran/31/kpts-kpu-kab-12pl01-kpt62022024-2024-lampiran-1.pdf"
        ),
    }
]

PRODUK_DETAIL = {
    **PRODUK_RINGKAS,
    "teu_badan": "Indonesia. Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
    "tempat_penetapan": "Sampit",
    "sumber": "",
    "bahasa": "Indonesia",
    "lokasi": "Subbagian Hukum dan SDM KPU Kabupaten Kotawaringin Timur",
    "penandatangan": "Ketua KPU Kabupaten Kotawaringin Timur",
    "pemrakarsa": "Divisi Perencanaan, Data, dan Informasi",
    "abstrak": {
        "pokok_isi": [
            "Menetapkan daftar pemilih tetap sebanyak 312.604 pemilih di 17 kecamatan.",
            "Daftar pemilih tetap menjadi dasar penyediaan logistik pemungutan suara.",
        ],
        "dasar_hukum": [
            "Undang-Undang Nomor 10 Tahun 2016 tentang Pemilihan Gubernur, Bupati, dan Wali Kota.",
            "Peraturan KPU Nomor 7 Tahun 2024 tentang Penyusunan Daftar Pemilih.",
        ],
        "catatan": ["Keputusan ini mulai berlaku pada tanggal ditetapkan."],
        "url_pdf": f"{DASAR_UNDUH}/abstrak/abstrak-kpts-kpu-kab-12pl01-kpt62022024-2024.pdf",
    },
    "bidang_tipe": {},
    "naskah": {
        "nomor_versi": 2,
        "jumlah_halaman": 4,
        "ukuran": 182344,
        "diterbitkan_pada": "2024-10-02T14:03:11+07:00",
        "url_unduh": f"{DASAR_UNDUH}/unduh/",
    },
    "relasi": RELASI,
    "versi": VERSI,
    "lampiran": LAMPIRAN,
    "tautan": {
        "relasi": f"{HOST}/api/v1/produk/128/relasi/",
        "versi": f"{HOST}/api/v1/produk/128/versi/",
        "lampiran": f"{HOST}/api/v1/produk/128/lampiran/",
    },
}

HALAMAN_PRODUK = {
    "jumlah": 41,
    "jumlah_terbatas": False,
    "halaman": 1,
    "jumlah_halaman": 3,
    "per_halaman": 20,
    "sebelumnya": None,
    "berikutnya": f"{HOST}/api/v1/produk/?q=pemilih&tahun=2024&halaman=2",
    "hasil": [PRODUK_RINGKAS],
}

SATKER = {
    "hasil": [
        {
            **SATKER_RINGKAS,
            "tingkat": "kabupaten-kota",
            "induk": "kalimantan-tengah",
            "teu_badan": "Indonesia. Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
            "jumlah_produk": 38,
        }
    ]
}

JENIS = {
    "hasil": [
        {
            "id": 4,
            "nama": "Keputusan KPU Kabupaten/Kota",
            "singkatan": "Kpts KPU Kab",
            "tipe_dokumen": "peraturan",
            "jumlah_produk": 212,
        }
    ]
}

AKAR = {
    "nama": "API Terbuka JDIH KPU",
    "versi": "1",
    "dokumentasi": f"{HOST}/api/",
    "skema": f"{HOST}/api/v1/skema.json",
    "sumber_daya": {
        "produk": f"{HOST}/api/v1/produk/",
        "satker": f"{HOST}/api/v1/satker/",
        "jenis": f"{HOST}/api/v1/jenis/",
    },
}

GALAT_400 = {
    "kode": "parameter_tidak_valid",
    "pesan": "Parameter permintaan tidak valid; lihat rincian per parameter.",
    "rincian": {
        "tahun": ["Pilih pilihan yang valid. 1850 bukan salah satu dari pilihan yang tersedia."],
        "per_halaman": ["Isi bilangan bulat 1–100."],
    },
}

GALAT_404 = {"kode": "tidak_ditemukan", "pesan": "Produk hukum tidak ditemukan."}

GALAT_404_DIPERBAIKI = {
    "kode": "sedang_diperbaiki",
    "pesan": (
        "Produk hukum ini untuk sementara diturunkan karena sedang diperbaiki. "
        "Naskahnya akan tersedia kembali setelah perbaikan selesai."
    ),
}

GALAT_404_HALAMAN = {
    "kode": "halaman_tidak_ada",
    "pesan": "Halaman 9 tidak ada; halaman terakhir adalah 3.",
}

GALAT_429 = {
    "kode": "terlalu_banyak_permintaan",
    "pesan": "Terlalu banyak permintaan dari alamat Anda. Silakan coba lagi dalam 23 detik.",
}
