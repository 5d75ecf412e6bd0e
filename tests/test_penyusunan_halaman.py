"""The sop 003 pages under /staf/penyusunan/: list, new draft, editor,
comparison, PDF, kelengkapan and step forms, as a browser would use them."""

import io

import pypdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import pdf_bytes, unggahan
from tests.penyusunan_helpers import K, S, buat_tim_penyusunan, majukan, mulai
from workflow.penyusunan.models import DraftSK, PenyusunanKeputusan

pytestmark = pytest.mark.django_db
DAFTAR = reverse("workflow:penyusunan-daftar")


def test_pengusul_starts_a_draft_from_a_template_in_the_browser(client):
    tim = buat_tim_penyusunan()
    client.force_login(tim.pengusul)
    halaman = client.get(reverse("workflow:penyusunan-baru"))
    assert halaman.status_code == 200 and tim.templat.nama in halaman.content.decode()
    respons = client.post(
        reverse("workflow:penyusunan-baru"),
        {
            "satker": tim.satker.pk,
            "varian": 1,
            "templat": tim.templat.pk,
            "judul": "Pembentukan Kelompok Kerja Pemutakhiran Data Pemilih",
            "pemrakarsa": "Subbagian Teknis",
            "divisi_terkait": "Divisi Perencanaan, Data dan Informasi",
        },
    )
    p = PenyusunanKeputusan.objects.get()
    assert respons.status_code == 302 and respons["Location"].endswith(f"/{p.pk}/draft/")
    assert "Pembentukan Kelompok Kerja Pemutakhiran" in p.draft.get().menimbang


def test_new_draft_form_refuses_another_offices_template_and_bad_values(client):
    tim, lain = buat_tim_penyusunan(), buat_tim_penyusunan()
    client.force_login(tim.pengusul)
    for data in (
        {"satker": tim.satker.pk, "varian": 1, "templat": lain.templat.pk},
        {"satker": lain.satker.pk, "varian": 1, "templat": tim.templat.pk},
        {"satker": "abc", "varian": "9", "templat": "<b>"},
    ):
        respons = client.post(
            reverse("workflow:penyusunan-baru"), {**data, "judul": "x", "pemrakarsa": "y"}
        )
        assert respons.status_code == 200 and respons.context["form"].errors, data
    assert not PenyusunanKeputusan.objects.exists()
    client.force_login(tim.ketua)
    assert client.get(reverse("workflow:penyusunan-baru")).status_code == 403


def test_editor_saves_a_new_revision_and_keeps_the_old_one(client):
    tim = buat_tim_penyusunan()
    p = mulai(tim)
    client.force_login(tim.divisi)
    url = reverse("workflow:penyusunan-draft", args=[p.pk])
    awal = client.get(url)
    assert awal.status_code == 200 and awal.context["boleh"]
    isi = {**p.draft_terbaru().isi(), "mengingat": "1. UU 7/2017;\n2. PKPU 8/2019;"}
    respons = client.post(url, {**isi, "catatan": "Menambah PKPU 8/2019"})
    assert respons.status_code == 302
    assert list(p.draft.values_list("revisi", flat=True)) == [1, 2]
    # Saving the same text again changes nothing and says so.
    sama = client.post(url, isi)
    assert sama.status_code == 200 and "Tidak ada perubahan" in sama.content.decode()
    assert p.draft.count() == 2


def test_editor_is_read_only_for_roles_that_do_not_draft(client):
    tim = buat_tim_penyusunan()
    p = mulai(tim)
    client.force_login(tim.ketua)
    url = reverse("workflow:penyusunan-draft", args=[p.pk])
    respons = client.get(url)
    assert respons.status_code == 200 and not respons.context["boleh"]
    assert client.post(url, {"judul": "x"}).status_code == 403
    assert p.draft.count() == 1


def test_comparison_highlights_the_changed_words_side_by_side(client):
    tim = buat_tim_penyusunan()
    p = mulai(tim)
    d1 = p.draft_terbaru()
    DraftSK.objects.create(
        penyusunan=p,
        revisi=2,
        dibuat_oleh=tim.pengusul,
        **{**d1.isi(), "memutuskan": d1.memutuskan.replace("Membentuk", "Menetapkan <b>")},
    )
    client.force_login(tim.kasubbag)
    respons = client.get(reverse("workflow:penyusunan-banding", args=[p.pk]), {"a": 1, "b": 2})
    html = respons.content.decode()
    assert "<del>Membentuk</del>" in html
    assert "<ins>Menetapkan &lt;b&gt;</ins>" in html
    assert "(tidak berubah)" in html  # the other fields are marked unchanged
    for q in ({"a": "abc"}, {"a": 99}, {"b": "-1"}):
        assert client.get(reverse("workflow:penyusunan-banding", args=[p.pk]), q).status_code == 404


def test_draft_renders_to_pdf(client):
    tim = buat_tim_penyusunan()
    p = mulai(tim)
    client.force_login(tim.pengusul)
    respons = client.get(reverse("workflow:penyusunan-draft-pdf", args=[p.pk, 1]))
    assert respons["Content-Type"] == "application/pdf"
    teks = "".join(h.extract_text() for h in pypdf.PdfReader(io.BytesIO(respons.content)).pages)
    assert "PEMBENTUKAN TIM PELAKSANA UJI" in teks and "DRAF" in teks
    assert client.get(reverse("workflow:penyusunan-draft-pdf", args=[p.pk, 7])).status_code == 404


def test_kelengkapan_upload_shows_the_intake_error_beside_the_field(client):
    tim = buat_tim_penyusunan()
    p = mulai(tim)
    client.force_login(tim.pengusul)
    url = reverse("workflow:penyusunan-kelengkapan", args=[p.pk])
    buruk = client.post(
        url, {"jenis": K.KAK, "berkas": unggahan(b"bukan pdf sama sekali", nama="kak.pdf")}
    )
    assert buruk.status_code == 400 and "bukan PDF" in buruk.content.decode()
    assert not p.kelengkapan.exists()
    salah_jenis = client.post(url, {"jenis": K.NASKAH_TTD, "berkas": unggahan(pdf_bytes())})
    assert salah_jenis.status_code == 400
    baik = client.post(url, {"jenis": K.KAK, "berkas": unggahan(pdf_bytes(), nama="KAK.pdf")})
    assert baik.status_code == 302
    k = p.kelengkapan.get()
    assert client.get(reverse("workflow:penyusunan-kelengkapan-berkas", args=[p.pk, k.pk]))[
        "Content-Type"
    ] == ("application/pdf")
    client.force_login(tim.ketua)
    assert client.post(url, {"jenis": K.KAK, "berkas": unggahan(pdf_bytes())}).status_code == 403


def test_step_form_acts_and_a_stale_page_is_told(client):
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.VERIFIKASI_MUATAN)
    client.force_login(tim.kasubbag)
    halaman = client.get(p.get_absolute_url()).content.decode()
    assert "Ajukan ke pleno" in halaman and "Kembalikan ke penyusun" in halaman
    url = reverse("workflow:penyusunan-aksi", args=[p.pk, "ajukan_pleno"])
    data = {"ajukan_pleno-status_terlihat": S.VERIFIKASI_MUATAN}
    assert client.post(url, data).status_code == 302
    p.refresh_from_db()
    assert p.status == S.PLENO
    basi = client.post(url, data, follow=True)
    assert "baru saja diproses" in basi.content.decode()
    assert client.get(reverse("workflow:penyusunan-aksi", args=[p.pk, "hapus"])).status_code == 404


def test_send_back_without_notes_is_a_form_error(client):
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.VERIFIKASI_MUATAN)
    client.force_login(tim.kasubbag)
    url = reverse("workflow:penyusunan-aksi", args=[p.pk, "kembalikan"])
    respons = client.post(url, {"kembalikan-catatan": "  ", "kembalikan-status_terlihat": ""})
    assert respons.status_code == 200 and respons.context["form"].errors
    p.refresh_from_db()
    assert p.status == S.VERIFIKASI_MUATAN


def test_future_pleno_date_and_bad_nip_are_form_errors(client):
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.PLENO)
    client.force_login(tim.ketua)
    respons = client.post(
        reverse("workflow:penyusunan-aksi", args=[p.pk, "tetapkan_pleno"]),
        {"tetapkan_pleno-tanggal_pleno": "2999-01-01"},
    )
    assert "masa depan" in respons.content.decode()
    q = majukan(mulai(tim), tim, S.SALINAN)
    client.force_login(tim.pengelola)
    respons = client.post(
        reverse("workflow:penyusunan-aksi", args=[q.pk, "buat_salinan"]),
        {
            "buat_salinan-nama_pejabat": "A",
            "buat_salinan-nip": "12345",
            "buat_salinan-jabatan": "B",
        },
    )
    assert "18 angka" in respons.content.decode()
    q.refresh_from_db()
    assert q.status == S.SALINAN and q.salinan_id is None


def test_list_runs_constant_queries_and_shows_only_own_office(client):
    tim, lain = buat_tim_penyusunan(), buat_tim_penyusunan()
    mulai(tim)
    mulai(lain)
    client.force_login(tim.kasubbag)
    client.get(DAFTAR)
    with CaptureQueriesContext(connection) as sedikit:
        assert client.get(DAFTAR).status_code == 200
    for _ in range(8):
        mulai(tim)
    with CaptureQueriesContext(connection) as banyak:
        respons = client.get(DAFTAR)
    assert len(banyak) == len(sedikit)
    assert len(respons.context["halaman"].object_list) == 9
    assert (
        client.get(DAFTAR, {"status": "<x>", "varian": "abc", "halaman": "zz"}).status_code == 200
    )


def test_detail_page_shows_what_each_role_may_do(client):
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.PLENO)
    client.force_login(tim.ketua)
    html = client.get(p.get_absolute_url()).content.decode()
    # The step is shown with what it still needs, and the upload it needs is offered.
    assert "Pleno menetapkan SK" in html and "Tetapkan (SK final)" not in html
    assert "Belum dapat dilakukan: Lampirkan berita acara pleno" in html
    assert "Berita acara pleno" in html
    from tests.penyusunan_helpers import kelengkapan

    kelengkapan(p, tim.ketua, K.BERITA_ACARA_PLENO)
    html = client.get(p.get_absolute_url()).content.decode()
    assert "Tetapkan (SK final)" in html and "Kembalikan dengan catatan pleno" in html
    client.force_login(tim.sekretaris)
    html = client.get(p.get_absolute_url()).content.decode()
    assert "Pleno menetapkan SK" not in html and "Tindakan Anda" not in html
