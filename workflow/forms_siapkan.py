"""Forms of the prepare page: the catalogue record and a new file version."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from documents import batas, kosakata
from documents.models import BIDANG_METADATA, ProdukHukum, TipeDokumen
from documents.subjek import setel_subjek
from documents.tipe import (
    BIDANG_TIPE,
    SEMUA_BIDANG_TIPE,
    WAJIB_TIPE,
    bidang_untuk,
    kosongkan_bidang_lain,
)


class PilihJenis(forms.Select):
    """The jenis select, each option carrying its document type so that
    static/js/katalog.js can show that type's fields without asking the server."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        jenis = getattr(value, "instance", None)
        if jenis is not None:
            option["attrs"]["data-tipe"] = jenis.tipe_dokumen
        return option


def _kelompok_bidang_tipe() -> list[tuple[tuple[str, ...], list[str]]]:
    """The type fields grouped by the types that share them, in display
    order: penulis (monografi and artikel) first, then each type's own."""
    kelompok: dict[tuple[str, ...], list[str]] = {}
    for nama in SEMUA_BIDANG_TIPE:
        tipe = tuple(str(t) for t, daftar in BIDANG_TIPE.items() if nama in daftar)
        kelompok.setdefault(tipe, []).append(nama)
    return list(kelompok.items())


KELOMPOK_BIDANG_TIPE = _kelompok_bidang_tipe()
MAKS_SUBJEK = 25


def _galat_pilihan(nama_daftar: str, daftar) -> str:
    # %(value)s is filled in by the choice field; the allowed values are named
    # so the Pengelola need not look them up.
    return (
        f"'%(value)s' tidak ada dalam daftar {nama_daftar}. "
        f"Pilihan: {kosakata.daftar_nilai(daftar).replace('%', '%%')}."
    )


class MetadataForm(forms.ModelForm):
    """The catalogue record the Pengelola prepares: identity, the descriptive
    fields, the type's own fields, the structured abstrak, and subjek as
    managed keywords (typed as one line, kept as Subjek rows).

    Only the fields of the selected jenis's type are validated and kept; the
    other types' fields are cleared, so a product moved from monografi to
    peraturan does not keep (and publish) an ISBN."""

    subjek = forms.CharField(
        label="Subjek",
        required=False,
        max_length=2000,
        help_text="Kata kunci, dipisah titik koma (;). Pilih dari saran bila sudah ada.",
    )

    class Meta:
        model = ProdukHukum
        fields = [
            "jenis",
            "nomor",
            "tahun",
            "judul",
            *(b for b in BIDANG_METADATA if b != "subjek"),
            *SEMUA_BIDANG_TIPE,
        ]
        widgets = {
            "jenis": PilihJenis,
            "judul": forms.Textarea(attrs={"rows": 3}),
            "abstrak": forms.Textarea(attrs={"rows": 6}),
            "abstrak_dasar_hukum": forms.Textarea(attrs={"rows": 4}),
            "abstrak_catatan": forms.Textarea(attrs={"rows": 3}),
            "amar": forms.Textarea(attrs={"rows": 4}),
            "tanggal_penetapan": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tanggal_pengundangan": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {
            "tanggal_penetapan": (
                "Tanggal penetapan (monografi/artikel: tanggal terbit; putusan: tanggal putusan)"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Subjek is declared on the form, so it would come last: put it
        # beside the other descriptive fields, before the abstrak.
        urutan = list(self.fields)
        urutan.remove("subjek")
        urutan.insert(urutan.index("sumber") + 1, "subjek")
        self.order_fields(urutan)
        # judul and the abstrak are unbounded in the model: the limits live in documents.batas.
        batas.terapkan_batas(self.fields)
        if self.instance.pk and "subjek" not in self.initial:
            self.initial["subjek"] = self.instance.subjek
        self.fields["tanggal_penetapan"].required = True
        self.fields["bidang_hukum"].error_messages["invalid_choice"] = _galat_pilihan(
            "bidang hukum nasional", kosakata.BIDANG_HUKUM
        )
        self.fields["bahasa"].error_messages["invalid_choice"] = _galat_pilihan(
            "bahasa", kosakata.BAHASA
        )
        self.fields["subjek"].widget.attrs.update(
            {
                "data-saran-url": reverse("workflow:subjek-saran"),
                "autocomplete": "off",
            }
        )
        label_tipe = dict(TipeDokumen.choices)
        for tipe, daftar in WAJIB_TIPE.items():
            for nama in daftar:
                bantuan = self.fields[nama].help_text
                wajib = f"Wajib untuk {label_tipe[tipe].lower()}."
                self.fields[nama].help_text = f"{bantuan} {wajib}".strip()

    def pasang_usulan(self, usulan: dict) -> None:
        """Proposals from the document (ekstraksi.layanan.bandingkan), shown
        with their fields. An empty field takes the proposal as its initial
        value — nothing is saved until the Pengelola saves; a field already
        holding another value keeps it. A proposal the field could not hold
        (too long) is left out rather than shown as an error later."""
        for nama, u in usulan.items():
            if nama not in self.fields:
                continue
            field = self.fields[nama]
            if getattr(field, "max_length", None) and len(u.nilai) > field.max_length:
                continue
            if u.diisi and not self.is_bound:
                self.initial[nama] = u.nilai
            rujukan = [f"usulan-{nama}"] + ([f"usulan-{nama}-beda"] if u.beda else [])
            lama = field.widget.attrs.get("aria-describedby", "")
            field.widget.attrs["aria-describedby"] = " ".join([lama, *rujukan]).strip()
            # Read by the field template (ekstraksi/_bidang.html) from the
            # bound field, which the form caches.
            self[nama].usulan = u

    def tipe_terpilih(self) -> str:
        """The type of the jenis chosen (posted when valid, else the record's)."""
        jenis = (getattr(self, "cleaned_data", None) or {}).get("jenis")
        if jenis is not None:
            return jenis.tipe_dokumen
        return self.instance.tipe_dokumen

    def bidang_umum(self):
        """The fields every type has, in order."""
        return [self[n] for n in self.fields if n not in SEMUA_BIDANG_TIPE]

    def kelompok_tipe(self):
        """Field groups of the types, each with its heading and the types it
        belongs to (for the data-tipe attribute read by katalog.js)."""
        label_tipe = dict(TipeDokumen.choices)
        hasil = []
        for tipe, nama_bidang in KELOMPOK_BIDANG_TIPE:
            judul = " dan ".join(label_tipe[t].lower() for t in tipe)
            hasil.append(
                {
                    "judul": f"Khusus {judul}",
                    "tipe": " ".join(tipe),
                    "bidang": [self[n] for n in nama_bidang],
                }
            )
        return hasil

    def clean_subjek(self):
        daftar = kosakata.pisah_subjek(self.cleaned_data.get("subjek", ""))
        terlalu_panjang = [s for s in daftar if len(s) > kosakata.PANJANG_SUBJEK]
        if terlalu_panjang:
            raise ValidationError(
                f"Subjek '{terlalu_panjang[0][:40]}…' terlalu panjang: paling banyak "
                f"{kosakata.PANJANG_SUBJEK} karakter per subjek."
            )
        if len(daftar) > MAKS_SUBJEK:
            raise ValidationError(f"Paling banyak {MAKS_SUBJEK} subjek per produk hukum.")
        return kosakata.gabung_subjek(daftar)

    def clean(self):
        data = super().clean()
        # Fields of other types are neither checked nor kept: their errors
        # (a bad ISBN left in a hidden monografi group) would block a putusan.
        milik = set(bidang_untuk(self.tipe_terpilih()))
        for nama in SEMUA_BIDANG_TIPE:
            if nama not in milik:
                self._errors.pop(nama, None)
                data[nama] = None if ProdukHukum._meta.get_field(nama).null else ""
        return data

    def _post_clean(self):
        super()._post_clean()
        kosongkan_bidang_lain(self.instance)

    def validate_unique(self):
        super().validate_unique()
        # The satker is not on the form, so Django would skip the constraint
        # (satker, jenis, nomor, tahun) and a colliding nomor would surface as
        # an IntegrityError; the record's own satker is checked here.
        exclude = self._get_validation_exclusions() - {"satker"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as e:
            self._update_errors(e)

    def save(self, commit=True):
        produk = super().save(commit=commit)
        if commit:
            setel_subjek(produk, self.cleaned_data.get("subjek", ""))
        return produk


class BerkasForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas PDF",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    keterangan_perbaikan = forms.CharField(
        label="Keterangan perbaikan (tampil bagi pembaca)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SerahkanForm(forms.Form):
    """The hand-in that travels with the metadata form (one button saves
    both), so nothing typed on the prepare page is lost by handing in."""

    status_terlihat = forms.CharField(widget=forms.HiddenInput, required=False)
    catatan = forms.CharField(
        label="Catatan untuk pemeriksa (opsional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Dikirim bersama penyerahan untuk diperiksa.",
    )
