"""The public survey form and the staff's choice of Satker and period."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from . import batas
from .unsur import PANJANG_KOMENTAR, PROFIL, UNSUR

TAHUN_AWAL = 2017  # the regulation's year: no survey is older


class SurveiForm(forms.Form):
    """Nine required answers (1–4), an optional profile and comment, and the
    two hidden abuse checks (signed timestamp, honeypot)."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=200)
    # The honeypot: hidden by the stylesheet, a person leaves it empty.
    situs_web = forms.CharField(
        label="Situs web (kosongkan kolom ini)", required=False, max_length=200
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for u in UNSUR:
            self.fields[u.kode] = forms.TypedChoiceField(
                label=f"{u.nomor}. {u.pertanyaan}",
                choices=u.pilihan(),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Pilih salah satu jawaban untuk unsur {u.nama}."},
            )
        for nama, label, pilihan in PROFIL:
            self.fields[nama] = forms.ChoiceField(
                label=label, choices=[("", "— tidak diisi —"), *pilihan], required=False
            )
        self.fields["komentar"] = forms.CharField(
            label="Saran dan masukan (tidak wajib)",
            required=False,
            max_length=PANJANG_KOMENTAR,
            widget=forms.Textarea(attrs={"rows": 4, "maxlength": PANJANG_KOMENTAR}),
            help_text="Jangan menulis nama, nomor telepon, atau alamat surel di sini.",
        )

    @property
    def unsur(self):
        return [(u, self[u.kode]) for u in UNSUR]

    @property
    def profil(self):
        return [self[nama] for nama, _, _ in PROFIL]

    def clean_token(self):
        pesan = batas.periksa_token(self.cleaned_data["token"])
        if pesan:
            raise ValidationError(pesan, code="waktu")
        return self.cleaned_data["token"]

    @property
    def jebakan_terisi(self) -> bool:
        return bool(self.cleaned_data.get("situs_web", "").strip())

    def data_respons(self) -> dict:
        d = self.cleaned_data
        data = {u.kode: d[u.kode] for u in UNSUR}
        data.update({nama: d.get(nama, "") for nama, _, _ in PROFIL})
        data["komentar"] = d.get("komentar", "").strip()
        return data


class HasilForm(forms.Form):
    satker = forms.ModelChoiceField(
        queryset=None, label="Satker", empty_label=None, to_field_name="slug"
    )
    dari = forms.DateField(
        label="Dari tanggal",
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    sampai = forms.DateField(
        label="Sampai tanggal",
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, satker_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = satker_qs

    def _tahun_wajar(self, nama):
        tanggal = self.cleaned_data[nama]
        akhir = timezone.localdate().year + 1
        if not TAHUN_AWAL <= tanggal.year <= akhir:
            raise ValidationError(f"Tahun di luar rentang ({TAHUN_AWAL}–{akhir}).")
        return tanggal

    def clean_dari(self):
        return self._tahun_wajar("dari")

    def clean_sampai(self):
        return self._tahun_wajar("sampai")

    def clean(self):
        d = super().clean()
        if d.get("dari") and d.get("sampai") and d["dari"] > d["sampai"]:
            self.add_error("sampai", "Tanggal akhir harus sama dengan atau sesudah tanggal awal.")
        return d
