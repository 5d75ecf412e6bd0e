"""The JDIHN harvest log, read-only: rows are written by the feed alone."""

from django.contrib import admin
from django.db.models import OuterRef, Q, Subquery
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from documents.models import Satker
from jdih.admin_hanya_baca import HanyaBacaAdmin

from .models import PanenJDIHN

NASIONAL = "nasional"


class LingkupFilter(admin.SimpleListFilter):
    """Nasional or one satker's feed; only scopes that were ever harvested."""

    title = "umpan"
    parameter_name = "lingkup"

    def lookups(self, request, model_admin):
        satker = Satker.objects.filter(panen_jdihn__isnull=False).distinct().order_by("nama")
        return [(NASIONAL, "Nasional"), *((str(s.pk), s.nama) for s in satker)]

    def queryset(self, request, queryset):
        nilai = self.value()
        if nilai == NASIONAL:
            return queryset.filter(satker__isnull=True)
        if nilai and nilai.isdigit():
            return queryset.filter(satker_id=int(nilai))
        return queryset


class TerakhirFilter(admin.SimpleListFilter):
    """ "When did JDIHN last fetch each feed": one row per feed, its newest."""

    title = "tampilan"
    parameter_name = "tampil"

    def lookups(self, request, model_admin):
        return [("terakhir", "Panen terakhir per umpan")]

    def queryset(self, request, queryset):
        if self.value() != "terakhir":
            return queryset
        urut = ("-waktu", "-id")
        nasional = PanenJDIHN.objects.filter(satker__isnull=True).order_by(*urut)
        per_satker = PanenJDIHN.objects.filter(satker=OuterRef("satker")).order_by(*urut)
        return queryset.filter(
            Q(satker__isnull=True, pk=Subquery(nasional.values("pk")[:1]))
            | Q(satker__isnull=False, pk=Subquery(per_satker.values("pk")[:1]))
        )


@admin.register(PanenJDIHN)
class PanenJDIHNAdmin(HanyaBacaAdmin):
    list_display = ("waktu", "lingkup", "alamat", "agen", "item", "bita", "ditahan", "selesai")
    list_filter = (TerakhirFilter, LingkupFilter, "selesai")
    list_select_related = ("satker",)
    date_hierarchy = "waktu"
    ordering = ("-waktu", "-id")
    fields = (
        "waktu",
        "lingkup",
        "alamat",
        "agen_pengguna",
        "jumlah_item",
        "bita",
        "selesai",
        "jumlah_dilewati",
        "item_ditahan",
    )
    readonly_fields = fields

    @admin.display(description="umpan", ordering="satker__nama")
    def lingkup(self, obj):
        return obj.satker.nama if obj.satker_id else "Nasional"

    @admin.display(description="user agent")
    def agen(self, obj):
        teks = obj.agen_pengguna
        return teks if len(teks) <= 60 else teks[:59] + "…"

    @admin.display(description="item", ordering="jumlah_item")
    def item(self, obj):
        return obj.jumlah_item

    @admin.display(description="ukuran", ordering="jumlah_bita")
    def bita(self, obj):
        return filesizeformat(obj.jumlah_bita)

    @admin.display(description="ditahan", ordering="jumlah_dilewati")
    def ditahan(self, obj):
        return obj.jumlah_dilewati

    @admin.display(description="item ditahan (tidak lolos skema)")
    def item_ditahan(self, obj):
        daftar = [d for d in obj.dilewati or [] if isinstance(d, dict)]
        if not daftar:
            return "—"
        baris = format_html_join(
            "",
            '<li><a href="{}">{}</a>: {}</li>',
            (
                (
                    reverse("admin:documents_produkhukum_change", args=[d.get("id")]),
                    d.get("produk", ""),
                    d.get("alasan", ""),
                )
                for d in daftar
                if str(d.get("id", "")).isdigit()
            ),
        )
        lebih = obj.jumlah_dilewati - len(daftar)
        catatan = f" (dan {lebih} lainnya; hanya {len(daftar)} pertama dicatat)" if lebih else ""
        return format_html("<ul>{}</ul>{}", baris, catatan)

    def changelist_view(self, request, extra_context=None):
        # The question staff ask most, answered above the list.
        terakhir = PanenJDIHN.objects.filter(satker__isnull=True).order_by("-waktu", "-id").first()
        if terakhir:
            waktu = timezone.localtime(terakhir.waktu)
            judul = (
                f"Panen terakhir umpan nasional: {waktu:%d-%m-%Y %H:%M}, "
                f"{terakhir.jumlah_item} item"
                + ("" if terakhir.selesai else " (terputus)")
                + ". Saringan «Panen terakhir per umpan» menampilkan tiap umpan satker."
            )
        else:
            judul = "Umpan nasional belum pernah dipanen."
        return super().changelist_view(request, {"subtitle": judul, **(extra_context or {})})
