from django import forms

from documents.models import StatusBerlaku

from . import selectors

KOSONG = [("", "Semua")]


class CariForm(forms.Form):
    """The search box and its filters; a bad value is reported beside its
    field and the search runs on the rest."""

    q = forms.CharField(label="Kata kunci", required=False, max_length=200)
    jenis = forms.TypedChoiceField(label="Jenis", required=False, coerce=int, empty_value=None)
    tipe = forms.ChoiceField(label="Tipe dokumen", required=False)
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

    SARINGAN = ("tipe", "jenis", "tahun", "nomor", "status", "satker", "bidang", "urut")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pilihan = selectors.pilihan_saringan()
        self.fields["jenis"].choices = KOSONG + pilihan["jenis"]
        self.fields["tipe"].choices = KOSONG + pilihan["tipe"]
        self.fields["tahun"].choices = KOSONG + [(t, t) for t in pilihan["tahun"]]
        self.fields["satker"].choices = KOSONG + pilihan["satker"]
        self.fields["bidang"].choices = KOSONG + [(b, b) for b in pilihan["bidang"]]

    def saringan(self):
        """The filter fields as plain data for the template: rendering select
        widgets option by option through templates costs more than the search."""
        hasil = []
        for nama in self.SARINGAN:
            bf = self[nama]
            nilai = "" if bf.value() is None else str(bf.value())
            choices = getattr(bf.field, "choices", None)
            pilihan = None
            if choices is not None:
                pilihan = [(str(v), label, str(v) == nilai) for v, label in choices]
            hasil.append(
                {
                    "nama": nama,
                    "label": bf.label,
                    "id": bf.auto_id,
                    "nilai": nilai,
                    "pilihan": pilihan,
                    "galat": bf.errors,
                }
            )
        return hasil

    def kriteria(self) -> selectors.Kriteria:
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        if "q" in data:
            data["q"] = data["q"].strip()
        return selectors.Kriteria(**data)
