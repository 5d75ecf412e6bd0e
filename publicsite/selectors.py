"""Read-only queries of the public portal. Everything here starts from
``ProdukHukum.objects.terbit()``: a product that is not published is never
listed, counted, searched, fed or served."""

import re
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, F, Func, IntegerField, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Left
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
from documents.pencarian import KONFIGURASI, frasa, kueri, teks_versi_terbit

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
    syarat = TERBIT & Q(produk_hukum__satker=satker) if satker else TERBIT
    return list(
        Jenis.objects.annotate(jumlah=Count("produk_hukum", filter=syarat))
        .filter(jumlah__gt=0)
        .order_by("urutan", "nama")
    )


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
KUNCI_PILIHAN = "publik:pilihan-saringan:2"
UMUR_PILIHAN = 300


def pilihan_saringan() -> dict:
    """Options of the search filters. Computing them scans the catalogue, so
    they are cached; publicsite.apps drops the cache whenever the catalogue
    changes on this node, and other nodes catch up within UMUR_PILIHAN."""
    return cache.get_or_set(KUNCI_PILIHAN, _hitung_pilihan, UMUR_PILIHAN)


def hapus_cache_pilihan(**kwargs):
    cache.delete(KUNCI_PILIHAN)


def _hitung_pilihan() -> dict:
    terbit = ProdukHukum.objects.terbit().order_by()
    ada_tipe = set(terbit.values_list("tipe_dokumen", flat=True).distinct())
    return {
        "jenis": [
            (j.pk, f"{j.nama} ({j.singkatan})")
            for j in Jenis.objects.filter(TERBIT).distinct().order_by("urutan", "nama")
        ],
        "satker": [
            (s.slug, s.nama)
            for s in Satker.objects.filter(TERBIT).distinct().order_by("nama").only("slug", "nama")
        ],
        "tipe": [(v, label) for v, label in TipeDokumen.choices if v in ada_tipe],
        "tahun": sorted(set(terbit.values_list("tahun", flat=True).distinct()), reverse=True),
        "bidang": sorted(
            set(terbit.exclude(bidang_hukum="").values_list("bidang_hukum", flat=True).distinct())
        ),
    }


# --- search ---------------------------------------------------------------

URUT_RELEVANSI = "relevansi"
URUT_TERBARU = "terbaru"
URUT_TERLAMA = "terlama"
URUT_NOMOR = "nomor"

PENANDA_AWAL, PENANDA_AKHIR = "\u27ea", "\u27eb"  # ⟪ ⟫ never occur in a legal text
PANJANG_CUPLIKAN = 240
# A common word ("pemilihan" is in every Keputusan) matches the whole
# catalogue. Counting or ranking every match would read every vector, so the
# count stops at BATAS_HASIL and relevance ranks the BATAS_HASIL most recently
# published matches; below that limit both are exact.
BATAS_HASIL = 1000
MAKS_TEKS_CUPLIKAN = 100_000
# A quoted phrase found in at most this many products' metadata narrows the
# search to them; a more common phrase matches densely enough that walking
# the newest products finds BATAS_HASIL matches soon.
BATAS_FRASA = 5000


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
            # Read once: the count and the page both come from this window.
            jendela = list(
                qs.order_by("-diterbitkan_pada").values_list("pk", flat=True)[:BATAS_HASIL]
            )
            # Ranked on the metadata vector. The PDF's words carry no positions
            # and weight D: in the full vector they add about the same small
            # amount to every match (each match has its words somewhere), so
            # leaving them out barely moves the order, while reading the large
            # vector of 1,000 products costs more than the rest of the search.
            hasil = (
                produk_publik()
                .filter(pk__in=_salah_satu(jendela))
                .annotate(skor=SearchRank(F("search_metadata"), query))
                .order_by("-skor", "-tahun", "-id")
            )
            hasil.jumlah_diketahui = len(jendela)  # read by PaginatorTerbatas
            return hasil
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
            return qs.annotate(skor=skor).order_by("-skor", "-tahun", "-id")
    if k.urut == URUT_TERLAMA:
        # The exact reverse of the date index, so PostgreSQL can walk it backwards.
        return qs.order_by(F("tanggal_penetapan").asc(nulls_first=True), "tahun", "id")
    if k.urut == URUT_NOMOR:
        return urut_nomor(qs)
    return urut_tanggal(qs)


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


def cuplikan(produk_list, q: str) -> dict[int, str]:
    """Safe HTML snippets with the matched words in <mark>, one query in all."""
    ids = [p.pk for p in produk_list]
    if not ids or not q:
        return {}
    if pakai_postgres():
        sumber = tanpa_penanda(
            Concat(
                Left("abstrak", PANJANG_ABSTRAK),
                Value(" … "),
                Left(teks_versi_terbit(), MAKS_TEKS_CUPLIKAN),
                output_field=TextField(),
            )
        )
        baris = ProdukHukum.objects.filter(pk__in=ids).annotate(
            c=SearchHeadline(
                sumber,
                kueri(q),
                config=KONFIGURASI,
                start_sel=PENANDA_AWAL,
                stop_sel=PENANDA_AKHIR,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        hasil = {}
        for pk, teks in baris.values_list("pk", "c"):
            # ts_headline does not escape: escape first, then turn the markers
            # into <mark>. The source held no markers (tanpa_penanda), so every
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
    kata = kata_kunci(q)
    return {p.pk: sorot(f"{p.abstrak} … {teks.get(p.pk, '')}", kata) for p in produk_list}


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
