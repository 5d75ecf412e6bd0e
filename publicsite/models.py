"""What the public site records of its own: the JDIHN harvests."""

from django.db import models


class PanenJDIHN(models.Model):
    """One fetch of a JDIHN feed by the national harvester (or anyone using
    the integration URLs): staff see here when JDIHN last harvested, and the
    products left out because their record could not pass the schema."""

    waktu = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    satker = models.ForeignKey(
        "documents.Satker",
        verbose_name="umpan satker",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="panen_jdihn",
        help_text="Kosong: umpan nasional (/integrasi/jdihn.json).",
    )
    alamat = models.GenericIPAddressField("alamat IP", null=True, blank=True)
    agen_pengguna = models.CharField("user agent", max_length=500, blank=True)
    jumlah_item = models.PositiveIntegerField("item dikirim", default=0)
    jumlah_bita = models.PositiveBigIntegerField("bita dikirim", default=0)
    jumlah_dilewati = models.PositiveIntegerField("item ditahan", default=0)
    dilewati = models.JSONField(
        "item ditahan (tidak lolos skema)",
        default=list,
        blank=True,
        help_text="Daftar {id, produk, alasan}, paling banyak 100.",
    )
    selesai = models.BooleanField(
        "terkirim utuh", default=False, help_text="Tidak: sambungan putus sebelum umpan selesai."
    )

    class Meta:
        verbose_name = "panen JDIHN"
        verbose_name_plural = "log panen JDIHN"
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["satker", "-waktu"])]

    def __str__(self):
        lingkup = self.satker.nama if self.satker_id else "Nasional"
        return f"{lingkup} — {self.waktu:%Y-%m-%d %H:%M}"


class KunjunganHarian(models.Model):
    """Page views of the public site on one day, all pages together: kept for
    good (publicsite.kunjungan). No address, user agent or cookie is stored;
    ``pengunjung`` is an approximate count of distinct visitors worked out
    in the cache (see there) and only its total reaches the database."""

    tanggal = models.DateField("tanggal", unique=True)
    jumlah = models.PositiveBigIntegerField("tayangan halaman", default=0)
    pengunjung = models.PositiveBigIntegerField(
        "perkiraan pengunjung unik",
        default=0,
        help_text="Perkiraan: dihitung dari hash harian yang hanya ada di cache.",
    )

    class Meta:
        verbose_name = "kunjungan harian"
        verbose_name_plural = "kunjungan harian"
        ordering = ["-tanggal"]

    def __str__(self):
        return f"{self.tanggal:%Y-%m-%d}: {self.jumlah} tayangan"


class KunjunganHalaman(models.Model):
    """Views of one public page (its path, without query string) on one day.
    Rows older than JDIH_PENGUNJUNG_HARI_RINCIAN days are deleted; the day's
    total stays in KunjunganHarian."""

    tanggal = models.DateField("tanggal")
    jalur = models.CharField("halaman", max_length=200)
    jumlah = models.PositiveBigIntegerField("tayangan", default=0)

    class Meta:
        verbose_name = "kunjungan halaman"
        verbose_name_plural = "kunjungan per halaman"
        ordering = ["-tanggal", "-jumlah"]
        constraints = [
            models.UniqueConstraint(fields=["tanggal", "jalur"], name="kunjungan_halaman_unik")
        ]

    def __str__(self):
        return f"{self.tanggal:%Y-%m-%d} {self.jalur}: {self.jumlah}"
