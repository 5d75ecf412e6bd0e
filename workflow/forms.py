import copy

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


PDF = {"accept": "application/pdf,.pdf"}
WAJIB_NOTA_PDF = {
    "required": "Pilih berkas PDF Nota Dinas.",
    "empty": "Berkas Nota Dinas yang dipilih kosong.",
}
WAJIB_NASKAH_PDF = {
    "required": "Pilih berkas PDF naskah asli yang telah ditandatangani.",
    "empty": "Berkas naskah asli yang dipilih kosong.",
}
BANTUAN_NOTA_PDF = (
    "Pindaian atau ekspor PDF surat Nota Dinas yang telah ditandatangani (biasanya 1–3 "
    "halaman). Hanya dapat dibuka staf JDIH satker ini; tidak pernah tampil di laman publik."
)
BANTUAN_NASKAH_PDF = (
    "Naskah produk hukum yang telah ditandatangani, bukan Nota Dinasnya. Naskah ini menjadi "
    "versi pertama produk hukum yang akan disiapkan Pengelola JDIH."
)


class _IsianNotaDinas(forms.Form):
    """The memo's fields, as every form of sop 000–002 that carries one asks them."""

    nota_nomor = forms.CharField(
        label="Nomor Nota Dinas", max_length=100, validators=[batas.tolak_kendali_satu_baris]
    )
    nota_tanggal = forms.DateField(
        label="Tanggal Nota Dinas",
        # The browser's date input reads and sends ISO dates only.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    nota_perihal = forms.CharField(
        label="Perihal", max_length=255, validators=[batas.tolak_kendali_satu_baris]
    )
    nota_dari = forms.CharField(
        label="Dari", max_length=200, validators=[batas.tolak_kendali_satu_baris]
    )
    nota_kepada = forms.CharField(
        label="Kepada",
        max_length=200,
        initial="Kasubbag Hukum dan SDM",
        validators=[batas.tolak_kendali_satu_baris],
    )
    nota_berkas = forms.FileField(
        label="Berkas Nota Dinas (PDF)",
        help_text=BANTUAN_NOTA_PDF,
        error_messages=WAJIB_NOTA_PDF,
        widget=forms.ClearableFileInput(attrs=PDF),
    )

    def data_nota(self):
        d = self.cleaned_data
        return {k: d[f"nota_{k}"] for k in ("nomor", "tanggal", "perihal", "dari", "kepada")}


class _IsianProduk(forms.Form):
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

    def data_produk(self):
        d = self.cleaned_data
        return {k: d[k] for k in ("jenis", "nomor", "tahun", "judul")}


BIDANG_PRODUK = ("satker", "jenis", "nomor", "tahun", "judul")


class PengajuanForm(_IsianProduk, _IsianNotaDinas):
    satker = forms.ModelChoiceField(queryset=None, label="Satker", empty_label=None)
    berkas = forms.FileField(
        label="Naskah asli bertanda tangan (PDF)",
        help_text=BANTUAN_NASKAH_PDF,
        error_messages=WAJIB_NASKAH_PDF,
        widget=forms.ClearableFileInput(attrs=PDF),
    )

    field_order = [*BIDANG_PRODUK, "nota_nomor", "nota_tanggal", "nota_perihal", "nota_dari"]

    def __init__(self, *args, satker_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = satker_qs

    def bidang_produk(self):
        return [self[n] for n in BIDANG_PRODUK]

    def bidang_nota(self):
        return [self[n] for n in self.fields if n.startswith("nota_") and n != "nota_berkas"]

    def bidang_berkas(self):
        return [self["nota_berkas"], self["berkas"]]


class UsulanPenurunanForm(_IsianNotaDinas):
    alasan = forms.CharField(
        label="Alasan penurunan", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    field_order = ["alasan"]


class LengkapiForm(_IsianNotaDinas):
    """The proposer completes a request sent back: the Nota Dinas data
    (prefilled), optionally a new memo PDF and, for an upload, the product's
    identity and a new naskah asli."""

    catatan = forms.CharField(
        label="Catatan untuk Kasubbag Hukum & SDM",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Mis. apa saja yang telah dilengkapi.",
    )

    def __init__(self, *args, permohonan, **kwargs):
        nota = getattr(permohonan, "nota_dinas", None)
        awal = {}
        if nota is not None:
            awal = {f"nota_{k}": getattr(nota, k) for k in ("nomor", "perihal", "dari", "kepada")}
            awal["nota_tanggal"] = nota.tanggal.isoformat() if nota.tanggal else None
        if permohonan.penurunan:
            awal["alasan"] = permohonan.alasan
        elif permohonan.produk_id:
            ph = permohonan.produk
            awal.update(jenis=ph.jenis_id, nomor=ph.nomor, tahun=ph.tahun, judul=ph.judul)
        kwargs["initial"] = {**awal, **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        self.permohonan = permohonan
        ada_pdf = bool(nota is not None and nota.berkas)
        berkas_nota = self.fields["nota_berkas"]
        berkas_nota.required = not ada_pdf
        if ada_pdf:
            berkas_nota.label = "Ganti berkas Nota Dinas (PDF)"
            berkas_nota.help_text = (
                "Kosongkan untuk tetap memakai PDF Nota Dinas yang sudah ada. " + BANTUAN_NOTA_PDF
            )
        tambahan = {}
        if permohonan.penurunan:
            tambahan["alasan"] = forms.CharField(
                label="Alasan penurunan",
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=2000,
            )
        else:
            for nama, bidang in _IsianProduk.base_fields.items():
                tambahan[nama] = copy.deepcopy(bidang)
            tambahan["berkas"] = forms.FileField(
                label="Ganti naskah asli bertanda tangan (PDF)",
                required=False,
                help_text="Kosongkan bila naskah asli tidak berubah. Naskah baru menjadi versi "
                "berikutnya produk hukum ini.",
                widget=forms.ClearableFileInput(attrs=PDF),
            )
        urutan = list(tambahan) + [n for n in self.fields if n != "catatan"] + ["catatan"]
        self.fields.update(tambahan)
        self.order_fields(urutan)

    def data_produk(self):
        if self.permohonan.penurunan:
            return None
        return _IsianProduk.data_produk(self)

    def kelompok(self):
        """(legend, fields) in the order the page shows them."""
        pertama = ["alasan"] if self.permohonan.penurunan else list(_IsianProduk.base_fields)
        nota = [n for n in _IsianNotaDinas.base_fields if n != "nota_berkas"]
        berkas = ["nota_berkas"] + ([] if self.permohonan.penurunan else ["berkas"])
        judul = "Usulan penurunan" if self.permohonan.penurunan else "Produk hukum"
        return [
            (judul, [self[n] for n in pertama]),
            ("Nota Dinas", [self[n] for n in nota]),
            ("Berkas (PDF)", [self[n] for n in berkas]),
            ("Catatan", [self["catatan"]]),
        ]

    def argumen(self):
        d = self.cleaned_data
        return {
            "nota": self.data_nota(),
            "produk": self.data_produk(),
            "alasan": d.get("alasan") if self.permohonan.penurunan else None,
            "nota_berkas": d.get("nota_berkas") or None,
            "berkas": d.get("berkas") or None,
            "catatan": d.get("catatan", ""),
        }


def nama_tampilan(user) -> str:
    return user.get_full_name() or user.username


def _label_pengelola(user) -> str:
    """How the Kasubbag picks a recipient: the name, the role, and whether
    the email about it can reach them at all."""
    teks = f"{nama_tampilan(user)} — Pengelola JDIH"
    if not user.email:
        teks += " — belum punya alamat email, tidak akan menerima pemberitahuan"
    return teks


class DisposisiForm(_StatusTerlihat):
    kepada = forms.ModelChoiceField(queryset=None, label="Kepada (Pengelola JDIH)")
    petunjuk = forms.CharField(
        label="Petunjuk", max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, permohonan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kepada"].queryset = pengelola_satker(permohonan.satker_id)
        self.fields["kepada"].label_from_instance = _label_pengelola

    def argumen(self):
        return {"kepada": self.cleaned_data["kepada"], "petunjuk": self.cleaned_data["petunjuk"]}


class AlihkanDisposisiForm(_StatusTerlihat):
    kepada = forms.ModelChoiceField(
        queryset=None,
        label="Alihkan kepada (Pengelola JDIH)",
        error_messages={
            "required": "Pilih Pengelola JDIH yang akan menindaklanjuti.",
            "invalid_choice": "Pilih Pengelola JDIH satker ini yang lain.",
        },
    )
    alasan = forms.CharField(
        label="Alasan pengalihan",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Mis. pengelola sebelumnya cuti atau dipindahtugaskan. Tercatat di jejak audit.",
    )

    def __init__(self, *args, permohonan, **kwargs):
        super().__init__(*args, **kwargs)
        qs = pengelola_satker(permohonan.satker_id)
        if permohonan.pengelola_id:
            qs = qs.exclude(pk=permohonan.pengelola_id)
        self.fields["kepada"].queryset = qs
        self.fields["kepada"].label_from_instance = _label_pengelola
        if not self.is_bound and not qs.exists():
            self.fields["kepada"].help_text = (
                "Belum ada Pengelola JDIH lain di satker ini. Minta admin menetapkan peran "
                "Pengelola JDIH kepada pegawai lain lebih dahulu."
            )

    def argumen(self):
        return {"kepada": self.cleaned_data["kepada"], "alasan": self.cleaned_data["alasan"]}


class KembalikanKePengusulForm(_StatusTerlihat):
    catatan = forms.CharField(
        label="Yang perlu dilengkapi pengusul",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Mis. PDF Nota Dinas belum ditandatangani, atau naskah asli bukan versi final.",
    )

    def __init__(self, *args, permohonan=None, **kwargs):
        super().__init__(*args, **kwargs)

    def argumen(self):
        return {"catatan": self.cleaned_data["catatan"]}


class TarikForm(_StatusTerlihat):
    catatan = forms.CharField(
        label="Alasan penarikan",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    konfirmasi = forms.BooleanField(
        label="Saya yakin menarik permohonan ini (tidak dapat dibatalkan).", required=True
    )

    def __init__(self, *args, permohonan=None, **kwargs):
        super().__init__(*args, **kwargs)

    def argumen(self):
        return {"catatan": self.cleaned_data["catatan"]}


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
