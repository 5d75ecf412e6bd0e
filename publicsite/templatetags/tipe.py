"""The catalogue fields of a product's document type, for the detail page."""

from django import template
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from documents.tipe import bidang_untuk

register = template.Library()

KOSONG = "—"


def _nilai(produk, nama):
    nilai = getattr(produk, nama)
    if nama == "berkekuatan_hukum_tetap":
        return {True: "Ya", False: "Tidak"}.get(nilai, KOSONG)
    if nilai in (None, ""):
        return KOSONG
    if nama == "amar":
        # The operative part keeps its paragraphs; escaped before marked safe.
        return mark_safe(linebreaks(nilai, autoescape=True))
    return nilai


@register.simple_tag
def bidang_tipe(produk) -> list[tuple[str, object]]:
    """[(label, value)] of the fields of ``produk``'s type, in documents.tipe
    order; reads the record only (no query)."""
    hasil = []
    for nama in bidang_untuk(produk.tipe_dokumen):
        label = produk._meta.get_field(nama).verbose_name
        hasil.append((label[:1].upper() + label[1:], _nilai(produk, nama)))
    return hasil
