"""Proposals from a version's text in the workflow (issue 14 items 3 and 4).

- ``usulkan(versi)``: run by the worker once the version's text is read
  (documents.pemrosesan.proses_versi); stores an UsulanDokumen. Never raises:
  a crash in the extractor is logged and the version stays processed.
- ``keadaan_usulan(produk)``: what the prepare page shows — still reading, no
  proposals, or the proposals of the product's newest file version.
- ``bandingkan(produk, usulan)``: each proposed field against the record as
  saved: empty (the proposal is pre-set), equal, or different (the person's
  value stays; the proposal is shown beside it).
- ``relasi_terusul(produk, usulan)``: proposed relations matched to products
  in the Satker's scope, checked again here whatever the extractor says.
- ``catat_relasi_dari_dokumen``: the business action behind the one-click
  confirmation of a proposed relation.
"""

import logging
import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.module_loading import import_string

from documents import kosakata
from documents.models import (
    Jenis,
    JenisRelasi,
    ProdukHukum,
    RelasiProduk,
    Satker,
    VersiBerkas,
)

from . import relasi as relasi_dokumen
from .models import UsulanDokumen
from .usulan import Bidang, Usulan, UsulanRelasi

log = logging.getLogger(__name__)

Status = VersiBerkas.StatusProses

BULAN = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()

# The structured abstrak form's fields: the extractor keys its draft by these
# names (its "menimbang" part is evidence, not a field of the form).
BAGIAN_ABSTRAK = ("abstrak", "abstrak_dasar_hukum", "abstrak_catatan")


def aktif() -> bool:
    return getattr(settings, "JDIH_EKSTRAKSI_AKTIF", True)


def _ekstraktor():
    return import_string(getattr(settings, "JDIH_EKSTRAKSI", "ekstraksi.baca.ekstrak"))


# --- stored form --------------------------------------------------------------


def ke_json(u: Usulan) -> dict:
    def bidang(b: Bidang) -> dict:
        nilai = b.nilai
        tipe = "date" if isinstance(nilai, date) else "int" if isinstance(nilai, int) else "str"
        return {
            "nilai": nilai.isoformat() if tipe == "date" else nilai,
            "tipe": tipe,
            "bukti": b.bukti,
            "halaman": b.halaman,
        }

    return {
        "bidang": {k: bidang(b) for k, b in u.bidang.items()},
        "relasi": [
            {
                "jenis": r.jenis,
                "sebutan": r.sebutan,
                "bukti": r.bukti,
                "nomor": r.nomor,
                "tahun": r.tahun,
                "produk_id": r.produk_id,
            }
            for r in u.relasi
        ],
        "abstrak": dict(u.abstrak),
    }


def dari_json(data: dict) -> Usulan:
    """The stored proposals back as an Usulan; an entry that does not parse
    (stored by an older extractor) is left out rather than failing the page."""
    bidang = {}
    for k, d in (data.get("bidang") or {}).items():
        try:
            nilai = d["nilai"]
            if d.get("tipe") == "date":
                nilai = date.fromisoformat(nilai)
            elif d.get("tipe") == "int":
                nilai = int(nilai)
            bidang[k] = Bidang(nilai=nilai, bukti=str(d.get("bukti", "")), halaman=d.get("halaman"))
        except (KeyError, TypeError, ValueError):
            continue
    relasi = []
    for d in data.get("relasi") or []:
        try:
            relasi.append(UsulanRelasi(**d))
        except TypeError:
            continue
    abstrak = {str(k): str(v) for k, v in (data.get("abstrak") or {}).items() if v}
    return Usulan(bidang=bidang, relasi=relasi, abstrak=abstrak)


# --- computing (worker) -------------------------------------------------------


def ekstrak_teks(teks: str, satker: Satker | None = None) -> Usulan:
    """The configured extractor on ``teks``; raises what it raises."""
    if not teks or not teks.strip():
        return Usulan()
    return _ekstraktor()(teks, satker=satker)


def usulkan(versi: VersiBerkas) -> UsulanDokumen | None:
    """Read ``versi``'s text into proposals for its product and store them.

    Only a product's naskah version is read (a lampiran proposes nothing).
    Never raises: the upload and its processing are done whatever happens
    here; a crash is logged and recorded in ``galat``."""
    if not aktif() or versi.lampiran_id or not versi.produk_id:
        return None
    galat = ""
    try:
        # A savepoint: a database error inside the extractor (its catalogue
        # matcher) must not break the caller's transaction.
        with transaction.atomic():
            satker = Satker.objects.filter(produk_hukum__pk=versi.produk_id).first()
            data = ke_json(ekstrak_teks(versi.teks, satker))
    except Exception as exc:
        log.exception("Ekstraksi usulan dari versi %s gagal; unggahan tetap berjalan", versi.pk)
        data, galat = {}, f"{type(exc).__name__}: {exc}"[:2000]
    try:
        with transaction.atomic():
            obj, _ = UsulanDokumen.objects.update_or_create(
                versi_id=versi.pk, defaults={"data": data, "galat": galat}
            )
        return obj
    except Exception:
        log.exception("Usulan dari versi %s tidak dapat disimpan", versi.pk)
        return None


# --- reading (prepare page) ---------------------------------------------------


MENUNGGU = "menunggu"  # the text is still being read
TANPA_TEKS = "tanpa-teks"  # no file, or its processing failed
KOSONG = "kosong"  # read, nothing recognised
ADA = "ada"
MATI = "mati"  # turned off in settings


@dataclass
class Keadaan:
    status: str
    usulan: Usulan
    versi: VersiBerkas | None = None

    def satker_lain(self, produk: ProdukHukum) -> Satker | None:
        """The office the document names as its issuer when it is not the
        product's: a sign the wrong file was uploaded (shown, never applied)."""
        b = self.usulan.bidang.get("satker")
        if b is None or not isinstance(b.nilai, int) or b.nilai == produk.satker_id:
            return None
        return Satker.objects.filter(pk=b.nilai).first()


def keadaan_usulan(produk: ProdukHukum) -> Keadaan:
    """The proposals of the product's newest naskah version. A version read
    before proposals existed (or whose hook failed to store) is read now,
    once; its row is kept for the next visit."""
    if not aktif():
        return Keadaan(MATI, Usulan())
    versi = (
        VersiBerkas.objects.filter(produk=produk)
        .select_related("usulan_dokumen")
        .order_by("-nomor_versi")
        .first()
    )
    if versi is None:
        return Keadaan(TANPA_TEKS, Usulan())
    if versi.status_proses in (Status.MENUNGGU, Status.DIPROSES):
        return Keadaan(MENUNGGU, Usulan(), versi)
    if versi.status_proses != Status.SELESAI:
        return Keadaan(TANPA_TEKS, Usulan(), versi)
    simpanan = getattr(versi, "usulan_dokumen", None)
    if simpanan is None:
        simpanan = usulkan(versi)
    usulan = dari_json(simpanan.data) if simpanan is not None else Usulan()
    return Keadaan(KOSONG if usulan.kosong() else ADA, usulan, versi)


@dataclass
class UsulanBidang:
    """One proposal as a form field takes it."""

    nama: str  # the form field
    nilai: str  # the value for the input (a Jenis pk, an ISO date, text)
    tampil: str  # the value as people read it
    bukti: str
    halaman: int | None
    keadaan: str  # "diisi" (field empty: pre-set), "sama", "beda" (person's value kept)

    @property
    def diisi(self):
        return self.keadaan == "diisi"

    @property
    def beda(self):
        return self.keadaan == "beda"


def tanggal_indonesia(d: date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def sama(a: str, b: str) -> bool:
    """Equal as the catalogue reads them: case, spacing, a final full stop aside."""

    def rapi(s):
        return re.sub(r"\s+", " ", str(s)).strip().rstrip(".").casefold()

    return rapi(a) == rapi(b)


def _huruf_nama(teks: str) -> str:
    # Names are typed in capitals on the signature block; the catalogue
    # writes them as names ("Siti Fathonah"), degrees as they were.
    if teks.isupper():
        return " ".join(
            k if "." in k and len(k) <= 6 else k.capitalize() for k in teks.split()
        ).replace(" ,", ",")
    return teks


def _penandatangan(bidang: dict[str, Bidang]) -> Bidang | None:
    """The catalogue's "Ketua Siti Fathonah": the office's title before the
    body's name ("KETUA KOMISI PEMILIHAN UMUM …" → "Ketua"), then the name."""
    nama = bidang.get("penandatangan")
    if nama is None or not str(nama.nilai).strip():
        return None
    jabatan = bidang.get("jabatan_penandatangan")
    awal = ""
    if jabatan is not None:
        awal = re.split(r"\s+(?:komisi|kpu)\b", str(jabatan.nilai), maxsplit=1, flags=re.I)[0]
        awal = _huruf_nama(awal.strip(" ,"))
    nilai = " ".join(p for p in (awal, _huruf_nama(str(nama.nilai).strip())) if p)
    bukti = nama.bukti if jabatan is None else f"{jabatan.bukti} … {nama.bukti}"
    return Bidang(nilai=nilai, bukti=bukti, halaman=nama.halaman)


def _jenis(nilai) -> Jenis | None:
    if isinstance(nilai, int):
        return Jenis.objects.filter(pk=nilai).first()
    teks = str(nilai).strip()
    if not teks:
        return None
    return (
        Jenis.objects.filter(singkatan__iexact=teks).first()
        or Jenis.objects.filter(nama__iexact=teks).first()
    )


def _nilai_rekaman(produk: ProdukHukum, nama: str) -> str:
    if nama == "jenis":
        return str(produk.jenis_id or "")
    nilai = getattr(produk, nama)
    if nilai is None:
        return ""
    if isinstance(nilai, date):
        return nilai.isoformat()
    return str(nilai)


def usulan_formulir(usulan: Usulan) -> dict[str, Bidang]:
    """The proposals keyed by the prepare form's fields, values as text."""
    b = usulan.bidang
    hasil: dict[str, Bidang] = {}
    for nama in ("nomor", "judul", "tempat_penetapan"):
        if nama in b and str(b[nama].nilai).strip():
            hasil[nama] = Bidang(str(b[nama].nilai).strip(), b[nama].bukti, b[nama].halaman)
    if "tahun" in b:
        try:
            hasil["tahun"] = Bidang(
                str(int(b["tahun"].nilai)), b["tahun"].bukti, b["tahun"].halaman
            )
        except (TypeError, ValueError):
            pass
    if "tanggal_penetapan" in b and isinstance(b["tanggal_penetapan"].nilai, date):
        t = b["tanggal_penetapan"]
        hasil["tanggal_penetapan"] = Bidang(t.nilai.isoformat(), t.bukti, t.halaman)
    if "jenis" in b and (jenis := _jenis(b["jenis"].nilai)) is not None:
        hasil["jenis"] = Bidang(str(jenis.pk), b["jenis"].bukti, b["jenis"].halaman)
    if (p := _penandatangan(b)) is not None:
        hasil["penandatangan"] = p
    if "subjek" in b:
        daftar = kosakata.pisah_subjek(str(b["subjek"].nilai))
        if daftar:
            hasil["subjek"] = Bidang(kosakata.gabung_subjek(daftar), b["subjek"].bukti)
    for bidang in BAGIAN_ABSTRAK:
        if usulan.abstrak.get(bidang, "").strip():
            # The draft is the document's own sentences: its evidence is itself.
            hasil[bidang] = Bidang(usulan.abstrak[bidang].strip(), "", None)
    return hasil


def _tampil(nama: str, nilai: str) -> str:
    if nama == "jenis":
        jenis = Jenis.objects.filter(pk=nilai).first()
        return jenis.nama if jenis else nilai
    if nama == "tanggal_penetapan":
        return tanggal_indonesia(date.fromisoformat(nilai))
    return nilai


def bandingkan(produk: ProdukHukum, usulan: Usulan) -> dict[str, UsulanBidang]:
    """Each proposal against the saved record. An empty field takes the
    proposal (pre-set, not saved); a field holding the same value is marked as
    from the document; a field holding another value keeps it — a person
    typed or saved it — and the proposal is only shown beside it."""
    hasil = {}
    for nama, b in usulan_formulir(usulan).items():
        sekarang = produk.subjek if nama == "subjek" else _nilai_rekaman(produk, nama)
        if not sekarang.strip():
            keadaan = "diisi"
        elif nama == "subjek":
            keadaan = (
                "sama"
                if {s.casefold() for s in kosakata.pisah_subjek(sekarang)}
                == {s.casefold() for s in kosakata.pisah_subjek(b.nilai)}
                else "beda"
            )
        else:
            keadaan = "sama" if sama(sekarang, b.nilai) else "beda"
        hasil[nama] = UsulanBidang(
            nama=nama,
            nilai=str(b.nilai),
            tampil=_tampil(nama, str(b.nilai)),
            bukti=b.bukti,
            halaman=b.halaman,
            keadaan=keadaan,
        )
    return hasil


# --- relations ----------------------------------------------------------------


def produk_dalam_lingkup(produk: ProdukHukum):
    """Products ``produk`` may be related to: the extractor's scope rule
    (ekstraksi.relasi), checked again here rather than trusted from the page,
    and not itself."""
    return relasi_dokumen.produk_dalam_lingkup(relasi_dokumen.lingkup(produk.satker)).exclude(
        pk=produk.pk
    )


@dataclass
class RelasiTerusul:
    usulan: UsulanRelasi
    label: str  # "Mencabut"
    target: ProdukHukum | None  # None: not in the catalogue (or outside the scope)
    tercatat: bool


def relasi_terusul(produk: ProdukHukum, usulan: Usulan) -> list[RelasiTerusul]:
    """The relations the document states that the catalogue can record (the
    JenisRelasi kinds), each with its product when it is in scope. Two queries
    whatever the number of relations."""
    label = dict(JenisRelasi.choices)
    daftar = [r for r in usulan.relasi if r.jenis in label]
    ids = {r.produk_id for r in daftar if r.produk_id}
    target = {
        t.pk: t
        for t in produk_dalam_lingkup(produk).filter(pk__in=ids).select_related("jenis", "satker")
    }
    ada = set(
        RelasiProduk.objects.filter(sumber=produk, target_id__in=target).values_list(
            "jenis", "target_id"
        )
    )
    hasil, terlihat = [], set()
    for r in daftar:
        kunci = (r.jenis, r.produk_id) if r.produk_id in target else (r.jenis, r.sebutan)
        if kunci in terlihat:
            continue  # the same mention twice (e.g. Menimbang and Mengingat)
        terlihat.add(kunci)
        t = target.get(r.produk_id)
        hasil.append(
            RelasiTerusul(r, str(label[r.jenis]), t, t is not None and (r.jenis, t.pk) in ada)
        )
    return hasil


def catat_relasi_dari_dokumen(user, permohonan, *, jenis: str, target_id: int, ip=None):
    """Record a relation the product's document states (one click on the
    prepare page). Allowed to whoever may prepare the product now, only for a
    relation the current proposals name, and only to a product in scope —
    checked here, not trusted from the page. Status effects ("mencabut" makes
    the target Tidak Berlaku) follow documents.relasi, as everywhere."""
    from workflow import layanan
    from workflow.mesin import AksiGagal, catat, kunci

    with transaction.atomic():
        p = kunci(permohonan)
        if not layanan.boleh_siapkan(user, p):
            raise AksiGagal("Anda tidak dapat menyiapkan produk hukum ini sekarang.")
        produk = p.produk
        usulan = keadaan_usulan(produk).usulan
        cocok = next(
            (
                r
                for r in relasi_terusul(produk, usulan)
                if r.usulan.jenis == jenis and r.target is not None and r.target.pk == target_id
            ),
            None,
        )
        if cocok is None:
            raise AksiGagal(
                "Relasi ini tidak (lagi) diusulkan oleh dokumen, atau produk hukum yang "
                "dituju tidak ada dalam lingkup satker ini. Muat ulang halaman."
            )
        if cocok.tercatat:
            raise AksiGagal("Relasi ini sudah tercatat.")
        relasi = RelasiProduk(
            sumber=produk,
            jenis=jenis,
            target=cocok.target,
            keterangan=f"Menurut dokumen: {cocok.usulan.bukti}"[:500],
        )
        try:
            relasi.full_clean()
        except ValidationError as exc:
            raise AksiGagal(" ".join(exc.messages)) from exc
        relasi.save()
        catat(
            p,
            user,
            "ubah-metadata",
            p.status,
            p.status,
            f"Relasi dari dokumen dicatat: {cocok.label.lower()} {cocok.target}",
            ip,
        )
    return relasi
