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
            pengguna = _pengguna(
                username,
                first_name=NAMA_DEPAN[peran],
                last_name=satker.nama.replace("Komisi Pemilihan Umum", "KPU"),
                email=f"{username}@jdih.example",
            )
            tetapkan_peran(pengguna, satker, peran)
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


def muat_permohonan_contoh() -> None:
    """A few requests waiting at different steps, so every demo role has work
    on its Tugas saya. Skipped when they already exist."""
    if NotaDinas.objects.filter(nomor__startswith="DEMO/").exists():
        return
    jenis_per_singkatan = {j.singkatan: j for j in Jenis.objects.all()}
    contoh = [
        ("kotawaringin-timur", "Penetapan Daftar Pemilih Tetap Pemilihan Bupati", None),
        ("kotawaringin-timur", "Penetapan Lokasi Tempat Pemungutan Suara", Status.DIDISPOSISI),
        ("payakumbuh", "Pembentukan Panitia Pemilihan Kecamatan", Status.DIVALIDASI),
        ("kalimantan-barat", "Penetapan Rekapitulasi Hasil Penghitungan Suara", Status.DIPERIKSA),
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
        p = layanan.ajukan_unggah(
            _u(Peran.PENGUSUL, slug),
            satker,
            produk={"jenis": jenis, "nomor": nomor, "tahun": 2024, "judul": judul},
            nota={
                "nomor": f"DEMO/{i}/ND/2024",
                "tanggal": timezone.localdate(),
                "perihal": f"Permohonan pengunggahan {judul}",
                "dari": "Kasubbag Teknis Penyelenggaraan",
                "kepada": "Kasubbag Hukum dan SDM",
            },
            berkas=ContentFile(data, name=f"demo-{i}.pdf"),
        )
        if sampai is None:
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
        layanan.ajukan_penurunan(
            _u(Peran.PENGUSUL, "kotawaringin-timur"),
            produk,
            alasan="Lampiran yang diunggah tidak lengkap (halaman 3 tidak terbaca).",
            nota={
                "nomor": "DEMO/9/ND/2024",
                "tanggal": timezone.localdate(),
                "perihal": f"Usulan penurunan {produk}",
                "dari": "Kasubbag Teknis Penyelenggaraan",
                "kepada": "Kasubbag Hukum dan SDM",
            },
        )
