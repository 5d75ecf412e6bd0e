"""The questionnaire of the Survei Kepuasan Masyarakat (PermenPAN-RB No. 14
Tahun 2017): its nine elements, each answered on a scale of 1–4 with the
wording of the regulation's sample questionnaire, adapted to the service of
a JDIH (finding, reading and obtaining legal documents), and the optional
respondent profile the regulation lists."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Unsur:
    kode: str  # "u1" .. "u9": the model field
    nomor: int
    nama: str
    pertanyaan: str
    jawaban: tuple[str, str, str, str]  # for scores 1, 2, 3, 4

    @property
    def label(self):
        return f"U{self.nomor} {self.nama}"

    def pilihan(self):
        return [(n, teks) for n, teks in enumerate(self.jawaban, start=1)]


SESUAI = ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")

UNSUR = (
    Unsur(
        "u1",
        1,
        "Persyaratan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan untuk memperoleh "
        "dokumen atau informasi hukum di JDIH ini dengan jenis layanannya?",
        SESUAI,
    ),
    Unsur(
        "u2",
        2,
        "Sistem, mekanisme, dan prosedur",
        "Bagaimana pendapat Saudara tentang kemudahan prosedur mencari dan memperoleh "
        "dokumen hukum di JDIH ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    Unsur(
        "u3",
        3,
        "Waktu penyelesaian",
        "Bagaimana pendapat Saudara tentang kecepatan waktu memperoleh dokumen atau "
        "informasi hukum yang Saudara perlukan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    Unsur(
        "u4",
        4,
        "Biaya/tarif",
        "Bagaimana pendapat Saudara tentang kewajaran biaya atau tarif layanan JDIH ini?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    Unsur(
        "u5",
        5,
        "Produk spesifikasi jenis pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian dokumen hukum yang tersedia (lengkap, "
        "sah, dapat dibaca dan diunduh) dengan yang dijanjikan dalam standar layanan?",
        SESUAI,
    ),
    Unsur(
        "u6",
        6,
        "Kompetensi pelaksana",
        "Bagaimana pendapat Saudara tentang kemampuan petugas atau pengelola JDIH dalam "
        "memberikan layanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    Unsur(
        "u7",
        7,
        "Perilaku pelaksana",
        "Bagaimana pendapat Saudara tentang kesopanan dan keramahan petugas JDIH dalam "
        "memberikan layanan?",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
    ),
    Unsur(
        "u8",
        8,
        "Penanganan pengaduan, saran, dan masukan",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan, saran, dan masukan "
        "pengguna layanan JDIH ini?",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
    ),
    Unsur(
        "u9",
        9,
        "Sarana dan prasarana",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana layanan JDIH "
        "(laman, mesin pencari, ruang layanan)?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
)
KODE_UNSUR = tuple(u.kode for u in UNSUR)

# The respondent's profile (all optional). No name, email or address, ever.
JENIS_KELAMIN = [("L", "Laki-laki"), ("P", "Perempuan")]
USIA = [
    ("<20", "Di bawah 20 tahun"),
    ("20-29", "20–29 tahun"),
    ("30-39", "30–39 tahun"),
    ("40-49", "40–49 tahun"),
    ("50-59", "50–59 tahun"),
    ("60+", "60 tahun ke atas"),
]
PENDIDIKAN = [
    ("sd", "SD ke bawah"),
    ("smp", "SMP"),
    ("sma", "SMA/sederajat"),
    ("d1-d3", "D1, D2, atau D3"),
    ("d4-s1", "D4 atau S1"),
    ("s2", "S2"),
    ("s3", "S3"),
]
PEKERJAAN = [
    ("pns", "PNS/ASN"),
    ("tni", "TNI"),
    ("polri", "POLRI"),
    ("swasta", "Pegawai swasta"),
    ("wirausaha", "Wirausaha"),
    ("pelajar", "Pelajar/mahasiswa"),
    ("penyelenggara", "Penyelenggara/peserta pemilu"),
    ("lainnya", "Lainnya"),
]
LAYANAN = [
    ("cari", "Mencari dan mengunduh produk hukum di laman"),
    ("informasi", "Meminta informasi atau salinan dokumen hukum"),
    ("konsultasi", "Konsultasi atau penjelasan hukum"),
    ("lainnya", "Lainnya"),
]
PROFIL = [
    ("jenis_kelamin", "Jenis kelamin", JENIS_KELAMIN),
    ("usia", "Usia", USIA),
    ("pendidikan", "Pendidikan terakhir", PENDIDIKAN),
    ("pekerjaan", "Pekerjaan", PEKERJAAN),
    ("layanan", "Layanan yang diterima", LAYANAN),
]
PANJANG_KOMENTAR = 1000
