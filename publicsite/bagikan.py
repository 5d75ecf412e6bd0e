"""Sharing a product's page: plain share links (no third-party script runs on
the portal; the reader's click is the only thing that reaches the network
they chose), and the citation line.

Citation style (one style everywhere, after the pattern JDIH units commonly
use for online legal documents):

    <nama badan satker>, <jenis> Nomor <nomor> [Tahun <tahun>] tentang
    <judul>, <alamat kanonik>, diakses <tanggal akses>.

- nama badan: the body's full name as its letterhead writes it
  (Satker.nama_badan, "Komisi Pemilihan Umum Kabupaten Kotawaringin Timur");
- jenis: the full name of the jenis (not the abbreviation); "Tahun" is left
  out when the number already ends with the year, as on the product's title;
- tanggal akses: the day the page was rendered, in the Satker's time zone,
  written "22 November 2026".
"""

from urllib.parse import quote, urlencode

from django.utils import timezone
from django.utils.dateformat import format as format_tanggal


def judul_lengkap(produk) -> str:
    tahun = "" if produk.nomor.endswith(str(produk.tahun)) else f" Tahun {produk.tahun}"
    return f"{produk.jenis.nama} Nomor {produk.nomor}{tahun} tentang {produk.judul}"


def sitasi(produk, alamat: str, diakses=None) -> str:
    diakses = diakses or timezone.localdate(timezone=_zona(produk.satker))
    tanggal = format_tanggal(diakses, "j F Y")
    return f"{produk.satker.nama_badan}, {judul_lengkap(produk)}, {alamat}, diakses {tanggal}."


def _zona(satker):
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(satker.zona_waktu)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def tautan_bagikan(produk, alamat: str) -> list[tuple[str, str, str]]:
    """(kode, label, href) of each share target; the URL is encoded, nothing
    else of the reader is sent."""
    teks = f"{produk} tentang {produk.judul}"
    return [
        ("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": f"{teks} {alamat}"})),
        (
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": alamat}),
        ),
        (
            "x",
            "X",
            "https://x.com/intent/post?"
            + urlencode({"text": teks, "url": alamat}, quote_via=quote),
        ),
    ]
