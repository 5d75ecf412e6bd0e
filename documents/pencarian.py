"""Full-text index of the catalogue (PostgreSQL, text-search config 'indonesian').

``ProdukHukum.search_vector`` holds judul and nomor (weight A), subjek (B),
abstrak (C) and the text of the published PDF version (D). The PDF's words are
stored without positions (``strip``): that halves the vector, which every
search reads, and a word without positions ranks with weight D anyway; phrase
search ("…") therefore works on the metadata only. It is rebuilt in
the database by one UPDATE whenever one of those changes — also when the text
of a version arrives later from processing or OCR — so every writer (admin,
workflow, import, processing) keeps it current without knowing about it.

On other databases (SQLite for development and tests) nothing is stored and
the public search falls back to substring matching.
"""

import re

from django.contrib.postgres.search import (
    SearchQuery,
    SearchVector,
    SearchVectorCombinable,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Func, OuterRef, Subquery, Value
from django.db.models.functions import Left
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import ProdukHukum, VersiBerkas

KONFIGURASI = "indonesian"
# A tsvector may not exceed 1 MB; a few hundred pages of text stay far below.
MAKS_TEKS_PDF = 500_000
BIDANG_PRODUK = {"judul", "nomor", "subjek", "abstrak"}
BIDANG_VERSI = {"teks", "diterbitkan_pada"}


def aktif() -> bool:
    return connection.vendor == "postgresql"


def teks_versi_terbit(ref="pk"):
    """The text of the version the public sees: the newest one ever published."""
    return Subquery(
        VersiBerkas.objects.filter(produk=OuterRef(ref), diterbitkan_pada__isnull=False)
        .order_by("-nomor_versi")
        .values("teks")[:1]
    )


# The parser reads "77/PL.01-Kpt/2023" as one path-like token; its parts are
# indexed too, so that a search for "PL.01-Kpt" or "Kpt" finds the product.
PEMISAH_NOMOR = r"[/.\-]+"


def _nomor_terpisah():
    return Func("nomor", Value(PEMISAH_NOMOR), Value(" "), Value("g"), function="regexp_replace")


def kueri(q: str) -> SearchQuery:
    """The tsquery for what a reader typed (web-search syntax: quotes, or, -)."""
    query = SearchQuery(q, config=KONFIGURASI, search_type="websearch")
    terpisah = re.sub(PEMISAH_NOMOR, " ", q)
    if terpisah != q:
        query = query | SearchQuery(terpisah, config=KONFIGURASI, search_type="websearch")
    return query


class Strip(SearchVectorCombinable, Func):
    function = "strip"
    output_field = SearchVectorField()


def vektor_produk():
    return (
        SearchVector("judul", "nomor", _nomor_terpisah(), weight="A", config=KONFIGURASI)
        + SearchVector("subjek", weight="B", config=KONFIGURASI)
        + SearchVector("abstrak", weight="C", config=KONFIGURASI)
        + Strip(SearchVector(Left(teks_versi_terbit(), MAKS_TEKS_PDF), config=KONFIGURASI))
    )


def perbarui_indeks(produk_ids=None) -> int:
    """Rebuild the vector of the given products (all when None). Returns rows."""
    if not aktif():
        return 0
    qs = ProdukHukum.objects.all()
    if produk_ids is not None:
        qs = qs.filter(pk__in=list(produk_ids))
    return qs.update(search_vector=vektor_produk())


def _perlu(update_fields, bidang) -> bool:
    return update_fields is None or bool(set(update_fields) & bidang)


@receiver(post_save, sender=ProdukHukum)
def _produk_disimpan(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw and _perlu(update_fields, BIDANG_PRODUK):
        perbarui_indeks([instance.pk])


@receiver(post_save, sender=VersiBerkas)
def _versi_disimpan(sender, instance, update_fields=None, raw=False, **kwargs):
    # Text recognised later (processing, OCR) and a newly published version
    # both change what the public can find.
    if not raw and _perlu(update_fields, BIDANG_VERSI):
        perbarui_indeks([instance.produk_id])


@receiver(post_delete, sender=VersiBerkas)
def _versi_dihapus(sender, instance, **kwargs):
    perbarui_indeks([instance.produk_id])
