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

from .batas import PANJANG_ABSTRAK, PANJANG_JUDUL
from .models import Lampiran, ProdukHukum, VersiBerkas

KONFIGURASI = "indonesian"
# A few hundred pages of a naskah or of its lampiran, each.
MAKS_TEKS_PDF = 500_000

# The index must never overflow: PostgreSQL refuses a tsvector holding more
# than 1 MB of lexemes and positions ("string is too long for tsvector"),
# and the refusal would fail the save, the publication or the processing
# that triggered the rebuild. Real text stays far below (its words repeat),
# but a text of distinct words does not: two-character words of a
# four-byte script cost 4 bytes per character of input, hyphenated ones
# ("x-y" is indexed as x-y, x and y) up to 7.5, measured on PostgreSQL 15.
MAKS_BITA_VEKTOR = 1_048_575
# The metadata keeps its positions (phrase search); each field is read up to
# its limit in documents.batas, at most BITA_PER_KARAKTER bytes of vector
# per character: about 242 KB at worst.
BITA_PER_KARAKTER = 10
# The PDF text is stripped of positions, so only its distinct lexemes count:
# they are kept, first-seen first, up to this many bytes for the naskah and
# as many for the lampiran, so metadata + naskah + lampiran stay below
# MAKS_BITA_VEKTOR whatever the text.
MAKS_BITA_LEKSEM_PDF = 390_000
# The PDF text is parsed in pieces of this many characters, each far below
# what one to_tsvector call may return (BITA_PER_KARAKTER per character).
POTONGAN_TEKS = 50_000
# Each piece reads this far into the next, so that a word across the cut is
# still indexed whole.
TUMPANG = 200
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


class LeksemTerbatas(SearchVectorCombinable, Func):
    """``strip(to_tsvector(teks))`` that cannot overflow: the text is parsed
    in pieces of POTONGAN_TEKS characters and its distinct lexemes are kept,
    in the order they first appear, up to MAKS_BITA_LEKSEM_PDF bytes. For
    real text (well below the budget) these are the same lexemes, plus the
    odd fragment of a word where a piece begins in its middle."""

    output_field = SearchVectorField()
    template = (
        "(SELECT array_to_tsvector(coalesce(array_agg(_l.leksem), '{}'::text[])) FROM ("
        "SELECT _u.leksem, sum(octet_length(_u.leksem)) OVER (ORDER BY _u.awal, _u.leksem) AS bita"
        " FROM (SELECT _k.leksem, min(_i) AS awal"
        " FROM (SELECT %(expressions)s AS teks) _s,"
        f" generate_series(1, char_length(_s.teks), {POTONGAN_TEKS}) AS _i,"
        " unnest(tsvector_to_array(to_tsvector("
        f"'{KONFIGURASI}'::regconfig, substr(_s.teks, _i, {POTONGAN_TEKS + TUMPANG}))))"
        " AS _k(leksem)"
        " GROUP BY _k.leksem) _u) _l"
        f" WHERE _l.bita <= {MAKS_BITA_LEKSEM_PDF})"
    )


def vektor_metadata():
    # Each field up to its limit in documents.batas (older rows may be
    # longer): see MAKS_BITA_VEKTOR.
    return (
        SearchVector(
            Left("judul", PANJANG_JUDUL),
            "nomor",
            _nomor_terpisah(),
            weight="A",
            config=KONFIGURASI,
        )
        + SearchVector("subjek", weight="B", config=KONFIGURASI)
        + SearchVector(Left("abstrak", PANJANG_ABSTRAK), weight="C", config=KONFIGURASI)
    )


def vektor_produk(lampiran=True):
    # Naskah and lampiran each within the limit, so a long lampiran cannot
    # push the naskah's words out.
    vektor = vektor_metadata() + LeksemTerbatas(Left(teks_naskah_terbit(), MAKS_TEKS_PDF))
    if lampiran:
        vektor += LeksemTerbatas(Left(teks_lampiran_terbit(), MAKS_TEKS_PDF))
    return vektor


# --- exact matches (the public search ranks them first) ----------------------

# The part of a judul compared with a whole query: a query holds at most
# publicsite.forms.PANJANG_KUERI (200) characters, so a judul longer than this
# can never equal one; cut, the key stays far below a btree entry's limit.
PANJANG_JUDUL_TEPAT = 300
# Expression indexes of migration 0010; the queries below must compile to
# exactly these expressions for PostgreSQL to use them.
INDEKS_JUDUL_TEPAT = "produk_terbit_judul_tepat_idx"
INDEKS_NOMOR_TEPAT = "produk_terbit_nomor_tepat_idx"
INDEKS_URUT_NOMOR = "produk_terbit_urut_nomor_idx"


def normal(teks: str) -> str:
    """What an exact match compares: lower case, runs of white space as one
    space, no space at either end (as ``JudulNormal`` does in the database)."""
    return re.sub(r"\s+", " ", teks).strip().lower()


class JudulNormal(Func):
    """``normal(judul[:PANJANG_JUDUL_TEPAT])`` in the database; indexed on
    PostgreSQL (INDEKS_JUDUL_TEPAT). The regular-expression class is spelled
    the same in Python and in PostgreSQL: blanks, tabs, line breaks."""

    output_field = TextField()
    template = (
        f"lower(btrim(regexp_replace(left(%(expressions)s, {PANJANG_JUDUL_TEPAT}),"
        " '[[:space:]]+', ' ', 'g')))"
    )

    def __init__(self, kolom="judul", **extra):
        super().__init__(kolom, **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        # No index and no regexp on SQLite: the fallback search compares the
        # judul trimmed and lowered, which is what real titles need.
        sql, params = compiler.compile(self.source_expressions[0])
        return f"lower(trim(substr({sql}, 1, {PANJANG_JUDUL_TEPAT})))", params


class NomorNormal(Func):
    """lower(nomor), indexed on PostgreSQL (INDEKS_NOMOR_TEPAT)."""

    output_field = TextField()
    template = "lower(%(expressions)s)"

    def __init__(self, kolom="nomor", **extra):
        super().__init__(kolom, **extra)


class FrasaDiJudul(SearchQuery):
    """The words of ``q`` in this order, each with weight A: matched against
    ``search_metadata``, true when the judul or the nomor holds them as a
    phrase. tsquery has no function to weigh a query, so each quoted lexeme
    of its text form gets ":A" (a quote inside a lexeme is doubled)."""

    def __init__(self, q: str):
        super().__init__(q, config=KONFIGURASI, search_type="phrase")

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection, function, template)
        leksem = "'''(?:[^'']|'''')*'''"
        return f"regexp_replace(({sql})::text, {leksem}, '\\&:A', 'g')::tsquery", params


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
