"""Demo profile sections for every Satker and a few contact messages.

Idempotent: a section that exists (demo or edited by hand) is left alone, a
message already there is not sent again, and no email is queued.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from documents.models import Satker
from workflow.peran import Peran

from .models import (
    Bagian,
    BagianProfil,
    KategoriPesan,
    PesanKontak,
    RevisiBagianProfil,
    StatusPesan,
)
from .sanitasi import bersihkan

SOP = [
    (
        "SOP 000",
        "Pengunggahan dan Penurunan Dokumen Produk Hukum pada Laman JDIH",
        "KPU Kabupaten Kotawaringin Timur",
    ),
    ("SOP 001", "Dokumentasi dan Informasi Produk Hukum", "KPU Kota Payakumbuh"),
    (
        "SOP 002",
        "Pengunggahan Produk Hukum ke Website JDIH KPU Provinsi",
        "KPU Provinsi Kalimantan Barat",
    ),
    (
        "SOP 003",
        "Penyusunan Produk Hukum Keputusan",
        "KPU Kabupaten Sorong Selatan",
    ),
    (
        "SOP 004",
        "Pengelolaan Media Sosial Jaringan Dokumentasi dan Informasi Hukum",
        "KPU Provinsi Kalimantan Tengah",
    ),
]

DASAR_HUKUM = [
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
    "Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan "
    "sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 13 Tahun 2022;",
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
    "Peraturan Presiden Nomor 33 Tahun 2012 tentang Jaringan Dokumentasi dan Informasi "
    "Hukum Nasional;",
    "Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 8 Tahun 2019 tentang Standar "
    "Pengelolaan Dokumen dan Informasi Hukum.",
]

STRUKTUR = {
    Satker.Tingkat.PUSAT: [
        "Ketua dan Anggota Komisi Pemilihan Umum",
        "Sekretaris Jenderal",
        "Biro Perencanaan dan Organisasi",
        "Biro Teknis Penyelenggara Pemilu",
        "Biro Advokasi Hukum dan Penyelesaian Sengketa",
        "Biro Perundang-undangan",
        "Biro Sumber Daya Manusia",
        "Biro Keuangan dan Barang Milik Negara",
        "Biro Umum dan Logistik",
        "Biro Partisipasi dan Hubungan Masyarakat",
    ],
    Satker.Tingkat.PROVINSI: [
        "Ketua dan Anggota KPU Provinsi",
        "Sekretaris",
        "Bagian Keuangan, Umum, dan Logistik",
        "Bagian Teknis Penyelenggaraan Pemilu, Partisipasi, dan Hubungan Masyarakat",
        "Bagian Hukum dan Sumber Daya Manusia",
        "Bagian Perencanaan, Data, dan Informasi",
    ],
    Satker.Tingkat.KABUPATEN_KOTA: [
        "Ketua dan Anggota KPU Kabupaten/Kota",
        "Sekretaris",
        "Subbagian Keuangan, Umum, dan Logistik",
        "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi, dan Hubungan Masyarakat",
        "Subbagian Hukum dan Sumber Daya Manusia",
        "Subbagian Perencanaan, Data, dan Informasi",
    ],
}

URUTAN_TIM = [
    (Peran.KASUBBAG, "Koordinator"),
    (Peran.PENGELOLA, "Pengelola JDIH"),
    (Peran.KEPALA_BAGIAN, "Validator"),
    (Peran.STAF, "Staf JDIH (media sosial)"),
    (Peran.PENGUSUL, "Anggota (pengusul dokumen)"),
]

PESAN = [
    (
        "kotawaringin-timur",
        "Rahmat Hidayat",
        "rahmat.hidayat@contoh.id",
        KategoriPesan.PERMINTAAN_DOKUMEN,
        "Selamat siang. Saya membutuhkan salinan Keputusan KPU Kabupaten tentang penetapan "
        "lokasi TPS Pemilu 2024 untuk bahan penelitian skripsi. Apakah dokumennya dapat "
        "diunduh dari laman ini? Terima kasih.",
        StatusPesan.BARU,
        "",
        1,
    ),
    (
        "kotawaringin-timur",
        "Siti Aminah",
        "siti.aminah@contoh.id",
        KategoriPesan.SARAN,
        "Mohon daftar produk hukum di halaman pencarian dapat diurutkan menurut nomor, "
        "agar lebih mudah menemukan keputusan yang berurutan.",
        StatusPesan.DIJAWAB,
        "Dijawab melalui email: pengurutan menurut nomor sudah tersedia di halaman pencarian.",
        6,
    ),
    (
        "kalimantan-tengah",
        "Yohanes Ngabut",
        "yohanes.ngabut@contoh.id",
        KategoriPesan.PERTANYAAN,
        "Apakah Keputusan KPU Provinsi tentang penetapan rekapitulasi hasil penghitungan "
        "suara juga dimuat lengkap dengan lampirannya?",
        StatusPesan.DIBACA,
        "",
        3,
    ),
]


def _daftar(butir, bernomor=False) -> str:
    tag = "ol" if bernomor else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(b)}</li>" for b in butir) + f"</{tag}>"


def _wilayah(satker) -> str:
    for awalan in ("KPU Kabupaten ", "KPU Kota ", "KPU Provinsi "):
        if satker.nama.startswith(awalan):
            return satker.nama.removeprefix(awalan)
    return "Indonesia"


def isi_visi_misi(satker) -> str:
    return (
        "<h2>Visi</h2>"
        f"<p>Menjadi penyelenggara pemilihan umum yang mandiri, profesional, dan berintegritas "
        f"untuk terwujudnya pemilu yang langsung, umum, bebas, rahasia, jujur, dan adil di "
        f"{escape(_wilayah(satker))}.</p>"
        "<h2>Misi</h2>"
        + _daftar(
            [
                "Menyelenggarakan pemilu dan pemilihan yang berkualitas sesuai peraturan "
                "perundang-undangan;",
                "Menyediakan dokumen dan informasi hukum kepemiluan yang lengkap, akurat, dan "
                "mudah diakses oleh masyarakat melalui JDIH;",
                "Meningkatkan partisipasi dan pendidikan pemilih;",
                "Meningkatkan kapasitas sumber daya manusia penyelenggara pemilu;",
                "Melaksanakan tata kelola organisasi yang transparan dan akuntabel.",
            ],
            bernomor=True,
        )
    )


def isi_struktur(satker) -> str:
    return (
        f"<p>Susunan organisasi {escape(satker.nama)} dan Sekretariatnya:</p>"
        + _daftar(STRUKTUR[satker.tingkat])
        + "<p>Pengelolaan JDIH berada di bawah unit yang membidangi hukum, dikoordinasikan "
        "oleh Kepala Subbagian/Bagian Hukum dan Sumber Daya Manusia.</p>"
    )


def isi_tim(satker) -> str:
    User = get_user_model()
    baris = []
    for peran, tugas in URUTAN_TIM:
        for u in User.objects.filter(
            is_active=True,
            penugasan_peran__satker=satker,
            penugasan_peran__peran__name=peran,
        ).order_by("username"):
            nama = u.get_full_name() or u.username
            baris.append(f"<tr><td>{escape(nama)}</td><td>{escape(tugas)}</td></tr>")
    tabel = (
        '<table><thead><tr><th scope="col">Nama</th><th scope="col">Tugas dalam tim'
        "</th></tr></thead><tbody>" + "".join(baris) + "</tbody></table>"
        if baris
        else ""
    )
    return (
        f"<p>Tim Pengelola JDIH {escape(satker.nama)} ditetapkan dengan keputusan Sekretaris "
        "dan bertugas mengumpulkan, mengolah, dan menyebarluaskan dokumen hukum.</p>" + tabel
    )


def isi_sop() -> str:
    return (
        "<p>Layanan JDIH ini dijalankan menurut standar operasional prosedur berikut, "
        "masing-masing disusun oleh satker yang tercantum:</p>"
        + _daftar([f"{kode}: {judul} ({kantor})" for kode, judul, kantor in SOP])
        + "<p>Naskah SOP dapat diminta melalui halaman <strong>Kontak dan saran</strong>.</p>"
    )


def isi_dasar_hukum() -> str:
    return _daftar(DASAR_HUKUM, bernomor=True)


def isi_bagian(satker) -> dict[str, str]:
    return {
        Bagian.VISI_MISI: isi_visi_misi(satker),
        Bagian.STRUKTUR: isi_struktur(satker),
        Bagian.TIM: isi_tim(satker),
        Bagian.SOP: isi_sop(),
        Bagian.DASAR_HUKUM: isi_dasar_hukum(),
    }


@transaction.atomic
def muat_demo(stdout=None) -> dict:
    bagian_baru = 0
    for satker in Satker.objects.all():
        for kode, isi in isi_bagian(satker).items():
            b, dibuat = BagianProfil.objects.get_or_create(
                satker=satker, bagian=kode, defaults={"isi": bersihkan(isi)}
            )
            if dibuat:
                RevisiBagianProfil.objects.create(bagian=b, isi=b.isi, diubah_pada=b.diubah_pada)
                bagian_baru += 1
    pesan_baru = 0
    sekarang = timezone.now()
    for slug, nama, email, kategori, teks, status, catatan, hari in PESAN:
        satker = Satker.objects.filter(slug=slug).first()
        if satker is None:
            continue
        _, dibuat = PesanKontak.objects.get_or_create(
            satker=satker,
            email=email,
            pesan=teks,
            defaults={
                "nama": nama,
                "kategori": kategori,
                "status": status,
                "catatan": catatan,
                "dikirim_pada": sekarang - timedelta(days=hari),
            },
        )
        pesan_baru += dibuat
    if stdout is not None:
        stdout.write(f"Profil satker: {bagian_baru} bagian baru, {pesan_baru} pesan kontak baru.")
    return {"bagian": bagian_baru, "pesan": pesan_baru}
