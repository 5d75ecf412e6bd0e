"""Processing of a stored version: text (with OCR for scanned pages) and the
first-page thumbnail, run by the task queue (documents.tasks), never in the
upload request. A naskah version then gets its page images for phone readers
(documents.halaman_gambar), queued as a task of its own.

States of ``VersiBerkas.status_proses``: menunggu (queued) → diproses →
selesai, or gagal with the reason in ``pesan_proses``. The uploaded file and
its row are never touched by processing, so a failure loses nothing; staff
retry with ``ulangi_pemrosesan``.

Idempotent: a run replaces the text and the thumbnail, never adds to them, and
the thumbnail always lands on the same name (derived from the file's SHA-256),
so running twice leaves one text and one thumbnail file.

Self-healing. A worker that starts on a version takes a lease on it
(``sewa_sampai``) and a heartbeat thread renews it while the work goes on. A
worker killed mid-task (or cut off from the database) stops renewing; the
periodic sweep (``sapu_pemrosesan``, run by the queue itself, see
``pastikan_sapuan``) queues such a version again, at most
``JDIH_PEMROSESAN_MAKS_PERCOBAAN`` times, then marks it gagal with the reason.
Each start bumps ``percobaan``, which doubles as the run's token: a run that
lost its lease can no longer write its result over a newer run's.
"""

import io
import logging
import math
import re
import threading
import time
from datetime import timedelta

import pypdfium2 as pdfium
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import Error as GalatBasisData
from django.db import connections, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import TaskResultStatus

from . import halaman_gambar, ocr, pdf
from .models import VersiBerkas

log = logging.getLogger(__name__)

Status = VersiBerkas.StatusProses

# What the worker writes when it is done; saved through save(update_fields=…)
# so post_save hooks (the search index) see the new text, and so fields staff
# change meanwhile (e.g. diterbitkan_pada) are not overwritten.
FIELD_HASIL = ["teks", "teks_ocr", "thumbnail", "status_proses", "pesan_proses"]

# Scanned pages handed to OCR at once; between parts the time budget is checked.
HALAMAN_PER_POTONGAN = 20
# The sweep and the email jump ahead of OCR work in the queue.
PRIORITAS_SAPU = 50


class PemrosesanGagal(Exception):
    """Processing of a version failed; the message is the reason for staff."""


class PemrosesanTidakDapatDiulang(Exception):
    """A retry was asked for a version that is still queued or running."""


def sewa() -> timedelta:
    return timedelta(seconds=getattr(settings, "JDIH_PEMROSESAN_SEWA", 120))


def maks_percobaan() -> int:
    return max(1, getattr(settings, "JDIH_PEMROSESAN_MAKS_PERCOBAAN", 3))


def selang_sapuan() -> timedelta:
    # A third of a lease: a dead worker's version is noticed within 1⅓ leases
    # of its last renewal, whatever the phase of the sweep.
    return max(sewa() / 3, timedelta(seconds=1))


def prioritas(jumlah_halaman: int) -> int:
    """Queue priority of a version's processing: short files first.

    Up to 10 pages: 0; then 15 lower per doubling (100 pages -50, 1,000 pages
    and more -100), so a big scan waits behind every small file queued after it.
    """
    if jumlah_halaman <= 10:
        return 0
    return -min(100, round(15 * math.log2(jumlah_halaman / 10)))


def alasan_terhenti(kali: int) -> str:
    return (
        f"Pemrosesan terhenti {kali} kali (pekerja mati atau koneksi terputus) sebelum "
        "selesai. Berkas ini mungkin terlalu berat bagi worker (mis. kehabisan memori); "
        "periksa log worker, lalu gunakan Proses ulang."
    )


def alasan_gagal(exc: BaseException) -> str:
    """The reason staff read on a failed version, in Bahasa Indonesia."""
    if isinstance(exc, ocr.OcrGagal):
        return str(exc)
    if isinstance(exc, pdf.BerkasTidakValid):
        return exc.messages[0]
    if isinstance(exc, pdfium.PdfiumError):
        return (
            "Berkas PDF tidak dapat dibaca saat diproses (rusak atau tidak lengkap). "
            "Unggah ulang berkas yang utuh sebagai versi baru."
        )
    if isinstance(exc, FileNotFoundError):
        return "Berkas PDF versi ini tidak ditemukan di penyimpanan berkas."
    return (
        f"Kesalahan tak terduga saat memproses berkas ({type(exc).__name__}: {exc}). "
        "Coba proses ulang; bila terulang, hubungi admin."
    )[:2000]


# --- writes that survive a dropped connection ----------------------------------


def _perbarui(saringan: Q, **nilai) -> int:
    """``UPDATE`` that is retried on a fresh connection when the current one is
    broken (database restarted, network cut): the outcome of a run must be
    recorded even when the connection the run started on is gone."""
    for ke in range(3):
        try:
            return VersiBerkas.objects.filter(saringan).update(**nilai)
        except GalatBasisData:
            koneksi = connections[VersiBerkas.objects.db]
            if ke == 2 or koneksi.in_atomic_block:
                raise
            log.warning("Koneksi basis data terputus; mencoba lagi dengan koneksi baru")
            koneksi.close()
            time.sleep(0.2 * (ke + 1))
    return 0  # unreachable


# --- the lease -----------------------------------------------------------------


def _sewa_habis(sekarang) -> Q:
    return Q(sewa_sampai__isnull=True) | Q(sewa_sampai__lt=sekarang)


def macet(versi: VersiBerkas, sekarang=None) -> bool:
    """Diproses, but nobody renews the lease: the worker died or was cut off."""
    sekarang = sekarang or timezone.now()
    return versi.status_proses == Status.DIPROSES and (
        versi.sewa_sampai is None or versi.sewa_sampai < sekarang
    )


def _klaim(versi: VersiBerkas) -> int | None:
    """Take the version for this run; the run's token (``percobaan``), or None
    when another live worker holds it. One conditional UPDATE decides."""
    sekarang = timezone.now()
    bebas = ~Q(status_proses=Status.DIPROSES) | _sewa_habis(sekarang)
    if not VersiBerkas.objects.filter(bebas, pk=versi.pk).update(
        status_proses=Status.DIPROSES,
        pesan_proses="",
        diproses_sejak=sekarang,
        sewa_sampai=sekarang + sewa(),
        percobaan=F("percobaan") + 1,
    ):
        return None
    versi.percobaan = VersiBerkas.objects.values_list("percobaan", flat=True).get(pk=versi.pk)
    versi.status_proses, versi.pesan_proses = Status.DIPROSES, ""
    versi.diproses_sejak, versi.sewa_sampai = sekarang, sekarang + sewa()
    return versi.percobaan


def _milik_run(versi: VersiBerkas, token: int) -> Q:
    return Q(pk=versi.pk, status_proses=Status.DIPROSES, percobaan=token)


class _Detak:
    """Renews the lease every third of it, on the thread's own connection, so
    a long OCR keeps its version while a dead worker's lease runs out.

    Stops renewing past twice the OCR time budget: a run hung that long is
    treated like a dead one."""

    def __init__(self, versi: VersiBerkas, token: int):
        self.versi, self.token = versi, token
        self._henti = threading.Event()
        self._utas = threading.Thread(target=self._jalan, name=f"sewa-versi-{versi.pk}")
        self._utas.daemon = True

    def __enter__(self):
        self._utas.start()
        return self

    def __exit__(self, *exc):
        self._henti.set()
        self._utas.join()

    def _jalan(self):
        lama = sewa()
        batas = time.monotonic() + 2 * getattr(settings, "JDIH_OCR_MAKS_DETIK", 3600)
        batas += lama.total_seconds()
        try:
            while not self._henti.wait(lama.total_seconds() / 3):
                if time.monotonic() > batas:
                    log.warning(
                        "Versi %s diproses terlalu lama; sewa dibiarkan habis", self.versi.pk
                    )
                    return
                try:
                    if not VersiBerkas.objects.filter(_milik_run(self.versi, self.token)).update(
                        sewa_sampai=timezone.now() + lama
                    ):
                        return  # deleted, or handed to another run
                except GalatBasisData:
                    log.warning("Sewa versi %s tidak dapat diperpanjang", self.versi.pk)
                    connections.close_all()  # this thread's own connections
        finally:
            connections.close_all()


# --- the work ------------------------------------------------------------------


def _simpan_thumbnail(versi: VersiBerkas, png: bytes) -> None:
    storage = versi.thumbnail.storage
    tujuan = versi.thumbnail.field.generate_filename(versi, "thumbnail.png")
    # Clear the target name first: storage would otherwise pick a fresh name
    # beside a leftover file and leave the old one orphaned.
    for nama in {versi.thumbnail.name or "", tujuan} - {""}:
        if storage.exists(nama):
            storage.delete(nama)
    versi.thumbnail.save("thumbnail.png", ContentFile(png), save=False)


def _ringkasan(hasil: ocr.HasilTeks) -> str:
    if not hasil.pakai_ocr:
        return ""
    n, total = len(hasil.halaman_ocr), len(hasil.halaman)
    if n == total:
        return f"Teks seluruh {total} halaman dikenali dengan OCR (hasil pindaian)."
    return f"Teks {n} dari {total} halaman dikenali dengan OCR (hasil pindaian)."


def _ocr_bagian(dokumen, indeks: list[int]) -> ocr.HasilTeks:
    """OCR of some pages of ``dokumen``, as a PDF of those pages alone."""
    bagian = pdfium.PdfDocument.new()
    try:
        bagian.import_pages(dokumen, indeks)
        keluaran = io.BytesIO()
        bagian.save(keluaran)
    finally:
        bagian.close()
    try:
        return ocr.teks_dengan_ocr(keluaran.getvalue())
    except ocr.OcrGagal as exc:
        # Its page numbers count within the part: name the page of the file.
        pesan = re.sub(
            r"halaman (\d+)", lambda m: f"halaman {indeks[int(m[1]) - 1] + 1}", str(exc), count=1
        )
        raise ocr.OcrGagal(pesan) from exc


def teks_berbatas(data: bytes, jumlah_halaman: int) -> tuple[ocr.HasilTeks, str]:
    """Text of every page, OCR within the version's budget
    (``JDIH_OCR_MAKS_HALAMAN`` pages, ``JDIH_OCR_MAKS_DETIK`` seconds).

    Returns the text and, when the budget stopped the OCR, the message for
    staff. Past the budget, scanned pages keep what their text layer has.
    """
    maks_halaman = getattr(settings, "JDIH_OCR_MAKS_HALAMAN", 1000)
    maks_detik = getattr(settings, "JDIH_OCR_MAKS_DETIK", 3600)
    if jumlah_halaman <= min(HALAMAN_PER_POTONGAN, maks_halaman):
        return ocr.teks_dengan_ocr(data), ""  # small: one pass, nothing to bound
    halaman = pdf.ekstrak_teks_per_halaman(data)
    perlu = [i for i, t in enumerate(halaman) if ocr.perlu_ocr(t)]
    if not perlu:
        return ocr.HasilTeks(halaman=halaman), ""
    ocr.program_tesseract()  # the clear message before any rendering
    boleh = perlu[:maks_halaman]
    dikenali: list[int] = []
    mulai = time.monotonic()
    dokumen = pdfium.PdfDocument(data)
    try:
        for awal in range(0, len(boleh), HALAMAN_PER_POTONGAN):
            if dikenali and time.monotonic() - mulai >= maks_detik:
                break
            indeks = boleh[awal : awal + HALAMAN_PER_POTONGAN]
            hasil = _ocr_bagian(dokumen, indeks)
            for i, teks in zip(indeks, hasil.halaman, strict=True):
                halaman[i] = teks or halaman[i]
            dikenali.extend(i + 1 for i in indeks)
    finally:
        dokumen.close()
    catatan = ""
    if len(dikenali) < len(perlu):
        batas = (
            f"batas {maks_halaman} halaman OCR per versi (JDIH_OCR_MAKS_HALAMAN)"
            if len(dikenali) == len(boleh)
            else f"batas waktu OCR {maks_detik} detik per versi (JDIH_OCR_MAKS_DETIK)"
        )
        catatan = (
            f"OCR dihentikan karena mencapai {batas}: {len(perlu) - len(dikenali)} dari "
            f"{len(perlu)} halaman pindaian belum dikenali, teksnya belum dapat dicari. "
            "Pecah berkas menjadi beberapa bagian, atau minta admin menaikkan batas lalu "
            "Proses ulang."
        )
    return ocr.HasilTeks(halaman=halaman, halaman_ocr=dikenali), catatan


def _gagal(versi: VersiBerkas, token: int, alasan: str) -> None:
    """Record gagal, on a fresh connection if need be; a failure that cannot be
    written at all leaves the lease to run out, and the sweep takes over."""
    versi.status_proses, versi.pesan_proses = Status.GAGAL, alasan
    try:
        # The text and thumbnail of an earlier good run stay as they were.
        _perbarui(_milik_run(versi, token), status_proses=Status.GAGAL, pesan_proses=alasan)
    except GalatBasisData:
        log.exception("Status gagal versi %s tidak dapat dicatat", versi.pk)


def _terputus(versi: VersiBerkas, token: int) -> None:
    """The run lost its database mid-way: queue again (or gagal past the limit),
    through a fresh connection."""
    try:
        hasil = _serahkan_kembali(versi.pk, token)
    except GalatBasisData:
        log.exception("Versi %s: hasil tidak dapat dicatat; menunggu sapuan", versi.pk)
        return
    versi.status_proses = Status.GAGAL if hasil == "gagal" else Status.MENUNGGU


def proses_versi(versi: VersiBerkas) -> VersiBerkas:
    """Extract text (OCR where a page has no text layer) and the thumbnail.

    Never raises for a bad file or a failed OCR: the version is marked gagal
    with the reason and returned. A version another live worker holds is
    left alone (returned as it is, status diproses).
    """
    token = _klaim(versi)
    if token is None:
        log.info("Versi %s sedang diproses pekerja lain; dilewati", versi.pk)
        versi.status_proses = Status.DIPROSES
        return versi
    mulai = time.monotonic()
    with _Detak(versi, token):
        try:
            with versi.berkas.open("rb") as f:
                data = f.read()
            hasil, catatan = teks_berbatas(data, versi.jumlah_halaman)
            png = pdf.render_thumbnail(data)
            _simpan_thumbnail(versi, png)
        except GalatBasisData:
            log.exception("Pemrosesan versi %s terputus dari basis data", versi.pk)
            _terputus(versi, token)
            return versi
        except Exception as exc:
            log.exception("Pemrosesan versi %s gagal", versi.pk)
            _gagal(versi, token, alasan_gagal(exc))
            return versi
        versi.teks = hasil.teks
        versi.teks_ocr = hasil.pakai_ocr
        versi.status_proses = Status.SELESAI
        versi.pesan_proses = " ".join(p for p in (_ringkasan(hasil), catatan) if p)
        versi.sewa_sampai, versi.percobaan = None, 0
        try:
            with transaction.atomic():  # a savepoint, so a caller's transaction survives
                milik = (
                    VersiBerkas.objects.select_for_update()
                    .filter(_milik_run(versi, token))
                    .exists()
                )
                if milik:
                    versi.save(update_fields=[*FIELD_HASIL, "sewa_sampai", "percobaan"])
        except GalatBasisData:
            log.exception("Hasil versi %s tidak dapat disimpan", versi.pk)
            _terputus(versi, token)
            return versi
    if not milik:
        if not VersiBerkas.objects.filter(pk=versi.pk).exists():
            # Deleted while we worked: nothing to record, and no thumbnail to keep.
            versi.thumbnail.storage.delete(versi.thumbnail.name)
        else:
            log.warning("Versi %s sudah diambil alih run lain; hasil ini dibuang", versi.pk)
            versi.refresh_from_db(fields=[*FIELD_HASIL, "percobaan"])
        return versi
    # Page images for phone readers come after, in their own task: their
    # failure never touches this version's result.
    transaction.on_commit(lambda: halaman_gambar.jadwalkan_gambar_halaman(versi))
    # Proposals for the record from the text just read (issue 14); never
    # raises, so the version stays processed whatever the extractor does.
    from ekstraksi.layanan import usulkan

    usulkan(versi)
    log.info(
        "Versi %s diproses: %s halaman, OCR %s halaman, %.1f detik",
        versi.pk,
        len(hasil.halaman),
        len(hasil.halaman_ocr),
        time.monotonic() - mulai,
    )
    return versi


# --- the queue -----------------------------------------------------------------


def jadwalkan_pemrosesan(versi: VersiBerkas) -> None:
    """Queue ``versi`` for the worker (called on commit of the upload).

    The request returns as soon as the task row is written, whatever the page
    count; short files go first (``prioritas``). If even queueing fails the
    version is marked gagal, so staff see it and can retry; the upload stays.
    """
    from .tasks import proses_versi_berkas

    try:
        hasil = proses_versi_berkas.using(priority=prioritas(versi.jumlah_halaman)).enqueue(
            versi.pk
        )
    except Exception as exc:
        log.exception("Versi %s tidak dapat dimasukkan ke antrean", versi.pk)
        versi.status_proses = Status.GAGAL
        versi.pesan_proses = (
            f"Berkas tersimpan, tetapi tidak dapat dimasukkan ke antrean pemrosesan "
            f"({type(exc).__name__}: {exc}). Gunakan Proses ulang."
        )[:2000]
        VersiBerkas.objects.filter(pk=versi.pk).update(
            status_proses=versi.status_proses, pesan_proses=versi.pesan_proses
        )
        return
    if hasil.is_finished:
        # A synchronous backend (tests, ImmediateBackend) has already done the
        # work on another instance: let the caller's object show it.
        versi.refresh_from_db(fields=FIELD_HASIL)
        return
    pastikan_sapuan()


def ulangi_pemrosesan(versi: VersiBerkas, *, paksa: bool = False) -> None:
    """Staff's "Proses ulang": back to menunggu and queued again.

    Allowed for a version that is gagal or selesai, or stuck in diproses with
    its lease run out (the worker died). ``paksa`` also takes one in
    menunggu/diproses whatever its lease. One conditional UPDATE decides, so
    two clicks at once queue it only once; the attempt count starts afresh.
    Raises PemrosesanTidakDapatDiulang with a message for staff otherwise.
    Queues on commit of the caller's transaction.
    """
    baris = VersiBerkas.objects.filter(pk=versi.pk)
    if not paksa:
        baris = baris.filter(
            Q(status_proses__in=[Status.GAGAL, Status.SELESAI])
            | Q(status_proses=Status.DIPROSES) & _sewa_habis(timezone.now())
        )
    if not baris.update(
        status_proses=Status.MENUNGGU, pesan_proses="", sewa_sampai=None, percobaan=0
    ):
        raise PemrosesanTidakDapatDiulang(
            "Versi ini masih menunggu atau sedang diproses; tunggu hingga selesai atau gagal."
        )
    versi.status_proses, versi.pesan_proses = Status.MENUNGGU, ""
    versi.sewa_sampai, versi.percobaan = None, 0
    transaction.on_commit(lambda: jadwalkan_pemrosesan(versi))


# --- the sweep -----------------------------------------------------------------


def _serahkan_kembali(pk: int, token: int, syarat: Q | None = None) -> str:
    """A run that stopped (token ``token``): queue again, or gagal once
    ``token`` attempts reached the limit. ``"diantre"``, ``"gagal"``, or ``""``
    when the row changed meanwhile (renewed, taken, deleted)."""
    saringan = Q(pk=pk, status_proses=Status.DIPROSES, percobaan=token)
    if syarat is not None:
        saringan &= syarat
    maks = maks_percobaan()
    if token >= maks:
        n = _perbarui(
            saringan,
            status_proses=Status.GAGAL,
            pesan_proses=alasan_terhenti(token),
            sewa_sampai=None,
        )
        return "gagal" if n else ""
    pesan = (
        f"Pemrosesan sebelumnya terhenti (pekerja mati atau koneksi terputus); dimasukkan "
        f"kembali ke antrean otomatis (percobaan {token} dari {maks})."
    )
    if not _perbarui(saringan, status_proses=Status.MENUNGGU, pesan_proses=pesan, sewa_sampai=None):
        return ""
    versi = VersiBerkas.objects.only("pk", "jumlah_halaman", *FIELD_HASIL).filter(pk=pk).first()
    if versi is not None:
        transaction.on_commit(lambda: jadwalkan_pemrosesan(versi))
    return "diantre"


def _tanpa_tugas(sekarang) -> list[tuple[int, int]]:
    """(pk, percobaan) of versions in menunggu that no queued task will ever
    reach: their task failed before it started on them (database lost at that
    moment) or its worker died right after claiming it. Only the database
    queue can be asked."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    from .tasks import proses_versi_berkas

    backend = proses_versi_berkas.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return []
    menunggu = dict(
        VersiBerkas.objects.filter(status_proses=Status.MENUNGGU).values_list("pk", "percobaan")
    )
    if not menunggu:
        return []
    hidup = DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.READY)
        | Q(status=TaskResultStatus.RUNNING, started_at__gte=sekarang - sewa()),
        task_path=proses_versi_berkas.module_path,
    )
    for args_kwargs in hidup.values_list("args_kwargs", flat=True).iterator():
        args = (args_kwargs or {}).get("args") or [None]
        menunggu.pop(args[0], None)
    return list(menunggu.items())


def sapu_pemrosesan(sekarang=None) -> dict:
    """Hand on every version whose worker is gone: lease run out in diproses,
    or menunggu with no task left for it. Queued again on commit, or gagal
    past ``JDIH_PEMROSESAN_MAKS_PERCOBAAN``. Returns what was done (pks)."""
    sekarang = sekarang or timezone.now()
    hasil: dict[str, list[int]] = {"diantre": [], "gagal": []}
    macet_ = VersiBerkas.objects.filter(_sewa_habis(sekarang), status_proses=Status.DIPROSES)
    for pk, token in macet_.values_list("pk", "percobaan"):
        # Conditional on the lease still being out: a worker that renewed it
        # in the meantime keeps its version.
        keputusan = _serahkan_kembali(pk, token, _sewa_habis(sekarang))
        if keputusan:
            log.warning("Versi %s macet (sewa habis): %s", pk, keputusan)
            hasil[keputusan].append(pk)
    for pk, token in _tanpa_tugas(sekarang):
        # Counted as an attempt that stopped, like a dead worker's.
        if VersiBerkas.objects.filter(pk=pk, status_proses=Status.MENUNGGU).update(
            status_proses=Status.DIPROSES, percobaan=token + 1, sewa_sampai=None
        ):
            keputusan = _serahkan_kembali(pk, token + 1)
            log.warning("Versi %s menunggu tanpa tugas di antrean: %s", pk, keputusan)
            if keputusan:
                hasil[keputusan].append(pk)
    return hasil


def pastikan_sapuan() -> None:
    """Keep one sweep task waiting in the queue (``run_after`` a third of a
    lease ahead) while there is processing in flight; each sweep schedules the next
    before it works, so the sweep runs inside the normal worker, with no cron.

    Only for a queue that can defer (the database queue); never raises."""
    from .tasks import sapu_pemrosesan_berkala as tugas

    try:
        backend = tugas.get_backend()
        if not backend.supports_defer:
            return
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult

        if (
            isinstance(backend, DatabaseBackend)
            and DBTaskResult.objects.filter(
                task_path=tugas.module_path,
                status=TaskResultStatus.READY,
                backend_name=backend.alias,
            ).exists()
        ):
            return
        tugas.using(run_after=timezone.now() + selang_sapuan()).enqueue()
    except Exception:
        log.exception("Sapuan pemrosesan tidak dapat dijadwalkan")


def ada_yang_berjalan() -> bool:
    return VersiBerkas.objects.filter(status_proses__in=[Status.MENUNGGU, Status.DIPROSES]).exists()
