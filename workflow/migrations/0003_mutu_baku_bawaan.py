from django.db import migrations

# Defaults of sop 000 (steps 1-12) and sop 001 (each extra validation level).
BAWAAN = {1: 10, 2: 10, 3: 60, 4: 10, 5: 60, 6: 10, 7: 15, 8: 10, 9: 10, 10: 20, 11: 60, 12: 15, 20: 30}


def isi(apps, schema_editor):
    MutuBaku = apps.get_model("workflow", "MutuBaku")
    for langkah, menit in BAWAAN.items():
        MutuBaku.objects.get_or_create(langkah=langkah, satker=None, defaults={"menit": menit})


class Migration(migrations.Migration):
    dependencies = [("workflow", "0002_permohonan")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
