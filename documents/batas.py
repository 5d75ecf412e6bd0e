"""How long a product's texts may be, and which characters they may hold,
wherever they enter the catalogue: the prepare form, the penyusunan forms,
admin and the archive import all read these names.

The model leaves judul and the abstrak unbounded (TextField), so the limits
live here and not in a migration. They are far above any real keputusan
(the longest judul in the KPU archive is a few hundred characters) and far
below what would slow the pages, the JDIHN feed or the search index
(documents.pencarian bounds its own input as well, for rows older than
these limits).
"""

import unicodedata
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

PANJANG_JUDUL = 2_000
# Each part of the structured abstrak (abstrak, dasar hukum, catatan).
PANJANG_ABSTRAK = 20_000
PANJANG_AMAR = 20_000
# ProdukHukum.nomor's own max_length; named so that forms say the same.
PANJANG_NOMOR = 100

BATAS_TEKS = {
    "judul": PANJANG_JUDUL,
    "abstrak": PANJANG_ABSTRAK,
    "abstrak_dasar_hukum": PANJANG_ABSTRAK,
    "abstrak_catatan": PANJANG_ABSTRAK,
    "amar": PANJANG_AMAR,
    "nomor": PANJANG_NOMOR,
}
# One line each: a line break or an invisible character in a nomor makes two
# products that look the same, and breaks the citation, the file names and
# the JDIHN feed.
SATU_BARIS = ("nomor",)
# Paragraphs are fine in these; other control characters are not.
BOLEH_DALAM_PARAGRAF = frozenset("\t\n\r")


def _karakter_kendali(nilai: str, *, satu_baris: bool) -> str | None:
    """The first character ``nilai`` may not hold, or None."""
    for c in nilai:
        kategori = unicodedata.category(c)
        if kategori == "Cc" and (satu_baris or c not in BOLEH_DALAM_PARAGRAF):
            return c
        # Format characters (zero-width, direction overrides) are invisible:
        # on one line they only serve to make two nomor look alike.
        if satu_baris and kategori == "Cf":
            return c
    return None


def _nama_karakter(c: str) -> str:
    nama = {"\n": "baris baru", "\r": "baris baru (CR)", "\t": "tab"}.get(c)
    return nama or f"U+{ord(c):04X}"


def tolak_kendali_satu_baris(nilai: str) -> None:
    """Validator of one-line fields (nomor): no line breaks, tabs, control or
    invisible formatting characters."""
    c = _karakter_kendali(nilai or "", satu_baris=True)
    if c is not None:
        raise ValidationError(
            "Isian ini harus satu baris tanpa karakter kendali atau tak terlihat "
            f"(ditemukan {_nama_karakter(c)}). Ketik ulang nilainya, jangan disalin "
            "bersama baris baru atau tab.",
            code="karakter_kendali",
        )


def tolak_kendali_teks(nilai: str) -> None:
    """Validator of paragraph fields (judul, abstrak): line breaks and tabs
    are fine, other control characters are not."""
    c = _karakter_kendali(nilai or "", satu_baris=False)
    if c is not None:
        raise ValidationError(
            f"Teks memuat karakter kendali yang tidak dapat disimpan ({_nama_karakter(c)}).",
            code="karakter_kendali",
        )


def _pesan_panjang(batas: int) -> str:
    return f"Paling banyak {batas:,} karakter (sekarang %(show_value)d).".replace(",", ".")


def validator_panjang(batas: int) -> MaxLengthValidator:
    return MaxLengthValidator(batas, message=_pesan_panjang(batas))


def terapkan_batas(fields: Mapping) -> None:
    """Put the limits on a form's product fields (those it has): the length
    (also as the browser's maxlength) and the character rule."""
    for nama, batas in BATAS_TEKS.items():
        field = fields.get(nama)
        if field is None:
            continue
        if getattr(field, "max_length", None) is None or field.max_length > batas:
            field.max_length = batas
            field.validators.append(validator_panjang(batas))
        field.widget.attrs["maxlength"] = str(field.max_length)
        field.validators.append(
            tolak_kendali_satu_baris if nama in SATU_BARIS else tolak_kendali_teks
        )


def galat_produk(nilai: Mapping, *, semua_teks: bool = False) -> dict[str, list[str]]:
    """The limit and character errors of a product's texts (a mapping of
    field name to value, or a product's __dict__), per field. With
    ``semua_teks`` every other text value is checked for control characters
    too (an imported row: a NUL in any column would fail the database)."""
    galat: dict[str, list[str]] = {}
    for nama, teks in nilai.items():
        if not isinstance(teks, str) or nama.startswith("_"):
            continue
        if nama in BATAS_TEKS:
            satu_baris = nama in SATU_BARIS
            periksa = [validator_panjang(BATAS_TEKS[nama])]
            periksa.append(tolak_kendali_satu_baris if satu_baris else tolak_kendali_teks)
        elif semua_teks:
            periksa = [tolak_kendali_teks]
        else:
            continue
        for v in periksa:
            try:
                v(teks)
            except ValidationError as exc:
                galat.setdefault(nama, []).extend(exc.messages)
    return galat


def periksa_produk(produk) -> None:
    """Raise the ValidationError of ``galat_produk`` for a product instance
    (the archive import calls it before saving)."""
    galat = galat_produk(vars(produk))
    if galat:
        raise ValidationError(galat)
