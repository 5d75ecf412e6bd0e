"""Penyusunan Keputusan (sop 003, Sorong Selatan): where a produk hukum is born.

Two variants share one state machine: (1) a Keputusan for an activity team,
with verifikasi personil; (2) a Keputusan that regulates, drafted by a team
(draft awal) and finished by the proposing unit (draft akhir). From the pleno
on, both follow the same road: sinkronisasi, paraf Sekretaris, tanda tangan
Ketua, penomoran, salinan, distribusi, digitalisasi — which hands the signed
original over to the upload request of sop 000.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import GET_STATE, FSMField, transition

from documents.models import Jenis, ProdukHukum, Salinan, Satker

from ..mesin import AlurKerja, Prosedur, Tahap, daftarkan, izin

__all__ = [
    "CatatanPerbaikan",
    "DraftSK",
    "FormatNomor",
    "Kelengkapan",
    "NomorNaskah",
    "PenerimaSalinan",
    "PenyusunanKeputusan",
    "RegisterNomor",
    "StatusPenyusunan",
    "TemplatSK",
    "VarianPenyusunan",
]

HARI = 24 * 60


class VarianPenyusunan(models.IntegerChoices):
    TIM = 1, "Keputusan tim pelaksana kegiatan (pokja, panitia, tim teknis)"
    PENGATURAN = 2, "Keputusan bersifat pengaturan (pedoman teknis, petunjuk pelaksanaan)"


class StatusPenyusunan(models.TextChoices):
    PENYUSUNAN = "penyusunan", "Penyusunan draft"
    PENYEMPURNAAN = "penyempurnaan", "Penyempurnaan draft akhir"
    VERIFIKASI_PERSONIL = "verifikasi_personil", "Verifikasi personil"
    VERIFIKASI_MUATAN = "verifikasi_muatan", "Verifikasi muatan"
    PLENO = "pleno", "Pleno: pembahasan dan penetapan"
    SINKRONISASI = "sinkronisasi", "Sinkronisasi SK final"
    PARAF = "paraf", "Paraf Sekretaris"
    TANDA_TANGAN = "tanda_tangan", "Tanda tangan Ketua"
    PENOMORAN = "penomoran", "Penomoran"
    SALINAN = "salinan", "Pembuatan salinan"
    DISTRIBUSI = "distribusi", "Distribusi salinan"
    DIGITALISASI = "digitalisasi", "Penyimpanan dan digitalisasi"
    SELESAI = "selesai", "Selesai, diteruskan ke pengunggahan"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


S = StatusPenyusunan
STATUS_TERBUKA = [s for s in S if s not in (S.SELESAI, S.DIBATALKAN)]


def _tahap(prosedur, baris):
    return tuple(
        Tahap(prosedur, kode, nama, langkah, label) for kode, nama, langkah, label in baris
    )


# The SOP lines of each variant as sop 003 numbers them; lines the product
# splits (paraf before tanda tangan) get codes of their own above 10.
_NAMA_TAHAP = {
    "penyusunan": "Pembuatan KAK dan drafting SK bersama Divisi terkait",
    "verifikasi-personil": "Verifikasi personil",
    "verifikasi-muatan": "Verifikasi muatan",
    "pleno": "Pleno: pembahasan dan penetapan",
    "sinkronisasi": "Sinkronisasi SK final",
    "paraf": "Paraf Sekretaris",
    "tanda-tangan": "Tanda tangan Ketua",
    "penomoran": "Penomoran (buku agenda)",
    "salinan": "Pembuatan salinan SK",
    "distribusi": "Distribusi salinan SK",
    "digitalisasi": "Penyimpanan dan digitalisasi naskah asli",
}

PROSEDUR_TIM = daftarkan(
    Prosedur(
        kode="penyusunan-1",
        nama="Penyusunan keputusan tim pelaksana kegiatan",
        sop="SOP 003 (1)",
        tahap=_tahap(
            "penyusunan-1",
            [
                ("penyusunan", _NAMA_TAHAP["penyusunan"], (1,), ""),
                ("verifikasi-personil", _NAMA_TAHAP["verifikasi-personil"], (2,), ""),
                ("verifikasi-muatan", _NAMA_TAHAP["verifikasi-muatan"], (3,), ""),
                ("pleno", _NAMA_TAHAP["pleno"], (4,), ""),
                ("sinkronisasi", _NAMA_TAHAP["sinkronisasi"], (5,), ""),
                ("paraf", _NAMA_TAHAP["paraf"], (11,), "Langkah 6 (paraf)"),
                ("tanda-tangan", _NAMA_TAHAP["tanda-tangan"], (6,), ""),
                ("penomoran", _NAMA_TAHAP["penomoran"], (7,), ""),
                ("salinan", _NAMA_TAHAP["salinan"], (8,), ""),
                ("distribusi", _NAMA_TAHAP["distribusi"], (9,), ""),
                ("digitalisasi", _NAMA_TAHAP["digitalisasi"], (10,), ""),
            ],
        ),
        mutu_bawaan={
            1: HARI,
            2: HARI,
            3: None,
            4: HARI,  # "hari yang sama dengan tanggal pleno"
            5: None,
            11: None,
            6: None,
            7: None,
            8: HARI,
            9: HARI,  # tanda terima within a day
            10: None,
        },
        nama_langkah={
            1: "1. Pembuatan KAK dan drafting SK",
            2: "2. Verifikasi personil",
            3: "3. Verifikasi muatan",
            4: "4. Pengajuan ke pleno, pembahasan dan penetapan",
            5: "5. Sinkronisasi",
            11: "6. Paraf Sekretaris",
            6: "6. Tanda tangan",
            7: "7. Penomoran",
            8: "8. Pembuatan salinan SK",
            9: "9. Distribusi salinan SK",
            10: "10. Penyimpanan dan digitalisasi",
        },
    )
)

PROSEDUR_PENGATURAN = daftarkan(
    Prosedur(
        kode="penyusunan-2",
        nama="Penyusunan keputusan bersifat pengaturan",
        sop="SOP 003 (2)",
        tahap=_tahap(
            "penyusunan-2",
            [
                ("penyusunan", "Rapat tim penyusun: draft awal", (1,), ""),
                ("penyempurnaan", "Penyempurnaan: draft akhir (notulensi)", (2,), ""),
                ("verifikasi-muatan", _NAMA_TAHAP["verifikasi-muatan"], (3,), ""),
                ("pleno", _NAMA_TAHAP["pleno"], (4,), ""),
                ("sinkronisasi", _NAMA_TAHAP["sinkronisasi"], (10,), "Langkah 4 (SK final)"),
                ("paraf", _NAMA_TAHAP["paraf"], (11,), "Langkah 5 (paraf)"),
                ("tanda-tangan", _NAMA_TAHAP["tanda-tangan"], (5,), ""),
                ("penomoran", _NAMA_TAHAP["penomoran"], (6,), ""),
                ("salinan", _NAMA_TAHAP["salinan"], (7,), ""),
                ("distribusi", _NAMA_TAHAP["distribusi"], (8,), ""),
                ("digitalisasi", _NAMA_TAHAP["digitalisasi"], (9,), ""),
            ],
        ),
        # The SOP gives ranges (1–30 hari …): the upper bound is the standard.
        mutu_bawaan={
            1: 30 * HARI,
            2: 30 * HARI,
            3: 7 * HARI,
            4: 3 * HARI,
            10: None,
            11: None,
            5: None,
            6: None,
            7: HARI,
            8: HARI,
            9: None,
        },
        nama_langkah={
            1: "1. Rapat tim penyusun (draft awal)",
            2: "2. Draft akhir (notulensi)",
            3: "3. Verifikasi muatan",
            4: "4. Pleno: pembahasan dan penetapan",
            10: "4. Sinkronisasi SK final",
            11: "5. Paraf Sekretaris",
            5: "5. Tanda tangan",
            6: "6. Penomoran",
            7: "7. Pembuatan salinan SK",
            8: "8. Distribusi salinan SK",
            9: "9. Penyimpanan dan digitalisasi",
        },
    )
)

PROSEDUR_VARIAN = {
    VarianPenyusunan.TIM: PROSEDUR_TIM,
    VarianPenyusunan.PENGATURAN: PROSEDUR_PENGATURAN,
}

# The step each open state waits for (same codes in both variants).
TAHAP_STATUS = {
    S.PENYUSUNAN: "penyusunan",
    S.PENYEMPURNAAN: "penyempurnaan",
    S.VERIFIKASI_PERSONIL: "verifikasi-personil",
    S.VERIFIKASI_MUATAN: "verifikasi-muatan",
    S.PLENO: "pleno",
    S.SINKRONISASI: "sinkronisasi",
    S.PARAF: "paraf",
    S.TANDA_TANGAN: "tanda-tangan",
    S.PENOMORAN: "penomoran",
    S.SALINAN: "salinan",
    S.DISTRIBUSI: "distribusi",
    S.DIGITALISASI: "digitalisasi",
}


class JenisKelengkapan(models.TextChoices):
    KAK = "kak", "Kerangka Acuan Kerja (KAK)"
    REGULASI = "regulasi", "Regulasi terkait"
    NOTULENSI_RAPAT = "notulensi_rapat", "Notulensi rapat tim penyusun"
    KARTU_KENDALI = "kartu_kendali", "Kartu kendali (verifikasi personil)"
    BERITA_ACARA_PLENO = "berita_acara_pleno", "Berita acara pleno"
    NOTULENSI_PLENO = "notulensi_pleno", "Notulensi pleno / catatan perbaikan"
    NASKAH_TTD = "naskah_ttd", "Pindaian SK bertanda tangan"
    NASKAH_ASLI = "naskah_asli", "Pindaian naskah asli bernomor"


def _target_ajukan(penyusunan):
    if penyusunan.varian == VarianPenyusunan.TIM:
        return S.VERIFIKASI_PERSONIL
    return S.PENYEMPURNAAN


class PenyusunanKeputusan(AlurKerja):
    """One Keputusan being drafted, decided, signed, numbered, copied,
    distributed and digitised, walked through sop 003 state by state."""

    varian = models.PositiveSmallIntegerField("varian", choices=VarianPenyusunan.choices)
    jenis = models.ForeignKey(
        Jenis, verbose_name="jenis produk hukum", on_delete=models.PROTECT, related_name="+"
    )
    judul = models.TextField("judul (tentang)")
    pemrakarsa = models.CharField(
        "pemrakarsa (Subbagian pengusul)", max_length=255, help_text="Unit yang mengusulkan SK."
    )
    divisi_terkait = models.CharField("divisi terkait", max_length=255, blank=True)
    templat = models.ForeignKey(
        "TemplatSK",
        verbose_name="templat SK",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = FSMField(
        "status",
        max_length=20,
        choices=StatusPenyusunan.choices,
        default=StatusPenyusunan.PENYUSUNAN,
        protected=True,
        db_index=True,
    )
    putaran_perbaikan = models.PositiveSmallIntegerField("putaran saran perbaikan", default=0)
    putaran_pleno = models.PositiveSmallIntegerField("putaran pleno dikembalikan", default=0)
    tanggal_pleno = models.DateField("tanggal pleno", null=True, blank=True)
    draft_final = models.ForeignKey(
        "DraftSK",
        verbose_name="SK final (revisi)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    tanggal_penetapan = models.DateField("tanggal penetapan", null=True, blank=True)
    penandatangan = models.CharField("penandatangan", max_length=255, blank=True)
    nomor = models.ForeignKey(
        "NomorNaskah",
        verbose_name="nomor naskah dinas",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    salinan = models.ForeignKey(
        Salinan,
        verbose_name="salinan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    produk = models.ForeignKey(
        ProdukHukum,
        verbose_name="produk hukum",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="penyusunan",
    )
    permohonan = models.ForeignKey(
        "workflow.Permohonan",
        verbose_name="permohonan pengunggahan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lokasi_arsip = models.CharField("lokasi arsip naskah asli", max_length=255, blank=True)
    alasan_batal = models.TextField("alasan pembatalan", blank=True)

    NAMA_OBJEK = "penyusunan"
    STATUS_SELESAI = (S.SELESAI, S.DIBATALKAN)
    AKSI_TRANSISI = frozenset(
        {
            "ajukan",
            "teruskan_draft",
            "verifikasi_personil",
            "kembalikan",
            "ajukan_pleno",
            "tetapkan_pleno",
            "kembalikan_pleno",
            "sinkronkan",
            "paraf",
            "kembalikan_paraf",
            "tandatangani",
            "beri_nomor",
            "buat_salinan",
            "selesaikan_distribusi",
            "digitalisasi",
            "batalkan",
        }
    )
    LABEL_AKSI = {
        "mulai": "Memulai penyusunan dari templat SK",
        "simpan-draft": "Menyimpan draft SK",
        "unggah-kelengkapan": "Mengunggah kelengkapan",
        "ajukan": "Menyerahkan draft untuk diverifikasi",
        "teruskan_draft": "Menyerahkan draft akhir",
        "verifikasi_personil": "Verifikasi personil selesai (kartu kendali)",
        "kembalikan": "Saran perbaikan: dikembalikan ke penyusun",
        "ajukan_pleno": "Verifikasi muatan selesai: diajukan ke pleno",
        "tetapkan_pleno": "Pleno menetapkan SK",
        "kembalikan_pleno": "Pleno: catatan perbaikan, dikembalikan ke penyusun",
        "sinkronkan": "Sinkronisasi SK final",
        "paraf": "Paraf Sekretaris",
        "kembalikan_paraf": "Sekretaris mengembalikan untuk sinkronisasi",
        "tandatangani": "Ketua menandatangani SK",
        "beri_nomor": "Penomoran di buku agenda",
        "buat_salinan": "Membuat salinan SK",
        "tambah-penerima": "Menambah penerima salinan",
        "kirim-salinan": "Mengirim salinan (buku ekspedisi)",
        "tanda-terima": "Mencatat tanda terima",
        "selesaikan_distribusi": "Distribusi salinan selesai",
        "digitalisasi": "Digitalisasi: diteruskan ke pengunggahan JDIH",
        "batalkan": "Membatalkan penyusunan",
    }
    RELASI_KUNCI = ("satker", "jenis", "nomor")

    class Meta:
        verbose_name = "penyusunan keputusan"
        verbose_name_plural = "penyusunan keputusan"
        ordering = ["status_sejak", "id"]
        indexes = [models.Index(fields=["satker", "status", "status_sejak"])]

    def __str__(self):
        if self.nomor_id:
            return f"{self.jenis.singkatan} Nomor {self.nomor.nomor}"
        return f"Draft {self.jenis.singkatan} #{self.pk}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("workflow:penyusunan", args=[self.pk])

    # --- the engine's hooks ---

    def prosedur(self):
        return PROSEDUR_VARIAN[self.varian]

    def tahap_menunggu(self, jumlah_tingkat=None):
        kode = TAHAP_STATUS.get(self.status)
        return self.prosedur().tahap_kode(kode) if kode else None

    def tahap_jejak(self, dari_status, aksi):
        if not dari_status or aksi not in self.AKSI_TRANSISI or aksi == "batalkan":
            return None
        kode = TAHAP_STATUS.get(dari_status)
        return self.prosedur().tahap_kode(kode) if kode else None

    def penerima_berikutnya(self):
        from .notifikasi import penerima_penyusunan

        return penerima_penyusunan(self)

    def alasan_syarat(self, aksi):
        from .syarat import alasan

        return alasan(self, aksi) or super().alasan_syarat(aksi)

    def judul_tugas(self):
        return str(self)

    def subjudul_tugas(self):
        return self.judul

    def label_jenis(self):
        return self.prosedur().nama

    # --- what each step needs (conditions; the reasons live in .syarat) ---

    def punya_kelengkapan(self, jenis) -> bool:
        return self.kelengkapan.filter(jenis=jenis).exists()

    def punya_draft(self) -> bool:
        return self.draft.exists()

    def _syarat_ajukan(self):
        if not self.punya_draft():
            return False
        return self.varian != VarianPenyusunan.TIM or self.punya_kelengkapan(JenisKelengkapan.KAK)

    def _syarat_teruskan(self):
        return self.punya_kelengkapan(JenisKelengkapan.NOTULENSI_RAPAT)

    def _syarat_kartu_kendali(self):
        return self.punya_kelengkapan(JenisKelengkapan.KARTU_KENDALI)

    def _syarat_tim(self):
        return self.varian == VarianPenyusunan.TIM

    def _syarat_pengaturan(self):
        return self.varian == VarianPenyusunan.PENGATURAN

    def _syarat_berita_acara(self):
        return self.punya_kelengkapan(JenisKelengkapan.BERITA_ACARA_PLENO)

    def _syarat_naskah_ttd(self):
        return self.punya_kelengkapan(JenisKelengkapan.NASKAH_TTD)

    def _syarat_distribusi(self):
        penerima = list(self.penerima_salinan.values_list("dikirim_pada", flat=True))
        return bool(penerima) and all(penerima)

    # --- the state machine; side effects live in workflow.penyusunan.layanan ---

    @transition(
        field=status,
        source=S.PENYUSUNAN,
        target=GET_STATE(_target_ajukan, states=[S.VERIFIKASI_PERSONIL, S.PENYEMPURNAAN]),
        permission=izin("ajukan_penyusunan"),
        conditions=[_syarat_ajukan],
    )
    def ajukan(self):
        pass

    @transition(
        field=status,
        source=S.PENYEMPURNAAN,
        target=S.VERIFIKASI_MUATAN,
        permission=izin("ajukan_penyusunan"),
        conditions=[_syarat_pengaturan, _syarat_teruskan],
    )
    def teruskan_draft(self):
        pass

    @transition(
        field=status,
        source=S.VERIFIKASI_PERSONIL,
        target=S.VERIFIKASI_MUATAN,
        permission=izin("verifikasi_penyusunan"),
        conditions=[_syarat_tim, _syarat_kartu_kendali],
    )
    def verifikasi_personil(self):
        pass

    @transition(
        field=status,
        source=[S.VERIFIKASI_PERSONIL, S.VERIFIKASI_MUATAN],
        target=S.PENYUSUNAN,
        permission=izin("verifikasi_penyusunan"),
    )
    def kembalikan(self):
        self.putaran_perbaikan += 1

    @transition(
        field=status,
        source=S.VERIFIKASI_MUATAN,
        target=S.PLENO,
        permission=izin("verifikasi_penyusunan"),
    )
    def ajukan_pleno(self):
        pass

    @transition(
        field=status,
        source=S.PLENO,
        target=S.SINKRONISASI,
        permission=izin("pleno_penyusunan"),
        conditions=[_syarat_berita_acara],
    )
    def tetapkan_pleno(self):
        pass

    @transition(
        field=status,
        source=S.PLENO,
        target=S.PENYUSUNAN,
        permission=izin("pleno_penyusunan"),
        conditions=[_syarat_berita_acara],
    )
    def kembalikan_pleno(self):
        self.putaran_pleno += 1

    @transition(
        field=status,
        source=S.SINKRONISASI,
        target=S.PARAF,
        permission=izin("administrasi_penyusunan"),
    )
    def sinkronkan(self):
        pass

    @transition(
        field=status, source=S.PARAF, target=S.TANDA_TANGAN, permission=izin("paraf_penyusunan")
    )
    def paraf(self):
        pass

    @transition(
        field=status, source=S.PARAF, target=S.SINKRONISASI, permission=izin("paraf_penyusunan")
    )
    def kembalikan_paraf(self):
        self.putaran_perbaikan += 1

    @transition(
        field=status,
        source=S.TANDA_TANGAN,
        target=S.PENOMORAN,
        permission=izin("tandatangani_penyusunan"),
        conditions=[_syarat_naskah_ttd],
    )
    def tandatangani(self):
        pass

    @transition(
        field=status,
        source=S.PENOMORAN,
        target=S.SALINAN,
        permission=izin("administrasi_penyusunan"),
    )
    def beri_nomor(self):
        pass

    @transition(
        field=status,
        source=S.SALINAN,
        target=S.DISTRIBUSI,
        permission=izin("administrasi_penyusunan"),
    )
    def buat_salinan(self):
        pass

    @transition(
        field=status,
        source=S.DISTRIBUSI,
        target=S.DIGITALISASI,
        permission=izin("administrasi_penyusunan"),
        conditions=[_syarat_distribusi],
    )
    def selesaikan_distribusi(self):
        pass

    @transition(
        field=status,
        source=S.DIGITALISASI,
        target=S.SELESAI,
        permission=izin("administrasi_penyusunan"),
    )
    def digitalisasi(self):
        pass

    @transition(
        field=status,
        source=STATUS_TERBUKA,
        target=S.DIBATALKAN,
        permission=izin("batalkan_penyusunan"),
    )
    def batalkan(self):
        pass

    # --- may_* for the pages: non-transition work, asked of the model ---

    def boleh_susun_draft(self, user) -> bool:
        from ..izin import punya_izin

        return self.status in (S.PENYUSUNAN, S.PENYEMPURNAAN) and punya_izin(
            user, "susun_draft", self.satker_id
        )

    def boleh_sinkronkan_draft(self, user) -> bool:
        from ..izin import punya_izin

        return self.status == S.SINKRONISASI and punya_izin(
            user, "administrasi_penyusunan", self.satker_id
        )

    def boleh_ubah_draft(self, user) -> bool:
        return self.boleh_susun_draft(user) or self.boleh_sinkronkan_draft(user)

    def boleh_distribusi(self, user) -> bool:
        """Recipients and receipts: from the distribution step on (a receipt
        may come back after the SK has gone on to digitalisation)."""
        from ..izin import punya_izin

        return self.status in (S.DISTRIBUSI, S.DIGITALISASI, S.SELESAI) and punya_izin(
            user, "administrasi_penyusunan", self.satker_id
        )

    def draft_terbaru(self):
        return self.draft.order_by("-revisi").first()


class TemplatSK(models.Model):
    """A Satker's template for a Keputusan; placeholders {judul}, {tahun},
    {satker}, {tempat} are filled when a draft starts from it."""

    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.CASCADE, related_name="templat_sk"
    )
    nama = models.CharField("nama templat", max_length=200)
    varian = models.PositiveSmallIntegerField(
        "varian",
        choices=VarianPenyusunan.choices,
        null=True,
        blank=True,
        help_text="Kosongkan bila templat berlaku untuk kedua varian.",
    )
    jenis = models.ForeignKey(
        Jenis, verbose_name="jenis produk hukum", on_delete=models.PROTECT, related_name="+"
    )
    judul = models.TextField("judul (pola)", blank=True, default="{judul}")
    menimbang = models.TextField("menimbang", blank=True)
    mengingat = models.TextField("mengingat", blank=True)
    memutuskan = models.TextField("memutuskan", blank=True)
    lampiran = models.TextField("lampiran", blank=True)
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "templat SK"
        verbose_name_plural = "templat SK"
        ordering = ["satker__nama", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "nama"],
                name="templat_sk_unik_per_satker",
                violation_error_message="Nama templat ini sudah dipakai di satker ini.",
            )
        ]

    def __str__(self):
        return f"{self.nama} ({self.satker})"


class DraftSK(models.Model):
    """One saved revision of the draft text; every save is kept."""

    penyusunan = models.ForeignKey(
        PenyusunanKeputusan, on_delete=models.CASCADE, related_name="draft"
    )
    revisi = models.PositiveIntegerField("revisi")
    judul = models.TextField("judul (tentang)")
    menimbang = models.TextField("menimbang", blank=True)
    mengingat = models.TextField("mengingat", blank=True)
    memutuskan = models.TextField("memutuskan", blank=True)
    lampiran = models.TextField("lampiran", blank=True)
    catatan = models.CharField("catatan revisi", max_length=500, blank=True)
    tahap = models.CharField("status saat disimpan", max_length=20, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oleh", on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField("disimpan", default=timezone.now)

    BIDANG = ("judul", "menimbang", "mengingat", "memutuskan", "lampiran")

    class Meta:
        verbose_name = "draft SK"
        verbose_name_plural = "draft SK"
        ordering = ["penyusunan", "revisi"]
        constraints = [
            models.UniqueConstraint(fields=["penyusunan", "revisi"], name="draft_revisi_unik")
        ]

    def __str__(self):
        return f"Revisi {self.revisi}"

    def isi(self) -> dict:
        return {b: getattr(self, b) for b in self.BIDANG}


def lokasi_kelengkapan(obj, filename):
    return f"penyusunan/{obj.penyusunan_id}/{obj.sha256}.pdf"


class Kelengkapan(models.Model):
    """A supporting document a step records (KAK, kartu kendali, berita acara
    pleno, the signed scan…). Only staff of the Satker can read it."""

    penyusunan = models.ForeignKey(
        PenyusunanKeputusan, on_delete=models.CASCADE, related_name="kelengkapan"
    )
    jenis = models.CharField("jenis", max_length=30, choices=JenisKelengkapan.choices)
    berkas = models.FileField("berkas PDF", upload_to=lokasi_kelengkapan, max_length=255)
    nama_asli = models.CharField("nama berkas asli", max_length=255, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64)
    ukuran = models.PositiveBigIntegerField("ukuran (bita)")
    jumlah_halaman = models.PositiveIntegerField("jumlah halaman")
    tahap = models.CharField(
        "status saat diunggah", max_length=20, choices=StatusPenyusunan.choices
    )
    keterangan = models.CharField("keterangan", max_length=500, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oleh", on_delete=models.PROTECT, related_name="+"
    )
    diunggah_pada = models.DateTimeField("diunggah", default=timezone.now)

    class Meta:
        verbose_name = "kelengkapan"
        verbose_name_plural = "kelengkapan"
        ordering = ["penyusunan", "diunggah_pada", "id"]

    def __str__(self):
        return f"{self.get_jenis_display()} — {self.nama_asli}"


class CatatanPerbaikan(models.Model):
    """Notes that sent the draft back (verifikasi, pleno, paraf), per round."""

    penyusunan = models.ForeignKey(
        PenyusunanKeputusan, on_delete=models.CASCADE, related_name="catatan_perbaikan"
    )
    tahap = models.CharField("dari tahap", max_length=20, choices=StatusPenyusunan.choices)
    putaran = models.PositiveSmallIntegerField("putaran")
    catatan = models.TextField("catatan perbaikan")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oleh", on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField("waktu", default=timezone.now)

    class Meta:
        verbose_name = "catatan perbaikan"
        verbose_name_plural = "catatan perbaikan"
        ordering = ["penyusunan", "dibuat_pada", "id"]

    def __str__(self):
        return f"{self.get_tahap_display()} putaran {self.putaran}"


class FormatNomor(models.Model):
    """How a Satker numbers a jenis, e.g. ``{urut}/HK.03.1-Kpt/9204/KPU-Kab/{tahun}``;
    and whether that jenis keeps its own register (buku agenda) per year."""

    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.CASCADE, related_name="format_nomor"
    )
    jenis = models.ForeignKey(
        Jenis, verbose_name="jenis produk hukum", on_delete=models.CASCADE, related_name="+"
    )
    pola = models.CharField(
        "pola nomor",
        max_length=200,
        help_text="Gunakan {urut} untuk nomor urut dan {tahun} untuk tahun, "
        "mis. {urut}/HK.03.1-Kpt/9204/KPU-Kab/{tahun}.",
    )
    register_per_jenis = models.BooleanField(
        "buku agenda sendiri untuk jenis ini",
        default=False,
        help_text="Bila tidak dicentang, jenis ini bernomor urut bersama di buku agenda satker.",
    )

    class Meta:
        verbose_name = "format nomor"
        verbose_name_plural = "format nomor"
        ordering = ["satker__nama", "jenis__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "jenis"],
                name="format_nomor_unik",
                violation_error_message="Format nomor jenis ini sudah diatur untuk satker ini.",
            )
        ]

    def __str__(self):
        return f"{self.jenis} — {self.pola}"


class RegisterNomor(models.Model):
    """One buku agenda: a Satker's numbering register for one year (for one
    jenis where the office keeps it so). ``terakhir`` is the last number given."""

    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.PROTECT, related_name="register_nomor"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    jenis = models.ForeignKey(
        Jenis,
        verbose_name="jenis (bila per jenis)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    terakhir = models.PositiveIntegerField("nomor urut terakhir", default=0)

    class Meta:
        verbose_name = "buku agenda"
        verbose_name_plural = "buku agenda"
        ordering = ["satker__nama", "-tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "jenis"], name="register_unik_per_jenis"
            ),
            models.UniqueConstraint(
                fields=["satker", "tahun"],
                condition=models.Q(jenis__isnull=True),
                name="register_unik_bersama",
            ),
        ]

    def __str__(self):
        jenis = f" — {self.jenis}" if self.jenis_id else ""
        return f"Buku agenda {self.satker} {self.tahun}{jenis}"


class NomorNaskah(models.Model):
    """One line of the buku agenda. Never deleted or reused: a cancelled
    number stays, marked cancelled, with the reason."""

    register = models.ForeignKey(
        RegisterNomor, verbose_name="buku agenda", on_delete=models.PROTECT, related_name="nomor"
    )
    urut = models.PositiveIntegerField("nomor urut")
    nomor = models.CharField("nomor lengkap", max_length=200)
    penyusunan = models.ForeignKey(
        PenyusunanKeputusan,
        verbose_name="penyusunan",
        on_delete=models.PROTECT,
        related_name="nomor_naskah",
    )
    perihal = models.TextField("perihal")
    tanggal = models.DateField("tanggal", default=timezone.localdate)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dicatat oleh",
        on_delete=models.PROTECT,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField("dicatat", default=timezone.now)
    dibatalkan_pada = models.DateTimeField("dibatalkan", null=True, blank=True)
    alasan_batal = models.TextField("alasan pembatalan", blank=True)

    class Meta:
        verbose_name = "nomor naskah dinas"
        verbose_name_plural = "nomor naskah dinas"
        ordering = ["register", "urut"]
        constraints = [models.UniqueConstraint(fields=["register", "urut"], name="nomor_urut_unik")]

    def __str__(self):
        return self.nomor

    @property
    def dibatalkan(self):
        return self.dibatalkan_pada is not None


def lokasi_tanda_terima(obj, filename):
    return f"tanda-terima/{obj.penyusunan_id}/{obj.pk or 'baru'}-{timezone.now():%Y%m%d%H%M%S}.pdf"


class PenerimaSalinan(models.Model):
    """One recipient of the salinan: a line of the buku ekspedisi."""

    class JenisPenerima(models.TextChoices):
        INTERNAL = "internal", "Unit internal"
        EKSTERNAL = "eksternal", "Instansi luar"

    penyusunan = models.ForeignKey(
        PenyusunanKeputusan, on_delete=models.CASCADE, related_name="penerima_salinan"
    )
    nama = models.CharField("penerima", max_length=255)
    jenis = models.CharField(
        "jenis penerima",
        max_length=20,
        choices=JenisPenerima.choices,
        default=JenisPenerima.INTERNAL,
    )
    alamat = models.CharField("alamat / keterangan", max_length=500, blank=True)
    dikirim_pada = models.DateTimeField("dikirim", null=True, blank=True)
    diterima_oleh = models.CharField("diterima oleh", max_length=255, blank=True)
    diterima_pada = models.DateTimeField("diterima", null=True, blank=True)
    bukti = models.FileField(
        "pindaian tanda terima (PDF)", upload_to=lokasi_tanda_terima, blank=True, max_length=255
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dicatat oleh",
        on_delete=models.PROTECT,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField("dicatat", default=timezone.now)

    class Meta:
        verbose_name = "penerima salinan"
        verbose_name_plural = "penerima salinan"
        ordering = ["penyusunan", "id"]

    def __str__(self):
        return self.nama

    @property
    def tertunda(self):
        return self.dikirim_pada is not None and self.diterima_pada is None
