"""The evaluation report's choice of Satker, procedure, period, step and
person."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from .mesin import PROSEDUR, pilihan_prosedur
from .models import JejakAudit

TAHUN_EVALUASI_AWAL = 2000
# <input type="date"> shows and sends only this form; what a user may type
# where the browser has no date picker is accepted too.
FORMAT_TANGGAL = "%Y-%m-%d"
FORMAT_TANGGAL_DITERIMA = [FORMAT_TANGGAL, "%d-%m-%Y", "%d/%m/%Y"]


def _input_tanggal():
    return forms.DateInput(attrs={"type": "date"}, format=FORMAT_TANGGAL)


def pilihan_tahap():
    """Every procedure's steps, grouped by procedure; a value names both
    ("unggah:siapkan") since step codes repeat across procedures."""
    return [
        ("", "Semua langkah"),
        *(
            (
                f"{p.sop} — {p.nama}",
                [(f"{p.kode}:{t.kode}", f"{t.label_langkah}: {t.nama}") for t in p.tahap],
            )
            for p in PROSEDUR.values()
        ),
    ]


def orang_satker(satker):
    """Who may appear as a step's performer in ``satker``: the people holding
    a role there, and whoever acted on its items (a role since removed)."""
    User = get_user_model()
    if satker is None:
        return User.objects.none()
    return (
        User.objects.filter(
            Q(penugasan_peran__satker=satker)
            | Q(pk__in=JejakAudit.objects.filter(satker=satker).values("oleh_id"))
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class PilihOrang(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class EvaluasiForm(forms.Form):
    satker = forms.ModelChoiceField(queryset=None, label="Satker", empty_label=None)
    prosedur = forms.ChoiceField(label="Prosedur", choices=pilihan_prosedur, required=False)
    dari = forms.DateField(
        label="Dari tanggal", widget=_input_tanggal(), input_formats=FORMAT_TANGGAL_DITERIMA
    )
    sampai = forms.DateField(
        label="Sampai tanggal", widget=_input_tanggal(), input_formats=FORMAT_TANGGAL_DITERIMA
    )
    tahap = forms.ChoiceField(label="Langkah", choices=pilihan_tahap, required=False)
    orang = PilihOrang(
        queryset=None,
        label="Pelaksana langkah",
        required=False,
        empty_label="Semua orang",
        help_text="Orang di satker yang dipilih; ganti satker lalu tekan Tampilkan.",
    )

    def __init__(self, *args, satker_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = satker_qs
        # Only the chosen Satker's people are listed (and accepted): another
        # office's staff are never named here.
        self.fields["orang"].queryset = orang_satker(self._satker_dipilih(satker_qs))

    def _satker_dipilih(self, satker_qs):
        if self.is_bound:
            nilai = str(self.data.get(self.add_prefix("satker"), ""))
            # A hand-edited value (letters, 40 digits) is the satker field's
            # error to report; the person list is simply empty meanwhile.
            if not (nilai.isascii() and nilai.isdigit() and len(nilai) <= 18):
                return None
            return satker_qs.filter(pk=int(nilai)).first()
        awal = self.initial.get("satker")
        return awal if awal is not None else satker_qs.first()

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
        if d.get("tahap"):
            prosedur, _, kode = d["tahap"].partition(":")
            if prosedur != d["prosedur"]:
                self.add_error(
                    "tahap",
                    "Langkah ini bukan bagian dari prosedur yang dipilih; pilih langkah "
                    f"{PROSEDUR[d['prosedur']].sop} atau “Semua langkah”.",
                )
            else:
                d["tahap"] = kode
        return d
