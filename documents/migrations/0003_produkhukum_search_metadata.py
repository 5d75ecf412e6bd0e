"""Search: a small metadata-only vector beside the full one, and the indexes
of the relevance window under the common filters.

``search_metadata`` (judul/nomor A, subjek B, abstrak C, with positions) is
what ranking and phrase search read, so neither has to open the large vector
that carries the PDF text. Its GIN index and the fill exist only on
PostgreSQL; SQLite migrates unchanged.
"""

import django.contrib.postgres.search
from django.db import migrations, models

INDEKS = "documents_produkhukum_search_metadata_gin"


def buat_indeks(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEKS} ON documents_produkhukum USING gin (search_metadata)"
    )
    from documents.pencarian import perbarui_indeks

    perbarui_indeks()


def hapus_indeks(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEKS}")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_produkhukum_search_vector"),
    ]

    operations = [
        migrations.AddField(
            model_name="produkhukum",
            name="search_metadata",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="produkhukum",
            index=models.Index(
                condition=models.Q(("status_publikasi", "terbit")),
                fields=["tahun", "-diterbitkan_pada"],
                name="produk_terbit_tahun_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="produkhukum",
            index=models.Index(
                condition=models.Q(("status_publikasi", "terbit")),
                fields=["jenis", "-diterbitkan_pada"],
                name="produk_terbit_jenis_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="produkhukum",
            index=models.Index(
                condition=models.Q(("status_publikasi", "terbit")),
                fields=["satker", "-diterbitkan_pada"],
                name="produk_terbit_satker_idx",
            ),
        ),
        migrations.RunPython(buat_indeks, hapus_indeks),
    ]
