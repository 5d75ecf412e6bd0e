"""When a published product's record counts as incomplete: one rule, read
from the places that already decide it, once as a database filter (for
counting over a million rows) and once in Python (for saying what is missing).

- metadata: ``tanggal_penetapan`` — the metadata form requires it and the
  JDIHN feed holds back every product without it (publicsite.jdihn.alirkan);
  plus the fields the national standard requires of the product's type
  (documents.tipe.WAJIB_TIPE, which ProdukHukum.clean enforces);
- abstrak: the structured abstrak exists once its content points are written
  (publicsite.nama_berkas.ada_abstrak: not blank after stripping).
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from documents.models import ProdukHukum
from documents.tipe import WAJIB_TIPE
from publicsite.nama_berkas import ada_abstrak

WAJIB_UMUM = ["tanggal_penetapan"]


def _kosong(nama: str) -> Q:
    """The field holds nothing: NULL where it may, "" for text."""
    bidang = ProdukHukum._meta.get_field(nama)
    syarat = []
    if bidang.null:
        syarat.append(Q(**{f"{nama}__isnull": True}))
    if bidang.get_internal_type() in ("CharField", "TextField"):
        syarat.append(Q(**{nama: ""}))
    return reduce(or_, syarat)


def q_metadata_kurang() -> Q:
    syarat = [_kosong(nama) for nama in WAJIB_UMUM]
    for tipe, daftar in WAJIB_TIPE.items():
        if daftar:
            syarat.append(Q(tipe_dokumen=tipe) & reduce(or_, map(_kosong, daftar)))
    return reduce(or_, syarat)


def q_tanpa_abstrak() -> Q:
    # "" first: PostgreSQL compares lengths before reading a long (TOASTed)
    # abstrak, so only short values reach the whitespace check.
    return Q(abstrak="") | Q(abstrak__regex=r"^\s*$")


def q_tidak_lengkap() -> Q:
    return q_metadata_kurang() | q_tanpa_abstrak()


def kekurangan(produk) -> list[str]:
    """What the record lacks, as staff read it ("tanggal penetapan", "abstrak")."""
    hasil = []
    for nama in [*WAJIB_UMUM, *WAJIB_TIPE.get(produk.tipe_dokumen, [])]:
        if getattr(produk, nama) in (None, ""):
            hasil.append(str(ProdukHukum._meta.get_field(nama).verbose_name))
    if not ada_abstrak(produk):
        hasil.append("abstrak")
    return hasil
