"""A refused take-down correction is no longer an end: the request waits in
``perbaikan_ditolak`` for the way back (re-publish the last good version or
a new correction round), with its own time standard (line 21).

Requests refused before this release left their product taken down with no
way out; those whose product is still down are reopened in the new state,
so they appear in Tugas saya again."""

import django_fsm
from django.db import migrations

TINDAK_LANJUT_PENOLAKAN = 21
MENIT = 15


def maju(apps, schema_editor):
    MutuBaku = apps.get_model("workflow", "MutuBaku")
    Permohonan = apps.get_model("workflow", "Permohonan")
    MutuBaku.objects.get_or_create(
        prosedur="unggah",
        langkah=TINDAK_LANJUT_PENOLAKAN,
        satker=None,
        defaults={"menit": MENIT},
    )
    # update(): the FSM field is protected against plain assignment.
    Permohonan.objects.filter(
        jenis="penurunan", status="ditolak", produk__status_publikasi="diturunkan"
    ).update(status="perbaikan_ditolak", selesai_pada=None)


def mundur(apps, schema_editor):
    MutuBaku = apps.get_model("workflow", "MutuBaku")
    Permohonan = apps.get_model("workflow", "Permohonan")
    MutuBaku.objects.filter(
        prosedur="unggah", langkah=TINDAK_LANJUT_PENOLAKAN, satker__isnull=True
    ).delete()
    for p in Permohonan.objects.filter(status="perbaikan_ditolak"):
        Permohonan.objects.filter(pk=p.pk).update(status="ditolak", selesai_pada=p.status_sejak)


class Migration(migrations.Migration):
    dependencies = [("workflow", "0007_jejak_audit_hanya_tambah")]

    operations = [
        migrations.AlterField(
            model_name="permohonan",
            name="status",
            field=django_fsm.FSMField(
                choices=[
                    ("diajukan", "Diajukan"),
                    ("didisposisi", "Didisposisi"),
                    ("diturunkan", "Diturunkan (perbaikan)"),
                    ("diperiksa", "Diperiksa (koreksi)"),
                    ("dikembalikan", "Dikembalikan untuk diperbaiki"),
                    ("divalidasi", "Validasi dan persetujuan"),
                    ("disetujui", "Disetujui, siap unggah"),
                    ("ditolak", "Ditolak"),
                    ("perbaikan_ditolak", "Perbaikan ditolak, menunggu tindak lanjut"),
                    ("diunggah", "Diunggah"),
                ],
                db_index=True,
                default="diajukan",
                max_length=20,
                protected=True,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(maju, mundur),
    ]
