from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django_fsm import RETURN_VALUE, FSMField, transition
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from documents.models import ProdukHukum, Satker, VersiBerkas

from .mesin import PROSEDUR, AlurKerja, Prosedur, Tahap, daftarkan, izin, pilihan_prosedur
from .peran import PERAN_VALIDATOR, Peran


class SatkerUserObjectPermission(UserObjectPermissionBase):
    """guardian: a user's permission on one Satker (direct FK, fast joins)."""

    content_object = models.ForeignKey(Satker, on_delete=models.CASCADE)


class SatkerGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Satker, on_delete=models.CASCADE)


class PenugasanPeran(models.Model):
    """A user holds an SOP role (a group) in one Satker."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pengguna",
        on_delete=models.CASCADE,
        related_name="penugasan_peran",
    )
    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.CASCADE, related_name="penugasan_peran"
    )
    peran = models.ForeignKey(
        Group, verbose_name="peran", on_delete=models.PROTECT, related_name="penugasan"
    )

    class Meta:
        verbose_name = "penugasan peran"
        verbose_name_plural = "penugasan peran"
        constraints = [
            models.UniqueConstraint(
                fields=["pengguna", "satker", "peran"],
                name="penugasan_unik",
                violation_error_message="Pengguna ini sudah memegang peran tersebut di satker ini.",
            )
        ]

    def __str__(self):
        return f"{self.pengguna} — {self.peran} — {self.satker}"


class Status(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    # Sent back to the proposer at the disposisi step: the Nota Dinas or the
    # naskah asli must be completed before the Kasubbag decides.
    PERLU_DILENGKAPI = "perlu_dilengkapi", "Dikembalikan ke pengusul untuk dilengkapi"
    DIDISPOSISI = "didisposisi", "Didisposisi"
    DITURUNKAN = "diturunkan", "Diturunkan (perbaikan)"
    DIPERIKSA = "diperiksa", "Diperiksa (koreksi)"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan untuk diperbaiki"
    DIVALIDASI = "divalidasi", "Validasi dan persetujuan"
    DISETUJUI = "disetujui", "Disetujui, siap unggah"
    DITOLAK = "ditolak", "Ditolak"
    # A take-down's correction refused ("Tidak"): the product is still down,
    # so the request waits for the way back instead of ending there.
    PERBAIKAN_DITOLAK = "perbaikan_ditolak", "Perbaikan ditolak, menunggu tindak lanjut"
    DIUNGGAH = "diunggah", "Diunggah"
    DITARIK = "ditarik", "Ditarik oleh pengusul"


STATUS_SELESAI = [Status.DITOLAK, Status.DIUNGGAH, Status.DITARIK]
# Before disposisi the request is still the proposer's to withdraw or complete.
STATUS_PENGUSUL = [Status.DIAJUKAN, Status.PERLU_DILENGKAPI]
# After disposisi and while open, the work belongs to the Pengelola named in
# it; the Kasubbag may name another one.
STATUS_DISPOSISI_BERLAKU = [
    Status.DIDISPOSISI,
    Status.DITURUNKAN,
    Status.DIPERIKSA,
    Status.DIKEMBALIKAN,
    Status.DIVALIDASI,
    Status.DISETUJUI,
    Status.PERBAIKAN_DITOLAK,
]
# The states in which the named Pengelola is the one to act.
STATUS_PENGELOLA = [Status.DIDISPOSISI, Status.DIKEMBALIKAN, Status.DITURUNKAN, Status.DISETUJUI]


class JenisPermohonan(models.TextChoices):
    UNGGAH = "unggah", "Pengunggahan"
    PENURUNAN = "penurunan", "Penurunan, perbaikan, dan unggah ulang"


def izin_pengelola(kode):
    """A Pengelola step's permission: the role's permission in the Satker,
    and being the Pengelola the disposisi names (nobody is named before it)."""

    def cek(permohonan, user):
        from .izin import boleh_sebagai_pengelola

        return boleh_sebagai_pengelola(user, permohonan, kode)

    cek.kode = kode
    return cek


def _izin_pengusul(permohonan, user):
    from .izin import boleh_sebagai_pengusul

    return boleh_sebagai_pengusul(user, permohonan)


def _izin_validasi(permohonan, user):
    from .izin import boleh_validasi

    return boleh_validasi(user, permohonan)


def _izin_tindak_lanjut_penolakan(permohonan, user):
    """After "Tidak" on a correction, the Kasubbag who refused it or the
    Pengelola who runs the site may choose the way back. Neither path puts
    anything unapproved online: one restores the version that passed the SOP
    before, the other sends a new correction through every check again."""
    from .izin import boleh_sebagai_pengelola, punya_izin

    return punya_izin(user, "setujui_permohonan", permohonan.satker_id) or boleh_sebagai_pengelola(
        user, permohonan, "unggah_permohonan"
    )


def _izin_kembalikan(permohonan, user):
    from .izin import boleh_validasi, punya_izin

    if permohonan.status == Status.DIPERIKSA:
        return punya_izin(user, "koreksi_permohonan", permohonan.satker_id)
    return boleh_validasi(user, permohonan)


class Permohonan(AlurKerja):
    """A request to publish (unggah) or to take down, fix and re-publish
    (penurunan) one produk hukum, walked through the SOP state by state."""

    jenis = models.CharField(
        "jenis permohonan", max_length=20, choices=JenisPermohonan.choices, db_index=True
    )
    # Empty only for a withdrawn upload request, whose draft product was
    # removed (see ringkasan_produk); never for a request still open.
    produk = models.ForeignKey(
        ProdukHukum,
        verbose_name="produk hukum",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="permohonan",
    )
    ringkasan_produk = models.CharField(
        "produk hukum yang diajukan",
        max_length=600,
        blank=True,
        help_text="Diisi saat permohonan ditarik dan draf produk hukumnya dihapus.",
    )
    status = FSMField(
        "status",
        max_length=20,
        choices=Status.choices,
        default=Status.DIAJUKAN,
        protected=True,
        db_index=True,
    )
    pengelola = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pengelola JDIH",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="permohonan_dikelola",
        help_text="Pengelola JDIH yang dituju disposisi.",
    )
    alasan = models.TextField(
        "alasan penurunan", blank=True, help_text="Hanya untuk usulan penurunan."
    )
    tingkat_lolos = models.PositiveSmallIntegerField("tingkat validasi yang telah lolos", default=0)
    putaran_koreksi = models.PositiveSmallIntegerField("putaran koreksi", default=0)
    alasan_penolakan = models.TextField("alasan penolakan", blank=True)
    versi_perbaikan = models.ForeignKey(
        VersiBerkas,
        verbose_name="versi hasil perbaikan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    NAMA_OBJEK = "permohonan"
    STATUS_SELESAI = tuple(STATUS_SELESAI)
    AKSI_TRANSISI = frozenset(
        {
            "disposisi",
            "turunkan",
            "serahkan",
            "kembalikan",
            "loloskan_koreksi",
            "validasi",
            "setujui",
            "tolak",
            "unggah",
            "terbitkan_kembali",
            "perbaikan_ulang",
            "kembalikan_ke_pengusul",
            "ajukan_ulang",
            "tarik",
        }
    )
    LABEL_AKSI = {
        "ajukan": "Mengajukan permohonan (Nota Dinas)",
        "ajukan-penurunan": "Mengusulkan penurunan (Nota Dinas)",
        "ajukan-dari-penyusunan": "Diteruskan dari penyusunan keputusan (digitalisasi)",
        "disposisi": "Memberi disposisi",
        "turunkan": "Menurunkan dari laman JDIH",
        "ubah-metadata": "Menyiapkan metadata produk hukum",
        "unggah-berkas": "Mengunggah berkas",
        "proses-ulang-berkas": "Memproses ulang berkas",
        "tambah-lampiran": "Menambahkan lampiran",
        "unggah-lampiran": "Mengunggah versi lampiran",
        "hapus-lampiran": "Menghapus lampiran",
        "proses-ulang-lampiran": "Memproses ulang berkas lampiran",
        "serahkan": "Menyerahkan untuk diperiksa",
        "kembalikan": "Mengembalikan dengan catatan koreksi",
        "loloskan_koreksi": "Meloloskan koreksi",
        "validasi": "Memvalidasi",
        "setujui": "Persetujuan: Ya",
        "tolak": "Persetujuan: Tidak",
        "unggah": "Mengunggah ke laman JDIH",
        "terbitkan_kembali": "Menerbitkan kembali versi terakhir yang baik",
        "perbaikan_ulang": "Memerintahkan perbaikan ulang",
        "kembalikan_ke_pengusul": "Mengembalikan ke pengusul untuk dilengkapi",
        "ajukan_ulang": "Melengkapi dan mengajukan ulang",
        "tarik": "Menarik permohonan",
        "alihkan-disposisi": "Mengalihkan disposisi kepada Pengelola JDIH lain",
    }
    RELASI_KUNCI = ("satker", "produk__jenis")

    class Meta:
        verbose_name = "permohonan"
        verbose_name_plural = "permohonan"
        ordering = ["status_sejak", "id"]
        indexes = [models.Index(fields=["satker", "status", "status_sejak"])]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.nama_produk}"

    @property
    def nama_produk(self):
        """The product as staff name it, also after a withdrawal removed the draft."""
        if self.produk_id:
            return str(self.produk)
        return self.ringkasan_produk.split(" — ", 1)[0] or "(draf produk hukum telah dihapus)"

    @property
    def judul_produk(self):
        if self.produk_id:
            return self.produk.judul
        bagian = self.ringkasan_produk.split(" — ", 1)
        return bagian[1] if len(bagian) > 1 else ""

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("workflow:permohonan", args=[self.pk])

    @property
    def penurunan(self):
        return self.jenis == JenisPermohonan.PENURUNAN

    # --- the engine's hooks ---

    def prosedur(self):
        return PROSEDUR_UNGGAH

    def tahap_menunggu(self, jumlah_tingkat=None):
        if self.status == Status.DIVALIDASI and jumlah_tingkat is None:
            jumlah_tingkat = self.jumlah_tingkat()
        return _tahap_unggah(
            _kode_tahap(self.jenis, self.status, self.tingkat_lolos, jumlah_tingkat)
        )

    def tahap_jejak(self, dari_status, aksi):
        # A withdrawal is nobody's step done: it does not time the Kasubbag.
        if not dari_status or aksi == "tarik":
            return None
        if aksi == "validasi" or (dari_status == Status.DIVALIDASI and aksi == "kembalikan"):
            return _tahap_unggah("validasi")
        if dari_status == Status.DIVALIDASI:
            return _tahap_unggah("persetujuan")
        return _tahap_unggah(_kode_tahap(self.jenis, dari_status))

    def keterangan_menunggu(self, tahap, tingkat=None):
        if tahap and tahap.kode == "validasi":
            daftar = tingkat if tingkat is not None else self.daftar_tingkat()
            return f"Validasi {daftar[self.tingkat_lolos].label}"
        return tahap.nama if tahap else ""

    def penerima_berikutnya(self):
        from .notifikasi import penerima_permohonan, pengguna_peran

        if self.status == Status.PERBAIKAN_DITOLAK:
            # Either may choose the way back (see _izin_tindak_lanjut_penolakan);
            # of the Pengelola, only the one the disposisi names.
            if self.pengelola_id:
                from django.contrib.auth import get_user_model

                return (
                    get_user_model()
                    .objects.filter(is_active=True)
                    .filter(
                        models.Q(
                            penugasan_peran__satker_id=self.satker_id,
                            penugasan_peran__peran__name=Peran.KASUBBAG,
                        )
                        | models.Q(pk=self.pengelola_id)
                    )
                    .distinct()
                )
            return pengguna_peran(self.satker_id, Peran.KASUBBAG, Peran.PENGELOLA)
        return penerima_permohonan(self)

    def alasan_syarat(self, aksi):
        if aksi == "serahkan" and self.penurunan:
            if self.status == Status.DIDISPOSISI:
                return "Produk hukum harus diturunkan lebih dahulu (langkah 10)."
            return "Unggah berkas hasil perbaikan beserta keterangan perbaikan lebih dahulu."
        if aksi in ("setujui", "tolak"):
            t = self.tingkat_berikutnya()
            return f"Persetujuan belum dapat diberikan: menunggu validasi {t.label if t else ''}."
        if aksi == "turunkan":
            return "Hanya usulan penurunan yang menurunkan produk hukum."
        if aksi == "terbitkan_kembali":
            return "Produk hukum ini tidak memiliki versi yang pernah terbit untuk dipulihkan."
        if aksi == "kembalikan_ke_pengusul":
            return (
                "Pengaju permohonan ini tidak lagi memegang peran Sub Bagian Pengusul di satker "
                "ini, sehingga tidak ada yang dapat melengkapinya. Beri disposisi atau minta "
                "admin menetapkan perannya kembali."
            )
        if aksi == "tarik":
            return (
                "Permohonan yang dibuka dari penyusunan keputusan (digitalisasi) tidak dapat "
                "ditarik."
            )
        return super().alasan_syarat(aksi)

    def judul_tugas(self):
        return self.nama_produk

    def subjudul_tugas(self):
        return self.judul_produk

    # --- the disposisi names who acts ---

    @property
    def menunggu_pengelola(self):
        return self.status in STATUS_PENGELOLA or self.status == Status.PERBAIKAN_DITOLAK

    def nama_pengelola(self):
        u = self.pengelola
        return (u.get_full_name() or u.username) if u else ""

    def catatan_penugasan(self, user) -> str:
        """For another Pengelola of the Satker: who the disposisi names, and
        that only that person acts. Empty for everyone else."""
        from .izin import punya_izin

        if (
            not self.pengelola_id
            or self.pengelola_id == user.pk
            or self.status not in STATUS_DISPOSISI_BERLAKU
            or not punya_izin(user, "siapkan_permohonan", self.satker_id)
        ):
            return ""
        return pesan_penugasan(self)

    def label_jenis(self):
        return self.get_jenis_display()

    # --- the state machine; side effects live in workflow.layanan ---

    @transition(
        field=status,
        source=Status.DIAJUKAN,
        target=Status.DIDISPOSISI,
        permission=izin("disposisi_permohonan"),
    )
    def disposisi(self):
        pass

    # --- before disposisi: the proposer completes or withdraws ---

    def _pengusul_dapat_melengkapi(self):
        from .izin import punya_izin

        return punya_izin(self.diajukan_oleh, "ajukan_permohonan", self.satker_id)

    @transition(
        field=status,
        source=Status.DIAJUKAN,
        target=Status.PERLU_DILENGKAPI,
        permission=izin("disposisi_permohonan"),
        conditions=[_pengusul_dapat_melengkapi],
    )
    def kembalikan_ke_pengusul(self):
        pass

    @transition(
        field=status,
        source=Status.PERLU_DILENGKAPI,
        target=Status.DIAJUKAN,
        permission=_izin_pengusul,
    )
    def ajukan_ulang(self):
        pass

    def _bukan_dari_penyusunan(self):
        return not self.jejak.filter(aksi="ajukan-dari-penyusunan").exists()

    @transition(
        field=status,
        source=STATUS_PENGUSUL,
        target=Status.DITARIK,
        permission=_izin_pengusul,
        conditions=[_bukan_dari_penyusunan],
    )
    def tarik(self):
        pass

    def _boleh_turunkan(self):
        return self.jenis == JenisPermohonan.PENURUNAN

    @transition(
        field=status,
        source=Status.DIDISPOSISI,
        target=Status.DITURUNKAN,
        permission=izin_pengelola("turunkan_permohonan"),
        conditions=[_boleh_turunkan],
    )
    def turunkan(self):
        pass

    def _siap_diserahkan(self):
        # A take-down goes down first (step 10) before any fix is handed in.
        if self.jenis == JenisPermohonan.PENURUNAN:
            return self.status != Status.DIDISPOSISI and self.versi_perbaikan_id is not None
        return True

    @transition(
        field=status,
        source=[Status.DIDISPOSISI, Status.DITURUNKAN, Status.DIKEMBALIKAN],
        target=Status.DIPERIKSA,
        permission=izin_pengelola("siapkan_permohonan"),
        conditions=[_siap_diserahkan],
    )
    def serahkan(self):
        pass

    @transition(
        field=status,
        source=[Status.DIPERIKSA, Status.DIVALIDASI],
        target=Status.DIKEMBALIKAN,
        permission=_izin_kembalikan,
    )
    def kembalikan(self):
        self.tingkat_lolos = 0

    @transition(
        field=status,
        source=Status.DIPERIKSA,
        target=Status.DIVALIDASI,
        permission=izin("koreksi_permohonan"),
    )
    def loloskan_koreksi(self):
        self.tingkat_lolos = 0

    @transition(
        field=status,
        source=Status.DIVALIDASI,
        target=Status.DIVALIDASI,
        permission=_izin_validasi,
    )
    def validasi(self):
        self.tingkat_lolos += 1

    def _semua_tingkat_lolos(self):
        return self.tingkat_lolos >= self.jumlah_tingkat()

    @transition(
        field=status,
        source=Status.DIVALIDASI,
        target=Status.DISETUJUI,
        permission=izin("setujui_permohonan"),
        conditions=[_semua_tingkat_lolos],
    )
    def setujui(self):
        pass

    @transition(
        field=status,
        source=Status.DIVALIDASI,
        target=RETURN_VALUE(Status.DITOLAK, Status.PERBAIKAN_DITOLAK),
        permission=izin("setujui_permohonan"),
        conditions=[_semua_tingkat_lolos],
    )
    def tolak(self):
        # A refused upload ends; a refused correction leaves the product down
        # ("sedang diperbaiki"), so it waits for the way back.
        return Status.PERBAIKAN_DITOLAK if self.penurunan else Status.DITOLAK

    def versi_kembali(self):
        """The version re-published by terbitkan_kembali: the last one that
        was public before the take-down (corrections are never published
        before approval, so it is the newest published one)."""
        return self.produk.versi_terbit()

    def _ada_versi_kembali(self):
        return self.versi_kembali() is not None

    @transition(
        field=status,
        source=Status.PERBAIKAN_DITOLAK,
        target=Status.DITOLAK,
        permission=_izin_tindak_lanjut_penolakan,
        conditions=[_ada_versi_kembali],
    )
    def terbitkan_kembali(self):
        pass

    @transition(
        field=status,
        source=Status.PERBAIKAN_DITOLAK,
        target=Status.DITURUNKAN,
        permission=_izin_tindak_lanjut_penolakan,
    )
    def perbaikan_ulang(self):
        # The refused file is not the correction any more: a new one must be
        # uploaded before handing in, and every level checks it again.
        self.versi_perbaikan = None
        self.tingkat_lolos = 0
        self.alasan_penolakan = ""

    @transition(
        field=status,
        source=Status.DISETUJUI,
        target=Status.DIUNGGAH,
        permission=izin_pengelola("unggah_permohonan"),
    )
    def unggah(self):
        pass

    # --- validation chain ---

    def daftar_tingkat(self):
        if not hasattr(self, "_daftar_tingkat"):
            self._daftar_tingkat = list(
                TingkatValidasi.objects.filter(satker_id=self.satker_id).select_related("peran")
            )
        return self._daftar_tingkat

    def jumlah_tingkat(self):
        return len(self.daftar_tingkat())

    def tingkat_berikutnya(self):
        """The validation level waiting now, or None when all have passed."""
        if self.status != Status.DIVALIDASI:
            return None
        daftar = self.daftar_tingkat()
        return daftar[self.tingkat_lolos] if self.tingkat_lolos < len(daftar) else None


def pesan_penugasan(permohonan) -> str:
    return (
        f"Didisposisikan kepada {permohonan.nama_pengelola()}; hanya beliau yang dapat "
        "menindaklanjuti."
    )


def lokasi_nota_dinas(nota, filename):
    return f"nota-dinas/{nota.permohonan_id}/{nota.sha256}.pdf"


class NotaDinas(models.Model):
    """The memo that starts a request: its data, its own PDF (the memo as
    signed) and, for an upload, the signed original it carries."""

    permohonan = models.OneToOneField(
        Permohonan, on_delete=models.CASCADE, related_name="nota_dinas"
    )
    nomor = models.CharField("nomor", max_length=100)
    tanggal = models.DateField("tanggal")
    perihal = models.CharField("perihal", max_length=255)
    dari = models.CharField("dari", max_length=200)
    kepada = models.CharField("kepada", max_length=200)
    naskah_asli = models.ForeignKey(
        VersiBerkas,
        verbose_name="naskah asli bertanda tangan (PDF)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Untuk pengunggahan, naskah ini menjadi versi pertama produk hukum.",
    )
    # Staff only (workflow:nota-dinas), never public. Empty for requests made
    # before the form asked for it and for those opened by sop 003's
    # digitalisation, which has no memo of its own.
    berkas = models.FileField(
        "berkas Nota Dinas (PDF)", upload_to=lokasi_nota_dinas, blank=True, max_length=255
    )
    nama_berkas = models.CharField("nama berkas asli", max_length=255, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    ukuran = models.PositiveBigIntegerField("ukuran (bita)", null=True, blank=True)
    jumlah_halaman = models.PositiveIntegerField("jumlah halaman", null=True, blank=True)

    class Meta:
        verbose_name = "nota dinas"
        verbose_name_plural = "nota dinas"

    def __str__(self):
        return f"Nota Dinas {self.nomor}"


class Disposisi(models.Model):
    """The instruction slip the Kasubbag writes on the Nota Dinas."""

    permohonan = models.OneToOneField(
        Permohonan, on_delete=models.CASCADE, related_name="disposisi_kasubbag"
    )
    dari = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="dari", on_delete=models.PROTECT, related_name="+"
    )
    kepada = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="kepada",
        on_delete=models.PROTECT,
        related_name="+",
    )
    petunjuk = models.TextField("petunjuk")
    tanggal = models.DateTimeField("tanggal", default=timezone.now)

    class Meta:
        verbose_name = "disposisi"
        verbose_name_plural = "disposisi"

    def __str__(self):
        return f"Disposisi {self.permohonan}"


class Koreksi(models.Model):
    """Correction notes of one round, shown to the Pengelola who must fix them."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="koreksi")
    putaran = models.PositiveSmallIntegerField("putaran")
    catatan = models.TextField("catatan koreksi")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oleh", on_delete=models.PROTECT, related_name="+"
    )
    tingkat = models.CharField("tingkat", max_length=200, blank=True)
    dibuat_pada = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "koreksi"
        verbose_name_plural = "koreksi"
        ordering = ["permohonan", "putaran"]

    def __str__(self):
        return f"Koreksi putaran {self.putaran} — {self.permohonan}"


class TingkatValidasi(models.Model):
    """An extra, ordered validation level of one Satker (sop 001, sop 002)."""

    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.CASCADE, related_name="tingkat_validasi"
    )
    urutan = models.PositiveSmallIntegerField("urutan")
    peran = models.ForeignKey(
        Group,
        verbose_name="peran validator",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"name__in": [str(p) for p in PERAN_VALIDATOR]},
    )
    nama = models.CharField("nama tingkat", max_length=200, blank=True)

    class Meta:
        verbose_name = "tingkat validasi"
        verbose_name_plural = "tingkat validasi"
        ordering = ["satker", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "urutan"],
                name="tingkat_validasi_urutan_unik",
                violation_error_message="Urutan ini sudah dipakai di satker ini.",
            )
        ]

    def __str__(self):
        return self.nama or self.peran.name

    @property
    def label(self):
        return self.nama or self.peran.name


class MutuBaku(models.Model):
    """Time standard of one SOP line of one procedure; a Satker may override
    the procedure's default."""

    prosedur = models.CharField(
        "prosedur", max_length=30, choices=pilihan_prosedur, default="unggah"
    )
    langkah = models.PositiveSmallIntegerField("langkah")
    menit = models.PositiveIntegerField("waktu (menit)")
    satker = models.ForeignKey(
        Satker,
        verbose_name="satker",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mutu_baku",
        help_text="Kosongkan untuk standar bawaan semua satker.",
    )

    class Meta:
        verbose_name = "mutu baku waktu"
        verbose_name_plural = "mutu baku waktu"
        ordering = ["prosedur", "satker__nama", "langkah"]
        constraints = [
            models.UniqueConstraint(
                fields=["prosedur", "langkah", "satker"],
                name="mutu_baku_unik_per_satker",
                violation_error_message="Mutu baku langkah ini sudah diatur untuk satker ini.",
            ),
            models.UniqueConstraint(
                fields=["prosedur", "langkah"],
                condition=models.Q(satker__isnull=True),
                name="mutu_baku_bawaan_unik",
                violation_error_message="Mutu baku bawaan langkah ini sudah ada.",
            ),
        ]

    def __str__(self):
        return f"{self.nama_langkah()}: {self.menit} menit"

    def nama_langkah(self):
        prosedur = PROSEDUR.get(self.prosedur)
        if prosedur is None:
            return f"{self.prosedur} {self.langkah}"
        return f"{prosedur.sop} · {prosedur.nama_langkah.get(self.langkah, self.langkah)}"

    def clean(self):
        prosedur = PROSEDUR.get(self.prosedur)
        if prosedur is None:
            raise ValidationError({"prosedur": "Prosedur tidak dikenal."})
        if self.langkah not in prosedur.nama_langkah:
            daftar = ", ".join(str(n) for n in prosedur.nama_langkah)
            raise ValidationError(
                {"langkah": f"Langkah tidak ada dalam {prosedur.sop}; pilih salah satu: {daftar}."}
            )


class JejakAuditQuerySet(models.QuerySet):
    """Reads and appends only: the bulk paths that skip the model's save() and
    delete() refuse as well. On PostgreSQL a trigger refuses UPDATE and DELETE
    on the table itself (migration 0007), whoever sends them."""

    def update(self, **kwargs):
        raise JejakTidakDapatDiubah("Jejak audit tidak dapat diubah.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise JejakTidakDapatDiubah("Jejak audit tidak dapat diubah.")

    def delete(self):
        raise JejakTidakDapatDiubah("Jejak audit tidak dapat dihapus.")

    delete.queryset_only = True

    def _raw_delete(self, using):
        raise JejakTidakDapatDiubah("Jejak audit tidak dapat dihapus.")


class JejakAudit(models.Model):
    """Append-only record of every action on an item of any procedure.

    Nothing deletes it by cascade: its user, satker and content type are
    PROTECT, and the item is named by id, not by a foreign key, so the trail
    outlives the item it describes."""

    jenis_alur = models.ForeignKey(
        ContentType,
        verbose_name="prosedur",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    alur_id = models.PositiveBigIntegerField("nomor item", editable=False)
    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.PROTECT, related_name="+", editable=False
    )
    aksi = models.CharField("aksi", max_length=40, editable=False)
    dari_status = models.CharField("dari", max_length=20, blank=True, editable=False)
    ke_status = models.CharField("ke", max_length=20, editable=False)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oleh",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    waktu = models.DateTimeField("waktu", default=timezone.now, editable=False)
    catatan = models.TextField("catatan", blank=True, editable=False)
    alamat_ip = models.GenericIPAddressField("alamat IP", null=True, blank=True, editable=False)

    objects = JejakAuditQuerySet.as_manager()

    class Meta:
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit"
        ordering = ["jenis_alur", "alur_id", "waktu", "id"]
        indexes = [models.Index(fields=["jenis_alur", "alur_id", "waktu"])]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.oleh} {self.aksi}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise JejakTidakDapatDiubah("Jejak audit tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise JejakTidakDapatDiubah("Jejak audit tidak dapat dihapus.")


class JejakTidakDapatDiubah(Exception):
    pass


# --- sop 000–002 as the engine sees it --------------------------------------

VALIDASI = 20  # the SOP line of each extra validation level (sop 001/002)
# Not a line of sop 000: the choice after "Tidak" on a correction. Timed like
# line 12 (re-upload, 15 minutes) — the public page is down meanwhile.
TINDAK_LANJUT_PENOLAKAN = 21
# Not a line of sop 000 either: the proposer completing a request the
# Kasubbag sent back. The SOP sets no time for it, so it has no standard
# unless a Satker sets one.
MELENGKAPI = 22

PROSEDUR_UNGGAH = daftarkan(
    Prosedur(
        kode="unggah",
        nama="Pengunggahan dan penurunan produk hukum",
        sop="SOP 000–002",
        tahap=tuple(
            Tahap("unggah", kode, nama, langkah, label)
            for kode, nama, langkah, label in [
                ("disposisi", "Menerima Nota Dinas dan memberi disposisi", (1, 2), ""),
                ("siapkan", "Menyiapkan dan menyerahkan produk hukum", (3, 4), ""),
                ("koreksi", "Mengoreksi produk hukum", (5,), ""),
                ("validasi", "Validasi tingkat satker", (VALIDASI,), "SOP 001/002"),
                ("persetujuan", "Persetujuan", (6,), ""),
                ("unggah", "Mengunggah produk hukum", (7,), ""),
                (
                    "disposisi-penurunan",
                    "Menerima usulan penurunan dan memberi disposisi",
                    (8, 9),
                    "",
                ),
                ("turunkan", "Menurunkan produk hukum", (10,), ""),
                ("perbaikan", "Memperbaiki produk hukum yang diturunkan", (11,), ""),
                ("unggah-ulang", "Mengunggah ulang produk hukum hasil perbaikan", (12,), ""),
                (
                    "tindak-lanjut-penolakan",
                    "Menindaklanjuti penolakan perbaikan: terbitkan kembali atau perbaikan ulang",
                    (TINDAK_LANJUT_PENOLAKAN,),
                    "Tindak lanjut penolakan",
                ),
                (
                    "melengkapi",
                    "Melengkapi permohonan yang dikembalikan (Sub Bagian Pengusul)",
                    (MELENGKAPI,),
                    "Di luar SOP (tanpa mutu baku)",
                ),
            ]
        ),
        mutu_bawaan={
            1: 10,
            2: 10,
            3: 60,
            4: 10,
            5: 60,
            6: 10,
            7: 15,
            8: 10,
            9: 10,
            10: 20,
            11: 60,
            12: 15,
            VALIDASI: 30,
            TINDAK_LANJUT_PENOLAKAN: 15,
            MELENGKAPI: None,
        },
        nama_langkah={
            1: "1. Menerima Nota Dinas permohonan pengunggahan",
            2: "2. Memberi petunjuk (disposisi) pengunggahan",
            3: "3. Menerima, memahami, dan menyiapkan produk hukum",
            4: "4. Menyerahkan produk hukum untuk diperiksa",
            5: "5. Menerima dan mengoreksi produk hukum",
            6: "6. Memberi persetujuan pengunggahan",
            7: "7. Mengunggah produk hukum",
            8: "8. Menerima usulan penurunan",
            9: "9. Memberi petunjuk (disposisi) penurunan",
            10: "10. Menurunkan produk hukum",
            11: "11. Memperbaiki produk hukum yang diturunkan",
            12: "12. Mengunggah ulang produk hukum hasil perbaikan",
            VALIDASI: "Validasi tambahan, per tingkat (SOP 001/002)",
            TINDAK_LANJUT_PENOLAKAN: (
                "Tindak lanjut penolakan perbaikan (terbitkan kembali atau perbaikan ulang)"
            ),
            MELENGKAPI: "Melengkapi permohonan yang dikembalikan ke pengusul (di luar SOP)",
        },
    )
)


def _tahap_unggah(kode):
    return PROSEDUR_UNGGAH.tahap_kode(kode) if kode else None


def _kode_tahap(jenis, status, tingkat_lolos=0, jumlah_tingkat=0):
    """The sop 000 step a request of ``jenis`` in ``status`` waits for."""
    turun = jenis == JenisPermohonan.PENURUNAN
    if status == Status.DIVALIDASI:
        return "validasi" if tingkat_lolos < (jumlah_tingkat or 0) else "persetujuan"
    return {
        Status.DIAJUKAN: "disposisi-penurunan" if turun else "disposisi",
        Status.DIDISPOSISI: "turunkan" if turun else "siapkan",
        Status.DITURUNKAN: "perbaikan",
        Status.DIKEMBALIKAN: "perbaikan" if turun else "siapkan",
        Status.DIPERIKSA: "koreksi",
        Status.DISETUJUI: "unggah-ulang" if turun else "unggah",
        Status.PERBAIKAN_DITOLAK: "tindak-lanjut-penolakan",
        Status.PERLU_DILENGKAPI: "melengkapi",
    }.get(status)


# The sop 003 procedure lives in its own module; importing it registers its models.
# …and sop 004's.
from .konten.models import *  # noqa: E402,F401,F403
from .penyusunan.models import *  # noqa: E402,F401,F403
