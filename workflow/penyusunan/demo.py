"""Demo of sop 003 (penyusunan keputusan) for two offices.

Users for the roles sop 003 adds (Divisi Terkait, Sekretaris, Ketua), the
offices' SK templates and number formats, and a few Keputusan at different
steps, walked there through the real business actions (as workflow.demo does
for the upload requests), so every role has something on its Tugas saya.

Idempotent: users and roles are made sure of on every run; an office whose
marker template already exists gets no new templates or drafts.
"""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from documents.contoh_pdf import tulis_pdf
from documents.demo import KODE_SATKER, singkatan_jenis_untuk, tanggal_indonesia
from documents.models import Jenis, Satker

from ..demo import _pengguna, nama_pengguna
from ..izin import pastikan_grup_peran
from ..penugasan import tetapkan_peran
from ..peran import Peran
from . import layanan
from .models import (
    FormatNomor,
    JenisKelengkapan,
    PenerimaSalinan,
    PenyusunanKeputusan,
    StatusPenyusunan,
    TemplatSK,
    VarianPenyusunan,
)
from .naskah import NaskahDraf, render_pdf

S = StatusPenyusunan
K = JenisKelengkapan
V = VarianPenyusunan

SATKER_PENYUSUNAN = ["sorong-selatan", "kotawaringin-timur"]
PERAN_PENYUSUNAN = [Peran.DIVISI_TERKAIT, Peran.SEKRETARIS, Peran.KETUA]

# The people holding the new roles (the Ketua signs the catalogue's demo
# products too, see documents.demo.PENANDATANGAN).
PEJABAT = {
    "sorong-selatan": {
        Peran.DIVISI_TERKAIT: ("Agustina", "Momot"),
        Peran.SEKRETARIS: ("Markus", "Kambuaya"),
        Peran.KETUA: ("Yohanis", "Sarefa"),
    },
    "kotawaringin-timur": {
        Peran.DIVISI_TERKAIT: ("Hendra", "Saputra"),
        Peran.SEKRETARIS: ("Muhammad", "Ramadhani"),
        Peran.KETUA: ("Siti", "Fathonah"),
    },
}
# Who certifies the salinan: the Sekretaris, with a NIP of 18 digits.
NIP_SEKRETARIS = {
    "sorong-selatan": "197903152006041002",
    "kotawaringin-timur": "198107222009121001",
}

TEMPLAT_TIM = "Pembentukan Kelompok Kerja/Tim Pelaksana Kegiatan"
TEMPLAT_PENGATURAN = "Pedoman Teknis/Petunjuk Pelaksanaan"

_MENGINGAT_UU_PEMILU = (
    "1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum (Lembaran Negara Republik "
    "Indonesia Tahun 2017 Nomor 182, Tambahan Lembaran Negara Republik Indonesia Nomor 6109) "
    "sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 7 Tahun 2023 tentang "
    "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2022 tentang "
    "Perubahan atas Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum menjadi "
    "Undang-Undang (Lembaran Negara Republik Indonesia Tahun 2023 Nomor 78, Tambahan Lembaran "
    "Negara Republik Indonesia Nomor 6863);"
)
_MENGINGAT_TATA_KERJA = (
    "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja Komisi Pemilihan "
    "Umum, Komisi Pemilihan Umum Provinsi, dan Komisi Pemilihan Umum Kabupaten/Kota "
    "sebagaimana telah diubah dengan Peraturan Komisi Pemilihan Umum Nomor 21 Tahun 2020 "
    "tentang Perubahan atas Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata "
    "Kerja Komisi Pemilihan Umum, Komisi Pemilihan Umum Provinsi, dan Komisi Pemilihan Umum "
    "Kabupaten/Kota;"
)

TEMPLAT = {
    TEMPLAT_TIM: {
        "varian": V.TIM,
        "judul": "{judul}",
        "menimbang": (
            "a. bahwa untuk kelancaran dan ketertiban pelaksanaan kegiatan sebagaimana "
            "tercantum dalam Kerangka Acuan Kerja di lingkungan {satker}, perlu dibentuk "
            "kelompok kerja yang bertugas membantu {satker} dalam pelaksanaan kegiatan "
            "tersebut;\n"
            "b. bahwa nama-nama sebagaimana tercantum dalam Lampiran Keputusan ini dipandang "
            "mampu dan memenuhi syarat untuk ditetapkan sebagai anggota kelompok kerja;\n"
            "c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, "
            "perlu menetapkan Keputusan {satker} tentang {judul};"
        ),
        "mengingat": (
            f"{_MENGINGAT_UU_PEMILU}\n"
            "2. Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan (Lembaran "
            "Negara Republik Indonesia Tahun 2014 Nomor 292, Tambahan Lembaran Negara Republik "
            "Indonesia Nomor 5601);\n"
            f"3. {_MENGINGAT_TATA_KERJA}"
        ),
        "memutuskan": (
            "KESATU : Membentuk {judul} dengan susunan keanggotaan sebagaimana tercantum dalam "
            "Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.\n"
            "KEDUA : Kelompok kerja sebagaimana dimaksud dalam Diktum KESATU bertugas:\n"
            "a. menyusun rencana kerja dan jadwal pelaksanaan kegiatan;\n"
            "b. melaksanakan kegiatan sesuai dengan ketentuan peraturan perundang-undangan; dan\n"
            "c. melaporkan hasil pelaksanaan tugas secara tertulis kepada Ketua {satker}.\n"
            "KETIGA : Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada "
            "Daftar Isian Pelaksanaan Anggaran Sekretariat {satker} Tahun Anggaran {tahun}.\n"
            "KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan."
        ),
        "lampiran": (
            "SUSUNAN KEANGGOTAAN\n"
            "{judul}\n"
            "\n"
            "1. Pengarah : Ketua dan Anggota {satker}\n"
            "2. Penanggung Jawab : Sekretaris {satker}\n"
            "3. Ketua : ....................\n"
            "4. Sekretaris : ....................\n"
            "5. Anggota : ...................."
        ),
    },
    TEMPLAT_PENGATURAN: {
        "varian": V.PENGATURAN,
        "judul": "{judul}",
        "menimbang": (
            "a. bahwa untuk menjamin keseragaman, ketertiban, dan kepastian hukum dalam "
            "pelaksanaan tugas di lingkungan {satker}, perlu disusun pedoman teknis sebagai "
            "acuan bagi Anggota, Sekretariat, dan jajaran {satker};\n"
            "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
            "menetapkan Keputusan {satker} tentang {judul};"
        ),
        "mengingat": (
            f"{_MENGINGAT_UU_PEMILU}\n"
            "2. Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan "
            "Perundang-undangan (Lembaran Negara Republik Indonesia Tahun 2011 Nomor 82, "
            "Tambahan Lembaran Negara Republik Indonesia Nomor 5234);\n"
            "3. Peraturan Presiden Nomor 33 Tahun 2012 tentang Jaringan Dokumentasi dan "
            "Informasi Hukum Nasional (Lembaran Negara Republik Indonesia Tahun 2012 "
            "Nomor 82);\n"
            f"4. {_MENGINGAT_TATA_KERJA}"
        ),
        "memutuskan": (
            "KESATU : Menetapkan {judul} sebagaimana tercantum dalam Lampiran yang merupakan "
            "bagian tidak terpisahkan dari Keputusan ini.\n"
            "KEDUA : Pedoman teknis sebagaimana dimaksud dalam Diktum KESATU menjadi acuan bagi "
            "Anggota, Sekretariat, dan jajaran {satker} dalam melaksanakan tugas.\n"
            "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan."
        ),
        "lampiran": (
            "BAB I\n"
            "PENDAHULUAN\n"
            "A. Latar Belakang\n"
            "B. Maksud dan Tujuan\n"
            "C. Ruang Lingkup\n"
            "D. Pengertian\n"
            "\n"
            "BAB II\n"
            "PELAKSANAAN\n"
            "\n"
            "BAB III\n"
            "PENUTUP\n"
            "Pedoman teknis ini ditetapkan di {tempat} dan berlaku sejak tanggal ditetapkan."
        ),
    },
}

PENGUSUL_TEKNIS = "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"
PENGUSUL_HUKUM = "Subbagian Hukum dan Sumber Daya Manusia"
PENGUSUL_RENDATIN = "Subbagian Perencanaan, Data dan Informasi"
PENGUSUL_UMUM = "Subbagian Keuangan, Umum dan Logistik"


@dataclass
class Contoh:
    """One demo Keputusan: where it starts, what is written, how far it goes."""

    varian: int
    judul: str
    pemrakarsa: str
    divisi: str
    sampai: str
    # The Divisi terkait's revision while drafting: (field, old text, new text).
    revisi: tuple = ()
    # A send-back by the Kasubbag at verification, and the revision answering it.
    saran_perbaikan: str = ""
    perbaikan: tuple = ()
    # Recipients of the salinan: (nama, jenis, alamat, who signed the receipt or "").
    penerima: tuple = ()
    alasan_batal: str = ""


_KOSONG = "...................."
INTERNAL = PenerimaSalinan.JenisPenerima.INTERNAL
EKSTERNAL = PenerimaSalinan.JenisPenerima.EKSTERNAL


def _susunan(ketua: str, sekretaris: str, anggota: list[str]) -> tuple:
    """The team members written into a variant-1 template's Lampiran."""
    return (
        ("lampiran", f"3. Ketua : {_KOSONG}", f"3. Ketua : {ketua}"),
        ("lampiran", f"4. Sekretaris : {_KOSONG}", f"4. Sekretaris : {sekretaris}"),
        (
            "lampiran",
            f"5. Anggota : {_KOSONG}",
            "5. Anggota :\n" + "\n".join(f"{'abcdefgh'[i]}. {a}" for i, a in enumerate(anggota)),
        ),
    )


def _contoh(slug: str, tahun: int) -> list[Contoh]:
    if slug == "sorong-selatan":
        nama = "Komisi Pemilihan Umum Kabupaten Sorong Selatan"
        return [
            Contoh(
                V.TIM,
                f"Pembentukan Kelompok Kerja Pemutakhiran Data Pemilih Berkelanjutan Tahun {tahun}",
                PENGUSUL_RENDATIN,
                "Divisi Perencanaan, Data dan Informasi",
                S.PENYUSUNAN,
                revisi=(
                    *_susunan(
                        "Agustina Momot, Anggota KPU Kabupaten Sorong Selatan",
                        "Kepala Subbagian Perencanaan, Data dan Informasi",
                        [
                            "Frans Kondjol, Operator Sistem Informasi Data Pemilih;",
                            "Ester Sremere, Staf Subbagian Perencanaan, Data dan Informasi;",
                            "Lukas Saflafo, Staf Subbagian Teknis Penyelenggaraan Pemilu.",
                        ],
                    ),
                    (
                        "mengingat",
                        "",
                        "\n4. Peraturan Komisi Pemilihan Umum Nomor 7 Tahun 2022 tentang "
                        "Penyusunan Daftar Pemilih dalam Penyelenggaraan Pemilihan Umum dan "
                        "Sistem Informasi Data Pemilih;",
                    ),
                ),
            ),
            Contoh(
                V.TIM,
                f"Pembentukan Tim Pelaksana Kegiatan Sosialisasi dan Pendidikan Pemilih "
                f"Tahun {tahun}",
                PENGUSUL_TEKNIS,
                "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan SDM",
                S.PLENO,
                revisi=_susunan(
                    "Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan "
                    "Masyarakat",
                    "Yulianus Sesa",
                    ["Maria Kareth;", "Daniel Nauw."],
                ),
                saran_perbaikan=(
                    "Lampiran: NIP sekretaris dan anggota tim belum dicantumkan. Mohon "
                    "dilengkapi sesuai kartu kendali sebelum diajukan kembali."
                ),
                perbaikan=(
                    ("lampiran", "Yulianus Sesa", "Yulianus Sesa, NIP 198811202015031002"),
                    ("lampiran", "Maria Kareth;", "Maria Kareth, NIP 199203142019032011;"),
                    ("lampiran", "Daniel Nauw.", "Daniel Nauw, NIP 199006182020121003."),
                ),
            ),
            Contoh(
                V.TIM,
                f"Pembentukan Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum Tahun {tahun}",
                PENGUSUL_HUKUM,
                "Divisi Hukum dan Pengawasan",
                S.DISTRIBUSI,
                revisi=_susunan(
                    "Kepala Subbagian Hukum dan Sumber Daya Manusia",
                    "Rahel Sapisa, NIP 199105092019032014",
                    [
                        "Yoseph Bame, NIP 198712112014031001, Pengelola JDIH;",
                        "Selvi Wugaje, NIP 199607242022032008, Pengelola JDIH.",
                    ],
                ),
                penerima=(
                    (
                        "Anggota Tim Pengelola JDIH",
                        INTERNAL,
                        "Subbagian Hukum dan SDM",
                        "Rahel Sapisa",
                    ),
                    (
                        "Ketua dan Anggota KPU Kabupaten Sorong Selatan",
                        INTERNAL,
                        "Ruang Anggota",
                        "Fransina Kondologit",
                    ),
                    (
                        "KPU Provinsi Papua Barat Daya",
                        EKSTERNAL,
                        "Kota Sorong, melalui jasa pengiriman",
                        "",
                    ),
                ),
            ),
            Contoh(
                V.PENGATURAN,
                f"Pedoman Teknis Pengelolaan Jaringan Dokumentasi dan Informasi Hukum di "
                f"Lingkungan {nama}",
                PENGUSUL_HUKUM,
                "Divisi Hukum dan Pengawasan",
                S.SELESAI,
                revisi=(
                    (
                        "lampiran",
                        "A. Latar Belakang",
                        "A. Latar Belakang\nPengelolaan dokumentasi dan informasi hukum "
                        "dilaksanakan secara terpadu dan terintegrasi dengan Jaringan "
                        "Dokumentasi dan Informasi Hukum Nasional.",
                    ),
                    (
                        "lampiran",
                        "C. Ruang Lingkup",
                        "C. Ruang Lingkup\nPedoman ini mengatur pengumpulan, pengolahan, "
                        "pengunggahan, dan penurunan produk hukum pada laman JDIH.",
                    ),
                ),
                penerima=(
                    (
                        "Pengelola JDIH Sekretariat",
                        INTERNAL,
                        "Subbagian Hukum dan SDM",
                        "Yoseph Bame",
                    ),
                ),
            ),
            Contoh(
                V.PENGATURAN,
                f"Pedoman Teknis Pengelolaan Arsip Dinamis di Lingkungan Sekretariat {nama}",
                PENGUSUL_UMUM,
                "Divisi Perencanaan, Data dan Informasi",
                S.PENOMORAN,
            ),
        ]
    nama = "Komisi Pemilihan Umum Kabupaten Kotawaringin Timur"
    return [
        Contoh(
            V.TIM,
            "Pembentukan Tim Penyusun Laporan Evaluasi Penyelenggaraan Pemilihan Bupati dan "
            "Wakil Bupati Kotawaringin Timur Tahun 2024",
            PENGUSUL_TEKNIS,
            "Divisi Teknis Penyelenggaraan",
            S.PARAF,
            revisi=_susunan(
                "Hendra Saputra, Anggota KPU Kabupaten Kotawaringin Timur",
                "Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan "
                "Masyarakat",
                ["Rahmat Hidayat, NIP 198904122015031004;", "Nur Aini, NIP 199502282020122012."],
            ),
        ),
        Contoh(
            V.PENGATURAN,
            f"Pedoman Teknis Pelayanan Informasi Publik di Lingkungan {nama}",
            PENGUSUL_HUKUM,
            "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan SDM",
            S.PENYEMPURNAAN,
        ),
        Contoh(
            V.TIM,
            f"Pembentukan Tim Pelaksana Rapat Koordinasi Penyusunan Rencana Kerja "
            f"Tahun {tahun + 1}",
            PENGUSUL_RENDATIN,
            "Divisi Perencanaan, Data dan Informasi",
            S.DIBATALKAN,
            alasan_batal=(
                "Rapat koordinasi digabungkan dengan kegiatan KPU Provinsi Kalimantan Tengah; "
                "keputusan tidak diperlukan. Nomor yang telah diambil dicatat batal."
            ),
        ),
    ]


@dataclass
class Kantor:
    satker: Satker
    jenis: Jenis
    pengusul: User
    kasubbag: User
    pengelola: User
    divisi: User
    sekretaris: User
    ketua: User


def muat_pejabat(satker: Satker) -> dict:
    """The Divisi Terkait, Sekretaris and Ketua users of ``satker``, with their roles."""
    hasil = {}
    for peran in PERAN_PENYUSUNAN:
        username = nama_pengguna(peran, satker.slug)
        depan, belakang = PEJABAT[satker.slug][peran]
        pengguna = _pengguna(
            username, first_name=depan, last_name=belakang, email=f"{username}@jdih.example"
        )
        tetapkan_peran(pengguna, satker, peran)
        hasil[peran] = pengguna
    return hasil


def muat_templat(satker: Satker, jenis: Jenis) -> dict[str, TemplatSK]:
    return {
        nama: TemplatSK.objects.get_or_create(
            satker=satker, nama=nama, defaults={"jenis": jenis, **isi}
        )[0]
        for nama, isi in TEMPLAT.items()
    }


def muat_format_nomor(satker: Satker, jenis: Jenis) -> FormatNomor:
    """The KPU pattern, e.g. {urut}/HK.03.1-Kpt/9204/KPU-Kab/{tahun}: one buku
    agenda per office per year, shared by its naskah dinas."""
    fmt, _ = FormatNomor.objects.get_or_create(
        satker=satker,
        jenis=jenis,
        defaults={"pola": f"{{urut}}/HK.03.1-Kpt/{KODE_SATKER[satker.slug]}/{{tahun}}"},
    )
    return fmt


@transaction.atomic
def muat_penyusunan_contoh() -> int:
    """Users, templates, number formats and demo Keputusan of sop 003 for
    Sorong Selatan and Kotawaringin Timur; returns how many Keputusan were
    made now (0 when already loaded)."""
    pastikan_grup_peran()
    dibuat = 0
    for slug in SATKER_PENYUSUNAN:
        satker = Satker.objects.filter(slug=slug).first()
        if satker is None:
            continue
        pejabat = muat_pejabat(satker)
        jenis = Jenis.objects.filter(singkatan=singkatan_jenis_untuk(satker)).first()
        if jenis is None:
            continue
        if TemplatSK.objects.filter(satker=satker, nama=TEMPLAT_TIM).exists():
            continue  # loaded before: the drafts exist
        templat = muat_templat(satker, jenis)
        muat_format_nomor(satker, jenis)
        inti = {
            peran: User.objects.filter(username=nama_pengguna(peran, slug)).first()
            for peran in (Peran.PENGUSUL, Peran.KASUBBAG, Peran.PENGELOLA)
        }
        if not all(inti.values()):
            continue
        kantor = Kantor(
            satker=satker,
            jenis=jenis,
            pengusul=inti[Peran.PENGUSUL],
            kasubbag=inti[Peran.KASUBBAG],
            pengelola=inti[Peran.PENGELOLA],
            divisi=pejabat[Peran.DIVISI_TERKAIT],
            sekretaris=pejabat[Peran.SEKRETARIS],
            ketua=pejabat[Peran.KETUA],
        )
        for contoh in _contoh(slug, timezone.localdate().year):
            t = templat[TEMPLAT_TIM if contoh.varian == V.TIM else TEMPLAT_PENGATURAN]
            _buat(kantor, t, contoh)
            dibuat += 1
    return dibuat


# --- the documents each step records ------------------------------------------


def _berkas(data: bytes, nama: str) -> ContentFile:
    return ContentFile(data, name=nama)


def _dokumen(p: PenyusunanKeputusan, judul: str, *isi: str) -> bytes:
    """A text PDF naming the office, the Keputusan and its penyusunan id, so
    no two demo documents (nor any catalogue PDF) are the same file."""
    satker = p.satker
    baris = [
        satker.nama_badan.upper(),
        "",
        judul.upper(),
        "",
        f"Perihal : Rancangan Keputusan tentang {p.judul}",
        f"Varian  : {p.get_varian_display()}",
        f"Pemrakarsa : {p.pemrakarsa}",
        "",
        *isi,
        "",
        f"{satker.tempat}, {tanggal_indonesia(timezone.localdate())}",
        f"Berkas penyusunan keputusan #{p.pk} — JDIH {satker.nama}",
    ]
    return tulis_pdf(baris, judul=f"{judul} — penyusunan #{p.pk}")


def _kak(p):
    return _dokumen(
        p,
        "Kerangka Acuan Kerja",
        "A. Latar Belakang",
        f"   Pelaksanaan kegiatan {p.judul} memerlukan kelompok kerja yang ditetapkan",
        "   dengan Keputusan agar tugas, keanggotaan, dan pembiayaannya jelas.",
        "B. Maksud dan Tujuan",
        "   Menjadi dasar penyusunan rancangan Keputusan dan pelaksanaan kegiatan.",
        "C. Keluaran",
        "   Keputusan tentang pembentukan kelompok kerja beserta susunan keanggotaannya.",
        "D. Jadwal Pelaksanaan",
        "   Sesuai rencana kerja dan anggaran satuan kerja tahun berjalan.",
    )


def _kartu_kendali(p):
    return _dokumen(
        p,
        "Kartu Kendali Verifikasi Personil",
        "No | Unsur          | Syarat diperiksa                          | Hasil",
        "1  | Pengarah       | jabatan sesuai struktur organisasi        | memenuhi",
        "2  | Penanggung jawab | jabatan sesuai struktur organisasi      | memenuhi",
        "3  | Ketua/Sekretaris | NIP, pangkat/golongan, tidak rangkap    | memenuhi",
        "4  | Anggota        | NIP, beban kerja, tidak rangkap tim sejenis | memenuhi",
        "",
        "Diverifikasi oleh Kepala Subbagian Hukum dan Sumber Daya Manusia.",
    )


def _notulensi(p):
    return _dokumen(
        p,
        "Notulensi Rapat Tim Penyusun",
        "Agenda  : pembahasan draft awal pedoman teknis.",
        "Hadir   : Divisi terkait, Subbagian pengusul, Subbagian Hukum dan SDM.",
        "Hasil   : 1. sistematika Lampiran disepakati (Pendahuluan, Pelaksanaan, Penutup);",
        "          2. ruang lingkup dan pengertian dilengkapi oleh Subbagian pengusul;",
        "          3. draft akhir diserahkan untuk verifikasi muatan.",
    )


def _berita_acara(p, ketua):
    return _dokumen(
        p,
        "Berita Acara Rapat Pleno",
        f"Pada hari ini, {tanggal_indonesia(timezone.localdate())}, bertempat di kantor",
        f"{p.satker.nama_badan}, telah dilaksanakan rapat pleno",
        "yang dihadiri Ketua dan Anggota untuk membahas rancangan Keputusan di atas.",
        "Rapat pleno menyetujui dan menetapkan rancangan Keputusan tersebut.",
        "",
        f"Pimpinan rapat: {ketua.get_full_name()}, Ketua.",
    )


def _naskah(p, *, bernomor: bool) -> bytes:
    """The signed SK as the Ketua signed it: the SK final laid out in the Tata
    Naskah Dinas (and, once numbered, with its number)."""
    final = p.draft_final or p.draft_terbaru()
    tanggal = p.tanggal_penetapan or timezone.localdate()
    return render_pdf(
        NaskahDraf(
            teu_badan=p.satker.nama_badan,
            judul=final.judul,
            menimbang=final.menimbang,
            mengingat=final.mengingat,
            memutuskan=final.memutuskan,
            lampiran=final.lampiran,
            nomor=p.nomor.nomor if bernomor and p.nomor_id else "",
            tempat=p.satker.tempat,
            tanggal=tanggal_indonesia(tanggal),
            nama_penandatangan=p.penandatangan or "",
            tanda_draf="",
        )
    )


def _unggah(p, user, jenis, data, nama, keterangan=""):
    layanan.unggah_kelengkapan(user, p, jenis, _berkas(data, nama), keterangan=keterangan)


# --- walking one Keputusan -------------------------------------------------------


def _buat(o: Kantor, templat: TemplatSK, c: Contoh) -> PenyusunanKeputusan:
    p = layanan.mulai(
        o.pengusul,
        o.satker,
        varian=c.varian,
        templat=templat,
        judul=c.judul,
        pemrakarsa=c.pemrakarsa,
        divisi_terkait=c.divisi,
    )
    if c.varian == V.TIM:
        _unggah(p, o.pengusul, K.KAK, _kak(p), "kak.pdf", "KAK dari Subbagian pengusul")
    if c.revisi:
        _ubah(p, o.divisi, c.revisi, "Dilengkapi Divisi terkait")
    putaran = 0
    while p.status != c.sampai:
        s = p.status
        if c.sampai == S.DIBATALKAN and p.nomor_id:
            return layanan.batalkan(o.kasubbag, p, alasan=c.alasan_batal)
        if s == S.PENYUSUNAN:
            p = layanan.ajukan(o.pengusul, p, catatan="Draft siap diverifikasi.")
        elif s == S.PENYEMPURNAAN:
            _unggah(p, o.pengusul, K.NOTULENSI_RAPAT, _notulensi(p), "notulensi-rapat.pdf")
            p = layanan.teruskan_draft(o.pengusul, p)
        elif s == S.VERIFIKASI_PERSONIL:
            if c.saran_perbaikan and putaran == 0:
                putaran += 1
                p = layanan.kembalikan(o.kasubbag, p, catatan=c.saran_perbaikan)
                _ubah(p, o.divisi, c.perbaikan, "Menindaklanjuti saran perbaikan verifikasi")
                continue
            _unggah(p, o.kasubbag, K.KARTU_KENDALI, _kartu_kendali(p), "kartu-kendali.pdf")
            p = layanan.verifikasi_personil(o.kasubbag, p)
        elif s == S.VERIFIKASI_MUATAN:
            p = layanan.ajukan_pleno(o.kasubbag, p, catatan="Muatan sesuai; diajukan ke pleno.")
        elif s == S.PLENO:
            _unggah(p, o.ketua, K.BERITA_ACARA_PLENO, _berita_acara(p, o.ketua), "ba-pleno.pdf")
            p = layanan.tetapkan_pleno(o.ketua, p, tanggal_pleno=timezone.localdate())
        elif s == S.SINKRONISASI:
            p = layanan.sinkronkan(o.pengelola, p, catatan="Disesuaikan dengan Tata Naskah Dinas.")
        elif s == S.PARAF:
            p = layanan.paraf(o.sekretaris, p)
        elif s == S.TANDA_TANGAN:
            p.penandatangan = o.ketua.get_full_name()
            _unggah(p, o.ketua, K.NASKAH_TTD, _naskah(p, bernomor=False), "sk-ttd.pdf")
            p = layanan.tandatangani(
                o.ketua,
                p,
                tanggal_penetapan=timezone.localdate(),
                penandatangan=o.ketua.get_full_name(),
            )
        elif s == S.PENOMORAN:
            p = layanan.beri_nomor(o.pengelola, p)
        elif s == S.SALINAN:
            # The numbered original, scanned: the salinan and the archive are made from it.
            _unggah(
                p,
                o.pengelola,
                K.NASKAH_ASLI,
                _naskah(p, bernomor=True),
                f"sk-{p.nomor.urut}-{p.nomor.register.tahun}.pdf",
                "Pindaian naskah asli bernomor",
            )
            p = layanan.buat_salinan(
                o.pengelola,
                p,
                nama_pejabat=o.sekretaris.get_full_name(),
                nip=NIP_SEKRETARIS[o.satker.slug],
                jabatan=f"Sekretaris {o.satker.nama_badan}",
            )
            _distribusi(o, p, c)
        elif s == S.DISTRIBUSI:
            p = layanan.selesaikan_distribusi(o.pengelola, p)
        elif s == S.DIGITALISASI:
            p = layanan.digitalisasi(
                o.pengelola,
                p,
                lokasi_arsip=f"Lemari arsip Subbag Hukum dan SDM, rak 2, map SK {p.nomor.urut}",
            )
        else:  # pragma: no cover - the demo only walks forward
            raise AssertionError(f"tidak dapat maju dari {s}")
    return p


def _ubah(p, oleh, perubahan: tuple, catatan: str):
    """A new revision: the newest text with each (field, old, new) applied
    (an empty ``old`` appends)."""
    isi = p.draft_terbaru().isi()
    for bidang, lama, baru in perubahan:
        isi[bidang] = isi[bidang] + baru if not lama else isi[bidang].replace(lama, baru, 1)
    layanan.simpan_draft(oleh, p, isi=isi, catatan=catatan)


def _distribusi(o: Kantor, p, c: Contoh):
    """The buku ekspedisi: recipients, sent, and the receipts that came back."""
    penerima = c.penerima or (("Divisi terkait", INTERNAL, c.divisi, "Staf Divisi terkait"),)
    baris = [
        (layanan.tambah_penerima(o.pengelola, p, nama=n, jenis=j, alamat=a), kembali)
        for n, j, a, kembali in penerima
    ]
    layanan.kirim_salinan(o.pengelola, p)
    for r, diterima_oleh in baris:
        if diterima_oleh:
            layanan.catat_tanda_terima(
                o.pengelola, p, r, diterima_oleh=diterima_oleh, diterima_pada=timezone.now()
            )
