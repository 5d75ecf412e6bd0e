from django.contrib import admin

from .models import UsulanDokumen


@admin.register(UsulanDokumen)
class UsulanDokumenAdmin(admin.ModelAdmin):
    """Read only: what a version's text proposed, and why an extraction
    crashed (``galat``), for admins looking into a document."""

    list_display = ["versi", "dibuat_pada", "ada_galat"]
    list_select_related = ["versi__produk", "versi__lampiran"]
    search_fields = ["galat"]
    readonly_fields = ["versi", "data", "galat", "dibuat_pada"]

    @admin.display(boolean=True, description="galat")
    def ada_galat(self, obj):
        return bool(obj.galat)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
