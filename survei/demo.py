"""Demo answers to the Survei Kepuasan Masyarakat: about forty over the past
months for two offices, so the results page has something to show.

Idempotent: an office that already has answers gets none added."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from documents.models import Satker

from .models import ResponsSurvei
from .unsur import LAYANAN, PEKERJAAN, PENDIDIKAN, UNSUR, USIA

# slug -> (answers, how satisfied the office's public is: a score's weights 1..4)
SATKER_DEMO = {
    "kotawaringin-timur": (22, (1, 3, 10, 8)),
    "kpu-ri": (18, (1, 2, 8, 12)),
}
# Complaint handling is where a JDIH usually scores lowest.
BOBOT_U8 = (2, 4, 9, 4)
SARAN = [
    "Mohon dokumen lama (sebelum 2015) juga diunggah lengkap dengan lampirannya.",
    "Pencarian sudah cepat, tetapi kata kunci nomor keputusan kadang tidak ditemukan.",
    "Petugas ramah dan membantu ketika saya meminta salinan keputusan.",
    "Tampilan di ponsel sudah nyaman dibaca.",
    "Sebaiknya ada pemberitahuan bila ada produk hukum baru.",
    "Abstrak sangat membantu untuk memahami isi keputusan secara singkat.",
    "Belum jelas ke mana menyampaikan pengaduan bila dokumen tidak dapat diunduh.",
    "Terima kasih, layanan JDIH sangat bermanfaat bagi penyelenggara pemilu di daerah.",
]


def _pilih(acak, bobot):
    return acak.choices((1, 2, 3, 4), weights=bobot)[0]


@transaction.atomic
def muat_demo(stdout=None) -> int:
    """Create the demo answers; returns how many were added."""
    hari_ini = timezone.localdate()
    ditambah = 0
    for slug, (jumlah, bobot) in SATKER_DEMO.items():
        satker = Satker.objects.filter(slug=slug).first()
        if satker is None or ResponsSurvei.objects.filter(satker=satker).exists():
            continue
        acak = random.Random(f"survei-demo-{slug}")
        baris = []
        for _ in range(jumlah):
            nilai = {u.kode: _pilih(acak, BOBOT_U8 if u.kode == "u8" else bobot) for u in UNSUR}
            baris.append(
                ResponsSurvei(
                    satker=satker,
                    tanggal=hari_ini - timedelta(days=acak.randint(0, 170)),
                    jenis_kelamin=acak.choice(["L", "P", ""]),
                    usia=acak.choice([k for k, _ in USIA] + [""]),
                    pendidikan=acak.choice([k for k, _ in PENDIDIKAN[2:]]),
                    pekerjaan=acak.choice([k for k, _ in PEKERJAAN]),
                    layanan=acak.choice([k for k, _ in LAYANAN]),
                    komentar=acak.choice(SARAN) if acak.random() < 0.45 else "",
                    **nilai,
                )
            )
        ResponsSurvei.objects.bulk_create(baris)
        ditambah += len(baris)
    if stdout is not None:
        stdout.write(f"Survei kepuasan: {ditambah} jawaban contoh ditambahkan.")
    return ditambah
