from django import forms

from documents.models import BIDANG_METADATA, Jenis, ProdukHukum, StatusPublikasi

from .konten.models import StatusKonten
from .layanan import pengelola_satker
from .mesin import pilihan_prosedur
from .models import JenisPermohonan, Status
from .penyusunan.models import StatusPenyusunan


class _StatusTerlihat(forms.Form):
    """Carries the state the user saw, so a stale page is told, not obeyed."""

    status_terlihat = forms.CharField(widget=forms.HiddenInput, required=False)


class PengajuanForm(forms.Form):
    satker = forms.ModelChoiceField(queryset=None, label="Satker", empty_label=None)
    jenis = forms.ModelChoiceField(queryset=Jenis.objects.all(), label="Jenis produk hukum")
    nomor = forms.CharField(label="Nomor produk hukum", max_length=100)
    tahun = forms.IntegerField(label="Tahun", min_value=1945, max_value=2100)
    judul = forms.CharField(label="Judul", widget=forms.Textarea(attrs={"rows": 3}))
    nota_nomor = forms.CharField(label="Nomor Nota Dinas", max_length=100)
    nota_tanggal = forms.DateField(
        label="Tanggal Nota Dinas", widget=forms.DateInput(attrs={"type": "date"})
    )
    nota_perihal = forms.CharField(label="Perihal", max_length=255)
    nota_dari = forms.CharField(label="Dari", max_length=200)
    nota_kepada = forms.CharField(label="Kepada", max_length=200, initial="Kasubbag Hukum dan SDM")
    berkas = forms.FileField(
        label="Naskah asli bertanda tangan (PDF)",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, satker_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = satker_qs

    def data_produk(self):
        d = self.cleaned_data
        return {k: d[k] for k in ("jenis", "nomor", "tahun", "judul")}

    def data_nota(self):
        d = self.cleaned_data
        return {k: d[f"nota_{k}"] for k in ("nomor", "tanggal", "perihal", "dari", "kepada")}


class UsulanPenurunanForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan penurunan", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    nota_nomor = forms.CharField(label="Nomor Nota Dinas", max_length=100)
    nota_tanggal = forms.DateField(
        label="Tanggal Nota Dinas", widget=forms.DateInput(attrs={"type": "date"})
    )
    nota_perihal = forms.CharField(label="Perihal", max_length=255)
    nota_dari = forms.CharField(label="Dari", max_length=200)
    nota_kepada = forms.CharField(label="Kepada", max_length=200, initial="Kasubbag Hukum dan SDM")

    data_nota = PengajuanForm.data_nota


class DisposisiForm(_StatusTerlihat):
    kepada = forms.ModelChoiceField(queryset=None, label="Kepada (Pengelola JDIH)")
    petunjuk = forms.CharField(label="Petunjuk", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, permohonan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kepada"].queryset = pengelola_satker(permohonan.satker_id)
        self.fields["kepada"].label_from_instance = lambda u: u.get_full_name() or u.username

    def argumen(self):
        return {"kepada": self.cleaned_data["kepada"], "petunjuk": self.cleaned_data["petunjuk"]}


class CatatanForm(_StatusTerlihat):
    catatan = forms.CharField(
        label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, permohonan=None, **kwargs):
        super().__init__(*args, **kwargs)

    def argumen(self):
        return {"catatan": self.cleaned_data["catatan"]}


class KoreksiForm(CatatanForm):
    catatan = forms.CharField(label="Catatan koreksi", widget=forms.Textarea(attrs={"rows": 4}))


class TolakForm(_StatusTerlihat):
    alasan = forms.CharField(label="Alasan penolakan", widget=forms.Textarea(attrs={"rows": 3}))
    konfirmasi = forms.BooleanField(
        label="Saya yakin menolak permohonan ini (tidak dapat dibatalkan).", required=True
    )

    def __init__(self, *args, permohonan=None, **kwargs):
        super().__init__(*args, **kwargs)

    def argumen(self):
        return {"alasan": self.cleaned_data["alasan"]}


class TurunkanForm(_StatusTerlihat):
    catatan = forms.CharField(
        label="Alasan/catatan penurunan", widget=forms.Textarea(attrs={"rows": 3})
    )
    konfirmasi = forms.BooleanField(
        label="Saya yakin menurunkan produk hukum ini dari laman JDIH.", required=True
    )

    def __init__(self, *args, permohonan=None, **kwargs):
        super().__init__(*args, **kwargs)

    def argumen(self):
        return {"catatan": self.cleaned_data["catatan"]}


class MetadataForm(forms.ModelForm):
    class Meta:
        model = ProdukHukum
        fields = ["jenis", "tipe_dokumen", "nomor", "tahun", "judul", *BIDANG_METADATA]
        widgets = {
            "judul": forms.Textarea(attrs={"rows": 3}),
            "abstrak": forms.Textarea(attrs={"rows": 6}),
            "tanggal_penetapan": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tanggal_pengundangan": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


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


class SaringanForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[
            ("", "Semua status"),
            ("Pengunggahan dan penurunan", Status.choices),
            ("Penyusunan keputusan", StatusPenyusunan.choices),
            ("Konten media sosial", StatusKonten.choices),
        ],
    )
    jenis = forms.ChoiceField(
        label="Jenis",
        required=False,
        choices=[
            ("", "Semua jenis"),
            *JenisPermohonan.choices,
            ("penyusunan-1", "Penyusunan keputusan tim pelaksana"),
            ("penyusunan-2", "Penyusunan keputusan pengaturan"),
            ("konten", "Konten media sosial"),
        ],
    )
    nomor = forms.CharField(label="Nomor", required=False, max_length=100)


class CariProdukForm(forms.Form):
    q = forms.CharField(label="Cari nomor atau judul produk hukum terbit", max_length=200)

    def hasil(self, satker_ids):
        q = self.cleaned_data["q"]
        from django.db.models import Q

        return (
            ProdukHukum.objects.filter(
                satker_id__in=satker_ids, status_publikasi=StatusPublikasi.TERBIT
            )
            .filter(Q(nomor__icontains=q) | Q(judul__icontains=q))
            .select_related("jenis", "satker")[:20]
        )


class EvaluasiForm(forms.Form):
    satker = forms.ModelChoiceField(queryset=None, label="Satker", empty_label=None)
    prosedur = forms.ChoiceField(label="Prosedur", choices=pilihan_prosedur, required=False)
    dari = forms.DateField(label="Dari tanggal", widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label="Sampai tanggal", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, satker_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = satker_qs

    def clean(self):
        d = super().clean()
        d["prosedur"] = d.get("prosedur") or "unggah"
        if d.get("dari") and d.get("sampai") and d["dari"] > d["sampai"]:
            self.add_error("sampai", "Tanggal akhir harus sesudah tanggal awal.")
        return d
