"""Full-text index of the catalogue (PostgreSQL, text-search config 'indonesian').

``ProdukHukum.search_vector`` holds judul and nomor (weight A), subjek (B),
abstrak (C) and the text of the published PDF version of the naskah and of
each lampiran (D); it decides what matches. The PDF's words are stored
without positions (``strip``): that halves the vector, and a word without
positions ranks with weight D anyway; phrase search ("…") therefore works
on the metadata only.

``ProdukHukum.search_metadata`` holds the same metadata part alone (A–C, with
positions). It is small and stays inline in the row, so ranking reads it
instead of the large vector, and a phrase — which can only match there — is
first looked up in its own GIN index (``frasa``) instead of being checked
against the large vector of every product holding both words.

Both are rebuilt in the database by one UPDATE whenever one of their sources
changes — also when the text of a version arrives later from processing or
OCR — so every writer (admin, workflow, import, processing) keeps them current
without knowing about them.

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
from django.db.models import (
    Aggregate,
    Exists,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Concat, Left
from django.db.models.lookups import LessThan
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Lampiran, ProdukHukum, VersiBerkas

KONFIGURASI = "indonesian"
# A tsvector may not exceed 1 MB; a few hundred pages of text stay far below.
MAKS_TEKS_PDF = 500_000
BIDANG_PRODUK = {"judul", "nomor", "subjek", "abstrak"}
BIDANG_VERSI = {"teks", "diterbitkan_pada"}


def aktif() -> bool:
    return connection.vendor == "postgresql"


def teks_naskah_terbit(ref="pk"):
    """The text of the naskah version the public sees: the newest one ever published."""
    return Subquery(
        VersiBerkas.objects.filter(produk=OuterRef(ref), diterbitkan_pada__isnull=False)
        .order_by("-nomor_versi")
        .values("teks")[:1]
    )


class GabungTeks(Aggregate):
    """The texts of a group joined by a space (string_agg / group_concat)."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ' ')"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)


def teks_lampiran_terbit(ref="pk"):
    """The texts of the lampiran versions the public sees, one per lampiran
    (its newest published version), joined; NULL when there is none."""
    lebih_baru = VersiBerkas.objects.filter(
        lampiran=OuterRef("lampiran"),
        diterbitkan_pada__isnull=False,
        nomor_versi__gt=OuterRef("nomor_versi"),
    )
    return Subquery(
        VersiBerkas.objects.filter(lampiran__produk=OuterRef(ref), diterbitkan_pada__isnull=False)
        .exclude(Exists(lebih_baru))
        .order_by()
        .values("lampiran__produk")
        .annotate(t=GabungTeks("teks"))
        .values("t")[:1],
        output_field=TextField(),
    )


def teks_versi_terbit(ref="pk"):
    """All the published text of a product: its naskah, then its lampiran.
    The SQLite fallback search and the snippets read it."""
    return Concat(
        teks_naskah_terbit(ref),
        Value(" "),
        teks_lampiran_terbit(ref),
        output_field=TextField(),
    )


# The parser reads "77/PL.01-Kpt/2023" as one path-like token; its parts are
# indexed too, so that a search for "PL.01-Kpt" or "Kpt" finds the product.
PEMISAH_NOMOR = r"[/.\-]+"
# In what a reader typed, only between two characters of a word: a "-" before a
# word or a quote is the web-search "not".
PEMISAH_DALAM_KATA = re.compile(r"(?<=\w)[/.\-]+(?=\w)")


def _nomor_terpisah():
    return Func("nomor", Value(PEMISAH_NOMOR), Value(" "), Value("g"), function="regexp_replace")


def kueri(q: str) -> SearchQuery:
    """The tsquery for what a reader typed (web-search syntax: quotes, or, -)."""
    query = SearchQuery(q, config=KONFIGURASI, search_type="websearch")
    terpisah = PEMISAH_DALAM_KATA.sub(" ", q)
    if terpisah != q:
        query = query | SearchQuery(terpisah, config=KONFIGURASI, search_type="websearch")
    return query


class Strip(SearchVectorCombinable, Func):
    function = "strip"
    output_field = SearchVectorField()


def vektor_metadata():
    return (
        SearchVector("judul", "nomor", _nomor_terpisah(), weight="A", config=KONFIGURASI)
        + SearchVector("subjek", weight="B", config=KONFIGURASI)
        + SearchVector("abstrak", weight="C", config=KONFIGURASI)
    )


def vektor_produk(lampiran=True):
    # Naskah and lampiran each within the limit, so a long lampiran cannot
    # push the naskah's words out.
    vektor = vektor_metadata() + Strip(
        SearchVector(Left(teks_naskah_terbit(), MAKS_TEKS_PDF), config=KONFIGURASI)
    )
    if lampiran:
        vektor += Strip(
            SearchVector(Left(teks_lampiran_terbit(), MAKS_TEKS_PDF), config=KONFIGURASI)
        )
    return vektor


# A quoted phrase the reader typed, unless negated (-"…").
_FRASA = re.compile(r'(?:^|[^\w"-])"([^"]+)"')
_ATAU = re.compile(r"(?:^|\s)or(?:\s|$)", re.IGNORECASE)


def frasa(q: str):
    """A condition on ``search_metadata`` that every match of ``kueri(q)``
    meets, or None: each quoted phrase of two or more words must be in the
    metadata (the PDF words carry no positions, so a phrase matches nowhere
    else). With "or" a phrase may be optional, so then there is none."""
    if _ATAU.search(q):
        return None
    syarat = _frasa_di_metadata(q)
    terpisah = PEMISAH_DALAM_KATA.sub(" ", q)
    if syarat is not None and terpisah != q:
        # kueri() also matches the query with the number split at / . -
        lain = _frasa_di_metadata(terpisah)
        syarat = None if lain is None else syarat | lain
    return syarat


def _frasa_di_metadata(q: str):
    syarat = None
    for teks in _FRASA.findall(q):
        ini = SearchQuery(teks, config=KONFIGURASI, search_type="phrase")
        # One word in quotes is no phrase and may match the PDF text: no
        # condition then. The database folds numnode() of a constant away.
        kondisi = Q(search_metadata=ini) | Q(
            LessThan(Func(ini, function="numnode", output_field=IntegerField()), 3)
        )
        syarat = kondisi if syarat is None else syarat & kondisi
    return syarat


def _kolom_ada(kolom: str) -> bool:
    with connection.cursor() as c:
        return kolom in {
            k.name
            for k in connection.introspection.get_table_description(c, ProdukHukum._meta.db_table)
        }


def _tabel_ada(tabel: str) -> bool:
    with connection.cursor() as c:
        return tabel in connection.introspection.table_names(c)


def perbarui_indeks(produk_ids=None) -> int:
    """Rebuild the vectors of the given products (all when None). Returns rows."""
    if not aktif():
        return 0
    qs = ProdukHukum.objects.all()
    nilai = {"search_vector": vektor_produk(), "search_metadata": vektor_metadata()}
    if produk_ids is not None:
        qs = qs.filter(pk__in=[p for p in produk_ids if p])
    else:
        if not _kolom_ada("search_metadata"):
            # Migration 0002 rebuilds everything before 0003 adds the column.
            del nilai["search_metadata"]
        if not _tabel_ada(Lampiran._meta.db_table):
            # Migrations 0002/0003 rebuild everything before 0006 adds lampiran.
            nilai["search_vector"] = vektor_produk(lampiran=False)
    return qs.update(**nilai)


def _perlu(update_fields, bidang) -> bool:
    return update_fields is None or bool(set(update_fields) & bidang)


@receiver(post_save, sender=ProdukHukum)
def _produk_disimpan(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw and _perlu(update_fields, BIDANG_PRODUK):
        perbarui_indeks([instance.pk])


def produk_id_versi(versi: VersiBerkas) -> int | None:
    """The product whose index holds ``versi``'s text (naskah or lampiran)."""
    if versi.produk_id or not versi.lampiran_id:
        return versi.produk_id
    if VersiBerkas.lampiran.is_cached(versi):
        return versi.lampiran.produk_id
    # Deleted along with its lampiran, which may be gone already: then its
    # product is being deleted too, or the lampiran was never public.
    return Lampiran.objects.filter(pk=versi.lampiran_id).values_list("produk_id", flat=True).first()


@receiver(post_save, sender=VersiBerkas)
def _versi_disimpan(sender, instance, update_fields=None, raw=False, **kwargs):
    # Text recognised later (processing, OCR) and a newly published version
    # both change what the public can find.
    if not raw and aktif() and _perlu(update_fields, BIDANG_VERSI):
        perbarui_indeks([produk_id_versi(instance)])


@receiver(post_delete, sender=VersiBerkas)
def _versi_dihapus(sender, instance, **kwargs):
    if aktif():
        perbarui_indeks([produk_id_versi(instance)])
