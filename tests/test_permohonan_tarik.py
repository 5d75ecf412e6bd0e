"""Before disposisi the request is still the proposer's (issue 12 item 5):
the Pengusul withdraws it (confirmation first, terminal "ditarik", the draft
product removed so the same nomor and file can be submitted again), and
completes it when the Kasubbag sends it back ("perlu dilengkapi" → "ajukan
ulang" → back to the Kasubbag)."""

from datetime import date

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.test import TestCase
from django.urls import reverse

from documents.models import ProdukHukum, StatusPublikasi, VersiBerkas
from tests.alur_helpers import (
    ajukan,
    ajukan_penurunan,
    buat_pengguna,
    buat_tim,
    data_nota,
    majukan,
    nota_pdf_bytes,
    nota_unggahan,
)
from tests.factories import buat_jenis, pdf_bytes, unggahan
from workflow import layanan
from workflow.mesin import PROSEDUR
from workflow.models import (
    MELENGKAPI,
    STATUS_SELESAI,
    JejakAudit,
    Permohonan,
    Status,
)
from workflow.penugasan import tetapkan_peran
from workflow.peran import Peran
from workflow.selectors import linimasa
from workflow.waktu import TabelMutuBaku

pytestmark = pytest.mark.django_db
TUGAS = reverse("workflow:tugas-saya")


def _tugas(client, user):
    client.force_login(user)
    return {b.alur.pk for b in client.get(TUGAS).context["baris"]}


# --- withdraw -----------------------------------------------------------------


def test_pengusul_withdraws_after_reading_a_confirmation_page(client):
    tim = buat_tim()
    p = ajukan(tim)
    url = reverse("workflow:aksi", args=[p.pk, "tarik"])
    client.force_login(tim.pengusul)
    halaman = client.get(p.get_absolute_url()).content.decode()
    assert f'href="{url}"' in halaman and "Tarik permohonan…" in halaman
    konfirmasi = client.get(url).content.decode()
    assert "draf produk hukum beserta naskah aslinya dihapus" in konfirmasi
    assert "Saya yakin menarik permohonan ini" in konfirmasi
    respons = client.post(
        url, {"tarik-catatan": "Salah nomor", "tarik-status_terlihat": "diajukan"}
    )
    assert respons.context["form"].errors["konfirmasi"]
    assert Permohonan.objects.get(pk=p.pk).status == Status.DIAJUKAN
    respons = client.post(
        url,
        {
            "tarik-catatan": "Salah nomor",
            "tarik-konfirmasi": "on",
            "tarik-status_terlihat": "diajukan",
        },
    )
    assert respons.status_code == 302
    p = Permohonan.objects.get(pk=p.pk)
    assert p.status == Status.DITARIK and p.selesai and p.selesai_pada
    jejak = p.jejak.get(aksi="tarik")
    assert jejak.oleh == tim.pengusul and jejak.catatan.startswith("Salah nomor")
    html = client.get(p.get_absolute_url()).content.decode()
    assert "Ditarik oleh pengusul" in html and "Menarik permohonan" in html
    assert "dapat diajukan kembali" in html


def test_withdrawal_removes_the_draft_so_the_same_nomor_and_file_can_be_submitted_again(
    tmp_path,
):
    tim = buat_tim()
    jenis = buat_jenis()
    isi = pdf_bytes(judul="Penetapan Lokasi TPS")
    produk = {"jenis": jenis, "nomor": "45/PL.02-Kpt/2024", "tahun": 2024, "judul": "Lokasi TPS"}
    p = layanan.ajukan_unggah(
        tim.pengusul,
        tim.satker,
        produk=produk,
        nota=data_nota(),
        berkas=unggahan(isi),
        nota_berkas=nota_unggahan(),
    )
    draf = p.produk
    berkas = p.nota_dinas.naskah_asli.berkas.name
    with TestCase.captureOnCommitCallbacks(execute=True):
        p = layanan.tarik(tim.pengusul, p, catatan="Nomor keliru")
    assert p.produk is None
    assert p.ringkasan_produk.startswith(str(draf))
    assert p.nama_produk == str(draf) and p.judul_produk == "Lokasi TPS"
    assert not ProdukHukum.objects.filter(pk=draf.pk).exists()
    assert not VersiBerkas.objects.exists()
    assert not default_storage.exists(berkas)
    assert p.nota_dinas.berkas and default_storage.exists(p.nota_dinas.berkas.name)
    assert "beserta naskah aslinya dihapus" in p.jejak.get(aksi="tarik").catatan
    # The same nomor, the same file: a new request, not a duplicate.
    baru = layanan.ajukan_unggah(
        tim.pengusul,
        tim.satker,
        produk=produk,
        nota=data_nota(),
        berkas=unggahan(isi),
        nota_berkas=nota_unggahan(),
    )
    assert baru.produk.nomor == "45/PL.02-Kpt/2024"
    assert JejakAudit.objects.filter(alur_id=p.pk, aksi="tarik").exists()


def test_a_withdrawn_request_without_product_serves_no_file_page(client):
    tim, lain = buat_tim(), buat_tim()
    p = ajukan(tim)
    layanan.tarik(tim.pengusul, p)
    asing = ajukan(lain).produk.versi.get()
    client.force_login(tim.pengelola)
    assert client.get(p.get_absolute_url()).status_code == 200
    for url in (
        reverse("workflow:berkas", args=[p.pk, asing.pk]),
        reverse("workflow:lampiran-pdf", args=[p.pk, asing.pk]),
        reverse("workflow:siapkan", args=[p.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("workflow:proses-ulang", args=[p.pk, asing.pk])).status_code == 404
    assert client.get(reverse("workflow:nota-dinas", args=[p.pk])).status_code == 200


def test_only_the_submitter_withdraws_and_only_before_disposisi():
    tim = buat_tim()
    rekan = buat_pengguna("pengusul2.uji", email="p2@x.test")
    tetapkan_peran(rekan, tim.satker, Peran.PENGUSUL)
    p = ajukan(tim)
    for user in (rekan, tim.kasubbag, tim.pengelola):
        with pytest.raises(layanan.TidakBerwenang):
            layanan.tarik(user, p)
    p = majukan(p, tim, Status.DIDISPOSISI)
    with pytest.raises(layanan.StatusBerubah):
        layanan.tarik(tim.pengusul, p)
    assert Permohonan.objects.get(pk=p.pk).status == Status.DIDISPOSISI


def test_withdrawing_a_takedown_proposal_leaves_the_published_product_alone():
    tim = buat_tim()
    p = ajukan_penurunan(tim)
    p = layanan.tarik(tim.pengusul, p)
    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert p.status == Status.DITARIK
    assert produk.status_publikasi == StatusPublikasi.TERBIT
    # A new take-down of the same product may be proposed.
    assert ajukan_penurunan(tim, produk).status == Status.DIAJUKAN


def test_withdrawal_tells_the_kasubbag_and_leaves_their_queue(client):
    tim = buat_tim()
    p = ajukan(tim)
    assert _tugas(client, tim.kasubbag) == {p.pk}
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.tarik(tim.pengusul, p)
    assert [m.to for m in mail.outbox] == [[tim.kasubbag.email]]
    assert mail.outbox[0].subject.startswith("[JDIH] Permohonan ditarik")
    assert "ditarik oleh pengusulnya" in mail.outbox[0].body
    assert _tugas(client, tim.kasubbag) == set()


def test_a_request_opened_by_the_digitalisation_cannot_be_withdrawn():
    tim = buat_tim()
    p = ajukan(tim)
    dari_penyusunan = layanan.buka_permohonan_unggah(
        tim.pengusul,
        ProdukHukum.objects.create(
            satker=tim.satker, jenis=buat_jenis(), nomor="7/2024", tahun=2024, judul="SK"
        ),
        None,
        nota=data_nota(),
        aksi="ajukan-dari-penyusunan",
    )
    with pytest.raises(layanan.AksiGagal, match="digitalisasi"):
        layanan.tarik(tim.pengusul, dari_penyusunan)
    assert layanan.tarik(tim.pengusul, p).status == Status.DITARIK


# --- send back and complete ---------------------------------------------------


def test_kasubbag_sends_back_with_a_required_note(client):
    tim = buat_tim()
    p = ajukan(tim)
    with pytest.raises(layanan.AksiGagal) as e:
        layanan.kembalikan_ke_pengusul(tim.kasubbag, p, catatan=" ")
    assert e.value.field == "catatan"
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        p = layanan.kembalikan_ke_pengusul(
            tim.kasubbag, p, catatan="PDF Nota Dinas belum ditandatangani"
        )
    assert p.status == Status.PERLU_DILENGKAPI
    assert [m.to for m in mail.outbox] == [[tim.pengusul.email]]
    assert _tugas(client, tim.pengusul) == {p.pk}
    assert _tugas(client, tim.kasubbag) == set()
    client.force_login(tim.pengusul)
    html = client.get(p.get_absolute_url()).content.decode()
    assert "PDF Nota Dinas belum ditandatangani" in html
    assert reverse("workflow:lengkapi", args=[p.pk]) in html
    # Another Pengusul of the Satker is not waited for.
    rekan = buat_pengguna("pengusul2.uji", email="p2@x.test")
    tetapkan_peran(rekan, tim.satker, Peran.PENGUSUL)
    assert _tugas(client, rekan) == set()


def test_pengusul_completes_the_memo_and_naskah_and_hands_in_again():
    tim = buat_tim()
    p = ajukan(tim)
    p = layanan.kembalikan_ke_pengusul(tim.kasubbag, p, catatan="Naskah bukan versi final")
    nota_lama = p.nota_dinas.berkas.name
    with TestCase.captureOnCommitCallbacks(execute=True):
        p = layanan.ajukan_ulang(
            tim.pengusul,
            p,
            nota=data_nota(nomor="12a/HK.03-ND/2024", tanggal=date(2024, 3, 6)),
            produk={
                "jenis": p.produk.jenis,
                "nomor": p.produk.nomor,
                "tahun": 2024,
                "judul": "Judul yang dibetulkan",
            },
            nota_berkas=unggahan(pdf_bytes(judul="Nota Dinas baru"), nama="nd-baru.pdf"),
            berkas=unggahan(pdf_bytes(judul="Naskah final")),
            catatan="Naskah final terlampir",
        )
    assert p.status == Status.DIAJUKAN
    nota = p.nota_dinas
    assert nota.nomor == "12a/HK.03-ND/2024" and nota.tanggal == date(2024, 3, 6)
    assert nota.nama_berkas == "nd-baru.pdf" and nota.berkas.name != nota_lama
    assert not default_storage.exists(nota_lama)
    assert nota.naskah_asli.nomor_versi == 2
    assert list(p.produk.versi.values_list("nomor_versi", flat=True)) == [2, 1]
    p.produk.refresh_from_db()
    assert p.produk.judul == "Judul yang dibetulkan"
    catatan = p.jejak.get(aksi="ajukan_ulang").catatan
    assert catatan.startswith("Dilengkapi: nomor Nota Dinas, tanggal Nota Dinas, judul")
    assert "naskah asli (versi 2)" in catatan and "PDF Nota Dinas" in catatan
    assert catatan.endswith("Naskah final terlampir")
    # Back at the disposisi step, which goes on as usual.
    assert majukan(p, tim, Status.DIDISPOSISI).pengelola == tim.pengelola


def test_only_the_submitter_completes():
    tim = buat_tim()
    rekan = buat_pengguna("pengusul2.uji", email="p2@x.test")
    tetapkan_peran(rekan, tim.satker, Peran.PENGUSUL)
    p = layanan.kembalikan_ke_pengusul(tim.kasubbag, ajukan(tim), catatan="x")
    for user in (rekan, tim.kasubbag, tim.pengelola):
        with pytest.raises(layanan.TidakBerwenang):
            layanan.ajukan_ulang(user, p, nota=data_nota())
    assert Permohonan.objects.get(pk=p.pk).status == Status.PERLU_DILENGKAPI


def test_completion_page_keeps_fields_on_a_bad_pdf_then_hands_in(client):
    tim = buat_tim()
    p = layanan.kembalikan_ke_pengusul(tim.kasubbag, ajukan(tim), catatan="Lengkapi PDF")
    url = reverse("workflow:lengkapi", args=[p.pk])
    client.force_login(tim.kasubbag)
    assert client.get(url).status_code == 403
    client.force_login(tim.pengusul)
    halaman = client.get(url)
    html = halaman.content.decode()
    assert "Lengkapi PDF" in html and "data-jaga-perubahan" in html
    assert 'value="12/HK.03-ND/2024"' in html and 'value="2024-03-04"' in html
    assert "Ganti berkas Nota Dinas (PDF)" in html
    form = halaman.context["form"]
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in form.initial.items()}
    data.update(nota_perihal="Permohonan pengunggahan (dilengkapi)")
    respons = client.post(url, {**data, "nota_berkas": unggahan(b"bukan pdf", nama="nd.pdf")})
    assert respons.status_code == 200
    assert "bukan PDF" in respons.context["form"].errors["nota_berkas"][0]
    html = respons.content.decode()
    assert "Permohonan pengunggahan (dilengkapi)" in html and "pilih kembali" in html
    p.refresh_from_db()
    assert p.status == Status.PERLU_DILENGKAPI
    assert p.nota_dinas.perihal == "Permohonan pengunggahan produk hukum"
    respons = client.post(url, data)
    assert respons.status_code == 302
    p.refresh_from_db()
    assert p.status == Status.DIAJUKAN
    assert p.nota_dinas.perihal == "Permohonan pengunggahan (dilengkapi)"
    assert p.nota_dinas.berkas  # the memo PDF already there is kept
    assert client.get(url).status_code == 302  # nothing to complete any more


def test_completing_a_takedown_edits_the_reason_and_memo():
    tim = buat_tim()
    p = layanan.kembalikan_ke_pengusul(tim.kasubbag, ajukan_penurunan(tim), catatan="Alasan?")
    p = layanan.ajukan_ulang(
        tim.pengusul,
        p,
        nota=data_nota(perihal="Usulan penurunan"),
        alasan="Lampiran II halaman 3 tidak terbaca",
    )
    assert p.status == Status.DIAJUKAN and p.alasan == "Lampiran II halaman 3 tidak terbaca"
    assert "alasan penurunan" in p.jejak.get(aksi="ajukan_ulang").catatan


def test_sending_back_is_not_offered_when_the_submitter_lost_the_role():
    tim = buat_tim()
    p = ajukan(tim)
    from workflow.models import PenugasanPeran

    PenugasanPeran.objects.filter(pengguna=tim.pengusul).delete()
    with pytest.raises(layanan.AksiGagal, match="tidak lagi memegang peran"):
        layanan.kembalikan_ke_pengusul(tim.kasubbag, p, catatan="x")


# --- the new states in the procedure ----------------------------------------------


def test_new_states_have_labels_steps_and_no_time_standard():
    assert Status.DITARIK in STATUS_SELESAI and Status.PERLU_DILENGKAPI not in STATUS_SELESAI
    assert Status.PERLU_DILENGKAPI.label == "Dikembalikan ke pengusul untuk dilengkapi"
    assert Status.DITARIK.label == "Ditarik oleh pengusul"
    prosedur = PROSEDUR["unggah"]
    tahap = prosedur.tahap_kode("melengkapi")
    assert tahap.langkah == (MELENGKAPI,) and prosedur.mutu_bawaan[MELENGKAPI] is None
    assert TabelMutuBaku().standar(tahap) is None
    for aksi in ("kembalikan_ke_pengusul", "ajukan_ulang", "tarik", "alihkan-disposisi"):
        assert aksi in Permohonan.LABEL_AKSI


def test_timeline_of_a_sent_back_request_times_the_kasubbag_but_not_the_proposer():
    tim = buat_tim()
    p = layanan.kembalikan_ke_pengusul(tim.kasubbag, ajukan(tim), catatan="x")
    garis = linimasa(p)
    assert [g.label for g in garis] == [
        "Mengajukan permohonan (Nota Dinas)",
        "Mengembalikan ke pengusul untuk dilengkapi",
        "Menunggu: Melengkapi permohonan yang dikembalikan (Sub Bagian Pengusul)",
    ]
    assert garis[1].tahap.kode == "disposisi"
    assert garis[2].standar is None
    p = layanan.ajukan_ulang(tim.pengusul, p, nota=data_nota())
    p = layanan.tarik(tim.pengusul, p)
    garis = linimasa(p)
    assert garis[-1].label == "Menarik permohonan" and garis[-1].tahap is None
    assert garis[-2].tahap.kode == "melengkapi"


def test_nota_pdf_helper_is_a_real_pdf():
    assert nota_pdf_bytes().startswith(b"%PDF-")
