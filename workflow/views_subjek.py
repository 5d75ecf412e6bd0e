"""Subjek suggestions for the prepare form (static/js/katalog.js)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Lower
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from documents import kosakata
from documents.models import Subjek

from .models import PenugasanPeran

JUMLAH_SARAN = 10


class SaranForm(forms.Form):
    # A subjek is at most PANJANG_SUBJEK characters: a longer query can match nothing.
    q = forms.CharField(required=False, max_length=kosakata.PANJANG_SUBJEK)


def _staf(user) -> bool:
    """Anyone holding an SOP role somewhere, or an admin account."""
    return user.is_staff or PenugasanPeran.objects.filter(pengguna=user).exists()


@login_required
@require_safe
def saran(request):
    """Up to JUMLAH_SARAN existing subjek containing ``q`` (any case), the
    ones starting with it first, as a JSON list of names."""
    if not _staf(request.user):
        raise PermissionDenied("Saran subjek hanya untuk staf JDIH.")
    form = SaranForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"galat": form.errors["q"][0]}, status=400)
    q = kosakata.rapikan_subjek(form.cleaned_data["q"])
    if not q:
        return JsonResponse([], safe=False)
    nama = (
        Subjek.objects.filter(nama__icontains=q)
        .annotate(
            awalan=Case(
                When(nama__istartswith=q, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("awalan", Lower("nama"), "nama")
        .values_list("nama", flat=True)[:JUMLAH_SARAN]
    )
    return JsonResponse(list(nama), safe=False)
