"""Time at a glance (issue 12 item 7): an item's total elapsed time against
the norm of its path, and the steps that are or were late, for every
procedure; the partial reads a constant number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.alur_helpers import ajukan, ajukan_penurunan, buat_tim, geser_waktu_jejak, majukan
from tests.factories import buat_satker
from workflow import layanan
from workflow.models import MutuBaku, Permohonan, Status
from workflow.peran import Peran
from workflow.waktu import TabelMutuBaku, ringkasan_total, waktu_total

pytestmark = pytest.mark.django_db


def _geser(p, jadwal):
    """Backdate each action of the trail to ``awal + menit``."""
    awal = timezone.now() - timedelta(days=1)
    for aksi, menit in jadwal.items():
        geser_waktu_jejak(p.jejak.filter(aksi=aksi), awal + timedelta(minutes=menit))
    return awal


def test_norma_unggah_langkah_1_sampai_7_dan_acuan_290_menit():
    tim = buat_tim()
    w = waktu_total(ajukan(tim))
    assert w.norma == timedelta(minutes=175)
    assert [t.kode for t, _ in w.jalur] == [
        "disposisi",
        "siapkan",
        "koreksi",
        "persetujuan",
        "unggah",
    ]
    assert w.acuan[0] == 290 and "SOP 000" in w.acuan[1]


def test_norma_memuat_tiap_tingkat_validasi_satker():
    tim = buat_tim(validator=[Peran.KEPALA_BAGIAN, Peran.SEKRETARIS])
    w = waktu_total(ajukan(tim))
    assert w.norma == timedelta(minutes=175 + 2 * 30)
    assert [t.kode for t, _ in w.jalur].count("validasi") == 2


def test_norma_penurunan_mengikuti_jalurnya_sendiri():
    tim = buat_tim()
    w = waktu_total(ajukan_penurunan(tim))
    # 8–9 (20) + 10 (20) + 11 (60) + koreksi 5 (60) + persetujuan 6 (10) + 12 (15)
    assert w.norma == timedelta(minutes=185)
    assert [t.kode for t, _ in w.jalur][0] == "disposisi-penurunan"
    assert [t.kode for t, _ in w.jalur][-1] == "unggah-ulang"


def test_mutu_baku_satker_mengubah_norma():
    tim = buat_tim()
    MutuBaku.objects.create(langkah=3, menit=120, satker=tim.satker)
    assert waktu_total(ajukan(tim)).norma == timedelta(minutes=175 + 60)
    # Another Satker keeps the SOP's standard.
    lain = buat_tim(buat_satker())
    assert waktu_total(ajukan(lain)).norma == timedelta(minutes=175)


def test_permohonan_selesai_total_dan_langkah_terlambat():
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIUNGGAH)
    _geser(
        p,
        {
            "ajukan": 0,
            "disposisi": 15,  # 15 of 20: on time
            "serahkan": 15 + 100,  # siapkan: 100 of 70: late
            "loloskan_koreksi": 115 + 30,
            "setujui": 145 + 5,
            "unggah": 150 + 40,  # unggah: 40 of 15: late
        },
    )
    p.refresh_from_db()
    p.selesai_pada = p.jejak.order_by("-waktu").first().waktu
    Permohonan.objects.filter(pk=p.pk).update(selesai_pada=p.selesai_pada)
    w = waktu_total(p)
    assert w.selesai and w.berlalu == timedelta(minutes=190)
    assert w.lewat and w.menit_berlalu == 190 and w.menit_norma == 175
    terlambat = [(x.tahap.kode, x.durasi, x.standar) for x in w.terlambat]
    assert terlambat == [
        ("siapkan", timedelta(minutes=100), timedelta(minutes=70)),
        ("unggah", timedelta(minutes=40), timedelta(minutes=15)),
    ]
    assert not any(x.berjalan for x in w.langkah)


def test_langkah_yang_sedang_berjalan_terlambat_ikut_terdaftar():
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    awal = timezone.now() - timedelta(hours=3)
    geser_waktu_jejak(p.jejak.filter(aksi="ajukan"), awal)
    geser_waktu_jejak(p.jejak.filter(aksi="disposisi"), awal + timedelta(minutes=5))
    # A note (metadata saved) does not restart the step's clock.
    form_meta = _form_metadata(p)
    layanan.simpan_metadata(tim.pengelola, p, form_meta)
    w = waktu_total(p)
    assert not w.selesai and w.lewat
    assert timedelta(hours=2, minutes=54) < w.berlalu <= timedelta(hours=3, minutes=1)
    (berjalan,) = w.terlambat
    assert berjalan.berjalan and berjalan.tahap.kode == "siapkan"
    assert berjalan.durasi > timedelta(hours=2, minutes=50)


def _form_metadata(p):
    from workflow.forms_siapkan import MetadataForm

    form = MetadataForm(instance=p.produk)
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["jenis"] = p.produk.jenis_id
    data["tanggal_penetapan"] = "2024-04-30"
    form = MetadataForm(data, instance=p.produk)
    assert form.is_valid(), form.errors
    return form


def test_halaman_permohonan_menampilkan_total_norma_dan_langkah_terlambat(client):
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    awal = timezone.now() - timedelta(hours=5)
    geser_waktu_jejak(p.jejak.filter(aksi="ajukan"), awal)
    geser_waktu_jejak(p.jejak.filter(aksi="disposisi"), awal + timedelta(minutes=45))
    client.force_login(tim.kasubbag)
    html = client.get(p.get_absolute_url()).content.decode()
    assert "Waktu keseluruhan" in html
    assert "175 menit" in html and "290 menit" in html
    assert "<meter" in html and "Melewati norma" in html
    assert "Menerima Nota Dinas dan memberi disposisi</strong> — 45 menit" in html
    assert "Menyiapkan dan menyerahkan produk hukum</strong>" in html
    assert "sedang berjalan" in html
    assert "style=" not in html.split("Waktu keseluruhan")[1].split("</section>")[0]


def test_permohonan_baru_dalam_norma_tanpa_keterlambatan(client):
    tim = buat_tim()
    p = ajukan(tim)
    client.force_login(tim.pengusul)
    html = client.get(p.get_absolute_url()).content.decode()
    assert "Masih dalam norma." in html
    assert "Tidak ada langkah yang melewati mutu bakunya." in html


def _render_partial(p):
    return Template('{% include "workflow/_waktu_total.html" with alur=p %}').render(
        Context({"p": p})
    )


def test_jumlah_query_bagian_waktu_tetap_berapa_pun_panjang_jejaknya():
    tim = buat_tim(validator=[Peran.KEPALA_BAGIAN])
    pendek = ajukan(tim)
    panjang = majukan(ajukan(tim), tim, Status.DIPERIKSA)
    form_meta = _form_metadata(panjang)
    for _ in range(3):  # three rounds of koreksi, each with notes on the trail
        panjang = layanan.kembalikan(tim.kasubbag, panjang, catatan="Perbaiki abstrak")
        for _ in range(3):
            layanan.simpan_metadata(tim.pengelola, panjang, form_meta)
        panjang = majukan(panjang, tim, Status.DIPERIKSA)
    panjang = majukan(panjang, tim, Status.DIUNGGAH)
    _render_partial(Permohonan.objects.get(pk=pendek.pk))  # content types cached
    jumlah = []
    for p in (pendek, panjang):
        p = Permohonan.objects.get(pk=p.pk)
        with CaptureQueriesContext(connection) as q:
            _render_partial(p)
        jumlah.append(len(q))
    assert panjang.jejak.count() > 5 * pendek.jejak.count()
    # The trail, the standards, the validation chain.
    assert jumlah[0] == jumlah[1] == 3, jumlah


def test_total_singkat_untuk_baris_daftar_tanpa_query_per_baris():
    tim = buat_tim(validator=[Peran.KEPALA_BAGIAN])
    for _ in range(3):
        ajukan(tim)
    sedikit = list(Permohonan.objects.all()[:1])
    for _ in range(5):
        ajukan(tim)
    banyak = list(Permohonan.objects.all())
    templat = Template(
        "{% load waktu_alur workflow_waktu %}{% for p in daftar %}"
        "{% total_singkat p as w %}{{ w.berlalu|durasi }}/{{ w.norma|menit }};{% endfor %}"
    )
    jumlah = []
    for daftar in (sedikit, banyak):
        with CaptureQueriesContext(connection) as q:
            keluaran = templat.render(Context({"daftar": daftar}))
        jumlah.append(len(q))
    assert jumlah[0] == jumlah[1] == 2
    assert keluaran.count("/205 menit;") == len(banyak)
    # With the view's own standards and validation chains: no query at all.
    konteks = {
        "daftar": banyak,
        "mutu_baku": TabelMutuBaku(),
        "jumlah_tingkat_satker": {tim.satker.pk: 1},
    }
    with CaptureQueriesContext(connection) as q:
        assert templat.render(Context(konteks)) == keluaran
    assert len(q) == 0
    w = ringkasan_total(banyak[0], TabelMutuBaku(), jumlah_tingkat=1)
    assert w.norma == timedelta(minutes=205) and not w.lewat


def test_detail_penyusunan_sop003_menampilkan_waktu_tanpa_total_sop(client):
    from tests.penyusunan_helpers import S, buat_tim_penyusunan, majukan, mulai

    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.VERIFIKASI_MUATAN)
    w = waktu_total(p)
    # Lines 1, 2, 4, 8, 9 have a day each; the others have no time in the SOP.
    assert w.norma == timedelta(days=5)
    assert {t.kode for t in w.tanpa_norma} >= {"verifikasi-muatan", "sinkronisasi"}
    assert w.acuan is None
    client.force_login(tim.kasubbag)
    html = client.get(reverse("workflow:penyusunan", args=[p.pk])).content.decode()
    assert "Waktu keseluruhan" in html and "SOP ini tidak menyatakan waktu total" in html
    assert "tanpa mutu baku (tidak dihitung)" in html


def test_detail_konten_sop004_norma_dan_jumlah_langkah_sop(client):
    from tests.konten_helpers import S, buat_tim_konten, disposisi, majukan

    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.DIKOREKSI)
    awal = timezone.now() - timedelta(hours=2)
    geser_waktu_jejak(k.jejak.filter(aksi="disposisi"), awal)
    geser_waktu_jejak(k.jejak.filter(aksi="serahkan"), awal + timedelta(minutes=90))
    w = waktu_total(k)
    # Lines 2–6 (line 1, the disposisi, opens the item): 60 + 1 + 5 + 1 + 1.
    assert w.norma == timedelta(minutes=68)
    assert w.acuan[0] == 69
    assert [x.tahap.kode for x in w.terlambat] == ["konsep", "koreksi"]
    client.force_login(tim.kasubbag)
    html = client.get(reverse("workflow:konten", args=[k.pk])).content.decode()
    assert "Waktu keseluruhan" in html and "69 menit" in html and "1 jam 30 menit" in html
