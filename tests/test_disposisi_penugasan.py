"""Disposisi means something (issue 12 item 3): the Pengelola it names does
the work; another Pengelola of the Satker sees the request with a note but
cannot act, in the pages, the business actions and Tugas saya alike, until
the Kasubbag re-assigns it (audited, emailed)."""

import io

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from tests.alur_helpers import (
    ajukan,
    ajukan_penurunan,
    buat_pengguna,
    buat_tim,
    majukan,
    perbaikan_ditolak,
    tambah_pengelola,
)
from tests.factories import pdf_bytes, unggahan
from workflow import layanan
from workflow.forms import DisposisiForm
from workflow.models import Disposisi, Permohonan, Status
from workflow.penugasan import tetapkan_peran
from workflow.peran import Peran
from workflow.selectors import linimasa

pytestmark = pytest.mark.django_db
TUGAS = reverse("workflow:tugas-saya")
CATATAN = "hanya beliau yang dapat menindaklanjuti"


@pytest.fixture
def tim():
    t = buat_tim()
    t.pengelola.first_name, t.pengelola.last_name = "Rina", "Pengelola"
    t.pengelola.save()
    tambah_pengelola(t, first_name="Budi", last_name="Santoso")
    return t


def _tugas(client, user, **q):
    client.force_login(user)
    return client.get(TUGAS, q).context["baris"]


def test_other_pengelola_sees_the_request_with_a_note_but_no_action(client, tim):
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola2)
    respons = client.get(p.get_absolute_url())
    assert respons.status_code == 200
    html = respons.content.decode()
    assert f"Didisposisikan kepada Rina Pengelola; {CATATAN}." in html
    assert "Tindakan Anda" not in html and "Siapkan produk hukum" not in html
    assert respons.context["aksi"] == [] and not respons.context["boleh_siapkan"]
    # The named one has the actions and no such note.
    client.force_login(tim.pengelola)
    html = client.get(p.get_absolute_url()).content.decode()
    assert "Tindakan Anda" in html and CATATAN not in html


def test_other_pengelolas_direct_requests_are_refused(client, tim):
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    versi = p.produk.versi.get()
    client.force_login(tim.pengelola2)
    siapkan = reverse("workflow:siapkan", args=[p.pk])
    assert client.get(siapkan).status_code == 403
    assert client.post(siapkan, {"unggah_berkas": "1"}).status_code == 403
    respons = client.post(
        reverse("workflow:aksi", args=[p.pk, "serahkan"]),
        {"serahkan-status_terlihat": "didisposisi"},
    )
    assert respons.status_code == 403
    lampiran = reverse("workflow:lampiran", args=[p.pk])
    assert client.post(lampiran, {"aksi": "tambah", "judul": "x"}).status_code == 403
    assert client.post(lampiran, {"aksi": "proses_ulang", "versi": versi.pk}).status_code == 403
    respons = client.post(reverse("workflow:proses-ulang", args=[p.pk, versi.pk]))
    assert respons.status_code == 403
    p.refresh_from_db()
    assert p.status == Status.DIDISPOSISI
    assert p.jejak.count() == 2


def test_every_pengelola_action_refuses_the_other_pengelola_and_names_who_acts(tim):
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    lain = tim.pengelola2
    pesan = f"Didisposisikan kepada Rina Pengelola; {CATATAN}."
    versi = p.produk.versi.get()
    for coba in (
        lambda: layanan.serahkan(lain, p),
        lambda: layanan.unggah_berkas(lain, p, unggahan(pdf_bytes())),
        lambda: layanan.tambah_lampiran_permohonan(
            lain, p, judul="Lampiran", berkas=unggahan(pdf_bytes())
        ),
        lambda: layanan.proses_ulang_berkas(lain, p, versi),
    ):
        with pytest.raises(layanan.TidakBerwenang) as e:
            coba()
        assert e.value.pesan == pesan
    assert not layanan.boleh_siapkan(lain, p) and not layanan.boleh_proses_ulang(lain, p)
    # Later steps too: unggah after approval, turunkan of a take-down.
    p = majukan(p, tim, Status.DISETUJUI)
    with pytest.raises(layanan.TidakBerwenang, match="Didisposisikan kepada"):
        layanan.unggah(lain, p)
    q = majukan(ajukan_penurunan(tim), tim, Status.DIDISPOSISI)
    with pytest.raises(layanan.TidakBerwenang, match="Didisposisikan kepada"):
        layanan.turunkan(lain, q, catatan="x")
    assert Permohonan.objects.get(pk=q.pk).status == Status.DIDISPOSISI


def test_after_refused_correction_only_the_kasubbag_or_the_named_pengelola_chooses(tim):
    p = perbaikan_ditolak(tim)
    with pytest.raises(layanan.TidakBerwenang):
        layanan.perbaikan_ulang(tim.pengelola2, p)
    with pytest.raises(layanan.TidakBerwenang):
        layanan.terbitkan_kembali(tim.pengelola2, p)
    assert tim.pengelola2 not in set(p.penerima_berikutnya())
    assert set(p.penerima_berikutnya()) == {tim.kasubbag, tim.pengelola}
    assert layanan.perbaikan_ulang(tim.pengelola, p).status == Status.DITURUNKAN


def test_tugas_saya_waits_for_the_named_pengelola_only(client, tim):
    untuk_rina = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    untuk_budi = ajukan(tim)
    untuk_budi = layanan.disposisi(tim.kasubbag, untuk_budi, kepada=tim.pengelola2, petunjuk="x")
    assert {b.alur.pk for b in _tugas(client, tim.pengelola)} == {untuk_rina.pk}
    assert {b.alur.pk for b in _tugas(client, tim.pengelola2)} == {untuk_budi.pk}
    # Semua pekerjaan shows both, with the note on the other's.
    semua = {b.alur.pk: b for b in _tugas(client, tim.pengelola2, lingkup="semua")}
    assert set(semua) == {untuk_rina.pk, untuk_budi.pk}
    assert CATATAN in semua[untuk_rina.pk].menunggu
    assert CATATAN not in semua[untuk_budi.pk].menunggu
    html = client.get(TUGAS, {"lingkup": "semua"}).content.decode()
    assert "Didisposisikan kepada Rina Pengelola" in html


def test_kasubbag_reassigns_with_a_reason_audited_and_emailed(tim):
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    sejak = p.status_sejak
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.alihkan_disposisi(tim.kasubbag, p, kepada=tim.pengelola2, alasan="Rina cuti")
    p = Permohonan.objects.get(pk=p.pk)
    assert p.pengelola == tim.pengelola2
    assert Disposisi.objects.get(permohonan=p).kepada == tim.pengelola2
    # Not a step: the state and its clock stay.
    assert p.status == Status.DIDISPOSISI and p.status_sejak == sejak
    jejak = p.jejak.get(aksi="alihkan-disposisi")
    assert jejak.oleh == tim.kasubbag
    assert jejak.catatan == "Dari Rina Pengelola kepada Budi Santoso. Alasan: Rina cuti"
    assert (jejak.dari_status, jejak.ke_status) == ("didisposisi", "didisposisi")
    assert [b.label for b in linimasa(p)][-2] == (
        "Mengalihkan disposisi kepada Pengelola JDIH lain"
    )
    assert [m.to for m in mail.outbox] == [[tim.pengelola2.email]]
    assert "Menunggu tindakan Anda" in mail.outbox[0].subject
    # From now on the new one acts and the former one does not.
    with pytest.raises(layanan.TidakBerwenang, match="Budi Santoso"):
        layanan.serahkan(tim.pengelola, p)
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.unggah_berkas(tim.pengelola2, p, io.BytesIO(pdf_bytes()))
    assert layanan.serahkan(tim.pengelola2, p).status == Status.DIPERIKSA


def test_reassignment_while_waiting_for_someone_else_tells_the_new_pengelola_so(tim):
    p = majukan(ajukan(tim), tim, Status.DIPERIKSA)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.alihkan_disposisi(tim.kasubbag, p, kepada=tim.pengelola2, alasan="Mutasi")
    assert [m.to for m in mail.outbox] == [[tim.pengelola2.email]]
    assert mail.outbox[0].subject.startswith("[JDIH] Disposisi dialihkan kepada Anda")
    assert "Diperiksa (koreksi)" in mail.outbox[0].body
    # The koreksi goes back to the new Pengelola.
    p = layanan.kembalikan(tim.kasubbag, p, catatan="Abstrak kurang")
    assert list(p.penerima_berikutnya()) == [tim.pengelola2]


def test_reassignment_needs_a_reason_and_another_pengelola_of_the_satker(tim):
    lain = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    with pytest.raises(layanan.AksiGagal) as e:
        layanan.alihkan_disposisi(tim.kasubbag, p, kepada=tim.pengelola2, alasan="  ")
    assert e.value.field == "alasan"
    for kepada in (tim.pengusul, lain.pengelola, tim.pengelola):
        with pytest.raises(layanan.AksiGagal) as e:
            layanan.alihkan_disposisi(tim.kasubbag, p, kepada=kepada, alasan="x")
        assert e.value.field == "kepada"
    tim.pengelola2.is_active = False
    tim.pengelola2.save()
    with pytest.raises(layanan.AksiGagal):
        layanan.alihkan_disposisi(tim.kasubbag, p, kepada=tim.pengelola2, alasan="x")
    assert Permohonan.objects.get(pk=p.pk).pengelola == tim.pengelola
    assert not p.jejak.filter(aksi="alihkan-disposisi").exists()


def test_reassignment_only_after_disposisi_and_while_open(tim):
    baru = ajukan(tim)
    with pytest.raises(layanan.StatusBerubah):
        layanan.alihkan_disposisi(tim.kasubbag, baru, kepada=tim.pengelola2, alasan="x")
    selesai = majukan(ajukan(tim), tim, Status.DIUNGGAH)
    with pytest.raises(layanan.StatusBerubah):
        layanan.alihkan_disposisi(tim.kasubbag, selesai, kepada=tim.pengelola2, alasan="x")
    dibuka = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    for user in (tim.pengelola, tim.pengelola2, tim.pengusul):
        with pytest.raises(layanan.TidakBerwenang):
            layanan.alihkan_disposisi(user, dibuka, kepada=tim.pengelola2, alasan="x")


def test_reassignment_through_the_page(client, tim):
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    url = reverse("workflow:aksi", args=[p.pk, "alihkan_disposisi"])
    client.force_login(tim.kasubbag)
    halaman = client.get(p.get_absolute_url()).content.decode()
    assert f'href="{url}"' in halaman
    form = client.get(url).content.decode()
    assert "Kini didisposisikan kepada <strong>Rina Pengelola</strong>" in form
    assert "Budi Santoso — Pengelola JDIH" in form
    assert ">Rina Pengelola — Pengelola JDIH<" not in form  # not to the same person
    respons = client.post(url, {"alihkan_disposisi-alasan": "Cuti"})
    assert respons.context["form"].errors["kepada"]
    data = {
        "alihkan_disposisi-kepada": tim.pengelola2.pk,
        "alihkan_disposisi-alasan": "Rina cuti melahirkan",
        "alihkan_disposisi-status_terlihat": "didisposisi",
    }
    client.force_login(tim.pengelola)
    assert client.post(url, data).status_code == 403
    client.force_login(tim.kasubbag)
    respons = client.post(url, data)
    assert respons.status_code == 302
    p.refresh_from_db()
    assert p.pengelola == tim.pengelola2
    html = client.get(p.get_absolute_url()).content.decode()
    assert "Pengalihan disposisi" in html and "Rina cuti melahirkan" in html
    cetak = client.get(reverse("workflow:disposisi-cetak", args=[p.pk])).content.decode()
    assert "Budi Santoso (Pengelola JDIH)" in cetak and "Rina cuti melahirkan" in cetak


def test_recipient_list_shows_names_role_and_who_has_no_email(tim):
    tanpa_email = buat_pengguna("pengelola3.uji", first_name="Sari", last_name="Wulan")
    tetapkan_peran(tanpa_email, tim.satker, Peran.PENGELOLA)
    tanpa_nama = buat_pengguna("operator.jdih", email="op@x.test")
    tetapkan_peran(tanpa_nama, tim.satker, Peran.PENGELOLA)
    p = ajukan(tim)
    form = DisposisiForm(permohonan=p, prefix="disposisi")
    label = {int(str(v)): teks for v, teks in form.fields["kepada"].choices if str(v)}
    assert label[tim.pengelola.pk] == "Rina Pengelola — Pengelola JDIH"
    assert label[tanpa_nama.pk] == "operator.jdih — Pengelola JDIH"
    assert label[tanpa_email.pk] == (
        "Sari Wulan — Pengelola JDIH — belum punya alamat email, tidak akan menerima pemberitahuan"
    )
    assert tim.pengusul.pk not in label


def test_disposisi_to_a_pengelola_without_email_still_works_and_mails_nobody(tim):
    tanpa_email = buat_pengguna("pengelola3.uji", first_name="Sari")
    tetapkan_peran(tanpa_email, tim.satker, Peran.PENGELOLA)
    p = ajukan(tim)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        p = layanan.disposisi(tim.kasubbag, p, kepada=tanpa_email, petunjuk="Unggah")
    assert p.pengelola == tanpa_email and mail.outbox == []


def test_the_notes_on_semua_pekerjaan_cost_no_query_per_row(client, tim):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola2)
    client.get(TUGAS, {"lingkup": "semua"})

    def jumlah():
        with CaptureQueriesContext(connection) as ctx:
            respons = client.get(TUGAS, {"lingkup": "semua"})
        return len(ctx.captured_queries), respons

    sedikit, _ = jumlah()
    for _ in range(5):
        majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    layanan.kembalikan_ke_pengusul(tim.kasubbag, ajukan(tim), catatan="x")
    banyak, respons = jumlah()
    assert banyak == sedikit
    baris = respons.context["baris"]
    assert len(baris) == 7
    assert sum(CATATAN in b.menunggu for b in baris) == 6
