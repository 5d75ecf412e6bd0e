"""Does a link belong to the platform it is recorded for?"""

from urllib.parse import urlsplit

from documents.models import Platform

HOST = {
    Platform.INSTAGRAM: {"instagram.com"},
    Platform.FACEBOOK: {"facebook.com", "fb.watch"},
    Platform.X: {"x.com", "twitter.com"},
    Platform.TIKTOK: {"tiktok.com"},
    Platform.YOUTUBE: {"youtube.com", "youtu.be"},
    Platform.WHATSAPP: {"whatsapp.com"},
}
# Subdomains the platforms really use (www., m., vm., …) are accepted.
AWALAN = ("www.", "m.", "mobile.", "vm.", "vt.", "web.")


def alasan_tautan_salah(platform: str, url: str) -> str:
    """'' when ``url`` is an https link of ``platform``; else why not."""
    if platform not in HOST:
        return "Platform tidak dikenal."
    try:
        bagian = urlsplit((url or "").strip())
    except ValueError:
        return "Tautan tidak dapat dibaca."
    if bagian.scheme != "https":
        return "Tautan harus diawali https://."
    host = (bagian.hostname or "").lower()
    for awalan in AWALAN:
        if host.startswith(awalan):
            host = host[len(awalan) :]
            break
    if host not in HOST[platform]:
        label = dict(Platform.choices)[platform]
        return f"Tautan ini bukan tautan {label} ({', '.join(sorted(HOST[platform]))})."
    if platform == Platform.WHATSAPP and not bagian.path.startswith("/channel/"):
        return "Tautan saluran WhatsApp berbentuk https://whatsapp.com/channel/…"
    if not bagian.path.strip("/"):
        return "Tautan harus menuju unggahan, bukan beranda platform."
    return ""
