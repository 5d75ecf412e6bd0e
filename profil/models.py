"""A Satker's public profile (fixed sections, sanitised HTML, revisions) and
the messages readers send through its contact form."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from documents.models import Satker

MAKS_ISI_BAGIAN = 20_000
MAKS_PESAN = 3_000
MAKS_CATATAN = 2_000


class Bagian(models.TextChoices):
    """The sections a profile may have, in the order of the menu; the value is
    the last part of the public URL."""

    VISI_MISI = "visi-misi", "Visi dan misi"
    STRUKTUR = "struktur-organisasi", "Struktur organisasi"
    TIM = "tim-jdih", "Tim JDIH"
    SOP = "sop", "Standar operasional prosedur (SOP)"
    DASAR_HUKUM = "dasar-hukum", "Dasar hukum"


URUTAN_BAGIAN = {kode: i for i, kode in enumerate(Bagian.values)}


def lokasi_gambar_struktur(instance, nama):
    # The name is ours, never the uploader's: the extension comes from the
    # format Pillow read, see profil.layanan.simpan_bagian.
    return f"profil/{instance.satker_id}/{instance.bagian}/{nama}"


class BagianProfil(models.Model):
    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.CASCADE, related_name="bagian_profil"
    )
    bagian = models.CharField("bagian", max_length=30, choices=Bagian.choices)
    # Sanitised on save and again on render (profil.sanitasi).
    isi = models.TextField("isi", blank=True)
    gambar = models.ImageField(
        "gambar", upload_to=lokasi_gambar_struktur, blank=True, max_length=255
    )
    gambar_lebar = models.PositiveIntegerField(null=True, blank=True, editable=False)
    gambar_tinggi = models.PositiveIntegerField(null=True, blank=True, editable=False)
    gambar_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    keterangan_gambar = models.CharField(
        "teks alternatif gambar",
        max_length=300,
        blank=True,
        help_text="Uraian singkat gambar untuk pembaca layar.",
    )
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diubah oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diubah_pada = models.DateTimeField("diubah pada", default=timezone.now)

    class Meta:
        verbose_name = "bagian profil"
        verbose_name_plural = "bagian profil"
        constraints = [
            models.UniqueConstraint(fields=["satker", "bagian"], name="bagian_profil_unik")
        ]

    def __str__(self):
        return f"{self.satker} — {self.get_bagian_display()}"

    def get_absolute_url(self):
        return reverse("publicsite:profil-bagian", args=[self.satker.slug, self.bagian])

    @property
    def isi_aman(self):
        """The content for a page: sanitised again, whatever wrote the row."""
        from .sanitasi import tampilkan

        return tampilkan(self.isi)

    @property
    def berisi(self) -> bool:
        return bool(self.isi.strip() or self.gambar)


class RevisiBagianProfil(models.Model):
    """Every saved state of a section: who changed it, when, and to what."""

    bagian = models.ForeignKey(
        BagianProfil, verbose_name="bagian", on_delete=models.CASCADE, related_name="revisi"
    )
    isi = models.TextField("isi", blank=True)
    gambar = models.CharField("berkas gambar", max_length=255, blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diubah oleh",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diubah_pada = models.DateTimeField("diubah pada", default=timezone.now)

    class Meta:
        verbose_name = "revisi bagian profil"
        verbose_name_plural = "revisi bagian profil"
        ordering = ["-diubah_pada", "-id"]

    def __str__(self):
        return f"{self.bagian} — {self.diubah_pada:%Y-%m-%d %H:%M}"


class KategoriPesan(models.TextChoices):
    SARAN = "saran", "Saran"
    PERTANYAAN = "pertanyaan", "Pertanyaan"
    PERMINTAAN_DOKUMEN = "permintaan-dokumen", "Permintaan dokumen"
    PENGADUAN = "pengaduan", "Pengaduan"


class StatusPesan(models.TextChoices):
    BARU = "baru", "Baru"
    DIBACA = "dibaca", "Dibaca"
    DIJAWAB = "dijawab", "Dijawab"
    ARSIP = "arsip", "Arsip"


class PesanKontak(models.Model):
    """A reader's message to one Satker. No IP address is kept: the rate
    limit lives in the cache only (profil.kontak)."""

    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.CASCADE, related_name="pesan_kontak"
    )
    nama = models.CharField("nama", max_length=100)
    email = models.EmailField("email", max_length=254)
    kategori = models.CharField("kategori", max_length=30, choices=KategoriPesan.choices)
    pesan = models.TextField("pesan", max_length=MAKS_PESAN)
    status = models.CharField(
        "status", max_length=10, choices=StatusPesan.choices, default=StatusPesan.BARU
    )
    catatan = models.TextField("catatan internal", max_length=MAKS_CATATAN, blank=True)
    dikirim_pada = models.DateTimeField("dikirim pada", default=timezone.now)
    diubah_pada = models.DateTimeField("diubah pada", null=True, blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ditangani oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The hooks workflow.notifikasi reads to build its email, so a new message
    # is announced through the same queue as every procedure's step.
    NAMA_OBJEK = "pesan kontak"
    STATUS_SELESAI = (StatusPesan.DIJAWAB, StatusPesan.ARSIP)

    class Meta:
        verbose_name = "pesan kontak"
        verbose_name_plural = "pesan kontak"
        ordering = ["-dikirim_pada", "-id"]
        indexes = [models.Index(fields=["satker", "status", "-dikirim_pada"])]

    def __str__(self):
        return f"{self.get_kategori_display()} dari {self.nama}"

    def get_absolute_url(self):
        return reverse("profil:pesan-detail", args=[self.pk])

    def penerima_berikutnya(self):
        from .akses import pengelola_satker

        return pengelola_satker(self.satker_id)

    def judul_tugas(self) -> str:
        # One line: it becomes an email subject.
        return " ".join(str(self).split())

    def subjudul_tugas(self) -> str:
        return Truncator(" ".join(self.pesan.split())).chars(140)

    def label_jenis(self) -> str:
        return "Pesan kontak"
