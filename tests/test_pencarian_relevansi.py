"""Relevance finds the best match wherever it is (issue 13): an older product
whose judul (or nomor) is exactly the query comes first, however many newer
products mention the words in their text — on PostgreSQL (tiers of
candidates, see publicsite.selectors._calon_relevansi) and in the SQLite
fallback (substring match, same tiers)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from documents.models import ProdukHukum, StatusPublikasi, VersiBerkas
from documents.pencarian import perbarui_indeks
from publicsite import selectors
from tests.factories import buat_jenis, buat_produk, buat_satker

pytestmark = pytest.mark.django_db

JUDUL = "Pedoman Teknis Pemutakhiran Data Pemilih Berkelanjutan"
NOMOR_LAMA = "12/PL.02.1-Kpt/06/KPU/IV/2015"

hanya_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Indeks dan rencana kueri PostgreSQL."
)


def tanam(jumlah, *, judul, teks="", tahun=2024, mulai=None):
    """``jumlah`` published products, all newer than ``mulai``, built in bulk
    (bulk_create, then one set-based rebuild of their search vectors)."""
    satker, jenis = buat_satker(), buat_jenis()
    mulai = mulai or timezone.now()
    produk = ProdukHukum.objects.bulk_create(
        ProdukHukum(
            satker=satker,
            jenis=jenis,
            judul=judul.format(i=i),
            nomor=f"{i + 1}/HK.03-Kpt/{tahun}",
            tahun=tahun,
            tanggal_penetapan=date(tahun, 1, 1) + timedelta(days=i % 360),
            teu_badan=satker.teu_badan,
            status_publikasi=StatusPublikasi.TERBIT,
            diterbitkan_pada=mulai + timedelta(seconds=i + 1),
        )
        for i in range(jumlah)
    )
    if teks:
        VersiBerkas.objects.bulk_create(
            VersiBerkas(
                produk=p,
                nomor_versi=1,
                berkas="uji/naskah.pdf",
                sha256=f"{p.pk:064x}",
                ukuran=1000,
                jumlah_halaman=1,
                teks=teks.format(i=i),
                status_proses="selesai",
                diterbitkan_pada=p.diterbitkan_pada,
            )
            for i, p in enumerate(produk)
        )
    perbarui_indeks([p.pk for p in produk])
    return produk


def produk_lama(**kw):
    """A product published long ago (older than everything ``tanam`` makes)."""
    produk = buat_produk(berkas=False, tahun=2015, tanggal_penetapan=date(2015, 4, 1), **kw)
    ProdukHukum.objects.filter(pk=produk.pk).update(
        diterbitkan_pada=timezone.now() - timedelta(days=3000)
    )
    return produk


def id_cari(client, **params):
    return [p.pk for p in client.get("/cari/", params).context["hasil"]]


def id_api(client, **params):
    respons = client.get("/api/v1/produk/", params)
    assert respons.status_code == 200
    return [p["id"] for p in respons.json()["hasil"]]


def test_judul_persis_kueri_ditemukan_di_balik_5000_produk_baru_yang_menyebutnya_di_teks(client):
    lama = produk_lama(judul=JUDUL, nomor=NOMOR_LAMA)
    tanam(
        5000,
        judul="Penetapan Jadwal Rapat Pleno {i}",
        # Newer products cite the old one in their text: its title and nomor.
        teks=f"Mengingat Keputusan Nomor {NOMOR_LAMA} tentang {JUDUL}, rapat pleno ke-{{i}}.",
    )
    assert lama.pk in id_cari(client, q=JUDUL)[:3]
    assert lama.pk in id_api(client, q=JUDUL)[:3]
    # Typed in lower case, with stray spaces.
    assert id_cari(client, q="  pedoman teknis   pemutakhiran data pemilih berkelanjutan ")[0] == (
        lama.pk
    )
    # Its nomor, cited by all 5,000 newer products.
    assert id_cari(client, q=NOMOR_LAMA)[0] == lama.pk
    assert id_api(client, q=NOMOR_LAMA)[0] == lama.pk
    # The filters still hold: its year keeps it, another year drops it.
    assert id_cari(client, q=JUDUL, tahun=2015) == [lama.pk]
    assert lama.pk not in id_cari(client, q=JUDUL, tahun=2024)
    # The count is honest: more than the limit, and said so.
    respons = client.get("/cari/", {"q": JUDUL})
    assert respons.context["halaman"].paginator.terbatas
    assert "Lebih dari 1000 produk hukum" in respons.content.decode()
    assert client.get("/api/v1/produk/", {"q": JUDUL}).json()["jumlah_terbatas"] is True
    # Sorted by date the newest come first, the old product last of all.
    assert lama.pk not in id_cari(client, q=JUDUL, urut="terbaru")


def test_judul_persis_menang_di_atas_judul_baru_yang_memuat_kata_yang_sama(client, monkeypatch):
    # More newer products with every word in their judul than relevance
    # ranks by date: the exact judul is still found, by equality.
    monkeypatch.setattr(selectors, "BATAS_HASIL", 20)
    lama = produk_lama(judul=JUDUL)
    tanam(60, judul=JUDUL + " di Kabupaten {i}")
    tanam(60, judul="Berkelanjutan: Data Pemilih, Pemutakhiran, Teknis, Pedoman {i}")
    assert id_cari(client, q=JUDUL)[0] == lama.pk
    assert id_api(client, q=JUDUL)[0] == lama.pk


def test_judul_memuat_frasa_mendahului_judul_dengan_kata_terpencar(client):
    frasa = produk_lama(judul="Penetapan Daftar Pemilih Tetap Pemilihan Bupati Sampit")
    tanam(60, judul="Tetap {i}: Daftar Rapat Pemilih Sementara")
    hasil = id_cari(client, q="daftar pemilih tetap")
    assert hasil[0] == frasa.pk
    assert len(hasil) == 20


def test_frasa_berkutip_saringan_dan_urutan_tetap_benar(client):
    lama = produk_lama(judul=JUDUL, subjek="pemutakhiran data")
    lain = buat_produk(
        berkas=False, judul="Data Pemilih Hasil Pemutakhiran", nomor="100/PL.01-Kpt/2024"
    )
    tanam(10, judul="Rapat {i}", teks="pemutakhiran data pemilih berkelanjutan")
    assert id_cari(client, q='"pemutakhiran data"')[:1] == [lama.pk]
    if connection.vendor == "postgresql":
        # The phrase is matched (in the metadata), and a negated word excludes.
        assert set(id_cari(client, q='"pemutakhiran data"')) == {lama.pk}
        assert lama.pk not in id_cari(client, q="pemilih -berkelanjutan")
        assert lain.pk in id_cari(client, q="pemilih -berkelanjutan")
    # Sorted by nomor: per year, newest year first, the number as a number.
    respons = client.get("/cari/", {"q": "pemutakhiran", "urut": "nomor"})
    nomor = [(p.tahun, p.nomor) for p in respons.context["hasil"]]
    assert nomor[-1] == (2015, lama.nomor)
    # The number as a number: 2 before 10.
    assert [n for t, n in nomor if t == 2024 and "HK.03" in n] == [
        f"{i}/HK.03-Kpt/2024" for i in range(1, 11)
    ]


def test_fallback_menaruh_kecocokan_judul_di_atas_kecocokan_teks(client):
    teks = tanam(5, judul="Rapat {i}", teks="honorarium badan ad hoc")
    judul = produk_lama(judul="Honorarium Badan Ad Hoc")
    hasil = id_cari(client, q="honorarium badan ad hoc")
    assert hasil[0] == judul.pk
    assert set(hasil) == {judul.pk, *(p.pk for p in teks)}


def _rencana(sql, params):
    with connection.cursor() as c:
        c.execute("SET LOCAL enable_seqscan = off")
        c.execute("SET LOCAL enable_sort = off")
        c.execute("EXPLAIN " + sql, params)
        return "\n".join(r[0] for r in c.fetchall())


@hanya_postgres
def test_urut_nomor_dan_kecocokan_persis_memakai_indeksnya():
    from documents.pencarian import (
        INDEKS_JUDUL_TEPAT,
        INDEKS_NOMOR_TEPAT,
        INDEKS_URUT_NOMOR,
        JudulNormal,
        NomorNormal,
    )

    produk = selectors.cari_produk(selectors.Kriteria(urut=selectors.URUT_NOMOR))[:20]
    assert INDEKS_URUT_NOMOR in _rencana(*produk.query.sql_with_params())
    judul = (
        ProdukHukum.objects.terbit().alias(_j=JudulNormal()).filter(_j="x").order_by().values("pk")
    )
    assert INDEKS_JUDUL_TEPAT in _rencana(*judul.query.sql_with_params())
    nomor = (
        ProdukHukum.objects.terbit().alias(_n=NomorNormal()).filter(_n="x").order_by().values("pk")
    )
    assert INDEKS_NOMOR_TEPAT in _rencana(*nomor.query.sql_with_params())
