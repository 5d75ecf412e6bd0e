"""Sop 004 end to end through workflow.konten.layanan: the disposisi, the
concept and its correction rounds, the posting order and the posting with
its links, and the rules each step enforces (published products, caption
limits, video links, platform links, images, the named Staf)."""

import io
from datetime import date

import pytest
from django.core import mail
from django.test import TestCase
from PIL import Image

from documents.gambar import GambarTidakValid
from documents.models import KontenTerbit, StatusPublikasi
from tests.factories import buat_produk, unggahan
from tests.konten_helpers import (
    TAUTAN,
    S,
    buat_tim_konten,
    disposisi,
    gambar_unggahan,
    isi_konsep,
    majukan,
    png_bytes,
    simpan_konsep,
)
from workflow.konten import layanan
from workflow.konten.models import (
    CatatanKoreksiKonten,
    JenisKonten,
    KontenMedsos,
    TautanUnggahan,
)
from workflow.konten.tautan import alasan_tautan_salah
from workflow.mesin import AksiGagal, StatusBerubah, TidakBerwenang

pytestmark = pytest.mark.django_db


def _kirim(fungsi, *args, **kw):
    """Run a business action and deliver the email it queues on commit."""
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        hasil = fungsi(*args, **kw)
    return hasil, [m.to for m in mail.outbox]


# --- the whole procedure ----------------------------------------------------------------


def test_the_procedure_from_disposisi_to_the_public_post():
    tim = buat_tim_konten()
    # 1. Kepala Bagian: the disposisi with its Nota Dinas reaches the named Staf.
    k, ke = _kirim(disposisi, tim, tanggal_rencana=date(2029, 3, 5))
    assert k.status == S.DIDISPOSISI and k.staf == tim.staf
    assert ke == [[tim.staf.email]]
    assert "Menunggu tindakan Anda" in mail.outbox[0].subject
    # 2. Staf: gathers material, drafts the concept (images checked, every save kept).
    g = layanan.tambah_gambar(tim.staf, k, gambar_unggahan())
    r = layanan.simpan_konsep(tim.staf, k, isi={**isi_konsep(tim), "gambar": [g]})
    assert r.revisi == 1 and list(r.produk.all()) == [tim.produk]
    # 3. Staf hands it in; the Kasubbag is told.
    k, ke = _kirim(layanan.serahkan, tim.staf, k)
    assert k.status == S.DIKOREKSI and ke == [[tim.kasubbag.email]]
    # 4. Kasubbag approves; the Kepala Bagian is told.
    k, ke = _kirim(layanan.setujui, tim.kasubbag, k, catatan="Bagus.")
    assert k.status == S.DISETUJUI and ke == [[tim.kabag.email]]
    # 5. Kepala Bagian orders the posting (Nota Dinas); the Staf is told.
    k, ke = _kirim(
        layanan.perintahkan_unggah,
        tim.kabag,
        k,
        nota_nomor="16/HK.06-ND/2029",
        nota_tanggal=date(2029, 3, 4),
    )
    assert k.status == S.SIAP_UNGGAH and k.perintah_nomor == "16/HK.06-ND/2029"
    assert ke == [[tim.staf.email]]
    # 6. Staf posts and records every link; the content becomes public.
    k, ke = _kirim(layanan.unggah, tim.staf, k, tautan=dict(TAUTAN))
    assert k.status == S.DIUNGGAH and k.selesai_pada is not None
    assert ke == [[tim.kabag.email]]  # the one who gave the disposisi hears it is done
    assert dict(k.tautan.values_list("platform", "url")) == TAUTAN
    terbit = KontenTerbit.objects.get()
    assert k.terbit == terbit
    assert (terbit.judul, terbit.caption, terbit.tautan) == (r.judul, r.caption, TAUTAN)
    assert list(terbit.produk.all()) == [tim.produk]
    assert terbit.sha256_gambar == g.sha256
    with terbit.gambar.open("rb") as f:
        assert f.read().startswith(b"\x89PNG")
    assert list(k.jejak.order_by("waktu", "id").values_list("aksi", flat=True)) == [
        "disposisi",
        "unggah-gambar",
        "simpan-konsep",
        "serahkan",
        "setujui",
        "perintahkan_unggah",
        "unggah",
    ]
    # Finished: nothing more can be done to it.
    with pytest.raises(StatusBerubah):
        layanan.batalkan(tim.kabag, k, alasan="terlambat")


def test_the_correction_loop_counts_rounds_and_the_kasubbag_sees_the_change():
    from workflow.konten.views import BIDANG_BANDING, revisi_putaran_lalu
    from workflow.penyusunan.naskah import banding_draf

    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.DIKOREKSI)
    with pytest.raises(AksiGagal) as galat:
        layanan.kembalikan(tim.kasubbag, k, catatan="  ")
    assert galat.value.field == "catatan"
    k, ke = _kirim(layanan.kembalikan, tim.kasubbag, k, catatan="Sebutkan tanggal penetapan.")
    assert k.status == S.DIKEMBALIKAN and k.putaran_koreksi == 1
    assert ke == [[tim.staf.email]]
    catatan = CatatanKoreksiKonten.objects.get(konten=k)
    assert (catatan.putaran, catatan.oleh) == (1, tim.kasubbag)
    # The Staf revises (a new revision, the old one kept) and hands it in again.
    g = list(k.revisi_terbaru().gambar.all())
    simpan_konsep(tim, k, gambar=g, caption="DPT ditetapkan 1 Maret 2029. Cek namamu!")
    k = layanan.serahkan(tim.staf, k)
    assert k.status == S.DIKOREKSI and k.revisi.count() == 2
    # What the Kasubbag compares: the revision handed in before, and the latest.
    semua = list(k.revisi.order_by("revisi"))
    lalu = revisi_putaran_lalu(k, semua)
    assert lalu.revisi == 1
    bidang = dict(
        zip(
            BIDANG_BANDING,
            banding_draf(lalu.isi_teks(), semua[-1].isi_teks(), bidang=tuple(BIDANG_BANDING)),
            strict=True,
        )
    )
    assert bidang["caption"].berubah and not bidang["produk"].berubah
    assert "1 Maret 2029" in "".join(str(b.kanan) for b in bidang["caption"].baris)
    # A second round, then approval.
    k = layanan.kembalikan(tim.kasubbag, k, catatan="Tambah tagar #PemiluDamai.")
    assert k.putaran_koreksi == 2
    simpan_konsep(tim, k, gambar=g, tagar="#KPU #PemiluDamai")
    simpan_konsep(tim, k, gambar=g, tagar="#KPU #JDIH #PemiluDamai")
    k = layanan.serahkan(tim.staf, k)
    assert revisi_putaran_lalu(k, list(k.revisi.order_by("revisi"))).revisi == 2
    k = layanan.setujui(tim.kasubbag, k)
    assert k.status == S.DISETUJUI
    assert list(k.koreksi.values_list("putaran", flat=True)) == [1, 2]
    assert list(k.revisi.values_list("revisi", flat=True)) == [1, 2, 3, 4]


def test_handing_in_needs_a_saved_concept():
    tim = buat_tim_konten()
    k = disposisi(tim)
    with pytest.raises(AksiGagal, match="Simpan konsep konten"):
        layanan.serahkan(tim.staf, k)
    assert KontenMedsos.objects.get(pk=k.pk).status == S.DIDISPOSISI


# --- what a concept may say -------------------------------------------------------------------


def test_content_about_an_unpublished_product_is_refused():
    tim = buat_tim_konten()
    k = disposisi(tim)
    draf = buat_produk(tim.satker, terbit=False, berkas=False)
    turun = buat_produk(tim.satker, berkas=False)
    turun.status_publikasi = StatusPublikasi.DITURUNKAN
    turun.save()
    for produk in ([draf], [tim.produk, turun], []):
        with pytest.raises(AksiGagal) as galat:
            simpan_konsep(tim, k, produk=produk)
        assert galat.value.field == "produk"
    assert not k.revisi.exists()


def test_a_product_taken_down_between_approval_and_posting_blocks_the_posting():
    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.SIAP_UNGGAH)
    tim.produk.status_publikasi = StatusPublikasi.DITURUNKAN
    tim.produk.save()
    with pytest.raises(AksiGagal, match="tidak lagi terbit"):
        layanan.unggah(tim.staf, k, tautan=dict(TAUTAN))
    k.refresh_from_db()
    assert k.status == S.SIAP_UNGGAH and k.terbit_id is None
    assert not TautanUnggahan.objects.exists() and not KontenTerbit.objects.exists()
    assert not k.jejak.filter(aksi="unggah").exists()


def test_caption_over_x_limit_is_refused_only_when_x_is_a_target():
    tim = buat_tim_konten()
    k = disposisi(tim)
    g = [layanan.tambah_gambar(tim.staf, k, gambar_unggahan())]
    with pytest.raises(AksiGagal, match="281 karakter melebihi batas X") as galat:
        simpan_konsep(tim, k, gambar=g, caption="a" * 281, platform=["instagram", "x"])
    assert galat.value.field == "caption"
    assert not k.revisi.exists()
    assert simpan_konsep(tim, k, gambar=g, caption="a" * 280, platform=["x"]).revisi == 1
    assert simpan_konsep(tim, k, gambar=g, caption="a" * 281, platform=["instagram"]).revisi == 2
    with pytest.raises(AksiGagal, match="batas Instagram"):
        simpan_konsep(tim, k, gambar=g, caption="a" * 2201, platform=["instagram"])


def test_platforms_must_be_chosen_and_known():
    tim = buat_tim_konten()
    k = disposisi(tim)
    for platform in ([], ["myspace"], ["instagram", "<b>"]):
        with pytest.raises(AksiGagal) as galat:
            simpan_konsep(tim, k, platform=platform)
        assert galat.value.field == "platform"


def test_a_video_needs_an_https_link():
    tim = buat_tim_konten()
    k = disposisi(tim, jenis_konten=JenisKonten.VIDEO)
    for video, field in (("", "video_url"), ("http://youtu.be/abc123", "video_url")):
        with pytest.raises(AksiGagal) as galat:
            simpan_konsep(tim, k, jenis_konten=JenisKonten.VIDEO, video_url=video, gambar=[])
        assert galat.value.field == field
    r = simpan_konsep(
        tim,
        k,
        jenis_konten=JenisKonten.VIDEO,
        video_url="https://youtu.be/abc123",
        platform=["youtube"],
        gambar=[],
    )
    assert r.video_url == "https://youtu.be/abc123" and not r.gambar.exists()
    # Without a video, an image is needed.
    with pytest.raises(AksiGagal, match="gambar atau tautan video"):
        simpan_konsep(tim, k, gambar=[])


def test_only_the_named_staf_may_write_hand_in_and_post():
    tim = buat_tim_konten()
    k = disposisi(tim)
    with pytest.raises(TidakBerwenang):
        layanan.tambah_gambar(tim.staf2, k, gambar_unggahan())
    g = [layanan.tambah_gambar(tim.staf, k, gambar_unggahan())]
    with pytest.raises(TidakBerwenang):
        layanan.simpan_konsep(tim.staf2, k, isi={**isi_konsep(tim), "gambar": g})
    simpan_konsep(tim, k, gambar=g)
    with pytest.raises(TidakBerwenang):
        layanan.serahkan(tim.staf2, k)
    k = majukan(k, tim, S.SIAP_UNGGAH)
    with pytest.raises(TidakBerwenang):
        layanan.unggah(tim.staf2, k, tautan=dict(TAUTAN))
    assert KontenMedsos.objects.get(pk=k.pk).status == S.SIAP_UNGGAH
    # An image of another content item cannot be slipped into this one.
    lain = disposisi(tim)
    asing = layanan.tambah_gambar(tim.staf, lain, gambar_unggahan())
    k2 = disposisi(tim)
    with pytest.raises(AksiGagal, match="bukan milik konten ini"):
        simpan_konsep(tim, k2, gambar=[asing])


def test_the_disposisi_names_a_staf_of_the_office():
    tim, lain = buat_tim_konten(), buat_tim_konten()
    for staf in (lain.staf, tim.kasubbag, tim.kabag):
        with pytest.raises(AksiGagal) as galat:
            disposisi(tim, staf=staf)
        assert galat.value.field == "staf"
    with pytest.raises(TidakBerwenang):
        layanan.disposisi(
            lain.kabag,
            tim.satker,
            staf=tim.staf,
            jenis_konten="infografis",
            judul="x",
            petunjuk="y",
            nota_nomor="1",
            nota_tanggal=date(2029, 1, 1),
        )
    assert not KontenMedsos.objects.exists()


def test_posting_needs_a_link_for_every_target_and_no_other():
    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.SIAP_UNGGAH)
    with pytest.raises(AksiGagal, match="Facebook"):
        layanan.unggah(tim.staf, k, tautan={"instagram": TAUTAN["instagram"]})
    with pytest.raises(AksiGagal, match="bukan tujuan"):
        layanan.unggah(tim.staf, k, tautan={**TAUTAN, "x": "https://x.com/kpu/status/1"})
    assert not TautanUnggahan.objects.exists()
    assert KontenMedsos.objects.get(pk=k.pk).status == S.SIAP_UNGGAH


# --- platform links ------------------------------------------------------------------------

BAIK = {
    "instagram": ["https://www.instagram.com/p/C4xYz12AbCd/", "https://instagram.com/reel/abc/"],
    "facebook": [
        "https://www.facebook.com/kpu.kalteng/posts/123456789",
        "https://m.facebook.com/story.php?id=1",
        "https://fb.watch/abcDEF/",
    ],
    "x": ["https://x.com/kpu_kalteng/status/1790000000000000000", "https://twitter.com/a/status/1"],
    "tiktok": ["https://www.tiktok.com/@kpukalteng/video/7300000000000000000"],
    "youtube": ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ"],
    "whatsapp": [
        "https://whatsapp.com/channel/0029VaAbCdEf",
        "https://www.whatsapp.com/channel/0029Va",
    ],
}
SALAH_HOST = {
    "instagram": "https://www.facebook.com/p/1",
    "facebook": "https://www.instagram.com/p/1",
    "x": "https://www.tiktok.com/@a/video/1",
    "tiktok": "https://x.com/a/status/1",
    "youtube": "https://vimeo.com/123",
    "whatsapp": "https://chat.whatsapp.net/channel/1",
}
BERANDA = {
    "instagram": "https://www.instagram.com/",
    "facebook": "https://www.facebook.com",
    "x": "https://x.com/",
    "tiktok": "https://www.tiktok.com/",
    "youtube": "https://www.youtube.com/",
}
TABEL_TAUTAN = (
    [(p, u, "") for p, daftar in BAIK.items() for u in daftar]
    + [(p, u.replace("https://", "http://", 1), "diawali https://") for p, (u, *_) in BAIK.items()]
    + [(p, u, "bukan tautan") for p, u in SALAH_HOST.items()]
    + [(p, u, "beranda") for p, u in BERANDA.items()]
    + [
        ("whatsapp", "https://www.whatsapp.com/", "channel"),
        ("whatsapp", "https://whatsapp.com/send?phone=62811", "channel"),
        ("whatsapp", "https://chat.whatsapp.com/AbCdEfGh", "bukan tautan"),
        ("whatsapp", "https://wa.me/62811", "bukan tautan"),
        ("instagram", "https://instagram.com.evil.test/p/1", "bukan tautan"),
        ("instagram", "https://notinstagram.com/p/1", "bukan tautan"),
        ("instagram", "https://instagram.com@evil.test/p/1", "bukan tautan"),
        ("instagram", "javascript:alert(1)//instagram.com/p/1", "diawali https://"),
        ("instagram", "//www.instagram.com/p/1", "diawali https://"),
        ("instagram", "", "diawali https://"),
        ("friendster", "https://friendster.com/p/1", "tidak dikenal"),
    ]
)


@pytest.mark.parametrize("platform,url,galat", TABEL_TAUTAN)
def test_platform_link_validation(platform, url, galat):
    alasan = alasan_tautan_salah(platform, url)
    if galat:
        assert galat in alasan, alasan
    else:
        assert alasan == ""


# --- images ----------------------------------------------------------------------------------


def _exif(orientasi=None):
    exif = Image.Exif()
    exif[0x010F] = "Kamera Rahasia"  # Make
    exif[0x0131] = "Perangkat Uji 1.0"  # Software
    if orientasi:
        exif[0x0112] = orientasi
    return exif.tobytes()


def test_exif_is_stripped_from_a_jpeg_and_the_photo_stays_upright(settings):
    tim = buat_tim_konten()
    k = disposisi(tim)
    data = png_bytes(400, 200, format="JPEG", exif=_exif(orientasi=6))
    with Image.open(io.BytesIO(data)) as asli:
        assert asli.getexif().get(0x010F) == "Kamera Rahasia"
    g = layanan.tambah_gambar(
        tim.staf, k, unggahan(data, nama="foto.jpg", content_type="image/jpeg")
    )
    with g.berkas.open("rb") as f:
        simpanan = f.read()
    assert b"Kamera Rahasia" not in simpanan and b"Exif" not in simpanan
    with Image.open(io.BytesIO(simpanan)) as img:
        assert img.format == "JPEG" and not dict(img.getexif())
        assert img.size == (200, 400)  # rotated as the camera meant, then the tag dropped
    assert (g.format, g.lebar, g.tinggi) == ("JPEG", 200, 400)
    assert g.nama_asli == "foto.jpg"


def test_webp_is_accepted_and_gif_or_tiny_images_refused():
    tim = buat_tim_konten()
    k = disposisi(tim)
    g = layanan.tambah_gambar(
        tim.staf, k, unggahan(png_bytes(format="WEBP"), nama="a.webp", content_type="image/webp")
    )
    assert g.format == "WEBP" and g.berkas.name.endswith(".webp")
    for data, pesan in (
        (png_bytes(format="GIF"), "PNG, JPEG, atau WebP"),
        (png_bytes(99, 400), "terlalu kecil"),
        (png_bytes(50, 50), "terlalu kecil"),
    ):
        with pytest.raises(GambarTidakValid, match=pesan):
            layanan.tambah_gambar(
                tim.staf, k, unggahan(data, nama="a.png", content_type="image/png")
            )
    assert k.gambar.count() == 1
    assert k.jejak.filter(aksi="unggah-gambar").count() == 1


def test_images_are_added_only_while_the_concept_is_written():
    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, S.DIKOREKSI)
    with pytest.raises(TidakBerwenang):
        layanan.tambah_gambar(tim.staf, k, gambar_unggahan())
    assert k.gambar.count() == 1


# --- cancelling ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [S.DIDISPOSISI, S.DIKOREKSI, S.DISETUJUI, S.SIAP_UNGGAH])
def test_the_kepala_bagian_cancels_with_a_reason(status):
    tim = buat_tim_konten()
    k = majukan(disposisi(tim), tim, status)
    with pytest.raises(AksiGagal) as galat:
        layanan.batalkan(tim.kabag, k, alasan=" ")
    assert galat.value.field == "alasan"
    k, ke = _kirim(layanan.batalkan, tim.kabag, k, alasan="Jadwal berubah")
    assert k.status == S.DIBATALKAN and k.alasan_batal == "Jadwal berubah"
    assert k.selesai_pada is not None and ke == [[tim.kabag.email]]
    assert not KontenTerbit.objects.exists()
