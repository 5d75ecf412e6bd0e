"""The monitoring page's filters. Every value is a choice: anything else is
a form error (400), never a query."""

from django import forms

from .kesehatan import LABEL_STATUS
from .selectors import PERIODE_BAWAAN, PILIHAN_PERIODE, PILIHAN_URUT

URUT_BAWAAN = "-status"


class SaringanForm(forms.Form):
    periode = forms.ChoiceField(label="Periode", choices=PILIHAN_PERIODE, required=False)
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Semua status"), *LABEL_STATUS.items()],
        required=False,
    )
    urut = forms.ChoiceField(label="Urutkan", choices=PILIHAN_URUT, required=False)

    def clean_periode(self):
        return self.cleaned_data["periode"] or PERIODE_BAWAAN

    def clean_urut(self):
        return self.cleaned_data["urut"] or URUT_BAWAAN
