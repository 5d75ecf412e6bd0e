"""Admin of the controlled vocabularies: managed subjek (with merging of
duplicate spellings) and the values that did not map to the master lists."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.http import HttpResponse
from django.template import engines
from django.urls import reverse
from django.utils.html import format_html

from .models import NilaiTakTerpetakan, ProdukHukum, Subjek
from .subjek import gabungkan_subjek, setel_subjek

# The confirmation page of the merge action. Kept beside the action that
# posts it (the admin templates folder belongs to the whole project).
HALAMAN_GABUNG = """{% extends "admin/base_site.html" %}
{% block breadcrumbs %}<div class="breadcrumbs">
<a href="{% url 'admin:index' %}">Beranda</a> ›
<a href="{% url 'admin:documents_subjek_changelist' %}">Subjek</a> › Gabungkan subjek</div>
{% endblock %}
{% block content %}
<form method="post">{% csrf_token %}
<p>Produk hukum yang memakai subjek di bawah ini akan memakai satu subjek saja.
Pilih ejaan yang dipertahankan; subjek lainnya dihapus.</p>
<fieldset class="module aligned">
<legend>Ejaan yang dipertahankan</legend>
{% for s in daftar %}<div class="form-row">
<label><input type="radio" name="tujuan" value="{{ s.pk }}" required
{% if forloop.first %}checked{% endif %}>
{{ s.nama }} ({{ s.jumlah_produk }} produk hukum)</label></div>
{% endfor %}</fieldset>
{% for s in daftar %}<input type="hidden" name="{{ nama_pilihan }}" value="{{ s.pk }}">{% endfor %}
<input type="hidden" name="action" value="gabungkan">
<input type="hidden" name="konfirmasi" value="ya">
<div class="submit-row">
<input type="submit" value="Ya, gabungkan">
<a href="{% url 'admin:documents_subjek_changelist' %}" class="button cancel-link">Batal</a>
</div>
</form>
{% endblock %}
"""


@admin.register(Subjek)
class SubjekAdmin(admin.ModelAdmin):
    list_display = ["nama", "jumlah_produk", "dibuat_pada"]
    search_fields = ["nama"]
    ordering = ["nama"]
    actions = ["gabungkan"]

    def get_queryset(self, request):
        # One query for the whole page, not one count per row.
        return super().get_queryset(request).annotate(jumlah_produk=Count("produk_hukum"))

    def _produk_dari(self, subjek_qs):
        return list(ProdukHukum.objects.filter(daftar_subjek__in=subjek_qs).distinct())

    def _segarkan(self, produk):
        # A renamed or deleted subjek must leave no stale one-line copy
        # behind (search and the JDIHN feed read that copy).
        for p in produk:
            setel_subjek(p, [s.nama for s in p.daftar_subjek.all()])

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "nama" in form.changed_data:
            self._segarkan(self._produk_dari([obj]))

    def delete_model(self, request, obj):
        produk = self._produk_dari([obj])
        super().delete_model(request, obj)
        self._segarkan(produk)

    def delete_queryset(self, request, queryset):
        produk = self._produk_dari(queryset)
        super().delete_queryset(request, queryset)
        self._segarkan(produk)

    @admin.display(description="jumlah produk hukum", ordering="jumlah_produk")
    def jumlah_produk(self, obj):
        return obj.jumlah_produk

    @admin.action(description="Gabungkan subjek terpilih", permissions=["change", "delete"])
    def gabungkan(self, request, queryset):
        daftar = list(queryset.order_by("-jumlah_produk", "nama"))
        if len(daftar) < 2:
            self.message_user(
                request, "Pilih sedikitnya dua subjek untuk digabungkan.", messages.WARNING
            )
            return None
        if request.POST.get("konfirmasi") != "ya":
            konteks = {
                **self.admin_site.each_context(request),
                "title": "Gabungkan subjek",
                "daftar": daftar,
                "nama_pilihan": helpers.ACTION_CHECKBOX_NAME,
                "opts": self.model._meta,
            }
            halaman = engines["django"].from_string(HALAMAN_GABUNG)
            return HttpResponse(halaman.render(konteks, request))
        tujuan = next((s for s in daftar if str(s.pk) == request.POST.get("tujuan")), None)
        if tujuan is None:
            self.message_user(
                request, "Pilih satu ejaan subjek yang dipertahankan.", messages.ERROR
            )
            return None
        lainnya = [s for s in daftar if s.pk != tujuan.pk]
        jumlah = gabungkan_subjek(tujuan, lainnya)
        self.message_user(
            request,
            f"{len(lainnya)} subjek digabung ke '{tujuan.nama}'; {jumlah} produk hukum diperbarui.",
            messages.SUCCESS,
        )
        return None


@admin.register(NilaiTakTerpetakan)
class NilaiTakTerpetakanAdmin(admin.ModelAdmin):
    list_display = ["produk_tautan", "kolom", "nilai", "selesai", "dicatat_pada"]
    list_filter = ["kolom", "selesai"]
    list_select_related = ["produk__jenis"]
    search_fields = ["nilai", "produk__nomor", "produk__judul"]
    readonly_fields = ["produk", "kolom", "nilai", "dicatat_pada"]
    actions = ["tandai_selesai"]

    def has_add_permission(self, request):
        # Recorded by the vocabulary migration and the import, never typed.
        return False

    @admin.display(description="produk hukum", ordering="produk")
    def produk_tautan(self, obj):
        alamat = reverse("admin:documents_produkhukum_change", args=[obj.produk_id])
        return format_html('<a href="{}">{}</a>', alamat, obj.produk)

    @admin.action(description="Tandai sudah ditangani", permissions=["change"])
    def tandai_selesai(self, request, queryset):
        jumlah = queryset.filter(selesai=False).update(selesai=True)
        self.message_user(request, f"{jumlah} nilai ditandai sudah ditangani.", messages.SUCCESS)
