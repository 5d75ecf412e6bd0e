"""Admin pages that show a record kept by the application itself (audit
trail, harvest log, a procedure's file): nobody adds, changes or deletes it
by hand."""

from django.contrib import admin


class HanyaBacaAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
