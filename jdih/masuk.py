"""Login throttling (django-axes) as this site uses it.

Settings are in the "masuk" block of jdih.settings; the client's address comes
from jdih.jaringan, the same rule the audit trail uses.
"""

import logging

from axes.apps import AppConfig as AxesAppConfig
from django.contrib import admin
from django.utils import timezone

log = logging.getLogger(__name__)


class PembatasanMasukConfig(AxesAppConfig):
    verbose_name = "Pembatasan masuk"

    def ready(self):
        super().ready()
        _daftarkan_admin()


class PembatasanMasukBackend:
    """Axes' lockout check, for the logins that come with a request.

    Every login form (/masuk/, /admin/login/) passes its request; a call
    without one (the test client's ``login()``) has no address to count
    against, so it is left to the next backend instead of failing.

    It wraps axes' backend rather than subclassing it because this module is
    loaded with the app registry, before axes' backend can be imported (hence
    axes.W003 is silenced in settings). It has no get_user(): sessions and
    the test client's force_login() belong to ModelBackend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            log.debug("authenticate() tanpa request: pembatasan masuk tidak diperiksa")
            return None
        from axes.backends import AxesStandaloneBackend

        return AxesStandaloneBackend().authenticate(
            request, username=username, password=password, **kwargs
        )


def nama_pengguna(request, credentials):
    """The account a login attempt names, as axes records it.

    Django's login form passes an over-long username on to authenticate()
    (its max_length is set after the field is built, so no validator checks
    it), and axes would write it into a 255-character column: a 500 on
    PostgreSQL. Nothing longer than a username can be an account.
    """
    if credentials:
        nilai = credentials.get("username")
    else:
        nilai = getattr(request, "data", request.POST).get("username")
    if nilai is None:
        return None
    return str(nilai).replace("\x00", "")[:150]


def _daftarkan_admin():
    from axes.admin import AccessAttemptAdmin, AccessLogAdmin
    from axes.conf import settings
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt, AccessLog

    def masih_berlaku():
        # A record older than the cool-down no longer locks anyone.
        jeda = get_cool_off()
        return {"attempt_time__gt": timezone.now() - jeda} if jeda else {}

    class TerkunciFilter(admin.SimpleListFilter):
        title = "terkunci"
        parameter_name = "terkunci"

        def lookups(self, request, model_admin):
            return [("ya", "Ya"), ("tidak", "Tidak")]

        def queryset(self, request, queryset):
            batas = settings.AXES_FAILURE_LIMIT
            terkunci = queryset.filter(failures_since_start__gte=batas, **masih_berlaku())
            if self.value() == "ya":
                return terkunci
            if self.value() == "tidak":
                return queryset.exclude(pk__in=terkunci.values("pk"))
            return queryset

    class PercobaanMasukAdmin(AccessAttemptAdmin):
        """Locked combinations of account and address; "Buka kunci" clears them."""

        list_display = [
            "attempt_time",
            "username",
            "ip_address",
            "failures_since_start",
            "status",
            "path_info",
            "user_agent",
        ]
        list_filter = [TerkunciFilter, "attempt_time", "path_info"]
        fieldsets = (
            (None, {"fields": ("username", "path_info", "failures_since_start")}),
            ("Data formulir", {"fields": ("get_data", "post_data")}),
            ("Peramban dan alamat", {"fields": ("user_agent", "ip_address", "http_accept")}),
        )
        actions = ["buka_kunci"]

        @admin.display(description="status")
        def status(self, obj):
            sisa = settings.AXES_FAILURE_LIMIT - obj.failures_since_start
            if sisa > 0:
                return f"sisa {sisa} percobaan"
            jeda = get_cool_off()
            if jeda is None:
                return "Terkunci sampai dibuka admin"
            sampai = timezone.localtime(obj.attempt_time + jeda)
            if sampai <= timezone.localtime():
                return "Kunci sudah berakhir"
            return f"Terkunci sampai {sampai:%H.%M}"

        @admin.action(
            description="Buka kunci (hapus catatan percobaan gagal)", permissions=["delete"]
        )
        def buka_kunci(self, request, queryset):
            jumlah = queryset.count()
            queryset.delete()
            self.message_user(request, f"{jumlah} kunci dibuka; akun dapat langsung masuk lagi.")

    admin.site.register(AccessAttempt, PercobaanMasukAdmin)
    # Successful logins; the failure log stays off (AXES_ENABLE_ACCESS_FAILURE_LOG),
    # the attempts above already say who failed where.
    admin.site.register(AccessLog, AccessLogAdmin)
