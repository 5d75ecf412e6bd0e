"""Who may see which content: the office's staff, nobody else (another
office's content does not exist, as far as a user can tell)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..izin import izin_per_satker, punya_izin
from .models import KontenMedsos


def konten_terlihat(request, pk) -> KontenMedsos:
    k = get_object_or_404(
        KontenMedsos.objects.select_related("satker", "staf", "diajukan_oleh", "terbit"), pk=pk
    )
    if not punya_izin(request.user, "lihat_konten", k.satker_id):
        raise Http404("Konten tidak ditemukan.")
    return k


def satker_boleh(user, kode) -> list[int]:
    """Ids of the Satkers where ``user`` holds permission ``kode``."""
    return [s for s, k in izin_per_satker(user).items() if kode in k]
