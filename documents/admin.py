from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils.html import format_html

from . import (
    admin_kosakata,  # noqa: F401  (registers Subjek and NilaiTakTerpetakan)
    batas,
)
from .berkas import periksa_unggahan, simpan_versi
from .ekspor import ekspor_csv, ekspor_xlsx
from .logo_satker import periksa_logo
from .models import Jenis, ProdukHukum, RelasiProduk, Satker, StatusPublikasi, VersiBerkas
from .pdf import BerkasTidakValid
from .sinyal import alasan_dipegang, catat_perubahan
from .subjek import setel_subjek
from .tipe import BIDANG_TIPE, SEMUA_BIDANG_TIPE, bidang_untuk

# Admin edits the catalogue; it never changes what the public sees. Only the
# workflow's publish step (documents.publikasi, called by workflow.layanan)
# and the archive import publish or take down, so these stay read-only.
BIDANG_PUBLIKASI = ["status_publikasi", "diterbitkan_pada"]


class SatkerAdminForm(forms.ModelForm):
    # A plain file field: the logo is judged (size first, then pixels) by
    # logo_satker before anything decodes it, not by forms.ImageField.
    logo = forms.FileField(
        label="Logo",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=Satker._meta.get_field("logo").help_text,
    )

    class Meta:
        model = Satker
        fields = "__all__"

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload, not the stored file
            return periksa_logo(logo)
        return logo


@admin.register(Satker)
class SatkerAdmin(admin.ModelAdmin):
    form = SatkerAdminForm
    list_display = ["nama", "tingkat", "induk", "slug", "zona_waktu"]
    list_filter = ["tingkat", "zona_waktu"]
    search_fields = ["nama", "slug", "teu_badan", "tempat"]
    prepopulated_fields = {"slug": ["nama"]}
    autocomplete_fields = ["induk"]
    # Built from nama and tingkat when saved (kosakata.teu_badan_satker).
    readonly_fields = ["teu_badan"]

    def save_model(self, request, obj, form, change):
        lama = Satker.objects.filter(pk=obj.pk).values_list("logo", flat=True).first() or ""
        super().save_model(request, obj, form, change)
        if lama and lama != obj.logo.name:
            # A replaced or cleared logo leaves storage once the change commits.
            storage = obj.logo.storage
            transaction.on_commit(lambda: storage.delete(lama))


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The same lengths and characters as the prepare form and the import.
        batas.terapkan_batas(self.fields)

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
            if self.instance.pk and (alasan := alasan_dipegang(self.instance)):
                raise forms.ValidationError(alasan)
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
        *BIDANG_PUBLIKASI,
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

    def has_delete_permission(self, request, obj=None):
        # A product that has been public is taken down through the SOP, not
        # deleted: readers may cite it.
        if obj is not None and (
            obj.diterbitkan_pada or obj.status_publikasi != StatusPublikasi.DRAF
        ):
            return False
        return super().has_delete_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        produk = form.instance
        # The one-line copy read by search and the feed follows the list.
        setel_subjek(produk, [s.nama for s in produk.daftar_subjek.all()])
        if not change:
            catat_perubahan(
                produk,
                request.user,
                "admin-tambah",
                "Dibuat lewat admin.",
                dari="",
                request=request,
            )
        elif bagian := self._yang_berubah(form, formsets):
            catat_perubahan(
                produk,
                request.user,
                "admin-ubah",
                "Diubah lewat admin: " + ", ".join(bagian) + ".",
                request=request,
            )
        if form.cleaned_data.get("berkas_baru"):
            self._simpan_berkas_baru(request, produk, form)

    @staticmethod
    def _yang_berubah(form, formsets) -> list[str]:
        bagian = [
            str(ProdukHukum._meta.get_field(n).verbose_name)
            for n in form.changed_data
            if n not in {"berkas_baru", "keterangan_perbaikan"}
        ]
        for fs in formsets:
            jumlah = len(fs.new_objects) + len(fs.changed_objects) + len(fs.deleted_objects)
            if jumlah:
                bagian.append(f"{fs.model._meta.verbose_name_plural} ({jumlah})")
        return bagian

    def _simpan_berkas_baru(self, request, produk, form):
        # The same intake as the workflow's upload step, and an audit entry.
        # A request holding the product was checked by the form; asked again
        # here, at the action.
        if alasan := alasan_dipegang(produk):
            messages.error(request, alasan)
            return
        keterangan = form.cleaned_data.get("keterangan_perbaikan", "")
        try:
            versi = simpan_versi(
                produk,
                form.cleaned_data["berkas_baru"],
                keterangan_perbaikan=keterangan,
                oleh=request.user,
            )
        except BerkasTidakValid as exc:
            messages.error(request, exc.messages[0])
            return
        catat_perubahan(
            produk,
            request.user,
            "admin-unggah-berkas",
            f"Versi {versi.nomor_versi} ({versi.nama_asli or 'tanpa nama'}) diunggah lewat admin"
            + (f": {keterangan}" if keterangan else "."),
            request=request,
        )

    def delete_model(self, request, obj):
        self._catat_hapus(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for produk in queryset.select_related("jenis"):
            self._catat_hapus(request, produk)
        super().delete_queryset(request, queryset)

    @staticmethod
    def _catat_hapus(request, produk):
        catat_perubahan(
            produk,
            request.user,
            "admin-hapus",
            f"{produk} dihapus lewat admin beserta versi, lampiran, dan berkasnya.",
            ke="dihapus",
            request=request,
        )


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
    # Everything but the reader's note on the change: the file, its owner and
    # its publication come only through the intake and the workflow.
    readonly_fields = [
        *(f.name for f in VersiBerkas._meta.fields if f.name not in {"id", "keterangan_perbaikan"}),
        "pratinjau",
    ]

    actions = ["proses_ulang", "proses_ulang_paksa"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # A version that has been public stays (readers may cite it); one of
        # a product held by an open request changes only through its steps.
        if obj is not None and (obj.diterbitkan_pada or alasan_dipegang(obj.produk_pemilik)):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and form.changed_data:
            catat_perubahan(
                obj.produk_pemilik,
                request.user,
                "admin-ubah-versi",
                f"{self._nama_versi(obj)}: keterangan perbaikan diubah lewat admin.",
                request=request,
            )

    def delete_model(self, request, obj):
        self._catat_hapus(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for versi in queryset.select_related("produk__jenis", "lampiran__produk__jenis"):
            self._catat_hapus(request, versi)
        super().delete_queryset(request, queryset)

    @staticmethod
    def _nama_versi(versi) -> str:
        if versi.lampiran_id:
            return f"Lampiran {versi.lampiran.urutan} versi {versi.nomor_versi}"
        return f"Versi {versi.nomor_versi}"

    def _catat_hapus(self, request, versi):
        catat_perubahan(
            versi.produk_pemilik,
            request.user,
            "admin-hapus-versi",
            f"{self._nama_versi(versi)} ({versi.nama_asli or 'tanpa nama'}) dihapus lewat "
            "admin beserta berkasnya.",
            request=request,
        )

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
