"""The evaluation report's choice of Satker, procedure and period."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from .mesin import pilihan_prosedur

TAHUN_EVALUASI_AWAL = 2000


class EvaluasiForm(forms.Form):
    satker = forms.ModelChoiceField(queryset=None, label="Satker", empty_label=None)
    prosedur = forms.ChoiceField(label="Prosedur", choices=pilihan_prosedur, required=False)
    dari = forms.DateField(label="Dari tanggal", widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label="Sampai tanggal", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, satker_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = satker_qs

    def _tahun_wajar(self, nama):
        # The day after the period is computed: 9999-12-31 overflowed (500).
        tanggal = self.cleaned_data[nama]
        akhir = timezone.localdate().year + 1
        if not TAHUN_EVALUASI_AWAL <= tanggal.year <= akhir:
            raise ValidationError(
                f"Tahun di luar rentang evaluasi ({TAHUN_EVALUASI_AWAL}–{akhir})."
            )
        return tanggal

    def clean_dari(self):
        return self._tahun_wajar("dari")

    def clean_sampai(self):
        return self._tahun_wajar("sampai")

    def clean(self):
        d = super().clean()
        d["prosedur"] = d.get("prosedur") or "unggah"
        if d.get("dari") and d.get("sampai") and d["dari"] > d["sampai"]:
            self.add_error("sampai", "Tanggal akhir harus sesudah tanggal awal.")
        return d
