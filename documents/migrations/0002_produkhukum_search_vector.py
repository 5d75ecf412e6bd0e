"""Full-text search column for the public portal.

The column exists on every database; the GIN index and the initial fill only
on PostgreSQL, so SQLite (development, tests) migrates unchanged.
"""

import django.contrib.postgres.search
from django.db import migrations

INDEKS = "documents_produkhukum_search_vector_gin"
# The public search's date order, so a common word sorted by date stops after
# one page instead of sorting every match.
INDEKS_TANGGAL = "documents_produkhukum_terbit_tanggal"


def buat_indeks(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEKS} ON documents_produkhukum USING gin (search_vector)"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEKS_TANGGAL} ON documents_produkhukum "
        "(tanggal_penetapan DESC NULLS LAST, tahun DESC, id DESC) "
        "WHERE status_publikasi = 'terbit'"
    )
    from documents.pencarian import perbarui_indeks

    perbarui_indeks()


def hapus_indeks(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEKS}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEKS_TANGGAL}")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="produkhukum",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(buat_indeks, hapus_indeks),
    ]
