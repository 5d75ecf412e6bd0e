"""Users and their SOP roles in admin: one place to give a role per Satker.

A role acts only as a PenugasanPeran (role + Satker), which
workflow.penugasan turns into object permissions on that Satker. Django's
own pickers would let an admin create roles that do nothing, so they are
gone: plain group membership ("groups") is not on the user form, the user's
own permissions offer only admin-site permissions (never an SOP permission
without its Satker), and the role groups themselves are read-only (their
permissions come from workflow.izin.IZIN_PERAN after every migrate).
"""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from documents.models import Satker
from jdih.admin_hanya_baca import HanyaBacaAdmin

from .izin import IZIN, IZIN_PERAN
from .konteks_staf import nama_tampil, satker_pendek
from .models import PenugasanPeran
from .penugasan import sinkronkan_izin
from .peran import Peran

# What each role may do, in a line an admin reads while choosing it.
URAIAN_PERAN = {
    Peran.PENGUSUL: "mengajukan permohonan unggah/penurunan dan memulai penyusunan keputusan",
    Peran.KASUBBAG: "disposisi, koreksi, persetujuan, evaluasi SOP; verifikasi penyusunan",
    Peran.PENGELOLA: "menyiapkan, mengunggah, dan menurunkan produk hukum; profil satker",
    Peran.KEPALA_BAGIAN: "validasi unggahan; disposisi konten media sosial; evaluasi SOP",
    Peran.WEB_ADMIN: "validasi unggahan pada tingkat Web Admin",
    Peran.ADMINISTRATOR: "validasi unggahan pada tingkat Administrator",
    Peran.PENANGGUNG_JAWAB: "validasi unggahan pada tingkat Penanggung Jawab",
    Peran.PENGARAH: "validasi unggahan pada tingkat Pengarah",
    Peran.DIVISI_TERKAIT: "menyusun draft keputusan",
    Peran.SEKRETARIS: "memaraf keputusan; evaluasi SOP",
    Peran.KETUA: "memutus pleno dan menandatangani keputusan",
    Peran.STAF: "menyusun dan mengunggah konten media sosial",
}
URUTAN_PERAN = {str(p): i for i, p in enumerate(Peran)}
_KODE_SOP = list(IZIN)


def grup_sop():
    return Group.objects.filter(name__in=[str(p) for p in Peran])


def uraian(nama_grup: str) -> str:
    try:
        return URAIAN_PERAN[Peran(nama_grup)]
    except ValueError:
        return "bukan peran SOP: tidak memberi izin apa pun"


class PenugasanPeranForm(forms.ModelForm):
    class Meta:
        model = PenugasanPeran
        fields = ["satker", "peran"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        peran = self.fields["peran"]
        # The SOP's order (Pengusul, Kasubbag, Pengelola, …), not alphabetical.
        grup = sorted(grup_sop(), key=lambda g: URUTAN_PERAN[g.name])
        peran.queryset = grup_sop()
        peran.choices = [("", "---------")] + [(g.pk, f"{g.name} — {uraian(g.name)}") for g in grup]


class PenugasanPeranInline(admin.TabularInline):
    model = PenugasanPeran
    form = PenugasanPeranForm
    extra = 1
    verbose_name = "peran di satker"
    verbose_name_plural = "Peran per satker"
    classes = ["peran-per-satker"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # Plain selects: no pencil/plus/eye beside them to add a Satker or
        # open a role group from here.
        for nama in ("can_add_related", "can_change_related", "can_view_related"):
            if hasattr(field.widget, nama):
                setattr(field.widget, nama, False)
        return field

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "satker":
            kwargs["queryset"] = Satker.objects.order_by("nama")
        elif db_field.name == "peran":
            kwargs["queryset"] = grup_sop()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TanpaSurelFilter(admin.SimpleListFilter):
    title = "alamat email"
    parameter_name = "surel"

    def lookups(self, request, model_admin):
        return [("tanpa", "Tanpa alamat email"), ("ada", "Ada alamat email")]

    def queryset(self, request, queryset):
        kosong = Q(email="") | Q(email__isnull=True)
        if self.value() == "tanpa":
            return queryset.filter(kosong)
        if self.value() == "ada":
            return queryset.exclude(kosong)
        return queryset


class PenggunaAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, PenugasanPeranInline]
    change_form_template = "admin/workflow/pengguna_ubah.html"
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Data pribadi", {"fields": ("first_name", "last_name", "email")}),
        (
            "Akses",
            {
                "fields": ("is_active", "is_staff", "is_superuser"),
                "description": (
                    "Peran SOP (Pengusul, Kasubbag, Pengelola, …) diberikan per satker di "
                    "bagian <strong>Peran per satker</strong> di bawah, bukan di sini."
                ),
            },
        ),
        (
            "Izin admin",
            {
                "fields": ("user_permissions",),
                "classes": ("collapse",),
                "description": (
                    "Hanya untuk staf yang mengelola halaman admin ini tanpa status superuser "
                    "(mis. boleh mengubah pengguna). Izin SOP tidak ada di sini: izin itu "
                    "berlaku per satker melalui peran."
                ),
            },
        ),
        ("Tanggal penting", {"fields": ("last_login", "date_joined"), "classes": ("collapse",)}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    filter_horizontal = ("user_permissions",)
    readonly_fields = ["last_login", "date_joined"]
    list_display = [
        "username",
        "nama",
        "alamat_email",
        "peran_dan_satker",
        "is_staff",
        "is_active",
    ]
    list_filter = [
        TanpaSurelFilter,
        "is_staff",
        "is_superuser",
        "is_active",
        "penugasan_peran__satker",
        "penugasan_peran__peran",
    ]

    class Media:
        css = {"all": ["css/admin-pengguna.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "penugasan_peran",
                    queryset=PenugasanPeran.objects.select_related("satker", "peran").order_by(
                        "satker__nama", "peran__name"
                    ),
                )
            )
        )

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "user_permissions":
            # An SOP permission without its Satker grants nothing.
            kwargs["queryset"] = (
                Permission.objects.exclude(
                    content_type__app_label="documents",
                    content_type__model="satker",
                    codename__in=_KODE_SOP,
                )
                .select_related("content_type")
                .order_by("content_type__app_label", "content_type__model", "codename")
            )
            formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
            formfield.label = "Izin admin"
            return formfield
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description="nama", ordering="first_name")
    def nama(self, obj):
        return nama_tampil(obj) if obj.get_full_name() else "—"

    @admin.display(description="alamat email", ordering="email")
    def alamat_email(self, obj):
        if obj.email:
            return obj.email
        return format_html(
            '<span class="tanpa-surel" title="{}">⚠ tanpa alamat email</span>',
            "Tidak menerima pemberitahuan email maupun tautan atur ulang kata sandi.",
        )

    @admin.display(description="peran dan satker")
    def peran_dan_satker(self, obj):
        per_satker: dict[str, list[str]] = {}
        for p in obj.penugasan_peran.all():
            per_satker.setdefault(satker_pendek(p.satker.nama), []).append(p.peran.name)
        if not per_satker:
            return "superuser" if obj.is_superuser else "—"
        return format_html_join(
            mark_safe("<br>"),
            "<strong>{}</strong>: {}",
            ((satker, ", ".join(peran)) for satker, peran in per_satker.items()),
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["tanpa_surel"] = obj is not None and not obj.email
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        # Moving a role row to another Satker must also take the old Satker's
        # permissions away (the save signal only knows the new one).
        sebelum = set(
            PenugasanPeran.objects.filter(pengguna=form.instance).values_list(
                "satker_id", flat=True
            )
        )
        super().save_related(request, form, formsets, change)
        sesudah = set(
            PenugasanPeran.objects.filter(pengguna=form.instance).values_list(
                "satker_id", flat=True
            )
        )
        for satker in Satker.objects.filter(pk__in=sebelum - sesudah):
            sinkronkan_izin(form.instance, satker)


class GrupPeranAdmin(HanyaBacaAdmin):
    """The SOP roles, to read: what each may do and who holds it where."""

    list_display = ["name", "apa_yang_boleh", "jumlah_penugasan"]
    fields = ["name", "apa_yang_boleh", "izin_sop", "pemegang"]
    readonly_fields = fields
    search_fields = ["name"]
    ordering = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_jumlah=Count("penugasan"))

    @admin.display(description="apa yang boleh dilakukan")
    def apa_yang_boleh(self, obj):
        return uraian(obj.name)

    @admin.display(description="penugasan", ordering="_jumlah")
    def jumlah_penugasan(self, obj):
        return obj._jumlah

    @admin.display(description="izin di satker tempat peran dipegang")
    def izin_sop(self, obj):
        try:
            kode = IZIN_PERAN[Peran(obj.name)]
        except ValueError:
            return "—"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((IZIN[k],) for k in kode))
        )

    @admin.display(description="dipegang oleh")
    def pemegang(self, obj):
        baris = obj.penugasan.select_related("pengguna", "satker").order_by(
            "satker__nama", "pengguna__username"
        )
        if not baris:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> — {}</li>',
                (
                    (
                        reverse("admin:auth_user_change", args=[p.pengguna_id]),
                        nama_tampil(p.pengguna),
                        p.satker.nama,
                    )
                    for p in baris
                ),
            ),
        )


class PenugasanPeranAdmin(HanyaBacaAdmin):
    """Who holds which role where, to search and filter; roles are given and
    taken on the user's own page."""

    list_display = ["pengguna_tampil", "peran", "satker"]
    list_filter = ["peran", "satker"]
    list_select_related = ["pengguna", "peran", "satker"]
    search_fields = ["pengguna__username", "pengguna__first_name", "satker__nama"]

    @admin.display(description="pengguna", ordering="pengguna__username")
    def pengguna_tampil(self, obj):
        return format_html(
            '<a href="{}">{}</a> (ubah peran di halaman pengguna)',
            reverse("admin:auth_user_change", args=[obj.pengguna_id]),
            nama_tampil(obj.pengguna),
        )


admin.site.unregister(User)
admin.site.register(User, PenggunaAdmin)
admin.site.unregister(Group)
admin.site.register(Group, GrupPeranAdmin)
admin.site.register(PenugasanPeran, PenugasanPeranAdmin)
