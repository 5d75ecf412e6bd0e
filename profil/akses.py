"""Who manages a Satker's profile and reads its messages: the Satker's own
Pengelola JDIH, nobody else (not another Satker's, not the admin). One rule,
used by the views, the inbox queries and the email."""

from django.contrib.auth import get_user_model
from django.http import Http404

from documents.models import Satker
from workflow.peran import Peran


def satker_dikelola(user):
    """The Satkers where ``user`` is Pengelola JDIH (none for a visitor)."""
    if not user.is_authenticated or not user.is_active:
        return Satker.objects.none()
    return Satker.objects.filter(
        penugasan_peran__pengguna=user,
        penugasan_peran__peran__name=Peran.PENGELOLA,
    ).distinct()


def boleh_kelola(user, satker) -> bool:
    return satker_dikelola(user).filter(pk=satker.pk).exists()


def satker_dikelola_atau_404(user, slug) -> Satker:
    """The Satker named in a staff URL; another Satker does not exist, as far
    as this user can tell."""
    satker = satker_dikelola(user).filter(slug=slug).first()
    if satker is None:
        raise Http404("Satker tidak ditemukan.")
    return satker


def pengelola_satker(satker_id):
    """Active users holding Pengelola JDIH in the Satker: who is told of a
    new message."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            penugasan_peran__satker_id=satker_id,
            penugasan_peran__peran__name=Peran.PENGELOLA,
        )
        .distinct()
        .order_by("pk")
    )
