"""Demo users: an admin and one user per SOP role per office.

Idempotent: running it again changes nothing. Every password is DEMO_PASSWORD.
"""

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
from documents.demo import nomor_keputusan, singkatan_jenis_untuk
from documents.models import Jenis, ProdukHukum, Satker

from . import layanan
from .contoh_nota_dinas import NaskahNotaDinas, pdf_nota_dinas
from .izin import pastikan_grup_peran
from .models import NotaDinas, Status, TingkatValidasi
from .penugasan import grup_peran, tetapkan_peran
from .peran import Peran

DEMO_PASSWORD = "jdih-demo"

AWALAN_PERAN = {
    Peran.PENGUSUL: "pengusul",
    Peran.KASUBBAG: "kasubbag",
    Peran.PENGELOLA: "pengelola",
    Peran.KEPALA_BAGIAN: "kabag",
    Peran.WEB_ADMIN: "webadmin",
    Peran.ADMINISTRATOR: "administrator",
    Peran.PENANGGUNG_JAWAB: "pj",
    Peran.PENGARAH: "pengarah",
    # Penyusunan keputusan (sop 003), see workflow.penyusunan.demo.
    Peran.DIVISI_TERKAIT: "divisi",
    Peran.SEKRETARIS: "sekretaris",
    Peran.KETUA: "ketua",
    # Konten media sosial (sop 004), see workflow.konten.demo.
    Peran.STAF: "staf",
}
PERAN_INTI = [Peran.PENGUSUL, Peran.KASUBBAG, Peran.PENGELOLA]
# The validation levels the offices' own SOPs name (sop 001, sop 002, sop 004).
PERAN_VALIDASI_SATKER = {
    "payakumbuh": [Peran.WEB_ADMIN, Peran.ADMINISTRATOR, Peran.PENANGGUNG_JAWAB, Peran.PENGARAH],
    "kalimantan-barat": [Peran.KEPALA_BAGIAN],
    "kalimantan-tengah": [Peran.KEPALA_BAGIAN],
}
# The people of each office (the SOP 003/004 officials live in their own
# demo modules). A real office's screens show names, not role titles.
NAMA_ORANG = {
    "kpu-ri": {
        Peran.PENGUSUL: ("Rizky", "Pratama"),
        Peran.KASUBBAG: ("Dian", "Purnamasari"),
        Peran.PENGELOLA: ("Andi", "Wibowo"),
    },
    "kalimantan-barat": {
        Peran.PENGUSUL: ("Yulia", "Anggraeni"),
        Peran.KASUBBAG: ("Hairul", "Anwar"),
        Peran.PENGELOLA: ("Stefanus", "Aloy"),
        Peran.KEPALA_BAGIAN: ("Marselina", "Ding"),
    },
    "kalimantan-tengah": {
        Peran.PENGUSUL: ("Lusiana", "Tingang"),
        Peran.KASUBBAG: ("Rahmadi", "Saleh"),
        Peran.PENGELOLA: ("Yosua", "Batu"),
        Peran.KEPALA_BAGIAN: ("Nurhayati", "Rahman"),
    },
    "kotawaringin-timur": {
        Peran.PENGUSUL: ("Nor", "Aini"),
        Peran.KASUBBAG: ("Ahmad", "Rifani"),
        Peran.PENGELOLA: ("Rina", "Wati"),
    },
    "payakumbuh": {
        Peran.PENGUSUL: ("Fadhilah", "Putri"),
        Peran.KASUBBAG: ("Irwan", "Dt. Rajo Ameh"),
        Peran.PENGELOLA: ("Yendri", "Saputra"),
        Peran.WEB_ADMIN: ("Mutia", "Sari"),
        Peran.ADMINISTRATOR: ("Zulkifli", "Amin"),
        Peran.PENANGGUNG_JAWAB: ("Hendri", "Novaldi"),
        Peran.PENGARAH: ("Syafrizal", "Chaniago"),
    },
    "sorong-selatan": {
        Peran.PENGUSUL: ("Natalia", "Kareth"),
        Peran.KASUBBAG: ("Otniel", "Saflafo"),
        Peran.PENGELOLA: ("Yuliana", "Sremere"),
    },
}
# A second Pengelola where the demo shows "alihkan disposisi"; on purpose
# without an email address, so the missing-address warnings show too.
PENGELOLA_KEDUA = {"kotawaringin-timur": ("pengelola2.kotawaringin-timur", "Bayu", "Kurniawan")}
# What the users were called before they had names (upgraded in place).
NAMA_DEPAN = {
    Peran.PENGUSUL: "Staf Pengusul",
    Peran.KASUBBAG: "Kasubbag Hukum & SDM",
    Peran.PENGELOLA: "Pengelola JDIH",
    Peran.KEPALA_BAGIAN: "Kepala Bagian",
    Peran.WEB_ADMIN: "Web Admin",
    Peran.ADMINISTRATOR: "Administrator",
    Peran.PENANGGUNG_JAWAB: "Penanggung Jawab",
    Peran.PENGARAH: "Pengarah",
}


def nama_pengguna(peran, satker_slug: str) -> str:
    return f"{AWALAN_PERAN[peran]}.{satker_slug}"


def _pengguna(username, **atribut) -> User:
    pengguna, dibuat = User.objects.get_or_create(username=username, defaults=atribut)
    if dibuat:
        pengguna.set_password(DEMO_PASSWORD)
        pengguna.save(update_fields=["password"])
    return pengguna


@transaction.atomic
def muat_pengguna() -> int:
    """Create the admin and the role users, the offices' validation chains and
    a few requests in progress; returns how many users exist."""
    pastikan_grup_peran()
    admin = _pengguna(
        "admin", is_staff=True, is_superuser=True, email="admin@jdih.example", first_name="Admin"
    )
    if not admin.is_superuser:
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
    for satker in Satker.objects.all():
        for peran in PERAN_INTI + PERAN_VALIDASI_SATKER.get(satker.slug, []):
            username = nama_pengguna(peran, satker.slug)
            depan, belakang = NAMA_ORANG.get(satker.slug, {}).get(
                peran, (NAMA_DEPAN[peran], satker.nama.replace("Komisi Pemilihan Umum", "KPU"))
            )
            pengguna = _pengguna(
                username, first_name=depan, last_name=belakang, email=f"{username}@jdih.example"
            )
            if pengguna.first_name == NAMA_DEPAN[peran] and depan != NAMA_DEPAN[peran]:
                pengguna.first_name, pengguna.last_name = depan, belakang
                pengguna.save(update_fields=["first_name", "last_name"])
            tetapkan_peran(pengguna, satker, peran)
        if satker.slug in PENGELOLA_KEDUA:
            username, depan, belakang = PENGELOLA_KEDUA[satker.slug]
            pengguna = _pengguna(username, first_name=depan, last_name=belakang)
            tetapkan_peran(pengguna, satker, Peran.PENGELOLA)
    muat_tingkat_validasi()
    muat_permohonan_contoh()
    from .penyusunan.demo import muat_penyusunan_contoh

    muat_penyusunan_contoh()
    from .konten.demo import muat_konten_contoh

    muat_konten_contoh()
    return User.objects.count()


def muat_tingkat_validasi() -> None:
    """Each office's extra validation levels, in its SOP's order."""
    for slug, daftar in PERAN_VALIDASI_SATKER.items():
        satker = Satker.objects.filter(slug=slug).first()
        if satker is None:
            continue
        for urutan, peran in enumerate(daftar, start=1):
            TingkatValidasi.objects.update_or_create(
                satker=satker,
                urutan=urutan,
                defaults={"peran": grup_peran(peran), "nama": str(peran)},
            )


def _u(peran, slug):
    return User.objects.get(username=nama_pengguna(peran, slug))


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


def _tanggal(t) -> str:
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


def nota_dinas_demo(satker, nota: dict, isi: str = "") -> ContentFile:
    """The memo of a demo request as its own PDF, from the request's data."""
    data = pdf_nota_dinas(
        NaskahNotaDinas(
            badan=satker.nama_badan,
            nomor=nota["nomor"],
            tanggal=_tanggal(nota["tanggal"]),
            perihal=nota["perihal"],
            dari=nota["dari"],
            kepada=nota["kepada"],
            isi=isi,
            penanda_tangan=f"Kasubbag Teknis {satker.nama.replace('Komisi Pemilihan Umum', 'KPU')}",
        )
    )
    nomor = nota["nomor"].replace("/", "-")
    return ContentFile(data, name=f"nota-dinas-{nomor}.pdf")


def lengkapi_nota_dinas_demo() -> None:
    """Demo requests loaded before the memo had its own PDF get one (run
    again, it finds none missing)."""
    for nota in NotaDinas.objects.filter(nomor__startswith="DEMO/", berkas="").select_related(
        "permohonan__satker"
    ):
        p = nota.permohonan
        data = {k: getattr(nota, k) for k in ("nomor", "tanggal", "perihal", "dari", "kepada")}
        diperiksa = layanan.periksa_nota_dinas(nota_dinas_demo(p.satker, data, p.alasan))
        layanan.simpan_nota_pdf(nota, diperiksa, f"nota-dinas-{nota.nomor.replace('/', '-')}.pdf")


def muat_permohonan_contoh() -> None:
    """A few requests waiting at different steps, so every demo role has work
    on its Tugas saya, each with its Nota Dinas PDF. Skipped when they
    already exist. The disposisi names the office's Pengelola JDIH, who then
    does the work (only the named Pengelola may)."""
    if NotaDinas.objects.filter(nomor__startswith="DEMO/").exists():
        lengkapi_nota_dinas_demo()
        return
    jenis_per_singkatan = {j.singkatan: j for j in Jenis.objects.all()}
    contoh = [
        ("kotawaringin-timur", "Penetapan Daftar Pemilih Tetap Pemilihan Bupati", None),
        ("kotawaringin-timur", "Penetapan Lokasi Tempat Pemungutan Suara", Status.DIDISPOSISI),
        ("payakumbuh", "Pembentukan Panitia Pemilihan Kecamatan", Status.DIVALIDASI),
        ("kalimantan-barat", "Penetapan Rekapitulasi Hasil Penghitungan Suara", Status.DIPERIKSA),
        (
            "kotawaringin-timur",
            "Penetapan Jadwal Kampanye Pemilihan Bupati",
            Status.PERLU_DILENGKAPI,
        ),
    ]
    for i, (slug, judul, sampai) in enumerate(contoh, start=1):
        satker = Satker.objects.filter(slug=slug).first()
        if satker is None:
            continue
        jenis = jenis_per_singkatan.get(singkatan_jenis_untuk(satker))
        if jenis is None:
            continue
        nomor = nomor_keputusan(900 + i, slug, 2024, klasifikasi="PL.02.1")
        data = pdf_keputusan(
            NaskahKeputusan(teu_badan=satker.nama_badan, nomor=nomor, tahun=2024, judul=judul)
        )
        nota = {
            "nomor": f"DEMO/{i}/ND/2024",
            "tanggal": timezone.localdate(),
            "perihal": f"Permohonan pengunggahan {judul}",
            "dari": "Kasubbag Teknis Penyelenggaraan",
            "kepada": "Kasubbag Hukum dan SDM",
        }
        p = layanan.ajukan_unggah(
            _u(Peran.PENGUSUL, slug),
            satker,
            produk={"jenis": jenis, "nomor": nomor, "tahun": 2024, "judul": judul},
            nota=nota,
            berkas=ContentFile(data, name=f"demo-{i}.pdf"),
            nota_berkas=nota_dinas_demo(satker, nota),
        )
        if sampai is None:
            continue
        if sampai == Status.PERLU_DILENGKAPI:
            layanan.kembalikan_ke_pengusul(
                _u(Peran.KASUBBAG, slug),
                p,
                catatan="Nota Dinas belum ditandatangani Kasubbag Teknis; unggah ulang PDF "
                "Nota Dinas yang telah ditandatangani.",
            )
            continue
        p = layanan.disposisi(
            _u(Peran.KASUBBAG, slug),
            p,
            kepada=_u(Peran.PENGELOLA, slug),
            petunjuk="Siapkan metadata dan unggah ke laman JDIH.",
        )
        if sampai == Status.DIDISPOSISI:
            continue
        p = layanan.serahkan(_u(Peran.PENGELOLA, slug), p)
        if sampai == Status.DIPERIKSA:
            continue
        p = layanan.loloskan_koreksi(_u(Peran.KASUBBAG, slug), p)
        # Payakumbuh: Web Admin and Administrator have validated; the
        # Penanggung Jawab is next.
        for peran in PERAN_VALIDASI_SATKER.get(slug, [])[:2]:
            p = layanan.validasi(_u(peran, slug), p)
    # A take-down proposal on one published product of Kotawaringin Timur.
    produk = (
        ProdukHukum.objects.terbit()
        .filter(satker__slug="kotawaringin-timur")
        .exclude(permohonan__isnull=False)
        .first()
    )
    if produk is not None:
        alasan = "Lampiran yang diunggah tidak lengkap (halaman 3 tidak terbaca)."
        nota = {
            "nomor": "DEMO/9/ND/2024",
            "tanggal": timezone.localdate(),
            "perihal": f"Usulan penurunan {produk}",
            "dari": "Kasubbag Teknis Penyelenggaraan",
            "kepada": "Kasubbag Hukum dan SDM",
        }
        layanan.ajukan_penurunan(
            _u(Peran.PENGUSUL, "kotawaringin-timur"),
            produk,
            alasan=alasan,
            nota=nota,
            nota_berkas=nota_dinas_demo(
                produk.satker,
                nota,
                f"Bersama ini kami usulkan penurunan {produk} dari laman JDIH. {alasan} "
                "Mohon produk hukum tersebut diturunkan, diperbaiki, dan diunggah kembali.",
            ),
        )
