"""A Satker's logo for the header of its public pages: judged by content with
Pillow, bounded in bytes and pixels before it is decoded, and stored
re-encoded as a small PNG (no metadata, at most TINGGI_SIMPAN pixels high),
so what the portal serves is always a small, clean image."""

import hashlib
import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps

from .gambar import FORMAT_BOLEH

MAKS_BITA = 2 * 1024 * 1024
MAKS_SISI = 4000
MAKS_PIKSEL = 12_000_000
MIN_SISI = 32
# Shown about 40 px high; stored for screens of 3 device pixels per px and more.
TINGGI_SIMPAN = 256
LEBAR_MAKS_SIMPAN = 1024


def _galat(pesan: str) -> ValidationError:
    return ValidationError(pesan, code="logo_tidak_valid")


def periksa_logo(berkas) -> ContentFile:
    """The stored form of an uploaded logo (a PNG ContentFile named by its
    content), or ValidationError with a message for the admin."""
    ukuran = getattr(berkas, "size", None)
    if ukuran is None:
        berkas.seek(0, io.SEEK_END)
        ukuran = berkas.tell()
    if ukuran > MAKS_BITA:
        raise _galat(
            f"Ukuran logo {filesizeformat(ukuran)} melebihi batas {filesizeformat(MAKS_BITA)}."
        )
    berkas.seek(0)
    data = berkas.read(MAKS_BITA + 1)
    if not data:
        raise _galat("Berkas logo kosong.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                # Only the header is read so far: refuse before decoding pixels.
                if img.format not in FORMAT_BOLEH:
                    raise _galat(
                        "Logo harus PNG, JPEG, atau WebP (dinilai dari isinya, bukan nama berkas)."
                    )
                lebar, tinggi = img.size
                if max(lebar, tinggi) > MAKS_SISI or lebar * tinggi > MAKS_PIKSEL:
                    raise _galat(
                        f"Dimensi logo {lebar}×{tinggi} piksel terlalu besar "
                        f"(sisi terpanjang paling banyak {MAKS_SISI} piksel)."
                    )
                if min(lebar, tinggi) < MIN_SISI:
                    raise _galat(
                        f"Logo {lebar}×{tinggi} piksel terlalu kecil "
                        f"(sisi terpendek paling sedikit {MIN_SISI} piksel)."
                    )
                img.load()
                bersih = ImageOps.exif_transpose(img).convert("RGBA")
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _galat("Gambar ini mengembang terlalu besar saat dibuka; ditolak.") from exc
    except Exception as exc:
        raise _galat(
            "Berkas bukan gambar yang dapat dibaca (rusak atau bukan PNG/JPEG/WebP)."
        ) from exc
    bersih.thumbnail((LEBAR_MAKS_SIMPAN, TINGGI_SIMPAN), Image.Resampling.LANCZOS)
    keluaran = io.BytesIO()
    bersih.save(keluaran, format="PNG", optimize=True)
    hasil = keluaran.getvalue()
    return ContentFile(hasil, name=f"{hashlib.sha256(hasil).hexdigest()[:20]}.png")
