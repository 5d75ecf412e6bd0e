"""Sop 004's business actions, one function each, on the workflow engine."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from documents.gambar import baca_gambar, periksa_gambar
from documents.models import KontenTerbit, Platform, ProdukHukum, StatusPublikasi

from ..izin import punya_izin
from ..mesin import AksiGagal, TidakBerwenang, catat, dalam_kunci, jalankan
from ..notifikasi import beri_tahu, pengguna_peran
from ..peran import Peran
from .models import (
    BATAS_CAPTION,
    CatatanKoreksiKonten,
    GambarKonten,
    JenisKonten,
    KontenMedsos,
    RevisiKonten,
)
from .tautan import alasan_tautan_salah

PLATFORM = set(Platform.values)


def _wajib(teks, pesan, field):
    if not (teks or "").strip():
        raise AksiGagal(pesan, field=field)


def staf_satker(satker_id):
    return pengguna_peran(satker_id, Peran.STAF).order_by("first_name", "username")


# --- Kepala Bagian: step 1 -------------------------------------------------------


def disposisi(
    user,
    satker,
    *,
    staf,
    jenis_konten,
    judul,
    petunjuk,
    nota_nomor,
    nota_tanggal,
    tanggal_rencana=None,
    ip=None,
) -> KontenMedsos:
    """The disposisi with its Nota Dinas names the Staf who makes the content."""
    if not punya_izin(user, "disposisi_konten", satker.pk):
        raise TidakBerwenang("Hanya Kepala Bagian satker ini yang memberi disposisi konten.")
    if jenis_konten not in JenisKonten.values:
        raise AksiGagal("Pilih jenis konten.", field="jenis_konten")
    _wajib(judul, "Judul konten wajib diisi.", "judul")
    _wajib(petunjuk, "Petunjuk disposisi wajib diisi.", "petunjuk")
    _wajib(nota_nomor, "Nomor Nota Dinas wajib diisi.", "nota_nomor")
    if nota_tanggal is None:
        raise AksiGagal("Tanggal Nota Dinas wajib diisi.", field="nota_tanggal")
    if not staf_satker(satker.pk).filter(pk=staf.pk).exists():
        raise AksiGagal("Disposisi harus ditujukan kepada Staf JDIH satker ini.", field="staf")
    with transaction.atomic():
        k = KontenMedsos.objects.create(
            satker=satker,
            diajukan_oleh=user,
            staf=staf,
            jenis_konten=jenis_konten,
            judul=judul.strip()[:255],
            petunjuk=petunjuk.strip(),
            nota_nomor=nota_nomor.strip()[:100],
            nota_tanggal=nota_tanggal,
            tanggal_rencana=tanggal_rencana,
        )
        catat(k, user, "disposisi", "", k.status, petunjuk, ip, k.status_sejak)
        beri_tahu(k)
    return k


# --- Staf: the concept --------------------------------------------------------------


def periksa_konsep(isi: dict) -> None:
    """The concept's own rules: platforms, caption limits, published products,
    a video link for a video, https links."""
    platform = list(isi.get("platform") or [])
    if not platform or set(platform) - PLATFORM:
        raise AksiGagal("Pilih paling sedikit satu platform tujuan.", field="platform")
    label = dict(Platform.choices)
    panjang = len(isi.get("caption") or "")
    for p in platform:
        if panjang > BATAS_CAPTION[p]:
            raise AksiGagal(
                f"Keterangan {panjang} karakter melebihi batas {label[p]} "
                f"({BATAS_CAPTION[p]} karakter).",
                field="caption",
            )
    produk = list(isi.get("produk") or [])
    if not produk:
        raise AksiGagal("Pilih produk hukum yang dijelaskan konten ini.", field="produk")
    if any(p.status_publikasi != StatusPublikasi.TERBIT for p in produk):
        raise AksiGagal(
            "Konten hanya boleh tentang produk hukum yang sedang terbit di JDIH.", field="produk"
        )
    video = (isi.get("video_url") or "").strip()
    if video and not video.startswith("https://"):
        raise AksiGagal("Tautan video harus diawali https://.", field="video_url")
    if isi.get("jenis_konten") == JenisKonten.VIDEO and not video:
        raise AksiGagal("Konten video memerlukan tautan video.", field="video_url")


def simpan_konsep(user, konten, *, isi: dict, catatan="", ip=None) -> RevisiKonten:
    """Keep the concept as a new revision (every save is kept)."""
    periksa_konsep(isi)
    hasil = {}

    def kerja(k):
        if not k.boleh_susun(user):
            raise TidakBerwenang("Konsep ini disusun oleh Staf yang ditugasi, pada tahapnya.")
        if any(p.satker_id != k.satker_id for p in isi["produk"]):
            raise AksiGagal("Produk hukum harus milik satker konten ini.", field="produk")
        gambar = list(isi.get("gambar") or [])
        if any(g.konten_id != k.pk for g in gambar):
            raise AksiGagal("Gambar bukan milik konten ini.", field="gambar")
        if not gambar and not (isi.get("video_url") or "").strip():
            raise AksiGagal("Tambahkan paling sedikit satu gambar atau tautan video.", "gambar")
        terakhir = k.revisi_terbaru()
        r = RevisiKonten.objects.create(
            konten=k,
            revisi=(terakhir.revisi if terakhir else 0) + 1,
            jenis_konten=isi["jenis_konten"],
            judul=isi["judul"].strip()[:255],
            caption=isi.get("caption") or "",
            tagar=(isi.get("tagar") or "").strip()[:500],
            video_url=(isi.get("video_url") or "").strip(),
            platform=sorted(isi["platform"]),
            tanggal_rencana=isi.get("tanggal_rencana"),
            catatan=catatan[:500],
            dibuat_oleh=user,
        )
        r.produk.set(isi["produk"])
        r.gambar.set(gambar)
        k.judul = r.judul
        k.jenis_konten = r.jenis_konten
        k.tanggal_rencana = r.tanggal_rencana
        k.save(update_fields=["judul", "jenis_konten", "tanggal_rencana"])
        hasil["r"] = r
        return f"Revisi {r.revisi}" + (f": {catatan}" if catatan else "")

    dalam_kunci(konten, user, "simpan-konsep", kerja, ip=ip)
    return hasil["r"]


def _simpan_gambar(k, user, data, nama_asli, kartu_produk=None, kartu_ukuran="") -> GambarKonten:
    info = periksa_gambar(data)
    g = GambarKonten(
        konten=k,
        nama_asli=(nama_asli or "").rsplit("/", 1)[-1][:255],
        format=info.format,
        lebar=info.lebar,
        tinggi=info.tinggi,
        ukuran=len(info.data),
        sha256=info.sha256,
        kartu_produk=kartu_produk,
        kartu_ukuran=kartu_ukuran,
        diunggah_oleh=user,
    )
    g.berkas.save(f"gambar.{info.ekstensi}", ContentFile(info.data), save=False)
    try:
        g.save()
    except Exception:
        g.berkas.storage.delete(g.berkas.name)
        raise
    return g


def tambah_gambar(user, konten, berkas, *, ip=None) -> GambarKonten:
    """An image checked by content (PNG/JPEG/WebP, bounded), EXIF stripped."""
    data = baca_gambar(berkas)  # refused by size before it is read
    hasil = {}

    def kerja(k):
        if not k.boleh_susun(user):
            raise TidakBerwenang("Gambar ditambahkan oleh Staf yang ditugasi, pada tahapnya.")
        hasil["g"] = _simpan_gambar(k, user, data, getattr(berkas, "name", ""))
        g = hasil["g"]
        return f"{g.nama_asli or 'gambar'} ({g.lebar}×{g.tinggi} {g.format})"

    dalam_kunci(konten, user, "unggah-gambar", kerja, ip=ip)
    return hasil["g"]


def buat_kartu(user, konten, produk: ProdukHukum, ukuran: str, *, ip=None) -> GambarKonten:
    """A share card the product draws itself from a published product."""
    from documents.kartu import UKURAN, gambar_kartu, isi_dari_produk

    if ukuran not in UKURAN:
        raise AksiGagal("Ukuran kartu tidak dikenal.", field="ukuran")
    if produk.status_publikasi != StatusPublikasi.TERBIT:
        raise AksiGagal("Kartu hanya dibuat dari produk hukum yang sedang terbit.")
    hasil = {}

    def kerja(k):
        if not k.boleh_susun(user):
            raise TidakBerwenang("Kartu dibuat oleh Staf yang ditugasi, pada tahapnya.")
        if produk.satker_id != k.satker_id:
            raise AksiGagal("Produk hukum ini bukan milik satker konten ini.")
        data, _ = gambar_kartu(isi_dari_produk(produk), ukuran)
        hasil["g"] = _simpan_gambar(
            k, user, data, f"kartu-{ukuran}-{produk.pk}.png", produk, ukuran
        )
        return f"Kartu {ukuran} dari {produk}"

    dalam_kunci(konten, user, "unggah-gambar", kerja, ip=ip)
    return hasil["g"]


def serahkan(user, konten, *, catatan="", ip=None, status_terlihat=None):
    return jalankan(
        konten, user, "serahkan", catatan=catatan, ip=ip, status_terlihat=status_terlihat
    )


# --- Kasubbag Hukum & SDM: koreksi / persetujuan ------------------------------------


def kembalikan(user, konten, *, catatan, ip=None, status_terlihat=None):
    _wajib(catatan, "Catatan koreksi wajib diisi.", "catatan")

    def sebelum(k):
        CatatanKoreksiKonten.objects.create(
            konten=k, putaran=k.putaran_koreksi + 1, catatan=catatan, oleh=user
        )

    return jalankan(
        konten,
        user,
        "kembalikan",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def setujui(user, konten, *, catatan="", ip=None, status_terlihat=None):
    return jalankan(
        konten, user, "setujui", catatan=catatan, ip=ip, status_terlihat=status_terlihat
    )


# --- Kepala Bagian: perintah pengunggahan -------------------------------------------


def perintahkan_unggah(
    user, konten, *, nota_nomor, nota_tanggal, catatan="", ip=None, status_terlihat=None
):
    _wajib(nota_nomor, "Nomor Nota Dinas perintah pengunggahan wajib diisi.", "nota_nomor")
    if nota_tanggal is None:
        raise AksiGagal("Tanggal Nota Dinas wajib diisi.", field="nota_tanggal")

    def sebelum(k):
        k.perintah_nomor = nota_nomor.strip()[:100]
        k.perintah_tanggal = nota_tanggal
        return f"Nota Dinas {k.perintah_nomor}" + (f": {catatan}" if catatan else "")

    return jalankan(
        konten,
        user,
        "perintahkan_unggah",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


# --- Staf: posting --------------------------------------------------------------------


def unggah(user, konten, *, tautan: dict, catatan="", ip=None, status_terlihat=None):
    """Record the post's link on every target platform; the content becomes
    public on /konten/ (documents.KontenTerbit)."""
    tautan = {p: (u or "").strip() for p, u in (tautan or {}).items() if (u or "").strip()}
    for p, u in tautan.items():
        salah = alasan_tautan_salah(p, u)
        if salah:
            raise AksiGagal(salah, field=f"tautan_{p}")

    def sebelum(k):
        r = k.revisi_terbaru()
        kurang = [p for p in r.platform if p not in tautan]
        if kurang:
            label = dict(Platform.choices)
            raise AksiGagal(
                "Catat tautan unggahan untuk setiap platform tujuan: "
                + ", ".join(label[p] for p in kurang)
                + "."
            )
        lebih = [p for p in tautan if p not in r.platform]
        if lebih:
            raise AksiGagal("Tautan dicatat untuk platform yang bukan tujuan konsep ini.")
        produk = list(r.produk.all())
        if any(p.status_publikasi != StatusPublikasi.TERBIT for p in produk):
            raise AksiGagal(
                "Salah satu produk hukum konten ini tidak lagi terbit; konten tidak diunggah."
            )
        for p, u in tautan.items():
            k.tautan.create(platform=p, url=u, dicatat_oleh=user)
        terbit = KontenTerbit(
            satker_id=k.satker_id,
            jenis=r.jenis_konten,
            judul=r.judul,
            caption=r.caption,
            tagar=r.tagar,
            video_url=r.video_url,
            tautan=tautan,
            diterbitkan_pada=timezone.now(),
        )
        gambar = r.gambar.order_by("id").first()
        if gambar is not None:
            if gambar.kartu_produk_id:
                terbit.kartu_produk_id = gambar.kartu_produk_id
                terbit.kartu_ukuran = gambar.kartu_ukuran
            terbit.sha256_gambar = gambar.sha256
            terbit.format_gambar = gambar.berkas.name.rsplit(".", 1)[-1]
            with gambar.berkas.open("rb") as f:
                terbit.gambar.save("gambar", ContentFile(f.read()), save=False)
        terbit.save()
        terbit.produk.set(produk)
        k.terbit = terbit
        return ", ".join(f"{dict(Platform.choices)[p]}: {u}" for p, u in sorted(tautan.items()))

    return jalankan(
        konten,
        user,
        "unggah",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def batalkan(user, konten, *, alasan, ip=None, status_terlihat=None):
    _wajib(alasan, "Alasan pembatalan wajib diisi.", "alasan")

    def sebelum(k):
        k.alasan_batal = alasan

    return jalankan(
        konten,
        user,
        "batalkan",
        catatan=alasan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )
