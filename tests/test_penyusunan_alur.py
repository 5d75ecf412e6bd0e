"""Sop 003 end to end: both variants, send-backs, order, and the hand-over
to the upload request of sop 000."""

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from documents.models import Salinan, StatusPublikasi
from tests.factories import unggahan
from tests.penyusunan_helpers import K, S, buat_tim_penyusunan, kelengkapan, majukan, mulai
from workflow import mesin
from workflow.models import JenisPermohonan, Status
from workflow.penyusunan import layanan
from workflow.penyusunan.models import DraftSK, NomorNaskah, VarianPenyusunan

pytestmark = pytest.mark.django_db

URUTAN_TIM = [
    S.PENYUSUNAN,
    S.VERIFIKASI_PERSONIL,
    S.VERIFIKASI_MUATAN,
    S.PLENO,
    S.SINKRONISASI,
    S.PARAF,
    S.TANDA_TANGAN,
    S.PENOMORAN,
    S.SALINAN,
    S.DISTRIBUSI,
    S.DIGITALISASI,
    S.SELESAI,
]


def test_variant_1_walks_every_step_and_hands_over_to_the_upload_request():
    tim = buat_tim_penyusunan()
    p = mulai(tim, VarianPenyusunan.TIM)
    assert p.draft.get().menimbang.startswith("a. bahwa untuk kelancaran Pembentukan Tim")
    p = majukan(p, tim, S.SELESAI)
    dilalui = list(p.jejak.order_by("waktu", "id").values_list("ke_status", flat=True))
    assert [s for s in URUTAN_TIM if s in dilalui] == URUTAN_TIM
    assert p.nomor.nomor == f"1/HK.03.1-Kpt/{timezone.localdate().year}"
    produk = p.produk
    assert produk.status_publikasi == StatusPublikasi.DRAF
    assert (produk.jenis, produk.nomor, produk.judul) == (p.jenis, p.nomor.nomor, p.judul)
    assert produk.tanggal_penetapan == p.tanggal_penetapan
    assert produk.penandatangan == p.penandatangan
    assert produk.pemrakarsa == "Subbagian Teknis Penyelenggaraan"
    assert produk.lokasi == "Lemari arsip A-1"
    assert produk.versi.count() == 1
    permohonan = p.permohonan
    assert permohonan.jenis == JenisPermohonan.UNGGAH
    assert permohonan.status == Status.DIAJUKAN
    assert permohonan.nota_dinas.naskah_asli == produk.versi.get()
    assert permohonan.jejak.get().aksi == "ajukan-dari-penyusunan"
    salinan = Salinan.objects.get()
    assert (salinan.produk, salinan.versi) == (produk, produk.versi.get())


def test_variant_2_drafts_then_finishes_the_draft_and_skips_personnel_check():
    tim = buat_tim_penyusunan()
    p = mulai(tim, VarianPenyusunan.PENGATURAN, judul="Pedoman Teknis Pengelolaan JDIH")
    p = layanan.ajukan(tim.pengusul, p)
    assert p.status == S.PENYEMPURNAAN
    with pytest.raises(mesin.AksiGagal, match="notulensi"):
        layanan.teruskan_draft(tim.pengusul, p)
    kelengkapan(p, tim.pengusul, K.NOTULENSI_RAPAT)
    p = layanan.teruskan_draft(tim.pengusul, p)
    assert p.status == S.VERIFIKASI_MUATAN
    p = majukan(p, tim, S.SELESAI)
    assert S.VERIFIKASI_PERSONIL not in set(p.jejak.values_list("ke_status", flat=True))
    assert p.permohonan.produk.judul == "Pedoman Teknis Pengelolaan JDIH"


def test_variant_1_needs_the_kak_before_handing_in():
    tim = buat_tim_penyusunan()
    p = mulai(tim)
    with pytest.raises(mesin.AksiGagal, match="KAK"):
        layanan.ajukan(tim.pengusul, p)
    p.refresh_from_db()
    assert p.status == S.PENYUSUNAN


def test_pleno_sends_back_with_notes_and_counts_the_round():
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.PLENO)
    with pytest.raises(mesin.AksiGagal, match="berita acara"):
        layanan.kembalikan_pleno(
            tim.ketua, p, tanggal_pleno=timezone.localdate(), catatan="Perbaiki diktum"
        )
    kelengkapan(p, tim.ketua, K.BERITA_ACARA_PLENO)
    with pytest.raises(mesin.AksiGagal):
        layanan.kembalikan_pleno(tim.ketua, p, tanggal_pleno=timezone.localdate(), catatan=" ")
    p = layanan.kembalikan_pleno(
        tim.ketua, p, tanggal_pleno=timezone.localdate(), catatan="Perbaiki diktum KEDUA"
    )
    assert (p.status, p.putaran_pleno) == (S.PENYUSUNAN, 1)
    catatan = p.catatan_perbaikan.get()
    assert (catatan.tahap, catatan.putaran, catatan.catatan) == (
        S.PLENO,
        1,
        "Perbaiki diktum KEDUA",
    )
    # The drafters fix it and it goes round again: the second pleno decides.
    layanan.simpan_draft(
        tim.divisi, p, isi={**p.draft_terbaru().isi(), "memutuskan": "KESATU : Diperbaiki."}
    )
    p = majukan(p, tim, S.SINKRONISASI)
    assert p.putaran_pleno == 1


def test_verification_sends_back_with_saran_perbaikan():
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.VERIFIKASI_MUATAN)
    p = layanan.kembalikan(tim.kasubbag, p, catatan="Lengkapi dasar hukum")
    assert (p.status, p.putaran_perbaikan) == (S.PENYUSUNAN, 1)
    assert p.catatan_perbaikan.get().tahap == S.VERIFIKASI_MUATAN


def test_sekretaris_may_send_back_to_sinkronisasi():
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.PARAF)
    p = layanan.kembalikan_paraf(tim.sekretaris, p, catatan="Konsideran huruf b belum sinkron")
    assert p.status == S.SINKRONISASI
    assert p.catatan_perbaikan.get().tahap == S.PARAF


def test_step_out_of_order_is_refused_with_reason_and_nothing_changes():
    tim = buat_tim_penyusunan()
    p = mulai(tim)
    sebelum = list(p.jejak.values_list("id", flat=True))
    with pytest.raises(mesin.StatusBerubah, match="tidak dapat dilakukan"):
        layanan.beri_nomor(tim.pengelola, p)
    with pytest.raises(mesin.StatusBerubah):
        layanan.tetapkan_pleno(tim.ketua, p, tanggal_pleno=timezone.localdate())
    p.refresh_from_db()
    assert p.status == S.PENYUSUNAN and p.nomor_id is None
    assert list(p.jejak.values_list("id", flat=True)) == sebelum
    assert not NomorNaskah.objects.exists()


def test_wrong_role_is_refused_and_nothing_changes():
    tim = buat_tim_penyusunan()
    lain = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.PLENO)
    kelengkapan(p, tim.ketua, K.BERITA_ACARA_PLENO)
    for user in (tim.kasubbag, tim.sekretaris, tim.pengusul, lain.ketua):
        with pytest.raises(mesin.TidakBerwenang):
            layanan.tetapkan_pleno(user, p, tanggal_pleno=timezone.localdate())
    p.refresh_from_db()
    assert p.status == S.PLENO


def test_every_saved_draft_is_kept_and_an_unchanged_one_is_not_saved():
    tim = buat_tim_penyusunan()
    p = mulai(tim)
    isi = p.draft_terbaru().isi()
    layanan.simpan_draft(tim.divisi, p, isi={**isi, "mengingat": "1. UU 7/2017;\n2. PKPU 8/2019;"})
    layanan.simpan_draft(tim.pengusul, p, isi={**isi, "judul": "Judul baru"}, catatan="judul")
    with pytest.raises(mesin.AksiGagal, match="Tidak ada perubahan"):
        layanan.simpan_draft(tim.pengusul, p, isi={**isi, "judul": "Judul baru"})
    assert list(DraftSK.objects.filter(penyusunan=p).values_list("revisi", flat=True)) == [1, 2, 3]
    p.refresh_from_db()
    assert p.judul == "Judul baru"
    with pytest.raises(mesin.TidakBerwenang):
        layanan.simpan_draft(tim.ketua, p, isi={**isi, "judul": "Oleh ketua"})


def test_damaged_scan_is_refused_with_the_catalogue_error_and_nothing_stored():
    tim = buat_tim_penyusunan()
    p = mulai(tim)
    from documents.pdf import BerkasTidakValid

    with pytest.raises(BerkasTidakValid, match="bukan PDF"):
        layanan.unggah_kelengkapan(
            tim.pengusul, p, K.KAK, unggahan(b"\x89PNG\r\n\x1a\nbukan pdf", nama="kak.pdf")
        )
    assert not p.kelengkapan.exists()
    assert not p.jejak.filter(aksi="unggah-kelengkapan").exists()


def test_each_step_emails_whoever_acts_next():
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.VERIFIKASI_MUATAN)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.ajukan_pleno(tim.kasubbag, p)
    assert [m.to for m in mail.outbox] == [[tim.ketua.email]]
    assert "Menunggu tindakan Anda" in mail.outbox[0].subject


def test_cancelling_marks_the_taken_number_cancelled():
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.SALINAN)
    nomor = p.nomor
    p = layanan.batalkan(tim.kasubbag, p, alasan="Kegiatan dibatalkan")
    nomor.refresh_from_db()
    assert p.status == S.DIBATALKAN and nomor.dibatalkan
    q = majukan(mulai(tim), tim, S.SALINAN)
    assert q.nomor.urut == nomor.urut + 1
