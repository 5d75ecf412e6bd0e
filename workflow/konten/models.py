"""Konten media sosial JDIH (sop 004, Kalimantan Tengah): how a published
produk hukum reaches people through the office's social-media accounts.

Kepala Bagian gives the disposisi (with its Nota Dinas) → Staf gathers the
material and drafts the konsep konten → hands it in → Kasubbag Hukum & SDM
corrects (back with notes) or approves → Kepala Bagian orders the posting
(Nota Dinas) → Staf posts and records each post's link.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from documents.models import JenisKonten, KontenTerbit, Platform, ProdukHukum

from ..mesin import AlurKerja, Prosedur, Tahap, daftarkan, izin

__all__ = [
    "CatatanKoreksiKonten",
    "GambarKonten",
    "JenisKonten",
    "KontenMedsos",
    "RevisiKonten",
    "StatusKonten",
    "TautanUnggahan",
]


class StatusKonten(models.TextChoices):
    DIDISPOSISI = "didisposisi", "Didisposisi: menyusun konsep"
    DIKOREKSI = "dikoreksi", "Konsep diserahkan: koreksi"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan untuk diperbaiki"
    DISETUJUI = "disetujui", "Disetujui: menunggu perintah unggah"
    SIAP_UNGGAH = "siap_unggah", "Perintah pengunggahan diberikan"
    DIUNGGAH = "diunggah", "Diunggah ke media sosial"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


S = StatusKonten

PROSEDUR_KONTEN = daftarkan(
    Prosedur(
        kode="konten",
        nama="Konten media sosial JDIH",
        sop="SOP 004",
        tahap=tuple(
            Tahap("konten", kode, nama, langkah)
            for kode, nama, langkah in [
                ("konsep", "Menghimpun bahan, membuat dan menyerahkan konsep konten", (2, 3)),
                ("koreksi", "Perbaikan/koreksi/persetujuan konsep konten", (4,)),
                ("perintah", "Perintah pengunggahan (Nota Dinas)", (5,)),
                ("unggah", "Pengunggahan konten media sosial", (6,)),
            ]
        ),
        mutu_bawaan={1: 1, 2: 60, 3: 1, 4: 5, 5: 1, 6: 1},
        nama_langkah={
            1: "1. Disposisi/petunjuk membuat konten (Nota Dinas)",
            2: "2. Menghimpun bahan dan membuat konsep konten",
            3: "3. Menyerahkan konsep konten",
            4: "4. Perbaikan/koreksi/persetujuan konsep konten",
            5: "5. Perintah pengunggahan (Nota Dinas)",
            6: "6. Pengunggahan konten media sosial",
        },
    )
)

TAHAP_STATUS = {
    S.DIDISPOSISI: "konsep",
    S.DIKEMBALIKAN: "konsep",
    S.DIKOREKSI: "koreksi",
    S.DISETUJUI: "perintah",
    S.SIAP_UNGGAH: "unggah",
}

# Caption limits of each platform (characters), checked per target platform.
BATAS_CAPTION = {
    Platform.INSTAGRAM: 2200,
    Platform.FACEBOOK: 63206,
    Platform.X: 280,
    Platform.TIKTOK: 2200,
    Platform.YOUTUBE: 5000,
    Platform.WHATSAPP: 4096,
}


class KontenMedsos(AlurKerja):
    """One piece of content, walked through sop 004 state by state."""

    jenis_konten = models.CharField("jenis konten", max_length=30, choices=JenisKonten.choices)
    judul = models.CharField("judul", max_length=255)
    petunjuk = models.TextField("petunjuk disposisi")
    nota_nomor = models.CharField("nomor Nota Dinas disposisi", max_length=100)
    nota_tanggal = models.DateField("tanggal Nota Dinas disposisi")
    staf = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="staf yang ditugasi",
        on_delete=models.PROTECT,
        related_name="konten_ditugasi",
    )
    tanggal_rencana = models.DateField("rencana tanggal unggah", null=True, blank=True)
    putaran_koreksi = models.PositiveSmallIntegerField("putaran koreksi", default=0)
    perintah_nomor = models.CharField(
        "nomor Nota Dinas perintah unggah", max_length=100, blank=True
    )
    perintah_tanggal = models.DateField("tanggal Nota Dinas perintah unggah", null=True, blank=True)
    status = FSMField(
        "status",
        max_length=20,
        choices=StatusKonten.choices,
        default=StatusKonten.DIDISPOSISI,
        protected=True,
        db_index=True,
    )
    terbit = models.OneToOneField(
        KontenTerbit,
        verbose_name="konten terbit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="konten_medsos",
    )
    alasan_batal = models.TextField("alasan pembatalan", blank=True)

    NAMA_OBJEK = "konten"
    STATUS_SELESAI = (S.DIUNGGAH, S.DIBATALKAN)
    AKSI_TRANSISI = frozenset(
        {"serahkan", "kembalikan", "setujui", "perintahkan_unggah", "unggah", "batalkan"}
    )
    LABEL_AKSI = {
        "disposisi": "Disposisi membuat konten (Nota Dinas)",
        "simpan-konsep": "Menyimpan konsep konten",
        "unggah-gambar": "Menambah gambar",
        "serahkan": "Menyerahkan konsep konten",
        "kembalikan": "Mengembalikan dengan catatan koreksi",
        "setujui": "Menyetujui konsep konten",
        "perintahkan_unggah": "Perintah pengunggahan (Nota Dinas)",
        "unggah": "Mengunggah ke media sosial dan mencatat tautan",
        "batalkan": "Membatalkan konten",
    }
    RELASI_KUNCI = ("satker", "staf")

    class Meta:
        verbose_name = "konten media sosial"
        verbose_name_plural = "konten media sosial"
        ordering = ["status_sejak", "id"]
        indexes = [models.Index(fields=["satker", "status", "status_sejak"])]

    def __str__(self):
        return self.judul

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("workflow:konten", args=[self.pk])

    # --- the engine's hooks ---

    def prosedur(self):
        return PROSEDUR_KONTEN

    def tahap_menunggu(self, jumlah_tingkat=None):
        kode = TAHAP_STATUS.get(self.status)
        return PROSEDUR_KONTEN.tahap_kode(kode) if kode else None

    def tahap_jejak(self, dari_status, aksi):
        if not dari_status or aksi not in self.AKSI_TRANSISI or aksi == "batalkan":
            return None
        kode = TAHAP_STATUS.get(dari_status)
        return PROSEDUR_KONTEN.tahap_kode(kode) if kode else None

    def penerima_berikutnya(self):
        from ..notifikasi import pengguna_peran
        from ..peran import Peran

        User = self._meta.get_field("staf").related_model
        if self.status in (S.DIDISPOSISI, S.DIKEMBALIKAN, S.SIAP_UNGGAH):
            return User.objects.filter(pk=self.staf_id, is_active=True)
        if self.status == S.DIKOREKSI:
            return pengguna_peran(self.satker_id, Peran.KASUBBAG)
        if self.status == S.DISETUJUI:
            return pengguna_peran(self.satker_id, Peran.KEPALA_BAGIAN)
        return User.objects.filter(pk=self.diajukan_oleh_id, is_active=True)

    def alasan_syarat(self, aksi):
        if aksi == "serahkan":
            return "Simpan konsep konten (judul, keterangan, platform) lebih dahulu."
        return super().alasan_syarat(aksi)

    def judul_tugas(self):
        return self.judul

    def subjudul_tugas(self):
        return self.get_jenis_konten_display()

    def label_jenis(self):
        return PROSEDUR_KONTEN.nama

    def revisi_terbaru(self):
        return self.revisi.order_by("-revisi").first()

    def _ada_konsep(self):
        return self.revisi.exists()

    def boleh_susun(self, user) -> bool:
        """may_* for the editor: the named Staf, while the concept is his to write."""
        return self.status in (S.DIDISPOSISI, S.DIKEMBALIKAN) and self._izin_staf(user)

    # --- the state machine; side effects live in workflow.konten.layanan ---

    def _izin_staf(self, user):
        return user.pk == self.staf_id and izin("susun_konten")(self, user)

    @transition(
        field=status,
        source=[S.DIDISPOSISI, S.DIKEMBALIKAN],
        target=S.DIKOREKSI,
        permission=_izin_staf,
        conditions=[_ada_konsep],
    )
    def serahkan(self):
        pass

    @transition(
        field=status, source=S.DIKOREKSI, target=S.DIKEMBALIKAN, permission=izin("koreksi_konten")
    )
    def kembalikan(self):
        self.putaran_koreksi += 1

    @transition(
        field=status, source=S.DIKOREKSI, target=S.DISETUJUI, permission=izin("koreksi_konten")
    )
    def setujui(self):
        pass

    @transition(
        field=status,
        source=S.DISETUJUI,
        target=S.SIAP_UNGGAH,
        permission=izin("disposisi_konten"),
    )
    def perintahkan_unggah(self):
        pass

    @transition(field=status, source=S.SIAP_UNGGAH, target=S.DIUNGGAH, permission=_izin_staf)
    def unggah(self):
        pass

    @transition(
        field=status,
        source=[S.DIDISPOSISI, S.DIKOREKSI, S.DIKEMBALIKAN, S.DISETUJUI, S.SIAP_UNGGAH],
        target=S.DIBATALKAN,
        permission=izin("disposisi_konten"),
    )
    def batalkan(self):
        pass


def lokasi_gambar(gambar, filename):
    return f"konten-draf/{gambar.konten_id}/{gambar.sha256}.{gambar.format.lower()}"


class GambarKonten(models.Model):
    """An image of a concept: checked by content with Pillow, re-encoded
    without EXIF, or a share card the product drew itself."""

    konten = models.ForeignKey(KontenMedsos, on_delete=models.CASCADE, related_name="gambar")
    berkas = models.ImageField("gambar", upload_to=lokasi_gambar, max_length=255)
    nama_asli = models.CharField("nama berkas asli", max_length=255, blank=True)
    format = models.CharField("format", max_length=10)
    lebar = models.PositiveIntegerField("lebar (px)")
    tinggi = models.PositiveIntegerField("tinggi (px)")
    ukuran = models.PositiveIntegerField("ukuran (bita)")
    sha256 = models.CharField("SHA-256", max_length=64)
    kartu_produk = models.ForeignKey(
        ProdukHukum,
        verbose_name="kartu dari produk hukum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kartu_ukuran = models.CharField("ukuran kartu", max_length=20, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oleh", on_delete=models.PROTECT, related_name="+"
    )
    diunggah_pada = models.DateTimeField("diunggah", default=timezone.now)

    class Meta:
        verbose_name = "gambar konten"
        verbose_name_plural = "gambar konten"
        ordering = ["konten", "id"]

    def __str__(self):
        return self.nama_asli or f"gambar {self.pk}"


class RevisiKonten(models.Model):
    """One saved version of the konsep konten; every save is kept."""

    konten = models.ForeignKey(KontenMedsos, on_delete=models.CASCADE, related_name="revisi")
    revisi = models.PositiveIntegerField("revisi")
    jenis_konten = models.CharField("jenis konten", max_length=30, choices=JenisKonten.choices)
    judul = models.CharField("judul", max_length=255)
    caption = models.TextField("keterangan (caption)", blank=True)
    tagar = models.CharField("tagar", max_length=500, blank=True)
    video_url = models.URLField("tautan video", blank=True)
    platform = models.JSONField("platform tujuan", default=list)
    tanggal_rencana = models.DateField("rencana tanggal unggah", null=True, blank=True)
    produk = models.ManyToManyField(ProdukHukum, verbose_name="produk hukum", related_name="+")
    gambar = models.ManyToManyField(
        GambarKonten, verbose_name="gambar", related_name="+", blank=True
    )
    catatan = models.CharField("catatan revisi", max_length=500, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oleh", on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField("disimpan", default=timezone.now)

    class Meta:
        verbose_name = "revisi konsep konten"
        verbose_name_plural = "revisi konsep konten"
        ordering = ["konten", "revisi"]
        constraints = [
            models.UniqueConstraint(fields=["konten", "revisi"], name="revisi_konten_unik")
        ]

    def __str__(self):
        return f"Revisi {self.revisi}"

    def isi_teks(self) -> dict:
        """The fields a reviewer compares between rounds, as text."""
        label = dict(Platform.choices)
        return {
            "judul": self.judul,
            "caption": self.caption,
            "tagar": self.tagar,
            "platform": ", ".join(label.get(p, p) for p in self.platform),
            "produk": "\n".join(str(p) for p in self.produk.all()),
            "gambar": "\n".join(f"{g} ({g.sha256[:8]})" for g in self.gambar.all()),
            "video_url": self.video_url,
            "tanggal_rencana": self.tanggal_rencana.isoformat() if self.tanggal_rencana else "",
        }


class CatatanKoreksiKonten(models.Model):
    """The Kasubbag's notes of one round."""

    konten = models.ForeignKey(KontenMedsos, on_delete=models.CASCADE, related_name="koreksi")
    putaran = models.PositiveSmallIntegerField("putaran")
    catatan = models.TextField("catatan koreksi")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oleh", on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "catatan koreksi konten"
        verbose_name_plural = "catatan koreksi konten"
        ordering = ["konten", "putaran"]

    def __str__(self):
        return f"Koreksi putaran {self.putaran}"


class TautanUnggahan(models.Model):
    """Where the content was posted: one link per platform."""

    konten = models.ForeignKey(KontenMedsos, on_delete=models.CASCADE, related_name="tautan")
    platform = models.CharField("platform", max_length=20, choices=Platform.choices)
    url = models.URLField("tautan unggahan", max_length=500)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oleh", on_delete=models.PROTECT, related_name="+"
    )
    dicatat_pada = models.DateTimeField("dicatat", default=timezone.now)

    class Meta:
        verbose_name = "tautan unggahan"
        verbose_name_plural = "tautan unggahan"
        ordering = ["konten", "platform"]
        constraints = [
            models.UniqueConstraint(fields=["konten", "platform"], name="tautan_unik_per_platform")
        ]

    def __str__(self):
        return f"{self.get_platform_display()}: {self.url}"
