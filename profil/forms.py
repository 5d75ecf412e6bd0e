import io
import unicodedata

from django import forms
from django.template.defaultfilters import filesizeformat
from PIL import Image

from documents import gambar as gambar_mod

from . import kontak
from .models import (
    MAKS_CATATAN,
    MAKS_ISI_BAGIAN,
    MAKS_PESAN,
    KategoriPesan,
    StatusPesan,
)
from .sanitasi import bersihkan

MIN_PESAN = 10
MAKS_BITA_GAMBAR = 5 * 1024 * 1024
MIN_SISI_GAMBAR = 200


def _tanpa_karakter_kendali(teks: str, boleh_baris_baru=False) -> str:
    """Control characters have no place in a name (it becomes an email
    subject) and only line breaks and tabs in a message."""
    izin = {"\n", "\r", "\t"} if boleh_baris_baru else set()
    for c in teks:
        if c not in izin and unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co"):
            raise forms.ValidationError("Isian ini memuat karakter yang tidak dapat diterima.")
    return teks


class KontakForm(forms.Form):
    nama = forms.CharField(
        label="Nama",
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Alamat email",
        max_length=254,
        help_text="Kami pakai hanya untuk menjawab pesan Anda; tidak ditampilkan di situs.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    kategori = forms.ChoiceField(
        label="Kategori", choices=[("", "— pilih kategori —"), *KategoriPesan.choices]
    )
    pesan = forms.CharField(
        label="Pesan",
        min_length=MIN_PESAN,
        max_length=MAKS_PESAN,
        help_text=(
            f"Paling sedikit {MIN_PESAN} dan paling banyak {MAKS_PESAN:,} karakter".replace(
                ",", "."
            )
            + f"; paling banyak {kontak.maks_tautan()} tautan."
        ),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAKS_PESAN}),
    )
    # The honeypot: hidden from people (CSS and aria-hidden), filled by bots.
    situs = forms.CharField(
        label="Biarkan kolom ini kosong",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=500)

    def __init__(self, *args, satker, **kwargs):
        self.satker = satker
        self.token_baru = False
        super().__init__(*args, **kwargs)

    def clean_nama(self):
        nama = _tanpa_karakter_kendali(self.cleaned_data["nama"])
        if kontak.jumlah_tautan(nama):
            raise forms.ValidationError("Nama tidak boleh berisi alamat situs.")
        return " ".join(nama.split())

    def clean_pesan(self):
        pesan = _tanpa_karakter_kendali(self.cleaned_data["pesan"], boleh_baris_baru=True)
        maks = kontak.maks_tautan()
        if kontak.jumlah_tautan(pesan) > maks:
            raise forms.ValidationError(
                f"Pesan memuat terlalu banyak tautan (paling banyak {maks}). "
                "Mohon kurangi tautan lalu kirim lagi."
            )
        return pesan

    def clean(self):
        data = super().clean()
        if any(nama != "token" for nama in self.errors):
            # The person has fields to fix first; talk about those only, and
            # hand back a usable token if this one is stale.
            try:
                kontak.periksa_token(data.get("token", ""), self.satker.pk)
            except kontak.TokenDitolak as tolak:
                self.token_baru = tolak.terbitkan_baru
            return data
        if self.data.get("situs"):
            # Told, not silently dropped: a person whose browser filled it by
            # mistake sends again (the field comes back empty).
            self.token_baru = True
            raise forms.ValidationError(
                "Pesan tidak dapat dikirim. Mohon periksa isian Anda lalu kirim lagi."
            )
        if "token" in self.errors:
            self.token_baru = True
            raise forms.ValidationError(
                "Formulir tidak dapat diverifikasi. Mohon kirim ulang; isian Anda tetap "
                "tersimpan di bawah ini."
            )
        try:
            kontak.periksa_token(data.get("token", ""), self.satker.pk)
        except kontak.TokenDitolak as tolak:
            self.token_baru = tolak.terbitkan_baru
            raise forms.ValidationError(str(tolak)) from None
        return data


class SaringanPesanForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Semua status"), *StatusPesan.choices]
    )
    satker = forms.ModelChoiceField(
        label="Satker",
        required=False,
        queryset=None,
        to_field_name="slug",
        empty_label="Semua satker saya",
    )

    def __init__(self, *args, satker_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = satker_qs


class TindakLanjutForm(forms.Form):
    status = forms.ChoiceField(label="Status pesan", choices=StatusPesan.choices)
    catatan = forms.CharField(
        label="Catatan internal",
        required=False,
        max_length=MAKS_CATATAN,
        help_text=(
            f"Hanya terlihat oleh Pengelola JDIH satker ini (paling banyak {MAKS_CATATAN:,} "
            "karakter), mis. kapan dan bagaimana pesan dijawab."
        ).replace(",", "."),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAKS_CATATAN}),
    )

    def clean_catatan(self):
        return _tanpa_karakter_kendali(self.cleaned_data["catatan"], boleh_baris_baru=True)


class BagianProfilForm(forms.Form):
    isi = forms.CharField(
        label="Isi bagian",
        required=False,
        max_length=MAKS_ISI_BAGIAN,
        widget=forms.Textarea(attrs={"rows": 16, "maxlength": MAKS_ISI_BAGIAN}),
    )
    # The version of the section the editor saw, so a concurrent save is told.
    versi = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def clean_isi(self):
        return bersihkan(_tanpa_karakter_kendali(self.cleaned_data["isi"], boleh_baris_baru=True))


class BagianStrukturForm(BagianProfilForm):
    """Struktur organisasi may also carry a chart as an image."""

    gambar = forms.FileField(
        label="Gambar bagan (PNG, JPEG, atau WebP)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=(
            f"Paling besar {filesizeformat(MAKS_BITA_GAMBAR)}, sisi terpendek paling sedikit "
            f"{MIN_SISI_GAMBAR} piksel dan terpanjang paling banyak {gambar_mod.MAKS_SISI} "
            "piksel. Data lokasi dan perangkat (EXIF) dibuang."
        ),
    )
    keterangan_gambar = forms.CharField(
        label="Teks alternatif gambar",
        required=False,
        max_length=300,
        help_text="Uraian singkat isi bagan untuk pembaca layar, mis. “Bagan struktur "
        "organisasi Sekretariat KPU Kabupaten: Ketua, Sekretaris, empat Subbagian”.",
    )
    hapus_gambar = forms.BooleanField(label="Hapus gambar yang ada", required=False)

    def clean_keterangan_gambar(self):
        return " ".join(_tanpa_karakter_kendali(self.cleaned_data["keterangan_gambar"]).split())

    def clean_gambar(self):
        berkas = self.cleaned_data.get("gambar")
        if not berkas:
            return None
        try:
            data = gambar_mod.baca_gambar(berkas, maks_bita=MAKS_BITA_GAMBAR)
            _periksa_sisi_terpendek(data)
            return gambar_mod.periksa_gambar(data, maks_bita=MAKS_BITA_GAMBAR)
        except gambar_mod.GambarTidakValid as galat:
            raise forms.ValidationError(galat.messages) from None

    def clean(self):
        data = super().clean()
        if data.get("gambar") and not data.get("keterangan_gambar"):
            self.add_error(
                "keterangan_gambar", "Isi teks alternatif agar bagan terbaca oleh pembaca layar."
            )
        return data


def _periksa_sisi_terpendek(data: bytes) -> None:
    """Only the header is read here; periksa_gambar then decodes, bounded."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            lebar, tinggi = img.size
    except Exception:
        return  # periksa_gambar gives the message for an unreadable file
    if min(lebar, tinggi) < MIN_SISI_GAMBAR:
        raise gambar_mod.GambarTidakValid(
            f"Gambar {lebar}×{tinggi} piksel terlalu kecil untuk dibaca "
            f"(sisi terpendek paling sedikit {MIN_SISI_GAMBAR} piksel)."
        )
