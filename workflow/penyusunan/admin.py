"""Django admin for sop 003 (penyusunan keputusan).

Configuration is edited here (templates, number patterns); everything the
procedure records — the buku agenda, its numbers, the drafting itself — is
read-only: it moves only through the SOP steps in /staf/penyusunan/.

Registered by importing this module from workflow/admin.py.
"""

from django import forms
from django.contrib import admin

from jdih.admin_hanya_baca import HanyaBacaAdmin

from ..admin import JejakAuditTampil
from .models import (
    CatatanPerbaikan,
    DraftSK,
    FormatNomor,
    Kelengkapan,
    NomorNaskah,
    PenerimaSalinan,
    PenyusunanKeputusan,
    RegisterNomor,
    TemplatSK,
)

PENANDA_TEMPLAT = (
    "Penanda yang diisi otomatis saat draft dibuat dari templat: {judul} (judul/tentang), "
    "{tahun} (tahun berjalan), {satker} (T.E.U. badan satker), {tempat} (tempat penetapan)."
)


class _HanyaBaca:
    """Viewable, never added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- configuration -------------------------------------------------------------


class TemplatSKForm(forms.ModelForm):
    class Meta:
        model = TemplatSK
        fields = "__all__"
        help_texts = {
            "judul": "Pola judul, mis. {judul}. " + PENANDA_TEMPLAT,
            "menimbang": PENANDA_TEMPLAT,
            "mengingat": PENANDA_TEMPLAT,
            "memutuskan": PENANDA_TEMPLAT,
            "lampiran": PENANDA_TEMPLAT,
        }


@admin.register(TemplatSK)
class TemplatSKAdmin(admin.ModelAdmin):
    form = TemplatSKForm
    list_display = ["nama", "satker", "varian", "jenis", "aktif"]
    list_filter = ["satker", "varian", "jenis", "aktif"]
    list_select_related = ["satker", "jenis"]
    search_fields = ["nama"]
    autocomplete_fields = ["satker", "jenis"]
    fieldsets = [
        (None, {"fields": ["satker", "nama", "varian", "jenis", "aktif"]}),
        (
            "Isi templat",
            {
                "description": PENANDA_TEMPLAT,
                "fields": ["judul", "menimbang", "mengingat", "memutuskan", "lampiran"],
            },
        ),
    ]


class FormatNomorForm(forms.ModelForm):
    class Meta:
        model = FormatNomor
        fields = "__all__"

    def clean_pola(self):
        pola = (self.cleaned_data.get("pola") or "").strip()
        if "{urut}" not in pola:
            raise forms.ValidationError(
                "Pola nomor wajib memuat {urut} (tempat nomor urut buku agenda), "
                "mis. {urut}/HK.03.1-Kpt/9204/KPU-Kab/{tahun}.",
                code="tanpa_urut",
            )
        if pola.count("{urut}") > 1:
            raise forms.ValidationError(
                "Pola nomor hanya boleh memuat satu {urut}.", code="urut_ganda"
            )
        return pola


@admin.register(FormatNomor)
class FormatNomorAdmin(admin.ModelAdmin):
    form = FormatNomorForm
    list_display = ["satker", "jenis", "pola", "register_per_jenis"]
    list_filter = ["satker", "jenis", "register_per_jenis"]
    list_select_related = ["satker", "jenis"]
    search_fields = ["pola", "satker__nama", "jenis__nama"]
    autocomplete_fields = ["satker", "jenis"]


# --- the buku agenda: written only by the workflow -------------------------------


@admin.register(RegisterNomor)
class RegisterNomorAdmin(_HanyaBaca, admin.ModelAdmin):
    """Numbers are only taken by the workflow's penomoran step."""

    list_display = ["satker", "tahun", "jenis", "terakhir"]
    list_filter = ["satker", "tahun", "jenis"]
    list_select_related = ["satker", "jenis"]
    search_fields = ["satker__nama"]


class DibatalkanFilter(admin.SimpleListFilter):
    title = "dibatalkan"
    parameter_name = "dibatalkan"

    def lookups(self, request, model_admin):
        return [("ya", "Dibatalkan"), ("tidak", "Dipakai")]

    def queryset(self, request, queryset):
        if self.value() == "ya":
            return queryset.filter(dibatalkan_pada__isnull=False)
        if self.value() == "tidak":
            return queryset.filter(dibatalkan_pada__isnull=True)
        return queryset


@admin.register(NomorNaskah)
class NomorNaskahAdmin(_HanyaBaca, admin.ModelAdmin):
    """One line of a buku agenda; a cancelled number stays, marked."""

    list_display = [
        "nomor",
        "urut",
        "satker",
        "tahun",
        "tanggal",
        "perihal_singkat",
        "penyusunan_ref",
        "dibuat_oleh",
        "status_nomor",
    ]
    list_filter = [
        ("register__satker", admin.RelatedOnlyFieldListFilter),
        "register__tahun",
        DibatalkanFilter,
    ]
    list_select_related = ["register__satker", "dibuat_oleh"]
    search_fields = ["nomor", "perihal"]
    ordering = ["-register__tahun", "register__satker__nama", "register_id", "urut"]
    date_hierarchy = "tanggal"

    @admin.display(description="satker", ordering="register__satker__nama")
    def satker(self, obj):
        return obj.register.satker

    @admin.display(description="tahun", ordering="register__tahun")
    def tahun(self, obj):
        return obj.register.tahun

    @admin.display(description="perihal")
    def perihal_singkat(self, obj):
        return obj.perihal if len(obj.perihal) <= 80 else obj.perihal[:79] + "…"

    @admin.display(description="penyusunan", ordering="penyusunan_id")
    def penyusunan_ref(self, obj):
        return f"#{obj.penyusunan_id}"

    @admin.display(description="status")
    def status_nomor(self, obj):
        if obj.dibatalkan:
            return f"DIBATALKAN: {obj.alasan_batal}"
        return "dipakai"


# --- the drafting itself: read-only, with its audit trail ------------------------


class _InlineHanyaBaca(_HanyaBaca, admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False
    relasi = ()

    def get_readonly_fields(self, request, obj=None):
        return list(self.fields)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.relasi)


class DraftSKInline(_InlineHanyaBaca):
    model = DraftSK
    fields = ["revisi", "catatan", "dibuat_oleh", "dibuat_pada"]
    relasi = ("dibuat_oleh",)


class KelengkapanInline(_InlineHanyaBaca):
    # The PDF itself is read on the staff page (access-checked), not linked here.
    model = Kelengkapan
    fields = [
        "jenis",
        "nama_asli",
        "jumlah_halaman",
        "ukuran",
        "sha256",
        "tahap",
        "keterangan",
        "diunggah_oleh",
        "diunggah_pada",
    ]
    relasi = ("diunggah_oleh",)


class CatatanPerbaikanInline(_InlineHanyaBaca):
    model = CatatanPerbaikan
    fields = ["tahap", "putaran", "catatan", "oleh", "dibuat_pada"]
    relasi = ("oleh",)


class PenerimaSalinanInline(_InlineHanyaBaca):
    model = PenerimaSalinan
    fields = [
        "nama",
        "jenis",
        "alamat",
        "dikirim_pada",
        "diterima_oleh",
        "diterima_pada",
        "dicatat_oleh",
    ]
    relasi = ("dicatat_oleh",)


@admin.register(PenyusunanKeputusan)
class PenyusunanKeputusanAdmin(JejakAuditTampil, HanyaBacaAdmin):
    """Read-only here: a Keputusan is drafted, numbered and copied only through
    the SOP steps in /staf/penyusunan/."""

    list_display = ["__str__", "judul", "satker", "varian", "status", "status_sejak"]
    list_filter = ["status", "varian", "satker", "jenis"]
    list_select_related = ["satker", "jenis", "nomor"]
    search_fields = ["judul", "nomor__nomor", "pemrakarsa"]
    inlines = [DraftSKInline, KelengkapanInline, CatatanPerbaikanInline, PenerimaSalinanInline]
    date_hierarchy = "dibuat_pada"

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in PenyusunanKeputusan._meta.fields] + ["jejak_audit"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("satker", "jenis", "nomor", "diajukan_oleh", "templat")
        )
