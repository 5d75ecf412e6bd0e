from django import forms

from documents.models import StatusBerlaku

from . import selectors

KOSONG = [("", "Semua")]


class CariForm(forms.Form):
    """The search box and its filters; a bad value is reported beside its
    field and the search runs on the rest."""

    q = forms.CharField(label="Kata kunci", required=False, max_length=200)
    jenis = forms.TypedChoiceField(label="Jenis", required=False, coerce=int, empty_value=None)
    tahun = forms.TypedChoiceField(label="Tahun", required=False, coerce=int, empty_value=None)
    nomor = forms.CharField(label="Nomor", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Status", required=False, choices=KOSONG + list(StatusBerlaku.choices)
    )
    satker = forms.ChoiceField(label="Satker", required=False)
    bidang = forms.ChoiceField(label="Bidang hukum", required=False)
    urut = forms.ChoiceField(
        label="Urutkan",
        required=False,
        choices=[
            (selectors.URUT_RELEVANSI, "Relevansi"),
            (selectors.URUT_TERBARU, "Tanggal terbaru"),
            (selectors.URUT_TERLAMA, "Tanggal terlama"),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = KOSONG + [
            (j.pk, f"{j.nama} ({j.singkatan})") for j in selectors.pilihan_jenis()
        ]
        self.fields["tahun"].choices = KOSONG + [(t, t) for t in selectors.pilihan_tahun()]
        self.fields["satker"].choices = KOSONG + [
            (s.slug, s.nama) for s in selectors.pilihan_satker()
        ]
        self.fields["bidang"].choices = KOSONG + [(b, b) for b in selectors.pilihan_bidang_hukum()]

    def kriteria(self) -> selectors.Kriteria:
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        if "q" in data:
            data["q"] = data["q"].strip()
        return selectors.Kriteria(**data)
