"""Search filters at a million products (issue 13):

- the bidang hukum filter's options are read by a loose index scan
  (``publicsite.selectors._nilai_berbeda``): it needs an index on
  bidang_hukum of the published products, or each step reads the table;
- the nomor filter is a substring match (``nomor__icontains``, compiled by
  Django as ``UPPER(nomor::text) LIKE UPPER(%s)``): a trigram index on that
  very expression lets PostgreSQL find the few products whose nomor holds
  "Kpts/KPU-Kab-9207" without reading every nomor. pg_trgm ships with
  PostgreSQL and is a trusted extension (PostgreSQL 13+); where it cannot be
  created the index is left out and the filter still works, unindexed.

Partial (published products only) and PostgreSQL only, like 0010; SQLite
migrates unchanged. On a million products building both takes about a
minute.
"""

from django.db import DatabaseError, migrations, transaction

TABEL = "documents_produkhukum"
TERBIT = "WHERE status_publikasi = 'terbit'"
INDEKS_BIDANG = "produk_terbit_bidang_idx"
INDEKS_NOMOR_TRIGRAM = "produk_terbit_nomor_trgm_idx"


def buat_indeks(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEKS_BIDANG} ON {TABEL} (bidang_hukum) {TERBIT}"
    )
    with schema_editor.connection.cursor() as c:
        c.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        ada = c.fetchone() is not None
    if ada:
        try:
            # A role that may not create extensions leaves the filter unindexed.
            with transaction.atomic(using=schema_editor.connection.alias):
                schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                schema_editor.execute(
                    f"CREATE INDEX IF NOT EXISTS {INDEKS_NOMOR_TRIGRAM} ON {TABEL}"
                    f" USING gin (upper(nomor::text) gin_trgm_ops) {TERBIT}"
                )
        except DatabaseError:
            pass
    schema_editor.execute(f"ANALYZE {TABEL}")


def hapus_indeks(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for nama in (INDEKS_BIDANG, INDEKS_NOMOR_TRIGRAM):
            schema_editor.execute(f"DROP INDEX IF EXISTS {nama}")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0010_pencarian_skala"),
    ]

    operations = [migrations.RunPython(buat_indeks, hapus_indeks)]
