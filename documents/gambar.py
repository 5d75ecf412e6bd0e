"""Image intake (content images of sop 004): judged by content with Pillow,
bounded before decoding, re-encoded so no EXIF (location, device) leaves the
office. Pure functions over bytes (baca_gambar reads an upload, bounded):
no models, no storage."""

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps

FORMAT_BOLEH = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
MAKS_BITA = 10 * 1024 * 1024
MAKS_SISI = 8000
MIN_SISI = 100
# Pixels decoded at most: a small file that inflates beyond this is refused.
MAKS_PIKSEL = 40_000_000


class GambarTidakValid(ValidationError):
    """An upload that is not a usable image; the message is for the user."""


@dataclass(frozen=True)
class InfoGambar:
    data: bytes  # re-encoded, without metadata
    format: str  # PNG / JPEG / WEBP
    ekstensi: str
    lebar: int
    tinggi: int
    sha256: str


def baca_gambar(berkas, maks_bita: int = MAKS_BITA) -> bytes:
    """The bytes of an uploaded image (an upload, an open file, or bytes),
    refused by its size before it is read into memory."""
    if isinstance(berkas, (bytes, bytearray)):
        return bytes(berkas)
    berkas.seek(0, io.SEEK_END)
    ukuran = berkas.tell()
    if ukuran > maks_bita:
        raise GambarTidakValid(
            f"Ukuran gambar {filesizeformat(ukuran)} melebihi batas {filesizeformat(maks_bita)}."
        )
    berkas.seek(0)
    return berkas.read(maks_bita + 1)


def periksa_gambar(data: bytes, maks_bita: int = MAKS_BITA) -> InfoGambar:
    if not data:
        raise GambarTidakValid("Berkas gambar kosong.")
    if len(data) > maks_bita:
        raise GambarTidakValid(
            f"Ukuran gambar {filesizeformat(len(data))} melebihi batas {filesizeformat(maks_bita)}."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt = img.format
                lebar, tinggi = img.size
                if fmt not in FORMAT_BOLEH:
                    raise GambarTidakValid(
                        "Gambar harus PNG, JPEG, atau WebP "
                        "(dinilai dari isinya, bukan nama berkas)."
                    )
                if lebar * tinggi > MAKS_PIKSEL or max(lebar, tinggi) > MAKS_SISI:
                    raise GambarTidakValid(
                        f"Dimensi gambar {lebar}×{tinggi} piksel terlalu besar "
                        f"(sisi terpanjang paling banyak {MAKS_SISI} piksel)."
                    )
                if min(lebar, tinggi) < MIN_SISI:
                    raise GambarTidakValid(
                        f"Gambar {lebar}×{tinggi} piksel terlalu kecil untuk media sosial "
                        f"(sisi terpendek paling sedikit {MIN_SISI} piksel)."
                    )
                img.load()
                # Keep the photo upright, then drop every metadata block.
                bersih = ImageOps.exif_transpose(img)
                if fmt == "JPEG" and bersih.mode not in ("RGB", "L"):
                    bersih = bersih.convert("RGB")
                keluaran = io.BytesIO()
                simpan = {"PNG": {"optimize": True}, "JPEG": {"quality": 90}, "WEBP": {}}[fmt]
                bersih.save(keluaran, format=fmt, **simpan)
    except GambarTidakValid:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise GambarTidakValid("Gambar ini mengembang terlalu besar saat dibuka; ditolak.") from exc
    except Exception as exc:
        raise GambarTidakValid(
            "Berkas bukan gambar yang dapat dibaca (rusak atau bukan PNG/JPEG/WebP)."
        ) from exc
    hasil = keluaran.getvalue()
    w, h = bersih.size
    return InfoGambar(
        data=hasil,
        format=fmt,
        ekstensi=FORMAT_BOLEH[fmt],
        lebar=w,
        tinggi=h,
        sha256=hashlib.sha256(hasil).hexdigest(),
    )
