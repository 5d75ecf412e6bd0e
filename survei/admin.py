"""Survey answers in the admin, read-only: they are the public's words, and
the index is computed from them as given."""

from django.contrib import admin

from jdih.admin_hanya_baca import HanyaBacaAdmin

from .models import ResponsSurvei
from .unsur import UNSUR


@admin.register(ResponsSurvei)
class ResponsSurveiAdmin(HanyaBacaAdmin):
    list_display = ("tanggal", "satker", "nilai", "ada_saran")
    list_filter = ("satker", "tanggal", "pekerjaan", "pendidikan")
    list_select_related = ("satker",)
    date_hierarchy = "tanggal"
    search_fields = ("komentar",)
    fields = (
        "satker",
        "tanggal",
        *(u.kode for u in UNSUR),
        "jenis_kelamin",
        "usia",
        "pendidikan",
        "pekerjaan",
        "layanan",
        "komentar",
    )
    readonly_fields = fields

    @admin.display(description="nilai U1–U9")
    def nilai(self, obj):
        return " ".join(str(getattr(obj, u.kode) or "–") for u in UNSUR)

    @admin.display(description="saran", boolean=True)
    def ada_saran(self, obj):
        return bool(obj.komentar)
