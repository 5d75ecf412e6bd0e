"""One anonymous answer to the Survei Kepuasan Masyarakat of one Satker.

Nothing that identifies the respondent is kept: no name, email, address,
user agent, account or cookie, and only the day of the answer (not the
time), so a row cannot be matched to a web server's access log."""

from django.db import models
from django.db.models import Q

from .unsur import JENIS_KELAMIN, LAYANAN, PANJANG_KOMENTAR, PEKERJAAN, PENDIDIKAN, UNSUR, USIA

SKOR = [(1, "1"), (2, "2"), (3, "3"), (4, "4")]


def _skor(unsur):
    return models.PositiveSmallIntegerField(
        unsur.label, choices=SKOR, null=True, blank=True, help_text=unsur.pertanyaan
    )


class ResponsSurvei(models.Model):
    satker = models.ForeignKey(
        "documents.Satker",
        verbose_name="satker",
        on_delete=models.PROTECT,
        related_name="respons_survei",
    )
    tanggal = models.DateField("tanggal pengisian")
    u1 = _skor(UNSUR[0])
    u2 = _skor(UNSUR[1])
    u3 = _skor(UNSUR[2])
    u4 = _skor(UNSUR[3])
    u5 = _skor(UNSUR[4])
    u6 = _skor(UNSUR[5])
    u7 = _skor(UNSUR[6])
    u8 = _skor(UNSUR[7])
    u9 = _skor(UNSUR[8])
    jenis_kelamin = models.CharField(
        "jenis kelamin", max_length=1, choices=JENIS_KELAMIN, blank=True
    )
    usia = models.CharField("usia", max_length=8, choices=USIA, blank=True)
    pendidikan = models.CharField("pendidikan", max_length=8, choices=PENDIDIKAN, blank=True)
    pekerjaan = models.CharField("pekerjaan", max_length=16, choices=PEKERJAAN, blank=True)
    layanan = models.CharField("layanan yang diterima", max_length=16, choices=LAYANAN, blank=True)
    komentar = models.TextField("saran dan masukan", max_length=PANJANG_KOMENTAR, blank=True)

    class Meta:
        verbose_name = "respons survei kepuasan"
        verbose_name_plural = "respons survei kepuasan (IKM)"
        ordering = ["-tanggal", "-id"]
        indexes = [models.Index(fields=["satker", "tanggal"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{u.kode}__isnull": True}) | Q(**{f"{u.kode}__range": (1, 4)}),
                name=f"survei_{u.kode}_1_sampai_4",
            )
            for u in UNSUR
        ]

    def __str__(self):
        return f"{self.satker} — {self.tanggal:%Y-%m-%d} #{self.pk}"
