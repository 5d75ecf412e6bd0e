import pytest
from django.urls import reverse

from documents.models import StatusPublikasi
from tests.alur_helpers import ajukan, ajukan_penurunan, buat_tim, majukan, nota_unggahan
from tests.factories import buat_jenis, pdf_bytes, unggahan
from workflow.models import Permohonan, Status

pytestmark = pytest.mark.django_db


def _data_pengajuan(tim, berkas, **kw):
    return {
        "satker": tim.satker.pk,
        "jenis": buat_jenis().pk,
        "nomor": "5/PL.01-Kpt/2024",
        "tahun": 2024,
        "judul": "Penetapan Jadwal Tahapan",
        "nota_nomor": "3/ND/2024",
        "nota_tanggal": "2024-05-01",
        "nota_perihal": "Permohonan unggah",
        "nota_dari": "Kasubbag Teknis",
        "nota_kepada": "Kasubbag Hukum dan SDM",
        "nota_berkas": nota_unggahan(),
        "berkas": berkas,
        **kw,
    }


def test_pengusul_submits_request_in_browser_form(client):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    respons = client.post(
        reverse("workflow:permohonan-baru"), _data_pengajuan(tim, unggahan(pdf_bytes()))
    )
    p = Permohonan.objects.get()
    assert respons.status_code == 302 and respons["Location"] == p.get_absolute_url()
    assert p.nota_dinas.nomor == "3/ND/2024"
    assert p.produk.versi.count() == 1


def test_invalid_pdf_error_is_shown_beside_the_field(client):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    respons = client.post(
        reverse("workflow:permohonan-baru"),
        _data_pengajuan(tim, unggahan(b"GIF89a bukan pdf", nama="scan.pdf")),
    )
    assert respons.status_code == 200
    assert "bukan PDF" in respons.context["form"].errors["berkas"][0]
    assert 'id="id_berkas-galat"' in respons.content.decode()
    assert not Permohonan.objects.exists()


def test_tolak_requires_confirmation_and_reason(client):
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIVALIDASI)
    client.force_login(tim.kasubbag)
    url = reverse("workflow:aksi", args=[p.pk, "tolak"])
    assert "Saya yakin" in client.get(url).content.decode()
    respons = client.post(url, {"tolak-alasan": "", "tolak-status_terlihat": "divalidasi"})
    assert set(respons.context["form"].errors) == {"alasan", "konfirmasi"}
    p.refresh_from_db()
    assert p.status == Status.DIVALIDASI
    client.post(
        url,
        {
            "tolak-alasan": "Salah satker",
            "tolak-konfirmasi": "on",
            "tolak-status_terlihat": "divalidasi",
        },
    )
    p.refresh_from_db()
    assert p.status == Status.DITOLAK


def test_stale_page_gets_clear_message_instead_of_second_transition(client):
    tim = buat_tim()
    p = ajukan(tim)
    majukan(p, tim, Status.DIDISPOSISI)
    client.force_login(tim.kasubbag)
    respons = client.post(
        reverse("workflow:aksi", args=[p.pk, "disposisi"]),
        {
            "disposisi-kepada": tim.pengelola.pk,
            "disposisi-petunjuk": "lagi",
            "disposisi-status_terlihat": "diajukan",
        },
        follow=True,
    )
    pesan = [str(m) for m in respons.context["messages"]]
    assert any("baru saja diproses" in m for m in pesan)
    assert p.jejak.filter(aksi="disposisi").count() == 1


def test_pengelola_prepares_metadata_and_uploads_a_better_scan(client):
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    url = reverse("workflow:siapkan", args=[p.pk])
    halaman = client.get(url)
    data = {k: v for k, v in halaman.context["meta"].initial.items() if v is not None}
    data.update(jenis=p.produk.jenis_id, abstrak="Abstrak uji", simpan_metadata="1")
    data["tanggal_penetapan"] = "2024-02-03"
    respons = client.post(url, data)
    assert respons.status_code == 302, respons.context["meta"].errors
    p.produk.refresh_from_db()
    assert p.produk.abstrak == "Abstrak uji"
    respons = client.post(url, {"berkas": unggahan(b"%PDF-rusak"), "unggah_berkas": "1"})
    assert respons.context["berkas"].errors["berkas"]
    client.post(url, {"berkas": unggahan(pdf_bytes()), "unggah_berkas": "1"})
    assert p.produk.versi.count() == 2
    assert p.jejak.filter(aksi__in=["ubah-metadata", "unggah-berkas"]).count() == 2


def test_usulan_penurunan_page_finds_published_products(client):
    tim = buat_tim()
    q = ajukan_penurunan(tim)
    client.force_login(tim.pengusul)
    url = reverse("workflow:usulan-penurunan")
    respons = client.get(url, {"q": q.produk.nomor})
    assert list(respons.context["hasil"]) == [q.produk]


def test_disposisi_print_sheet(client):
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    html = client.get(reverse("workflow:disposisi-cetak", args=[p.pk])).content.decode()
    assert "LEMBAR DISPOSISI" in html and "Segera unggah" in html
    assert p.nota_dinas.nomor in html


def test_staff_can_read_draft_pdf_but_other_satker_cannot(client):
    tim, lain = buat_tim(), buat_tim()
    p = ajukan(tim)
    versi = p.produk.versi.get()
    url = reverse("workflow:berkas", args=[p.pk, versi.pk])
    client.force_login(tim.kasubbag)
    respons = client.get(url)
    assert respons["Content-Type"] == "application/pdf"
    client.force_login(lain.kasubbag)
    assert client.get(url).status_code == 404


def test_takedown_through_pages_hides_product_until_republished(client):
    tim = buat_tim()
    p = majukan(ajukan_penurunan(tim), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    client.post(
        reverse("workflow:aksi", args=[p.pk, "turunkan"]),
        {
            "turunkan-catatan": "Sesuai disposisi",
            "turunkan-konfirmasi": "on",
            "turunkan-status_terlihat": "didisposisi",
        },
    )
    p.refresh_from_db()
    assert p.status == Status.DITURUNKAN
    assert p.produk.status_publikasi == StatusPublikasi.DITURUNKAN
