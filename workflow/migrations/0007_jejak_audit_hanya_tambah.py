"""The audit trail is append-only in the database too (issue 11, item 9).

On PostgreSQL a row trigger refuses every UPDATE and DELETE on the audit
table, also those sent by hand in psql and those a cascade would make. TRUNCATE
is left alone: the test runner empties tables with it, and it needs the table
privilege that only the owner (the migrating role) holds. Other databases
(SQLite for the demo and tests) rely on the model and its queryset.
"""

from django.db import migrations

FUNGSI = "workflow_jejak_audit_hanya_tambah"
PEMICU = "jejak_audit_hanya_tambah"


def _tabel(apps, schema_editor):
    model = apps.get_model("workflow", "JejakAudit")
    return schema_editor.quote_name(model._meta.db_table)


def pasang(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # params=None: the body's "%" is PL/pgSQL's, not a query placeholder.
    schema_editor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FUNGSI}() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'Jejak audit hanya dapat ditambah: % ditolak.', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """,
        None,
    )
    schema_editor.execute(
        f"CREATE TRIGGER {PEMICU} BEFORE UPDATE OR DELETE ON {_tabel(apps, schema_editor)} "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNGSI}()",
        None,
    )


def lepas(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {PEMICU} ON {_tabel(apps, schema_editor)}", None)
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNGSI}()", None)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0006_konten_medsos"),
    ]

    operations = [
        migrations.RunPython(pasang, lepas),
    ]
