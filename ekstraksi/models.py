"""What a processed version's text proposed for its product's record (issue 14).

Stored per version, so the prepare page reads it without running the
extractor in the request, and a later file version brings its own proposals
without touching what the Pengelola already saved."""

from django.db import models

from documents.models import VersiBerkas


class UsulanDokumen(models.Model):
    versi = models.OneToOneField(
        VersiBerkas,
        verbose_name="versi berkas",
        on_delete=models.CASCADE,
        related_name="usulan_dokumen",
    )
    # ekstraksi.layanan.ke_json(Usulan): {"bidang": {...}, "relasi": [...], "abstrak": {...}}
    data = models.JSONField("usulan", default=dict, blank=True)
    # Why the extractor gave nothing (it crashed): shown to admins only; the
    # Pengelola simply sees no proposals.
    galat = models.TextField("galat ekstraksi", blank=True)
    dibuat_pada = models.DateTimeField("dibaca pada", auto_now=True)

    class Meta:
        verbose_name = "usulan dari dokumen"
        verbose_name_plural = "usulan dari dokumen"

    def __str__(self):
        return f"Usulan dari {self.versi}"
