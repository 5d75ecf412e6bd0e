"""Read-only queries of the public portal. Everything here starts from
``ProdukHukum.objects.terbit()``: a product that is not published is never
listed, counted, searched, fed or served."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.postgres.search import SearchRank
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Left
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe

from documents.batas import PANJANG_ABSTRAK
from documents.models import (
    Jenis,
    ProdukHukum,
    Satker,
    StatusPublikasi,
    TipeDokumen,
)
from documents.pencarian import (
    KONFIGURASI,
    PEMISAH_DALAM_KATA,
    FrasaDiJudul,
    JudulNormal,
    NomorNormal,
    frasa,
    kueri,
    normal,
    teks_versi_terbit,
)

TERBIT = Q(produk_hukum__status_publikasi=StatusPublikasi.TERBIT)


def produk_publik(satker: Satker | None = None):
    # The vectors are large and only the database needs them.
    qs = (
        ProdukHukum.objects.terbit()
        .select_related("jenis", "satker")
        .defer("search_vector", "search_metadata")
    )
    if satker is not None:
        qs = qs.filter(satker=satker)
    return qs


def urut_tanggal(qs):
    return qs.order_by(F("tanggal_penetapan").desc(nulls_last=True), "-tahun", "-id")


def terbaru(satker=None, jumlah=10):
    return list(produk_publik(satker).order_by("-diterbitkan_pada", "-id")[:jumlah])


def jumlah_per_jenis(satker=None):
    """The jenis that have published products (of ``satker``), each with its
    count in ``jumlah``. Counted on the products grouped by jenis: a count
    filtered inside a join from Jenis read every product of every Satker
    (5.2 s for one Satker's page at a million products)."""
    hitungan = dict(
        produk_publik(satker).order_by().values_list("jenis_id").annotate(n=Count("id"))
    )
    daftar = list(Jenis.objects.filter(pk__in=hitungan).order_by("urutan", "nama"))
    for jenis in daftar:
        jenis.jumlah = hitungan[jenis.pk]
    return daftar


def jumlah_per_tahun(satker=None):
    return list(
        produk_publik(satker)
        .order_by()
        .values("tahun")
        .annotate(jumlah=Count("id"))
        .order_by("-tahun")
    )


def jumlah_per_status(satker=None):
    return list(
        produk_publik(satker)
        .order_by()
        .values("status")
        .annotate(jumlah=Count("id"))
        .order_by("status")
    )


def satker_dengan_produk():
    return list(
        Satker.objects.annotate(jumlah=Count("produk_hukum", filter=TERBIT))
        .filter(jumlah__gt=0)
        .order_by("nama")
    )


def paling_diunduh(satker=None, jumlah=10):
    return list(
        produk_publik(satker)
        .filter(jumlah_unduhan__gt=0)
        .order_by("-jumlah_unduhan", "-id")[:jumlah]
    )


# Versioned: a node still running the old code reads its own key, not a
# dict without the options this code expects.
KUNCI_PILIHAN = "publik:pilihan-saringan:3"
UMUR_PILIHAN = 300


def pilihan_saringan() -> dict:
    """Options of the search filters. Cached under the catalogue version of
    publicsite.cache_halaman (moved by every publish, take-down or edit of a
    product, a jenis or a Satker): with a shared cache every process of every
    node sees a change on its next request. The local copy of the other
    processes of a node without a shared cache still lives UMUR_PILIHAN."""
    from .cache_halaman import versi_katalog

    return cache.get_or_set(f"{KUNCI_PILIHAN}:{versi_katalog()}", _hitung_pilihan, UMUR_PILIHAN)


def hapus_cache_pilihan(**kwargs):
    """Kept for the signal publicsite.apps connects: the catalogue version the
    key holds moves by itself; nothing to delete."""


def _nilai_berbeda(kolom: str) -> list:
    """The distinct non-empty values of ``kolom`` among published products,
    largest first, read as a loose index scan: one index probe per value
    ("the largest value below the last one") instead of reading every
    published product — at a million products milliseconds, not seconds.
    ``kolom`` is a column name of this module, never user input."""
    tabel = ProdukHukum._meta.db_table
    sql = f"""
        WITH RECURSIVE t(v) AS (
            SELECT max({kolom}) FROM {tabel} WHERE status_publikasi = %s
            UNION ALL
            SELECT (SELECT max({kolom}) FROM {tabel} WHERE status_publikasi = %s AND {kolom} < t.v)
            FROM t WHERE t.v IS NOT NULL
        )
        SELECT v FROM t WHERE v IS NOT NULL
    """
    with connection.cursor() as c:
        c.execute(sql, [StatusPublikasi.TERBIT, StatusPublikasi.TERBIT])
        return [v for (v,) in c.fetchall() if v != ""]


def _hitung_pilihan() -> dict:
    """Each option is found by index probes (the partial indexes of published
    products per jenis, per Satker, per year, per bidang hukum), never by
    reading the catalogue."""
    terbit = ProdukHukum.objects.terbit().order_by()
    jenis = list(
        Jenis.objects.filter(Exists(terbit.filter(jenis=OuterRef("pk"))))
        .order_by("urutan", "nama")
        .only("pk", "nama", "singkatan", "tipe_dokumen")
    )
    # A product's tipe is its jenis's (ProdukHukum.save keeps them equal).
    ada_tipe = {j.tipe_dokumen for j in jenis}
    return {
        "jenis": [(j.pk, f"{j.nama} ({j.singkatan})") for j in jenis],
        "satker": [
            (s.slug, s.nama)
            for s in Satker.objects.filter(Exists(terbit.filter(satker=OuterRef("pk"))))
            .order_by("nama")
            .only("slug", "nama")
        ],
        "tipe": [(v, label) for v, label in TipeDokumen.choices if v in ada_tipe],
        "tahun": _nilai_berbeda("tahun"),
        "bidang": sorted(_nilai_berbeda("bidang_hukum")),
    }


# --- search ---------------------------------------------------------------

URUT_RELEVANSI = "relevansi"
URUT_TERBARU = "terbaru"
URUT_TERLAMA = "terlama"
URUT_NOMOR = "nomor"

PENANDA_AWAL, PENANDA_AKHIR = "\u27ea", "\u27eb"  # ⟪ ⟫ never occur in a legal text
PANJANG_CUPLIKAN = 240
# A common word ("pemilihan" is in every Keputusan) matches the whole
# catalogue, and counting or ranking every match would read every vector. So
# the count stops at BATAS_HASIL ("Lebih dari 1.000"), and relevance ranks a
# set of candidates chosen by how well they match, not by date alone (see
# _calon_relevansi): the exact judul/nomor, the judul holding the words as a
# phrase, the metadata holding every word, and the newest matches anywhere
# (the PDF text) — at most BATAS_HASIL of each. Below that limit every match
# is ranked and the count is exact.
BATAS_HASIL = 1000
# Exact judul/nomor matches are few (a nomor is unique per Satker, jenis and
# year); a judul shared by more products than this is a common heading.
BATAS_TEPAT = 100
MAKS_TEKS_CUPLIKAN = 100_000
# A quoted phrase found in at most this many products' metadata narrows the
# search to them; a more common phrase matches densely enough that walking
# the newest products finds BATAS_HASIL matches soon.
BATAS_FRASA = 5000

# Tiers of the relevance order, best first.
TINGKAT_TEPAT, TINGKAT_FRASA_JUDUL, TINGKAT_LAIN = 0, 1, 2
# Web-search syntax: a quote, a negated word ("-x" at the start of a word), "or".
_SINTAKSIS = re.compile(r'"|(?:^|\s)-|(?:^|\s)or(?:\s|$)', re.IGNORECASE)
_NEGASI = re.compile(r'(?:^|[\s"(])-')


def pakai_postgres() -> bool:
    return connection.vendor == "postgresql"


def kata_kunci(q: str) -> list[str]:
    """The words of a query, without search-syntax punctuation."""
    return [k for k in re.findall(r"[\w./-]+", q.lower()) if k.strip("./-")][:10]


@dataclass
class Kriteria:
    q: str = ""
    jenis: int | None = None
    tipe: str = ""
    tahun: int | None = None
    nomor: str = ""
    status: str = ""
    satker: str = ""
    bidang: str = ""
    urut: str = ""
    tanggal_dari: date | None = None
    tanggal_sampai: date | None = None
    # The reader's keywords could not be searched (too long, no letter or
    # digit): nothing matches, rather than the whole catalogue.
    kueri_ditolak: bool = False


def _salah_satu(ids):
    """``pk__in`` for up to a few thousand ids as one array parameter (PostgreSQL):
    a thousand separate parameters cost more to send than the query to run."""
    return RawSQL("SELECT unnest(%s::bigint[])", (list(ids),))


def cari_produk(k: Kriteria):
    """The published products matching ``k``, ordered as asked."""
    qs = produk_publik()
    if k.kueri_ditolak:
        return qs.none()
    if k.jenis:
        qs = qs.filter(jenis_id=k.jenis)
    if k.tipe:
        qs = qs.filter(tipe_dokumen=k.tipe)
    if k.tahun:
        qs = qs.filter(tahun=k.tahun)
    if k.nomor:
        qs = qs.filter(nomor__icontains=k.nomor)
    if k.status:
        qs = qs.filter(status=k.status)
    if k.satker:
        qs = qs.filter(satker__slug=k.satker)
    if k.bidang:
        qs = qs.filter(bidang_hukum=k.bidang)
    if k.tanggal_dari:
        qs = qs.filter(tanggal_penetapan__gte=k.tanggal_dari)
    if k.tanggal_sampai:
        qs = qs.filter(tanggal_penetapan__lte=k.tanggal_sampai)
    relevansi = bool(k.q) and k.urut in ("", URUT_RELEVANSI)
    if k.q and pakai_postgres():
        query = kueri(k.q)
        saringan = qs
        qs = qs.filter(search_vector=query)
        syarat_frasa = frasa(k.q)
        if syarat_frasa is not None:
            # A phrase can only match in the metadata: find the candidates
            # through the small vector's own index, so that only they have
            # their large vector checked (see pencarian.frasa).
            calon = list(
                ProdukHukum.objects.terbit()
                .filter(syarat_frasa)
                .order_by()
                .values_list("pk", flat=True)[: BATAS_FRASA + 1]
            )
            if len(calon) <= BATAS_FRASA:
                qs = qs.filter(pk__in=_salah_satu(calon))
        if relevansi:
            return _peringkat(qs, saringan, k.q, query)
    elif k.q:
        kata = kata_kunci(k.q)
        qs = qs.alias(_teks=teks_versi_terbit())
        skor = Value(0)
        for w in kata:
            qs = qs.filter(
                Q(judul__icontains=w)
                | Q(nomor__icontains=w)
                | Q(subjek__icontains=w)
                | Q(abstrak__icontains=w)
                | Q(_teks__icontains=w)
            )
            # The same weights as the PostgreSQL vector: judul/nomor > subjek > abstrak > PDF.
            skor = skor + Case(
                When(Q(judul__icontains=w) | Q(nomor__icontains=w), then=8),
                When(subjek__icontains=w, then=4),
                When(abstrak__icontains=w, then=2),
                default=1,
                output_field=IntegerField(),
            )
        if relevansi:
            # The same tiers as on PostgreSQL: the exact judul or nomor, then
            # the judul holding the whole query, then the weighted words.
            # (the words in a row, quotes or not).
            n = normal(k.q)
            urutan_kata = [When(Q(_judul=n) | Q(nomor__iexact=k.q.strip()), then=TINGKAT_TEPAT)]
            if len(kata) > 1:
                urutan_kata.append(When(judul__icontains=" ".join(kata), then=TINGKAT_FRASA_JUDUL))
            tingkat = Case(*urutan_kata, default=TINGKAT_LAIN, output_field=IntegerField())
            return (
                qs.alias(_judul=JudulNormal())
                .annotate(tingkat=tingkat, skor=skor)
                .order_by("tingkat", "-skor", "-tahun", "-id")
            )
    if k.urut == URUT_TERLAMA:
        # The exact reverse of the date index, so PostgreSQL can walk it backwards.
        return qs.order_by(F("tanggal_penetapan").asc(nulls_first=True), "tahun", "id")
    if k.urut == URUT_NOMOR:
        return urut_nomor(qs)
    return urut_tanggal(qs)


def _peringkat(cocok, saringan, q: str, query):
    """The matches ``cocok`` in relevance order (PostgreSQL): the candidates
    of ``_calon_relevansi``, by tier, then by the rank of their metadata."""
    calon, tepat, jumlah = _calon_relevansi(cocok, saringan, q, query)
    tingkat = [When(pk__in=_salah_satu(tepat), then=Value(TINGKAT_TEPAT))] if tepat else []
    if not _SINTAKSIS.search(q) and len(kata_kunci(q)) > 1:
        # The judul holding the words in this order: checked on the candidates
        # only. As a tier of its own it would cost a recheck of every product
        # holding the words, for a phrase of common words most of the table.
        tingkat.append(When(search_metadata=FrasaDiJudul(q), then=Value(TINGKAT_FRASA_JUDUL)))
    hasil = (
        produk_publik()
        .filter(pk__in=_salah_satu(calon))
        .annotate(
            tingkat=Case(*tingkat, default=Value(TINGKAT_LAIN), output_field=IntegerField()),
            # Ranked on the metadata vector. The PDF's words carry no positions
            # and weight D: in the full vector they add about the same small
            # amount to every match (each match has its words somewhere), so
            # leaving them out barely moves the order, while reading the large
            # vector of every candidate costs more than the rest of the search.
            skor=SearchRank(F("search_metadata"), query),
        )
        .order_by("tingkat", "-skor", "-tahun", "-id")
    )
    hasil.jumlah_diketahui = jumlah  # read by PaginatorTerbatas and the export
    return hasil


# The newest matches are read window by window: the last year, then 4, 16,
# then all. A common word matches tens of thousands of products, and ordering
# them all by date reads each one's row (measured at a million products:
# 41,000 rows, 486 ms); within a window the GIN match and the date index meet
# in one bitmap (2,200 rows, 68 ms), and BATAS_HASIL matches are usually there.
# A rare word costs a few cheap queries instead of one.
JENDELA_TAHUN = (1, 4, 16, None)


def _terbaru_berjendela(qs, n, batas) -> list:
    """Up to ``batas`` rows (pk, n, diterbitkan_pada) of ``qs``, newest first."""
    sekarang = timezone.now()
    for tahun in JENDELA_TAHUN:
        bagian = qs
        if tahun is not None:
            bagian = qs.filter(diterbitkan_pada__gte=sekarang - timedelta(days=365 * tahun))
        baris = list(
            bagian.order_by("-diterbitkan_pada")
            .annotate(_t=Value(n))
            .values_list("pk", "_t", "diterbitkan_pada")[:batas]
        )
        if len(baris) >= batas or tahun is None:
            return baris
    return []


def _calon_relevansi(cocok, saringan, q: str, query):
    """What relevance ranks: up to BATAS_HASIL products from each of
    - the exact matches: judul or nomor equal to the whole query (their own
      indexes, ``pencarian.JudulNormal`` / ``NomorNormal``);
    - the metadata (judul, nomor, subjek, abstrak) holding every word —
      these read ``search_metadata``'s GIN index, and a product whose title
      is the query is among them however many newer products mention the
      words in their PDF text;
    - the newest matches anywhere, PDF text included (what fills the list
      after the metadata matches, and what is counted).
    The metadata tier is newest first when it holds more than
    BATAS_HASIL; the exact tier still finds the one product whose judul is
    the query. Returns (candidates, exact matches, matches counted up to
    BATAS_HASIL + 1)."""
    # Without a negated word, a metadata match is a match of the full vector
    # (it holds the metadata): the tiers then never open the large vector.
    dasar = cocok if _NEGASI.search(q) else saringan
    meta = dasar.filter(search_metadata=query)
    tepat = set()
    if not _SINTAKSIS.search(q):
        n = normal(q)
        # From the filtered catalogue, not the word match: a judul equal to
        # the query needs no GIN lookup of its every word (149 ms for a
        # seven-word title at 1M), only the two exact indexes.
        tepat = set(
            dasar.alias(_judul=JudulNormal(), _nomor=NomorNormal())
            .filter(Q(_judul=n) | Q(_nomor=n))
            # No order: by date, the planner would walk the date index through
            # the whole catalogue when nothing matches exactly (56 s at 1M).
            .order_by()
            .values_list("pk", flat=True)[:BATAS_TEPAT]
        )
    # One more than counted: BATAS_HASIL + 1 metadata matches say "more" already.
    meta_baru = [
        (waktu is None, waktu or 0, pk)
        for pk, _n, waktu in _terbaru_berjendela(meta, TINGKAT_LAIN, BATAS_HASIL + 1)
    ]
    # Newest first as the database ordered them (NULL first in DESC); the one
    # match past BATAS_HASIL only says that there are more.
    meta_baru.sort(reverse=True)
    calon = tepat | {pk for *_w, pk in meta_baru[:BATAS_HASIL]}
    if len(meta_baru) > BATAS_HASIL:
        # The metadata alone fill every page that can be shown (the count
        # stops at BATAS_HASIL): the PDF-only matches would never be reached.
        return calon, tepat, len(meta_baru)
    # The newest matches anywhere fill the list after the metadata ones and
    # are what is counted.
    terbaru = sorted(
        (
            (waktu is None, waktu or 0, pk)
            for pk, _n, waktu in _terbaru_berjendela(cocok, -1, BATAS_HASIL + 1)
        ),
        reverse=True,
    )
    calon |= {pk for *_w, pk in terbaru[:BATAS_HASIL]}
    return calon, tepat, len(terbaru)


class AngkaAwalNomor(Func):
    """The number a ``nomor`` starts with ("21/HK.03.1-Kpt/..." -> 21), as
    text zero-padded to PANJANG_ANGKA digits so that text order is number
    order; NULL when the nomor does not start with a digit. Never a cast to
    an integer type: 30 digits typed into a nomor must not overflow."""

    PANJANG_ANGKA = 20
    output_field = TextField()

    def __init__(self, kolom="nomor", **extra):
        super().__init__(kolom, **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        n = self.PANJANG_ANGKA
        # Leading zeros dropped first, so "007" and "7" are the same number.
        return (
            f"lpad(substring({sql} from '^0*([0-9]{{1,{n}}})'), {n}, '0')",
            params,
        )

    def as_sql(self, compiler, connection, **extra_context):
        # SQLite: CAST reads the leading digits of a text ("21/HK" -> 21) and
        # saturates instead of overflowing.
        sql, params = compiler.compile(self.source_expressions[0])
        n = self.PANJANG_ANGKA
        # No printf('%0..d'): a "%" in the SQL would be read as a placeholder.
        nol = "0" * n
        return (
            f"(CASE WHEN {sql} GLOB '[0-9]*' "
            f"THEN substr('{nol}' || CAST({sql} AS INTEGER), -{n}, {n}) END)",
            params * 2,
        )


def urut_nomor(qs):
    """Sort by nomor, per year: the newest year first; within a year by the
    number the nomor starts with, counted as a number ("2" before "10");
    then the whole nomor as text (same number, other classification code),
    and a nomor that starts with no digit (a journal volume, a case number
    like "PHPU...") after the numbered ones of its year."""
    return qs.order_by(
        "-tahun",
        AngkaAwalNomor().asc(nulls_last=True),
        "nomor",
        "id",
    )


def tanpa_penanda(teks):
    """``teks`` without the highlight markers: a product whose text holds ⟪ or
    ⟫ itself would otherwise open a <mark> (or close one) in its snippet."""
    return Func(
        teks,
        Value(PENANDA_AWAL + PENANDA_AKHIR),
        Value(""),
        function="translate",
        output_field=TextField(),
    )


# A snippet is cut from a bounded window of the text, not from the whole of
# it: ts_headline parses all it is given, and a naskah may hold 500,000
# characters. The window opens JENDELA_SEBELUM characters before the first
# place (within CARI_DALAM) where a word of the query occurs as typed; when
# none does (a match through the stem only: "memilih" for "pemilihan"), at
# the start of the text.
CARI_DALAM = 50_000
JENDELA_SEBELUM = 300
PANJANG_JENDELA = 2_000

# The published text of each product as the search indexed it (naskah: its
# newest published version; each lampiran: its newest published version),
# written so that every step is an index probe. The anti-join of
# documents.pencarian.teks_lampiran_terbit is estimated by the planner at a
# hash of the whole version table per product; that estimate alone made
# PostgreSQL JIT-compile the snippet query (3 s of compilation for 60 ms of
# work, measured at 100,000 products).
_SQL_CUPLIKAN = f"""
SELECT p.id, ts_headline(
    %(konfigurasi)s::regconfig,
    translate(
        CASE WHEN p.id = ANY(%(dari_metadata)s) THEN left(p.abstrak, {PANJANG_ABSTRAK})
        ELSE coalesce(left(p.abstrak, {PANJANG_ABSTRAK}), '') || ' … ' || CASE
            WHEN j.pos IS NULL THEN left(t.teks, {PANJANG_JENDELA})
            ELSE substr(t.teks, greatest(j.pos - {JENDELA_SEBELUM}, 1), {PANJANG_JENDELA})
        END END,
        %(penanda)s, ''),
    q.kueri,
    %(opsi)s)
FROM {ProdukHukum._meta.db_table} p
CROSS JOIN (SELECT websearch_to_tsquery(%(konfigurasi)s::regconfig, %(q)s)
    || websearch_to_tsquery(%(konfigurasi)s::regconfig, %(q_terpisah)s) AS kueri) q
CROSS JOIN LATERAL (SELECT concat_ws(' ',
    (SELECT v.teks FROM documents_versiberkas v
      WHERE v.produk_id = p.id AND v.diterbitkan_pada IS NOT NULL
      ORDER BY v.nomor_versi DESC LIMIT 1),
    (SELECT string_agg(lv.teks, ' ') FROM documents_lampiran l
      CROSS JOIN LATERAL (SELECT v.teks FROM documents_versiberkas v
        WHERE v.lampiran_id = l.id AND v.diterbitkan_pada IS NOT NULL
        ORDER BY v.nomor_versi DESC LIMIT 1) lv
      WHERE l.produk_id = p.id)) AS teks) t
CROSS JOIN LATERAL (SELECT min(nullif(strpos(lower(left(t.teks, {CARI_DALAM})), k), 0)) AS pos
    FROM unnest(%(kata)s::text[]) k) j
WHERE p.id = ANY(%(ids)s)
"""
_OPSI_CUPLIKAN = (
    f'StartSel="{PENANDA_AWAL}", StopSel="{PENANDA_AKHIR}", MaxWords=35, MinWords=15, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def cuplikan(produk_list, q: str) -> dict[int, str]:
    """Safe HTML snippets with the matched words in <mark>, one query in all.

    A product whose abstrak holds a word of the query (as typed, or a word
    starting with it) gets its snippet from the abstrak alone: that is where
    the match is, and the abstrak says what the product is about. Any other
    gets it from its abstrak and a window of its text around the first
    occurrence of a query word (see CARI_DALAM): the cost of a snippet is
    bounded whatever the length of the PDF."""
    ids = [p.pk for p in produk_list]
    if not ids or not q:
        return {}
    kata = kata_kunci(q)
    if pakai_postgres():
        pola = _pola_kata(kata)
        dari_metadata = [p.pk for p in produk_list if pola and pola.search(p.abstrak or "")]
        param = {
            "konfigurasi": KONFIGURASI,
            # kueri(): the words as typed, or with a nomor split at / . -
            "q": q,
            "q_terpisah": PEMISAH_DALAM_KATA.sub(" ", q),
            "dari_metadata": dari_metadata,
            "penanda": PENANDA_AWAL + PENANDA_AKHIR,
            "opsi": _OPSI_CUPLIKAN,
            "kata": kata,
            "ids": ids,
        }
        hasil = {}
        with connection.cursor() as c:
            c.execute(_SQL_CUPLIKAN, param)
            for pk, teks in c.fetchall():
                # ts_headline does not escape: escape first, then turn the markers
                # into <mark>. The source held no markers (translate), so every
                # one here is ts_headline's own, in pairs.
                aman = str(escape(teks or ""))
                hasil[pk] = mark_safe(
                    aman.replace(PENANDA_AWAL, "<mark>").replace(PENANDA_AKHIR, "</mark>")
                )
        return hasil
    # The naskah's and the lampiran's published text, as the search read it.
    teks = dict(
        ProdukHukum.objects.filter(pk__in=ids)
        .annotate(_teks=Left(teks_versi_terbit(), MAKS_TEKS_CUPLIKAN))
        .values_list("pk", "_teks")
    )
    return {p.pk: sorot(f"{p.abstrak} … {teks.get(p.pk, '')}", kata) for p in produk_list}


def _pola_kata(kata: list[str]):
    if not kata:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in kata) + r")", re.IGNORECASE)


def sorot(teks: str, kata: list[str], panjang: int = PANJANG_CUPLIKAN) -> str:
    """A window of ``teks`` around the first matched word, HTML-escaped, with
    every word that starts with a query word wrapped in <mark>."""
    teks = re.sub(r"\s+", " ", teks).strip(" …")
    if not kata:
        return escape(teks[:panjang])
    pola = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in kata) + r")[\w]*", re.IGNORECASE)
    cocok = pola.search(teks)
    awal = max(0, cocok.start() - panjang // 3) if cocok else 0
    potongan = teks[awal : awal + panjang]
    bagian, pos = [], 0
    for m in pola.finditer(potongan):
        bagian.append(escape(potongan[pos : m.start()]))
        bagian.append(f"<mark>{escape(m.group(0))}</mark>")
        pos = m.end()
    bagian.append(escape(potongan[pos:]))
    html = "".join(str(b) for b in bagian)
    if awal > 0:
        html = "… " + html
    if awal + panjang < len(teks):
        html += " …"
    return mark_safe(html)


class PaginatorTerbatas(Paginator):
    """Counts at most BATAS_HASIL matches (see there); ``terbatas`` tells the
    page that there are more."""

    batas = BATAS_HASIL

    @cached_property
    def count(self):
        # The relevance window is read in full already (cari_produk).
        n = getattr(self.object_list, "jumlah_diketahui", None)
        if n is None:
            n = self.object_list.order_by()[: self.batas + 1].count()
        self.terbatas = n > self.batas
        return min(n, self.batas)

    terbatas = False
