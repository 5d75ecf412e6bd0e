"""The SOP's business actions, one function each.

Each action checks permission and state, transitions, saves, writes the audit
entry and queues the notification inside one transaction. The request row is
locked (select_for_update) first, so two people acting on one request at once
yield exactly one transition; the other gets StatusBerubah with a message.
Views call these and nothing else changes a request. The lock, the checks,
the audit entry and the email are the engine's (workflow.mesin); what is
here is sop 000–002's own work.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError

from documents import pdf, publikasi
from documents.berkas import (
    LampiranTidakDapatDihapus,
    buka_unggahan,
    periksa_unggahan,
    sebagai_file,
    simpan_versi,
    simpan_versi_lampiran,
)
from documents.berkas import hapus_lampiran as _hapus_lampiran_berkas
from documents.berkas import tambah_lampiran as _tambah_lampiran_berkas
from documents.models import ProdukHukum, StatusPublikasi
from documents.pemrosesan import PemrosesanTidakDapatDiulang, ulangi_pemrosesan

from .izin import (
    boleh_alihkan_disposisi,
    boleh_sebagai_pengelola,
    bukan_pengelola_tertunjuk,
    punya_izin,
)
from .mesin import AksiGagal, StatusBerubah, TidakBerwenang, catat, dalam_kunci, jalankan, kunci
from .models import (
    STATUS_SELESAI,
    Disposisi,
    JenisPermohonan,
    Koreksi,
    NotaDinas,
    PenugasanPeran,
    Permohonan,
    Status,
    pesan_penugasan,
)
from .notifikasi import beri_tahu
from .peran import Peran

log = logging.getLogger(__name__)

PESAN_PILIH_ULANG = (
    "Isian lain tetap tersimpan di formulir, tetapi peramban tidak dapat menyimpan berkas "
    "yang dipilih: pilih kembali berkas PDF Nota Dinas dan naskah asli sebelum mengajukan lagi."
)


# --- the Nota Dinas PDF ------------------------------------------------------
# The memo is a staff document, not a catalogue version: it goes through the
# catalogue's PDF check (documents.pdf: size, a real PDF, pages, inflation)
# but is not numbered, processed, or ever published.


class BerkasPengajuanTidakValid(ValidationError):
    """One or both PDFs of a request were refused; the errors are keyed by
    the form field they belong to (nota_berkas, berkas)."""


def periksa_nota_dinas(berkas):
    """The memo's PDF checked where it lies; (file at its start, InfoPdf).
    Raises BerkasTidakValid; writes nothing."""
    isi = buka_unggahan(berkas)
    info = pdf.periksa_berkas_pdf(isi)
    isi.seek(0)
    return isi, info


def _galat_berkas(nota_berkas, berkas=None, satker_id=None):
    """Check the memo's PDF before anything is written. When it is refused,
    the naskah asli is checked too, so that the form shows every file's
    error at once (the naskah's own intake checks it again when it is
    stored). Returns the checked memo (file, info)."""
    try:
        return periksa_nota_dinas(nota_berkas)
    except pdf.BerkasTidakValid as exc:
        galat = {"nota_berkas": exc.messages}
        if berkas is not None:
            try:
                periksa_unggahan(berkas, satker_pengguna=satker_id)
            except pdf.BerkasTidakValid as exc_naskah:
                galat["berkas"] = exc_naskah.messages
        raise BerkasPengajuanTidakValid(galat) from exc


def simpan_nota_pdf(nota, diperiksa, nama_asli):
    """Store the checked memo on ``nota`` (saved); the previous file, if
    any, leaves storage once this commits."""
    isi, info = diperiksa
    lama = nota.berkas.name if nota.berkas else ""
    nota.sha256 = info.sha256
    nota.ukuran = info.ukuran
    nota.jumlah_halaman = info.jumlah_halaman
    nota.nama_berkas = (nama_asli or "").rsplit("/", 1)[-1][:255]
    nota.berkas.save("nota-dinas.pdf", sebagai_file(isi, "nota-dinas.pdf"), save=False)
    baru = nota.berkas.name
    try:
        nota.save()
    except Exception:
        nota.berkas.storage.delete(baru)
        raise
    if lama and lama != baru:
        storage = nota.berkas.storage

        def hapus_lama():
            try:
                storage.delete(lama)
            except OSError:
                log.warning("Berkas Nota Dinas lama %s tidak dapat dihapus", lama)

        transaction.on_commit(hapus_lama)
    return nota


def _tolak_nota_sama_dengan_naskah(info_nota, versi):
    if versi is not None and info_nota.sha256 == versi.sha256:
        raise BerkasPengajuanTidakValid(
            {
                "nota_berkas": [
                    "Berkas Nota Dinas sama persis dengan naskah asli. Pilih PDF Nota Dinas "
                    "(surat permohonannya), bukan naskah produk hukum."
                ]
            }
        )


# --- Sub Bagian Pengusul: steps 1 and 8 ------------------------------------


def _wajib_nota_pdf(nota_berkas):
    if nota_berkas is None:
        raise AksiGagal("Lampirkan Nota Dinas sebagai berkas PDF tersendiri.", field="nota_berkas")


def ajukan_unggah(
    user, satker, *, produk: dict, nota: dict, berkas, nota_berkas=None, ip=None
) -> Permohonan:
    """Nota Dinas (its data and its own PDF) with the signed original: the
    product is created as a draft and the original becomes its first file
    version. Both files are checked before anything is written."""
    if not punya_izin(user, "ajukan_permohonan", satker.pk):
        raise TidakBerwenang("Anda tidak berwenang mengajukan permohonan di satker ini.")
    _wajib_nota_pdf(nota_berkas)
    nota_diperiksa = _galat_berkas(nota_berkas, berkas, satker.pk)
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
        try:
            _tolak_nota_sama_dengan_naskah(nota_diperiksa[1], versi)
        except BerkasPengajuanTidakValid:
            versi.berkas.storage.delete(versi.berkas.name)
            raise
        return buka_permohonan_unggah(
            user,
            ph,
            versi,
            nota=nota,
            ip=ip,
            nota_berkas=nota_diperiksa,
            nama_nota=getattr(nota_berkas, "name", ""),
        )


def buka_permohonan_unggah(
    user, produk, versi, *, nota: dict, ip=None, aksi="ajukan", nota_berkas=None, nama_nota=""
):
    """Open the upload request of a draft product whose signed original is
    ``versi`` (step 1): from the proposer's form, or handed over by the
    digitalisation step of sop 003 (which has no memo PDF: the drafting
    itself is the record, and the request says so). ``nota_berkas`` is the
    memo already checked (periksa_nota_dinas). The caller has checked the
    permission."""
    p = Permohonan.objects.create(
        satker_id=produk.satker_id, jenis=JenisPermohonan.UNGGAH, produk=produk, diajukan_oleh=user
    )
    n = NotaDinas.objects.create(permohonan=p, naskah_asli=versi, **nota)
    if nota_berkas is not None:
        simpan_nota_pdf(n, nota_berkas, nama_nota)
    catat(p, user, aksi, "", p.status, nota.get("perihal", ""), ip, p.status_sejak)
    beri_tahu(p)
    return p


def ajukan_penurunan(
    user, produk, *, alasan: str, nota: dict, nota_berkas=None, ip=None
) -> Permohonan:
    if not punya_izin(user, "ajukan_permohonan", produk.satker_id):
        raise TidakBerwenang("Anda tidak berwenang mengusulkan penurunan di satker ini.")
    if not alasan.strip():
        raise AksiGagal("Alasan penurunan wajib diisi.", field="alasan")
    _wajib_nota_pdf(nota_berkas)
    nota_diperiksa = _galat_berkas(nota_berkas)
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
        n = NotaDinas.objects.create(permohonan=p, **nota)
        simpan_nota_pdf(n, nota_diperiksa, getattr(nota_berkas, "name", ""))
        catat(p, user, "ajukan-penurunan", "", p.status, alasan, ip, p.status_sejak)
        beri_tahu(p)
    return p


# --- Sub Bagian Pengusul: complete a request sent back, or withdraw it -------


def kembalikan_ke_pengusul(user, permohonan, *, catatan, ip=None, status_terlihat=None):
    """Kasubbag, at the disposisi step: back to the proposer with what to
    complete (the Nota Dinas, its PDF, the naskah asli)."""
    if not (catatan or "").strip():
        raise AksiGagal("Tuliskan apa yang perlu dilengkapi pengusul.", field="catatan")
    return jalankan(
        permohonan,
        user,
        "kembalikan_ke_pengusul",
        catatan=catatan.strip(),
        ip=ip,
        status_terlihat=status_terlihat,
    )


def _ringkas_perubahan(lama: dict, baru: dict, label: dict) -> list[str]:
    return [label[k] for k in baru if k in lama and str(lama[k]) != str(baru[k])]


LABEL_NOTA = {
    "nomor": "nomor Nota Dinas",
    "tanggal": "tanggal Nota Dinas",
    "perihal": "perihal",
    "dari": "dari",
    "kepada": "kepada",
}
LABEL_PRODUK = {"jenis": "jenis", "nomor": "nomor", "tahun": "tahun", "judul": "judul"}


def ajukan_ulang(
    user,
    permohonan,
    *,
    nota: dict,
    produk: dict | None = None,
    alasan: str | None = None,
    nota_berkas=None,
    berkas=None,
    catatan="",
    ip=None,
    status_terlihat=None,
):
    """The proposer completes a request sent back and hands it in again
    (back to the disposisi step): the Nota Dinas data, a new memo PDF, a new
    naskah asli (the draft's next version), the product's identity (upload)
    or the reason (take-down). Files are checked before the lock; nothing is
    written when one is refused."""
    if permohonan.penurunan and alasan is not None and not alasan.strip():
        raise AksiGagal("Alasan penurunan wajib diisi.", field="alasan")
    if berkas is not None and permohonan.penurunan:
        raise AksiGagal("Usulan penurunan tidak membawa naskah asli.", field="berkas")
    nota_diperiksa = None
    if nota_berkas is not None:
        nota_diperiksa = _galat_berkas(nota_berkas, berkas, permohonan.satker_id)

    def sebelum(p):
        n = NotaDinas.objects.select_for_update().get(permohonan=p)
        if nota_diperiksa is None and not n.berkas:
            raise BerkasPengajuanTidakValid(
                {"nota_berkas": ["Lampirkan Nota Dinas sebagai berkas PDF tersendiri."]}
            )
        diubah = _ringkas_perubahan({k: getattr(n, k) for k in LABEL_NOTA}, nota, LABEL_NOTA)
        for k, v in nota.items():
            setattr(n, k, v)
        if p.penurunan and alasan is not None and alasan != p.alasan:
            p.alasan = alasan
            diubah.append("alasan penurunan")
        if not p.penurunan and produk:
            ph = p.produk
            diubah += _ringkas_perubahan(
                {k: getattr(ph, k) for k in LABEL_PRODUK}, produk, LABEL_PRODUK
            )
            for k, v in produk.items():
                setattr(ph, k, v)
            try:
                with transaction.atomic():
                    ph.save()
            except IntegrityError as exc:
                raise AksiGagal(
                    "Produk hukum dengan satker, jenis, nomor, dan tahun ini sudah ada.",
                    field="nomor",
                ) from exc
        if berkas is not None:
            versi = simpan_versi(p.produk, berkas, oleh=user)
            if nota_diperiksa is not None:
                try:
                    _tolak_nota_sama_dengan_naskah(nota_diperiksa[1], versi)
                except BerkasPengajuanTidakValid:
                    versi.berkas.storage.delete(versi.berkas.name)
                    raise
            n.naskah_asli = versi
            diubah.append(f"naskah asli (versi {versi.nomor_versi})")
        if nota_diperiksa is not None:
            simpan_nota_pdf(n, nota_diperiksa, getattr(nota_berkas, "name", ""))
            diubah.append("PDF Nota Dinas")
        else:
            n.save()
        teks = "Dilengkapi: " + (", ".join(diubah) if diubah else "tanpa perubahan isian")
        return teks + (f". {catatan.strip()}" if (catatan or "").strip() else "")

    return jalankan(
        permohonan,
        user,
        "ajukan_ulang",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def _hapus_draf_produk(p) -> str:
    """A withdrawn upload request takes its draft product with it (the
    product, its naskah asli and files), so that the same nomor and the same
    file can be submitted again. The request keeps the product's name and
    its Nota Dinas; the audit trail keeps the rest. A draft something else
    holds on to (e.g. a penyusunan) stays."""
    produk = p.produk
    if (
        p.penurunan
        or produk is None
        or produk.status_publikasi != StatusPublikasi.DRAF
        or produk.versi.filter(diterbitkan_pada__isnull=False).exists()
        or produk.permohonan.exclude(pk=p.pk).exists()
    ):
        return ""
    ringkasan = f"{produk} — {produk.judul}"[:600]
    try:
        with transaction.atomic():
            NotaDinas.objects.filter(permohonan=p).update(naskah_asli=None)
            Permohonan.objects.filter(pk=p.pk).update(produk=None, ringkasan_produk=ringkasan)
            produk.delete()
    except (ProtectedError, RestrictedError):
        return ""
    p.produk = None
    p.ringkasan_produk = ringkasan
    return f"Draf produk hukum {ringkasan.split(' — ', 1)[0]} beserta naskah aslinya dihapus."


def tarik(user, permohonan, *, catatan="", ip=None, status_terlihat=None):
    """The proposer withdraws the request before disposisi; it ends as
    "ditarik". For an upload, the draft product it created goes too (see
    _hapus_draf_produk)."""

    def sebelum(p):
        dihapus = _hapus_draf_produk(p)
        return " ".join(x for x in ((catatan or "").strip(), dihapus) if x) or None

    return jalankan(
        permohonan,
        user,
        "tarik",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


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


def _pengelola_satker_ini(kepada, satker_id):
    if not (
        kepada.is_active
        and PenugasanPeran.objects.filter(
            pengguna=kepada, satker_id=satker_id, peran__name=Peran.PENGELOLA
        ).exists()
    ):
        raise AksiGagal("Disposisi harus ditujukan kepada Pengelola JDIH satker ini.", "kepada")


def disposisi(user, permohonan, *, kepada, petunjuk, ip=None, status_terlihat=None):
    if not petunjuk.strip():
        raise AksiGagal("Petunjuk disposisi wajib diisi.", field="petunjuk")

    def sebelum(p):
        _pengelola_satker_ini(kepada, p.satker_id)
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


def alihkan_disposisi(user, permohonan, *, kepada, alasan, ip=None, status_terlihat=None):
    """Kasubbag: another Pengelola of the Satker takes over the request from
    now on (open, after disposisi). Not a step of the SOP: the state and its
    clock stay; the trail records who, from whom, to whom and why, and the
    new Pengelola is emailed."""
    if not (alasan or "").strip():
        raise AksiGagal("Alasan pengalihan wajib diisi.", field="alasan")

    def kerja(p):
        if status_terlihat and p.status != status_terlihat:
            raise StatusBerubah(
                "Permohonan ini baru saja diproses; statusnya kini "
                f"“{p.get_status_display()}”. Halaman telah dimuat ulang, periksa kembali."
            )
        if not boleh_alihkan_disposisi(user, p):
            if not punya_izin(user, "disposisi_permohonan", p.satker_id):
                raise TidakBerwenang("Hanya Kasubbag Hukum & SDM yang dapat mengalihkan disposisi.")
            raise StatusBerubah(
                "Disposisi hanya dapat dialihkan setelah didisposisi dan selama permohonan "
                f"belum selesai (kini “{p.get_status_display()}”)."
            )
        _pengelola_satker_ini(kepada, p.satker_id)
        if kepada.pk == p.pengelola_id:
            raise AksiGagal(
                "Permohonan ini sudah didisposisikan kepada pengguna tersebut.", "kepada"
            )
        lama = p.nama_pengelola()
        p.pengelola = kepada
        p.save(update_fields=["pengelola"])
        Disposisi.objects.filter(permohonan=p).update(kepada=kepada)
        beri_tahu(p, penerima=[kepada])
        return f"Dari {lama} kepada {p.nama_pengelola()}. Alasan: {alasan.strip()}"

    return dalam_kunci(permohonan, user, "alihkan-disposisi", kerja, ip=ip)


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

    return _jalankan_pengelola(
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

    return _jalankan_pengelola(
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


def _cek_tertunjuk(user, p):
    """Another Pengelola of the Satker is told who acts, not just refused."""
    if bukan_pengelola_tertunjuk(user, p):
        raise TidakBerwenang(pesan_penugasan(p))


def _jalankan_pengelola(permohonan, user, aksi, **kw):
    """The engine's transition; a refusal because the disposisi names
    someone else says so (the permission callable decides, under the lock)."""
    try:
        return jalankan(permohonan, user, aksi, **kw)
    except TidakBerwenang:
        segar = Permohonan.objects.select_related("pengelola").get(pk=permohonan.pk)
        _cek_tertunjuk(user, segar)
        raise


def _cek_siapkan(user, p):
    if not punya_izin(user, "siapkan_permohonan", p.satker_id):
        raise TidakBerwenang("Anda tidak berwenang menyiapkan produk hukum di satker ini.")
    _cek_tertunjuk(user, p)
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
        # Readers of the trail see the fields' names as the form shows them.
        berubah = (
            ", ".join(str(form.fields[n].label or n).lower() for n in form.changed_data)
            or "tidak ada perubahan"
        )
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
    return permohonan.produk_id is not None and boleh_sebagai_pengelola(
        user, permohonan, "siapkan_permohonan"
    )


def proses_ulang_berkas(user, permohonan, versi, *, ip=None):
    """Queue a version's text/OCR/thumbnail again (e.g. after 'gagal').

    The Pengelola handles the files, whatever step the request is at: a
    failed OCR may be noticed long after the upload. Not a transition.
    """
    with transaction.atomic():
        p = kunci(permohonan)
        if not boleh_proses_ulang(user, p):
            _cek_tertunjuk(user, p)
            raise TidakBerwenang(
                "Hanya Pengelola JDIH satker ini yang dapat memproses ulang berkas."
            )
        if p.produk_id is None or versi.produk_id != p.produk_id:
            raise AksiGagal("Berkas ini bukan milik permohonan ini.")
        try:
            ulangi_pemrosesan(versi)
        except PemrosesanTidakDapatDiulang as exc:
            raise AksiGagal(str(exc)) from exc
        catat(p, user, "proses-ulang-berkas", p.status, p.status, f"Versi {versi.nomor_versi}", ip)


def serahkan(user, permohonan, *, catatan="", ip=None, status_terlihat=None):
    return _jalankan_pengelola(
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

    return _jalankan_pengelola(
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

    return _jalankan_pengelola(
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
            _cek_tertunjuk(user, p)
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
