"""Distribusi salinan (sop 003): recipients in the buku ekspedisi, sending,
signed receipts with or without their scan, the 1-hari standard, the list of
receipts still out, and who may see or do what."""

import zoneinfo
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import pdf_bytes, unggahan
from tests.penyusunan_helpers import buat_tim_penyusunan, majukan, mulai
from workflow.mesin import AksiGagal
from workflow.penyusunan import layanan
from workflow.penyusunan.models import (
    PenerimaSalinan,
    PenyusunanKeputusan,
    StatusPenyusunan,
    VarianPenyusunan,
)

pytestmark = pytest.mark.django_db
S = StatusPenyusunan
J = PenerimaSalinan.JenisPenerima
URL_TERTUNDA = reverse("workflow:penyusunan-tertunda")
ALASAN_SELESAI = "Catat paling sedikit satu penerima dan kirim salinan kepada semua penerima."


# --- builders --------------------------------------------------------------------


@pytest.fixture
def tim():
    return buat_tim_penyusunan()


def di_distribusi(tim, varian=VarianPenyusunan.TIM):
    return majukan(mulai(tim, varian), tim, S.DISTRIBUSI)


def penerima(tim, p, *nama, kirim=False):
    daftar = [
        layanan.tambah_penerima(tim.pengelola, p, nama=n, jenis=J.INTERNAL, alamat="") for n in nama
    ]
    if kirim:
        layanan.kirim_salinan(tim.pengelola, p)
        for r in daftar:
            r.refresh_from_db()
    return daftar


def url(nama, *args):
    return reverse(f"workflow:{nama}", args=args)


def waktu_lokal(p, waktu) -> str:
    """What a datetime-local input of the office's zone would send."""
    zona = zoneinfo.ZoneInfo(p.satker.zona_waktu)
    return timezone.localtime(waktu, zona).strftime("%Y-%m-%dT%H:%M")


def data_terima(p, **kw):
    return {
        "diterima_oleh": kw.pop("diterima_oleh", "Yakobus Kambu"),
        "diterima_pada": kw.pop("diterima_pada", waktu_lokal(p, timezone.now())),
        **kw,
    }


def file_tanda_terima():
    root = settings.MEDIA_ROOT / "tanda-terima"
    return [f for f in root.rglob("*") if f.is_file()] if root.exists() else []


def detail_html(client, p):
    respons = client.get(p.get_absolute_url())
    assert respons.status_code == 200
    return respons.content.decode()


# --- recipients and sending -----------------------------------------------------


def test_subbag_hukum_adds_recipients_then_sends_the_copies(client, tim):
    p = di_distribusi(tim)
    client.force_login(tim.pengelola)

    respons = client.post(
        url("penyusunan-penerima", p.pk),
        {
            "penerima-nama": "  Bawaslu Kabupaten Uji ",
            "penerima-jenis": "eksternal",
            "penerima-alamat": "Jl. Pemuda 3",
        },
    )
    assert respons.status_code == 302
    assert respons["Location"] == p.get_absolute_url() + "#distribusi"
    client.post(
        url("penyusunan-penerima", p.pk),
        {"penerima-nama": "Divisi Teknis", "penerima-jenis": "internal"},
    )
    bawaslu, divisi = p.penerima_salinan.order_by("id")
    assert (bawaslu.nama, bawaslu.jenis, bawaslu.alamat) == (
        "Bawaslu Kabupaten Uji",
        J.EKSTERNAL,
        "Jl. Pemuda 3",
    )
    assert divisi.jenis == J.INTERNAL and divisi.dicatat_oleh == tim.pengelola
    assert bawaslu.dikirim_pada is None

    html = detail_html(client, p)
    assert "Kirim salinan (2 penerima)" in html
    assert "Distribusi belum dapat diselesaikan" in html

    respons = client.post(url("penyusunan-kirim", p.pk), follow=True)
    assert "Salinan dikirim kepada 2 penerima" in respons.content.decode()
    assert not p.penerima_salinan.filter(dikirim_pada__isnull=True).exists()
    assert list(p.jejak.values_list("aksi", flat=True).order_by("-id")[:3]) == [
        "kirim-salinan",
        "tambah-penerima",
        "tambah-penerima",
    ]
    html = detail_html(client, p)
    assert "Kirim salinan (" not in html
    assert "Catat tanda terima" in html


def test_sending_with_nothing_unsent_says_so(client, tim):
    p = di_distribusi(tim)
    penerima(tim, p, "Divisi Hukum", kirim=True)
    client.force_login(tim.pengelola)

    respons = client.post(url("penyusunan-kirim", p.pk), follow=True)

    assert "Tidak ada penerima yang belum dikirimi salinan." in respons.content.decode()


def test_empty_recipient_name_is_a_form_error(client, tim):
    p = di_distribusi(tim)
    client.force_login(tim.pengelola)

    respons = client.post(
        url("penyusunan-penerima", p.pk), {"penerima-nama": "   ", "penerima-jenis": "internal"}
    )

    assert respons.status_code == 200
    assert respons.context["form"].errors["nama"]
    assert not p.penerima_salinan.exists()


# --- receipts -----------------------------------------------------------------------


def test_receipt_without_scan_is_recorded(client, tim):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Divisi Teknis", kirim=True)
    client.force_login(tim.pengelola)
    assert client.get(url("penyusunan-tanda-terima", p.pk, r.pk)).status_code == 200

    respons = client.post(url("penyusunan-tanda-terima", p.pk, r.pk), data_terima(p))

    assert respons.status_code == 302
    r.refresh_from_db()
    assert r.diterima_oleh == "Yakobus Kambu"
    assert r.diterima_pada is not None and not r.bukti
    assert not r.tertunda
    assert p.jejak.filter(aksi="tanda-terima").count() == 1


def test_receipt_time_is_read_in_the_offices_own_zone(client, tim):
    tim.satker.zona_waktu = "Asia/Jayapura"  # WIT, while the user's session says WIB
    tim.satker.save()
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Divisi Teknis", kirim=True)
    PenerimaSalinan.objects.filter(pk=r.pk).update(dikirim_pada=timezone.now() - timedelta(days=2))
    client.force_login(tim.pengelola)
    session = client.session
    session["zona_waktu"] = "Asia/Jakarta"
    session.save()
    kemarin = (timezone.now() - timedelta(days=1)).astimezone(zoneinfo.ZoneInfo("Asia/Jayapura"))
    lokal = kemarin.replace(hour=10, minute=30, second=0, microsecond=0, tzinfo=None)

    client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk),
        data_terima(p, diterima_pada=lokal.strftime("%Y-%m-%dT%H:%M")),
    )

    r.refresh_from_db()
    assert r.diterima_pada == lokal.replace(tzinfo=zoneinfo.ZoneInfo("Asia/Jayapura"))
    assert "WIT" in client.get(url("penyusunan-tanda-terima", p.pk, r.pk)).content.decode()


def test_receipt_with_pdf_scan_is_stored_and_served_only_to_the_office(client, tim):
    lain = buat_tim_penyusunan()
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    client.force_login(tim.pengelola)
    scan = pdf_bytes(judul="Tanda terima salinan")

    respons = client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk),
        data_terima(p, bukti=unggahan(scan, "paraf.pdf")),
    )

    assert respons.status_code == 302
    r.refresh_from_db()
    assert r.bukti and r.bukti.name.startswith(f"tanda-terima/{p.pk}/")
    assert "Pindaian tanda terima (PDF)" in detail_html(client, p)
    client.force_login(tim.pengusul)  # may see the penyusunan: may read the receipt
    berkas = client.get(url("penyusunan-bukti", p.pk, r.pk))
    assert berkas.status_code == 200
    assert berkas["Content-Type"] == "application/pdf"
    assert b"".join(berkas.streaming_content) == scan
    client.force_login(lain.pengelola)
    assert client.get(url("penyusunan-bukti", p.pk, r.pk)).status_code == 404
    client.logout()
    assert client.get(url("penyusunan-bukti", p.pk, r.pk)).status_code == 302  # to login


def test_receipt_without_scan_has_no_file_to_serve(client, tim):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Divisi Teknis", kirim=True)
    client.force_login(tim.pengelola)
    client.post(url("penyusunan-tanda-terima", p.pk, r.pk), data_terima(p))

    assert client.get(url("penyusunan-bukti", p.pk, r.pk)).status_code == 404


@pytest.mark.parametrize(
    "isi, pesan",
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 2000, "Berkas bukan PDF."),
        (b"%PDF-1.7\n1 0 obj <<>> endobj\n", "Berkas PDF terpotong atau rusak"),
        (b"%PDF-1.4\nsampah yang bukan struktur pdf sama sekali\n%%EOF\n", "rusak"),
    ],
    ids=["bukan-pdf", "terpotong", "rusak"],
)
def test_non_pdf_or_damaged_scan_is_refused_with_catalogue_error_and_nothing_stored(
    client, tim, isi, pesan
):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    client.force_login(tim.pengelola)

    respons = client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk),
        data_terima(p, bukti=unggahan(isi, "paraf.pdf")),
    )

    assert respons.status_code == 200
    assert any(pesan in e for e in respons.context["form"].errors["bukti"])
    r.refresh_from_db()
    assert r.diterima_pada is None and not r.diterima_oleh and not r.bukti
    assert file_tanda_terima() == []
    assert not p.jejak.filter(aksi="tanda-terima").exists()


def test_receipt_before_sending_is_refused(client, tim):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Divisi Teknis")
    client.force_login(tim.pengelola)
    assert (
        "Salinan belum dikirim"
        in client.get(url("penyusunan-tanda-terima", p.pk, r.pk)).content.decode()
    )

    respons = client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk),
        data_terima(p, bukti=unggahan(pdf_bytes(), "paraf.pdf")),
    )

    assert respons.status_code == 200
    assert (
        "Salinan belum dikirim kepada penerima ini." in respons.context["form"].non_field_errors()
    )
    r.refresh_from_db()
    assert r.diterima_pada is None and not r.bukti
    assert file_tanda_terima() == []


def test_receipt_time_in_the_future_is_refused(client, tim):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Divisi Teknis", kirim=True)
    client.force_login(tim.pengelola)

    respons = client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk),
        data_terima(p, diterima_pada=waktu_lokal(p, timezone.now() + timedelta(hours=2))),
    )

    assert respons.status_code == 200
    assert "tidak di masa depan" in respons.context["form"].errors["diterima_pada"][0]
    r.refresh_from_db()
    assert r.diterima_pada is None


def test_receipt_time_before_the_copy_went_out_is_refused(client, tim):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Divisi Teknis", kirim=True)
    client.force_login(tim.pengelola)

    respons = client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk),
        data_terima(p, diterima_pada=waktu_lokal(p, r.dikirim_pada - timedelta(minutes=5))),
    )

    assert respons.context["form"].errors["diterima_pada"] == [
        "Waktu diterima tidak boleh sebelum salinan dikirim."
    ]
    r.refresh_from_db()
    assert r.diterima_pada is None


def test_receipt_in_the_same_minute_as_sending_is_accepted(client, tim):
    # The input has minutes only; a copy handed over and signed on the spot
    # is entered as the minute it was sent, which is not "before sending".
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Divisi Teknis", kirim=True)
    dikirim = (r.dikirim_pada - timedelta(minutes=2)).replace(second=40, microsecond=0)
    PenerimaSalinan.objects.filter(pk=r.pk).update(dikirim_pada=dikirim)
    client.force_login(tim.pengelola)

    respons = client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk),
        data_terima(p, diterima_pada=waktu_lokal(p, dikirim)),
    )

    assert respons.status_code == 302, respons.context["form"].errors
    r.refresh_from_db()
    assert r.diterima_pada == dikirim


# --- finishing the step -------------------------------------------------------------


def test_finishing_distribution_without_recipients_is_refused_with_reason(client, tim):
    p = di_distribusi(tim)

    with pytest.raises(AksiGagal) as exc:
        layanan.selesaikan_distribusi(tim.pengelola, p)

    assert exc.value.pesan == ALASAN_SELESAI
    client.force_login(tim.pengelola)
    assert f"Distribusi belum dapat diselesaikan: {ALASAN_SELESAI}" in detail_html(client, p)
    p.refresh_from_db()
    assert p.status == S.DISTRIBUSI


def test_finishing_distribution_with_unsent_copies_is_refused_with_reason(client, tim):
    p = di_distribusi(tim)
    penerima(tim, p, "Divisi Teknis", kirim=True)
    penerima(tim, p, "Bawaslu")

    with pytest.raises(AksiGagal) as exc:
        layanan.selesaikan_distribusi(tim.pengelola, p)

    assert exc.value.pesan == ALASAN_SELESAI
    client.force_login(tim.pengelola)
    assert ALASAN_SELESAI in detail_html(client, p)
    p.refresh_from_db()
    assert p.status == S.DISTRIBUSI


def test_finishing_distribution_is_allowed_when_all_sent_with_receipts_outstanding(client, tim):
    p = di_distribusi(tim, VarianPenyusunan.PENGATURAN)
    penerima(tim, p, "Divisi Teknis", "Bawaslu", kirim=True)
    client.force_login(tim.pengelola)
    assert "distribusi dapat diselesaikan" in detail_html(client, p)

    p = layanan.selesaikan_distribusi(tim.pengelola, p)

    assert p.status == S.DIGITALISASI
    assert p.penerima_salinan.filter(diterima_pada__isnull=True).count() == 2


def test_receipts_can_be_recorded_after_the_sk_moved_on_to_digitalisasi(client, tim):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    p = layanan.selesaikan_distribusi(tim.pengelola, p)
    client.force_login(tim.pengelola)
    html = detail_html(client, p)
    assert "Catat tanda terima" in html
    assert "Tambah penerima" not in html

    respons = client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk),
        data_terima(p, bukti=unggahan(pdf_bytes(), "paraf.pdf")),
    )

    assert respons.status_code == 302
    r.refresh_from_db()
    assert r.diterima_oleh == "Yakobus Kambu" and r.bukti
    # …but the buku ekspedisi takes no new lines once the step is over.
    respons = client.post(
        url("penyusunan-penerima", p.pk), {"penerima-nama": "Telat", "penerima-jenis": "internal"}
    )
    assert respons.status_code == 200
    assert "Penerima hanya dapat ditambah pada tahap distribusi." in respons.content.decode()
    assert p.penerima_salinan.count() == 1


def test_receipt_cannot_be_recorded_on_a_cancelled_sk(client, tim):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    layanan.batalkan(tim.kasubbag, p, alasan="Salah subjek")
    client.force_login(tim.pengelola)

    respons = client.post(url("penyusunan-tanda-terima", p.pk, r.pk), data_terima(p))

    assert respons.status_code == 302
    r.refresh_from_db()
    assert r.diterima_pada is None
    assert client.get(URL_TERTUNDA).context["baris"] == []


# --- the 1-hari standard and the list of receipts still out ----------------------------


def test_receipt_outstanding_over_one_day_is_marked_overdue(client, tim):
    p = di_distribusi(tim)
    lama, baru = penerima(tim, p, "Bawaslu", "Divisi Teknis", kirim=True)
    PenerimaSalinan.objects.filter(pk=lama.pk).update(
        dikirim_pada=timezone.now() - timedelta(days=1, minutes=5)
    )
    client.force_login(tim.pengelola)

    respons = client.get(p.get_absolute_url())
    baris = {b.r.pk: b for b in respons.context["distribusi_baris"]}
    assert baris[lama.pk].terlambat and not baris[baru.pk].terlambat
    assert baris[lama.pk].standar == timedelta(days=1)
    assert respons.context["distribusi_terlambat"] == 1
    assert "melewati mutu baku" in respons.content.decode()

    respons = client.get(URL_TERTUNDA)
    assert [(b.r.pk, b.terlambat) for b in respons.context["baris"]] == [
        (lama.pk, True),
        (baru.pk, False),
    ]
    html = respons.content.decode()
    assert html.count("melewati mutu baku") == 1
    assert 'class="terlambat"' in html


def test_received_copy_is_not_overdue_however_old(client, tim):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    PenerimaSalinan.objects.filter(pk=r.pk).update(dikirim_pada=timezone.now() - timedelta(days=5))
    layanan.catat_tanda_terima(
        tim.pengelola, p, r, diterima_oleh="Staf Bawaslu", diterima_pada=timezone.now()
    )
    client.force_login(tim.pengelola)

    respons = client.get(p.get_absolute_url())

    assert respons.context["distribusi_terlambat"] == 0
    assert respons.context["distribusi_baris"][0].keadaan == "diterima"
    assert client.get(URL_TERTUNDA).context["baris"] == []


def _jumlah_kueri(client):
    with CaptureQueriesContext(connection) as ctx:
        respons = client.get(URL_TERTUNDA)
        assert respons.status_code == 200
    return len(ctx.captured_queries), respons


def test_tertunda_list_runs_constant_queries_and_shows_only_own_office(client, tim):
    lain = buat_tim_penyusunan()
    p_lain = di_distribusi(lain)
    penerima(lain, p_lain, "Kantor lain", kirim=True)
    a = di_distribusi(tim)
    b = di_distribusi(tim, VarianPenyusunan.PENGATURAN)
    penerima(tim, a, "A1", "A2", kirim=True)
    penerima(tim, b, "B1", kirim=True)
    penerima(tim, b, "B-belum")  # not sent: not outstanding
    client.force_login(tim.kasubbag)
    client.get(URL_TERTUNDA)  # the session's time zone is cached on the first visit

    sedikit, respons = _jumlah_kueri(client)
    assert len(respons.context["baris"]) == 3
    # Session, user, permissions, staff header, count, time standards, the page's rows.
    assert sedikit == 7
    penerima(tim, a, *[f"A{i}" for i in range(3, 12)], kirim=True)
    # Sending B2…B8 also sends B-belum: 2 + 1 + 9 + 7 + 1 = 20 rows.
    penerima(tim, b, *[f"B{i}" for i in range(2, 9)], kirim=True)
    banyak, respons = _jumlah_kueri(client)

    baris = respons.context["baris"]
    assert len(baris) == 20
    assert banyak == sedikit
    assert {x.r.penyusunan.satker_id for x in baris} == {tim.satker.pk}
    assert "Kantor lain" not in respons.content.decode()
    dikirim = [x.r.dikirim_pada for x in baris]
    assert dikirim == sorted(dikirim)


def test_tertunda_list_pages_by_25_oldest_first(client, tim):
    p = di_distribusi(tim)
    semua = penerima(tim, p, *[f"Penerima {i}" for i in range(27)], kirim=True)
    for i, r in enumerate(semua):
        PenerimaSalinan.objects.filter(pk=r.pk).update(
            dikirim_pada=timezone.now() - timedelta(hours=100 - i)
        )
    client.force_login(tim.pengelola)

    pertama = client.get(URL_TERTUNDA).context["baris"]
    kedua = client.get(URL_TERTUNDA, {"halaman": 2}).context["baris"]
    rusak = client.get(URL_TERTUNDA, {"halaman": "x' OR 1=1"})

    assert [b.r.pk for b in pertama + kedua] == [r.pk for r in semua]
    assert len(pertama) == 25
    assert rusak.status_code == 200


def test_tertunda_list_is_for_drafting_staff_only(client):
    from tests.alur_helpers import buat_pengguna

    client.force_login(buat_pengguna("tanpa.peran"))

    assert client.get(URL_TERTUNDA).status_code == 403


# --- who may see and do what ---------------------------------------------------------


def _semua_url(p, r):
    return [
        ("get", url("penyusunan-tanda-terima", p.pk, r.pk)),
        ("post", url("penyusunan-tanda-terima", p.pk, r.pk)),
        ("get", url("penyusunan-bukti", p.pk, r.pk)),
        ("get", url("penyusunan-ekspedisi", p.pk)),
        ("post", url("penyusunan-penerima", p.pk)),
        ("post", url("penyusunan-kirim", p.pk)),
    ]


def test_another_office_gets_404_for_every_distribution_view(client, tim):
    lain = buat_tim_penyusunan()
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    layanan.catat_tanda_terima(
        tim.pengelola,
        p,
        r,
        diterima_oleh="Staf",
        diterima_pada=timezone.now(),
        bukti=unggahan(pdf_bytes(), "paraf.pdf"),
    )
    penerima(tim, p, "Belum dikirim")

    for user in (lain.pengelola, lain.kasubbag, lain.ketua, lain.pengusul):
        client.force_login(user)
        for metode, alamat in _semua_url(p, r):
            data = {"penerima-nama": "X", "penerima-jenis": "internal", **data_terima(p)}
            respons = getattr(client, metode)(alamat, data if metode == "post" else None)
            assert respons.status_code == 404, (user.username, metode, alamat)
    assert p.penerima_salinan.count() == 2
    assert p.penerima_salinan.filter(dikirim_pada__isnull=True).count() == 1
    assert "Bawaslu" not in client.get(URL_TERTUNDA).content.decode()


@pytest.mark.parametrize("peran", ["pengusul", "ketua", "sekretaris", "divisi"])
def test_roles_outside_subbag_hukum_get_403_when_recording(client, tim, peran):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    penerima(tim, p, "Belum dikirim")
    client.force_login(getattr(tim, peran))

    assert (
        client.post(
            url("penyusunan-penerima", p.pk),
            {"penerima-nama": "Titipan", "penerima-jenis": "internal"},
        ).status_code
        == 403
    )
    assert client.post(url("penyusunan-kirim", p.pk)).status_code == 403
    assert (
        client.post(url("penyusunan-tanda-terima", p.pk, r.pk), data_terima(p)).status_code == 403
    )
    assert client.get(url("penyusunan-tanda-terima", p.pk, r.pk)).status_code == 403
    # They may still read the section and print the sheet, without the controls.
    html = detail_html(client, p)
    assert "Distribusi salinan" in html and "Bawaslu" in html
    assert "Catat tanda terima" not in html and "Kirim salinan" not in html
    assert "Tambah penerima" not in html
    assert client.get(url("penyusunan-ekspedisi", p.pk)).status_code == 200
    tertunda = client.get(URL_TERTUNDA).content.decode()
    assert "Bawaslu" in tertunda and "Catat tanda terima" not in tertunda
    r.refresh_from_db()
    assert r.diterima_pada is None
    assert p.penerima_salinan.count() == 2
    assert p.penerima_salinan.filter(dikirim_pada__isnull=True).count() == 1


def test_kasubbag_hukum_may_record_like_the_pengelola(client, tim):
    p = di_distribusi(tim)
    client.force_login(tim.kasubbag)

    client.post(
        url("penyusunan-penerima", p.pk), {"penerima-nama": "KPU RI", "penerima-jenis": "eksternal"}
    )
    client.post(url("penyusunan-kirim", p.pk))
    r = p.penerima_salinan.get()
    respons = client.post(url("penyusunan-tanda-terima", p.pk, r.pk), data_terima(p))

    assert respons.status_code == 302
    r.refresh_from_db()
    assert r.dikirim_pada and r.diterima_pada and r.dicatat_oleh == tim.kasubbag


def test_posting_views_refuse_get(client, tim):
    p = di_distribusi(tim)
    client.force_login(tim.pengelola)

    assert client.get(url("penyusunan-penerima", p.pk)).status_code == 405
    assert client.get(url("penyusunan-kirim", p.pk)).status_code == 405


# --- hostile input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "nilai",
    [
        "kemarin sore",
        "2025-13-45T99:99",
        "99999-01-01T00:00",
        "0001-01-01T00:00",
        "1900-01-01T00:00",
        "2025-01-01T10:00\x00",
        "",
        "9" * 5000,
    ],
)
def test_garbage_receipt_time_is_a_form_error(client, tim, nilai):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    client.force_login(tim.pengelola)

    respons = client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk), data_terima(p, diterima_pada=nilai)
    )

    assert respons.status_code == 200
    assert respons.context["form"].errors["diterima_pada"]
    r.refresh_from_db()
    assert r.diterima_pada is None


def test_huge_or_wrong_recipient_values_are_form_errors(client, tim):
    p = di_distribusi(tim)
    client.force_login(tim.pengelola)
    alamat = url("penyusunan-penerima", p.pk)

    for data, field in [
        ({"penerima-nama": "N" * 10_000, "penerima-jenis": "internal"}, "nama"),
        ({"penerima-nama": "Bawaslu", "penerima-jenis": "superadmin"}, "jenis"),
        ({"penerima-nama": "Bawaslu", "penerima-jenis": ["internal", "x"]}, "jenis"),
        (
            {
                "penerima-nama": "Bawaslu",
                "penerima-jenis": "internal",
                "penerima-alamat": "A" * 501,
            },
            "alamat",
        ),
        ({"penerima-nama": "Bawa\x00slu", "penerima-jenis": "internal"}, "nama"),
        ({}, "nama"),
    ]:
        respons = client.post(alamat, data)
        assert respons.status_code == 200, data
        assert respons.context["form"].errors[field], data
    assert not p.penerima_salinan.exists()


def test_huge_receiver_name_is_a_form_error(client, tim):
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    client.force_login(tim.pengelola)

    respons = client.post(
        url("penyusunan-tanda-terima", p.pk, r.pk), data_terima(p, diterima_oleh="X" * 100_000)
    )

    assert respons.status_code == 200
    assert respons.context["form"].errors["diterima_oleh"]
    r.refresh_from_db()
    assert r.diterima_pada is None


def test_recipient_of_another_penyusunan_is_404(client, tim):
    p = di_distribusi(tim)
    q = di_distribusi(tim, VarianPenyusunan.PENGATURAN)
    (r_q,) = penerima(tim, q, "Milik penyusunan lain", kirim=True)
    layanan.catat_tanda_terima(
        tim.pengelola,
        q,
        r_q,
        diterima_oleh="Staf",
        diterima_pada=timezone.now(),
        bukti=unggahan(pdf_bytes(), "paraf.pdf"),
    )
    client.force_login(tim.pengelola)

    assert client.get(url("penyusunan-tanda-terima", p.pk, r_q.pk)).status_code == 404
    assert (
        client.post(
            url("penyusunan-tanda-terima", p.pk, r_q.pk), data_terima(p, diterima_oleh="Palsu")
        ).status_code
        == 404
    )
    assert client.get(url("penyusunan-bukti", p.pk, r_q.pk)).status_code == 404
    assert client.get(url("penyusunan-tanda-terima", p.pk, 10**9)).status_code == 404
    assert client.get(url("penyusunan-tanda-terima", 10**9, r_q.pk)).status_code == 404
    r_q.refresh_from_db()
    assert r_q.diterima_oleh == "Staf"


# --- the print sheet -------------------------------------------------------------------


def test_buku_ekspedisi_lists_every_recipient_with_a_paraf_box(client, tim):
    p = di_distribusi(tim)
    nama = ["Divisi Teknis", "Bawaslu Kabupaten", "Kejaksaan Negeri", "KPU Provinsi"]
    r1, r2, *_ = penerima(tim, p, *nama[:3], kirim=True)
    penerima(tim, p, nama[3])  # not sent yet: still on the sheet
    layanan.catat_tanda_terima(
        tim.pengelola, p, r1, diterima_oleh="Yakobus Kambu", diterima_pada=timezone.now()
    )
    p = PenyusunanKeputusan.objects.get(pk=p.pk)
    client.force_login(tim.pengelola)

    respons = client.get(url("penyusunan-ekspedisi", p.pk))

    html = respons.content.decode()
    assert respons.status_code == 200
    assert "BUKU EKSPEDISI" in html
    assert p.satker.nama_badan.upper() in html
    assert p.nomor.nomor in html
    assert p.draft_final.judul in html
    for n in nama:
        assert n in html
    assert html.count('class="kotak-paraf"') == len(nama)
    assert "Yakobus Kambu" in html
    assert "Paraf" in html and "Tanggal kirim" in html and "Tanggal terima" in html
    assert html.index(nama[0]) < html.index(nama[1]) < html.index(nama[3])


def test_buku_ekspedisi_shows_times_in_the_offices_zone(client, tim):
    tim.satker.zona_waktu = "Asia/Jayapura"
    tim.satker.save()
    p = di_distribusi(tim)
    (r,) = penerima(tim, p, "Bawaslu", kirim=True)
    dikirim = datetime(2025, 3, 4, 1, 15, tzinfo=zoneinfo.ZoneInfo("UTC"))
    PenerimaSalinan.objects.filter(pk=r.pk).update(dikirim_pada=dikirim)
    client.force_login(tim.pengelola)

    html = client.get(url("penyusunan-ekspedisi", p.pk)).content.decode()

    assert "4 Mar 2025, 10:15 WIT" in html
