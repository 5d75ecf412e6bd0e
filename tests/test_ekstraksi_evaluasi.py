"""Quality of the metadata extractor on the labelled evaluation set
(tests/ekstraksi_korpus.py): generated layouts, OCR'd scans, documents that
are no legal product, and the demo catalogue. Targets of issue 14."""

import pytest

from ekstraksi.baca import ekstrak
from tests.ekstraksi_korpus import bangun_dunia, korpus_buatan, korpus_demo, nilai_korpus

pytestmark = pytest.mark.django_db

TARGET = {
    "nomor": 0.98,
    "tahun": 0.98,
    "tanggal_penetapan": 0.98,
    "judul": 0.9,
    "penandatangan": 0.9,
    "relasi": 0.95,
}


def _laporan(skor) -> str:
    return "\n".join(
        f"{b:20} presisi {s.presisi:.3f} recall {s.recall:.3f} "
        f"({s.benar}/{s.diusulkan}/{s.berlabel})"
        + "".join(f"\n    salah: {x}" for x in s.salah[:5])
        for b, s in skor.items()
    )


def test_precision_targets_hold_on_generated_layouts_scans_and_demo_catalogue():
    dunia = bangun_dunia()
    korpus = korpus_buatan(dunia) + korpus_demo()
    skor = nilai_korpus(korpus, ekstrak)
    laporan = _laporan(skor)
    for bidang, target in TARGET.items():
        assert skor[bidang].presisi >= target, f"{bidang} di bawah target\n{laporan}"
    # Precision alone is met by proposing nothing: the extractor must also read.
    for bidang in ("nomor", "tahun", "tanggal_penetapan", "judul", "penandatangan"):
        assert skor[bidang].recall >= 0.6, f"{bidang}: recall terlalu rendah\n{laporan}"


def test_documents_without_structure_propose_nothing():
    dunia = bangun_dunia()
    for c in korpus_buatan(dunia, pindaian=0):
        if c.tata_letak == "bukan-produk":
            u = ekstrak(c.teks, satker=c.satker)
            assert not u.bidang.get("nomor") and not u.bidang.get("judul"), c.nama
            assert not u.relasi, c.nama
