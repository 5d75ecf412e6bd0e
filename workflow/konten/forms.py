"""Forms of the sop 004 pages: the disposisi, the concept editor with its
images and share cards, each step's form, the list's filters and the
calendar's month. Business rules stay in workflow.konten.layanan; these
forms only read what was typed."""

from datetime import date

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from documents import gambar as gambar_mod
from documents.batas import tolak_kendali_satu_baris
from documents.models import Platform, ProdukHukum, Satker

from ..models import PenugasanPeran
from ..peran import Peran
from .models import BATAS_CAPTION, JenisKonten, StatusKonten
from .tautan import HOST

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LABEL_PLATFORM = dict(Platform.choices)
UKURAN_KARTU = [
    ("persegi", "Persegi 1080×1080 — unggahan Instagram, Facebook"),
    ("tautan", "Lebar 1200×630 — X, Facebook, saluran WhatsApp"),
    ("cerita", "Tegak 1080×1920 — Story, Reels, TikTok"),
]


def nama_orang(user) -> str:
    return user.get_full_name() or user.username


def _ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# A plan further ahead than this is a typing error (a year 9999 or 2204).
TAHUN_RENCANA_KE_DEPAN = 5


def _rencana_wajar(tanggal):
    batas = timezone.localdate().year + TAHUN_RENCANA_KE_DEPAN
    if tanggal and tanggal.year > batas:
        raise forms.ValidationError(
            f"Rencana tanggal unggah terlalu jauh; paling lambat tahun {batas}."
        )
    return tanggal


def _tidak_di_masa_depan(tanggal):
    if tanggal and tanggal > timezone.localdate():
        raise forms.ValidationError("Tanggal Nota Dinas tidak boleh di masa depan.")
    return tanggal


class PilihanBanyak(forms.ModelMultipleChoiceField):
    """A multiple choice of rows by id that refuses a value which cannot be an
    id before asking the database: a 30-digit "id" overflowed the query (500)."""

    def _check_values(self, value):
        for v in value:
            if not (isinstance(v, int) or (isinstance(v, str) and v.isdecimal() and len(v) < 19)):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": v},
                )
        return super()._check_values(value)


def label_produk(p) -> str:
    judul = p.judul if len(p.judul) <= 90 else p.judul[:89] + "…"
    return f"{p} — {judul}"


# --- Kepala Bagian: the disposisi -------------------------------------------------


class DisposisiForm(forms.Form):
    satker = forms.ModelChoiceField(queryset=None, label="Satker", empty_label=None)
    staf = forms.TypedChoiceField(
        label="Staf JDIH yang ditugasi",
        coerce=int,
        choices=(),
        help_text="Hanya Staf JDIH yang ditugasi yang menyusun dan mengunggah konten ini.",
    )
    jenis_konten = forms.ChoiceField(label="Jenis konten", choices=JenisKonten.choices)
    judul = forms.CharField(
        label="Judul konten",
        max_length=255,
        validators=[tolak_kendali_satu_baris],
        help_text="Mis. Infografis penetapan Daftar Pemilih Tetap.",
    )
    petunjuk = forms.CharField(
        label="Petunjuk disposisi",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Bahan yang dihimpun, sasaran, pesan utama, platform yang dituju.",
    )
    nota_nomor = forms.CharField(
        label="Nomor Nota Dinas", max_length=100, validators=[tolak_kendali_satu_baris]
    )
    nota_tanggal = forms.DateField(label="Tanggal Nota Dinas", widget=TANGGAL)
    tanggal_rencana = forms.DateField(
        label="Rencana tanggal unggah", widget=TANGGAL, required=False
    )

    def __init__(self, *args, satker_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].queryset = Satker.objects.filter(pk__in=satker_ids).order_by("nama")
        self.fields["nota_tanggal"].initial = timezone.localdate()
        penugasan = (
            PenugasanPeran.objects.filter(
                satker_id__in=satker_ids, peran__name=str(Peran.STAF), pengguna__is_active=True
            )
            .select_related("pengguna", "satker")
            .order_by("satker__nama", "pengguna__first_name", "pengguna__username")
        )
        self._staf = {}  # user id → (user, {satker ids})
        kelompok: dict[str, list] = {}
        for p in penugasan:
            user, satker = self._staf.setdefault(p.pengguna_id, (p.pengguna, set()))
            satker.add(p.satker_id)
            kelompok.setdefault(p.satker.nama, []).append((p.pengguna_id, nama_orang(p.pengguna)))
        if not kelompok:
            self.fields["staf"].help_text = (
                "Belum ada Staf JDIH di satker Anda. Minta Admin menetapkan peran "
                "Staf JDIH lebih dahulu."
            )
        pilihan = [("", "— pilih Staf JDIH —")]
        if len(kelompok) > 1:
            pilihan += list(kelompok.items())
        else:
            pilihan += next(iter(kelompok.values()), [])
        self.fields["staf"].choices = pilihan

    def clean_nota_tanggal(self):
        return _tidak_di_masa_depan(self.cleaned_data["nota_tanggal"])

    def clean_tanggal_rencana(self):
        return _rencana_wajar(self.cleaned_data["tanggal_rencana"])

    def clean(self):
        d = super().clean()
        staf, satker = d.get("staf"), d.get("satker")
        if staf is not None:
            user, satker_staf = self._staf[staf]
            if satker is not None and satker.pk not in satker_staf:
                self.add_error("staf", "Staf ini bukan Staf JDIH satker yang dipilih.")
            else:
                d["staf"] = user
        rencana, nota = d.get("tanggal_rencana"), d.get("nota_tanggal")
        if rencana and nota and rencana < nota:
            self.add_error(
                "tanggal_rencana", "Rencana tanggal unggah tidak boleh sebelum tanggal Nota Dinas."
            )
        return d


# --- Staf: the concept, its images and cards -----------------------------------------


class PilihanPlatform(forms.CheckboxSelectMultiple):
    """The platform checkboxes carry their caption limit for the live counter."""

    def create_option(self, name, value, *args, **kwargs):
        opsi = super().create_option(name, value, *args, **kwargs)
        if value in BATAS_CAPTION:
            opsi["attrs"]["data-batas"] = BATAS_CAPTION[value]
        return opsi


class KonsepForm(forms.Form):
    jenis_konten = forms.ChoiceField(label="Jenis konten", choices=JenisKonten.choices)
    judul = forms.CharField(label="Judul", max_length=255, validators=[tolak_kendali_satu_baris])
    platform = forms.MultipleChoiceField(
        label="Platform tujuan",
        choices=[
            (p, f"{label} (maks. {_ribuan(BATAS_CAPTION[p])} karakter)")
            for p, label in Platform.choices
        ],
        widget=PilihanPlatform,
        error_messages={"required": "Pilih paling sedikit satu platform tujuan."},
    )
    caption = forms.CharField(
        label="Keterangan (caption)",
        required=False,
        max_length=70_000,
        widget=forms.Textarea(attrs={"rows": 8, "data-hitung": ""}),
        help_text="Jumlah karakter dihitung untuk setiap platform yang dipilih.",
    )
    tagar = forms.CharField(
        label="Tagar",
        required=False,
        max_length=500,
        help_text="Dipisahkan spasi, mis. #KPU #JDIH #PemiluDamai.",
    )
    video_url = forms.CharField(
        label="Tautan video",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "url", "inputmode": "url"}),
        help_text="Wajib untuk konten video; diawali https://.",
    )
    tanggal_rencana = forms.DateField(
        label="Rencana tanggal unggah", widget=TANGGAL, required=False
    )
    produk = PilihanBanyak(
        label="Produk hukum yang dijelaskan",
        queryset=ProdukHukum.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Hanya produk hukum satker ini yang sedang terbit di JDIH. "
        "Tahan Ctrl (⌘ di Mac) untuk memilih lebih dari satu.",
        error_messages={"required": "Pilih produk hukum yang dijelaskan konten ini."},
    )
    gambar = PilihanBanyak(
        label="Gambar yang diunggah",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    catatan = forms.CharField(
        label="Catatan revisi (apa yang diubah)", required=False, max_length=500
    )

    def __init__(self, *args, konten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["produk"].queryset = (
            ProdukHukum.objects.terbit()
            .filter(satker_id=konten.satker_id)
            .select_related("jenis")
            .order_by("-tahun", "-id")
        )
        self.fields["produk"].label_from_instance = label_produk
        self.fields["gambar"].queryset = konten.gambar.all()

    def clean_tanggal_rencana(self):
        return _rencana_wajar(self.cleaned_data["tanggal_rencana"])

    def clean_caption(self):
        # A browser sends CRLF; count what the reader sees (as the counter does).
        return self.cleaned_data["caption"].replace("\r\n", "\n")

    def isi(self) -> dict:
        d = self.cleaned_data
        return {
            "jenis_konten": d["jenis_konten"],
            "judul": d["judul"],
            "caption": d["caption"],
            "tagar": d["tagar"],
            "video_url": d["video_url"],
            "platform": list(d["platform"]),
            "tanggal_rencana": d["tanggal_rencana"],
            "produk": list(d["produk"]),
            "gambar": list(d["gambar"]),
        }


def awal_konsep(konten, revisi) -> dict:
    """The editor's values: the latest revision, plus images added since."""
    baru = konten.gambar.all()
    if revisi is None:
        return {
            "jenis_konten": konten.jenis_konten,
            "judul": konten.judul,
            "tanggal_rencana": konten.tanggal_rencana,
            "gambar": [g.pk for g in baru],
        }
    return {
        "jenis_konten": revisi.jenis_konten,
        "judul": revisi.judul,
        "caption": revisi.caption,
        "tagar": revisi.tagar,
        "video_url": revisi.video_url,
        "platform": list(revisi.platform),
        "tanggal_rencana": revisi.tanggal_rencana,
        "produk": [p.pk for p in revisi.produk.all()],
        "gambar": [g.pk for g in revisi.gambar.all()]
        + [g.pk for g in baru.filter(diunggah_pada__gt=revisi.dibuat_pada)],
    }


class GambarForm(forms.Form):
    berkas = forms.FileField(
        label="Gambar (PNG, JPEG, atau WebP)",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=(
            f"Paling besar {filesizeformat(gambar_mod.MAKS_BITA)}; sisi terpendek paling sedikit "
            f"{gambar_mod.MIN_SISI} piksel. Data lokasi dan perangkat (EXIF) dibuang."
        ),
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > gambar_mod.MAKS_BITA:
            raise forms.ValidationError(
                f"Ukuran gambar {filesizeformat(berkas.size)} melebihi batas "
                f"{filesizeformat(gambar_mod.MAKS_BITA)}."
            )
        return berkas


class KartuForm(forms.Form):
    produk = forms.ModelChoiceField(
        label="Produk hukum", queryset=ProdukHukum.objects.none(), empty_label="— pilih —"
    )
    ukuran = forms.ChoiceField(label="Ukuran kartu", choices=UKURAN_KARTU)

    def __init__(self, *args, konten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["produk"].queryset = (
            ProdukHukum.objects.terbit()
            .filter(satker_id=konten.satker_id)
            .select_related("jenis")
            .order_by("-tahun", "-id")
        )
        self.fields["produk"].label_from_instance = label_produk


# --- the steps' forms -----------------------------------------------------------------


class _Langkah(forms.Form):
    """Carries the state the user saw, so a stale page is told, not obeyed."""

    status_terlihat = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, konten=None, user=None, **kwargs):
        self.konten, self.user = konten, user
        super().__init__(*args, **kwargs)

    def argumen(self):
        return {
            k: v for k, v in self.cleaned_data.items() if k not in ("status_terlihat", "konfirmasi")
        }


class CatatanForm(_Langkah):
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )


class KoreksiForm(_Langkah):
    catatan = forms.CharField(
        label="Catatan koreksi",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Apa yang harus diperbaiki Staf pada konsep ini.",
        error_messages={"required": "Catatan koreksi wajib diisi."},
    )


class PerintahForm(_Langkah):
    nota_nomor = forms.CharField(
        label="Nomor Nota Dinas perintah pengunggahan",
        max_length=100,
        validators=[tolak_kendali_satu_baris],
    )
    nota_tanggal = forms.DateField(label="Tanggal Nota Dinas", widget=TANGGAL)
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nota_tanggal"].initial = timezone.localdate()

    def clean_nota_tanggal(self):
        return _tidak_di_masa_depan(self.cleaned_data["nota_tanggal"])


CONTOH_TAUTAN = {
    Platform.INSTAGRAM: "https://www.instagram.com/p/…",
    Platform.FACEBOOK: "https://www.facebook.com/…/posts/…",
    Platform.X: "https://x.com/…/status/…",
    Platform.TIKTOK: "https://www.tiktok.com/@…/video/…",
    Platform.YOUTUBE: "https://www.youtube.com/watch?v=…",
    Platform.WHATSAPP: "https://whatsapp.com/channel/…",
}


class UnggahForm(_Langkah):
    """One link per target platform of the latest revision (checked by layanan)."""

    catatan = forms.CharField(
        label="Catatan", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        revisi = self.konten.revisi_terbaru() if self.konten is not None else None
        catatan = self.fields.pop("catatan")
        self.platform = list(revisi.platform) if revisi else []
        for p in self.platform:
            label = LABEL_PLATFORM.get(p, p)
            self.fields[f"tautan_{p}"] = forms.CharField(
                label=f"Tautan unggahan {label}",
                max_length=500,
                widget=forms.TextInput(
                    attrs={"type": "url", "inputmode": "url", "placeholder": CONTOH_TAUTAN[p]}
                ),
                help_text=f"Alamat unggahan di {', '.join(sorted(HOST[p]))}, diawali https://.",
                error_messages={"required": f"Tautan unggahan {label} wajib diisi."},
            )
        self.fields["catatan"] = catatan

    def argumen(self):
        d = self.cleaned_data
        return {
            "tautan": {p: d.get(f"tautan_{p}", "") for p in self.platform},
            "catatan": d.get("catatan", ""),
        }


class BatalForm(_Langkah):
    alasan = forms.CharField(
        label="Alasan pembatalan",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Alasan pembatalan wajib diisi."},
    )
    konfirmasi = forms.BooleanField(
        label="Saya yakin membatalkan konten ini; konsepnya tetap tersimpan sebagai arsip.",
        required=True,
        error_messages={"required": "Centang konfirmasi untuk membatalkan."},
    )


# --- the list and the calendar --------------------------------------------------------


class SaringanForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Semua status"), *StatusKonten.choices]
    )
    jenis = forms.ChoiceField(
        label="Jenis", required=False, choices=[("", "Semua jenis"), *JenisKonten.choices]
    )
    q = forms.CharField(label="Judul atau nomor Nota Dinas", required=False, max_length=200)


class KalenderForm(forms.Form):
    bulan = forms.RegexField(
        label="Bulan", required=False, regex=r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$", max_length=7
    )
    satker = forms.TypedChoiceField(label="Satker", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, satker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satker"].choices = [("", "Semua satker saya")] + [
            (s.pk, s.nama) for s in satker
        ]

    def clean_bulan(self):
        nilai = self.cleaned_data["bulan"]
        if not nilai:
            return None
        tahun, bulan = nilai.split("-")
        return date(int(tahun), int(bulan), 1)
