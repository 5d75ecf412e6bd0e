"""Controlled vocabularies: bidang hukum and bahasa from the national lists
(form, import), managed subjek (suggestions, dedupe, merge in admin), the
T.E.U. badan built from the Satker, and the values left to map by hand."""

import pytest
from django.contrib.admin import helpers
from django.core.management import CommandError
from django.urls import reverse

from documents import kosakata
from documents.models import NilaiTakTerpetakan, ProdukHukum, Satker, Subjek
from documents.subjek import setel_subjek
from tests.alur_helpers import buat_pengguna, buat_tim
from tests.factories import buat_produk, buat_satker, pdf_bytes
from tests.test_impor_arsip import baris, impor, siapkan_katalog, tulis_csv
from tests.test_tipe_dokumen import kirim, siapkan

pytestmark = pytest.mark.django_db

SARAN = "/staf/subjek/saran/"


# --- bidang hukum and bahasa -------------------------------------------------


def test_prepare_form_refuses_a_bidang_hukum_outside_the_list_naming_the_choices(client):
    p, url, data = siapkan(client)
    data["bidang_hukum"] = "Hukum Pemilu"
    respons, galat = kirim(client, url, data)
    pesan = galat["bidang_hukum"][0]
    assert pesan.startswith("'Hukum Pemilu' tidak ada dalam daftar bidang hukum nasional.")
    assert "Pilihan: Hukum Pada Umumnya, Hukum Adat," in pesan
    assert "Hukum Tata Negara" in pesan and "Hukum Investasi" in pesan


def test_prepare_form_refuses_a_bahasa_outside_the_list_naming_the_choices(client):
    p, url, data = siapkan(client)
    data["bahasa"] = "Klingon"
    respons, galat = kirim(client, url, data)
    assert galat["bahasa"] == [
        "'Klingon' tidak ada dalam daftar bahasa. Pilihan: " + ", ".join(kosakata.BAHASA) + "."
    ]


def test_prepare_form_offers_the_lists_as_selects(client):
    p, url, data = siapkan(client)
    html = client.get(url).content.decode()
    assert '<select name="bidang_hukum"' in html and '<select name="bahasa"' in html
    assert '<option value="Hukum Tata Negara">' in html
    data.update(bidang_hukum="Hukum Tata Negara", bahasa="Inggris")
    assert kirim(client, url, data)[0].status_code == 302
    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert (produk.bidang_hukum, produk.bahasa) == ("Hukum Tata Negara", "Inggris")


def test_import_refuses_a_bidang_or_bahasa_outside_the_list_naming_the_choices(tmp_path, capsys):
    siapkan_katalog()
    (tmp_path / "a.pdf").write_bytes(pdf_bytes())
    path = tulis_csv(
        tmp_path,
        [
            baris(nomor="1", bidang_hukum="Hukum Kepemiluan Daerah"),
            baris(nomor="2", bahasa="Klingon"),
            baris(nomor="3", bidang_hukum="htn", bahasa="English"),
        ],
    )
    with pytest.raises(CommandError):
        impor(path)
    galat = capsys.readouterr().err
    assert (
        "Baris 2: kolom bidang_hukum: 'Hukum Kepemiluan Daerah' tidak ada dalam daftar "
        "bidang hukum nasional. Pilihan: Hukum Pada Umumnya, Hukum Adat" in galat
    )
    assert (
        "Baris 3: kolom bahasa: 'Klingon' tidak ada dalam daftar bahasa. Pilihan: "
        + ", ".join(kosakata.BAHASA)
        in galat
    )
    produk = ProdukHukum.objects.get()
    assert (produk.bidang_hukum, produk.bahasa) == ("Hukum Tata Negara", "Inggris")


@pytest.mark.parametrize(
    "nilai, hasil",
    [
        ("Hukum Pemilu", "Hukum Tata Negara"),
        ("  hukum   tata negara ", "Hukum Tata Negara"),
        ("HAN", "Hukum Administrasi Negara"),
        ("HAM", "Hak Asasi Manusia"),
        ("Hukum Kepemiluan Daerah", None),
    ],
)
def test_bidang_hukum_synonyms_map_to_the_master_list(nilai, hasil):
    assert kosakata.petakan_bidang_hukum(nilai) == hasil


@pytest.mark.parametrize(
    "nilai, hasil",
    [("Bahasa Indonesia", "Indonesia"), ("english", "Inggris"), ("ID", "Indonesia"), ("", None)],
)
def test_bahasa_synonyms_map_to_the_master_list(nilai, hasil):
    assert kosakata.petakan_bahasa(nilai) == hasil


# --- subjek ------------------------------------------------------------------


def test_subjek_suggestions_need_a_login(client):
    respons = client.get(SARAN, {"q": "pem"})
    assert respons.status_code == 302
    assert respons["Location"].startswith(reverse("login"))


def test_subjek_suggestions_are_for_staff_only(client):
    client.force_login(buat_pengguna("warga"))
    assert client.get(SARAN, {"q": "pem"}).status_code == 403


def test_staff_get_matching_subjek_case_insensitively_prefix_first(client):
    tim = buat_tim()
    for nama in ["Pemilih", "Daftar Pemilih Tetap", "PEMILU", "Kampanye", "pemungutan suara"]:
        Subjek.objects.create(nama=nama)
    client.force_login(tim.pengelola)
    respons = client.get(SARAN, {"q": "pEm"})
    assert respons["Content-Type"] == "application/json"
    assert respons.json() == ["Pemilih", "PEMILU", "pemungutan suara", "Daftar Pemilih Tetap"]
    assert client.get(SARAN, {"q": ""}).json() == []
    assert client.get(SARAN).json() == []


def test_subjek_suggestions_are_at_most_ten_in_constant_queries(client, django_assert_num_queries):
    tim = buat_tim()
    client.force_login(tim.pengelola)
    Subjek.objects.create(nama="Tahapan 0")
    client.get(SARAN, {"q": "tahapan"})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(SARAN, {"q": "tahapan"})
    sedikit = len(ctx.captured_queries)
    Subjek.objects.bulk_create(Subjek(nama=f"Tahapan {i}") for i in range(1, 30))
    with django_assert_num_queries(sedikit):
        respons = client.get(SARAN, {"q": "tahapan"})
    assert len(respons.json()) == 10


@pytest.mark.parametrize(
    "q", ["a" * 10_000, "pem\x00ilu", "%00", "<script>alert(1)</script>", "%_"]
)
def test_hostile_subjek_queries_never_500(client, q):
    tim = buat_tim()
    Subjek.objects.create(nama="Pemilu")
    client.force_login(tim.pengelola)
    respons = client.get(SARAN, {"q": q})
    assert respons.status_code in (200, 400)
    assert respons["Content-Type"] == "application/json"
    if respons.status_code == 200:
        assert respons.json() == []


def test_setel_subjek_dedupes_ignoring_case_and_reuses_existing_spelling():
    Subjek.objects.create(nama="DPT")
    produk = buat_produk(berkas=False)
    setel_subjek(produk, "dpt; Pemilu; pemilu ;PEMILU, Kampanye")
    assert produk.subjek == "DPT; Pemilu; Kampanye"
    assert Subjek.objects.count() == 3
    lain = buat_produk(berkas=False)
    setel_subjek(lain, ["KAMPANYE", "Dpt"])
    assert lain.subjek == "Kampanye; DPT"
    assert Subjek.objects.count() == 3


def test_prepare_form_keeps_subjek_as_managed_keywords(client):
    Subjek.objects.create(nama="Pemilih")
    p, url, data = siapkan(client)
    data["subjek"] = "pemilih; Badan Ad Hoc; badan ad hoc"
    assert kirim(client, url, data)[0].status_code == 302
    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert produk.subjek == "Pemilih; Badan Ad Hoc"
    assert sorted(s.nama for s in produk.daftar_subjek.all()) == ["Badan Ad Hoc", "Pemilih"]
    assert client.get(url).context["meta"].initial["subjek"] == "Pemilih; Badan Ad Hoc"


def test_prepare_form_refuses_an_overlong_subjek(client):
    p, url, data = siapkan(client)
    data["subjek"] = "Pemilu; " + "x" * 101
    respons, galat = kirim(client, url, data)
    assert "paling banyak 100 karakter" in galat["subjek"][0]


def _pilih(admin_client, subjek, **lain):
    return admin_client.post(
        reverse("admin:documents_subjek_changelist"),
        {"action": "gabungkan", helpers.ACTION_CHECKBOX_NAME: [s.pk for s in subjek], **lain},
    )


def test_admin_merges_subjek_after_confirmation_and_updates_products(admin_client):
    pemilu, pemilu_kecil, kampanye = (
        Subjek.objects.create(nama=n) for n in ("Pemilu", "Pemilihan Umum", "Kampanye")
    )
    a, b = buat_produk(berkas=False), buat_produk(berkas=False)
    setel_subjek(a, [pemilu_kecil.nama, kampanye.nama])
    setel_subjek(b, [pemilu.nama, pemilu_kecil.nama])

    konfirmasi = _pilih(admin_client, [pemilu, pemilu_kecil])
    assert konfirmasi.status_code == 200
    html = konfirmasi.content.decode()
    assert "Ejaan yang dipertahankan" in html and "Pemilihan Umum (2 produk hukum)" in html
    assert Subjek.objects.count() == 3  # nothing merged before the confirmation

    respons = _pilih(admin_client, [pemilu, pemilu_kecil], konfirmasi="ya", tujuan=str(pemilu.pk))
    assert respons.status_code == 302
    assert not Subjek.objects.filter(pk=pemilu_kecil.pk).exists()
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.subjek, b.subjek) == ("Kampanye; Pemilu", "Pemilu")
    pesan = [str(m) for m in admin_client.get(respons["Location"]).context["messages"]]
    assert "1 subjek digabung ke 'Pemilu'; 2 produk hukum diperbarui." in pesan


def test_admin_merge_needs_two_subjek(admin_client):
    satu = Subjek.objects.create(nama="Pemilu")
    respons = _pilih(admin_client, [satu])
    assert respons.status_code == 302
    assert Subjek.objects.count() == 1


def test_admin_subjek_list_counts_products_in_constant_queries(
    admin_client, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("admin:documents_subjek_changelist")
    produk = buat_produk(berkas=False)
    setel_subjek(produk, "Pemilu")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        admin_client.get(url)
    sedikit = len(ctx.captured_queries)
    for i in range(10):
        setel_subjek(buat_produk(berkas=False), f"Pemilu; Topik {i}")
    with django_assert_num_queries(sedikit):
        respons = admin_client.get(url)
    assert respons.status_code == 200
    baris_pemilu = next(o for o in respons.context["cl"].result_list if o.nama == "Pemilu")
    assert baris_pemilu.jumlah_produk == 11


def test_admin_change_keeps_the_one_line_subjek_in_sync(admin_client):
    from tests.admin_helpers import formulir_admin

    produk = buat_produk(berkas=False)
    dpt = Subjek.objects.create(nama="DPT")
    url = reverse("admin:documents_produkhukum_change", args=[produk.pk])
    data = formulir_admin(admin_client.get(url))
    data["daftar_subjek"] = [dpt.pk]
    assert admin_client.post(url, data).status_code == 302
    produk.refresh_from_db()
    assert produk.subjek == "DPT"


# --- T.E.U. badan --------------------------------------------------------------


@pytest.mark.parametrize(
    "nama, tingkat, teu",
    [
        (
            "Komisi Pemilihan Umum Republik Indonesia",
            Satker.Tingkat.PUSAT,
            "Indonesia. Komisi Pemilihan Umum",
        ),
        (
            "KPU Provinsi Kalimantan Tengah",
            Satker.Tingkat.PROVINSI,
            "Indonesia. Komisi Pemilihan Umum Provinsi Kalimantan Tengah",
        ),
        (
            "KPU Kabupaten Kotawaringin Timur",
            Satker.Tingkat.KABUPATEN_KOTA,
            "Indonesia. Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
        ),
        (
            "Komisi Pemilihan Umum  Kota Payakumbuh",
            Satker.Tingkat.KABUPATEN_KOTA,
            "Indonesia. Komisi Pemilihan Umum Kota Payakumbuh",
        ),
    ],
)
def test_teu_badan_is_built_from_the_satker(nama, tingkat, teu):
    assert kosakata.teu_badan_satker(nama, tingkat) == teu
    satker = buat_satker(nama, tingkat=tingkat, teu_badan="diketik tangan")
    assert satker.teu_badan == teu
    assert buat_produk(satker, berkas=False).teu_badan == teu


def test_satker_admin_shows_teu_badan_read_only(admin_client):
    satker = buat_satker("KPU Kota Uji Admin")
    html = admin_client.get(
        reverse("admin:documents_satker_change", args=[satker.pk])
    ).content.decode()
    assert "Indonesia. Komisi Pemilihan Umum Kota Uji Admin" in html
    assert 'name="teu_badan"' not in html


# --- values left to map by hand ---------------------------------------------


def test_unmapped_values_are_listed_and_marked_handled_in_admin(admin_client):
    produk = buat_produk(berkas=False)
    nilai = NilaiTakTerpetakan.objects.create(
        produk=produk, kolom="bidang_hukum", nilai="Hukum Kepemiluan"
    )
    url = reverse("admin:documents_nilaitakterpetakan_changelist")
    html = admin_client.get(url).content.decode()
    assert "Hukum Kepemiluan" in html
    assert reverse("admin:documents_produkhukum_change", args=[produk.pk]) in html
    assert admin_client.get(url + "add/").status_code == 403
    admin_client.post(url, {"action": "tandai_selesai", helpers.ACTION_CHECKBOX_NAME: [nilai.pk]})
    nilai.refresh_from_db()
    assert nilai.selesai is True


def test_admin_rename_or_delete_of_a_subjek_updates_the_products(admin_client):
    produk = buat_produk(berkas=False)
    setel_subjek(produk, "Pemilu; Kampanye")
    pemilu = Subjek.objects.get(nama="Pemilu")
    url = reverse("admin:documents_subjek_change", args=[pemilu.pk])
    assert admin_client.post(url, {"nama": "Pemilihan Umum"}).status_code == 302
    produk.refresh_from_db()
    assert sorted(produk.subjek.split("; ")) == ["Kampanye", "Pemilihan Umum"]
    # Another spelling of an existing subjek is refused, not duplicated.
    respons = admin_client.post(url, {"nama": "KAMPANYE"})
    assert respons.context["adminform"].form.errors["__all__"] == ["Subjek ini sudah ada."]
    admin_client.post(
        reverse("admin:documents_subjek_changelist"),
        {
            "action": "delete_selected",
            helpers.ACTION_CHECKBOX_NAME: [Subjek.objects.get(nama="Kampanye").pk],
            "post": "yes",
        },
    )
    produk.refresh_from_db()
    assert produk.subjek == "Pemilihan Umum"
