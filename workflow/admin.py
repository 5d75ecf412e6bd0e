from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from .models import PenugasanPeran


class PenugasanPeranInline(admin.TabularInline):
    model = PenugasanPeran
    extra = 1
    autocomplete_fields = ["satker"]
    verbose_name = "peran di satker"
    verbose_name_plural = "peran SOP per satker"


admin.site.unregister(User)


@admin.register(User)
class PenggunaAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, PenugasanPeranInline]
    list_filter = [*UserAdmin.list_filter, "penugasan_peran__satker", "penugasan_peran__peran"]


@admin.register(PenugasanPeran)
class PenugasanPeranAdmin(admin.ModelAdmin):
    list_display = ["pengguna", "peran", "satker"]
    list_filter = ["peran", "satker"]
    list_select_related = ["pengguna", "peran", "satker"]
    search_fields = ["pengguna__username", "pengguna__first_name", "satker__nama"]
    autocomplete_fields = ["pengguna", "satker"]
