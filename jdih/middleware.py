"""Show times in the office's own zone (WIB/WITA/WIT); the database keeps UTC."""

import zoneinfo

from django.conf import settings
from django.utils import timezone


class ZonaWaktuSatkerMiddleware:
    """Activate the time zone of the staff user's Satker for the request.

    Public pages and the API keep the site default (templates that show one
    product use the ``zona_waktu`` of its Satker explicitly) and never touch
    the session here: reading it would add "Vary: Cookie" to answers every
    reader shares.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zona = None
        user = getattr(request, "user", None)
        if (
            request.path.startswith(settings.JDIH_AWALAN_PRIVAT)
            and user is not None
            and user.is_authenticated
        ):
            zona = request.session.get("zona_waktu")
            if zona is None:
                zona = zona_waktu_pengguna(user)
                request.session["zona_waktu"] = zona
        if zona:
            timezone.activate(zoneinfo.ZoneInfo(zona))
        else:
            timezone.deactivate()
        return self.get_response(request)


def zona_waktu_pengguna(user):
    """The zone of the first Satker the user works for, or '' for the default."""
    from workflow.models import PenugasanPeran

    penugasan = (
        PenugasanPeran.objects.filter(pengguna=user)
        .select_related("satker")
        .order_by("satker__nama")
        .first()
    )
    return penugasan.satker.zona_waktu if penugasan else ""
