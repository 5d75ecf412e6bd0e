"""Who may do what, where.

Every SOP permission is a Django permission on the Satker model, because
django-guardian grants object permissions only for the object's own content
type: a role held in a Satker (PenugasanPeran) becomes these permissions on
that Satker, and every check asks "may this user do X *in this Satker*".
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from documents.models import Satker

from .peran import PERAN_VALIDATOR, Peran

IZIN = {
    "lihat_permohonan": "Melihat permohonan di satker",
    "ajukan_permohonan": "Mengajukan permohonan unggah atau usulan penurunan",
    "disposisi_permohonan": "Memberi disposisi permohonan",
    "koreksi_permohonan": "Mengoreksi produk hukum (kembalikan/loloskan)",
    "setujui_permohonan": "Memberi persetujuan (Ya/Tidak)",
    "siapkan_permohonan": "Menyiapkan, memperbaiki, dan menyerahkan produk hukum",
    "unggah_permohonan": "Mengunggah (ulang) produk hukum ke laman JDIH",
    "turunkan_permohonan": "Menurunkan produk hukum dari laman JDIH",
    "validasi_permohonan": "Memvalidasi pada tingkat validasi satker",
    "evaluasi_sop": "Melihat evaluasi SOP satker",
    # Penyusunan keputusan (sop 003).
    "lihat_penyusunan": "Melihat penyusunan keputusan di satker",
    "ajukan_penyusunan": "Memulai penyusunan dan menyerahkan draft (Subbagian pengusul)",
    "susun_draft": "Menyusun draft SK (Subbagian pengusul, Divisi terkait)",
    "verifikasi_penyusunan": "Memverifikasi personil dan muatan, mengajukan ke pleno",
    "pleno_penyusunan": "Memutus pleno: menetapkan atau mengembalikan draft",
    "paraf_penyusunan": "Memaraf SK sebelum ditandatangani",
    "tandatangani_penyusunan": "Menandatangani SK",
    "administrasi_penyusunan": "Sinkronisasi, penomoran, salinan, distribusi, digitalisasi",
    "batalkan_penyusunan": "Membatalkan penyusunan keputusan",
    # Konten media sosial JDIH (sop 004).
    "lihat_konten": "Melihat konten media sosial di satker",
    "disposisi_konten": "Memberi disposisi dan perintah pengunggahan konten (Nota Dinas)",
    "susun_konten": "Menghimpun bahan, menyusun, dan mengunggah konten",
    "koreksi_konten": "Mengoreksi dan menyetujui konsep konten",
}

# "Subbag Hukum" of sop 003 is the Kasubbag Hukum & SDM and the Pengelola
# JDIH (the unit's staff): both keep the buku agenda, salinan and ekspedisi.
IZIN_PERAN = {
    Peran.PENGUSUL: [
        "lihat_permohonan",
        "ajukan_permohonan",
        "lihat_penyusunan",
        "ajukan_penyusunan",
        "susun_draft",
    ],
    Peran.KASUBBAG: [
        "lihat_permohonan",
        "disposisi_permohonan",
        "koreksi_permohonan",
        "setujui_permohonan",
        "evaluasi_sop",
        "lihat_penyusunan",
        "verifikasi_penyusunan",
        "administrasi_penyusunan",
        "batalkan_penyusunan",
        "lihat_konten",
        "koreksi_konten",
    ],
    Peran.PENGELOLA: [
        "lihat_permohonan",
        "siapkan_permohonan",
        "unggah_permohonan",
        "turunkan_permohonan",
        "lihat_penyusunan",
        "administrasi_penyusunan",
    ],
    Peran.DIVISI_TERKAIT: ["lihat_penyusunan", "susun_draft"],
    Peran.SEKRETARIS: ["lihat_penyusunan", "paraf_penyusunan", "evaluasi_sop"],
    Peran.KETUA: ["lihat_penyusunan", "pleno_penyusunan", "tandatangani_penyusunan"],
    Peran.STAF: ["lihat_konten", "susun_konten"],
    **{peran: ["lihat_permohonan", "validasi_permohonan"] for peran in PERAN_VALIDATOR},
}
# The Kepala Bagian validates uploads (sop 002) and leads the content work (sop 004).
IZIN_PERAN[Peran.KEPALA_BAGIAN] = [
    *IZIN_PERAN[Peran.KEPALA_BAGIAN],
    "lihat_konten",
    "disposisi_konten",
    "evaluasi_sop",
]


def pastikan_grup_peran(**kwargs) -> None:
    """Create the SOP permissions and give each role group exactly its own.

    Idempotent; runs after every migrate and from the demo loader.
    """
    from .penugasan import sinkronkan_izin_peran

    ct = ContentType.objects.get_for_model(Satker)
    izin = {}
    for kode, nama in IZIN.items():
        izin[kode], _ = Permission.objects.get_or_create(
            content_type=ct, codename=kode, defaults={"name": nama}
        )
    for peran, kode_kode in IZIN_PERAN.items():
        grup, _ = Group.objects.get_or_create(name=str(peran))
        diharapkan = {izin[k].pk for k in kode_kode}
        sop = {p.pk for p in izin.values()}
        ada = set(grup.permissions.filter(pk__in=sop).values_list("pk", flat=True))
        if ada != diharapkan:
            grup.permissions.remove(*(ada - diharapkan))
            grup.permissions.add(*(diharapkan - ada))
            sinkronkan_izin_peran(grup)


def izin_per_satker(user) -> dict[int, frozenset[str]]:
    """{satker_id: codenames} of the user's object permissions, in one query.

    Superusers get nothing here on purpose: the SOP names who acts, and an
    admin account is not one of its roles.
    """
    if not user.is_authenticated or not user.is_active:
        return {}
    from django.db import connection

    from .models import SatkerUserObjectPermission

    if connection.vendor == "postgresql":
        return _izin_per_satker_berkelompok(user)
    hasil: dict[int, set[str]] = {}
    for satker_id, kode in SatkerUserObjectPermission.objects.filter(
        user=user, permission__codename__in=list(IZIN)
    ).values_list("content_object_id", "permission__codename"):
        hasil.setdefault(satker_id, set()).add(kode)
    return {k: frozenset(v) for k, v in hasil.items()}


def _izin_per_satker_berkelompok(user) -> dict[int, frozenset[str]]:
    """izin_per_satker on PostgreSQL, grouped in SQL: one row per distinct
    set of permissions with its Satker ids. A KPU RI Kasubbag over 553
    Satker gets one row (553 ids, one shared frozenset) instead of 6,000
    rows to decode and fold in Python (≈ 8 ms of CPU per request). Grouped
    by permission id (integers), named once per group."""
    from django.db import connection

    from .models import SatkerUserObjectPermission

    sql = f"""
        SELECT (SELECT array_agg(p.codename) FROM {Permission._meta.db_table} p
                WHERE p.id = ANY(t.izin)),
               array_agg(t.satker_id)
        FROM (
            SELECT o.content_object_id AS satker_id,
                   array_agg(o.permission_id ORDER BY o.permission_id) AS izin
            FROM {SatkerUserObjectPermission._meta.db_table} o
            WHERE o.user_id = %s
            GROUP BY o.content_object_id
        ) t GROUP BY t.izin"""
    hasil: dict[int, frozenset[str]] = {}
    with connection.cursor() as c:
        c.execute(sql, [user.pk])
        for kode, satker_ids in c.fetchall():
            # Only the SOP's permissions, as the row-by-row query filters.
            bersama = frozenset(kode or ()).intersection(IZIN)
            if bersama:
                for s in satker_ids:
                    hasil[s] = bersama
    return hasil


def punya_izin(user, kode: str, satker_id: int) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    from .models import SatkerUserObjectPermission

    return SatkerUserObjectPermission.objects.filter(
        user=user, content_object_id=satker_id, permission__codename=kode
    ).exists()


def boleh_validasi(user, permohonan) -> bool:
    """Only a holder of the role of the level waiting now, in that Satker."""
    tingkat = permohonan.tingkat_berikutnya()
    if tingkat is None or not punya_izin(user, "validasi_permohonan", permohonan.satker_id):
        return False
    from .models import PenugasanPeran

    return PenugasanPeran.objects.filter(
        pengguna=user, satker_id=permohonan.satker_id, peran_id=tingkat.peran_id
    ).exists()


# --- sop 000–002: who the request names --------------------------------------


def boleh_sebagai_pengelola(user, permohonan, kode: str) -> bool:
    """A Pengelola step: the role's permission ``kode`` in the Satker, and,
    once the disposisi names a Pengelola, being that Pengelola. Another
    Pengelola of the Satker sees the request but does not act on it until the
    Kasubbag re-assigns it (layanan.alihkan_disposisi)."""
    if not punya_izin(user, kode, permohonan.satker_id):
        return False
    return permohonan.pengelola_id is None or permohonan.pengelola_id == user.pk


def bukan_pengelola_tertunjuk(user, permohonan) -> bool:
    """A Pengelola of the Satker whom the disposisi does not name: told who
    acts instead of a bare refusal."""
    return (
        permohonan.pengelola_id is not None
        and permohonan.pengelola_id != user.pk
        and punya_izin(user, "siapkan_permohonan", permohonan.satker_id)
    )


def boleh_sebagai_pengusul(user, permohonan) -> bool:
    """Withdrawing or completing a request: only the person who submitted
    it, while still holding the Pengusul role in its Satker. A colleague of
    another sub bagian does not withdraw someone else's Nota Dinas."""
    return (
        getattr(user, "pk", None) is not None
        and user.pk == permohonan.diajukan_oleh_id
        and punya_izin(user, "ajukan_permohonan", permohonan.satker_id)
    )


def boleh_alihkan_disposisi(user, permohonan) -> bool:
    """The Kasubbag names another Pengelola while the request is open and
    after the disposisi."""
    from .models import STATUS_DISPOSISI_BERLAKU

    return (
        permohonan.status in STATUS_DISPOSISI_BERLAKU
        and permohonan.pengelola_id is not None
        and punya_izin(user, "disposisi_permohonan", permohonan.satker_id)
    )
