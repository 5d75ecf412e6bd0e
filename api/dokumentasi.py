"""The documentation page's content, read from the OpenAPI schema: the
general text, every operation with its parameters, a curl example and the
example responses, and the fields of every data shape."""

import json
import re
import shlex

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import contoh

METODE = ("get", "head", "post", "put", "patch", "delete")
LOKASI = {"query": "kueri", "path": "alamat", "header": "header"}
TIPE = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "bilangan",
    "boolean": "benar/salah",
    "object": "objek",
    "array": "larik",
}
FORMAT = {"date": "tanggal", "date-time": "waktu", "uri": "URL"}


def teks_kaya(teks: str) -> str:
    """The schema's small Markdown (``**tebal**``, ```kode```) as safe HTML:
    escaped first, so nothing in the text can become markup of its own."""
    html = str(escape(teks or ""))
    html = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html)
    html = re.sub(r"`(.+?)`", r"<code>\1</code>", html)
    return mark_safe(html)


def bagian_uraian(teks: str) -> list[dict]:
    """Paragraphs of the general description; one that opens with
    ``**Judul:**`` becomes a titled section."""
    hasil = []
    for paragraf in (teks or "").split("\n\n"):
        m = re.match(r"\*\*(.+?):\*\*\s*(.*)", paragraf, re.S)
        if m:
            isi = m.group(2)
            hasil.append({"judul": m.group(1), "isi": teks_kaya(isi[:1].upper() + isi[1:])})
        else:
            hasil.append({"judul": "", "isi": teks_kaya(paragraf)})
    return hasil


def nama_komponen(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def jenis_data(skema: dict) -> dict:
    """{"teks": human type, "ref": component name or ""}."""
    skema = skema or {}
    if "$ref" in skema:
        return {"teks": nama_komponen(skema["$ref"]), "ref": nama_komponen(skema["$ref"])}
    if "allOf" in skema and skema["allOf"]:
        dalam = jenis_data(skema["allOf"][0])
        if skema.get("nullable"):
            dalam = {**dalam, "teks": dalam["teks"] + " atau null"}
        return dalam
    if skema.get("type") == "array":
        dalam = jenis_data(skema.get("items", {}))
        return {"teks": f"larik {dalam['teks']}", "ref": dalam["ref"]}
    teks = FORMAT.get(skema.get("format"), TIPE.get(skema.get("type"), "nilai"))
    if skema.get("type") == "object" and "additionalProperties" in skema:
        teks = "objek (nama → " + jenis_data(skema["additionalProperties"])["teks"] + ")"
    if skema.get("enum"):
        teks += ": " + ", ".join(str(v) for v in skema["enum"] if v not in ("", None))
    if skema.get("nullable"):
        teks += " atau null"
    return {"teks": teks, "ref": ""}


def _skema_parameter(p: dict, komponen: dict) -> dict:
    skema = p.get("schema", {})
    if "$ref" in skema:
        skema = komponen.get(nama_komponen(skema["$ref"]), {})
    return skema


def _angka(n) -> str:
    return f"{n:,}".replace(",", ".")


# Path parameters first, the query's next, request headers last.
URUTAN_LOKASI = {"path": 0, "query": 1, "header": 2}


def _contoh_json(nilai, dasar: str) -> str:
    teks = json.dumps(nilai, ensure_ascii=False, indent=2)
    return teks.replace(contoh.HOST, dasar)


def operasi(skema: dict, dasar: str) -> list[dict]:
    komponen = skema.get("components", {}).get("schemas", {})
    hasil = []
    for alamat, isi in skema.get("paths", {}).items():
        for metode in METODE:
            op = isi.get(metode)
            if op is None:
                continue
            parameter = []
            urut = sorted(op.get("parameters", []), key=lambda p: URUTAN_LOKASI.get(p["in"], 3))
            for p in urut:
                s = _skema_parameter(p, komponen)
                batas = []
                if "minimum" in s:
                    batas.append(f"min. {_angka(s['minimum'])}")
                if "maximum" in s:
                    batas.append(f"maks. {_angka(s['maximum'])}")
                if "maxLength" in s:
                    batas.append(f"paling panjang {s['maxLength']} karakter")
                parameter.append(
                    {
                        "nama": p["name"],
                        "lokasi": LOKASI.get(p["in"], p["in"]),
                        "jenis": jenis_data({k: v for k, v in s.items() if k != "enum"})["teks"],
                        "batas": ", ".join(batas),
                        "wajib": p.get("required", False),
                        "uraian": teks_kaya(p.get("description", "")),
                    }
                )
            respons = []
            for kode, r in op.get("responses", {}).items():
                konten = r.get("content", {}).get("application/json", {})
                contoh_isi = [
                    {"nama": c.get("summary", nama), "json": _contoh_json(c.get("value"), dasar)}
                    for nama, c in konten.get("examples", {}).items()
                ]
                respons.append(
                    {
                        "kode": kode,
                        "uraian": teks_kaya(r.get("description", "")),
                        "jenis": jenis_data(konten.get("schema")) if konten else None,
                        "header": sorted(r.get("headers", {})),
                        "contoh": contoh_isi,
                    }
                )
            contoh_alamat = op.get("x-contoh-permintaan", alamat)
            hasil.append(
                {
                    "id": op.get("operationId", ""),
                    "metode": metode.upper(),
                    "alamat": alamat,
                    "tag": (op.get("tags") or [""])[0],
                    "ringkasan": op.get("summary", ""),
                    "uraian": teks_kaya(op.get("description", "")),
                    "parameter": parameter,
                    "curl": "curl -s " + shlex.quote(dasar + contoh_alamat),
                    "respons": respons,
                }
            )
    return hasil


def komponen(skema: dict) -> list[dict]:
    hasil = []
    for nama, s in sorted(skema.get("components", {}).get("schemas", {}).items()):
        if s.get("type") != "object" or "properties" not in s:
            continue
        wajib = set(s.get("required", []))
        hasil.append(
            {
                "nama": nama,
                "uraian": teks_kaya(s.get("description", "")),
                "isian": [
                    {
                        "nama": n,
                        "jenis": jenis_data(p),
                        "wajib": n in wajib,
                        "uraian": teks_kaya(p.get("description", "")),
                    }
                    for n, p in s["properties"].items()
                ],
            }
        )
    return hasil


def konteks(skema: dict, dasar: str) -> dict:
    daftar = operasi(skema, dasar)
    # The schema's tag order (products first), not the alphabet's.
    kelompok = {t["name"]: [] for t in skema.get("tags", [])}
    for op in daftar:
        kelompok.setdefault(op["tag"], []).append(op)
    uraian_tag = {t["name"]: t.get("description", "") for t in skema.get("tags", [])}
    return {
        "judul": skema["info"]["title"],
        "versi": skema["info"]["version"],
        "uraian": bagian_uraian(skema["info"].get("description", "")),
        "kelompok": [
            {"nama": nama, "uraian": uraian_tag.get(nama, ""), "operasi": ops}
            for nama, ops in kelompok.items()
            if ops
        ],
        "komponen": komponen(skema),
        "dasar": dasar,
    }
