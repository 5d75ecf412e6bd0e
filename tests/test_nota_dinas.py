"""The Nota Dinas as its own PDF (issue 12 item 1): the request form asks for
it beside the naskah asli, a take-down proposal carries it too, it goes
through the catalogue's PDF checks, only staff who see the request can read
it, and requests made before it was asked for keep working."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from documents.models import ProdukHukum, VersiBerkas
from tests.alur_helpers import (
    ajukan,
    ajukan_penurunan,
    buat_tim,
    majukan,
    nota_pdf_bytes,
    nota_unggahan,
)
from tests.factories import buat_jenis, buat_produk, pdf_bytes, unggahan
from workflow.models import NotaDinas, Permohonan, Status

pytestmark = pytest.mark.django_db
URL_BARU = reverse("workflow:permohonan-baru")


def _data(tim, **kw):
    return {
        "satker": tim.satker.pk,
        "jenis": buat_jenis().pk,
        "nomor": "5/PL.01-Kpt/2024",
        "tahun": 2024,
        "judul": "Penetapan Jadwal Tahapan Pemilihan",
        "nota_nomor": "3/ND/2024",
        "nota_tanggal": "2024-05-01",
        "nota_perihal": "Permohonan pengunggahan Keputusan",
        "nota_dari": "Kasubbag Teknis",
        "nota_kepada": "Kasubbag Hukum dan SDM",
        "nota_berkas": nota_unggahan(),
        "berkas": unggahan(pdf_bytes()),
        **kw,
    }


def _tidak_ada_yang_tersimpan():
    assert not Permohonan.objects.exists()
    assert not ProdukHukum.objects.exists()
    assert not VersiBerkas.objects.exists()
    assert not NotaDinas.objects.exists()


def test_form_asks_for_nota_dinas_pdf_and_naskah_asli_in_separate_labelled_fields(client):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    html = client.get(URL_BARU).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "data-jaga-perubahan" in html
    assert '<label for="id_nota_berkas">Berkas Nota Dinas (PDF)' in html
    assert '<label for="id_berkas">Naskah asli bertanda tangan (PDF)' in html
    assert "tidak pernah tampil di laman publik" in html  # the memo's help text
    assert "bukan Nota Dinasnya" in html  # the naskah's help text
    assert html.index("id_nota_berkas") < html.index('id="id_berkas"')


def test_submission_keeps_the_memo_pdf_and_makes_the_naskah_the_first_version(client):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    respons = client.post(URL_BARU, _data(tim, nota_berkas=nota_unggahan("ND-3-2024.pdf")))
    p = Permohonan.objects.get()
    assert respons.status_code == 302 and respons["Location"] == p.get_absolute_url()
    nota = p.nota_dinas
    assert nota.berkas.name.startswith(f"nota-dinas/{p.pk}/")
    assert default_storage.exists(nota.berkas.name)
    assert nota.nama_berkas == "ND-3-2024.pdf"
    assert nota.jumlah_halaman == 1 and nota.ukuran == len(nota_pdf_bytes())
    # The memo is no version of the product; the naskah asli is its first.
    assert list(p.produk.versi.values_list("nomor_versi", flat=True)) == [1]
    assert nota.naskah_asli.produk == p.produk
    assert nota.naskah_asli.sha256 != nota.sha256


def test_a_missing_memo_pdf_is_a_form_error_and_nothing_is_saved(client):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    data = _data(tim)
    del data["nota_berkas"]
    respons = client.post(URL_BARU, data)
    assert respons.status_code == 200
    assert respons.context["form"].errors["nota_berkas"] == ["Pilih berkas PDF Nota Dinas."]
    _tidak_ada_yang_tersimpan()


def test_a_bad_memo_pdf_keeps_the_other_fields_and_asks_to_choose_the_files_again(client):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    respons = client.post(
        URL_BARU,
        _data(tim, nota_berkas=unggahan(b"GIF89a bukan pdf", nama="nota.pdf")),
    )
    assert respons.status_code == 200
    form = respons.context["form"]
    assert "bukan PDF" in form.errors["nota_berkas"][0]
    assert "berkas" not in form.errors
    html = respons.content.decode()
    assert 'id="id_nota_berkas-galat"' in html
    assert 'value="5/PL.01-Kpt/2024"' in html and 'value="3/ND/2024"' in html
    assert "Penetapan Jadwal Tahapan Pemilihan" in html
    assert 'value="2024-05-01"' in html
    assert "pilih kembali berkas PDF Nota Dinas dan naskah asli" in html
    _tidak_ada_yang_tersimpan()


def test_both_bad_pdfs_are_reported_at_once(client):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    respons = client.post(
        URL_BARU,
        _data(
            tim,
            nota_berkas=unggahan(b"%PDF-1.4 terpotong", nama="nota.pdf"),
            berkas=unggahan(b"bukan pdf", nama="naskah.pdf"),
        ),
    )
    errors = respons.context["form"].errors
    assert "terpotong" in errors["nota_berkas"][0]
    assert "bukan PDF" in errors["berkas"][0]
    _tidak_ada_yang_tersimpan()


def test_the_naskah_chosen_as_the_memo_is_refused(client):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    isi = pdf_bytes()
    respons = client.post(
        URL_BARU, _data(tim, nota_berkas=unggahan(isi), berkas=unggahan(isi, nama="naskah.pdf"))
    )
    assert "sama persis dengan naskah asli" in respons.context["form"].errors["nota_berkas"][0]
    _tidak_ada_yang_tersimpan()


def test_the_memo_pdf_has_the_same_bounds_as_every_pdf(client, settings):
    settings.JDIH_MAKS_HALAMAN = 2
    tim = buat_tim()
    client.force_login(tim.pengusul)
    panjang = pdf_bytes(halaman_tambahan=3)
    respons = client.post(URL_BARU, _data(tim, nota_berkas=unggahan(panjang)))
    assert "halaman" in respons.context["form"].errors["nota_berkas"][0]
    _tidak_ada_yang_tersimpan()


def test_takedown_proposal_carries_its_memo_pdf(client):
    tim = buat_tim()
    produk = buat_produk(tim.satker)
    client.force_login(tim.pengusul)
    url = reverse("workflow:usulan-penurunan") + f"?produk={produk.pk}"
    html = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in html and "id_nota_berkas" in html
    data = {
        "alasan": "Lampiran halaman 3 tidak terbaca",
        "nota_nomor": "21/ND/2024",
        "nota_tanggal": "2024-06-03",
        "nota_perihal": "Usulan penurunan",
        "nota_dari": "Kasubbag Teknis",
        "nota_kepada": "Kasubbag Hukum dan SDM",
    }
    respons = client.post(url, data)
    assert respons.context["form"].errors["nota_berkas"]
    assert not Permohonan.objects.exists()
    respons = client.post(url, {**data, "nota_berkas": nota_unggahan()})
    p = Permohonan.objects.get()
    assert respons.status_code == 302
    assert p.penurunan and p.nota_dinas.berkas and p.nota_dinas.naskah_asli is None


def test_memo_pdf_is_read_by_staff_who_see_the_request_and_nobody_else(client):
    tim, lain = buat_tim(), buat_tim()
    p = ajukan(tim)
    url = reverse("workflow:nota-dinas", args=[p.pk])
    assert client.get(url).status_code == 302  # login first
    for user in (tim.pengusul, tim.kasubbag, tim.pengelola):
        client.force_login(user)
        respons = client.get(url)
        assert respons.status_code == 200
        assert respons["Content-Type"] == "application/pdf"
        assert b"".join(respons.streaming_content) == nota_pdf_bytes()
    for user in (lain.kasubbag, lain.pengusul):
        client.force_login(user)
        assert client.get(url).status_code == 404
    # Nothing of it on the public site: the catalogue never lists it.
    assert p.nota_dinas.berkas.name not in {v.berkas.name for v in VersiBerkas.objects.all()}


def test_request_page_and_disposisi_sheet_link_the_memo_pdf(client):
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    url = reverse("workflow:nota-dinas", args=[p.pk])
    client.force_login(tim.kasubbag)
    assert f'href="{url}"' in client.get(p.get_absolute_url()).content.decode()
    cetak = client.get(reverse("workflow:disposisi-cetak", args=[p.pk])).content.decode()
    assert f'href="{url}"' in cetak and "Berkas Nota Dinas" in cetak


def test_a_request_made_before_the_memo_pdf_was_asked_for_keeps_working(client):
    tim = buat_tim()
    p = ajukan(tim)
    nama = p.nota_dinas.berkas.name
    NotaDinas.objects.filter(pk=p.nota_dinas.pk).update(
        berkas="", sha256="", ukuran=None, jumlah_halaman=None, nama_berkas=""
    )
    default_storage.delete(nama)
    client.force_login(tim.kasubbag)
    html = client.get(p.get_absolute_url()).content.decode()
    assert "Tidak ada berkas PDF" in html
    assert client.get(reverse("workflow:nota-dinas", args=[p.pk])).status_code == 404
    p = majukan(p, tim, Status.DIUNGGAH)
    assert p.status == Status.DIUNGGAH


def test_takedown_helper_request_has_its_memo():
    tim = buat_tim()
    p = ajukan_penurunan(tim)
    assert p.nota_dinas.berkas and p.nota_dinas.jumlah_halaman == 1


def test_digitalisation_of_sop_003_opens_the_request_without_a_memo_pdf():
    from tests.penyusunan_helpers import S, buat_tim_penyusunan, mulai
    from tests.penyusunan_helpers import majukan as majukan_penyusunan

    tim = buat_tim_penyusunan()
    penyusunan = majukan_penyusunan(mulai(tim), tim, S.SELESAI)
    p = penyusunan.permohonan
    assert p.status == Status.DIAJUKAN
    assert not p.nota_dinas.berkas
    assert p.nota_dinas.naskah_asli.produk == p.produk
    # It walks on as any request does.
    assert majukan(p, tim, Status.DIUNGGAH).status == Status.DIUNGGAH


def test_demo_requests_loaded_before_get_their_memo_pdf_once():
    from workflow.demo import lengkapi_nota_dinas_demo

    tim = buat_tim()
    p = ajukan(tim)
    NotaDinas.objects.filter(permohonan=p).update(
        nomor="DEMO/1/ND/2024", berkas="", sha256="", ukuran=None, jumlah_halaman=None
    )
    lengkapi_nota_dinas_demo()
    nota = NotaDinas.objects.get(permohonan=p)
    assert nota.berkas and nota.jumlah_halaman == 1
    assert nota.nama_berkas == "nota-dinas-DEMO-1-ND-2024.pdf"
    with default_storage.open(nota.berkas.name) as f:
        assert f.read(5) == b"%PDF-"
    lengkapi_nota_dinas_demo()
    assert NotaDinas.objects.get(permohonan=p).berkas.name == nota.berkas.name
