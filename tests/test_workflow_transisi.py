import io

import pytest
from django.core import mail
from django.test import TestCase

from documents.models import StatusPublikasi
from documents.pdf import BerkasTidakValid
from tests.alur_helpers import ajukan, ajukan_penurunan, buat_tim, majukan, nota_unggahan
from tests.factories import pdf_bytes
from workflow import layanan
from workflow.models import JejakAudit, JejakTidakDapatDiubah, Status
from workflow.peran import Peran

pytestmark = pytest.mark.django_db


def test_publish_journey_publishes_product_and_records_every_step():
    tim = buat_tim()
    p = ajukan(tim)
    assert p.produk.status_publikasi == StatusPublikasi.DRAF
    assert p.nota_dinas.naskah_asli.produk == p.produk
    p = majukan(p, tim, Status.DIUNGGAH)
    p.produk.refresh_from_db()
    assert p.produk.status_publikasi == StatusPublikasi.TERBIT
    aksi = list(p.jejak.values_list("aksi", "dari_status", "ke_status", "oleh__username"))
    assert [a[0] for a in aksi] == [
        "ajukan",
        "disposisi",
        "serahkan",
        "loloskan_koreksi",
        "setujui",
        "unggah",
    ]
    assert aksi[1][1:] == ("diajukan", "didisposisi", tim.kasubbag.username)
    assert p.disposisi_kasubbag.kepada == tim.pengelola
    assert p.selesai_pada is not None


def test_steps_cannot_be_skipped_or_done_twice():
    tim = buat_tim()
    p = ajukan(tim)
    with pytest.raises(layanan.AksiGagal):
        layanan.setujui(tim.kasubbag, p)
    with pytest.raises(layanan.AksiGagal):
        layanan.unggah(tim.pengelola, p)
    p = majukan(p, tim, Status.DIDISPOSISI)
    with pytest.raises(layanan.StatusBerubah):
        layanan.disposisi(tim.kasubbag, p, kepada=tim.pengelola, petunjuk="lagi")
    assert p.jejak.count() == 2


def test_koreksi_loop_keeps_notes_per_round():
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIPERIKSA)
    p = layanan.kembalikan(tim.kasubbag, p, catatan="Abstrak belum diisi")
    assert p.status == Status.DIKEMBALIKAN
    p = layanan.serahkan(tim.pengelola, p)
    p = layanan.kembalikan(tim.kasubbag, p, catatan="Tanggal penetapan salah")
    p = layanan.serahkan(tim.pengelola, p)
    p = layanan.loloskan_koreksi(tim.kasubbag, p)
    assert list(p.koreksi.values_list("putaran", "catatan")) == [
        (1, "Abstrak belum diisi"),
        (2, "Tanggal penetapan salah"),
    ]


def test_kembalikan_requires_notes_and_tolak_requires_reason():
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIPERIKSA)
    with pytest.raises(layanan.AksiGagal) as e:
        layanan.kembalikan(tim.kasubbag, p, catatan="  ")
    assert e.value.field == "catatan"
    p = majukan(p, tim, Status.DIVALIDASI)
    with pytest.raises(layanan.AksiGagal):
        layanan.tolak(tim.kasubbag, p, alasan="")
    p = layanan.tolak(tim.kasubbag, p, alasan="Bukan produk hukum satker ini")
    assert p.status == Status.DITOLAK
    assert p.alasan_penolakan == "Bukan produk hukum satker ini"
    p.produk.refresh_from_db()
    assert p.produk.status_publikasi == StatusPublikasi.DRAF


def test_validation_chain_must_pass_every_level_in_order_before_approval():
    tim = buat_tim(validator=[Peran.WEB_ADMIN, Peran.ADMINISTRATOR, Peran.PENANGGUNG_JAWAB])
    p = majukan(ajukan(tim), tim, Status.DIVALIDASI)
    with pytest.raises(layanan.AksiGagal):
        layanan.setujui(tim.kasubbag, p)
    # The second level cannot go before the first.
    with pytest.raises(layanan.TidakBerwenang):
        layanan.validasi(tim.validator[1], p)
    p = layanan.validasi(tim.validator[0], p)
    with pytest.raises(layanan.TidakBerwenang):
        layanan.validasi(tim.validator[0], p)
    p = layanan.validasi(tim.validator[1], p)
    with pytest.raises(layanan.AksiGagal):
        layanan.setujui(tim.kasubbag, p)
    p = layanan.validasi(tim.validator[2], p)
    p = layanan.setujui(tim.kasubbag, p)
    assert p.status == Status.DISETUJUI
    catatan = list(p.jejak.filter(aksi="validasi").values_list("catatan", flat=True))
    assert catatan == ["Tingkat Web Admin", "Tingkat Administrator", "Tingkat Penanggung Jawab"]


def test_validator_sending_back_restarts_the_chain():
    tim = buat_tim(validator=[Peran.WEB_ADMIN, Peran.PENGARAH])
    p = majukan(ajukan(tim), tim, Status.DIVALIDASI)
    p = layanan.validasi(tim.validator[0], p)
    p = layanan.kembalikan(tim.validator[1], p, catatan="Judul tidak sesuai naskah")
    assert p.status == Status.DIKEMBALIKAN
    assert p.tingkat_lolos == 0
    assert p.koreksi.get().tingkat == "Pengarah"


def test_takedown_fix_and_republish_keeps_earlier_version_with_keterangan():
    tim = buat_tim()
    p = ajukan_penurunan(tim)
    produk = p.produk
    versi_lama = produk.versi_terbit()
    p = majukan(p, tim, Status.DIDISPOSISI)
    with pytest.raises(layanan.AksiGagal):
        layanan.serahkan(tim.pengelola, p)
    p = layanan.turunkan(tim.pengelola, p, catatan="Sesuai disposisi")
    produk.refresh_from_db()
    assert produk.status_publikasi == StatusPublikasi.DITURUNKAN
    with pytest.raises(layanan.AksiGagal):
        layanan.serahkan(tim.pengelola, p)
    with pytest.raises(layanan.AksiGagal) as e:
        layanan.unggah_berkas(tim.pengelola, p, io.BytesIO(pdf_bytes()), keterangan_perbaikan="")
    assert e.value.field == "keterangan_perbaikan"
    p = majukan(p, tim, Status.DIUNGGAH)
    produk.refresh_from_db()
    assert produk.status_publikasi == StatusPublikasi.TERBIT
    baru = produk.versi_terbit()
    assert baru.pk != versi_lama.pk
    assert baru.keterangan_perbaikan == "Perbaikan lampiran halaman 2"
    assert produk.versi.filter(pk=versi_lama.pk, diterbitkan_pada__isnull=False).exists()


def test_takedown_only_for_published_product_without_open_request():
    tim = buat_tim()
    p = ajukan(tim)
    with pytest.raises(layanan.AksiGagal):
        ajukan_penurunan(tim, produk=p.produk)
    q = ajukan_penurunan(tim)
    with pytest.raises(layanan.AksiGagal):
        ajukan_penurunan(tim, produk=q.produk)


def test_invalid_pdf_is_refused_with_indonesian_message_and_nothing_saved():
    tim = buat_tim()
    from tests.factories import buat_jenis, unggahan
    from workflow.models import Permohonan

    with pytest.raises(BerkasTidakValid) as e:
        layanan.ajukan_unggah(
            tim.pengusul,
            tim.satker,
            produk={"jenis": buat_jenis(), "nomor": "1", "tahun": 2024, "judul": "X"},
            nota={
                "nomor": "1",
                "tanggal": "2024-01-01",
                "perihal": "x",
                "dari": "a",
                "kepada": "b",
            },
            berkas=unggahan(b"bukan pdf"),
            nota_berkas=nota_unggahan(),
        )
    assert "bukan PDF" in e.value.messages[0]
    assert not Permohonan.objects.exists()


def test_audit_trail_cannot_be_edited_or_deleted():
    tim = buat_tim()
    p = ajukan(tim)
    jejak = p.jejak.get()
    jejak.catatan = "diubah"
    with pytest.raises(JejakTidakDapatDiubah):
        jejak.save()
    with pytest.raises(JejakTidakDapatDiubah):
        jejak.delete()
    assert JejakAudit.objects.get().catatan != "diubah"


def test_next_actor_is_emailed_after_commit():
    tim = buat_tim()
    p = ajukan(tim)
    assert [m.to for m in mail.outbox] == [[tim.kasubbag.email]]
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        layanan.disposisi(tim.kasubbag, p, kepada=tim.pengelola, petunjuk="Unggah")
    assert [m.to for m in mail.outbox] == [[tim.pengelola.email]]
    assert "Menunggu tindakan Anda" in mail.outbox[0].subject


def test_failed_action_sends_no_email():
    tim = buat_tim()
    p = ajukan(tim)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True), pytest.raises(layanan.AksiGagal):
        layanan.disposisi(tim.kasubbag, p, kepada=tim.pengusul, petunjuk="Unggah")
    assert mail.outbox == []
    p.refresh_from_db()
    assert p.status == Status.DIAJUKAN


def test_audit_trail_is_read_only_in_admin(admin_client):
    tim = buat_tim()
    p = ajukan(tim)
    jejak = p.jejak.get()
    assert admin_client.get("/admin/workflow/jejakaudit/").status_code == 200
    assert admin_client.get(f"/admin/workflow/jejakaudit/{jejak.pk}/delete/").status_code == 403
    assert admin_client.get("/admin/workflow/jejakaudit/add/").status_code == 403
    respons = admin_client.post(f"/admin/workflow/jejakaudit/{jejak.pk}/change/", {"catatan": "x"})
    assert respons.status_code == 403
    assert admin_client.get(f"/admin/workflow/permohonan/{p.pk}/change/").status_code == 200
    assert admin_client.get("/admin/workflow/tingkatvalidasi/").status_code == 200
    assert admin_client.get("/admin/workflow/mutubaku/").status_code == 200
