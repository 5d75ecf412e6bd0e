"""The catalogue of legal products (produk hukum), per the national metadata
standard (Permenkumham 8/2019). Knows nothing of the workflow or of web pages."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from . import kosakata


def lokasi_logo_satker(satker, filename):
    # The name changes with the content, so a new logo gets a new URL.
    return f"logo-satker/{filename}"


class Satker(models.Model):
    """One office: KPU RI, a KPU Provinsi or a KPU Kabupaten/Kota."""

    class Tingkat(models.TextChoices):
        PUSAT = "pusat", "Pusat"
        PROVINSI = "provinsi", "Provinsi"
        KABUPATEN_KOTA = "kabupaten-kota", "Kabupaten/Kota"

    class ZonaWaktu(models.TextChoices):
        WIB = "Asia/Jakarta", "WIB (Asia/Jakarta)"
        WITA = "Asia/Makassar", "WITA (Asia/Makassar)"
        WIT = "Asia/Jayapura", "WIT (Asia/Jayapura)"

    nama = models.CharField("nama", max_length=200, unique=True)
    tingkat = models.CharField("tingkat", max_length=20, choices=Tingkat.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name="satker induk",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bawahan",
    )
    slug = models.SlugField(
        "slug",
        max_length=80,
        unique=True,
        help_text="Dipakai di alamat portal publik, mis. /kotawaringin-timur/.",
    )
    teu_badan = models.CharField(
        "T.E.U. badan",
        max_length=255,
        editable=False,
        help_text=(
            "Tajuk Entri Utama, dibentuk dari nama dan tingkat satker, mis. "
            "Indonesia. Komisi Pemilihan Umum Kabupaten Kotawaringin Timur."
        ),
    )
    tempat = models.CharField("tempat penetapan", max_length=100)
    zona_waktu = models.CharField(
        "zona waktu", max_length=40, choices=ZonaWaktu.choices, default=ZonaWaktu.WIB
    )
    alamat = models.TextField("alamat", blank=True)
    email = models.EmailField("email", blank=True)
    # Checked and re-encoded by documents.logo_satker before it is stored;
    # served by publicsite (media is never served directly: it holds drafts).
    logo = models.ImageField(
        "logo",
        upload_to=lokasi_logo_satker,
        blank=True,
        max_length=255,
        help_text=(
            "Tampil di kepala halaman publik satker ini. PNG, JPEG, atau WebP, paling besar "
            "2 MB dan 4000×4000 piksel; disimpan ulang paling tinggi 256 piksel. "
            "Kosong: tanda bawaan KPU."
        ),
    )

    class Meta:
        verbose_name = "satker"
        verbose_name_plural = "satker"
        ordering = ["nama"]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        self.teu_badan = kosakata.teu_badan_satker(self.nama, self.tingkat)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "teu_badan"}
        super().save(*args, **kwargs)

    @property
    def nama_badan(self) -> str:
        """The body's name for letterheads and stamps (not the catalogue heading)."""
        return kosakata.nama_badan_satker(self.nama, self.tingkat)

    @property
    def singkatan_zona(self):
        return {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}.get(
            self.zona_waktu, self.zona_waktu
        )


class TipeDokumen(models.TextChoices):
    PERATURAN = "peraturan", "Peraturan"
    MONOGRAFI = "monografi", "Monografi"
    ARTIKEL = "artikel", "Artikel"
    PUTUSAN = "putusan", "Putusan"


class Jenis(models.Model):
    """The form of a legal product, with its abbreviation (singkatan)."""

    nama = models.CharField("nama", max_length=150, unique=True)
    singkatan = models.CharField("singkatan", max_length=30, unique=True)
    tipe_dokumen = models.CharField(
        "tipe dokumen", max_length=20, choices=TipeDokumen.choices, default=TipeDokumen.PERATURAN
    )
    urutan = models.PositiveSmallIntegerField("urutan tampil", default=100)

    class Meta:
        verbose_name = "jenis produk hukum"
        verbose_name_plural = "jenis produk hukum"
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


class StatusBerlaku(models.TextChoices):
    BERLAKU = "berlaku", "Berlaku"
    TIDAK_BERLAKU = "tidak-berlaku", "Tidak Berlaku"


class StatusPublikasi(models.TextChoices):
    DRAF = "draf", "Draf"
    TERBIT = "terbit", "Terbit"
    DITURUNKAN = "diturunkan", "Diturunkan (sedang diperbaiki)"


class Subjek(models.Model):
    """A managed keyword (subjek) of the catalogue. Spelled once: the same word
    in another case is the same subjek; duplicates are merged in admin."""

    nama = models.CharField("subjek", max_length=kosakata.PANJANG_SUBJEK)
    dibuat_pada = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "subjek"
        verbose_name_plural = "subjek"
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(
                Lower("nama"),
                name="subjek_unik_tanpa_huruf_besar",
                violation_error_message="Subjek ini sudah ada.",
            )
        ]

    def __str__(self):
        return self.nama


class ProdukHukumQuerySet(models.QuerySet):
    def terbit(self):
        """Only what the public may see."""
        return self.filter(status_publikasi=StatusPublikasi.TERBIT)

    def untuk_jdihn(self):
        """What the national network harvests: published, and not switched off."""
        return self.terbit().filter(ikut_jdihn=True)


class ProdukHukumManager(models.Manager.from_queryset(ProdukHukumQuerySet)):
    def get_queryset(self):
        # The full-text vector is large and read only inside the database.
        return super().get_queryset().defer("search_vector", "search_metadata")


class ProdukHukum(models.Model):
    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.PROTECT, related_name="produk_hukum"
    )
    jenis = models.ForeignKey(
        Jenis, verbose_name="jenis", on_delete=models.PROTECT, related_name="produk_hukum"
    )
    tipe_dokumen = models.CharField(
        "tipe dokumen", max_length=20, choices=TipeDokumen.choices, default=TipeDokumen.PERATURAN
    )
    judul = models.TextField("judul")
    teu_badan = models.CharField(
        "T.E.U. badan",
        max_length=255,
        blank=True,
        editable=False,
        help_text="Dari satker, menurut konvensi katalog.",
    )
    nomor = models.CharField("nomor", max_length=100)
    tahun = models.PositiveSmallIntegerField("tahun")
    tempat_penetapan = models.CharField("tempat penetapan", max_length=100, blank=True)
    tanggal_penetapan = models.DateField("tanggal penetapan", null=True, blank=True)
    tanggal_pengundangan = models.DateField("tanggal pengundangan", null=True, blank=True)
    sumber = models.CharField("sumber", max_length=255, blank=True)
    # The keywords as one line, kept by documents.subjek from daftar_subjek:
    # the search index and the feed read it without a join.
    subjek = models.CharField("subjek", max_length=2000, blank=True, editable=False)
    daftar_subjek = models.ManyToManyField(
        Subjek, verbose_name="subjek", blank=True, related_name="produk_hukum"
    )
    status = models.CharField(
        "status", max_length=20, choices=StatusBerlaku.choices, default=StatusBerlaku.BERLAKU
    )
    keterangan_status = models.CharField("keterangan status", max_length=500, blank=True)
    bahasa = models.CharField(
        "bahasa", max_length=50, choices=kosakata.PILIHAN_BAHASA, default=kosakata.BAHASA_BAKU
    )
    lokasi = models.CharField(
        "lokasi", max_length=255, blank=True, help_text="Tempat naskah asli (kertas) disimpan."
    )
    bidang_hukum = models.CharField(
        "bidang hukum", max_length=150, blank=True, choices=kosakata.PILIHAN_BIDANG_HUKUM
    )
    penandatangan = models.CharField("penandatangan", max_length=255, blank=True)
    pemrakarsa = models.CharField("pemrakarsa", max_length=255, blank=True)
    # The structured abstrak of the ILDIS form: heading (subjek, tahun) and
    # jenis/nomor/judul come from the record; these are its own parts.
    abstrak = models.TextField(
        "abstrak: pokok isi", blank=True, help_text="Satu butir pokok isi per baris."
    )
    abstrak_dasar_hukum = models.TextField(
        "abstrak: dasar hukum", blank=True, help_text="Satu peraturan per baris."
    )
    abstrak_catatan = models.TextField(
        "abstrak: catatan",
        blank=True,
        help_text="Satu catatan per baris, mis. mulai berlaku, lampiran.",
    )

    # Monografi (and the author of an artikel).
    penulis = models.CharField("penulis/pengarang", max_length=255, blank=True)
    nomor_panggil = models.CharField("nomor panggil", max_length=100, blank=True)
    isbn = models.CharField(
        "ISBN",
        max_length=20,
        blank=True,
        validators=[],  # checked in clean(): the message names the check digit
    )
    penerbit = models.CharField("penerbit", max_length=255, blank=True)
    tempat_terbit = models.CharField("tempat terbit", max_length=100, blank=True)
    deskripsi_fisik = models.CharField(
        "deskripsi fisik", max_length=255, blank=True, help_text="Mis. xii, 240 hlm.; 21 cm."
    )
    nomor_induk_buku = models.CharField("nomor induk buku", max_length=100, blank=True)
    eksemplar = models.PositiveSmallIntegerField("jumlah eksemplar", null=True, blank=True)
    # Artikel.
    jurnal = models.CharField("sumber (jurnal/majalah)", max_length=255, blank=True)
    volume = models.CharField("volume/nomor terbitan", max_length=50, blank=True)
    halaman = models.CharField("halaman", max_length=50, blank=True, help_text="Mis. 45-67.")
    # Putusan.
    lembaga_peradilan = models.CharField("lembaga peradilan", max_length=255, blank=True)
    nomor_perkara = models.CharField("nomor perkara", max_length=100, blank=True)
    pemohon = models.CharField("pemohon/penggugat", max_length=500, blank=True)
    termohon = models.CharField("termohon/tergugat", max_length=500, blank=True)
    amar = models.TextField("amar putusan", blank=True)
    berkekuatan_hukum_tetap = models.BooleanField("berkekuatan hukum tetap", null=True, blank=True)

    ikut_jdihn = models.BooleanField(
        "ikut integrasi JDIHN",
        default=True,
        help_text="Matikan bila produk ini tidak boleh dipanen jaringan JDIH nasional.",
    )

    status_publikasi = models.CharField(
        "status publikasi",
        max_length=20,
        choices=StatusPublikasi.choices,
        default=StatusPublikasi.DRAF,
        db_index=True,
    )
    diterbitkan_pada = models.DateTimeField("pertama terbit", null=True, blank=True)
    jumlah_dilihat = models.PositiveIntegerField("dilihat", default=0)
    jumlah_unduhan = models.PositiveIntegerField("diunduh", default=0)
    dibuat_pada = models.DateTimeField("dibuat", auto_now_add=True)
    diubah_pada = models.DateTimeField("diubah", auto_now=True)
    # Full-text index (PostgreSQL, config 'indonesian'); kept by documents.pencarian.
    search_vector = SearchVectorField(null=True, editable=False)
    # The metadata part alone, with word positions: ranking and phrases read
    # this small vector instead of the one carrying the PDF text.
    search_metadata = SearchVectorField(null=True, editable=False)

    objects = ProdukHukumManager()

    class Meta:
        verbose_name = "produk hukum"
        verbose_name_plural = "produk hukum"
        ordering = ["-tahun", "-tanggal_penetapan", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "jenis", "nomor", "tahun"],
                name="produk_unik_per_satker_jenis_nomor_tahun",
                violation_error_message=(
                    "Produk hukum dengan satker, jenis, nomor, dan tahun ini sudah ada."
                ),
            )
        ]
        indexes = [
            models.Index(fields=["status_publikasi", "-diterbitkan_pada"]),
            models.Index(fields=["tahun"]),
            # The public search's relevance window (newest published matches
            # first) under its most common filters.
            models.Index(
                fields=["tahun", "-diterbitkan_pada"],
                condition=models.Q(status_publikasi="terbit"),
                name="produk_terbit_tahun_idx",
            ),
            models.Index(
                fields=["jenis", "-diterbitkan_pada"],
                condition=models.Q(status_publikasi="terbit"),
                name="produk_terbit_jenis_idx",
            ),
            models.Index(
                fields=["satker", "-diterbitkan_pada"],
                condition=models.Q(status_publikasi="terbit"),
                name="produk_terbit_satker_idx",
            ),
        ]

    def __str__(self):
        # KPU numbers often carry the year already (…/KPU-Kab/2024): say it once.
        tahun = "" if self.nomor.endswith(str(self.tahun)) else f" Tahun {self.tahun}"
        return f"{self.jenis.singkatan} Nomor {self.nomor}{tahun}"

    def save(self, *args, **kwargs):
        # The catalogue heading is the office's; the type follows the jenis.
        if self.satker_id:
            self.teu_badan = self.satker.teu_badan
            if not self.tempat_penetapan:
                self.tempat_penetapan = self.satker.tempat
        if self.jenis_id:
            self.tipe_dokumen = self.jenis.tipe_dokumen
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "teu_badan", "tipe_dokumen"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("publicsite:detail", args=[self.satker.slug, self.pk, self.slug])

    def clean(self):
        from .tipe import WAJIB_TIPE

        galat = {}
        if self.jenis_id and self.tipe_dokumen != self.jenis.tipe_dokumen:
            self.tipe_dokumen = self.jenis.tipe_dokumen
        for nama in WAJIB_TIPE.get(self.tipe_dokumen, []):
            if getattr(self, nama) in (None, ""):
                label = self._meta.get_field(nama).verbose_name
                tipe = self.get_tipe_dokumen_display().lower()
                galat[nama] = f"Wajib diisi untuk {tipe} ({label})."
        if self.isbn and not kosakata.isbn_valid(self.isbn):
            galat["isbn"] = (
                "ISBN tidak valid: periksa 10 atau 13 digitnya "
                "(angka pemeriksa terakhir tidak cocok)."
            )
        if galat:
            raise ValidationError(galat)

    @property
    def slug(self):
        return slugify(f"{self.jenis.singkatan}-{self.nomor}-{self.tahun}")[:80] or "produk"

    @property
    def terbit(self):
        return self.status_publikasi == StatusPublikasi.TERBIT

    def versi_terbit(self):
        """The version the public sees now: the newest one ever published."""
        return self.versi.filter(diterbitkan_pada__isnull=False).order_by("-nomor_versi").first()

    def versi_terbaru(self):
        return self.versi.order_by("-nomor_versi").first()


# The descriptive fields of the national standard (Permenkumham 8/2019) beyond
# the identity (jenis, tipe, nomor, tahun, judul); forms and the import use it.
BIDANG_METADATA = [
    "tempat_penetapan",
    "tanggal_penetapan",
    "tanggal_pengundangan",
    "sumber",
    "subjek",
    "status",
    "keterangan_status",
    "bahasa",
    "lokasi",
    "bidang_hukum",
    "penandatangan",
    "pemrakarsa",
    "abstrak",
    "abstrak_dasar_hukum",
    "abstrak_catatan",
    "ikut_jdihn",
]


def lokasi_berkas(versi, filename):
    tanggal = timezone.now()
    return f"produk/{tanggal:%Y/%m}/{versi.sha256[:2]}/{versi.sha256}.pdf"


def lokasi_thumbnail(versi, filename):
    return f"thumbnail/{versi.sha256[:2]}/{versi.sha256}.png"


class VersiBerkas(models.Model):
    """One uploaded file of a product. Every upload is a new version; earlier
    versions are kept, with the keterangan perbaikan that explains the change."""

    class StatusProses(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        DIPROSES = "diproses", "Diproses"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    # A version belongs either to the product's main naskah (``produk``) or
    # to one of its lampiran (``lampiran``), never both: ``produk.versi``
    # stays the naskah's versions alone.
    produk = models.ForeignKey(
        ProdukHukum,
        verbose_name="produk hukum",
        on_delete=models.CASCADE,
        related_name="versi",
        null=True,
        blank=True,
    )
    lampiran = models.ForeignKey(
        "Lampiran",
        verbose_name="lampiran",
        on_delete=models.CASCADE,
        related_name="versi",
        null=True,
        blank=True,
    )
    nomor_versi = models.PositiveIntegerField("versi")
    berkas = models.FileField("berkas PDF", upload_to=lokasi_berkas, max_length=255)
    nama_asli = models.CharField("nama berkas asli", max_length=255, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    ukuran = models.PositiveBigIntegerField("ukuran (bita)")
    jumlah_halaman = models.PositiveIntegerField("jumlah halaman")
    teks = models.TextField("teks", blank=True)
    teks_ocr = models.BooleanField(
        "teks hasil OCR", default=False, help_text="Teks dikenali dari pindaian."
    )
    thumbnail = models.ImageField(
        "thumbnail halaman pertama", upload_to=lokasi_thumbnail, blank=True, max_length=255
    )
    status_proses = models.CharField(
        "status pemrosesan",
        max_length=20,
        choices=StatusProses.choices,
        default=StatusProses.MENUNGGU,
    )
    pesan_proses = models.TextField("pesan pemrosesan", blank=True)
    # The worker's lease on a version it is processing: renewed while it works,
    # so a lease that ran out means the worker died or lost its database, and
    # the sweep (documents.pemrosesan.sapu_pemrosesan) hands the version on.
    diproses_sejak = models.DateTimeField("diproses sejak", null=True, blank=True, editable=False)
    sewa_sampai = models.DateTimeField(
        "sewa pemrosesan sampai", null=True, blank=True, editable=False
    )
    percobaan = models.PositiveSmallIntegerField(
        "percobaan pemrosesan",
        default=0,
        editable=False,
        help_text="Berapa kali pemrosesan dimulai sejak terakhir diantrekan staf.",
    )
    keterangan_perbaikan = models.TextField(
        "keterangan perbaikan",
        blank=True,
        help_text="Penjelasan bagi pembaca tentang apa yang diperbaiki pada versi ini.",
    )
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diunggah oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField("diunggah", auto_now_add=True)
    diterbitkan_pada = models.DateTimeField(
        "diterbitkan", null=True, blank=True, help_text="Kosong: belum pernah tampil di publik."
    )

    class Meta:
        verbose_name = "versi berkas"
        verbose_name_plural = "versi berkas"
        ordering = ["produk", "-nomor_versi"]
        constraints = [
            models.UniqueConstraint(fields=["produk", "nomor_versi"], name="versi_unik_per_produk"),
            models.UniqueConstraint(
                fields=["lampiran", "nomor_versi"], name="versi_unik_per_lampiran"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(produk__isnull=False, lampiran__isnull=True)
                    | models.Q(produk__isnull=True, lampiran__isnull=False)
                ),
                name="versi_milik_naskah_atau_lampiran",
            ),
        ]
        indexes = [models.Index(fields=["lampiran", "-nomor_versi"])]

    def __str__(self):
        if self.lampiran_id:
            return f"{self.lampiran} — versi {self.nomor_versi}"
        return f"{self.produk} — versi {self.nomor_versi}"

    @property
    def pemrosesan_macet(self) -> bool:
        """Diproses, but the worker's lease ran out (worker killed or cut off)."""
        from .pemrosesan import macet

        return macet(self)

    @property
    def produk_pemilik(self) -> "ProdukHukum":
        """The product this file belongs to, as naskah or as lampiran."""
        return self.lampiran.produk if self.lampiran_id else self.produk


def lokasi_gambar_halaman(gambar, filename):
    return f"halaman/{gambar.versi_id}/{filename}"


class GambarHalaman(models.Model):
    """One page of a version's naskah rendered as an image for reading on
    phones (documents.halaman_gambar). Only the first pages are rendered; the
    rest stay in the PDF."""

    versi = models.ForeignKey(
        VersiBerkas,
        verbose_name="versi berkas",
        on_delete=models.CASCADE,
        related_name="gambar_halaman",
    )
    nomor = models.PositiveSmallIntegerField("nomor halaman")
    berkas = models.ImageField("gambar", upload_to=lokasi_gambar_halaman, max_length=255)
    lebar = models.PositiveSmallIntegerField("lebar (piksel)")
    tinggi = models.PositiveSmallIntegerField("tinggi (piksel)")
    ukuran = models.PositiveIntegerField("ukuran (bita)")

    class Meta:
        verbose_name = "gambar halaman"
        verbose_name_plural = "gambar halaman"
        ordering = ["versi", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["versi", "nomor"], name="gambar_halaman_unik"),
        ]

    def __str__(self):
        return f"{self.versi} — halaman {self.nomor}"


class Lampiran(models.Model):
    """A file attached to a product beside its main naskah (a lampiran of a
    Keputusan, a supporting table...). Its files are VersiBerkas rows through
    the same PDF intake, versioned and searchable; they are public exactly
    when the product is."""

    produk = models.ForeignKey(
        ProdukHukum, verbose_name="produk hukum", on_delete=models.CASCADE, related_name="lampiran"
    )
    judul = models.CharField("judul lampiran", max_length=255)
    urutan = models.PositiveSmallIntegerField("urutan", default=1)
    dibuat_pada = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "lampiran"
        verbose_name_plural = "lampiran"
        ordering = ["produk", "urutan", "id"]

    def __str__(self):
        return f"Lampiran {self.urutan}: {self.judul}"

    def versi_terbit(self):
        return self.versi.filter(diterbitkan_pada__isnull=False).order_by("-nomor_versi").first()

    def versi_terbaru(self):
        return self.versi.order_by("-nomor_versi").first()


class NilaiTakTerpetakan(models.Model):
    """A free-text catalogue value that did not map to the controlled
    vocabulary when the vocabularies were introduced (or on a later import).
    Kept here, word for word, until staff choose the right value."""

    produk = models.ForeignKey(
        ProdukHukum,
        verbose_name="produk hukum",
        on_delete=models.CASCADE,
        related_name="nilai_tak_terpetakan",
    )
    kolom = models.CharField("kolom", max_length=50)
    nilai = models.TextField("nilai asal")
    dicatat_pada = models.DateTimeField("dicatat", auto_now_add=True)
    selesai = models.BooleanField("sudah ditangani", default=False)

    class Meta:
        verbose_name = "nilai yang belum terpetakan"
        verbose_name_plural = "nilai yang belum terpetakan"
        ordering = ["selesai", "kolom", "nilai"]

    def __str__(self):
        return f"{self.kolom}: {self.nilai}"


class JenisRelasi(models.TextChoices):
    MENGUBAH = "mengubah", "Mengubah"
    MENCABUT = "mencabut", "Mencabut"
    MELAKSANAKAN = "melaksanakan", "Melaksanakan"


LABEL_KEBALIKAN = {
    JenisRelasi.MENGUBAH: "Diubah dengan",
    JenisRelasi.MENCABUT: "Dicabut dengan",
    JenisRelasi.MELAKSANAKAN: "Dilaksanakan dengan",
}


class RelasiProduk(models.Model):
    """ "A mengubah / mencabut / melaksanakan B", recorded once and read both
    ways: from A as ``relasi_keluar``, from B as ``relasi_masuk``. Status effects
    are applied by documents.relasi, never here."""

    sumber = models.ForeignKey(
        ProdukHukum,
        verbose_name="produk hukum",
        on_delete=models.CASCADE,
        related_name="relasi_keluar",
    )
    jenis = models.CharField("hubungan", max_length=20, choices=JenisRelasi.choices)
    target = models.ForeignKey(
        ProdukHukum,
        verbose_name="produk hukum yang dituju",
        on_delete=models.CASCADE,
        related_name="relasi_masuk",
    )
    keterangan = models.CharField("keterangan", max_length=500, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "relasi produk hukum"
        verbose_name_plural = "relasi produk hukum"
        constraints = [
            models.UniqueConstraint(
                fields=["sumber", "jenis", "target"],
                name="relasi_unik",
                violation_error_message="Relasi ini sudah tercatat.",
            ),
            models.CheckConstraint(
                condition=~models.Q(sumber=models.F("target")),
                name="relasi_bukan_diri_sendiri",
                violation_error_message="Produk hukum tidak dapat berelasi dengan dirinya sendiri.",
            ),
        ]

    def __str__(self):
        return f"{self.sumber} {self.get_jenis_display().lower()} {self.target}"

    @property
    def label_kebalikan(self):
        return LABEL_KEBALIKAN[self.jenis]


def lokasi_salinan(salinan, filename):
    return f"salinan/{salinan.dibuat_pada:%Y/%m}/{salinan.kode}.pdf"


class Salinan(models.Model):
    """A certified copy ("Salinan sesuai dengan aslinya") of a signed original.

    Its stamped pages carry a QR code to /verifikasi/<kode>/, where anyone
    holding the paper sees which product and version it certifies and the
    product's status now. The code is random and unguessable; the snapshot
    fields (nomor, judul) are what the paper itself shows.
    """

    kode = models.CharField("kode verifikasi", max_length=64, unique=True)
    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.PROTECT, related_name="salinan"
    )
    nomor = models.CharField("nomor", max_length=200)
    judul = models.TextField("judul")
    sha256_asli = models.CharField("SHA-256 naskah asli", max_length=64)
    sha256 = models.CharField("SHA-256 salinan", max_length=64)
    jumlah_halaman = models.PositiveIntegerField("jumlah halaman")
    berkas = models.FileField("berkas salinan (PDF)", upload_to=lokasi_salinan, max_length=255)
    nama_pejabat = models.CharField("nama pejabat", max_length=255)
    nip = models.CharField("NIP", max_length=18)
    jabatan = models.CharField("jabatan", max_length=255)
    produk = models.ForeignKey(
        ProdukHukum,
        verbose_name="produk hukum",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="salinan",
    )
    versi = models.ForeignKey(
        VersiBerkas,
        verbose_name="versi yang disalin",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="salinan",
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dibuat oleh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField("dibuat", default=timezone.now)

    class Meta:
        verbose_name = "salinan"
        verbose_name_plural = "salinan"
        ordering = ["-dibuat_pada"]

    def __str__(self):
        return f"Salinan {self.nomor}"

    def get_absolute_url(self):
        return reverse("publicsite:verifikasi", args=[self.kode])


class JenisKonten(models.TextChoices):
    """Kinds of social-media content (sop 004)."""

    INFOGRAFIS = "infografis", "Infografis"
    RINGKASAN = "ringkasan", "Ringkasan produk hukum"
    VIDEO = "video", "Video"
    PENGUMUMAN = "pengumuman", "Pengumuman"


class Platform(models.TextChoices):
    """The office's social-media accounts (sop 004)."""

    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X (Twitter)"
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    WHATSAPP = "whatsapp", "Saluran WhatsApp"


def lokasi_gambar_konten(konten, filename):
    return f"konten/{konten.diterbitkan_pada:%Y/%m}/{konten.sha256_gambar}.{konten.format_gambar}"


class KontenTerbit(models.Model):
    """Content posted on the office's social-media accounts, as the public
    sees it on /konten/: what it says, where it was posted, and which
    produk hukum it explains. Written only by the sop 004 posting step."""

    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.PROTECT, related_name="konten_terbit"
    )
    jenis = models.CharField("jenis konten", max_length=30)
    judul = models.CharField("judul", max_length=255)
    caption = models.TextField("keterangan (caption)", blank=True)
    tagar = models.CharField("tagar", max_length=500, blank=True)
    video_url = models.URLField("tautan video", blank=True)
    gambar = models.ImageField("gambar", upload_to=lokasi_gambar_konten, blank=True, max_length=255)
    sha256_gambar = models.CharField(max_length=64, blank=True)
    format_gambar = models.CharField(max_length=10, blank=True)
    produk = models.ManyToManyField(
        ProdukHukum, verbose_name="produk hukum", related_name="konten_terbit", blank=True
    )
    # When the image is a share card the product drew, the public page shows
    # the card as it is now (status badge, or that the product is taken down),
    # never the stale snapshot.
    kartu_produk = models.ForeignKey(
        ProdukHukum,
        verbose_name="kartu dari produk hukum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kartu_ukuran = models.CharField("ukuran kartu", max_length=20, blank=True)
    tautan = models.JSONField("tautan unggahan per platform", default=dict)
    diterbitkan_pada = models.DateTimeField("diunggah", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "konten media sosial terbit"
        verbose_name_plural = "konten media sosial terbit"
        ordering = ["-diterbitkan_pada", "-id"]
        indexes = [models.Index(fields=["satker", "-diterbitkan_pada"])]

    def __str__(self):
        return self.judul

    def daftar_tautan(self):
        label = dict(Platform.choices)
        return [(label.get(k, k), v) for k, v in sorted(self.tautan.items())]
