"""Lampiran: files of a product beside its naskah, through the same PDF intake,
processed and searchable like it, public exactly when the product is, and
managed by the Pengelola on the prepare page."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from documents import publikasi
from documents.berkas import (
    LampiranTidakDapatDihapus,
    hapus_lampiran,
    simpan_versi_lampiran,
    tambah_lampiran,
)
from documents.models import Lampiran, ProdukHukum, StatusPublikasi, VersiBerkas
from documents.pdf import BerkasTidakValid
from tests.alur_helpers import KATA_SANDI, ajukan, ajukan_penurunan, buat_tim, majukan
from tests.factories import buat_produk, pdf_bytes, pdf_teks, unggahan
from tests.publik_helpers import url
from workflow.models import Status

pytestmark = pytest.mark.django_db

Proses = VersiBerkas.StatusProses


def berkas_tersimpan():
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def teks(*baris):
    """A text PDF with enough words that no page needs OCR (keeps tests quick)."""
    return pdf_teks(*baris, "Lampiran ini memuat rincian data pendukung keputusan.")


def lampirkan(produk, judul="Daftar Nama Anggota", data=None):
    """A lampiran with its first version, processed as the worker would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return tambah_lampiran(produk, judul, unggahan(data or teks(f"Isi {judul}")))


def versi_lampiran(lampiran, data=None, keterangan=""):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return simpan_versi_lampiran(
            lampiran,
            unggahan(data or teks("Perbaikan lampiran")),
            keterangan_perbaikan=keterangan,
        )


def produk_terbit_dengan_lampiran(*judul, **kw):
    """A published product whose lampiran went public with it."""
    produk = buat_produk(terbit=False, **kw)
    daftar = [lampirkan(produk, j) for j in judul]
    publikasi.terbitkan(produk)
    produk.refresh_from_db()
    return produk, daftar


def url_lampiran(produk, lampiran, nama=None):
    nama = nama or f"{produk.slug}-lampiran-{lampiran.urutan}.pdf"
    return url("lampiran", produk, lampiran.pk, nama)


def _judul_hasil(client, q):
    return [p.judul for p in client.get("/cari/", {"q": q}).context["hasil"]]


# --- intake ------------------------------------------------------------------


def test_lampiran_bukan_pdf_ditolak_tanpa_baris_lampiran_dan_tanpa_berkas():
    produk = buat_produk(berkas=False)
    with pytest.raises(BerkasTidakValid) as galat:
        tambah_lampiran(produk, "Tabel", unggahan(b"GIF89a bukan pdf", "tabel.pdf"))
    assert "Berkas bukan PDF" in galat.value.messages[0]
    assert Lampiran.objects.count() == 0
    assert VersiBerkas.objects.count() == 0
    assert berkas_tersimpan() == []


def test_lampiran_mendapat_versi_1_lalu_2_dengan_urutan_berikutnya():
    produk = buat_produk(berkas=False)
    pertama = lampirkan(produk, "Daftar TPS")
    kedua = lampirkan(produk, "Daftar PPK")
    assert (pertama.urutan, kedua.urutan) == (1, 2)
    v2 = versi_lampiran(pertama, keterangan="Halaman 3 diganti")
    assert [v.nomor_versi for v in pertama.versi.order_by("nomor_versi")] == [1, 2]
    assert v2.keterangan_perbaikan == "Halaman 3 diganti"
    assert v2.produk_id is None and v2.produk_pemilik == produk
    # The naskah's own versions stay apart.
    assert produk.versi.count() == 0


def test_versi_lampiran_diproses_pekerja_teks_dan_thumbnail():
    produk = buat_produk(berkas=False)
    lampiran = lampirkan(produk, data=teks("Rekapitulasi suara per kecamatan"))
    versi = lampiran.versi.get()
    versi.refresh_from_db()
    assert versi.status_proses == Proses.SELESAI
    assert "Rekapitulasi suara per kecamatan" in versi.teks
    assert versi.thumbnail.name.endswith(".png")


def test_lampiran_identik_ditolak_dengan_nama_produk_pemiliknya():
    data = pdf_bytes()
    pemilik = buat_produk(berkas=False)
    lampirkan(pemilik, "Tabel", data=data)
    lain = buat_produk(pemilik.satker, berkas=False)
    with pytest.raises(BerkasTidakValid) as galat:
        tambah_lampiran(lain, "Tabel", unggahan(data))
    pesan = galat.value.messages[0]
    assert f"lampiran 1 {pemilik} ({pemilik.satker})" in pesan
    assert "Tabel" not in pesan  # no more of another office's draft than for a naskah
    assert lain.lampiran.count() == 0


def test_lampiran_yang_pernah_terbit_tidak_dapat_dihapus_yang_belum_dapat():
    produk, (terbit,) = produk_terbit_dengan_lampiran("Peta")
    with pytest.raises(LampiranTidakDapatDihapus):
        hapus_lampiran(terbit)
    baru = lampirkan(produk, "Draf")
    berkas = [v.berkas.name for v in baru.versi.all()]
    with TestCase.captureOnCommitCallbacks(execute=True):
        hapus_lampiran(baru)
    assert list(produk.lampiran.all()) == [terbit]
    assert not any(Path(settings.MEDIA_ROOT, n).exists() for n in berkas)


# --- publication and the public page -------------------------------------------


def test_lampiran_terbit_bersama_produk_dan_tampil_di_halaman_detail(client):
    produk, (lampiran,) = produk_terbit_dengan_lampiran("Daftar Pemilih Khusus")
    assert lampiran.versi.get().diterbitkan_pada is not None
    halaman = client.get(url("detail", produk)).content.decode()
    assert "Lampiran 1: Daftar Pemilih Khusus" in halaman
    assert url_lampiran(produk, lampiran) in halaman


def test_lampiran_belum_publik_sebelum_produk_terbit(client):
    produk = buat_produk(terbit=False)
    lampiran = lampirkan(produk)
    assert client.get(url_lampiran(produk, lampiran)).status_code == 404
    assert lampiran.versi.get().diterbitkan_pada is None


def test_lampiran_baru_pada_produk_terbit_menunggu_penerbitan_ulang(client):
    produk, (lama,) = produk_terbit_dengan_lampiran("Lama")
    baru = lampirkan(produk, "Baru")
    halaman = client.get(url("detail", produk)).content.decode()
    assert "Lampiran 1: Lama" in halaman and "Baru" not in halaman
    assert client.get(url_lampiran(produk, baru)).status_code == 404


def test_404_setelah_diturunkan_dan_versi_perbaikan_tampil_setelah_terbit_ulang(client):
    produk, (lampiran,) = produk_terbit_dengan_lampiran("Tabel")
    perbaikan = versi_lampiran(lampiran, teks("Tabel yang benar"), "Kolom jumlah diperbaiki")
    # Not public yet: readers still get version 1.
    respons = client.get(url_lampiran(produk, lampiran))
    assert respons.status_code == 200
    assert b"".join(respons.streaming_content) == lampiran.versi.get(nomor_versi=1).berkas.read()
    publikasi.turunkan(produk)
    assert client.get(url_lampiran(produk, lampiran)).status_code == 404
    publikasi.terbitkan(produk)
    perbaikan.refresh_from_db()
    assert perbaikan.diterbitkan_pada is not None
    respons = client.get(url_lampiran(produk, lampiran))
    with perbaikan.berkas.open("rb") as f:
        assert b"".join(respons.streaming_content) == f.read()
    assert "Kolom jumlah diperbaiki" in client.get(url("detail", produk)).content.decode()


def test_unduhan_lampiran_dihitung_sebagai_unduhan_pembaca(client):
    produk, (lampiran,) = produk_terbit_dengan_lampiran("Peta Dapil")
    respons = client.get(url_lampiran(produk, lampiran))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/pdf"
    assert respons["Cache-Control"] == "no-cache"
    assert respons["Content-Disposition"].startswith("attachment")
    assert f"{produk.slug}-lampiran-1.pdf" in respons["Content-Disposition"]
    b"".join(respons.streaming_content)
    client.head(url_lampiran(produk, lampiran))
    produk.refresh_from_db()
    assert produk.jumlah_unduhan == 1


def test_nama_berkas_salah_dialihkan_dan_lampiran_produk_lain_404(client):
    produk, (lampiran,) = produk_terbit_dengan_lampiran("Peta")
    salah = client.get(url_lampiran(produk, lampiran, "nama-lain.pdf"))
    assert salah.status_code == 301
    assert salah["Location"] == url_lampiran(produk, lampiran)
    lain, (milik_lain,) = produk_terbit_dengan_lampiran("Tabel")
    assert client.get(url_lampiran(produk, milik_lain)).status_code == 404
    produk.refresh_from_db()
    assert produk.jumlah_unduhan == 0


def _kueri_detail(client, produk):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url("detail", produk)).status_code == 200
    return len(ctx.captured_queries)


def test_halaman_detail_daftar_lampiran_dengan_kueri_tetap(client):
    dua, _ = produk_terbit_dengan_lampiran("A", "B")
    lima, _ = produk_terbit_dengan_lampiran("A", "B", "C", "D", "E")
    assert _kueri_detail(client, dua) == _kueri_detail(client, lima)
    halaman = client.get(url("detail", lima)).content.decode()
    assert halaman.count("-lampiran-") == 5


def test_halaman_detail_tanpa_lampiran_tanpa_bagian_lampiran(client):
    produk = buat_produk()
    assert 'id="judul-lampiran"' not in client.get(url("detail", produk)).content.decode()


# --- search ------------------------------------------------------------------


def test_teks_lampiran_terbit_dapat_dicari(client):
    produk = buat_produk(terbit=False, judul="Penetapan Lokasi TPS", berkas=True)
    lampirkan(produk, "Daftar Lokasi", data=teks("Kelurahan Mentawakan Mulia"))
    buat_produk(judul="Produk Lain")
    assert _judul_hasil(client, "mentawakan") == []
    publikasi.terbitkan(produk)
    assert _judul_hasil(client, "mentawakan") == ["Penetapan Lokasi TPS"]


def test_versi_lampiran_belum_terbit_tidak_ikut_dicari_dan_hapus_mengindeks_ulang(client):
    produk, (lampiran,) = produk_terbit_dengan_lampiran("Tabel", judul="Penetapan Rekap")
    draf = lampirkan(produk, "Draf", data=teks("Kata sembunyiandraf"))
    versi_lampiran(lampiran, teks("Kata perbaikanbelumterbit"))
    assert _judul_hasil(client, "sembunyiandraf") == []
    assert _judul_hasil(client, "perbaikanbelumterbit") == []
    with TestCase.captureOnCommitCallbacks(execute=True):
        hapus_lampiran(draf)
    publikasi.turunkan(produk)
    publikasi.terbitkan(produk)
    assert _judul_hasil(client, "perbaikanbelumterbit") == ["Penetapan Rekap"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Indeks teks penuh PostgreSQL.")
def test_menghapus_versi_lampiran_terbit_mengindeks_ulang_produknya(client):
    produk, (lampiran,) = produk_terbit_dengan_lampiran("Tabel", judul="Penetapan Indeks")
    VersiBerkas.objects.filter(lampiran=lampiran).update(teks="kata sinabung")
    from documents.pencarian import perbarui_indeks

    perbarui_indeks([produk.pk])
    assert _judul_hasil(client, "sinabung") == ["Penetapan Indeks"]
    lampiran.versi.get().delete()
    assert _judul_hasil(client, "sinabung") == []


# --- staff: the prepare page -----------------------------------------------------


def masuk(client, user):
    assert client.login(username=user.username, password=KATA_SANDI)


def siap(tim):
    """A request at the prepare step (disposed to the Pengelola)."""
    return majukan(ajukan(tim), tim, Status.DIDISPOSISI)


def kirim(client, p, data, **kw):
    alamat = reverse("workflow:lampiran", args=[p.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(alamat, data, **kw)


def pesan(client, p):
    respons = client.get(reverse("workflow:siapkan", args=[p.pk]))
    return respons, " ".join(str(m) for m in respons.context["messages"])


def test_pengelola_menambah_mengganti_dan_menghapus_lampiran_di_halaman_siapkan(client):
    tim = buat_tim()
    p = siap(tim)
    masuk(client, tim.pengelola)
    halaman = client.get(reverse("workflow:siapkan", args=[p.pk])).content.decode()
    assert "Belum ada lampiran." in halaman

    respons = kirim(
        client,
        p,
        {"aksi": "tambah", "judul": "Daftar TPS", "berkas": unggahan(teks("TPS 1"))},
    )
    assert respons.status_code == 302
    assert respons["Location"] == reverse("workflow:siapkan", args=[p.pk])
    lampiran = p.produk.lampiran.get()
    assert lampiran.judul == "Daftar TPS"
    assert lampiran.versi.get().diunggah_oleh == tim.pengelola

    kirim(
        client,
        p,
        {
            "aksi": "unggah",
            "lampiran": lampiran.pk,
            "berkas": unggahan(teks("TPS 1 dan 2")),
            "keterangan_perbaikan": "TPS 2 ditambahkan",
        },
    )
    assert lampiran.versi.count() == 2
    halaman, daftar_pesan = pesan(client, p)
    assert "tersimpan sebagai versi 2" in daftar_pesan
    isi_halaman = halaman.content.decode()
    assert "Lampiran 1: Daftar TPS" in isi_halaman
    assert "Pemrosesan: Selesai" in isi_halaman
    versi2 = lampiran.versi.get(nomor_versi=2)
    pdf = client.get(reverse("workflow:lampiran-pdf", args=[p.pk, versi2.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"

    # Without the confirmation tick nothing is removed.
    kirim(client, p, {"aksi": "hapus", "lampiran": lampiran.pk})
    assert Lampiran.objects.filter(pk=lampiran.pk).exists()
    assert "Centang konfirmasi" in pesan(client, p)[1]
    kirim(client, p, {"aksi": "hapus", "lampiran": lampiran.pk, "yakin": "1"})
    assert not Lampiran.objects.filter(pk=lampiran.pk).exists()

    aksi = list(p.jejak.values_list("aksi", flat=True))
    assert {"tambah-lampiran", "unggah-lampiran", "hapus-lampiran"} <= set(aksi)
    jejak = p.jejak.get(aksi="unggah-lampiran")
    assert jejak.oleh == tim.pengelola
    assert jejak.catatan == "Lampiran 1 versi 2: TPS 2 ditambahkan"


def test_lampiran_bukan_pdf_lewat_halaman_ditolak_dengan_pesan_tanpa_sisa(client):
    tim = buat_tim()
    p = siap(tim)
    masuk(client, tim.pengelola)
    respons = kirim(
        client, p, {"aksi": "tambah", "judul": "Foto", "berkas": unggahan(b"\x89PNG", "a.pdf")}
    )
    assert respons.status_code == 302
    assert "Berkas bukan PDF" in pesan(client, p)[1]
    assert not Lampiran.objects.exists()
    assert not p.jejak.filter(aksi="tambah-lampiran").exists()


def test_judul_kosong_ditolak_dengan_pesan(client):
    tim = buat_tim()
    p = siap(tim)
    masuk(client, tim.pengelola)
    kirim(client, p, {"aksi": "tambah", "judul": "  ", "berkas": unggahan(teks("x"))})
    assert "Judul lampiran wajib diisi" in pesan(client, p)[1]
    assert not Lampiran.objects.exists()


@pytest.mark.parametrize("siapa", ["pengusul", "kasubbag"])
def test_peran_lain_di_satker_yang_sama_mendapat_403(client, siapa):
    tim = buat_tim()
    p = siap(tim)
    lampiran = lampirkan(p.produk)
    masuk(client, getattr(tim, siapa))
    for data in (
        {"aksi": "tambah", "judul": "Sisipan", "berkas": unggahan(teks("x"))},
        {"aksi": "unggah", "lampiran": lampiran.pk, "berkas": unggahan(teks("y"))},
        {"aksi": "hapus", "lampiran": lampiran.pk, "yakin": "1"},
    ):
        assert kirim(client, p, data).status_code == 403
    assert list(p.produk.lampiran.all()) == [lampiran]
    assert lampiran.versi.count() == 1
    assert not p.jejak.filter(aksi__contains="lampiran").exists()


def test_pengelola_satker_lain_mendapat_404_dan_tidak_ada_yang_berubah(client):
    tim, lain = buat_tim(), buat_tim()
    p = siap(tim)
    lampiran = lampirkan(p.produk)
    masuk(client, lain.pengelola)
    for data in (
        {"aksi": "tambah", "judul": "Sisipan", "berkas": unggahan(teks("x"))},
        {"aksi": "unggah", "lampiran": lampiran.pk, "berkas": unggahan(teks("y"))},
        {"aksi": "hapus", "lampiran": lampiran.pk, "yakin": "1"},
    ):
        assert kirim(client, p, data).status_code == 404
    versi = lampiran.versi.get()
    assert client.get(reverse("workflow:lampiran-pdf", args=[p.pk, versi.pk])).status_code == 404
    assert list(p.produk.lampiran.all()) == [lampiran]
    assert lampiran.versi.count() == 1


def test_lampiran_produk_lain_tidak_dapat_diubah_lewat_permohonan_ini(client):
    tim = buat_tim()
    p = siap(tim)
    milik_lain = lampirkan(buat_produk(tim.satker, terbit=False))
    masuk(client, tim.pengelola)
    data = {"aksi": "hapus", "lampiran": milik_lain.pk, "yakin": "1"}
    assert kirim(client, p, data).status_code == 404
    assert Lampiran.objects.filter(pk=milik_lain.pk).exists()


def test_di_luar_tahap_siapkan_lampiran_tidak_dapat_diubah(client):
    tim = buat_tim()
    p = majukan(siap(tim), tim, Status.DIPERIKSA)
    masuk(client, tim.pengelola)
    data = {"aksi": "tambah", "judul": "Terlambat", "berkas": unggahan(teks("x"))}
    assert kirim(client, p, data).status_code == 403
    assert not Lampiran.objects.exists()


def test_lampiran_dari_tahap_siapkan_terbit_saat_permohonan_diunggah(client):
    tim = buat_tim()
    p = siap(tim)
    masuk(client, tim.pengelola)
    kirim(client, p, {"aksi": "tambah", "judul": "Rincian", "berkas": unggahan(teks("r"))})
    lampiran = p.produk.lampiran.get()
    assert client.get(url_lampiran(p.produk, lampiran)).status_code == 404
    p = majukan(p, tim, Status.DIUNGGAH)
    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert produk.status_publikasi == StatusPublikasi.TERBIT
    assert client.get(url_lampiran(produk, lampiran)).status_code == 200


def test_lampiran_yang_sudah_terbit_tidak_dapat_dihapus_saat_perbaikan(client):
    tim = buat_tim()
    produk, (lampiran,) = produk_terbit_dengan_lampiran("Peta", satker=tim.satker)
    p = majukan(ajukan_penurunan(tim, produk), tim, Status.DITURUNKAN)
    masuk(client, tim.pengelola)
    halaman = client.get(reverse("workflow:siapkan", args=[p.pk])).content.decode()
    assert "Hapus lampiran" not in halaman
    kirim(client, p, {"aksi": "hapus", "lampiran": lampiran.pk, "yakin": "1"})
    assert "tidak dapat dihapus" in pesan(client, p)[1]
    assert Lampiran.objects.filter(pk=lampiran.pk).exists()
    assert not p.jejak.filter(aksi="hapus-lampiran").exists()

    # A correction round tells readers what changed, as for the naskah.
    kirim(client, p, {"aksi": "unggah", "lampiran": lampiran.pk, "berkas": unggahan(teks("b"))})
    assert "Keterangan perbaikan wajib diisi" in pesan(client, p)[1]
    assert lampiran.versi.count() == 1


def test_proses_ulang_versi_lampiran_yang_gagal(client):
    tim = buat_tim()
    p = siap(tim)
    lampiran = lampirkan(p.produk)
    versi = lampiran.versi.get()
    VersiBerkas.objects.filter(pk=versi.pk).update(
        status_proses=Proses.GAGAL, pesan_proses="OCR melewati batas waktu."
    )
    masuk(client, tim.pengelola)
    assert "Proses ulang" in client.get(reverse("workflow:siapkan", args=[p.pk])).content.decode()
    kirim(client, p, {"aksi": "proses_ulang", "versi": versi.pk})
    versi.refresh_from_db()
    assert versi.status_proses == Proses.SELESAI
    assert p.jejak.filter(aksi="proses-ulang-lampiran").exists()


def test_aksi_tidak_dikenal_dan_nilai_jahil_tidak_500(client):
    tim = buat_tim()
    p = siap(tim)
    masuk(client, tim.pengelola)
    assert kirim(client, p, {"aksi": "entah"}).status_code == 302
    assert kirim(client, p, {"aksi": "hapus", "lampiran": "abc", "yakin": "1"}).status_code == 302
    assert kirim(client, p, {"aksi": "hapus", "lampiran": "99999", "yakin": "1"}).status_code == 404
    assert client.get(reverse("workflow:lampiran", args=[p.pk])).status_code == 405


def test_waktu_terbit_lampiran_sama_dengan_naskah():
    produk = buat_produk(terbit=False)
    lampiran = lampirkan(produk)
    sebelum = timezone.now()
    publikasi.terbitkan(produk)
    naskah = produk.versi.get()
    assert lampiran.versi.get().diterbitkan_pada == naskah.diterbitkan_pada >= sebelum
