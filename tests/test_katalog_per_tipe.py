"""Each document type of the national standard, end to end: the Pengelola
fills the type's own fields in the prepare step, the workflow publishes the
product, and the same values reach the public page, the JDIHN feed and the
catalogue export."""

import csv
import io
import json

import pytest
from django.test import TestCase
from django.urls import reverse

from tests.alur_helpers import ajukan, buat_tim, majukan
from tests.factories import buat_jenis
from workflow.models import Status

pytestmark = pytest.mark.django_db

UMUM = {
    "tahun": "2023",
    "tanggal_penetapan": "2023-05-17",
    "bahasa": "Indonesia",
    "bidang_hukum": "Hukum Tata Negara",
    "status": "berlaku",
    "subjek": "Pemilihan Umum; Daftar Pemilih",
    "abstrak": "Pokok isi pertama.\nPokok isi kedua.",
    "abstrak_dasar_hukum": "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
    "abstrak_catatan": "Mulai berlaku pada tanggal ditetapkan.",
    "ikut_jdihn": "on",
}

PER_TIPE = {
    "peraturan": ({}, {}),
    "monografi": (
        {
            "penulis": "Siti Rahmawati",
            "nomor_panggil": "342.07 RAH p",
            "isbn": "978-602-0000-00-8",
            "penerbit": "KPU Kabupaten Uji",
            "tempat_terbit": "Sampit",
            "deskripsi_fisik": "xii, 240 hlm.; 21 cm",
            "nomor_induk_buku": "NIB-0042",
            "eksemplar": "3",
        },
        {
            "noPanggil": "342.07 RAH p",
            "isbn": "978-602-0000-00-8",
            "penerbit": "KPU Kabupaten Uji",
            "tempatTerbit": "Sampit",
            "deskripsiFisik": "xii, 240 hlm.; 21 cm",
            "nomorIndukBuku": "NIB-0042",
        },
    ),
    "artikel": (
        {
            "penulis": "Andi Pratama",
            "jurnal": "Jurnal Tata Kelola Pemilu Indonesia",
            "volume": "Vol. 5 No. 2",
            "halaman": "45-67",
        },
        {},
    ),
    "putusan": (
        {
            "lembaga_peradilan": "Pengadilan Tata Usaha Negara Palangka Raya",
            "nomor_perkara": "12/G/2023/PTUN.PLK",
            "pemohon": "Partai Uji",
            "termohon": "KPU Kabupaten Uji",
            "amar": "Menolak gugatan penggugat untuk seluruhnya.",
            "berkekuatan_hukum_tetap": "true",
        },
        {},
    ),
}


def _siapkan_dan_terbitkan(client, tim, tipe, khusus):
    jenis = buat_jenis(singkatan=f"UJI-{tipe.upper()}", nama=f"Jenis Uji {tipe}", tipe_dokumen=tipe)
    p = majukan(ajukan(tim, jenis=jenis), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    url = reverse("workflow:siapkan", args=[p.pk])
    data = {**UMUM, **khusus, "jenis": jenis.pk, "nomor": p.produk.nomor}
    data["judul"] = f"Judul uji {tipe}"
    respons = client.post(url, {**data, "simpan_metadata": "1"})
    assert respons.status_code == 302, respons.context["meta"].errors
    with TestCase.captureOnCommitCallbacks(execute=True):
        p = majukan(p, tim, Status.DIUNGGAH)
    p.produk.refresh_from_db()
    return p.produk


@pytest.mark.parametrize("tipe", list(PER_TIPE))
def test_bidang_tipe_dari_formulir_sampai_detail_umpan_dan_ekspor(client, tipe):
    tim = buat_tim()
    khusus, harapan_umpan = PER_TIPE[tipe]
    produk = _siapkan_dan_terbitkan(client, tim, tipe, khusus)
    assert produk.tipe_dokumen == tipe
    assert produk.terbit
    client.logout()

    detail = client.get(produk.get_absolute_url()).content.decode()
    for nilai in khusus.values():
        if nilai not in ("true", "3"):
            assert nilai in detail, nilai

    umpan = json.loads(b"".join(client.get("/integrasi/jdihn.json").streaming_content))
    (item,) = [i for i in umpan if i["idData"] == str(produk.pk)]
    for kunci, nilai in harapan_umpan.items():
        assert item[kunci] == nilai, kunci
    assert item["bidangHukum"] == "Hukum Tata Negara"
    assert item["subjek"] == "Pemilihan Umum; Daftar Pemilih"
    assert item["abstrak"].endswith(".pdf") and item["urlAbstrak"].endswith(item["abstrak"])
    if tipe == "artikel":
        assert "Jurnal Tata Kelola Pemilu Indonesia" in item["sumber"]
    if tipe != "monografi":
        assert item["isbn"] is None and item["penerbit"] is None

    respons = client.get(reverse("publicsite:ekspor", args=["csv"]), {"satker": tim.satker.slug})
    teks = b"".join(respons.streaming_content).decode("utf-8-sig")
    baris = list(csv.reader(io.StringIO(teks)))
    kepala, isi = baris[0], [b for b in baris[1:] if str(produk.pk) in b]
    assert len(isi) == 1
    sel = dict(zip(kepala, isi[0], strict=True))
    for nama, nilai in khusus.items():
        label = str(produk._meta.get_field(nama).verbose_name)
        cocok = [k for k in sel if k.lower() == label.lower()]
        assert cocok, label
        if nilai not in ("true", "3"):
            assert sel[cocok[0]] == nilai, nama
