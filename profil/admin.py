"""The profile sections and their revisions, read-only: a Satker's Pengelola
edits them at /staf/satker/profil/. Contact messages are deliberately not
here: they are visible only to the Satker's Pengelola JDIH (profil.akses)."""

from django.contrib import admin

from jdih.admin_hanya_baca import HanyaBacaAdmin

from .models import BagianProfil, RevisiBagianProfil


@admin.register(BagianProfil)
class BagianProfilAdmin(HanyaBacaAdmin):
    list_display = ["satker", "bagian", "diubah_oleh", "diubah_pada"]
    list_filter = ["bagian", "satker"]
    list_select_related = ["satker", "diubah_oleh"]


@admin.register(RevisiBagianProfil)
class RevisiBagianProfilAdmin(HanyaBacaAdmin):
    list_display = ["bagian", "diubah_oleh", "diubah_pada"]
    list_select_related = ["bagian__satker", "diubah_oleh"]
    list_filter = ["bagian__bagian"]
