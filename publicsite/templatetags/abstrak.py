"""The structured abstrak on the detail page: the same wording as the sheet
(documents.abstrak_pdf), from the record alone (no query)."""

from django import template

from documents import abstrak_pdf
from publicsite import nama_berkas

register = template.Library()


@register.filter
def ada_abstrak(produk) -> bool:
    return nama_berkas.ada_abstrak(produk)


@register.filter
def nama_abstrak(produk) -> str:
    return nama_berkas.abstrak(produk)


@register.filter
def baris_abstrak(teks) -> list[str]:
    """A one-per-line field as its lines, for a list of <li>."""
    return abstrak_pdf.baris(teks)


@register.filter
def kepala_abstrak(produk) -> str:
    return abstrak_pdf.kepala(produk)


@register.filter
def identitas_abstrak(produk) -> str:
    return abstrak_pdf.identitas(produk)
