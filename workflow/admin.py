from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime

from jdih.admin_hanya_baca import HanyaBacaAdmin

# Users, their roles per Satker and the role groups are registered there.
from . import admin_pengguna  # noqa: F401
from .models import (
    Disposisi,
    JejakAudit,
    Koreksi,
    MutuBaku,
    NotaDinas,
    Permohonan,
    TingkatValidasi,
)


class NotaDinasInline(admin.StackedInline):
    model = NotaDinas
    extra = 0
    can_delete = False
    readonly_fields = ["nomor", "tanggal", "perihal", "dari", "kepada", "naskah_asli"]

    def has_add_permission(self, request, obj=None):
        return False


class DisposisiInline(admin.StackedInline):
    model = Disposisi
    extra = 0
    can_delete = False
    readonly_fields = ["dari", "kepada", "petunjuk", "tanggal"]

    def has_add_permission(self, request, obj=None):
        return False


class KoreksiInline(admin.TabularInline):
    model = Koreksi
    extra = 0
    can_delete = False
    readonly_fields = ["putaran", "tingkat", "catatan", "oleh", "dibuat_pada"]

    def has_add_permission(self, request, obj=None):
        return False


class JejakAuditTampil:
    """Read-only audit trail on an item's admin page (any procedure)."""

    @admin.display(description="jejak audit")
    def jejak_audit(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        baris = obj.jejak.select_related("oleh").order_by("waktu", "id")
        return format_html(
            "<table><tr><th>Waktu</th><th>Oleh</th><th>Aksi</th><th>Status</th>"
            "<th>Catatan</th><th>IP</th></tr>{}</table>",
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td><td>{}</td></tr>",
                (
                    (
                        localtime(j.waktu).strftime("%Y-%m-%d %H:%M"),
                        j.oleh,
                        type(obj).LABEL_AKSI.get(j.aksi, j.aksi),
                        j.dari_status or "—",
                        j.ke_status,
                        j.catatan,
                        j.alamat_ip or "",
                    )
                    for j in baris
                ),
            ),
        )


@admin.register(Permohonan)
class PermohonanAdmin(JejakAuditTampil, admin.ModelAdmin):
    """Read-only here: requests move only through the SOP steps in /staf/."""

    list_display = ["__str__", "satker", "jenis", "status", "status_sejak", "pengelola"]
    list_filter = ["status", "jenis", "satker"]
    list_select_related = ["satker", "produk__jenis", "pengelola"]
    search_fields = ["produk__nomor", "produk__judul", "nota_dinas__nomor"]
    inlines = [NotaDinasInline, DisposisiInline, KoreksiInline]
    date_hierarchy = "dibuat_pada"

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Permohonan._meta.fields] + ["jejak_audit"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(JejakAudit)
class JejakAuditAdmin(HanyaBacaAdmin):
    """Append-only: viewable, never added, changed or deleted here."""

    list_display = [
        "waktu",
        "jenis_alur",
        "alur_id",
        "satker",
        "oleh",
        "aksi",
        "dari_status",
        "ke_status",
        "alamat_ip",
    ]
    list_filter = ["jenis_alur", "aksi", "satker"]
    list_select_related = ["jenis_alur", "satker", "oleh"]
    search_fields = ["oleh__username", "catatan"]
    date_hierarchy = "waktu"


@admin.register(TingkatValidasi)
class TingkatValidasiAdmin(admin.ModelAdmin):
    list_display = ["satker", "urutan", "peran", "nama"]
    list_editable = ["urutan", "nama"]
    list_filter = ["satker", "peran"]
    list_select_related = ["satker", "peran"]
    autocomplete_fields = ["satker"]
    ordering = ["satker__nama", "urutan"]


@admin.register(MutuBaku)
class MutuBakuAdmin(admin.ModelAdmin):
    list_display = ["nama_langkah", "prosedur", "langkah", "menit", "satker"]
    list_editable = ["menit"]
    list_filter = ["prosedur", "satker"]
    list_select_related = ["satker"]
    autocomplete_fields = ["satker"]


# Sop 003's models (templates, number formats, buku agenda, penyusunan).
from .penyusunan import admin as _penyusunan_admin  # noqa: E402,F401
