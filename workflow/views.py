from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def tugas_saya(request):
    return render(request, "workflow/tugas_saya.html", {})
