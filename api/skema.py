"""The OpenAPI 3 description of /api/v1/: what each operation says about
itself (summary, parameters, responses with examples, in Indonesian), the
hooks that keep the schema to the API and add the general text, and the
generated schema, built once per process (it changes only with the code
and the rate-limit settings)."""

from functools import lru_cache

from django import forms
from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from publicsite.forms import CariForm

from . import batas, contoh, paginasi
from . import serializers as s


def url(nama: str, *args) -> str:
    return reverse(nama, args=args)


# --- envelopes ------------------------------------------------------------------


class GalatSerializer(serializers.Serializer):
    kode = serializers.CharField(
        help_text=(
            "Kode galat untuk program: `parameter_tidak_valid`, `tidak_ditemukan`, "
            "`sedang_diperbaiki`, `halaman_tidak_ada`, `metode_tidak_diizinkan`, "
            "`terlalu_banyak_permintaan`."
        )
    )
    pesan = serializers.CharField(help_text="Penjelasan untuk manusia, dalam Bahasa Indonesia.")
    rincian = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per parameter yang bermasalah: daftar pesannya (hanya pada galat 400).",
    )


class HalamanProdukSerializer(serializers.Serializer):
    jumlah = serializers.IntegerField(
        help_text="Jumlah produk yang cocok (lihat `jumlah_terbatas`)."
    )
    jumlah_terbatas = serializers.BooleanField(
        help_text=(
            "Benar bila pencarian kata kunci cocok dengan lebih dari 1.000 produk: "
            "`jumlah` berhenti di 1.000 dan hanya 1.000 itu yang dapat dihalamankan."
        )
    )
    halaman = serializers.IntegerField(help_text="Nomor halaman ini.")
    jumlah_halaman = serializers.IntegerField(help_text="Jumlah halaman.")
    per_halaman = serializers.IntegerField(help_text="Produk per halaman.")
    sebelumnya = serializers.URLField(allow_null=True, help_text="Halaman sebelumnya, atau kosong.")
    berikutnya = serializers.URLField(allow_null=True, help_text="Halaman berikutnya, atau kosong.")
    hasil = s.ProdukRingkasSerializer(many=True, help_text="Produk di halaman ini.")


def _daftar(nama, anak, keterangan):
    return type(
        nama,
        (serializers.Serializer,),
        {"hasil": anak(many=True, help_text=keterangan), "__module__": __name__},
    )


DaftarRelasiSerializer = _daftar("DaftarRelasiSerializer", s.RelasiSerializer, "Relasi.")
DaftarVersiSerializer = _daftar("DaftarVersiSerializer", s.VersiSerializer, "Versi terbit.")
DaftarLampiranSerializer = _daftar(
    "DaftarLampiranSerializer", s.LampiranSerializer, "Lampiran terbit."
)
DaftarSatkerSerializer = _daftar("DaftarSatkerSerializer", s.SatkerSerializer, "Satker.")
DaftarJenisSerializer = _daftar("DaftarJenisSerializer", s.JenisSerializer, "Jenis.")


class SumberDayaSerializer(serializers.Serializer):
    produk = serializers.URLField(help_text="Daftar produk hukum.")
    satker = serializers.URLField(help_text="Daftar satker.")
    jenis = serializers.URLField(help_text="Daftar jenis produk hukum.")


class AkarSerializer(serializers.Serializer):
    nama = serializers.CharField(help_text="Nama API.")
    versi = serializers.CharField(help_text="Versi API.")
    dokumentasi = serializers.URLField(help_text="Halaman dokumentasi.")
    skema = serializers.URLField(help_text="Skema OpenAPI 3 (JSON).")
    sumber_daya = SumberDayaSerializer(help_text="Alamat sumber daya.")


# --- parameters -----------------------------------------------------------------

# What a reader needs to know beyond the form's label, per search parameter.
CATATAN_PARAMETER = {
    "q": "Kata kunci: dicari di judul, nomor, subjek, abstrak, dan teks PDF yang terbit.",
    "jenis": "ID jenis produk hukum (lihat `/api/v1/jenis/`).",
    "tipe": "Tipe dokumen: `peraturan`, `monografi`, `artikel`, atau `putusan`.",
    "tahun": "Tahun produk hukum (empat angka).",
    "nomor": "Sebagian atau seluruh nomor, tanpa membedakan huruf besar/kecil.",
    "status": "Status berlaku.",
    "satker": "Slug satker (lihat `/api/v1/satker/`).",
    "bidang": "Bidang hukum, persis seperti tercatat.",
    "urut": "Urutan hasil; bawaan: relevansi bila ada kata kunci, selain itu tanggal terbaru.",
}
CATATAN_UMUM = (
    " Nilai yang tidak dikenal dijawab 400. Pilihan yang sah hanya yang ada di katalog terbit."
)


def _skema_field(field) -> dict:
    if isinstance(field, forms.TypedChoiceField) and field.coerce is int:
        hasil = {"type": "integer"}
    elif isinstance(field, forms.IntegerField):
        hasil = {"type": "integer"}
        if field.min_value is not None:
            hasil["minimum"] = field.min_value
        if field.max_value is not None:
            hasil["maximum"] = field.max_value
    elif isinstance(field, forms.DateField):
        hasil = {"type": "string", "format": "date"}
    else:
        hasil = {"type": "string"}
        if getattr(field, "max_length", None):
            hasil["maxLength"] = field.max_length
    return hasil


def parameter_pencarian() -> list[OpenApiParameter]:
    """One query parameter per field of the public search's form, so a
    filter added to /cari/ is documented here too. Options fixed in the form
    become an enum; options read from the catalogue are described instead."""
    hasil = []
    for nama, field in CariForm.base_fields.items():
        tipe = _skema_field(field)
        tetap = [str(v) for v, _ in getattr(field, "choices", []) if v not in ("", None)]
        enum = None
        judul = str(field.label or nama)
        keterangan = CATATAN_PARAMETER.get(nama) or f"{judul}."
        if tetap:
            enum = tetap
            label = "; ".join(f"`{v}`: {lbl}" for v, lbl in field.choices if v not in ("", None))
            keterangan = f"{keterangan} Pilihan: {label}.".strip()
        elif isinstance(field, forms.ChoiceField):
            keterangan = (keterangan + CATATAN_UMUM).strip()
        if isinstance(field, forms.DateField):
            keterangan = (keterangan + " Format TTTT-BB-HH.").strip()
        if field.help_text:
            keterangan = f"{keterangan} {field.help_text}"
        hasil.append(
            OpenApiParameter(
                nama,
                tipe,
                OpenApiParameter.QUERY,
                description=keterangan,
                enum=enum,
            )
        )
    return hasil


PARAMETER_HALAMAN = [
    OpenApiParameter(
        paginasi.PARAMETER_HALAMAN,
        {"type": "integer", "minimum": 1, "maximum": paginasi.MAKS_HALAMAN},
        OpenApiParameter.QUERY,
        description="Nomor halaman, mulai dari 1. Halaman di luar jangkauan dijawab 404.",
    ),
    OpenApiParameter(
        paginasi.PARAMETER_PER_HALAMAN,
        {"type": "integer", "minimum": 1, "maximum": paginasi.MAKS_PER_HALAMAN},
        OpenApiParameter.QUERY,
        description=(
            f"Produk per halaman, {paginasi.PER_HALAMAN} bila tidak diisi, "
            f"paling banyak {paginasi.MAKS_PER_HALAMAN}."
        ),
    ),
]

# drf-spectacular names a path's pk "id".
PARAMETER_ID = OpenApiParameter(
    "id",
    int,
    OpenApiParameter.PATH,
    required=True,
    description="ID produk hukum (kolom `id` pada daftar produk).",
)

HEADER_RESPONS = [
    OpenApiParameter(
        "ETag",
        str,
        OpenApiParameter.HEADER,
        description="Sidik isi jawaban; kirim kembali dalam If-None-Match untuk mendapat 304.",
        response=[200],
    ),
    OpenApiParameter(
        "X-RateLimit-Limit",
        int,
        OpenApiParameter.HEADER,
        description="Batas permintaan per jendela waktu untuk alamat Anda.",
        response=[200],
    ),
    OpenApiParameter(
        "X-RateLimit-Remaining",
        int,
        OpenApiParameter.HEADER,
        description="Sisa permintaan dalam jendela waktu saat ini.",
        response=[200],
    ),
    OpenApiParameter(
        "Retry-After",
        int,
        OpenApiParameter.HEADER,
        description="Detik yang perlu ditunggu sebelum mencoba lagi.",
        response=[429],
    ),
    OpenApiParameter(
        "If-None-Match",
        str,
        OpenApiParameter.HEADER,
        description=(
            "ETag dari jawaban sebelumnya; bila isinya belum berubah, jawabannya 304 tanpa isi."
        ),
    ),
]


# --- responses ------------------------------------------------------------------


def _jawaban(serializer, keterangan, *contoh_isi):
    return OpenApiResponse(
        response=serializer,
        description=keterangan,
        examples=[
            OpenApiExample(nama, value=nilai, status_codes=[kode])
            for nama, nilai, kode in contoh_isi
        ],
    )


TIDAK_BERUBAH = OpenApiResponse(description="Tidak berubah sejak ETag yang dikirim (tanpa isi).")
TERLALU_BANYAK = _jawaban(
    GalatSerializer,
    "Batas permintaan untuk alamat Anda terlampaui; tunggu sesuai header Retry-After.",
    ("Terlalu banyak permintaan", contoh.GALAT_429, "429"),
)
PRODUK_404 = _jawaban(
    GalatSerializer,
    "Tidak ada produk terbit dengan ID itu. Produk yang sedang diperbaiki (diturunkan "
    "sementara) dijawab dengan kode `sedang_diperbaiki`.",
    ("Tidak ditemukan", contoh.GALAT_404, "404"),
    ("Sedang diperbaiki", contoh.GALAT_404_DIPERBAIKI, "404"),
)

TAG_PRODUK, TAG_REFERENSI, TAG_UMUM = "Produk hukum", "Referensi", "Umum"


def _operasi(operation_id, tag, ringkasan, uraian, contoh_kueri, respons, parameter=()):
    return {
        "operation_id": operation_id,
        "tags": [tag],
        "summary": ringkasan,
        "description": uraian,
        "parameters": [*parameter, *HEADER_RESPONS],
        "responses": {**respons, 304: TIDAK_BERUBAH, 429: TERLALU_BANYAK},
        "extensions": {"x-contoh-permintaan": contoh_kueri},
    }


DAFTAR_PRODUK = _operasi(
    "daftar_produk",
    TAG_PRODUK,
    "Daftar dan cari produk hukum terbit",
    "Produk hukum yang terbit, dengan saringan yang sama dengan pencarian di portal "
    "(`/cari/`), berhalaman. Tanpa kata kunci diurutkan dari tanggal penetapan terbaru "
    "dan `jumlah` tepat; dengan kata kunci dihitung paling banyak 1.000 kecocokan "
    "(lihat `jumlah_terbatas`). Parameter yang tidak dikenal atau tidak sah dijawab 400 "
    "dengan rincian per parameter.",
    "/api/v1/produk/?q=pemilih&tahun=2024",
    {
        200: _jawaban(
            HalamanProdukSerializer,
            "Satu halaman hasil.",
            ("Hasil pencarian", contoh.HALAMAN_PRODUK, "200"),
        ),
        400: _jawaban(
            GalatSerializer,
            "Parameter tidak sah atau tidak dikenal.",
            ("Parameter tidak sah", contoh.GALAT_400, "400"),
        ),
        404: _jawaban(
            GalatSerializer,
            "Nomor halaman melebihi halaman terakhir.",
            ("Halaman tidak ada", contoh.GALAT_404_HALAMAN, "404"),
        ),
    },
    parameter=[*parameter_pencarian(), *PARAMETER_HALAMAN],
)

DETAIL_PRODUK = _operasi(
    "rincian_produk",
    TAG_PRODUK,
    "Rincian satu produk hukum",
    "Seluruh metadata yang tampil di halaman produk: satker, jenis, nomor, tahun, judul, "
    "tanggal, status berlaku, subjek, bidang hukum, abstrak, isian khusus tipe dokumen, "
    "berkas naskah yang berlaku, serta relasi, versi, dan lampiran yang terbit.",
    "/api/v1/produk/128/",
    {
        200: _jawaban(
            s.ProdukDetailSerializer, "Rincian produk.", ("Rincian", contoh.PRODUK_DETAIL, "200")
        ),
        404: PRODUK_404,
    },
    parameter=[PARAMETER_ID],
)

RELASI_PRODUK = _operasi(
    "relasi_produk",
    TAG_PRODUK,
    "Relasi produk hukum (dua arah)",
    "Produk yang diubah, dicabut, atau dilaksanakan oleh produk ini (`arah`: `keluar`) "
    "dan produk yang mengubah, mencabut, atau melaksanakannya (`arah`: `masuk`). "
    "Hanya relasi dengan produk yang terbit.",
    "/api/v1/produk/128/relasi/",
    {
        200: _jawaban(
            DaftarRelasiSerializer, "Relasi.", ("Relasi", {"hasil": contoh.RELASI}, "200")
        ),
        404: PRODUK_404,
    },
    parameter=[PARAMETER_ID],
)

VERSI_PRODUK = _operasi(
    "versi_produk",
    TAG_PRODUK,
    "Riwayat versi naskah",
    "Versi naskah yang pernah terbit, terbaru lebih dulu, dengan keterangan perbaikannya. "
    "Versi yang belum terbit tidak pernah tampil.",
    "/api/v1/produk/128/versi/",
    {
        200: _jawaban(DaftarVersiSerializer, "Versi.", ("Versi", {"hasil": contoh.VERSI}, "200")),
        404: PRODUK_404,
    },
    parameter=[PARAMETER_ID],
)

LAMPIRAN_PRODUK = _operasi(
    "lampiran_produk",
    TAG_PRODUK,
    "Lampiran produk hukum",
    "Lampiran yang terbit bersama produk, berurutan, dengan alamat unduhnya.",
    "/api/v1/produk/128/lampiran/",
    {
        200: _jawaban(
            DaftarLampiranSerializer, "Lampiran.", ("Lampiran", {"hasil": contoh.LAMPIRAN}, "200")
        ),
        404: PRODUK_404,
    },
    parameter=[PARAMETER_ID],
)

DAFTAR_SATKER = _operasi(
    "daftar_satker",
    TAG_REFERENSI,
    "Daftar satker",
    "Semua satker (KPU RI, KPU Provinsi, KPU Kabupaten/Kota) dengan jumlah produk "
    "terbitnya, urut nama. Slug-nya dipakai pada parameter `satker`.",
    "/api/v1/satker/",
    {200: _jawaban(DaftarSatkerSerializer, "Semua satker.", ("Satker", contoh.SATKER, "200"))},
)

DAFTAR_JENIS = _operasi(
    "daftar_jenis",
    TAG_REFERENSI,
    "Daftar jenis produk hukum",
    "Semua jenis produk hukum dengan jumlah produk terbitnya. ID-nya dipakai pada "
    "parameter `jenis`.",
    "/api/v1/jenis/",
    {200: _jawaban(DaftarJenisSerializer, "Semua jenis.", ("Jenis", contoh.JENIS, "200"))},
)

AKAR = _operasi(
    "akar",
    TAG_UMUM,
    "Titik masuk API",
    "Nama, versi, dan alamat sumber daya API ini.",
    "/api/v1/",
    {200: _jawaban(AkarSerializer, "Titik masuk.", ("Titik masuk", contoh.AKAR, "200"))},
)


# --- hooks and generation -------------------------------------------------------


def hanya_api_v1(endpoints, **kwargs):
    return [e for e in endpoints if e[0].startswith("/api/v1/")]


def uraian_umum() -> str:
    n, detik = batas.batas(), batas.jendela()
    pembatasan = (
        f"paling banyak **{n} permintaan per {detik} detik** per alamat IP (IPv6: per blok /64)"
        if n > 0
        else "tidak dibatasi pada server ini"
    )
    return (
        "API hanya-baca untuk produk hukum yang **terbit** di JDIH Komisi Pemilihan Umum: "
        "daftar dan pencarian, rincian, relasi, versi, lampiran, serta daftar satker dan "
        "jenis. Tanpa pendaftaran dan tanpa kunci API. Draf, produk yang sedang "
        "diperbaiki, dan versi yang belum terbit tidak pernah tampil.\n\n"
        f"**Batas permintaan:** {pembatasan}; di atasnya dijawab 429 dengan header "
        "`Retry-After`. Header `X-RateLimit-Limit` dan `X-RateLimit-Remaining` menyertai "
        "setiap jawaban.\n\n"
        "**Cache:** setiap jawaban GET membawa `ETag` dan `Cache-Control: public, no-cache`; "
        "kirim `If-None-Match` untuk mendapat 304 bila isinya belum berubah.\n\n"
        "**CORS:** `Access-Control-Allow-Origin: *` untuk GET, HEAD, dan OPTIONS, tanpa "
        "kredensial, sehingga API dapat dibaca langsung dari halaman web mana pun.\n\n"
        '**Galat** selalu JSON: `{"kode": ..., "pesan": ..., "rincian": ...}`. Metode '
        "selain GET/HEAD/OPTIONS dijawab 405.\n\n"
        "**Ketentuan penggunaan:** data boleh dipakai ulang dengan menyebut sumbernya "
        "(JDIH KPU dan satker penetapnya) dan tautan ke halaman produk (`url_halaman`). "
        "Naskah resmi adalah berkas PDF yang terbit; metadata dapat berubah bila ada "
        "perbaikan (lihat `diperbarui_pada` dan riwayat versi)."
    )


URAIAN_KOMPONEN = {
    "Abstrak": "Abstrak terstruktur: pokok isi, dasar hukum, catatan, dan lembar PDF-nya.",
    "Akar": "Titik masuk API.",
    "BidangTipe": "Isian khusus tipe dokumen; hanya isian milik tipe produk yang dikirim.",
    "DaftarJenis": "Semua jenis produk hukum.",
    "DaftarLampiran": "Lampiran terbit satu produk.",
    "DaftarRelasi": "Relasi dua arah satu produk dengan produk terbit.",
    "DaftarSatker": "Semua satker.",
    "DaftarVersi": "Versi naskah yang terbit, terbaru lebih dulu.",
    "Galat": "Jawaban galat.",
    "HalamanProduk": "Satu halaman daftar produk hukum.",
    "Jenis": "Jenis produk hukum dengan jumlah produk terbitnya.",
    "JenisRingkas": "Jenis produk hukum.",
    "Lampiran": "Satu lampiran terbit.",
    "NaskahProduk": "Berkas naskah yang berlaku sekarang.",
    "ProdukDetail": "Rincian produk hukum terbit.",
    "ProdukRingkas": "Produk hukum terbit, sebagaimana tampil di daftar.",
    "Relasi": "Satu relasi dengan produk hukum terbit lain.",
    "Satker": "Satuan kerja (KPU RI, provinsi, kabupaten/kota).",
    "SatkerRingkas": "Satuan kerja penetap.",
    "SumberDaya": "Alamat sumber daya API.",
    "TautanProduk": "Alamat sub-sumber daya satu produk.",
    "Versi": "Satu versi naskah yang terbit.",
}


def lengkapi(result, generator, request, public):
    result["info"]["description"] = uraian_umum()
    # Component descriptions come from the serializers' docstrings, written for
    # programmers in English: readers get the Indonesian ones instead.
    for nama, komponen in result.get("components", {}).get("schemas", {}).items():
        if "properties" in komponen:
            komponen["description"] = URAIAN_KOMPONEN.get(nama, "")
            if not komponen["description"]:
                del komponen["description"]
    result["tags"] = [
        {
            "name": TAG_PRODUK,
            "description": "Produk hukum terbit: daftar, rincian, relasi, versi, lampiran.",
        },
        {"name": TAG_REFERENSI, "description": "Daftar satker dan jenis, untuk nilai saringan."},
        {"name": TAG_UMUM, "description": "Titik masuk API."},
    ]
    return result


@lru_cache(maxsize=4)
def _skema(n: int, detik: int) -> dict:
    from django.urls import include, path
    from drf_spectacular.generators import SchemaGenerator

    # Only the API's own routes: the generator need not walk the whole site.
    rute = [path("api/", include("api.urls"))]
    return SchemaGenerator(patterns=rute).get_schema(request=None, public=True)


def skema_api() -> dict:
    """The schema, generated once per process (and per rate-limit setting)."""
    return _skema(batas.batas(), batas.jendela())
