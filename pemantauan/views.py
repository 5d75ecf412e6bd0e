"""Monitoring that follows the Satker tree (issue 13 item 5) — being built."""

from django.contrib.auth.decorators import login_required
from django.http import Http404


@login_required
def ringkasan(request):
    raise Http404("Belum tersedia.")
