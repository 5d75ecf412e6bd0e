from django import forms
from django.utils import timezone

from documents.batas import PANJANG_JUDUL, tolak_kendali_satu_baris, tolak_kendali_teks
from documents.models import Satker

from .layanan import kelengkapan_boleh, templat_untuk
from .models import JenisKelengkapan, StatusPenyusunan, VarianPenyusunan

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# The SK's judul becomes the catalogue product's (digitalisasi): within the
# product's limit (documents.batas), and shorter, as a keputusan's "tentang" is.
PANJANG_JUDUL_SK = min(1000, PANJANG_JUDUL)


class MulaiForm(forms.Form):
    satker = forms.ModelChoiceField(queryset=None, label="Satker", empty_label=None)
    varian = forms.TypedChoiceField(
        label="Varian SOP 003", choices=VarianPenyusunan.choices, coerce=int
    )
    templat = forms.ModelChoiceField(queryset=None, label="Templat SK")
    judul = forms.CharField(
        label="Judul (tentang)",
        max_length=PANJANG_JUDUL_SK,
        validators=[tolak_kendali_teks],
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Mis. Pembentukan Kelompok Kerja Pemutakhiran Data Pemilih.",
    )
    pemrakarsa = forms.CharField(
        label="Pemrakarsa (Subbagian pengusul)",
        max_length=255,
        validators=[tolak_kendali_satu_baris],
        initial="Subbagian Teknis Penyelenggaraan",
    )
    divisi_terkait = forms.CharField(
        label="Divisi terkait",
        max_length=255,
        required=False,
        validators=[tolak_kendali_satu_baris],
    )

    def __init__(self, *args, satker_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = Satker.objects.filter(pk__in=satker_ids)
        self.fields["templat"].queryset = templat_untuk(satker_ids)
        self.fields["templat"].label_from_instance = lambda t: (
            f"{t.nama} — {t.jenis.singkatan}"
            + (f" ({t.get_varian_display()})" if t.varian else "")
            + (f" · {t.satker}" if len(satker_ids) > 1 else "")
        )

    def clean(self):
        d = super().clean()
        t, s = d.get("templat"), d.get("satker")
        if t and s and t.satker_id != s.pk:
            self.add_error("templat", "Templat ini milik satker lain.")
        if t and t.varian and d.get("varian") and t.varian != d["varian"]:
            self.add_error("templat", "Templat ini untuk varian yang lain.")
        return d


class DraftForm(forms.Form):
    judul = forms.CharField(
        label="Judul (tentang)",
        max_length=PANJANG_JUDUL_SK,
        validators=[tolak_kendali_teks],
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    menimbang = forms.CharField(
        label="Menimbang",
        required=False,
        validators=[tolak_kendali_teks],
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Satu butir per baris, diawali a., b., …",
    )
    mengingat = forms.CharField(
        label="Mengingat",
        required=False,
        validators=[tolak_kendali_teks],
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Satu dasar hukum per baris, diawali 1., 2., …",
    )
    memutuskan = forms.CharField(
        label="Memutuskan",
        required=False,
        validators=[tolak_kendali_teks],
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Baris “Menetapkan : …”, lalu diktum “KESATU : …”, “KEDUA : …”.",
    )
    lampiran = forms.CharField(
        label="Lampiran",
        required=False,
        validators=[tolak_kendali_teks],
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    catatan = forms.CharField(
        label="Catatan revisi (apa yang diubah)", required=False, max_length=500
    )

    def isi(self):
        return {
            b: self.cleaned_data[b]
            for b in ("judul", "menimbang", "mengingat", "memutuskan", "lampiran")
        }


class KelengkapanForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis kelengkapan", choices=())
    berkas = forms.FileField(
        label="Berkas PDF",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    keterangan = forms.CharField(label="Keterangan", required=False, max_length=500)

    def __init__(self, *args, penyusunan, user, **kwargs):
        super().__init__(*args, **kwargs)
        boleh = set(kelengkapan_boleh(user, penyusunan))
        self.fields["jenis"].choices = [(k, v) for k, v in JenisKelengkapan.choices if k in boleh]


class _Langkah(forms.Form):
    """Carries the state the user saw, so a stale page is told, not obeyed."""

    status_terlihat = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, penyusunan=None, user=None, **kwargs):
        self.penyusunan, self.user = penyusunan, user
        super().__init__(*args, **kwargs)

    def argumen(self):
        return {
            k: v for k, v in self.cleaned_data.items() if k not in ("status_terlihat", "konfirmasi")
        }


class CatatanForm(_Langkah):
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CatatanWajibForm(_Langkah):
    catatan = forms.CharField(
        label="Catatan perbaikan", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


def _tidak_di_masa_depan(tanggal):
    if tanggal and tanggal > timezone.localdate():
        raise forms.ValidationError("Tanggal tidak boleh di masa depan.")
    return tanggal


class PlenoForm(_Langkah):
    tanggal_pleno = forms.DateField(label="Tanggal pleno", widget=TANGGAL)
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal_pleno"].initial = timezone.localdate()

    def clean_tanggal_pleno(self):
        return _tidak_di_masa_depan(self.cleaned_data["tanggal_pleno"])


class PlenoKembaliForm(PlenoForm):
    catatan = forms.CharField(
        label="Catatan perbaikan pleno", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class TandaTanganForm(_Langkah):
    tanggal_penetapan = forms.DateField(label="Tanggal penetapan", widget=TANGGAL)
    penandatangan = forms.CharField(
        label="Nama penandatangan", max_length=255, validators=[tolak_kendali_satu_baris]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal_penetapan"].initial = timezone.localdate()
        if self.user is not None:
            self.fields["penandatangan"].initial = self.user.get_full_name()

    def clean_tanggal_penetapan(self):
        return _tidak_di_masa_depan(self.cleaned_data["tanggal_penetapan"])


class SalinanForm(_Langkah):
    nama_pejabat = forms.CharField(label="Nama pejabat yang mengesahkan", max_length=255)
    nip = forms.RegexField(
        label="NIP",
        regex=r"^\s*\d{18}\s*$",
        max_length=30,
        error_messages={"invalid": "NIP terdiri atas 18 angka."},
    )
    jabatan = forms.CharField(
        label="Jabatan", max_length=255, initial="Kepala Subbagian Hukum dan SDM"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.user is not None:
            self.fields["nama_pejabat"].initial = self.user.get_full_name()


class DigitalisasiForm(_Langkah):
    lokasi_arsip = forms.CharField(
        label="Lokasi arsip naskah asli",
        max_length=255,
        validators=[tolak_kendali_satu_baris],
        help_text="Tempat naskah asli (kertas) disimpan, mis. Lemari arsip Subbag Hukum, rak 2.",
    )
    berkas = forms.FileField(
        label="Pindaian naskah asli (PDF)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text="Kosongkan untuk memakai pindaian naskah asli yang sudah diunggah.",
    )


class BatalForm(_Langkah):
    alasan = forms.CharField(
        label="Alasan pembatalan", max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    konfirmasi = forms.BooleanField(
        label="Saya yakin membatalkan penyusunan ini (nomor yang sudah diambil tercatat batal).",
        required=True,
    )


class SaringanForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Semua status"), *StatusPenyusunan.choices]
    )
    varian = forms.TypedChoiceField(
        label="Varian",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Semua varian"), *VarianPenyusunan.choices],
    )
    q = forms.CharField(label="Judul atau nomor", required=False, max_length=200)
