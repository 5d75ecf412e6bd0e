"""The 553 KPU offices: KPU RI, one KPU Provinsi per province (38) and one KPU
Kabupaten/Kota per regency or city (514), from the Kemendagri area list
vendored in data/ (source and licence: data/SUMBER.md).

Slugs follow the demo's (documents.demo.SATKER): the area's name without
"Kabupaten"/"Kota", so /kotawaringin-timur/ and /payakumbuh/ stay where the
demo puts them. Where two offices would share one (Kabupaten and Kota
Bandung, Provinsi and Kota Bengkulu) the province keeps the bare name and the
regencies say which they are (kabupaten-bandung, kota-bandung).
"""

import csv
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.text import slugify

DATA = Path(__file__).resolve().parent / "data"

WIB, WITA, WIT = "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"

# Not in the source: the seat of each province (where its KPU signs).
IBU_KOTA_PROVINSI = {
    "11": "Banda Aceh",
    "12": "Medan",
    "13": "Padang",
    "14": "Pekanbaru",
    "15": "Jambi",
    "16": "Palembang",
    "17": "Bengkulu",
    "18": "Bandar Lampung",
    "19": "Pangkalpinang",
    "21": "Tanjungpinang",
    "31": "Jakarta",
    "32": "Bandung",
    "33": "Semarang",
    "34": "Yogyakarta",
    "35": "Surabaya",
    "36": "Serang",
    "51": "Denpasar",
    "52": "Mataram",
    "53": "Kupang",
    "61": "Pontianak",
    "62": "Palangka Raya",
    "63": "Banjarbaru",
    "64": "Samarinda",
    "65": "Tanjung Selor",
    "71": "Manado",
    "72": "Palu",
    "73": "Makassar",
    "74": "Kendari",
    "75": "Gorontalo",
    "76": "Mamuju",
    "81": "Ambon",
    "82": "Sofifi",
    "91": "Jayapura",
    "92": "Manokwari",
    "93": "Merauke",
    "94": "Nabire",
    "95": "Wamena",
    "96": "Sorong",
}

# The names KPU itself uses where the official one is long.
NAMA_PENDEK_PROVINSI = {"31": "DKI Jakarta", "34": "Daerah Istimewa Yogyakarta"}


def zona_waktu(kode_provinsi: str) -> str:
    """WIB west of the Makassar Strait (Sumatra, Java, West and Central
    Kalimantan), WIT for Maluku and Papua, WITA between."""
    k = int(kode_provinsi)
    if k <= 36 or k in (61, 62):
        return WIB
    if k >= 81:
        return WIT
    return WITA


@dataclass(frozen=True)
class Kantor:
    slug: str
    nama: str
    tingkat: str  # Satker.Tingkat values
    induk: str | None  # the parent's slug
    tempat: str
    zona_waktu: str
    kode: str  # Kemendagri code: "" (pusat), "62", "62.02"
    wilayah: str  # "Kalimantan Tengah", "Kabupaten Kotawaringin Timur"

    @property
    def kode_naskah(self) -> str:
        """The office's part of a decision number (Tata Naskah Dinas KPU):
        KPU, 62/KPU-Prov, 6202/KPU-Kab, 1376/KPU-Kot."""
        if not self.kode:
            return "KPU"
        if "." not in self.kode:
            return f"{self.kode}/KPU-Prov"
        angka = self.kode.replace(".", "")
        return f"{angka}/KPU-Kot" if self.wilayah.startswith("Kota") else f"{angka}/KPU-Kab"


def _baca(nama: str) -> list[dict]:
    with open(DATA / nama, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _tanpa_awalan(nama: str) -> str:
    for awalan in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if nama.startswith(awalan):
            return nama.removeprefix(awalan)
    return nama


@cache
def daftar_kantor() -> tuple[Kantor, ...]:
    """KPU RI, then each province followed by its regencies and cities."""
    provinsi = _baca("provinsi.csv")
    kabkota = _baca("kabupaten_kota.csv")
    nama_prov = {p["code"]: NAMA_PENDEK_PROVINSI.get(p["code"], p["name"]) for p in provinsi}
    slug_prov = {k: slugify(n) for k, n in nama_prov.items()}
    dasar = Counter(slugify(_tanpa_awalan(r["name"])) for r in kabkota)
    dasar.update(slug_prov.values())

    hasil = [
        Kantor(
            "kpu-ri",
            "Komisi Pemilihan Umum Republik Indonesia",
            "pusat",
            None,
            "Jakarta",
            WIB,
            "",
            "Indonesia",
        )
    ]
    for p in provinsi:
        kode = p["code"]
        hasil.append(
            Kantor(
                slug_prov[kode],
                f"KPU Provinsi {nama_prov[kode]}",
                "provinsi",
                "kpu-ri",
                IBU_KOTA_PROVINSI[kode],
                zona_waktu(kode),
                kode,
                nama_prov[kode],
            )
        )
        for r in kabkota:
            if r["province_code"] != kode:
                continue
            inti = _tanpa_awalan(r["name"])
            slug = slugify(inti)
            if dasar[slug] > 1:
                jenis = "kota" if r["name"].startswith("Kota") else "kabupaten"
                slug = f"{jenis}-{slug}"
            hasil.append(
                Kantor(
                    slug,
                    f"KPU {r['name']}",
                    "kabupaten-kota",
                    slug_prov[kode],
                    # A city signs in its own name; a regency's seat is not in
                    # the source, so its name stands for it.
                    inti,
                    zona_waktu(kode),
                    r["code"],
                    r["name"],
                )
            )
    return tuple(hasil)
