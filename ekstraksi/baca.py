"""Read a KPU legal product's text into an Usulan (issue 14).

The text is read in three steps: ekstraksi.teks makes lines (page numbers,
running headers and the Lampiran gone), ekstraksi.bidang reads what the text
says of itself, and here those readings are matched to the catalogue: the
jenis and the Satker by name, subjek among the existing keywords, and the
relations to products within the Satker's scope (ekstraksi.relasi). The
draft abstrak comes from ekstraksi.abstrak.

What is not certain is left out: a field absent from the Usulan is one the
Pengelola fills, never one the extractor guessed.
"""

import logging
import re

from django.db import transaction
from django.db.models.functions import Lower

from documents.kosakata import gabung_subjek
from documents.models import Jenis, Satker, Subjek

from . import abstrak, relasi
from .bidang import Nilai, Temuan, baca
from .teks import baris_dokumen, kunci
from .usulan import Bidang, Usulan, UsulanRelasi

log = logging.getLogger(__name__)

MAKS_SUBJEK = 5


def ekstrak(teks: str, *, satker=None) -> Usulan:
    """Proposals from the document's text (text layer or OCR; pages joined by
    a blank line as VersiBerkas.teks has them, or by form feed "\\f" when the
    pages are kept apart, which lets evidence name its page). ``satker``
    (the Satker the document is prepared in) limits relation matching to the
    right scope; without it the issuing Satker read from the text is used.
    Never raises on odd input: a text with no recognisable structure gives
    an empty Usulan, and a failure is logged and gives an empty Usulan."""
    try:
        if not isinstance(teks, str) or not teks.strip():
            return Usulan()
        temuan = baca(baris_dokumen(teks))
        return _usulan(temuan, satker)
    except Exception:
        log.exception("Ekstraksi usulan metadata gagal; dokumen diproses tanpa usulan")
        return Usulan()


def _bidang(n: Nilai) -> Bidang:
    return Bidang(n.nilai, n.bukti, n.halaman)


def _usulan(t: Temuan, satker) -> Usulan:
    u = Usulan()
    for kunci_bidang, nilai in (
        ("nomor", t.nomor),
        ("tahun", t.tahun),
        ("judul", t.judul),
        ("tempat_penetapan", t.tempat),
        ("tanggal_penetapan", t.tanggal),
        ("penandatangan", t.penandatangan),
        ("jabatan_penandatangan", t.jabatan),
    ):
        if nilai is not None:
            u.bidang[kunci_bidang] = _bidang(nilai)
    u.abstrak = abstrak.susun(t)
    try:
        # A savepoint: a failed lookup must not spoil the caller's transaction.
        with transaction.atomic():
            _katalog(t, u, satker)
    except Exception:
        # The text's own fields stand without the catalogue.
        log.exception("Pencocokan usulan dengan katalog gagal; usulan tanpa katalog")
    return u


def _katalog(t: Temuan, u: Usulan, satker) -> None:
    penerbit = _satker(t)
    if penerbit is not None:
        u.bidang["satker"] = Bidang(penerbit.pk, t.badan.bukti, t.badan.halaman)
    jenis = _jenis(t)
    if jenis is not None:
        u.bidang["jenis"] = Bidang(jenis.pk, t.bentuk.bukti, t.bentuk.halaman)
    subjek = _subjek(t)
    if subjek:
        u.bidang["subjek"] = Bidang(gabung_subjek(subjek), t.judul.bukti, t.judul.halaman)
    cakupan = relasi.lingkup(satker if satker is not None else penerbit)
    terpakai = set()
    sebutan = relasi.sebutan_relasi(t)
    # Mengubah/mencabut first: a product the text amends is not also "carried out".
    sebutan.sort(key=lambda s: s.jenis == "melaksanakan")
    for s in sebutan:
        produk = relasi.cocokkan(s, None, cakupan) if cakupan else None
        if s.dari_mengingat and produk is None:
            continue  # a legal basis outside the catalogue stays in the abstrak only
        if produk is not None:
            if produk.pk in terpakai:
                continue
            terpakai.add(produk.pk)
        u.relasi.append(
            UsulanRelasi(
                jenis=s.jenis,
                sebutan=s.sebutan,
                bukti=s.bukti,
                nomor=s.nomor,
                tahun=s.tahun,
                produk_id=produk.pk if produk else None,
            )
        )


# --- the issuing Satker and the jenis ---------------------------------------------------


def _kunci_badan(nama: str) -> str:
    k = kunci(re.sub(r"\bKPU\b", "Komisi Pemilihan Umum", nama, flags=re.IGNORECASE))
    return re.sub(r"\s+(republik indonesia|ri)$", "", k)


def _satker(t: Temuan) -> Satker | None:
    """The office the heading names, confirmed by the signer's office when
    both were read; two offices of that name, or a disagreement: none."""
    if t.badan is None:
        return None
    k = _kunci_badan(t.badan.nilai)
    if t.badan_jabatan and _kunci_badan(t.badan_jabatan) != k:
        return None
    cocok = [
        s
        for s in Satker.objects.only("pk", "nama", "tingkat")
        if k in (_kunci_badan(s.nama), _kunci_badan(s.nama_badan))
    ]
    return cocok[0] if len(cocok) == 1 else None


def _tingkat(teks: str, sekretaris: bool = False) -> str | None:
    k = kunci(teks)
    if sekretaris or re.search(r"\bsekretaris\b", k):
        return "sekretaris"
    if re.search(r"\b(provinsi|prov)\b", k):
        return "provinsi"
    if re.search(r"\b(kabupaten|kota|kab)\b", k):
        return "kabupaten-kota"
    if re.search(r"\b(komisi pemilihan umum|kpu|pkpu)\b", k):
        return "pusat"
    return None


def _bentuk_jenis(j: Jenis) -> str | None:
    teks = f"{j.nama} {j.singkatan}".upper()
    if "PKPU" in teks.split() or teks.startswith("PERATURAN"):
        return "PERATURAN"
    if teks.startswith(("KEPUTUSAN", "KPTS")):
        return "KEPUTUSAN"
    if teks.startswith("SURAT EDARAN") or j.singkatan.upper() == "SE":
        return "SURAT EDARAN"
    if teks.startswith("INSTRUKSI"):
        return "INSTRUKSI"
    if teks.startswith("PUTUSAN"):
        return "PUTUSAN"
    return None


def _jenis(t: Temuan) -> Jenis | None:
    """The Jenis whose name says the same form and level as the heading
    ("KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN …" → "Keputusan KPU
    Kabupaten/Kota"). A heading with a level never takes a jenis without one."""
    if t.bentuk is None:
        return None
    bentuk = t.bentuk.nilai
    tingkat = _tingkat(t.badan.nilai, t.sekretaris) if t.badan else None
    semua = [
        (j, _bentuk_jenis(j), _tingkat(f"{j.nama} {j.singkatan}")) for j in Jenis.objects.all()
    ]
    if bentuk == "PERATURAN":
        # "PKPU" carries its level in the abbreviation.
        semua = [(j, b, "pusat" if "PKPU" in j.singkatan.upper() else tk) for j, b, tk in semua]
    cocok = [j for j, b, tk in semua if b == bentuk and tk == tingkat]
    if not cocok and bentuk in ("SURAT EDARAN", "INSTRUKSI", "PUTUSAN"):
        cocok = [j for j, b, tk in semua if b == bentuk and tk is None]
    return cocok[0] if len(cocok) == 1 else None


# --- subjek --------------------------------------------------------------------------------


def _subjek(t: Temuan) -> list[str]:
    """Existing subjek whose name appears in the judul (longest first; a
    keyword inside a longer one already proposed is left out). Never
    creates a subjek: that is the Pengelola's choice."""
    if t.judul is None:
        return []
    kata = kunci(t.judul.nilai).split()
    frasa = {" ".join(kata[i : i + n]) for n in range(1, 5) for i in range(len(kata) - n + 1)}
    frasa = {f for f in frasa if len(f) >= 3}
    if not frasa:
        return []
    nama = list(
        Subjek.objects.annotate(kecil=Lower("nama"))
        .filter(kecil__in=list(frasa)[:400])
        .values_list("nama", flat=True)
    )
    nama.sort(key=lambda n: -len(n))
    hasil: list[str] = []
    for n in nama:
        if not any(f" {kunci(n)} " in f" {kunci(h)} " for h in hasil):
            hasil.append(n)
    return hasil[:MAKS_SUBJEK]
