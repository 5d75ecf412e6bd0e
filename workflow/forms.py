from django import forms

from documents import batas
from documents.models import Jenis, ProdukHukum, StatusPublikasi

from .konten.models import StatusKonten
from .layanan import pengelola_satker
from .models import JenisPermohonan, Status
from .penyusunan.models import StatusPenyusunan


class _StatusTerlihat(forms.Form):
    """Carries the state the user saw, so a stale page is told, not obeyed."""

    status_terlihat = forms.CharField(widget=forms.HiddenInput, required=False)


class PengajuanForm(forms.Form):
    satker = forms.ModelChoiceField(queryset=None, label="Satker", empty_label=None)
    jenis = forms.ModelChoiceField(queryset=Jenis.objects.all(), label="Jenis produk hukum")
    nomor = forms.CharField(
        label="Nomor produk hukum",
        max_length=batas.PANJANG_NOMOR,
        validators=[batas.tolak_kendali_satu_baris],
    )
    tahun = forms.IntegerField(label="Tahun", min_value=1945, max_value=2100)
    judul = forms.CharField(
        label="Judul",
        max_length=batas.PANJANG_JUDUL,
        validators=[batas.tolak_kendali_teks],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
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


class TerbitkanKembaliForm(_StatusTerlihat):
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    konfirmasi = forms.BooleanField(
        label="Saya yakin menerbitkan kembali versi terakhir yang baik; versi perbaikan yang "
        "ditolak tidak diterbitkan.",
        required=True,
    )

    def __init__(self, *args, permohonan=None, **kwargs):
        super().__init__(*args, **kwargs)
        versi = None
        if permohonan is not None and permohonan.status == Status.PERBAIKAN_DITOLAK:
            versi = permohonan.versi_kembali()
        if versi is not None:
            # The reader confirms the very file that goes back online.
            self.fields["konfirmasi"].label = (
                f"Saya yakin menerbitkan kembali versi {versi.nomor_versi} ke laman JDIH; "
                "versi perbaikan yang ditolak tidak diterbitkan."
            )

    def argumen(self):
        return {"catatan": self.cleaned_data["catatan"]}


class PerbaikanUlangForm(_StatusTerlihat):
    catatan = forms.CharField(
        label="Petunjuk perbaikan",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kosongkan untuk memakai alasan penolakan sebagai catatan koreksi.",
    )

    def __init__(self, *args, permohonan=None, **kwargs):
        super().__init__(*args, **kwargs)

    def argumen(self):
        return {"catatan": self.cleaned_data["catatan"]}


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


# The prepare page's and the evaluation's forms live in their own modules.
from .forms_evaluasi import EvaluasiForm  # noqa: E402,F401
from .forms_siapkan import BerkasForm, MetadataForm  # noqa: E402,F401
