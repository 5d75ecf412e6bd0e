import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from documents.models import StatusBerlaku

from . import selectors

KOSONG = [("", "Semua")]

# The longest keyword query searched. Real queries are a few words; past this
# a "query" is a pasted document or an attack, and both would only make the
# search slow.
PANJANG_KUERI = 200
# The oldest year a tanggal penetapan filter accepts: the Republic's first
# laws are the oldest a legal product cites.
TAHUN_TERTUA = 1945
FORMAT_TANGGAL = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
BULAN = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()


def tahun_terbaru() -> int:
    return timezone.localdate().year + 1


def _ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _tanggal(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=FORMAT_TANGGAL,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": "Tanggal tidak dikenali. Pilih dari kalender atau tulis seperti "
            "2024-02-14 (tahun-bulan-tanggal)."
        },
    )


class CariForm(forms.Form):
    """The search box and its filters; a bad value is reported beside its
    field and the search runs on the rest."""

    q = forms.CharField(label="Kata kunci", required=False)
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
            (selectors.URUT_NOMOR, "Nomor (per tahun)"),
        ],
    )
    tanggal_dari = _tanggal("Dari tanggal")
    tanggal_sampai = _tanggal("Sampai tanggal")

    SARINGAN = ("tipe", "jenis", "tahun", "nomor", "status", "satker", "bidang", "urut")
    TANGGAL = ("tanggal_dari", "tanggal_sampai")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pilihan = selectors.pilihan_saringan()
        self.fields["jenis"].choices = KOSONG + pilihan["jenis"]
        self.fields["tipe"].choices = KOSONG + pilihan["tipe"]
        self.fields["tahun"].choices = KOSONG + [(t, t) for t in pilihan["tahun"]]
        self.fields["satker"].choices = KOSONG + pilihan["satker"]
        self.fields["bidang"].choices = KOSONG + [(b, b) for b in pilihan["bidang"]]

    def clean_q(self):
        q = self.cleaned_data["q"].strip()
        if len(q) > PANJANG_KUERI:
            raise ValidationError(
                f"Kata kunci terlalu panjang ({_ribuan(len(q))} karakter). Gunakan paling "
                f"banyak {PANJANG_KUERI} karakter, misalnya beberapa kata dari judul atau "
                "nomornya."
            )
        if q and not any(c.isalnum() for c in q):
            raise ValidationError(
                "Kata kunci harus memuat setidaknya satu huruf atau angka; tanda baca dan "
                "simbol saja tidak dapat dicari."
            )
        return q

    def _tahun_wajar(self, nama):
        tanggal = self.cleaned_data.get(nama)
        if tanggal and not TAHUN_TERTUA <= tanggal.year <= tahun_terbaru():
            raise ValidationError(f"Tahun harus antara {TAHUN_TERTUA} dan {tahun_terbaru()}.")
        return tanggal

    def clean_tanggal_dari(self):
        return self._tahun_wajar("tanggal_dari")

    def clean_tanggal_sampai(self):
        return self._tahun_wajar("tanggal_sampai")

    def clean(self):
        data = super().clean()
        dari, sampai = data.get("tanggal_dari"), data.get("tanggal_sampai")
        if dari and sampai and dari > sampai:
            # The range is dropped whole: half of it would widen the search
            # in a way the reader did not ask for.
            self.add_error(
                "tanggal_sampai",
                "Tanggal akhir tidak boleh sebelum tanggal awal "
                f"({dari.day} {BULAN[dari.month - 1]} {dari.year}).",
            )
            data.pop("tanggal_dari", None)
        return data

    @property
    def kueri_ditolak(self) -> bool:
        return self.is_bound and "q" in self.errors

    def q_ditampilkan(self) -> str:
        """What goes back into the search box: at most PANJANG_KUERI
        characters of what was typed (a 1 MB "query" is not echoed)."""
        nilai = self["q"].value() or ""
        return nilai[:PANJANG_KUERI] if isinstance(nilai, str) else ""

    def rentang_tanggal(self):
        """The date fields as plain data for the template (see saringan).
        An <input type="date"> shows only YYYY-MM-DD: a date typed another
        way goes back in that form, anything else as empty."""
        if self.is_bound:
            self.is_valid()
        hasil = []
        for nama in self.TANGGAL:
            bf = self[nama]
            tanggal = getattr(self, "cleaned_data", {}).get(nama)
            mentah = bf.value()
            if isinstance(tanggal, date):
                nilai = tanggal.isoformat()
            elif isinstance(mentah, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", mentah):
                nilai = mentah
            else:
                nilai = ""
            hasil.append(
                {
                    "nama": nama,
                    "label": bf.label,
                    "id": bf.auto_id,
                    "nilai": nilai,
                    "galat": bf.errors,
                    "min": f"{TAHUN_TERTUA}-01-01",
                    "max": f"{tahun_terbaru()}-12-31",
                }
            )
        return hasil

    def jumlah_saringan_aktif(self) -> int:
        """How many filters narrow the results (the sort is no filter): the
        folded filter box on a phone says so."""
        if not self.is_bound:
            return 0
        self.is_valid()
        nama = [n for n in (*self.SARINGAN, *self.TANGGAL) if n != "urut"]
        return sum(1 for n in nama if self.cleaned_data.get(n) not in (None, ""))

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
        """The search to run: every valid filter; a filter with an error is
        left out (it is reported beside its field), but keywords that cannot
        be searched match nothing (``Kriteria.kueri_ditolak``), never the
        whole catalogue."""
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        return selectors.Kriteria(**data, kueri_ditolak=self.kueri_ditolak)
