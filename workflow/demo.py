"""Demo users: an admin and one user per SOP role per office.

Idempotent: running it again changes nothing. Every password is DEMO_PASSWORD.
"""

from django.contrib.auth.models import User
from django.db import transaction

from documents.models import Satker

from .penugasan import tetapkan_peran
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
    """Create the admin and the role users; returns how many users exist."""
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
    return User.objects.count()
