"""The OpenAPI 3 schema of /api/v1/: valid, complete (every endpoint,
parameter, response and field described, in Indonesian), and true: its
examples and the API's real answers both satisfy it."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

from api.skema import skema_api
from documents.models import JenisRelasi
from publicsite.forms import CariForm
from tests.api_helpers import alamat, batas_bersih, data, produk_dengan_lampiran  # noqa: F401
from tests.factories import buat_jenis, buat_produk, pdf_bytes
from tests.publik_helpers import relasikan, versi_baru

pytestmark = pytest.mark.django_db

INGGRIS = re.compile(r"\b(the|and|with|of|is|are|returns?)\b", re.I)


@pytest.fixture
def skema(client):
    respons = client.get(alamat("skema"))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/json"
    return respons.json()


def _operasi(skema):
    for path, isi in skema["paths"].items():
        for metode, op in isi.items():
            yield path, metode, op


def test_skema_openapi_3_valid(skema):
    assert skema["openapi"].startswith("3.")
    validate(skema)


def test_setiap_rute_api_terdokumentasi(skema):
    resolver = get_resolver()
    rute_api = next(
        r for r in resolver.url_patterns if isinstance(r, URLResolver) and r.namespace == "api"
    )
    tidak_didokumentasi = {"dokumentasi", "skema", "tidak-ada"}
    diharapkan = set()
    for p in rute_api.url_patterns:
        assert isinstance(p, URLPattern)
        if p.name in tidak_didokumentasi:
            continue
        diharapkan.add("/api/" + re.sub(r"<int:pk>", "{id}", str(p.pattern)))
    assert set(skema["paths"]) == diharapkan
    assert all(m == "get" for _, m, _ in _operasi(skema))


def test_setiap_operasi_parameter_jawaban_dan_isian_berketerangan_indonesia(skema):
    teks = [skema["info"]["description"]]
    for path, _, op in _operasi(skema):
        assert op.get("summary") and op.get("description"), path
        assert op.get("operationId") and op.get("tags"), path
        teks += [op["summary"], op["description"]]
        for p in op.get("parameters", []):
            assert p.get("description"), (path, p["name"])
            teks.append(p["description"])
        assert {"200", "304", "429"} <= set(op["responses"]), path
        for kode, r in op["responses"].items():
            assert r.get("description"), (path, kode)
            teks.append(r["description"])
            for nama, h in r.get("headers", {}).items():
                assert h.get("description"), (path, kode, nama)
    for nama, komponen in skema["components"]["schemas"].items():
        if "properties" in komponen:
            assert komponen.get("description"), nama
            teks.append(komponen["description"])
            for isian, p in komponen["properties"].items():
                assert p.get("description"), (nama, isian)
                teks.append(p["description"])
    inggris = [t for t in teks if INGGRIS.search(t)]
    assert inggris == []


def test_setiap_saringan_pencarian_menjadi_parameter_daftar_produk(skema):
    op = skema["paths"]["/api/v1/produk/"]["get"]
    kueri = {p["name"] for p in op["parameters"] if p["in"] == "query"}
    assert kueri == {*CariForm().fields, "halaman", "per_halaman"}
    detail = skema["paths"]["/api/v1/produk/{id}/"]["get"]
    assert {(p["name"], p["in"], p.get("required")) for p in detail["parameters"]} >= {
        ("id", "path", True)
    }
    assert {"200", "404"} <= set(detail["responses"])
    assert "400" in op["responses"]


def _lepas_ref(nilai, komponen):
    """The schema with every $ref replaced by its component (no cycles here)."""
    if isinstance(nilai, dict):
        if "$ref" in nilai:
            return _lepas_ref(komponen[nilai["$ref"].rsplit("/", 1)[-1]], komponen)
        if len(nilai.get("allOf", ())) == 1:
            # drf-spectacular's nullable reference ({allOf: [$ref], nullable}) as one
            # schema, the form OAS30Validator reads nullable in.
            luar = {k: v for k, v in nilai.items() if k != "allOf"}
            return {**_lepas_ref(nilai["allOf"][0], komponen), **_lepas_ref(luar, komponen)}
        return {k: _lepas_ref(v, komponen) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_lepas_ref(v, komponen) for v in nilai]
    return nilai


def _skema_jawaban(skema, path, kode):
    konten = skema["paths"][path]["get"]["responses"][kode]["content"]["application/json"]
    return _lepas_ref(konten["schema"], skema["components"]["schemas"]), konten


def _periksa(skema_json, nilai):
    galat = sorted(
        OAS30Validator(skema_json).iter_errors(nilai), key=lambda e: list(e.absolute_path)
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in galat]


def test_contoh_jawaban_sesuai_skemanya(skema):
    jumlah = 0
    for path, _, op in _operasi(skema):
        for kode, r in op["responses"].items():
            if "content" not in r:
                continue
            s, konten = _skema_jawaban(skema, path, kode)
            assert konten.get("examples"), (path, kode)
            for nama, contoh in konten["examples"].items():
                assert _periksa(s, contoh["value"]) == [], (path, kode, nama)
                jumlah += 1
    assert jumlah >= 20


def test_jawaban_nyata_sesuai_skema(client, skema):
    buku = buat_jenis(singkatan="MONO-SK", nama="Monografi Skema", tipe_dokumen="monografi")
    produk, _ = produk_dengan_lampiran(
        "Rekap", abstrak="Pokok isi.", abstrak_dasar_hukum="UU 7/2017", subjek="Pemilih"
    )
    versi_baru(produk, pdf_bytes(judul="Perbaikan"), keterangan="Perbaikan.")
    relasikan(produk, JenisRelasi.MENCABUT, buat_produk(berkas=False))
    relasikan(buat_produk(berkas=False), JenisRelasi.MENGUBAH, produk, keterangan="Pasal 2")
    monografi = buat_produk(
        jenis=buku,
        berkas=False,
        penerbit="KPU",
        tempat_terbit="Jakarta",
        deskripsi_fisik="x hlm.",
        eksemplar=3,
    )
    permintaan = [
        ("/api/v1/", "akar", (), {}),
        ("/api/v1/produk/", "produk-daftar", (), {"per_halaman": 2}),
        ("/api/v1/produk/", "produk-daftar", (), {"q": "Penetapan"}),
        ("/api/v1/produk/{id}/", "produk-detail", (produk.pk,), {}),
        ("/api/v1/produk/{id}/", "produk-detail", (monografi.pk,), {}),
        ("/api/v1/produk/{id}/relasi/", "produk-relasi", (produk.pk,), {}),
        ("/api/v1/produk/{id}/versi/", "produk-versi", (produk.pk,), {}),
        ("/api/v1/produk/{id}/lampiran/", "produk-lampiran", (produk.pk,), {}),
        ("/api/v1/satker/", "satker-daftar", (), {}),
        ("/api/v1/jenis/", "jenis-daftar", (), {}),
    ]
    for path, nama, args, params in permintaan:
        s, _ = _skema_jawaban(skema, path, "200")
        isi = data(client, nama, *args, **params)
        assert _periksa(s, isi) == [], (path, params)
    detail = data(client, "produk-detail", produk.pk)
    assert detail["relasi"] and detail["versi"] and detail["lampiran"] and detail["naskah"]
    galat = client.get(alamat("produk-daftar"), {"tahun": "x"})
    s, _ = _skema_jawaban(skema, "/api/v1/produk/", "400")
    assert galat.status_code == 400 and _periksa(s, galat.json()) == []
    s, _ = _skema_jawaban(skema, "/api/v1/produk/{id}/", "404")
    assert _periksa(s, client.get(alamat("produk-detail", 99999)).json()) == []


def test_skema_dibangun_sekali_per_proses():
    assert skema_api() is skema_api()
