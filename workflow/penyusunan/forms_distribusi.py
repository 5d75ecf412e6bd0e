"""Forms of the distribution step (sop 003, distribusi salinan): a line of
the buku ekspedisi, and the signed receipt (paraf tanda terima) of one line."""

import zoneinfo
from datetime import datetime

from django import forms
from django.utils import timezone

from .models import PenerimaSalinan

FORMAT_WAKTU_LOKAL = "%Y-%m-%dT%H:%M"
# A receipt older than this is a typing error (and keeps far-away years, whose
# conversion to UTC would overflow, away from the database).
TAHUN_PALING_AWAL = 2000


class PenerimaForm(forms.Form):
    """One recipient: an internal unit or an outside body."""

    nama = forms.CharField(
        label="Penerima",
        max_length=PenerimaSalinan._meta.get_field("nama").max_length,
        help_text="Unit internal atau instansi, mis. Divisi Teknis Penyelenggaraan, Bawaslu.",
    )
    jenis = forms.ChoiceField(
        label="Jenis penerima",
        choices=PenerimaSalinan.JenisPenerima.choices,
        initial=PenerimaSalinan.JenisPenerima.INTERNAL,
    )
    alamat = forms.CharField(
        label="Alamat / keterangan",
        max_length=PenerimaSalinan._meta.get_field("alamat").max_length,
        required=False,
    )

    def argumen(self) -> dict:
        d = self.cleaned_data
        return {"nama": d["nama"], "jenis": d["jenis"], "alamat": d["alamat"]}


class WaktuLokalField(forms.DateTimeField):
    """A ``datetime-local`` input read and shown in the office's own zone
    (WIB/WITA/WIT), whatever zone the request runs in."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=FORMAT_WAKTU_LOKAL)
    input_formats = [FORMAT_WAKTU_LOKAL, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]

    def __init__(self, *args, zona="", **kwargs):
        super().__init__(*args, **kwargs)
        self.zona = zoneinfo.ZoneInfo(zona) if zona else timezone.get_default_timezone()

    def to_python(self, value):
        with timezone.override(self.zona):
            return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            return timezone.localtime(value, self.zona).replace(tzinfo=None)
        return super().prepare_value(value)


class TandaTerimaForm(forms.Form):
    """The signed receipt of one recipient, optionally with its scan."""

    diterima_oleh = forms.CharField(
        label="Diterima oleh",
        max_length=PenerimaSalinan._meta.get_field("diterima_oleh").max_length,
        help_text="Nama yang memaraf tanda terima.",
    )
    diterima_pada = WaktuLokalField(label="Waktu diterima")
    bukti = forms.FileField(
        label="Pindaian tanda terima (PDF, tidak wajib)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, penerima: PenerimaSalinan, satker, **kwargs):
        self.penerima = penerima
        zona = satker.zona_waktu
        if penerima.diterima_pada and "initial" not in kwargs:
            kwargs["initial"] = {
                "diterima_oleh": penerima.diterima_oleh,
                "diterima_pada": penerima.diterima_pada,
            }
        super().__init__(*args, **kwargs)
        self.fields["diterima_pada"] = WaktuLokalField(
            label=f"Waktu diterima ({satker.singkatan_zona})", zona=zona
        )
        if "diterima_pada" not in self.initial:
            self.initial["diterima_pada"] = timezone.now().replace(second=0, microsecond=0)

    def clean_diterima_pada(self):
        nilai = self.cleaned_data["diterima_pada"]
        if nilai.year < TAHUN_PALING_AWAL:
            raise forms.ValidationError("Periksa kembali tahun waktu diterima.")
        dikirim = self.penerima.dikirim_pada
        if dikirim is not None and dikirim.replace(second=0, microsecond=0) <= nilai < dikirim:
            # The input has minutes only; a receipt in the very minute the copy
            # went out (handed over on the spot) is not "before sending".
            nilai = dikirim
        return nilai

    def argumen(self) -> dict:
        d = self.cleaned_data
        return {
            "diterima_oleh": d["diterima_oleh"],
            "diterima_pada": d["diterima_pada"],
            "bukti": d["bukti"] or None,
        }
