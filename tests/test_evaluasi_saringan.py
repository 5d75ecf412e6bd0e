"""The evaluation page's period and filters (issue 12 item 8): dates the
browser's date input shows and sends back, filters by procedure, step and
person (of the chosen Satker only), the CSV with the same filters, and a
form error (never a 500) for a hostile value."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.alur_helpers import ajukan, buat_pengguna, buat_tim, geser_waktu_jejak, majukan
from tests.factories import buat_satker
from tests.publik_helpers import http_polos  # noqa: F401
from workflow.models import PROSEDUR_UNGGAH, Status

URL = "/staf/evaluasi/"


def _diserahkan(tim, menit_disposisi=5, menit_siapkan=30):
    """A request handed in: disposisi by the Kasubbag, siapkan by the Pengelola."""
    p = majukan(ajukan(tim), tim, Status.DIPERIKSA)
    awal = timezone.now() - timedelta(hours=3)
    geser_waktu_jejak(p.jejak.filter(aksi="ajukan"), awal)
    geser_waktu_jejak(p.jejak.filter(aksi="disposisi"), awal + timedelta(minutes=menit_disposisi))
    geser_waktu_jejak(
        p.jejak.filter(aksi="serahkan"),
        awal + timedelta(minutes=menit_disposisi + menit_siapkan),
    )
    return p


def _q(tim, **kw):
    hari_ini = timezone.localdate().isoformat()
    return {"satker": tim.satker.pk, "dari": hari_ini, "sampai": hari_ini, **kw}


def _baris(respons):
    return {b.tahap.kode: b for b in respons.context["baris"]}


@pytest.mark.django_db
def test_tanggal_awal_tampil_dalam_format_input_date(client):
    tim = buat_tim()
    client.force_login(tim.kasubbag)
    html = client.get(URL).content.decode()
    hari_ini = timezone.localdate()
    awal = hari_ini - timedelta(days=182)
    assert f'type="date" name="dari" value="{awal.isoformat()}"' in html
    assert f'type="date" name="sampai" value="{hari_ini.isoformat()}"' in html


@pytest.mark.django_db
def test_tanggal_iso_diterima_kembali_dan_tampil_lagi(client):
    tim = buat_tim()
    client.force_login(tim.kasubbag)
    respons = client.get(
        URL, {"satker": tim.satker.pk, "dari": "2024-01-05", "sampai": "2024-02-29"}
    )
    assert respons.status_code == 200 and respons.context["form"].is_valid()
    html = respons.content.decode()
    assert 'value="2024-01-05"' in html and 'value="2024-02-29"' in html
    assert "5 Januari 2024 s.d. 29 Februari 2024" in html


@pytest.mark.django_db
def test_saring_langkah_hanya_baris_itu_dan_csv_sama(client):
    tim = buat_tim()
    _diserahkan(tim)
    client.force_login(tim.kasubbag)
    respons = client.get(URL, _q(tim, tahap="unggah:siapkan"))
    assert list(_baris(respons)) == ["siapkan"]
    assert _baris(respons)["siapkan"].median == timedelta(minutes=30)
    assert "Disaring: langkah" in respons.content.decode()
    csv_respons = client.get(URL, _q(tim, tahap="unggah:siapkan", format="csv"))
    baris = list(csv.reader(io.StringIO(csv_respons.content.decode("utf-8-sig"))))
    assert [b[0] for b in baris[1:]] == ["Langkah 3–4"]
    assert "-siapkan" in csv_respons["Content-Disposition"]


@pytest.mark.django_db
def test_saring_orang_hanya_langkah_yang_diselesaikannya(client):
    tim = buat_tim()
    _diserahkan(tim)
    client.force_login(tim.kasubbag)
    per_kasubbag = _baris(client.get(URL, _q(tim, orang=tim.kasubbag.pk)))
    assert per_kasubbag["disposisi"].jumlah == 1 and per_kasubbag["siapkan"].jumlah == 0
    per_pengelola = _baris(client.get(URL, _q(tim, orang=tim.pengelola.pk)))
    assert per_pengelola["disposisi"].jumlah == 0 and per_pengelola["siapkan"].jumlah == 1
    csv_respons = client.get(URL, _q(tim, orang=tim.pengelola.pk, format="csv"))
    baris = list(csv.reader(io.StringIO(csv_respons.content.decode("utf-8-sig"))))
    jumlah = {b[0]: b[2] for b in baris[1:]}
    assert jumlah["Langkah 1–2"] == "0" and jumlah["Langkah 3–4"] == "1"


@pytest.mark.django_db
def test_daftar_orang_hanya_dari_satker_yang_dipilih(client):
    tim = buat_tim()
    lain = buat_tim(buat_satker(nama="KPU Kota Lain", slug="kota-lain"))
    admin = buat_pengguna("admin-evaluasi", is_superuser=True, is_staff=True)
    client.force_login(admin)
    for sendiri, asing in ((tim, lain), (lain, tim)):
        respons = client.get(URL, _q(sendiri))
        pilihan = {u.pk for u in respons.context["form"].fields["orang"].queryset}
        assert {sendiri.pengelola.pk, sendiri.kasubbag.pk} <= pilihan
        assert not pilihan & {asing.pengelola.pk, asing.kasubbag.pk, asing.pengusul.pk}
        assert asing.pengelola.username not in respons.content.decode()
    # Another Satker's person with this Satker chosen is an error, not a silent empty table.
    respons = client.get(URL, _q(tim, orang=lain.pengelola.pk))
    assert "orang" in respons.context["form"].errors and "baris" not in respons.context


@pytest.mark.django_db
def test_kasubbag_tidak_melihat_orang_satker_lain_bahkan_tanpa_parameter(client):
    tim, lain = buat_tim(), buat_tim()
    client.force_login(tim.kasubbag)
    html = client.get(URL).content.decode()
    assert tim.pengelola.username in html
    assert lain.pengelola.username not in html and lain.kasubbag.username not in html


@pytest.mark.django_db
def test_langkah_prosedur_lain_ditolak_dengan_pesan(client):
    tim = buat_tim()
    client.force_login(tim.kasubbag)
    respons = client.get(URL, _q(tim, prosedur="unggah", tahap="konten:koreksi"))
    assert "bukan bagian dari prosedur" in respons.context["form"].errors["tahap"][0]
    ok = client.get(URL, _q(tim, prosedur="konten", tahap="konten:koreksi"))
    assert list(_baris(ok)) == ["koreksi"]


JAHAT = [
    {"satker": "abc"},
    {"satker": "9" * 40},
    {"satker": "-1"},
    {"satker": "1\x00"},
    {"prosedur": "tidak-ada"},
    {"prosedur": "unggah\x00"},
    {"dari": "2024-13-45"},
    {"dari": "99999-01-01"},
    {"sampai": "0001-01-01"},
    {"dari": "' OR 1=1 --"},
    {"tahap": "unggah:tidak-ada"},
    {"tahap": ":::"},
    {"tahap": "x" * 5000},
    {"orang": "abc"},
    {"orang": "9" * 40},
    {"orang": "-5"},
    {"orang": "1.5"},
    {"satker": "", "orang": "1"},
]


@pytest.mark.django_db
def test_nilai_jahat_menjadi_galat_formulir_bukan_500(client):
    tim = buat_tim()
    _diserahkan(tim)
    client.force_login(tim.kasubbag)
    for jahat in JAHAT:
        for tambahan in ({}, {"format": "csv"}):
            respons = client.get(URL, {**_q(tim), **jahat, **tambahan})
            assert respons.status_code == 200, jahat
            assert respons["Content-Type"].startswith("text/html"), jahat
            assert respons.context["form"].errors, jahat


# --- in the browser -----------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_browser_tanggal_terlihat_dan_saringan_mengubah_tabel(page, live_server):
    from tests.test_workflow_browser import masuk

    tim = buat_tim()
    _diserahkan(tim)
    masuk(page, live_server, tim.kasubbag)
    page.get_by_role("link", name="Evaluasi SOP").click()
    hari_ini = timezone.localdate()
    expect(page.locator("#id_dari")).to_have_value((hari_ini - timedelta(days=182)).isoformat())
    expect(page.locator("#id_sampai")).to_have_value(hari_ini.isoformat())
    tabel = page.locator("table.evaluasi tbody tr")
    expect(tabel).to_have_count(len(PROSEDUR_UNGGAH.tahap))
    expect(page.get_by_text("Jumlah: 1")).to_be_visible()

    # A period before the request: nothing counted.
    page.fill("#id_dari", "2024-01-01")
    page.fill("#id_sampai", "2024-01-31")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.locator("#id_dari")).to_have_value("2024-01-01")
    expect(page.get_by_text("Jumlah: 0")).to_be_visible()

    # Back to today, one step and one person.
    page.fill("#id_dari", hari_ini.isoformat())
    page.fill("#id_sampai", hari_ini.isoformat())
    page.select_option("#id_tahap", "unggah:siapkan")
    page.select_option("#id_orang", str(tim.pengelola.pk))
    page.get_by_role("button", name="Tampilkan").click()
    expect(tabel).to_have_count(1)
    expect(tabel.first).to_contain_text("Menyiapkan dan menyerahkan produk hukum")
    expect(tabel.first.locator("td").nth(2)).to_have_text("1")
    csv_tautan = page.get_by_role("link", name="Unduh CSV")
    expect(csv_tautan).to_have_attribute("href", _cocok_csv(tim))

    # Someone who did not prepare it: the same step, counted zero times.
    page.select_option("#id_orang", str(tim.kasubbag.pk))
    page.get_by_role("button", name="Tampilkan").click()
    expect(tabel.first.locator("td").nth(2)).to_have_text("0")


def _cocok_csv(tim):
    import re

    return re.compile(rf"tahap=unggah%3Asiapkan&orang={tim.pengelola.pk}&format=csv$")


def test_url_evaluasi():
    assert reverse("workflow:evaluasi") == URL
