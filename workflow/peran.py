"""The SOP roles. Each is a Django group; a user holds a role *in a Satker*
through PenugasanPeran, which grants the group's permissions on that Satker
as django-guardian object permissions."""

from django.db import models


class Peran(models.TextChoices):
    PENGUSUL = "Sub Bagian Pengusul"
    KASUBBAG = "Kasubbag Hukum & SDM"
    PENGELOLA = "Pengelola JDIH"
    # Optional validation levels, configured per Satker (sop 001, sop 002).
    KEPALA_BAGIAN = "Kepala Bagian"
    WEB_ADMIN = "Web Admin"
    ADMINISTRATOR = "Administrator"
    PENANGGUNG_JAWAB = "Penanggung Jawab"
    PENGARAH = "Pengarah"
    # Penyusunan keputusan (sop 003).
    DIVISI_TERKAIT = "Divisi Terkait"
    SEKRETARIS = "Sekretaris"
    KETUA = "Ketua"
    # Konten media sosial JDIH (sop 004), beside the Kepala Bagian above.
    STAF = "Staf JDIH"


PERAN_VALIDATOR = [
    Peran.KEPALA_BAGIAN,
    Peran.WEB_ADMIN,
    Peran.ADMINISTRATOR,
    Peran.PENANGGUNG_JAWAB,
    Peran.PENGARAH,
]
