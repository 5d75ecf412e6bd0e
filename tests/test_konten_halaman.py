"""The sop 004 pages under /staf/konten/ through the test client: the
disposisi form, the concept editor with its images and cards, the changes
between rounds, the step forms, the calendar, and who sees what."""

import struct
import zlib
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from documents.models import KontenTerbit
from tests.konten_helpers import (
    TAUTAN,
    S,
    buat_tim_konten,
    disposisi,
    gambar_unggahan,
    majukan,
    png_bytes,
    simpan_konsep,
)
from workflow.konten import layanan
from workflow.konten.models import GambarKonten, KontenMedsos, TautanUnggahan

pytestmark = pytest.mark.django_db
DAFTAR = reverse("workflow:konten-daftar")
BARU = reverse("workflow:konten-baru")
KALENDER = reverse("workflow:konten-kalender")


def url(nama, k, *args):
    return reverse(f"workflow:{nama}", args=[k.pk, *args])


def _data_disposisi(tim, **kw):
    return {
        "satker": tim.satker.pk,
        "staf": tim.staf.pk,
        "jenis_konten": "infografis",
        "judul": "Infografis DPT Pemilu 2029",
        "petunjuk": "Ringkas penetapan DPT untuk Instagram dan Facebook.",
        "nota_nomor": "15/HK.06-ND/2029",
        "nota_tanggal": timezone.localdate().isoformat(),
        "tanggal_rencana": (timezone.localdate() + timedelta(days=3)).isoformat(),
        **kw,
    }


def _data_konsep(tim, k, gambar, **kw):
    return {
        "jenis_konten": "infografis",
        "judul": "Infografis DPT Pemilu 2029",
        "platform": ["instagram", "facebook"],
        "caption": "Daftar Pemilih Tetap telah ditetapkan.\r\nCek namamu di cekdptonline!",
        "tagar": "#KPU #JDIH",
        "video_url": "",
        "tanggal_rencana": "",
        "produk": [tim.produk.pk],
        "gambar": [g.pk for g in gambar],
        "catatan": "",
        **kw,
    }


def _berkas_media(settings):
    akar = settings.MEDIA_ROOT
    return [p for p in akar.rglob("*") if p.is_file()] if akar.exists() else []


def _png_bom(lebar=30_000, tinggi=30_000) -> bytes:
    """A tiny PNG whose header claims a huge picture (a decompression bomb)."""

    def potong(jenis, data):
        isi = jenis + data
        return struct.pack(">I", len(data)) + isi + struct.pack(">I", zlib.crc32(isi))

    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + potong(b"IHDR", ihdr)
        + potong(b"IDAT", zlib.compress(b"\x00" * 1024))
        + potong(b"IEND", b"")
    )


# --- disposisi ---------------------------------------------------------------------------


def test_kabag_gives_the_disposisi_through_the_form(client):
    tim = buat_tim_konten()
    tim.staf.first_name, tim.staf.last_name = "Rina", "Lestari"
    tim.staf.save()
    client.force_login(tim.kabag)
    halaman = client.get(BARU)
    assert halaman.status_code == 200
    teks = halaman.content.decode()
    assert "Rina Lestari" in teks and 'type="date"' in teks
    assert tim.pengelola.username not in teks  # only Staf JDIH are offered
    respons = client.post(BARU, _data_disposisi(tim))
    k = KontenMedsos.objects.get()
    assert respons.status_code == 302 and respons["Location"] == k.get_absolute_url()
    assert (k.staf, k.diajukan_oleh, k.status) == (tim.staf, tim.kabag, S.DIDISPOSISI)
    assert k.nota_nomor == "15/HK.06-ND/2029"
    assert k.tanggal_rencana == timezone.localdate() + timedelta(days=3)
    assert k.jejak.filter(aksi="disposisi", oleh=tim.kabag).count() == 1


@pytest.mark.parametrize(
    "ubah,field",
    [
        ({"staf": "lain"}, "staf"),
        ({"staf": "pengelola"}, "staf"),
        ({"staf": "kabag"}, "staf"),
        ({"satker": "lain"}, "satker"),
        ({"nota_tanggal": "2029-02-30"}, "nota_tanggal"),
        ({"nota_tanggal": "kemarin"}, "nota_tanggal"),
        ({"nota_tanggal": "besok"}, "nota_tanggal"),
        ({"tanggal_rencana": "sebelum"}, "tanggal_rencana"),
        ({"jenis_konten": "<script>"}, "jenis_konten"),
        ({"nota_nomor": "   "}, "nota_nomor"),
    ],
)
def test_disposisi_form_refuses_bad_values(client, ubah, field):
    tim, lain = buat_tim_konten(), buat_tim_konten()
    hari_ini = timezone.localdate()
    nilai = {
        "lain": lain.staf.pk,
        "pengelola": tim.pengelola.pk,
        "kabag": tim.kabag.pk,
        "besok": (hari_ini + timedelta(days=1)).isoformat(),
        "sebelum": (hari_ini - timedelta(days=2)).isoformat(),
    }
    data = {k: nilai.get(v, v) for k, v in ubah.items()}
    if data.get("satker") == "lain":
        data["satker"] = lain.satker.pk
    client.force_login(tim.kabag)
    respons = client.post(BARU, _data_disposisi(tim, **data))
    assert respons.status_code == 200
    assert field in respons.context["form"].errors, respons.context["form"].errors
    assert not KontenMedsos.objects.exists()


def test_disposisi_page_is_for_the_kepala_bagian_only(client):
    tim = buat_tim_konten()
    for user in (tim.staf, tim.kasubbag, tim.pengusul):
        client.force_login(user)
        assert client.get(BARU).status_code == 403
        assert client.post(BARU, _data_disposisi(tim)).status_code == 403
    assert not KontenMedsos.objects.exists()
    client.logout()
    assert client.get(BARU).status_code == 302


def test_a_kabag_of_two_offices_picks_a_staf_of_the_chosen_office(client):
    from workflow.penugasan import tetapkan_peran
    from workflow.peran import Peran

    tim, lain = buat_tim_konten(), buat_tim_konten()
    tetapkan_peran(tim.kabag, lain.satker, Peran.KEPALA_BAGIAN)
    client.force_login(tim.kabag)
    teks = client.get(BARU).content.decode()
    assert "<optgroup" in teks and lain.satker.nama in teks
    respons = client.post(BARU, _data_disposisi(tim, staf=lain.staf.pk))
    assert "Staf ini bukan Staf JDIH satker yang dipilih." in respons.context["form"].errors["staf"]
    assert client.post(BARU, _data_disposisi(lain, staf=lain.staf.pk)).status_code == 302
    assert KontenMedsos.objects.get().satker == lain.satker


# --- the editor ---------------------------------------------------------------------------


def test_staf_uploads_an_image_and_saves_revisions_in_the_editor(client):
    tim = buat_tim_konten()
    k = disposisi(tim)
    client.force_login(tim.staf)
    halaman = client.get(url("konten-konsep", k))
    assert halaman.status_code == 200 and halaman.context["boleh"]
    assert "Belum ada gambar" in halaman.content.decode()
    respons = client.post(
        url("konten-gambar", k), {"unggah-berkas": gambar_unggahan(nama="dpt.png")}
    )
    assert respons.status_code == 302 and respons["Location"].endswith("/konsep/#gambar")
    g = GambarKonten.objects.get(konten=k)
    # The new image is ticked in the editor, with its thumbnail.
    halaman = client.get(url("konten-konsep", k))
    teks = halaman.content.decode()
    assert f'value="{g.pk}" checked' in teks
    assert url("konten-gambar-berkas", k, g.pk) in teks
    assert 'data-batas="280"' in teks  # the counter knows X's limit

    respons = client.post(url("konten-konsep", k), _data_konsep(tim, k, [g]))
    assert respons.status_code == 302 and respons["Location"] == k.get_absolute_url()
    r = k.revisi.get()
    assert r.revisi == 1 and list(r.gambar.all()) == [g]
    assert r.caption == "Daftar Pemilih Tetap telah ditetapkan.\nCek namamu di cekdptonline!"
    assert r.platform == ["facebook", "instagram"]

    # GET shows the latest revision's values; a second save keeps the first.
    halaman = client.get(url("konten-konsep", k))
    assert halaman.context["form"].initial["caption"] == r.caption
    assert halaman.context["form"].initial["produk"] == [tim.produk.pk]
    client.post(
        url("konten-konsep", k),
        _data_konsep(tim, k, [g], caption="Cek DPT sekarang.", catatan="Lebih singkat"),
    )
    assert list(k.revisi.values_list("revisi", "caption")) == [
        (1, r.caption),
        (2, "Cek DPT sekarang."),
    ]


def test_editor_shows_the_caption_over_x_limit_and_saves_nothing(client):
    tim = buat_tim_konten()
    k = disposisi(tim)
    g = layanan.tambah_gambar(tim.staf, k, gambar_unggahan())
    client.force_login(tim.staf)
    respons = client.post(
        url("konten-konsep", k), _data_konsep(tim, k, [g], caption="a" * 300, platform=["x"])
    )
    assert respons.status_code == 200
    assert (
        "melebihi batas X (Twitter) (280 karakter)" in respons.context["form"].errors["caption"][0]
    )
    teks = respons.content.decode()
    assert '<li class="lebih">X (Twitter): 300 / 280 karakter — lebih 20</li>' in teks
    assert not k.revisi.exists()


def test_editor_offers_only_the_offices_published_products(client):
    from tests.factories import buat_produk

    tim, lain = buat_tim_konten(), buat_tim_konten()
    draf = buat_produk(tim.satker, terbit=False, berkas=False, judul="Draf belum terbit")
    k = disposisi(tim)
    g = layanan.tambah_gambar(tim.staf, k, gambar_unggahan())
    client.force_login(tim.staf)
    pilihan = list(client.get(url("konten-konsep", k)).context["form"].fields["produk"].queryset)
    assert pilihan == [tim.produk]
    for produk in (draf, lain.produk):
        respons = client.post(
            url("konten-konsep", k), _data_konsep(tim, k, [g], produk=[produk.pk])
        )
        assert "produk" in respons.context["form"].errors
    assert not k.revisi.exists()


def test_editor_is_read_only_for_others_and_refuses_their_posts(client):
    tim = buat_tim_konten()
    k = disposisi(tim)
    g = layanan.tambah_gambar(tim.staf, k, gambar_unggahan())
    client.force_login(tim.kasubbag)
    halaman = client.get(url("konten-konsep", k))
    assert halaman.status_code == 200 and not halaman.context["boleh"]
    assert "data-jaga-perubahan" not in halaman.content.decode()
    for user in (tim.kasubbag, tim.kabag, tim.staf2):
        client.force_login(user)
        assert client.post(url("konten-konsep", k), _data_konsep(tim, k, [g])).status_code == 403
        assert (
            client.post(url("konten-gambar", k), {"unggah-berkas": gambar_unggahan()}).status_code
            == 403
        )
    assert not k.revisi.exists() and k.gambar.count() == 1


@pytest.mark.parametrize(
    "berkas,pesan",
    [
        (b"%PDF-1.7 bukan gambar", "bukan gambar yang dapat dibaca"),
        (png_bytes()[:60], "bukan gambar yang dapat dibaca"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * (10 * 1024 * 1024 + 1), "melebihi batas"),
        (_png_bom(), "mengembang terlalu besar"),
        (_png_bom(9000, 4000), "Dimensi gambar 9000×4000 piksel terlalu besar"),
        (_png_bom(7000, 7000), "Dimensi gambar 7000×7000 piksel terlalu besar"),
        (png_bytes(60, 60), "terlalu kecil"),
        (png_bytes(format="GIF"), "harus PNG, JPEG, atau WebP"),
    ],
    ids=["pdf", "terpotong", "terlalu-besar", "bom", "sisi", "piksel", "kecil", "gif"],
)
def test_image_upload_refuses_bad_files_in_indonesian_and_stores_nothing(
    client, settings, berkas, pesan
):
    tim = buat_tim_konten()
    k = disposisi(tim)
    client.force_login(tim.staf)
    sebelum = _berkas_media(settings)
    respons = client.post(
        url("konten-gambar", k),
        {"unggah-berkas": SimpleUploadedFile("gambar.png", berkas, content_type="image/png")},
    )
    assert respons.status_code == 400
    galat = respons.context["form_gambar"].errors["berkas"][0]
    assert pesan in galat, galat
    assert 'id="id_unggah-berkas-galat"' in respons.content.decode()
    assert not GambarKonten.objects.exists()
    assert _berkas_media(settings) == sebelum
    assert not k.jejak.filter(aksi="unggah-gambar").exists()


def test_card_button_draws_a_card_from_a_published_product(client):
    pytest.importorskip("documents.kartu")
    tim = buat_tim_konten()
    k = disposisi(tim)
    client.force_login(tim.staf)
    halaman = client.get(url("konten-konsep", k)).content.decode()
    assert "Buat kartu dari produk hukum" in halaman
    respons = client.post(
        url("konten-kartu", k), {"kartu-produk": tim.produk.pk, "kartu-ukuran": "persegi"}
    )
    assert respons.status_code == 302, respons.content.decode()[:2000]
    g = GambarKonten.objects.get(konten=k)
    assert g.kartu_produk == tim.produk and g.format == "PNG"
    berkas = client.get(url("konten-gambar-berkas", k, g.pk))
    assert berkas.status_code == 200 and berkas["Content-Type"] == "image/png"
    # Unknown size or another office's product: the form says so, nothing drawn.
    lain = buat_tim_konten()
    for data in (
        {"kartu-produk": tim.produk.pk, "kartu-ukuran": "raksasa"},
        {"kartu-produk": lain.produk.pk, "kartu-ukuran": "persegi"},
    ):
        assert client.post(url("konten-kartu", k), data).status_code == 400
    assert GambarKonten.objects.filter(konten=k).count() == 1


# --- detail, changes between rounds, steps -------------------------------------------------


def test_detail_shows_the_concept_as_it_will_be_posted(client):
    tim = buat_tim_konten()
    k = disposisi(tim)
    r = simpan_konsep(tim, k, platform=["instagram", "x"], caption="Cek DPT!")
    client.force_login(tim.kasubbag)
    respons = client.get(k.get_absolute_url())
    teks = respons.content.decode()
    assert respons.status_code == 200
    assert "15/HK.06-ND/2029" in teks and "Buat infografis DPT" in teks
    assert "<li>Instagram: 8 / 2200 karakter</li>" in teks
    assert "<li>X (Twitter): 8 / 280 karakter</li>" in teks
    assert f'href="{tim.produk.get_absolute_url()}"' in teks
    assert url("konten-gambar-berkas", k, r.gambar.get().pk) in teks
    assert 'id="teks-caption">Cek DPT!</p>' in teks
    # Not his step yet: the Kasubbag has no actions before the concept is handed in.
    assert respons.context["aksi"] == []


def test_detail_offers_each_role_its_step(client):
    tim = buat_tim_konten()
    k = disposisi(tim)
    client.force_login(tim.staf)
    respons = client.get(k.get_absolute_url())
    teks = respons.content.decode()
    assert "Susun konsep konten" in teks
    assert "Belum dapat dilakukan: Simpan konsep konten" in teks
    client.force_login(tim.staf2)
    assert "Tindakan Anda" not in client.get(k.get_absolute_url()).content.decode()
    k = majukan(k, tim, S.DIKOREKSI)
    client.force_login(tim.kasubbag)
    kode = [a[0] for a in client.get(k.get_absolute_url()).context["aksi"]]
    assert kode == ["setujui", "kembalikan"]
    k = majukan(k, tim, S.DISETUJUI)
    client.force_login(tim.kabag)
    kode = [a[0] for a in client.get(k.get_absolute_url()).context["aksi"]]
    assert kode == ["perintahkan_unggah", "batalkan"]
    k = majukan(k, tim, S.SIAP_UNGGAH)
    client.force_login(tim.staf)
    teks = client.get(k.get_absolute_url()).content.decode()
    assert 'name="unggah-tautan_facebook"' in teks and 'name="unggah-tautan_instagram"' in teks
    assert 'name="unggah-tautan_x"' not in teks


def test_kasubbag_sees_what_changed_since_the_last_round(client):
    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.DIKOREKSI)
    k = layanan.kembalikan(tim.kasubbag, k, catatan="Sebutkan tanggal penetapan DPT.")
    g = k.revisi_terbaru().gambar.get()
    client.force_login(tim.staf)
    client.post(
        url("konten-konsep", k),
        _data_konsep(tim, k, [g], caption="DPT Pemilu 2029 ditetapkan 1 Maret. Cek namamu!"),
    )
    k = layanan.serahkan(tim.staf, k)
    client.force_login(tim.kasubbag)
    detail = client.get(k.get_absolute_url()).content.decode()
    assert "Lihat perubahan sejak putaran sebelumnya" in detail
    assert "Sebutkan tanggal penetapan DPT." in detail
    respons = client.get(url("konten-perubahan", k))
    assert respons.status_code == 200
    assert (respons.context["a"].revisi, respons.context["b"].revisi) == (1, 2)
    teks = respons.content.decode()
    assert "Perubahan sejak putaran sebelumnya" in teks
    bidang = {b.label: b.berubah for b in respons.context["bidang"]}
    assert bidang["Keterangan (caption)"] and not bidang["Produk hukum"]
    assert "<ins>" in teks and "<del>" in teks and "1 Maret" in teks
    assert "Sebutkan tanggal penetapan DPT." in teks
    # Choosing the pair; hostile values are "not found", never an error.
    assert client.get(url("konten-perubahan", k), {"a": 2, "b": 2}).context["a"].revisi == 2
    for nilai in ("abc", "0", "99", "-1", "1e3", "١", "9" * 40, "1 OR 1=1"):
        assert client.get(url("konten-perubahan", k), {"a": nilai}).status_code == 404, nilai
        assert client.get(url("konten-perubahan", k), {"b": nilai}).status_code == 404, nilai


@pytest.mark.parametrize(
    "tautan,galat",
    [
        ({"instagram": "http://www.instagram.com/p/C4xYz12AbCd/"}, "diawali https://"),
        ({"instagram": "https://www.facebook.com/kpu/posts/1"}, "bukan tautan Instagram"),
        ({"facebook": "https://www.instagram.com/p/C4xYz12AbCd/"}, "bukan tautan Facebook"),
        ({"instagram": "https://evil.example/instagram.com/p/1"}, "bukan tautan Instagram"),
        ({"instagram": "https://www.instagram.com/"}, "bukan beranda"),
    ],
)
def test_unggah_with_a_wrong_link_shows_the_field_error_and_records_nothing(client, tautan, galat):
    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.SIAP_UNGGAH)
    client.force_login(tim.staf)
    data = {f"unggah-tautan_{p}": u for p, u in {**TAUTAN, **tautan}.items()}
    respons = client.post(
        url("konten-aksi", k, "unggah"), {**data, "unggah-status_terlihat": S.SIAP_UNGGAH}
    )
    assert respons.status_code == 200
    (platform,) = tautan
    pesan = respons.context["form"].errors[f"tautan_{platform}"][0]
    assert galat in pesan
    assert f'id="id_unggah-tautan_{platform}-galat"' in respons.content.decode()
    k.refresh_from_db()
    assert k.status == S.SIAP_UNGGAH and k.terbit_id is None
    assert not TautanUnggahan.objects.exists() and not KontenTerbit.objects.exists()


def test_unggah_form_records_the_links_and_publishes(client):
    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.SIAP_UNGGAH)
    client.force_login(tim.staf)
    respons = client.post(
        url("konten-aksi", k, "unggah"),
        {
            **{f"unggah-tautan_{p}": u for p, u in TAUTAN.items()},
            "unggah-status_terlihat": S.SIAP_UNGGAH,
        },
    )
    assert respons.status_code == 302
    k.refresh_from_db()
    assert k.status == S.DIUNGGAH and k.terbit.tautan == TAUTAN
    teks = client.get(k.get_absolute_url()).content.decode()
    assert TAUTAN["instagram"] in teks and TAUTAN["facebook"] in teks


def test_step_forms_need_their_fields_and_the_right_role(client):
    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.DIKOREKSI)
    client.force_login(tim.kasubbag)
    respons = client.post(
        url("konten-aksi", k, "kembalikan"),
        {"kembalikan-catatan": " ", "kembalikan-status_terlihat": S.DIKOREKSI},
    )
    assert respons.status_code == 200
    assert respons.context["form"].errors["catatan"] == ["Catatan koreksi wajib diisi."]
    # Wrong role: 403, nothing changes.
    client.force_login(tim.kabag)
    respons = client.post(
        url("konten-aksi", k, "setujui"), {"setujui-status_terlihat": "dikoreksi"}
    )
    assert respons.status_code == 403
    client.force_login(tim.staf)
    assert client.post(url("konten-aksi", k, "setujui"), {}).status_code == 403
    k.refresh_from_db()
    assert k.status == S.DIKOREKSI
    # A stale page is told what happened, not obeyed.
    client.force_login(tim.kasubbag)
    client.post(url("konten-aksi", k, "setujui"), {"setujui-status_terlihat": S.DIKOREKSI})
    respons = client.post(
        url("konten-aksi", k, "kembalikan"),
        {"kembalikan-catatan": "x", "kembalikan-status_terlihat": S.DIKOREKSI},
        follow=True,
    )
    assert "baru saja diproses" in respons.content.decode()
    k.refresh_from_db()
    assert k.status == S.DISETUJUI
    # The Kepala Bagian's order needs a Nota Dinas dated today or before.
    client.force_login(tim.kabag)
    besok = (timezone.localdate() + timedelta(days=1)).isoformat()
    respons = client.post(
        url("konten-aksi", k, "perintahkan_unggah"),
        {
            "perintahkan_unggah-nota_nomor": "16/ND/2029",
            "perintahkan_unggah-nota_tanggal": besok,
            "perintahkan_unggah-status_terlihat": S.DISETUJUI,
        },
    )
    assert "nota_tanggal" in respons.context["form"].errors
    assert client.get(url("konten-aksi", k, "hapus-semua")).status_code == 404
    # Cancelling asks for a reason and a tick.
    respons = client.post(
        url("konten-aksi", k, "batalkan"),
        {"batalkan-alasan": "Tidak jadi", "batalkan-status_terlihat": S.DISETUJUI},
    )
    assert "konfirmasi" in respons.context["form"].errors
    k.refresh_from_db()
    assert k.status == S.DISETUJUI


# --- calendar -----------------------------------------------------------------------------


def test_calendar_shows_planned_and_posted_content_and_marks_overdue(client):
    tim = buat_tim_konten()
    hari_ini = timezone.localdate()
    tepat = disposisi(tim, judul="Konten tepat waktu", tanggal_rencana=hari_ini)
    lambat = disposisi(tim, judul="Konten yang terlambat", tanggal_rencana=hari_ini)
    KontenMedsos.objects.filter(pk=lambat.pk).update(
        status_sejak=timezone.now() - timedelta(hours=3)
    )
    terbit = majukan(disposisi(tim, judul="Konten sudah tayang"), tim, S.DIUNGGAH)
    batal = disposisi(tim, judul="Konten yang dibatalkan", tanggal_rencana=hari_ini)
    layanan.batalkan(tim.kabag, batal, alasan="Tidak relevan")
    client.force_login(tim.kabag)
    respons = client.get(KALENDER, {"bulan": f"{hari_ini:%Y-%m}"})
    assert respons.status_code == 200
    teks = respons.content.decode()
    for k in (tepat, lambat, terbit):
        assert f'href="{k.get_absolute_url()}"' in teks, k.judul
    assert "Konten yang dibatalkan" not in teks
    assert teks.count('class="item-kalender terlambat"') == 1
    assert "1 melewati mutu baku" in teks
    hari = {h["tanggal"]: h for pekan in respons.context["minggu"] for h in pekan}
    item = {i.konten.pk: i for i in hari[hari_ini]["item"]}
    assert item[lambat.pk].terlambat and not item[tepat.pk].terlambat
    assert item[terbit.pk].diunggah and not item[terbit.pk].terlambat
    # Neighbouring months, as links; an empty month says so.
    depan = (hari_ini.replace(day=1) + timedelta(days=32)).replace(day=1)
    assert f"?bulan={depan:%Y-%m}" in teks
    kosong = client.get(KALENDER, {"bulan": f"{depan:%Y-%m}"}).content.decode()
    assert "Konten yang terlambat" not in kosong and "Belum ada konten" in kosong


def test_calendar_keeps_to_the_users_offices(client):
    tim, lain = buat_tim_konten(), buat_tim_konten()
    hari_ini = timezone.localdate()
    milik_lain = disposisi(lain, judul="Rahasia kantor lain", tanggal_rencana=hari_ini)
    client.force_login(tim.kasubbag)
    for param in ({}, {"satker": lain.satker.pk}):
        teks = client.get(KALENDER, param).content.decode()
        assert milik_lain.judul not in teks
    client.force_login(tim.pengelola)  # no content role anywhere
    assert client.get(KALENDER).status_code == 403
    assert client.get(DAFTAR).status_code == 403


def test_list_and_calendar_use_a_constant_number_of_queries(client):
    tim = buat_tim_konten()
    hari_ini = timezone.localdate()
    disposisi(tim, tanggal_rencana=hari_ini)
    majukan(disposisi(tim), tim, S.DIUNGGAH)
    client.force_login(tim.kabag)
    param = {"bulan": f"{hari_ini:%Y-%m}"}
    client.get(DAFTAR)
    with CaptureQueriesContext(connection) as sedikit_daftar:
        assert client.get(DAFTAR).status_code == 200
    with CaptureQueriesContext(connection) as sedikit_kalender:
        assert client.get(KALENDER, param).status_code == 200
    for i in range(6):
        disposisi(tim, judul=f"Rencana {i}", tanggal_rencana=hari_ini + timedelta(days=i % 2))
        majukan(disposisi(tim, judul=f"Tayang {i}"), tim, S.DIUNGGAH)
    with CaptureQueriesContext(connection) as banyak_daftar:
        respons = client.get(DAFTAR)
    with CaptureQueriesContext(connection) as banyak_kalender:
        kalender = client.get(KALENDER, param)
    assert len(banyak_daftar) == len(sedikit_daftar)
    assert len(banyak_kalender) == len(sedikit_kalender)
    assert len(respons.context["halaman"].object_list) == 14
    assert kalender.context["jumlah"] >= 8


def test_list_filters_by_status_jenis_and_text(client):
    tim = buat_tim_konten()
    a = disposisi(tim, judul="Video sosialisasi", jenis_konten="video")
    b = majukan(disposisi(tim, judul="Infografis DPT"), tim, S.DIKOREKSI)
    client.force_login(tim.kasubbag)
    assert [k.pk for k in client.get(DAFTAR, {"status": "dikoreksi"}).context["halaman"]] == [b.pk]
    assert [k.pk for k in client.get(DAFTAR, {"jenis": "video"}).context["halaman"]] == [a.pk]
    assert [k.pk for k in client.get(DAFTAR, {"q": "dpt"}).context["halaman"]] == [b.pk]
    teks = client.get(DAFTAR).content.decode()
    assert "Disposisi konten baru" not in teks and "Kalender konten" in teks
    client.force_login(tim.kabag)
    assert "Disposisi konten baru" in client.get(DAFTAR).content.decode()


def test_hostile_get_values_never_give_a_server_error(client):
    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.DIKOREKSI)
    client.force_login(tim.kabag)
    jahat = ["<script>", "' OR 1=1 --", "9" * 200, "\x00", "-1", "1e9", "%00", "２０２９-０１"]
    for nilai in jahat:
        for alamat, nama in (
            (DAFTAR, "status"),
            (DAFTAR, "jenis"),
            (DAFTAR, "q"),
            (DAFTAR, "halaman"),
            (KALENDER, "bulan"),
            (KALENDER, "satker"),
            (url("konten-konsep", k), "dari"),
            (k.get_absolute_url(), "x"),
        ):
            respons = client.get(alamat, {nama: nilai})
            assert respons.status_code == 200, (alamat, nama, nilai)
        assert client.get(url("konten-perubahan", k), {"a": nilai}).status_code in (200, 404)
    for bulan in ("0000-01", "2029-00", "2029-13", "9999-12", "2029-1", "2029-02-30"):
        assert client.get(KALENDER, {"bulan": bulan}).status_code == 200, bulan
    assert client.get(KALENDER, {"bulan": "2029-02"}).context["judul_bulan"] == "Februari 2029"


# --- access ---------------------------------------------------------------------------------


def test_another_offices_content_does_not_exist_for_its_staff(client):
    tim, lain = buat_tim_konten(), buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.DIKOREKSI)
    g = k.revisi_terbaru().gambar.get()
    alamat_get = [
        k.get_absolute_url(),
        url("konten-konsep", k),
        url("konten-perubahan", k),
        url("konten-gambar-berkas", k, g.pk),
        url("konten-aksi", k, "setujui"),
    ]
    for user in (lain.kabag, lain.kasubbag, lain.staf):
        client.force_login(user)
        for alamat in alamat_get:
            assert client.get(alamat).status_code == 404, (user, alamat)
        assert (
            client.post(url("konten-aksi", k, "setujui"), {"setujui-status_terlihat": "dikoreksi"})
        ).status_code == 404
        assert client.post(url("konten-gambar", k), {}).status_code == 404
        assert client.post(url("konten-kartu", k), {}).status_code == 404
        assert client.post(url("konten-konsep", k), {}).status_code == 404
        assert k.judul not in client.get(DAFTAR).content.decode()
    k.refresh_from_db()
    assert k.status == S.DIKOREKSI
    # Someone of the office without a content role sees nothing either.
    client.force_login(tim.pengelola)
    assert client.get(k.get_absolute_url()).status_code == 404
    client.logout()
    for alamat in alamat_get:
        assert client.get(alamat).status_code == 302


def test_concept_images_are_served_only_with_their_content(client):
    tim = buat_tim_konten()
    k1, k2 = disposisi(tim), disposisi(tim)
    g = layanan.tambah_gambar(tim.staf, k1, gambar_unggahan())
    client.force_login(tim.kasubbag)
    respons = client.get(url("konten-gambar-berkas", k1, g.pk))
    assert respons.status_code == 200 and respons["Content-Type"] == "image/png"
    assert respons["X-Content-Type-Options"] == "nosniff"
    assert b"".join(respons.streaming_content).startswith(b"\x89PNG")
    # The image's id under another content item is not found.
    assert client.get(url("konten-gambar-berkas", k2, g.pk)).status_code == 404


def test_dates_shown_on_the_disposisi_are_the_ones_typed(client):
    tim = buat_tim_konten()
    k = disposisi(tim, nota_tanggal=date(2029, 3, 1), tanggal_rencana=date(2029, 3, 5))
    client.force_login(tim.staf)
    teks = client.get(k.get_absolute_url()).content.decode()
    assert "1 Maret 2029" in teks and "5 Maret 2029" in teks
