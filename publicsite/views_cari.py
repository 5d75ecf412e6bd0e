"""Public search: the form, one page of results and their snippets."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import selectors
from .forms import PANJANG_KUERI, CariForm

PER_HALAMAN = 20


@require_safe
def cari(request):
    form = CariForm(request.GET or None)
    kriteria = form.kriteria() if form.is_bound else selectors.Kriteria()
    halaman = selectors.PaginatorTerbatas(selectors.cari_produk(kriteria), PER_HALAMAN).get_page(
        request.GET.get("halaman")
    )
    hasil = list(halaman.object_list)
    cuplikan = selectors.cuplikan(hasil, kriteria.q)
    for p in hasil:
        p.cuplikan = cuplikan.get(p.pk, "")
    params = request.GET.copy()
    params.pop("halaman", None)
    return render(
        request,
        "publicsite/cari.html",
        {
            "form": form,
            "saringan": form.saringan(),
            "rentang_tanggal": form.rentang_tanggal(),
            "jumlah_saringan_aktif": form.jumlah_saringan_aktif(),
            # A filter to correct must be in sight, even on a phone.
            "ada_galat_saringan": any(n != "q" for n in form.errors),
            "panjang_kueri": PANJANG_KUERI,
            "kriteria": kriteria,
            "halaman": halaman,
            "hasil": hasil,
            "query_tanpa_halaman": params.urlencode(),
        },
    )
