"""Load the national-scale data: the 553 offices, N published products with
their files and text, role users and open requests (manage.py buat_data_skala).

PostgreSQL gets the products, versions and subjek links by COPY in batches,
with the catalogue's non-unique indexes dropped during the load and rebuilt
after; each batch's search vectors are then built in the database by the
app's own expressions (documents.pencarian.vektor_produk / vektor_metadata),
so they are exactly what the app would have stored. SQLite (tests, small N)
gets the same rows by bulk_create.

Everything generated is marked, so --kosongkan removes it and nothing else:
products by ``lokasi`` = PENANDA_LOKASI, offices by ``alamat`` = PENANDA_ALAMAT,
users by an e-mail address ending in PENANDA_SUREL. The audit trail
(JejakAudit) is append-only by design, so its entries stay, and with them
the offices and users they name.
"""

import random
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.postgres.search import (
    SearchVector,
    SearchVectorCombinable,
    SearchVectorField,
)
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import Func, ProtectedError
from django.db.models.functions import Left
from django.utils import timezone

from documents import kosakata
from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
from documents.models import ProdukHukum, Satker, Subjek, VersiBerkas
from documents.pdf import periksa_pdf
from documents.pencarian import KONFIGURASI, MAKS_TEKS_PDF, teks_naskah_terbit, vektor_metadata

from .teks import Pembangkit
from .wilayah import Kantor, daftar_kantor

PENANDA_LOKASI = "Data skala (dibangkitkan manage.py buat_data_skala)"
PENANDA_ALAMAT = "Alamat belum diisi (data skala)"
PENANDA_SUREL = "@skala.jdih.example"
# Where the users of every role are made (Tugas saya and monitoring benches).
SATKER_SEMUA_PERAN = ("kpu-ri", "kalimantan-tengah", "kotawaringin-timur")
# Share of the products each level issues.
PORSI_TINGKAT = {"pusat": 0.05, "provinsi": 0.20, "kabupaten-kota": 0.75}
JENIS_TINGKAT = {
    "pusat": (("Kpts KPU", 0.6), ("PKPU", 0.15), ("Kpts Sekretaris", 0.15), ("SE", 0.1)),
    "provinsi": (("Kpts KPU Prov", 0.9), ("SE", 0.1)),
    "kabupaten-kota": (("Kpts KPU Kab/Kota", 0.92), ("SE", 0.08)),
}
# A few real PDFs, stored once; every version points at one of them.
HALAMAN_CONTOH = (0, 1, 3, 7)


def _tulis(keluaran, pesan: str) -> None:
    if keluaran is not None:
        keluaran(pesan)


# --- Satker --------------------------------------------------------------------


def muat_satker(keluaran=None) -> dict[str, Satker]:
    """Create the offices that are missing, parents first. Idempotent: an
    office already there (by slug, else by name) is used as it is."""
    ada = {s.slug: s for s in Satker.objects.all()}
    per_nama = {s.nama: s for s in ada.values()}
    hasil: dict[str, Satker] = {}
    baru = 0
    for tingkat in ("pusat", "provinsi", "kabupaten-kota"):
        kumpulan = []
        for k in daftar_kantor():
            if k.tingkat != tingkat:
                continue
            satker = ada.get(k.slug) or per_nama.get(k.nama)
            if satker is None:
                satker = Satker(
                    slug=k.slug,
                    nama=k.nama,
                    tingkat=k.tingkat,
                    induk=hasil.get(k.induk) if k.induk else None,
                    tempat=k.tempat,
                    zona_waktu=k.zona_waktu,
                    alamat=PENANDA_ALAMAT,
                    teu_badan=kosakata.teu_badan_satker(k.nama, k.tingkat),
                )
                kumpulan.append(satker)
            hasil[k.slug] = satker
        Satker.objects.bulk_create(kumpulan)
        baru += len(kumpulan)
    if connection.vendor != "postgresql" or any(s.pk is None for s in hasil.values()):
        # Backends without RETURNING from bulk_create: read the ids back.
        per_slug = {s.slug: s for s in Satker.objects.filter(slug__in=list(hasil))}
        hasil = {slug: per_slug.get(slug, s) for slug, s in hasil.items()}
    _tulis(keluaran, f"Satker: {baru} dibuat, {len(hasil) - baru} sudah ada.")
    return hasil


# --- sample PDFs -----------------------------------------------------------------


@dataclass
class BerkasContoh:
    nama: str
    sha256: str
    ukuran: int
    jumlah_halaman: int


def berkas_contoh() -> list[BerkasContoh]:
    """The sample PDFs every generated version points at, put into the
    default storage (local or S3) when missing. Same bytes every run."""
    hasil = []
    for tambahan in HALAMAN_CONTOH:
        data = pdf_keputusan(
            NaskahKeputusan(
                teu_badan="Komisi Pemilihan Umum",
                nomor=f"{tambahan + 1}/HK.03.1-Kpt/KPU/2024",
                tahun=2024,
                judul="Contoh Naskah Keputusan untuk Data Skala Nasional",
                menimbang=["bahwa naskah ini contoh untuk data skala"],
                mengingat=["Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"],
                diktum=["Naskah ini contoh; teks produk ada di katalog."],
                halaman_tambahan=tambahan,
            )
        )
        info = periksa_pdf(data)
        nama = f"produk/skala/{info.sha256}.pdf"
        if not default_storage.exists(nama):
            simpan = default_storage.save(nama, ContentFile(data))
            assert simpan == nama, simpan
        hasil.append(BerkasContoh(nama, info.sha256, info.ukuran, info.jumlah_halaman))
    return hasil


# --- rows -------------------------------------------------------------------------


class Kolom:
    """A model's columns for COPY/bulk_create, with each field's default
    where the generator gives no value."""

    def __init__(self, model, lewati=()):
        self.model = model
        self.bidang = [
            f
            for f in model._meta.concrete_fields
            if f.column not in lewati and not (f.primary_key and "id" in lewati)
        ]
        self.nama = [f.attname for f in self.bidang]
        self.kolom = [f.column for f in self.bidang]
        self.bawaan = {}
        for f in self.bidang:
            if f.has_default():
                self.bawaan[f.attname] = f.get_default()
            elif f.null:
                self.bawaan[f.attname] = None
            else:
                self.bawaan[f.attname] = ""

    def baris(self, nilai: dict) -> tuple:
        b = self.bawaan
        return tuple(nilai[n] if n in nilai else b[n] for n in self.nama)

    def sql_copy(self) -> str:
        tabel = connection.ops.quote_name(self.model._meta.db_table)
        kolom = ", ".join(connection.ops.quote_name(k) for k in self.kolom)
        return f"COPY {tabel} ({kolom}) FROM STDIN"


def _copy(kolom: Kolom, baris: list[tuple]) -> None:
    connection.ensure_connection()
    with connection.connection.cursor() as cur:
        with cur.copy(kolom.sql_copy()) as cp:
            for b in baris:
                cp.write_row(b)


def _simpan(kolom: Kolom, baris: list[tuple]) -> None:
    if not baris:
        return
    if connection.vendor == "postgresql":
        _copy(kolom, baris)
    else:
        model = kolom.model
        kolom.model.objects.bulk_create(
            [model(**dict(zip(kolom.nama, b, strict=True))) for b in baris], batch_size=500
        )


# --- indexes (PostgreSQL) ---------------------------------------------------------


def _indeks_lepas(tabel: list[str]) -> list[tuple[str, str]]:
    """Drop the non-unique indexes that back no constraint on ``tabel``;
    returns their definitions to rebuild them."""
    with connection.cursor() as c:
        c.execute(
            """
            SELECT i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relname = ANY(%s) AND NOT x.indisunique AND NOT x.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
            """,
            [tabel],
        )
        daftar = c.fetchall()
        for nama, _ in daftar:
            c.execute(f"DROP INDEX IF EXISTS {connection.ops.quote_name(nama)}")
    return daftar


def _indeks_pasang(daftar: list[tuple[str, str]], keluaran=None) -> None:
    with connection.cursor() as c:
        c.execute("SET maintenance_work_mem = '512MB'")
        for nama, definisi in daftar:
            mulai = time.monotonic()
            c.execute(definisi.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
            _tulis(keluaran, f"  indeks {nama}: {time.monotonic() - mulai:.1f} s")


# --- products ---------------------------------------------------------------------


class Strip(SearchVectorCombinable, Func):
    function = "strip"
    output_field = SearchVectorField()


def vektor_produk_pendek():
    """documents.pencarian.vektor_produk() for a product without lampiran whose
    naskah text is short (under POTONGAN_TEKS characters, far under
    MAKS_BITA_LEKSEM_PDF of lexemes), as every generated one is: then
    LeksemTerbatas keeps every lexeme, i.e. it equals strip(to_tsvector(teks)),
    and the lampiran part is empty. The same vector at a third of the cost
    (tests/test_data_skala.py compares the two)."""
    naskah = Strip(SearchVector(Left(teks_naskah_terbit(), MAKS_TEKS_PDF), config=KONFIGURASI))
    return vektor_metadata() + naskah


@dataclass
class Hasil:
    produk: int = 0
    detik_muat: float = 0.0
    detik_indeks_cari: float = 0.0
    detik_indeks: float = 0.0
    catatan: list[str] = field(default_factory=list)


def _pilih_satker(satker: dict[str, Satker]):
    """Offices and their weights: each level's share split evenly inside it."""
    kantor = [k for k in daftar_kantor() if k.slug in satker]
    jumlah = {t: sum(1 for k in kantor if k.tingkat == t) for t in PORSI_TINGKAT}
    bobot = [PORSI_TINGKAT[k.tingkat] / jumlah[k.tingkat] for k in kantor]
    return kantor, bobot


def _id_awal(n: int) -> int:
    """Reserve ``n`` product ids (PostgreSQL: from the identity sequence)."""
    tabel = ProdukHukum._meta.db_table
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute("SELECT pg_get_serial_sequence(%s, 'id')", [tabel])
            urutan = c.fetchone()[0]
            c.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {tabel}")
            awal = c.fetchone()[0]
            c.execute("SELECT setval(%s, greatest(nextval(%s), %s))", [urutan, urutan, awal])
            awal = max(awal, c.fetchone()[0])
            c.execute("SELECT setval(%s, %s)", [urutan, awal + n - 1])
            return awal
        c.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {tabel}")
        return c.fetchone()[0]


def _subjek(nama_semua: set[str]) -> dict[str, int]:
    ada = {s.nama.lower(): s.pk for s in Subjek.objects.all()}
    baru = [Subjek(nama=n) for n in sorted(nama_semua) if n.lower() not in ada]
    Subjek.objects.bulk_create(baru)
    ada = {s.nama.lower(): s.pk for s in Subjek.objects.all()}
    return {n: ada[n.lower()] for n in nama_semua}


def muat_produk(
    n: int,
    satker: dict[str, Satker],
    jenis: dict,
    *,
    seed: int = 13,
    batch: int = 50_000,
    keluaran=None,
) -> Hasil:
    """``n`` published products spread over the offices and 2000 to now, each
    with one published version (a sample PDF and its text)."""
    from documents.skala.teks import TEMA_DAERAH, TEMA_PKPU, TEMA_SE, TEMA_SEKRETARIS

    hasil = Hasil(produk=n)
    if n <= 0:
        return hasil
    sekarang = timezone.now()
    pembangkit = Pembangkit(seed, sekarang)
    pilih = random.Random(seed + 1)
    kantor, bobot = _pilih_satker(satker)
    provinsi = {k.slug: k.wilayah for k in daftar_kantor() if k.tingkat == "provinsi"}
    berkas = berkas_contoh()
    semua_subjek = {s for t in (*TEMA_DAERAH, *TEMA_SEKRETARIS, *TEMA_SE) for s in t[1]}
    semua_subjek |= {s for t in TEMA_PKPU for s in t[1]}
    id_subjek = _subjek(semua_subjek)
    k_produk = Kolom(ProdukHukum, lewati=("search_vector", "search_metadata"))
    k_versi = Kolom(VersiBerkas, lewati=("id",))
    through = ProdukHukum.daftar_subjek.through
    k_subjek = Kolom(through, lewati=("id",))
    pg = connection.vendor == "postgresql"
    id_awal = _id_awal(n)
    lepas = []
    if pg and n >= 10_000 and not connection.in_atomic_block:
        # Dropping and rebuilding pays off only for a big load (and cannot
        # run inside a transaction holding deferred constraint checks).
        # The versions keep theirs: the vector's subqueries look them up.
        lepas = _indeks_lepas([ProdukHukum._meta.db_table, through._meta.db_table])
    if pg:
        with connection.cursor() as c:
            # A lost batch on a crash is re-made by running again; the
            # load does not need each commit on disk before the next.
            c.execute("SET synchronous_commit = off")
    mulai = time.monotonic()
    try:
        for awal in range(0, n, batch):
            akhir = min(n, awal + batch)
            t0 = time.monotonic()
            produk, versi, subjek = [], [], []
            for i in range(awal, akhir):
                k: Kantor = pilih.choices(kantor, bobot)[0]
                s = satker[k.slug]
                daftar = JENIS_TINGKAT[k.tingkat]
                singkatan = pilih.choices([d[0] for d in daftar], [d[1] for d in daftar])[0]
                j = jenis[singkatan]
                d = pembangkit.produk(
                    k, singkatan, j.nama, s.nama_badan, provinsi.get(k.induk or "", "")
                )
                pid = id_awal + i
                terbit = d["diterbitkan_pada"]
                produk.append(
                    k_produk.baris(
                        {
                            **d,
                            "id": pid,
                            "satker_id": s.pk,
                            "jenis_id": j.pk,
                            "tipe_dokumen": j.tipe_dokumen,
                            "teu_badan": s.teu_badan,
                            "subjek": kosakata.gabung_subjek(sorted(d["subjek"])),
                            "lokasi": PENANDA_LOKASI,
                            "status_publikasi": "terbit",
                            "dibuat_pada": terbit - timedelta(hours=2),
                            "diubah_pada": terbit,
                        }
                    )
                )
                b = berkas[i % len(berkas)]
                versi.append(
                    k_versi.baris(
                        {
                            "produk_id": pid,
                            "nomor_versi": 1,
                            "berkas": b.nama,
                            "nama_asli": f"{singkatan}-{d['nomor']}.pdf".replace("/", "-"),
                            "sha256": b.sha256,
                            "ukuran": b.ukuran,
                            "jumlah_halaman": b.jumlah_halaman,
                            "teks": d["teks"],
                            "status_proses": "selesai",
                            "percobaan": 1,
                            "dibuat_pada": terbit - timedelta(hours=1),
                            "diterbitkan_pada": terbit,
                        }
                    )
                )
                for nama in d["subjek"]:
                    subjek.append(
                        k_subjek.baris({"produkhukum_id": pid, "subjek_id": id_subjek[nama]})
                    )
            t1 = time.monotonic()
            with transaction.atomic():
                _simpan(k_produk, produk)
                _simpan(k_versi, versi)
                _simpan(k_subjek, subjek)
            t2 = time.monotonic()
            if pg:
                with transaction.atomic():
                    ProdukHukum.objects.filter(
                        pk__gte=id_awal + awal, pk__lt=id_awal + akhir
                    ).update(
                        search_vector=vektor_produk_pendek(), search_metadata=vektor_metadata()
                    )
                # The UPDATE left the loaded rows' first versions dead: free
                # them now, so the next batch reuses the space.
                if not connection.in_atomic_block:  # (tests run inside one)
                    with connection.cursor() as c:
                        c.execute(f"VACUUM {ProdukHukum._meta.db_table}")
            t3 = time.monotonic()
            hasil.detik_indeks_cari += t3 - t2
            _tulis(
                keluaran,
                f"Produk {akhir:>9,}/{n:,}: bangkit {t1 - t0:.1f} s, salin {t2 - t1:.1f} s, "
                f"vektor cari {t3 - t2:.1f} s",
            )
    finally:
        if lepas:
            t = time.monotonic()
            _indeks_pasang(lepas, keluaran)
            hasil.detik_indeks = time.monotonic() - t
    hasil.detik_muat = time.monotonic() - mulai
    return hasil


# --- users and open requests ------------------------------------------------------


def muat_pengguna(satker: dict[str, Satker], slugs, peran_daftar, keluaran=None) -> dict:
    """Role users ``<peran>.<slug>`` (the demo's names), password DEMO_PASSWORD,
    for the given roles in the given offices. Existing users are kept."""
    from workflow.demo import AWALAN_PERAN, DEMO_PASSWORD, nama_pengguna
    from workflow.izin import pastikan_grup_peran
    from workflow.penugasan import tetapkan_peran

    pastikan_grup_peran()
    User = get_user_model()
    sandi = make_password(DEMO_PASSWORD)
    ingin = {}
    for slug in slugs:
        for peran in peran_daftar(slug):
            ingin[nama_pengguna(peran, slug)] = (slug, peran)
    ada = set(User.objects.filter(username__in=list(ingin)).values_list("username", flat=True))
    rng = random.Random(len(ingin))
    from .teks import NAMA_BELAKANG, NAMA_DEPAN

    User.objects.bulk_create(
        [
            User(
                username=u,
                password=sandi,
                first_name=rng.choice(NAMA_DEPAN),
                last_name=rng.choice(NAMA_BELAKANG),
                email=f"{u}{PENANDA_SUREL}",
            )
            for u in ingin
            if u not in ada
        ]
    )
    pengguna = {u.username: u for u in User.objects.filter(username__in=list(ingin))}
    for u, (slug, peran) in ingin.items():
        tetapkan_peran(pengguna[u], satker[slug], peran)
    _tulis(keluaran, f"Pengguna: {len(ingin) - len(ada)} dibuat ({len(AWALAN_PERAN)} peran).")
    return {(slug, peran): pengguna[u] for u, (slug, peran) in ingin.items()}


def muat_permohonan(
    satker: dict[str, Satker], jenis: dict, jumlah: int, *, seed: int = 13, keluaran=None
) -> int:
    """``jumlah`` open upload requests spread over the offices, waiting at the
    Kasubbag (disposisi), the Pengelola (siapkan) or the Kasubbag again
    (koreksi); most entered that step days ago, past its mutu baku."""
    from workflow.mesin import catat
    from workflow.models import Disposisi, JenisPermohonan, NotaDinas, Permohonan, Status
    from workflow.peran import Peran

    if jumlah <= 0:
        return 0
    r = random.Random(seed + 2)
    kantor = [k for k in daftar_kantor() if k.slug in satker]
    tujuan = [k for k in kantor if k.slug in SATKER_SEMUA_PERAN]
    tujuan += r.sample(kantor, min(len(kantor), max(0, jumlah - len(tujuan))))
    tujuan = [tujuan[i % len(tujuan)] for i in range(jumlah)]
    inti = [Peran.PENGUSUL, Peran.KASUBBAG, Peran.PENGELOLA]
    orang = muat_pengguna(satker, sorted({k.slug for k in tujuan}), lambda s: inti, keluaran)
    pembangkit = Pembangkit(seed + 3, timezone.now())
    berkas = berkas_contoh()
    sekarang = timezone.now()
    provinsi = {k.slug: k.wilayah for k in daftar_kantor() if k.tingkat == "provinsi"}
    dibuat = 0
    for i, k in enumerate(tujuan):
        s = satker[k.slug]
        singkatan = JENIS_TINGKAT[k.tingkat][0][0]
        j = jenis[singkatan]
        d = pembangkit.produk(k, singkatan, j.nama, s.nama_badan, provinsi.get(k.induk or "", ""))
        # One in five fresh (within its standard), the rest hours to weeks late.
        lalu = (
            timedelta(minutes=r.randrange(1, 8))
            if r.random() < 0.2
            else timedelta(hours=r.randrange(2, 24 * 21))
        )
        sampai = r.choice([Status.DIAJUKAN, Status.DIAJUKAN, Status.DIDISPOSISI, Status.DIPERIKSA])
        pengusul = orang[(k.slug, Peran.PENGUSUL)]
        kasubbag = orang[(k.slug, Peran.KASUBBAG)]
        pengelola = orang[(k.slug, Peran.PENGELOLA)]
        with transaction.atomic():
            ph = ProdukHukum.objects.create(
                satker=s,
                jenis=j,
                judul=d["judul"],
                nomor=f"{900 + i}/{d['nomor'].split('/', 1)[-1]}"
                if "/" in d["nomor"]
                else str(900 + i),
                tahun=sekarang.year,
                tanggal_penetapan=(sekarang - lalu).date(),
                subjek="",
                lokasi=PENANDA_LOKASI,
                status_publikasi="draf",
            )
            b = berkas[i % len(berkas)]
            versi = VersiBerkas.objects.create(
                produk=ph,
                nomor_versi=1,
                berkas=b.nama,
                nama_asli="naskah-asli.pdf",
                sha256=b.sha256,
                ukuran=b.ukuran,
                jumlah_halaman=b.jumlah_halaman,
                teks=d["teks"],
                status_proses="selesai",
                diunggah_oleh=pengusul,
            )
            masuk = sekarang - lalu
            awal = (
                masuk - timedelta(hours=r.randrange(1, 48)) if sampai != Status.DIAJUKAN else masuk
            )
            p = Permohonan.objects.create(
                satker=s,
                jenis=JenisPermohonan.UNGGAH,
                produk=ph,
                diajukan_oleh=pengusul,
                status=sampai,
                status_sejak=masuk,
                dibuat_pada=awal,
                pengelola=pengelola if sampai != Status.DIAJUKAN else None,
            )
            perihal = f"Permohonan pengunggahan {d['judul']}"[:255]
            NotaDinas.objects.create(
                permohonan=p,
                naskah_asli=versi,
                nomor=f"{r.randrange(1, 999)}/ND/{k.kode_naskah}/{sekarang.year}"[:100],
                tanggal=awal.date(),
                perihal=perihal,
                dari="Kasubbag Teknis Penyelenggaraan",
                kepada="Kasubbag Hukum dan SDM",
            )
            catat(p, pengusul, "ajukan", "", Status.DIAJUKAN, perihal, None, awal)
            if sampai != Status.DIAJUKAN:
                waktu_dispo = masuk if sampai == Status.DIDISPOSISI else awal + (masuk - awal) / 2
                Disposisi.objects.create(
                    permohonan=p,
                    dari=kasubbag,
                    kepada=pengelola,
                    petunjuk="Siapkan metadata dan unggah ke laman JDIH.",
                    tanggal=waktu_dispo,
                )
                catat(
                    p,
                    kasubbag,
                    "disposisi",
                    Status.DIAJUKAN,
                    Status.DIDISPOSISI,
                    "",
                    None,
                    waktu_dispo,
                )
            if sampai == Status.DIPERIKSA:
                catat(
                    p, pengelola, "serahkan", Status.DIDISPOSISI, Status.DIPERIKSA, "", None, masuk
                )
        dibuat += 1
    _tulis(keluaran, f"Permohonan terbuka: {dibuat} dibuat.")
    return dibuat


# --- wipe ---------------------------------------------------------------------------


def kosongkan(keluaran=None) -> dict[str, int]:
    """Remove what the generator made, and nothing else (see the module doc)."""
    from workflow.models import Permohonan

    hitung = {}
    produk = ProdukHukum.objects.filter(lokasi=PENANDA_LOKASI)
    with transaction.atomic():
        hitung["permohonan"], _ = Permohonan.objects.filter(produk__in=produk).delete()
    if connection.vendor == "postgresql":
        # The big tables by set-based DELETE: the ORM would load every row.
        tabel_p = ProdukHukum._meta.db_table
        with transaction.atomic(), connection.cursor() as c:
            sub = f"SELECT id FROM {tabel_p} WHERE lokasi = %s"
            c.execute(
                f"DELETE FROM {ProdukHukum.daftar_subjek.through._meta.db_table} "
                f"WHERE produkhukum_id IN ({sub})",
                [PENANDA_LOKASI],
            )
            c.execute(
                f"DELETE FROM {VersiBerkas._meta.db_table} WHERE produk_id IN ({sub})",
                [PENANDA_LOKASI],
            )
    ids = list(produk.values_list("pk", flat=True))
    hitung["produk"] = 0
    for i in range(0, len(ids), 5000):
        with transaction.atomic():
            # The ORM for what remains: whatever else points at a product
            # (other apps' tables) is cascaded as the app would.
            ProdukHukum.objects.filter(pk__in=ids[i : i + 5000]).delete()
        hitung["produk"] += len(ids[i : i + 5000])
    User = get_user_model()
    hitung["pengguna"] = hitung["pengguna_tetap"] = 0
    for u in User.objects.filter(email__endswith=PENANDA_SUREL):
        try:
            with transaction.atomic():
                u.delete()
            hitung["pengguna"] += 1
        except ProtectedError:
            hitung["pengguna_tetap"] += 1
    hitung["satker"] = hitung["satker_tetap"] = 0
    for tingkat in ("kabupaten-kota", "provinsi", "pusat"):
        for s in Satker.objects.filter(alamat=PENANDA_ALAMAT, tingkat=tingkat):
            try:
                with transaction.atomic():
                    s.delete()
                hitung["satker"] += 1
            except ProtectedError:
                hitung["satker_tetap"] += 1
    h = hitung
    _tulis(
        keluaran,
        f"Dihapus: {h['produk']} produk, {h['permohonan']} permohonan, {h['pengguna']} pengguna, "
        f"{h['satker']} satker; tetap karena disebut jejak audit: {h['pengguna_tetap']} "
        f"pengguna, {h['satker_tetap']} satker.",
    )
    return hitung
