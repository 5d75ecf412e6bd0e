"""Why a sop 003 step cannot be done yet, in the user's words."""

from .models import JenisKelengkapan as K
from .models import VarianPenyusunan


def alasan(p, aksi) -> str:
    if aksi == "ajukan":
        if not p.punya_draft():
            return "Simpan draft SK lebih dahulu."
        if p.varian == VarianPenyusunan.TIM and not p.punya_kelengkapan(K.KAK):
            return "Unggah Kerangka Acuan Kerja (KAK) lebih dahulu."
    if aksi == "teruskan_draft":
        return "Unggah notulensi rapat tim penyusun lebih dahulu."
    if aksi == "verifikasi_personil":
        return "Unggah kartu kendali verifikasi personil lebih dahulu."
    if aksi in ("tetapkan_pleno", "kembalikan_pleno"):
        return "Lampirkan berita acara pleno lebih dahulu."
    if aksi == "tandatangani":
        return "Unggah pindaian SK bertanda tangan lebih dahulu."
    if aksi == "selesaikan_distribusi":
        return "Catat paling sedikit satu penerima dan kirim salinan kepada semua penerima."
    return ""
