"""The staff header and menu: who is logged in, the roles they hold in which
Satker, and the menu entries those roles may open.

A context processor runs for every template (the public site and admin too),
so nothing here touches the database until base_staf.html reads it, and then
once: one query for the roles with their Satkers; the permissions come from
workflow.izin.IZIN_PERAN, the table pastikan_grup_peran gives every role
group and sinkronkan_izin turns into the object permissions the views check.
The menu is a convenience, never the check: each view checks for itself.
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from .izin import IZIN_PERAN
from .models import PenugasanPeran
from .peran import Peran

IZIN_MENURUT_NAMA = {str(peran): frozenset(kode) for peran, kode in IZIN_PERAN.items()}

# The header lists at most this many roles; a KPU RI user holding roles in
# 553 Satker sees a summary per role and a link to the paged full list
# (views_tugas.peran_saya) instead of 553 lines on every staff page.
BATAS_KEPALA = 8

_SINGKATAN = [
    ("Komisi Pemilihan Umum Republik Indonesia", "KPU RI"),
    ("Kabupaten ", "Kab. "),
    ("Provinsi ", "Prov. "),
]


def nama_tampil(user) -> str:
    """A person's name as staff know it; the username only when no name is set."""
    return (user.get_full_name() or "").strip() or user.get_username()


def satker_pendek(nama: str) -> str:
    """ "KPU Kabupaten Kotawaringin Timur" → "KPU Kab. Kotawaringin Timur"."""
    for panjang, pendek in _SINGKATAN:
        nama = nama.replace(panjang, pendek)
    return nama


def administrator_situs():
    """Active accounts that can give a role: superusers, and staff allowed
    to change users (directly or through a group)."""
    ubah_pengguna = Permission.objects.filter(
        content_type__app_label="auth", codename="change_user"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(is_staff=True, user_permissions__in=ubah_pengguna)
            | Q(is_staff=True, groups__permissions__in=ubah_pengguna)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@dataclass(frozen=True)
class Penugasan:
    peran: str
    satker: str

    @property
    def satker_pendek(self) -> str:
        return satker_pendek(self.satker)


@dataclass(frozen=True)
class ButirMenu:
    label: str
    url: str
    aktif: bool = False


def _url(nama: str) -> str | None:
    # Some entries belong to apps still being built: no URL yet, no entry.
    try:
        return reverse(nama)
    except NoReverseMatch:
        return None


class KepalaStaf:
    """What the staff header shows for the request's user (lazy)."""

    def __init__(self, request):
        self.request = request
        self.user = getattr(request, "user", None)

    @property
    def masuk(self) -> bool:
        return bool(self.user is not None and self.user.is_authenticated)

    @cached_property
    def penugasan(self) -> list[Penugasan]:
        if not self.masuk:
            return []
        return [
            Penugasan(peran, satker)
            for peran, satker in PenugasanPeran.objects.filter(pengguna=self.user)
            .order_by("satker__nama", "peran__name")
            .values_list("peran__name", "satker__nama")
        ]

    @cached_property
    def izin(self) -> frozenset[str]:
        """The SOP permissions the user holds in at least one Satker."""
        hasil = set()
        for p in self.penugasan:
            hasil |= IZIN_MENURUT_NAMA.get(p.peran, frozenset())
        return frozenset(hasil)

    def memegang(self, peran) -> bool:
        return any(p.peran == str(peran) for p in self.penugasan)

    # --- the header -----------------------------------------------------------

    @cached_property
    def nama(self) -> str:
        return nama_tampil(self.user) if self.masuk else ""

    @cached_property
    def daftar_peran(self) -> list[str]:
        return list(dict.fromkeys(p.peran for p in self.penugasan))

    @cached_property
    def daftar_satker(self) -> list[str]:
        return list(dict.fromkeys(p.satker for p in self.penugasan))

    @cached_property
    def ringkas(self) -> str:
        """ "Pengelola JDIH, KPU Kab. Kotawaringin Timur"; with several roles or
        Satkers, the first and how many more (the full list is in ``rincian``)."""
        peran, satker = self.daftar_peran, self.daftar_satker
        if not peran:
            return "Admin situs" if self.user.is_superuser else "Belum memegang peran"
        teks_peran = peran[0] + (f" +{len(peran) - 1} peran" if len(peran) > 1 else "")
        if len(satker) == 1:
            return f"{teks_peran}, {satker_pendek(satker[0])}"
        return f"{teks_peran}, {len(satker)} satker"

    @cached_property
    def rincian(self) -> str:
        """Every role in every Satker, one line each (the header's title); past
        BATAS_KEPALA, the first ones and how many more."""
        if not self.penugasan:
            return self.ringkas
        baris = [f"{p.peran} — {p.satker}" for p in self.penugasan[:BATAS_KEPALA]]
        if self.penugasan_lainnya:
            baris.append(f"… dan {self.penugasan_lainnya} peran lainnya")
        return "\n".join(baris)

    @property
    def penugasan_lainnya(self) -> int:
        """How many roles the header does not list one by one."""
        n = len(self.penugasan)
        return n - BATAS_KEPALA if n > BATAS_KEPALA else 0

    @cached_property
    def ringkasan_peran(self) -> list[tuple[str, str]]:
        """(role, where): "KPU Kab. Kotawaringin Timur" for a role held in one
        Satker, "553 satker" for one held in many — the header's panel for a
        user with more roles than BATAS_KEPALA."""
        satker_per_peran: dict[str, list[str]] = {}
        for p in self.penugasan:
            satker_per_peran.setdefault(p.peran, []).append(p.satker)
        return [
            (peran, satker_pendek(s[0]) if len(s) == 1 else f"{len(s)} satker")
            for peran, s in satker_per_peran.items()
        ]

    # --- the menu ---------------------------------------------------------------

    @cached_property
    def menu(self) -> list[ButirMenu]:
        if not self.masuk:
            return []
        izin, superuser = self.izin, self.user.is_superuser
        evaluasi = "evaluasi_sop" in izin or superuser
        pengelola = self.memegang(Peran.PENGELOLA)
        tugas = reverse("workflow:tugas-saya")
        calon = [
            ("Tugas saya", tugas, True),
            ("Semua pekerjaan", tugas + "?lingkup=semua", bool(self.penugasan)),
            ("Ajukan permohonan", _url("workflow:permohonan-baru"), "ajukan_permohonan" in izin),
            ("Usulkan penurunan", _url("workflow:usulan-penurunan"), "ajukan_permohonan" in izin),
            (
                "Penyusunan keputusan",
                _url("workflow:penyusunan-daftar"),
                "lihat_penyusunan" in izin,
            ),
            ("Konten media sosial", _url("workflow:konten-daftar"), "lihat_konten" in izin),
            ("Evaluasi SOP", _url("workflow:evaluasi"), evaluasi),
            ("Pemantauan", _url("pemantauan:ringkasan"), evaluasi),
            ("Profil satker", _url("profil:ubah"), pengelola),
            ("Pesan masuk", _url("profil:pesan"), pengelola),
            ("Hasil survei IKM", _url("survei:hasil"), evaluasi),
            ("Admin", _url("admin:index"), self.user.is_staff),
        ]
        butir = [(label, url) for label, url, boleh in calon if boleh and url]
        aktif = self._aktif([url for _, url in butir])
        return [ButirMenu(label, url, url == aktif) for label, url in butir]

    def _aktif(self, daftar_url: list[str]) -> str | None:
        """The entry the current page belongs to: the longest path that
        prefixes it (Tugas saya's /staf/ only for itself)."""
        path = self.request.path
        semua = self.request.GET.get("lingkup") == "semua"
        terbaik = None
        for url in daftar_url:
            dasar, _, kueri = url.partition("?")
            if dasar == reverse("workflow:tugas-saya"):
                if path == dasar and semua == bool(kueri):
                    return url
                continue
            if path.startswith(dasar) and (terbaik is None or len(dasar) > len(terbaik)):
                terbaik = url
        return terbaik


def konteks_staf(request):
    return {"kepala_staf": KepalaStaf(request)}
