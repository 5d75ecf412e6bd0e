"""Search at a million products: the indexes of the exact-match tier of
relevance and of the nomor sort (issue 13).

- judul equal to the query (``documents.pencarian.JudulNormal``: lower case,
  white space folded, first 300 characters) and nomor equal to the query
  (``NomorNormal``): the public search ranks these first and finds them by
  equality, however many newer products mention the words;
- the "nomor (per tahun)" sort (``publicsite.selectors.urut_nomor``): tahun
  descending, the number the nomor starts with, the nomor, the id — walked in
  order instead of sorting every published product.

Partial (published products only) and PostgreSQL only, like the full-text
indexes of 0002/0003; the expressions are written exactly as the queries
compile them, or PostgreSQL would not use them (tests/test_pencarian_relevansi.py
checks the plans). On a million products building them takes about a
minute; SQLite migrates unchanged.
"""

from django.db import migrations

from documents.pencarian import (
    INDEKS_JUDUL_TEPAT,
    INDEKS_NOMOR_TEPAT,
    INDEKS_URUT_NOMOR,
    PANJANG_JUDUL_TEPAT,
)

TABEL = "documents_produkhukum"
TERBIT = "WHERE status_publikasi = 'terbit'"
# publicsite.selectors.AngkaAwalNomor.PANJANG_ANGKA
ANGKA = 20

INDEKS = {
    INDEKS_JUDUL_TEPAT: (
        f"lower(btrim(regexp_replace(left(judul, {PANJANG_JUDUL_TEPAT}),"
        " '[[:space:]]+', ' ', 'g')))"
    ),
    INDEKS_NOMOR_TEPAT: "lower(nomor)",
    INDEKS_URUT_NOMOR: (
        f"tahun DESC, lpad(substring(nomor from '^0*([0-9]{{1,{ANGKA}}})'), {ANGKA}, '0')"
        " ASC NULLS LAST, nomor, id"
    ),
}


def buat_indeks(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for nama, kolom in INDEKS.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {nama} ON {TABEL} ({kolom}) {TERBIT}")
    schema_editor.execute(f"ANALYZE {TABEL}")


def hapus_indeks(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for nama in INDEKS:
            schema_editor.execute(f"DROP INDEX IF EXISTS {nama}")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0009_gambar_halaman_logo_satker"),
    ]

    operations = [migrations.RunPython(buat_indeks, hapus_indeks)]
