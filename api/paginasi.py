"""Page-number pagination of the product list: ``halaman`` and
``per_halaman`` (at most MAKS_PER_HALAMAN), with the total count.

Without a keyword the count is exact (the filters have their indexes). With
a keyword it is the public search's: counted up to
publicsite.selectors.BATAS_HASIL, with ``jumlah_terbatas`` saying there are
more (relevance ranks a bounded set of the best candidates, see
publicsite.selectors._calon_relevansi), because counting every
match of a common word reads the whole full-text index."""

from django.core.paginator import Paginator
from rest_framework.utils.urls import replace_query_param

from publicsite.selectors import PaginatorTerbatas

PARAMETER_HALAMAN = "halaman"
PARAMETER_PER_HALAMAN = "per_halaman"
PER_HALAMAN = 20
MAKS_PER_HALAMAN = 100
# A page number beyond any catalogue; keeps the number a small integer.
MAKS_HALAMAN = 10**9


def _bilangan(teks, nama, bawah, atas, galat):
    try:
        nilai = int(teks)
    except (TypeError, ValueError):
        galat[nama] = [f"Isi bilangan bulat {bawah}–{atas}."]
        return None
    if not bawah <= nilai <= atas:
        galat[nama] = [f"Isi bilangan bulat {bawah}–{atas}."]
        return None
    return nilai


def baca(params, galat: dict) -> tuple[int, int]:
    """(halaman, per_halaman) from the query; problems go into ``galat``."""
    halaman = per_halaman = None
    if PARAMETER_HALAMAN in params:
        halaman = _bilangan(params[PARAMETER_HALAMAN], PARAMETER_HALAMAN, 1, MAKS_HALAMAN, galat)
    if PARAMETER_PER_HALAMAN in params:
        per_halaman = _bilangan(
            params[PARAMETER_PER_HALAMAN], PARAMETER_PER_HALAMAN, 1, MAKS_PER_HALAMAN, galat
        )
    return halaman or 1, per_halaman or PER_HALAMAN


def paginator(qs, per_halaman: int, terbatas: bool) -> Paginator:
    return (PaginatorTerbatas if terbatas else Paginator)(qs, per_halaman)


def tautan(request, halaman: int, ada: bool) -> str | None:
    if not ada:
        return None
    return replace_query_param(request.build_absolute_uri(), PARAMETER_HALAMAN, halaman)
