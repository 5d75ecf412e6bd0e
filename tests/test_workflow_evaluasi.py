import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.alur_helpers import ajukan, buat_tim, geser_waktu_jejak, majukan
from workflow.models import MutuBaku, Status
from workflow.selectors import evaluasi_sop, persentil

pytestmark = pytest.mark.django_db


def _disposisi_setelah(tim, menit):
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    awal = timezone.now() - timedelta(hours=2)
    geser_waktu_jejak(p.jejak.filter(aksi="ajukan"), awal)
    geser_waktu_jejak(p.jejak.filter(aksi="disposisi"), awal + timedelta(minutes=menit))
    return p


def test_evaluation_reports_median_p90_and_share_within_standard():
    tim = buat_tim()
    for menit in (5, 15, 40):
        _disposisi_setelah(tim, menit)
    hari_ini = timezone.localdate()
    ringkasan, baris = evaluasi_sop(tim.satker, hari_ini - timedelta(days=1), hari_ini)
    assert ringkasan["jumlah"] == 3
    disposisi = next(b for b in baris if b.tahap.kode == "disposisi")
    assert disposisi.jumlah == 3
    assert disposisi.median == timedelta(minutes=15)
    assert disposisi.p90 == timedelta(minutes=40)
    assert disposisi.standar == timedelta(minutes=20)
    assert (disposisi.dalam_standar, disposisi.persen_dalam_standar) == (2, 67)
    siapkan = next(b for b in baris if b.tahap.kode == "siapkan")
    assert siapkan.jumlah == 0 and siapkan.median is None


def test_satker_override_of_mutu_baku_wins():
    tim = buat_tim()
    MutuBaku.objects.create(langkah=1, menit=30, satker=tim.satker)
    _disposisi_setelah(tim, 35)
    hari_ini = timezone.localdate()
    _, baris = evaluasi_sop(tim.satker, hari_ini, hari_ini)
    disposisi = next(b for b in baris if b.tahap.kode == "disposisi")
    assert disposisi.standar == timedelta(minutes=40)
    assert disposisi.dalam_standar == 1


def test_requests_outside_period_are_not_counted():
    tim = buat_tim()
    _disposisi_setelah(tim, 5)
    kemarin = timezone.localdate() - timedelta(days=1)
    ringkasan, _ = evaluasi_sop(tim.satker, kemarin - timedelta(days=30), kemarin)
    assert ringkasan["jumlah"] == 0


def test_persentil_nearest_rank():
    assert persentil([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == 9
    assert persentil([7], 90) == 7


def test_evaluation_page_and_csv_for_kasubbag_only(client):
    tim, lain = buat_tim(), buat_tim()
    _disposisi_setelah(tim, 25)
    url = reverse("workflow:evaluasi")
    client.force_login(tim.pengelola)
    assert client.get(url).status_code == 403
    client.force_login(tim.kasubbag)
    hari_ini = timezone.localdate().isoformat()
    q = {"satker": tim.satker.pk, "dari": hari_ini, "sampai": hari_ini}
    html = client.get(url, q).content.decode()
    assert "Langkah 1–2" in html and "0% (0/1)" in html
    respons = client.get(url, {**q, "format": "csv"})
    assert respons["Content-Type"].startswith("text/csv")
    baris = list(csv.reader(io.StringIO(respons.content.decode("utf-8-sig"))))
    assert baris[0][0] == "langkah SOP"
    assert baris[1][:7] == [
        "Langkah 1–2",
        "Menerima Nota Dinas dan memberi disposisi",
        "1",
        "25.0",
        "25.0",
        "20.0",
        "0",
    ]
    # Another office's Satker is not a choice.
    assert client.get(url, {**q, "satker": lain.satker.pk}).context["form"].errors["satker"]


def test_evaluation_of_sop003_per_variant_with_satker_override():
    from tests.penyusunan_helpers import S, buat_tim_penyusunan, majukan, mulai
    from workflow.penyusunan.models import VarianPenyusunan

    tim = buat_tim_penyusunan()
    majukan(mulai(tim, VarianPenyusunan.TIM), tim, S.PLENO)
    majukan(mulai(tim, VarianPenyusunan.PENGATURAN), tim, S.VERIFIKASI_MUATAN)
    # Sorong Selatan gives verifikasi personil two days instead of one.
    MutuBaku.objects.create(prosedur="penyusunan-1", langkah=2, menit=2880, satker=tim.satker)
    hari_ini = timezone.localdate()
    ringkasan, baris = evaluasi_sop(tim.satker, hari_ini, hari_ini, "penyusunan-1")
    assert ringkasan["jumlah"] == 1
    per_kode = {b.tahap.kode: b for b in baris}
    assert per_kode["verifikasi-personil"].standar == timedelta(days=2)
    assert per_kode["verifikasi-personil"].jumlah == 1
    assert per_kode["verifikasi-muatan"].standar is None  # the SOP sets no time
    assert per_kode["verifikasi-muatan"].persen_dalam_standar is None
    assert "penyempurnaan" not in per_kode
    ringkasan2, baris2 = evaluasi_sop(tim.satker, hari_ini, hari_ini, "penyusunan-2")
    assert ringkasan2["jumlah"] == 1
    assert {b.tahap.kode: b for b in baris2}["penyusunan"].standar == timedelta(days=30)


def test_mutu_baku_admin_refuses_a_step_the_procedure_does_not_have():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Langkah tidak ada"):
        MutuBaku(prosedur="penyusunan-2", langkah=12, menit=5).full_clean()
    MutuBaku(prosedur="penyusunan-2", langkah=9, menit=5).full_clean()


def test_evaluation_covers_sop004_steps_against_their_minutes():
    from tests.konten_helpers import S, buat_tim_konten, disposisi, majukan

    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.DIUNGGAH)
    # The concept took 90 minutes against the SOP's 60 + 1.
    awal = timezone.now() - timedelta(hours=3)
    geser_waktu_jejak(k.jejak.filter(aksi="disposisi"), awal)
    geser_waktu_jejak(k.jejak.filter(aksi="serahkan"), awal + timedelta(minutes=90))
    hari_ini = timezone.localdate()
    ringkasan, baris = evaluasi_sop(tim.satker, hari_ini, hari_ini, "konten")
    assert ringkasan["jumlah"] == 1 and ("diunggah", 1) in ringkasan["rincian"]
    konsep = next(b for b in baris if b.tahap.kode == "konsep")
    assert konsep.standar == timedelta(minutes=61)
    assert konsep.median == timedelta(minutes=90) and konsep.dalam_standar == 0
    assert [b.tahap.kode for b in baris] == ["konsep", "koreksi", "perintah", "unggah"]
    assert next(b for b in baris if b.tahap.kode == "koreksi").standar == timedelta(minutes=5)
