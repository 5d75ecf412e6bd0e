"""Partial indexes on documents_produkhukum for the monitoring's counts
(pemantauan.indeks). PostgreSQL only: SQLite cannot index a predicate that
calls its Python REGEXP function, and its tables are small anyway."""

from django.db import migrations


def buat(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from documents.models import ProdukHukum
    from pemantauan.indeks import indeks

    for i in indeks():
        schema_editor.add_index(ProdukHukum, i)


def hapus(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from documents.models import ProdukHukum
    from pemantauan.indeks import indeks

    for i in indeks():
        schema_editor.remove_index(ProdukHukum, i)


class Migration(migrations.Migration):
    dependencies = [("documents", "0009_gambar_halaman_logo_satker")]

    operations = [migrations.RunPython(buat, hapus)]
