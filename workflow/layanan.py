"""The SOP's business actions, one function each.

Each action checks permission and state, transitions, saves, writes the audit
entry and queues the notification inside one transaction. The request row is
locked (select_for_update) first, so two people acting on one request at once
yield exactly one transition; the other gets StatusBerubah with a message.
Views call these and nothing else changes a request. The lock, the checks,
the audit entry and the email are the engine's (workflow.mesin); what is
here is sop 000–002's own work.
"""

from django.db import IntegrityError, transaction

from documents import publikasi
from documents.berkas import LampiranTidakDapatDihapus, simpan_versi, simpan_versi_lampiran
from documents.berkas import hapus_lampiran as _hapus_lampiran_berkas
from documents.berkas import tambah_lampiran as _tambah_lampiran_berkas
from documents.models import ProdukHukum, StatusPublikasi
from documents.pemrosesan import PemrosesanTidakDapatDiulang, ulangi_pemrosesan

from .izin import punya_izin
from .mesin import AksiGagal, StatusBerubah, TidakBerwenang, catat, jalankan, kunci
from .models import (
    STATUS_SELESAI,
    Disposisi,
    JenisPermohonan,
    Koreksi,
    NotaDinas,
    PenugasanPeran,
    Permohonan,
    Status,
)
from .notifikasi import beri_tahu
from .peran import Peran

# --- Sub Bagian Pengusul: steps 1 and 8 ------------------------------------


def ajukan_unggah(user, satker, *, produk: dict, nota: dict, berkas, ip=None) -> Permohonan:
    """Nota Dinas with the signed original: the product is created as a draft
    and the original becomes its first file version."""
    if not punya_izin(user, "ajukan_permohonan", satker.pk):
        raise TidakBerwenang("Anda tidak berwenang mengajukan permohonan di satker ini.")
    with transaction.atomic():
        try:
            with transaction.atomic():
                ph = ProdukHukum.objects.create(
                    satker=satker, status_publikasi=StatusPublikasi.DRAF, **produk
                )
        except IntegrityError as exc:
            raise AksiGagal(
                "Produk hukum dengan satker, jenis, nomor, dan tahun ini sudah ada.",
                field="nomor",
            ) from exc
        versi = simpan_versi(ph, berkas, oleh=user)
        return buka_permohonan_unggah(user, ph, versi, nota=nota, ip=ip)


def buka_permohonan_unggah(user, produk, versi, *, nota: dict, ip=None, aksi="ajukan"):
    """Open the upload request of a draft product whose signed original is
    ``versi`` (step 1): from the proposer's form, or handed over by the
    digitalisation step of sop 003. The caller has checked the permission."""
    p = Permohonan.objects.create(
        satker_id=produk.satker_id, jenis=JenisPermohonan.UNGGAH, produk=produk, diajukan_oleh=user
    )
    NotaDinas.objects.create(permohonan=p, naskah_asli=versi, **nota)
    catat(p, user, aksi, "", p.status, nota.get("perihal", ""), ip, p.status_sejak)
    beri_tahu(p)
    return p


def ajukan_penurunan(user, produk, *, alasan: str, nota: dict, ip=None) -> Permohonan:
    if not punya_izin(user, "ajukan_permohonan", produk.satker_id):
        raise TidakBerwenang("Anda tidak berwenang mengusulkan penurunan di satker ini.")
    if not alasan.strip():
        raise AksiGagal("Alasan penurunan wajib diisi.", field="alasan")
    with transaction.atomic():
        ph = ProdukHukum.objects.select_for_update().get(pk=produk.pk)
        if ph.status_publikasi != StatusPublikasi.TERBIT:
            raise AksiGagal("Hanya produk hukum yang sedang terbit yang dapat diturunkan.")
        if ph.permohonan.exclude(status__in=STATUS_SELESAI).exists():
            raise AksiGagal("Produk hukum ini masih dalam permohonan lain yang belum selesai.")
        p = Permohonan.objects.create(
            satker_id=ph.satker_id,
            jenis=JenisPermohonan.PENURUNAN,
            produk=ph,
            diajukan_oleh=user,
            alasan=alasan,
        )
        NotaDinas.objects.create(permohonan=p, **nota)
        catat(p, user, "ajukan-penurunan", "", p.status, alasan, ip, p.status_sejak)
        beri_tahu(p)
    return p


# --- Kasubbag Hukum & SDM: disposisi, koreksi, persetujuan -----------------


def pengelola_satker(satker_id):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            penugasan_peran__satker_id=satker_id,
            penugasan_peran__peran__name=Peran.PENGELOLA,
        )
        .distinct()
        .order_by("first_name", "username")
    )


def disposisi(user, permohonan, *, kepada, petunjuk, ip=None, status_terlihat=None):
    if not petunjuk.strip():
        raise AksiGagal("Petunjuk disposisi wajib diisi.", field="petunjuk")

    def sebelum(p):
        if not PenugasanPeran.objects.filter(
            pengguna=kepada, satker_id=p.satker_id, peran__name=Peran.PENGELOLA
        ).exists():
            raise AksiGagal("Disposisi harus ditujukan kepada Pengelola JDIH satker ini.", "kepada")
        Disposisi.objects.create(permohonan=p, dari=user, kepada=kepada, petunjuk=petunjuk)
        p.pengelola = kepada

    return jalankan(
        permohonan,
        user,
        "disposisi",
        catatan=petunjuk,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def kembalikan(user, permohonan, *, catatan, ip=None, status_terlihat=None):
    """Koreksi: back to the Pengelola with notes (kept per round)."""
    if not catatan.strip():
        raise AksiGagal("Catatan koreksi wajib diisi.", field="catatan")

    def sebelum(p):
        tingkat = p.tingkat_berikutnya()
        p.putaran_koreksi += 1
        Koreksi.objects.create(
            permohonan=p,
            putaran=p.putaran_koreksi,
            catatan=catatan,
            oleh=user,
            tingkat=tingkat.label if tingkat else "Kasubbag Hukum & SDM",
        )

    return jalankan(
        permohonan,
        user,
        "kembalikan",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def loloskan_koreksi(user, permohonan, *, catatan="", ip=None, status_terlihat=None):
    return jalankan(
        permohonan,
        user,
        "loloskan_koreksi",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
    )


def validasi(user, permohonan, *, catatan="", ip=None, status_terlihat=None):
    def sebelum(p):
        # The level's name belongs on the record, before any free-text note.
        return f"Tingkat {p.tingkat_berikutnya().label}" + (f": {catatan}" if catatan else "")

    return jalankan(
        permohonan,
        user,
        "validasi",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def setujui(user, permohonan, *, catatan="", ip=None, status_terlihat=None):
    return jalankan(
        permohonan, user, "setujui", catatan=catatan, ip=ip, status_terlihat=status_terlihat
    )


def tolak(user, permohonan, *, alasan, ip=None, status_terlihat=None):
    if not alasan.strip():
        raise AksiGagal("Alasan penolakan wajib diisi.", field="alasan")

    def sebelum(p):
        p.alasan_penolakan = alasan

    return jalankan(
        permohonan,
        user,
        "tolak",
        catatan=alasan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


# --- after "Tidak" on a take-down's correction: the way back ---------------
# The product is still down ("sedang diperbaiki"); the Kasubbag or the
# Pengelola chooses one of these (Permohonan._izin_tindak_lanjut_penolakan).


def terbitkan_kembali(user, permohonan, *, catatan="", ip=None, status_terlihat=None):
    """Put the last version that was public before the take-down back online.
    The refused correction, and any lampiran file of that round, stay
    unpublished; the request ends as refused."""

    def sebelum(p):
        versi = p.versi_kembali()
        try:
            publikasi.terbitkan(p.produk, versi, lampiran_baru=False)
        except publikasi.PublikasiTidakValid as exc:
            raise AksiGagal(str(exc)) from exc
        return f"Versi {versi.nomor_versi} diterbitkan kembali" + (
            f": {catatan}" if catatan else ""
        )

    return jalankan(
        permohonan,
        user,
        "terbitkan_kembali",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def perbaikan_ulang(user, permohonan, *, catatan="", ip=None, status_terlihat=None):
    """A new correction round: back to the Pengelola (step 11) to upload
    another corrected file, then koreksi, validation and approval again. The
    refusal becomes the round's correction note, so the Pengelola reads
    what to fix where the other rounds' notes are."""

    def sebelum(p):
        isi = catatan.strip() or p.alasan_penolakan
        p.putaran_koreksi += 1
        Koreksi.objects.create(
            permohonan=p,
            putaran=p.putaran_koreksi,
            catatan=isi,
            oleh=user,
            tingkat="Persetujuan: Tidak — perbaikan ulang",
        )
        return isi

    return jalankan(
        permohonan,
        user,
        "perbaikan_ulang",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


# --- Pengelola JDIH: siapkan, serahkan, unggah, turunkan, perbaikan --------

STATUS_SIAPKAN = [Status.DIDISPOSISI, Status.DIKEMBALIKAN, Status.DITURUNKAN]


def _cek_siapkan(user, p):
    if not punya_izin(user, "siapkan_permohonan", p.satker_id):
        raise TidakBerwenang("Anda tidak berwenang menyiapkan produk hukum di satker ini.")
    if p.status not in STATUS_SIAPKAN or (p.penurunan and p.status == Status.DIDISPOSISI):
        raise StatusBerubah(
            f"Produk hukum tidak dapat diubah pada status “{p.get_status_display()}”."
        )


def boleh_siapkan(user, p) -> bool:
    try:
        _cek_siapkan(user, p)
    except AksiGagal:
        return False
    return True


def simpan_metadata(user, permohonan, form, *, ip=None):
    """Save the Pengelola's edits to the product's metadata (a ModelForm)."""
    with transaction.atomic():
        p = kunci(permohonan)
        _cek_siapkan(user, p)
        produk = form.save()
        berubah = ", ".join(form.changed_data) or "tidak ada perubahan"
        catat(p, user, "ubah-metadata", p.status, p.status, f"Diubah: {berubah}", ip)
    return produk


def _cek_keterangan_perbaikan(permohonan, keterangan_perbaikan):
    """A file replaced in a correction round (take-down) must tell readers
    what changed: the naskah's and each lampiran's alike."""
    if permohonan.penurunan and not keterangan_perbaikan.strip():
        raise AksiGagal(
            "Keterangan perbaikan wajib diisi agar pembaca mengetahui adanya perbaikan.",
            field="keterangan_perbaikan",
        )


def unggah_berkas(user, permohonan, berkas, *, keterangan_perbaikan="", ip=None):
    """A new file version: a better scan while preparing, or the corrected
    file of a take-down (step 11), which must tell readers what changed."""
    _cek_keterangan_perbaikan(permohonan, keterangan_perbaikan)
    with transaction.atomic():
        p = kunci(permohonan)
        _cek_siapkan(user, p)
        versi = simpan_versi(p.produk, berkas, keterangan_perbaikan=keterangan_perbaikan, oleh=user)
        if p.penurunan:
            p.versi_perbaikan = versi
            p.save(update_fields=["versi_perbaikan"])
        catat(
            p,
            user,
            "unggah-berkas",
            p.status,
            p.status,
            f"Versi {versi.nomor_versi}"
            + (f": {keterangan_perbaikan}" if keterangan_perbaikan else ""),
            ip,
        )
    return versi


def boleh_proses_ulang(user, permohonan) -> bool:
    return punya_izin(user, "siapkan_permohonan", permohonan.satker_id)


def proses_ulang_berkas(user, permohonan, versi, *, ip=None):
    """Queue a version's text/OCR/thumbnail again (e.g. after 'gagal').

    The Pengelola handles the files, whatever step the request is at: a
    failed OCR may be noticed long after the upload. Not a transition.
    """
    with transaction.atomic():
        p = kunci(permohonan)
        if not boleh_proses_ulang(user, p):
            raise TidakBerwenang(
                "Hanya Pengelola JDIH satker ini yang dapat memproses ulang berkas."
            )
        if versi.produk_id != p.produk_id:
            raise AksiGagal("Berkas ini bukan milik permohonan ini.")
        try:
            ulangi_pemrosesan(versi)
        except PemrosesanTidakDapatDiulang as exc:
            raise AksiGagal(str(exc)) from exc
        catat(p, user, "proses-ulang-berkas", p.status, p.status, f"Versi {versi.nomor_versi}", ip)


def serahkan(user, permohonan, *, catatan="", ip=None, status_terlihat=None):
    return jalankan(
        permohonan, user, "serahkan", catatan=catatan, ip=ip, status_terlihat=status_terlihat
    )


def turunkan(user, permohonan, *, catatan, ip=None, status_terlihat=None):
    if not catatan.strip():
        raise AksiGagal("Tuliskan alasan/catatan penurunan.", field="catatan")

    def sebelum(p):
        try:
            publikasi.turunkan(p.produk)
        except publikasi.PublikasiTidakValid as exc:
            raise AksiGagal(str(exc)) from exc

    return jalankan(
        permohonan,
        user,
        "turunkan",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def unggah(user, permohonan, *, catatan="", ip=None, status_terlihat=None):
    """Step 7 (unggah) or 12 (unggah ulang): the product goes public."""

    def sebelum(p):
        versi = p.versi_perbaikan if p.penurunan else p.produk.versi_terbaru()
        try:
            publikasi.terbitkan(p.produk, versi)
        except publikasi.PublikasiTidakValid as exc:
            raise AksiGagal(str(exc)) from exc

    return jalankan(
        permohonan,
        user,
        "unggah",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


# --- Pengelola JDIH: lampiran of the product being prepared ----------------
# The same permission and states as the main file upload (_cek_siapkan), the
# same lock, one audit entry each.


def _lampiran_milik(p, lampiran):
    if lampiran.produk_id != p.produk_id:
        raise AksiGagal("Lampiran ini bukan milik permohonan ini.")


def tambah_lampiran_permohonan(user, permohonan, *, judul, berkas, ip=None):
    """A new lampiran (title and first PDF) of the product being prepared."""
    judul = (judul or "").strip()
    if not judul:
        raise AksiGagal("Judul lampiran wajib diisi.", field="judul")
    with transaction.atomic():
        p = kunci(permohonan)
        _cek_siapkan(user, p)
        lampiran = _tambah_lampiran_berkas(p.produk, judul, berkas, oleh=user)
        catat(
            p,
            user,
            "tambah-lampiran",
            p.status,
            p.status,
            f"Lampiran {lampiran.urutan}: {lampiran.judul}",
            ip,
        )
    return lampiran


def unggah_versi_lampiran(user, permohonan, lampiran, berkas, *, keterangan_perbaikan="", ip=None):
    """A new version of a lampiran; in a correction round (take-down) readers
    must be told what changed, as for the naskah."""
    _cek_keterangan_perbaikan(permohonan, keterangan_perbaikan)
    with transaction.atomic():
        p = kunci(permohonan)
        _cek_siapkan(user, p)
        _lampiran_milik(p, lampiran)
        versi = simpan_versi_lampiran(
            lampiran, berkas, keterangan_perbaikan=keterangan_perbaikan, oleh=user
        )
        catat(
            p,
            user,
            "unggah-lampiran",
            p.status,
            p.status,
            f"Lampiran {lampiran.urutan} versi {versi.nomor_versi}"
            + (f": {keterangan_perbaikan}" if keterangan_perbaikan else ""),
            ip,
        )
    return versi


def hapus_lampiran(user, permohonan, lampiran, *, ip=None):
    """Remove a lampiran added by mistake; one that has been public stays."""
    with transaction.atomic():
        p = kunci(permohonan)
        _cek_siapkan(user, p)
        _lampiran_milik(p, lampiran)
        catatan = f"Lampiran {lampiran.urutan}: {lampiran.judul}"
        try:
            _hapus_lampiran_berkas(lampiran)
        except LampiranTidakDapatDihapus as exc:
            raise AksiGagal(str(exc)) from exc
        catat(p, user, "hapus-lampiran", p.status, p.status, catatan, ip)


def proses_ulang_lampiran(user, permohonan, versi, *, ip=None):
    """Queue a lampiran version's text/OCR/thumbnail again, as
    proses_ulang_berkas does for the naskah."""
    with transaction.atomic():
        p = kunci(permohonan)
        if not boleh_proses_ulang(user, p):
            raise TidakBerwenang(
                "Hanya Pengelola JDIH satker ini yang dapat memproses ulang berkas."
            )
        if versi.lampiran is None:
            raise AksiGagal("Berkas ini bukan lampiran.")
        _lampiran_milik(p, versi.lampiran)
        try:
            ulangi_pemrosesan(versi)
        except PemrosesanTidakDapatDiulang as exc:
            raise AksiGagal(str(exc)) from exc
        catat(
            p,
            user,
            "proses-ulang-lampiran",
            p.status,
            p.status,
            f"Lampiran {versi.lampiran.urutan} versi {versi.nomor_versi}",
            ip,
        )
