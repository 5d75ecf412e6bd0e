"""Who may see which penyusunan: the office's staff, nobody else (another
office's drafting does not exist, as far as a user can tell)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..izin import izin_per_satker, punya_izin
from .models import PenyusunanKeputusan


def penyusunan_terlihat(request, pk) -> PenyusunanKeputusan:
    p = get_object_or_404(
        PenyusunanKeputusan.objects.select_related(
            "satker",
            "jenis",
            "nomor__register",
            "diajukan_oleh",
            "salinan",
            "produk",
            "draft_final",
        ),
        pk=pk,
    )
    if not punya_izin(request.user, "lihat_penyusunan", p.satker_id):
        raise Http404("Penyusunan tidak ditemukan.")
    return p


def satker_boleh(user, kode) -> list[int]:
    """Ids of the Satkers where ``user`` holds permission ``kode``."""
    return [s for s, k in izin_per_satker(user).items() if kode in k]
