"""Nothing typed is lost on the prepare page (issue 12 item 2): one button
saves the metadata and hands in, in one transaction; a refused hand-in
keeps the saved metadata and says why; leaving or submitting another form
with unsaved edits asks first (browser)."""

import re

import pytest
from django.test import TestCase
from django.urls import reverse
from playwright.sync_api import expect

from documents.models import ProdukHukum
from tests.alur_helpers import ajukan, ajukan_penurunan, buat_tim, majukan
from tests.factories import pdf_bytes
from tests.publik_helpers import http_polos  # noqa: F401
from workflow import layanan
from workflow.models import Permohonan, Status
from workflow.views_siapkan import simpan_dan_serahkan

BROWSER = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


def _siapkan(client, penurunan=False):
    """A request waiting for its (named) Pengelola, logged in, with the
    prepare page's address and its form data as the page shows it."""
    tim = buat_tim()
    if penurunan:
        p = majukan(ajukan_penurunan(tim), tim, Status.DITURUNKAN)
    else:
        p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    url = reverse("workflow:siapkan", args=[p.pk])
    halaman = client.get(url)
    assert halaman.status_code == 200
    data = {k: v for k, v in halaman.context["meta"].initial.items() if v not in (None, "")}
    data.update(
        jenis=p.produk.jenis_id,
        tanggal_penetapan="2024-02-03",
        subjek="",
        **{"serahkan-status_terlihat": p.status},
    )
    return tim, p, url, data


@pytest.mark.django_db
def test_satu_tombol_menyimpan_metadata_lalu_menyerahkan(client):
    tim, p, url, data = _siapkan(client)
    data.update(
        abstrak="Menetapkan lokasi TPS.",
        simpan_serahkan="1",
        **{"serahkan-catatan": "Mohon diperiksa hari ini."},
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        respons = client.post(url, data)
    assert respons.status_code == 302 and respons["Location"] == p.get_absolute_url()
    p.refresh_from_db()
    assert p.status == Status.DIPERIKSA
    assert ProdukHukum.objects.get(pk=p.produk_id).abstrak == "Menetapkan lokasi TPS."
    aksi = list(p.jejak.order_by("waktu", "id").values_list("aksi", "catatan"))
    assert [a for a, _ in aksi[-2:]] == ["ubah-metadata", "serahkan"]
    assert aksi[-1][1] == "Mohon diperiksa hari ini."
    halaman = client.get(respons["Location"]).content.decode()
    assert "Metadata tersimpan dan produk hukum diserahkan untuk diperiksa." in halaman


@pytest.mark.django_db
def test_penyerahan_ditolak_metadata_tetap_tersimpan_dan_alasannya_tampil(client):
    # A take-down hands in only with its corrected file (step 11).
    tim, p, url, data = _siapkan(client, penurunan=True)
    data.update(abstrak="Abstrak yang diperbaiki.", simpan_serahkan="1")
    respons = client.post(url, data, follow=True)
    p.refresh_from_db()
    assert p.status == Status.DITURUNKAN
    assert ProdukHukum.objects.get(pk=p.produk_id).abstrak == "Abstrak yang diperbaiki."
    assert not p.jejak.filter(aksi="serahkan").exists()
    html = respons.content.decode()
    assert "Metadata tersimpan, tetapi belum dapat diserahkan" in html
    assert "Unggah berkas hasil perbaikan" in html
    assert respons.redirect_chain[-1][0] == url


@pytest.mark.django_db
def test_metadata_tidak_sah_tidak_disimpan_dan_tidak_diserahkan(client):
    tim, p, url, data = _siapkan(client)
    data.update(
        tanggal_penetapan="", abstrak="Ketikan yang tidak boleh hilang", simpan_serahkan="1"
    )
    respons = client.post(url, data)
    assert respons.status_code == 200
    assert "tanggal_penetapan" in respons.context["meta"].errors
    # What was typed comes back in the form.
    assert "Ketikan yang tidak boleh hilang" in respons.content.decode()
    p.refresh_from_db()
    assert p.status == Status.DIDISPOSISI and not p.jejak.filter(aksi="ubah-metadata").exists()


@pytest.mark.django_db
def test_status_terlihat_palsu_tidak_500_metadata_tersimpan(client):
    tim, p, url, data = _siapkan(client)
    data.update(
        abstrak="Tetap tersimpan.",
        simpan_serahkan="1",
        **{"serahkan-status_terlihat": "<script>x</script>" * 2},
    )
    respons = client.post(url, data, follow=True)
    assert respons.status_code == 200
    p.refresh_from_db()
    assert p.status == Status.DIDISPOSISI
    assert ProdukHukum.objects.get(pk=p.produk_id).abstrak == "Tetap tersimpan."
    assert "belum dapat diserahkan" in respons.content.decode()


@pytest.mark.django_db
def test_kegagalan_tak_terduga_saat_menyerahkan_membatalkan_keduanya(client, monkeypatch):
    tim, p, url, data = _siapkan(client)
    data.update(abstrak="Tidak boleh setengah jadi.")
    from workflow.forms_siapkan import MetadataForm, SerahkanForm

    meta = MetadataForm(data, instance=p.produk)
    serahkan = SerahkanForm(data, prefix="serahkan")
    assert meta.is_valid() and serahkan.is_valid()

    def rusak(*a, **kw):
        raise RuntimeError("koneksi surel putus")

    monkeypatch.setattr(layanan, "serahkan", rusak)
    with pytest.raises(RuntimeError):
        simpan_dan_serahkan(tim.pengelola, p, meta, serahkan)
    assert ProdukHukum.objects.get(pk=p.produk_id).abstrak != "Tidak boleh setengah jadi."
    assert not p.jejak.filter(aksi="ubah-metadata").exists()


@pytest.mark.django_db
def test_simpan_saja_tidak_menyerahkan_dan_catatan_tidak_hilang(client):
    tim, p, url, data = _siapkan(client)
    data.update(
        abstrak="Disimpan saja.",
        simpan_metadata="1",
        **{"serahkan-catatan": "Catatan untuk nanti"},
    )
    respons = client.post(url, data)
    assert respons.status_code == 302 and respons["Location"] == url
    p.refresh_from_db()
    assert p.status == Status.DIDISPOSISI
    halaman = client.get(url)
    assert halaman.context["serahkan"]["catatan"].value() == "Catatan untuk nanti"
    # Shown once: a later visit starts empty.
    assert not client.get(url).context["serahkan"]["catatan"].value()


@pytest.mark.django_db
def test_halaman_siapkan_tanpa_form_serahkan_terpisah_dan_semua_form_dijaga(client):
    tim, p, url, data = _siapkan(client)
    html = client.get(url).content.decode()
    assert reverse("workflow:aksi", args=[p.pk, "serahkan"]) not in html
    metadata = re.search(r'<form[^>]*id="form-metadata"[^>]*>(.*?)</form>', html, re.S)
    assert 'data-jaga-perubahan="Metadata produk hukum"' in metadata.group(0)
    isi = metadata.group(1)
    assert 'name="simpan_serahkan"' in isi and 'name="serahkan-catatan"' in isi
    # Enter in a field submits with the first button: saving alone, not handing in.
    assert isi.index('name="simpan_metadata"') < isi.index('name="simpan_serahkan"')
    assert 'data-jaga-perubahan="Berkas PDF"' in html
    assert "js/jaga-perubahan.js" in html


@pytest.mark.django_db
def test_pengusul_tidak_dapat_memakai_tombol_simpan_dan_serahkan(client):
    tim, p, url, data = _siapkan(client)
    client.force_login(tim.pengusul)
    respons = client.post(url, {**data, "simpan_serahkan": "1"})
    assert respons.status_code == 403
    p.refresh_from_db()
    assert p.status == Status.DIDISPOSISI


# --- in the browser -----------------------------------------------------------


def _masuk_siapkan(page, live_server, tim, p):
    from tests.test_workflow_browser import masuk

    masuk(page, live_server, tim.pengelola)
    page.goto(f"{live_server.url}{reverse('workflow:siapkan', args=[p.pk])}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_browser_pengelola_mengetik_lalu_simpan_dan_serahkan(page, live_server):
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    _masuk_siapkan(page, live_server, tim, p)
    page.fill("#id_abstrak", "Menetapkan lokasi TPS Pemilihan Bupati.")
    page.fill("#id_tanggal_penetapan", "2024-04-30")
    page.fill("#id_serahkan-catatan", "Siap diperiksa.")
    page.get_by_role("button", name="Simpan dan serahkan ke Kasubbag untuk diperiksa").click()
    expect(page.get_by_text("Metadata tersimpan dan produk hukum diserahkan")).to_be_visible()
    expect(page.locator(".lencana").first).to_have_text("Diperiksa (koreksi)")
    p = Permohonan.objects.select_related("produk").get(pk=p.pk)
    assert p.status == Status.DIPERIKSA
    assert p.produk.abstrak == "Menetapkan lokasi TPS Pemilihan Bupati."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_browser_perubahan_belum_disimpan_ditanyakan_sebelum_pergi_atau_unggah(
    page, live_server, tmp_path
):
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    _masuk_siapkan(page, live_server, tim, p)
    url = page.url
    dialog = []

    def tolak(d):
        dialog.append((d.type, d.message))
        d.dismiss()

    page.on("dialog", tolak)
    # Typed with the keyboard: browsers ask before unload only after the user interacted.
    page.click("#id_abstrak")
    # The draft abstrak read from the document may be there already (issue 14).
    page.keyboard.press("Control+A")
    page.keyboard.type("Ketikan yang belum disimpan")

    # 1. Leaving by a link asks; dismissing stays with the text.
    page.get_by_role("link", name=f"Permohonan #{p.pk}").click()
    page.wait_for_timeout(500)
    assert [t for t, _ in dialog] == ["beforeunload"]
    assert page.url == url
    expect(page.locator("#id_abstrak")).to_have_value("Ketikan yang belum disimpan")

    # 2. Uploading a file while the metadata has unsaved edits asks, naming the form.
    berkas = tmp_path / "pindaian.pdf"
    berkas.write_bytes(pdf_bytes(judul="Pindaian lebih baik"))
    page.set_input_files("#id_berkas", str(berkas))
    page.get_by_role("button", name="Unggah berkas").click()
    page.wait_for_timeout(300)
    assert dialog[-1][0] == "confirm" and "Metadata produk hukum" in dialog[-1][1]
    assert page.url == url
    assert p.produk.versi.count() == 1
    expect(page.locator("#id_abstrak")).to_have_value("Ketikan yang belum disimpan")

    # 3. Accepting lets the upload go, without a second question on unload.
    page.remove_listener("dialog", tolak)
    diterima = []

    def terima(d):
        diterima.append(d.type)
        d.accept()

    page.on("dialog", terima)
    page.get_by_role("button", name="Unggah berkas").click()
    expect(page.get_by_text("Berkas tersimpan sebagai versi 2.")).to_be_visible()
    assert diterima == ["confirm"]

    # 4. Saving the metadata itself asks nothing.
    page.fill("#id_abstrak", "Abstrak tersimpan.")
    page.fill("#id_tanggal_penetapan", "2024-04-30")
    page.get_by_role("button", name="Simpan metadata").click()
    expect(page.get_by_text("Metadata produk hukum tersimpan.")).to_be_visible()
    assert diterima == ["confirm"]
