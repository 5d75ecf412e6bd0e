from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html

from . import admin_kosakata  # noqa: F401  (registers Subjek and NilaiTakTerpetakan)
from .berkas import periksa_unggahan, simpan_versi
from .ekspor import ekspor_csv, ekspor_xlsx
from .models import Jenis, ProdukHukum, RelasiProduk, Satker, VersiBerkas
from .pdf import BerkasTidakValid
from .subjek import setel_subjek
from .tipe import BIDANG_TIPE, SEMUA_BIDANG_TIPE, bidang_untuk


@admin.register(Satker)
class SatkerAdmin(admin.ModelAdmin):
    list_display = ["nama", "tingkat", "induk", "slug", "zona_waktu"]
    list_filter = ["tingkat", "zona_waktu"]
    search_fields = ["nama", "slug", "teu_badan", "tempat"]
    prepopulated_fields = {"slug": ["nama"]}
    autocomplete_fields = ["induk"]
    # Built from nama and tingkat when saved (kosakata.teu_badan_satker).
    readonly_fields = ["teu_badan"]


@admin.register(Jenis)
class JenisAdmin(admin.ModelAdmin):
    list_display = ["nama", "singkatan", "tipe_dokumen", "urutan"]
    list_editable = ["urutan"]
    list_filter = ["tipe_dokumen"]
    search_fields = ["nama", "singkatan"]


class VersiBerkasInline(admin.TabularInline):
    model = VersiBerkas
    extra = 0
    can_delete = False
    fields = [
        "nomor_versi",
        "berkas",
        "jumlah_halaman",
        "ukuran",
        "status_proses",
        "pesan_proses",
        "diterbitkan_pada",
        "keterangan_perbaikan",
    ]
    readonly_fields = [
        "nomor_versi",
        "berkas",
        "jumlah_halaman",
        "ukuran",
        "status_proses",
        "pesan_proses",
        "diterbitkan_pada",
    ]
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        # New versions come through the checked upload field on the product form.
        return False


class RelasiKeluarInline(admin.TabularInline):
    model = RelasiProduk
    fk_name = "sumber"
    extra = 0
    autocomplete_fields = ["target"]
    verbose_name = "relasi (produk ini … produk lain)"
    verbose_name_plural = "relasi: produk ini mengubah / mencabut / melaksanakan"


class RelasiMasukInline(admin.TabularInline):
    model = RelasiProduk
    fk_name = "target"
    extra = 0
    autocomplete_fields = ["sumber"]
    verbose_name = "relasi (produk lain … produk ini)"
    verbose_name_plural = "relasi: produk ini diubah / dicabut / dilaksanakan oleh"


class ProdukHukumForm(forms.ModelForm):
    berkas_baru = forms.FileField(
        label="Unggah berkas PDF (versi baru)",
        required=False,
        help_text="Hanya PDF asli, tanpa kata sandi. Setiap unggahan menjadi versi baru.",
    )
    keterangan_perbaikan = forms.CharField(
        label="Keterangan perbaikan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Untuk versi kedua dan seterusnya: apa yang diperbaiki.",
    )

    class Meta:
        model = ProdukHukum
        fields = "__all__"

    def clean(self):
        data = super().clean()
        # As on the prepare form: only the jenis's type's fields are checked
        # and kept, the other types' are cleared.
        jenis = data.get("jenis") or getattr(self.instance, "jenis", None)
        tipe = jenis.tipe_dokumen if jenis else self.instance.tipe_dokumen
        milik = set(bidang_untuk(tipe))
        for nama in SEMUA_BIDANG_TIPE:
            if nama not in milik and nama in self.fields:
                self._errors.pop(nama, None)
                data[nama] = None if ProdukHukum._meta.get_field(nama).null else ""
        return data

    def clean_berkas_baru(self):
        # Checked here too so the error stands beside the field, before the
        # product is saved; simpan_versi checks again when it stores the file.
        berkas = self.cleaned_data.get("berkas_baru")
        if berkas:
            periksa_unggahan(berkas)
        return berkas


@admin.register(ProdukHukum)
class ProdukHukumAdmin(admin.ModelAdmin):
    actions = [ekspor_csv, ekspor_xlsx]
    form = ProdukHukumForm
    list_display = [
        "__str__",
        "judul_pendek",
        "satker",
        "tahun",
        "status",
        "status_publikasi",
        "jumlah_unduhan",
    ]
    list_filter = [
        "status_publikasi",
        "status",
        "tipe_dokumen",
        "jenis",
        "bidang_hukum",
        "ikut_jdihn",
        "satker",
        "tahun",
    ]
    list_select_related = ["jenis", "satker"]
    search_fields = ["judul", "nomor", "subjek", "abstrak", "teu_badan"]
    date_hierarchy = "tanggal_penetapan"
    autocomplete_fields = ["satker", "jenis", "daftar_subjek"]
    readonly_fields = [
        "tipe_dokumen",
        "teu_badan",
        "subjek",
        "diterbitkan_pada",
        "jumlah_dilihat",
        "jumlah_unduhan",
        "dibuat_pada",
    ]
    inlines = [VersiBerkasInline, RelasiKeluarInline, RelasiMasukInline]
    list_per_page = 50
    fieldsets = [
        (
            "Identitas",
            {
                "fields": [
                    "satker",
                    "jenis",
                    "tipe_dokumen",
                    "teu_badan",
                    "nomor",
                    "tahun",
                    "judul",
                ],
                "description": "Tipe dokumen mengikuti jenis; T.E.U. badan mengikuti satker.",
            },
        ),
        (
            "Deskripsi",
            {
                "fields": [
                    "tempat_penetapan",
                    "tanggal_penetapan",
                    "tanggal_pengundangan",
                    "sumber",
                    "daftar_subjek",
                    "subjek",
                    "bidang_hukum",
                    "bahasa",
                    "lokasi",
                    "penandatangan",
                    "pemrakarsa",
                    "status",
                    "keterangan_status",
                    "ikut_jdihn",
                ]
            },
        ),
        ("Abstrak", {"fields": ["abstrak", "abstrak_dasar_hukum", "abstrak_catatan"]}),
        (
            "Monografi",
            {"classes": ["collapse"], "fields": BIDANG_TIPE["monografi"]},
        ),
        (
            "Artikel",
            {
                "classes": ["collapse"],
                # penulis is shared with monografi and shown there once.
                "fields": [b for b in BIDANG_TIPE["artikel"] if b != "penulis"],
                "description": "Penulis/pengarang artikel diisi pada bagian Monografi.",
            },
        ),
        ("Putusan", {"classes": ["collapse"], "fields": BIDANG_TIPE["putusan"]}),
        (
            "Publikasi",
            {
                "fields": [
                    "status_publikasi",
                    "diterbitkan_pada",
                    "jumlah_dilihat",
                    "jumlah_unduhan",
                    "berkas_baru",
                    "keterangan_perbaikan",
                ]
            },
        ),
    ]

    @admin.display(description="judul")
    def judul_pendek(self, obj):
        return obj.judul[:90] + ("…" if len(obj.judul) > 90 else "")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        berkas = form.cleaned_data.get("berkas_baru")
        if berkas:
            try:
                simpan_versi(
                    obj,
                    berkas,
                    keterangan_perbaikan=form.cleaned_data.get("keterangan_perbaikan", ""),
                    oleh=request.user,
                )
            except BerkasTidakValid as exc:
                messages.error(request, exc.messages[0])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The one-line copy read by search and the feed follows the list.
        setel_subjek(form.instance, [s.nama for s in form.instance.daftar_subjek.all()])


@admin.register(VersiBerkas)
class VersiBerkasAdmin(admin.ModelAdmin):
    list_display = [
        "produk",
        "nomor_versi",
        "jumlah_halaman",
        "ukuran",
        "status_proses",
        "pesan_proses",
        "teks_ocr",
        "diterbitkan_pada",
        "pratinjau",
    ]
    list_filter = ["status_proses", "teks_ocr"]
    list_select_related = ["produk__jenis", "lampiran"]
    search_fields = ["produk__judul", "produk__nomor", "sha256", "nama_asli"]
    readonly_fields = [
        "produk",
        "nomor_versi",
        "berkas",
        "nama_asli",
        "sha256",
        "ukuran",
        "jumlah_halaman",
        "teks",
        "teks_ocr",
        "thumbnail",
        "status_proses",
        "pesan_proses",
        "diunggah_oleh",
        "dibuat_pada",
        "diterbitkan_pada",
        "pratinjau",
    ]

    actions = ["proses_ulang", "proses_ulang_paksa"]

    def has_add_permission(self, request):
        return False

    def _proses_ulang(self, request, queryset, paksa):
        from .pemrosesan import PemrosesanTidakDapatDiulang, ulangi_pemrosesan

        diantrekan, dilewati = 0, 0
        for versi in queryset:
            try:
                ulangi_pemrosesan(versi, paksa=paksa)
                diantrekan += 1
            except PemrosesanTidakDapatDiulang:
                dilewati += 1
        if diantrekan:
            messages.success(request, f"{diantrekan} versi dimasukkan kembali ke antrean.")
        if dilewati:
            messages.warning(
                request,
                f"{dilewati} versi dilewati karena masih menunggu atau sedang diproses.",
            )

    @admin.action(description="Proses ulang (versi gagal atau selesai)", permissions=["change"])
    def proses_ulang(self, request, queryset):
        self._proses_ulang(request, queryset, paksa=False)

    @admin.action(
        description="Proses ulang paksa (juga yang macet menunggu/diproses)",
        permissions=["change"],
    )
    def proses_ulang_paksa(self, request, queryset):
        self._proses_ulang(request, queryset, paksa=True)

    @admin.display(description="thumbnail")
    def pratinjau(self, obj):
        if not obj.thumbnail:
            return "—"
        return format_html('<span title="{}">tersedia</span>', obj.thumbnail.name)


@admin.register(RelasiProduk)
class RelasiProdukAdmin(admin.ModelAdmin):
    list_display = ["sumber", "jenis", "target", "keterangan"]
    list_filter = ["jenis"]
    list_select_related = ["sumber__jenis", "target__jenis"]
    search_fields = ["sumber__judul", "sumber__nomor", "target__judul", "target__nomor"]
    autocomplete_fields = ["sumber", "target"]
