"""One audit trail and one table of time standards for every procedure.

JejakAudit pointed at Permohonan; it now names its item by content type and
id (plus the Satker, for the admin's filter), so sop 003 and later
procedures write to the same append-only trail. Existing entries keep their
request; existing time standards become the "unggah" procedure's.
"""

import django.db.models.deletion
from django.db import migrations, models

import workflow.mesin


def isi_jejak(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    JejakAudit = apps.get_model("workflow", "JejakAudit")
    Permohonan = apps.get_model("workflow", "Permohonan")
    if not JejakAudit.objects.exists():
        return
    ct, _ = ContentType.objects.get_or_create(app_label="workflow", model="permohonan")
    satker = dict(Permohonan.objects.values_list("pk", "satker_id"))
    for permohonan_id in JejakAudit.objects.values_list("permohonan_id", flat=True).distinct():
        JejakAudit.objects.filter(permohonan_id=permohonan_id).update(
            jenis_alur_id=ct.pk, alur_id=permohonan_id, satker_id=satker[permohonan_id]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0003_produkhukum_search_metadata"),
        ("workflow", "0003_mutu_baku_bawaan"),
    ]

    operations = [
        migrations.AddField(
            model_name="jejakaudit",
            name="jenis_alur",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="prosedur",
            ),
        ),
        migrations.AddField(
            model_name="jejakaudit",
            name="alur_id",
            field=models.PositiveBigIntegerField(
                editable=False, null=True, verbose_name="nomor item"
            ),
        ),
        migrations.AddField(
            model_name="jejakaudit",
            name="satker",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="documents.satker",
                verbose_name="satker",
            ),
        ),
        migrations.RunPython(isi_jejak, migrations.RunPython.noop),
        migrations.RemoveField(model_name="jejakaudit", name="permohonan"),
        migrations.AlterField(
            model_name="jejakaudit",
            name="jenis_alur",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="prosedur",
            ),
        ),
        migrations.AlterField(
            model_name="jejakaudit",
            name="alur_id",
            field=models.PositiveBigIntegerField(editable=False, verbose_name="nomor item"),
        ),
        migrations.AlterField(
            model_name="jejakaudit",
            name="satker",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="documents.satker",
                verbose_name="satker",
            ),
        ),
        migrations.AlterModelOptions(
            name="jejakaudit",
            options={
                "ordering": ["jenis_alur", "alur_id", "waktu", "id"],
                "verbose_name": "jejak audit",
                "verbose_name_plural": "jejak audit",
            },
        ),
        migrations.AddIndex(
            model_name="jejakaudit",
            index=models.Index(
                fields=["jenis_alur", "alur_id", "waktu"], name="workflow_je_jenis_a_df1126_idx"
            ),
        ),
        # Time standards per procedure.
        migrations.RemoveConstraint(model_name="mutubaku", name="mutu_baku_unik_per_satker"),
        migrations.RemoveConstraint(model_name="mutubaku", name="mutu_baku_bawaan_unik"),
        migrations.AddField(
            model_name="mutubaku",
            name="prosedur",
            field=models.CharField(
                choices=workflow.mesin.pilihan_prosedur,
                default="unggah",
                max_length=30,
                verbose_name="prosedur",
            ),
        ),
        migrations.AlterField(
            model_name="mutubaku",
            name="langkah",
            field=models.PositiveSmallIntegerField(verbose_name="langkah"),
        ),
        migrations.AlterModelOptions(
            name="mutubaku",
            options={
                "ordering": ["prosedur", "satker__nama", "langkah"],
                "verbose_name": "mutu baku waktu",
                "verbose_name_plural": "mutu baku waktu",
            },
        ),
        migrations.AddConstraint(
            model_name="mutubaku",
            constraint=models.UniqueConstraint(
                fields=("prosedur", "langkah", "satker"),
                name="mutu_baku_unik_per_satker",
                violation_error_message="Mutu baku langkah ini sudah diatur untuk satker ini.",
            ),
        ),
        migrations.AddConstraint(
            model_name="mutubaku",
            constraint=models.UniqueConstraint(
                condition=models.Q(("satker__isnull", True)),
                fields=("prosedur", "langkah"),
                name="mutu_baku_bawaan_unik",
                violation_error_message="Mutu baku bawaan langkah ini sudah ada.",
            ),
        ),
    ]
