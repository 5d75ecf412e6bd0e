"""Sop 003's business actions, one function each.

Transitions run through the engine (workflow.mesin.jalankan: lock, check the
role in the Satker and the state, do the step's work, record, notify);
non-transition work (saving a draft, uploading a kelengkapan, recording a
receipt) runs under the same row lock with its own audit entry.
"""

from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from documents import pdf
from documents.berkas import buka_unggahan, sebagai_file, simpan_versi
from documents.models import ProdukHukum, StatusPublikasi
from documents.salinan import kaitkan_produk, terbitkan_salinan

from ..izin import punya_izin
from ..mesin import AksiGagal, StatusBerubah, TidakBerwenang, catat, dalam_kunci, jalankan
from ..notifikasi import beri_tahu
from . import penomoran
from .models import (
    CatatanPerbaikan,
    DraftSK,
    JenisKelengkapan,
    Kelengkapan,
    PenerimaSalinan,
    PenyusunanKeputusan,
    StatusPenyusunan,
    TemplatSK,
    VarianPenyusunan,
)
from .naskah import isi_templat

S = StatusPenyusunan
K = JenisKelengkapan

# Which kelengkapan each step records, and the permission that records it.
KELENGKAPAN_TAHAP = {
    S.PENYUSUNAN: ("susun_draft", [K.KAK, K.REGULASI]),
    S.PENYEMPURNAAN: ("ajukan_penyusunan", [K.NOTULENSI_RAPAT, K.REGULASI]),
    S.VERIFIKASI_PERSONIL: ("verifikasi_penyusunan", [K.KARTU_KENDALI]),
    S.PLENO: ("pleno_penyusunan", [K.BERITA_ACARA_PLENO, K.NOTULENSI_PLENO]),
    S.TANDA_TANGAN: ("tandatangani_penyusunan", [K.NASKAH_TTD]),
    S.SALINAN: ("administrasi_penyusunan", [K.NASKAH_ASLI]),
    S.DIGITALISASI: ("administrasi_penyusunan", [K.NASKAH_ASLI]),
}


def kelengkapan_boleh(user, p) -> list[str]:
    """The kelengkapan ``user`` may record on ``p`` now (may_* for pages)."""
    izin, jenis = KELENGKAPAN_TAHAP.get(p.status, (None, []))
    if izin and punya_izin(user, izin, p.satker_id):
        return list(jenis)
    return []


def _wajib(teks, pesan, field):
    if not (teks or "").strip():
        raise AksiGagal(pesan, field=field)


def _tanggal_lalu(tanggal, label, field):
    if tanggal is None:
        raise AksiGagal(f"{label} wajib diisi.", field=field)
    if tanggal > timezone.localdate():
        raise AksiGagal(f"{label} tidak boleh di masa depan.", field=field)


# --- drafting ----------------------------------------------------------------


def templat_untuk(satker_ids, varian=None):
    qs = TemplatSK.objects.filter(satker_id__in=satker_ids, aktif=True).select_related(
        "satker", "jenis"
    )
    if varian:
        qs = qs.filter(Q(varian=varian) | Q(varian__isnull=True))
    return qs


def mulai(
    user, satker, *, varian, templat, judul, pemrakarsa, divisi_terkait="", ip=None
) -> PenyusunanKeputusan:
    """Start a draft from one of the Satker's templates (step 1)."""
    if not punya_izin(user, "ajukan_penyusunan", satker.pk):
        raise TidakBerwenang("Anda tidak berwenang memulai penyusunan keputusan di satker ini.")
    if varian not in VarianPenyusunan.values:
        raise AksiGagal("Pilih varian penyusunan.", field="varian")
    if templat.satker_id != satker.pk or not templat.aktif:
        raise AksiGagal("Templat SK tidak tersedia untuk satker ini.", field="templat")
    if templat.varian and templat.varian != varian:
        raise AksiGagal("Templat ini untuk varian yang lain.", field="templat")
    _wajib(judul, "Judul (tentang) wajib diisi.", "judul")
    _wajib(pemrakarsa, "Pemrakarsa wajib diisi.", "pemrakarsa")
    nilai = {
        "judul": judul.strip(),
        "tahun": str(timezone.localdate().year),
        "satker": satker.nama_badan,
        "tempat": satker.tempat,
    }
    with transaction.atomic():
        p = PenyusunanKeputusan.objects.create(
            satker=satker,
            varian=varian,
            jenis=templat.jenis,
            judul=judul.strip(),
            pemrakarsa=pemrakarsa.strip(),
            divisi_terkait=divisi_terkait.strip(),
            templat=templat,
            diajukan_oleh=user,
        )
        DraftSK.objects.create(
            penyusunan=p,
            revisi=1,
            judul=isi_templat(templat.judul or "{judul}", nilai),
            menimbang=isi_templat(templat.menimbang, nilai),
            mengingat=isi_templat(templat.mengingat, nilai),
            memutuskan=isi_templat(templat.memutuskan, nilai),
            lampiran=isi_templat(templat.lampiran, nilai),
            catatan=f"Dari templat “{templat.nama}”",
            tahap=p.status,
            dibuat_oleh=user,
        )
        catat(p, user, "mulai", "", p.status, f"Templat: {templat.nama}", ip, p.status_sejak)
        beri_tahu(p)
    return p


def simpan_draft(user, penyusunan, *, isi: dict, catatan="", ip=None) -> DraftSK:
    """Keep the edited text as a new revision (every save is kept). An
    unchanged text makes no revision."""
    _wajib(isi.get("judul"), "Judul (tentang) wajib diisi.", "judul")
    hasil = {}

    def kerja(p):
        if not p.boleh_ubah_draft(user):
            raise TidakBerwenang("Draft tidak dapat diubah oleh Anda pada tahap ini.")
        terakhir = p.draft_terbaru()
        baru = {b: (isi.get(b) or "").replace("\r\n", "\n") for b in DraftSK.BIDANG}
        if terakhir is not None and terakhir.isi() == baru:
            raise AksiGagal("Tidak ada perubahan sejak revisi terakhir; tidak ada yang disimpan.")
        hasil["draft"] = DraftSK.objects.create(
            penyusunan=p,
            revisi=(terakhir.revisi if terakhir else 0) + 1,
            catatan=catatan[:500],
            tahap=p.status,
            dibuat_oleh=user,
            **baru,
        )
        p.judul = baru["judul"]
        p.save(update_fields=["judul"])
        return f"Revisi {hasil['draft'].revisi}" + (f": {catatan}" if catatan else "")

    dalam_kunci(penyusunan, user, "simpan-draft", kerja, ip=ip)
    return hasil["draft"]


def _simpan_pdf(p, user, jenis, berkas, keterangan=""):
    isi = buka_unggahan(berkas)  # checked where it lies, never read whole
    info = pdf.periksa_berkas_pdf(isi)  # the catalogue's intake errors; nothing stored before
    k = Kelengkapan(
        penyusunan=p,
        jenis=jenis,
        nama_asli=(getattr(berkas, "name", "") or "").rsplit("/", 1)[-1][:255],
        sha256=info.sha256,
        ukuran=info.ukuran,
        jumlah_halaman=info.jumlah_halaman,
        tahap=p.status,
        keterangan=keterangan[:500],
        diunggah_oleh=user,
    )
    k.berkas.save("kelengkapan.pdf", sebagai_file(isi, "kelengkapan.pdf"), save=False)
    try:
        k.save()
    except Exception:
        k.berkas.storage.delete(k.berkas.name)
        raise
    return k


def unggah_kelengkapan(user, penyusunan, jenis, berkas, *, keterangan="", ip=None) -> Kelengkapan:
    """Record one kelengkapan of the current step (a checked PDF)."""
    hasil = {}

    def kerja(p):
        if jenis not in kelengkapan_boleh(user, p):
            raise TidakBerwenang("Kelengkapan ini tidak dapat Anda unggah pada tahap ini.")
        hasil["k"] = _simpan_pdf(p, user, jenis, berkas, keterangan)
        return f"{hasil['k'].get_jenis_display()}: {hasil['k'].nama_asli}"

    dalam_kunci(penyusunan, user, "unggah-kelengkapan", kerja, ip=ip)
    return hasil["k"]


# --- steps ---------------------------------------------------------------------


def _langkah(aksi):
    """A step with nothing to do beyond the transition and its optional note."""

    def fungsi(user, penyusunan, *, catatan="", ip=None, status_terlihat=None):
        return jalankan(
            penyusunan, user, aksi, catatan=catatan, ip=ip, status_terlihat=status_terlihat
        )

    fungsi.__name__ = aksi
    return fungsi


ajukan = _langkah("ajukan")
teruskan_draft = _langkah("teruskan_draft")
verifikasi_personil = _langkah("verifikasi_personil")
ajukan_pleno = _langkah("ajukan_pleno")
paraf = _langkah("paraf")
selesaikan_distribusi = _langkah("selesaikan_distribusi")


def _jalankan_kembali(penyusunan, user, aksi, catatan, ip, status_terlihat):
    """A send-back: the notes are kept per round (the transition moves the counter)."""

    def sebelum(p):
        CatatanPerbaikan.objects.create(
            penyusunan=p,
            tahap=p.status,
            putaran=p.putaran_perbaikan + 1,
            catatan=catatan,
            oleh=user,
        )

    return jalankan(
        penyusunan,
        user,
        aksi,
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def kembalikan(user, penyusunan, *, catatan, ip=None, status_terlihat=None):
    """Verifikasi: saran perbaikan, back to the drafters."""
    _wajib(catatan, "Saran perbaikan wajib diisi.", "catatan")
    return _jalankan_kembali(penyusunan, user, "kembalikan", catatan, ip, status_terlihat)


def kembalikan_paraf(user, penyusunan, *, catatan, ip=None, status_terlihat=None):
    _wajib(catatan, "Catatan untuk sinkronisasi wajib diisi.", "catatan")
    return _jalankan_kembali(penyusunan, user, "kembalikan_paraf", catatan, ip, status_terlihat)


def tetapkan_pleno(user, penyusunan, *, tanggal_pleno, catatan="", ip=None, status_terlihat=None):
    """The Ketua records the pleno's decision: the SK is set (SK final)."""
    _tanggal_lalu(tanggal_pleno, "Tanggal pleno", "tanggal_pleno")

    def sebelum(p):
        p.tanggal_pleno = tanggal_pleno
        return f"Pleno {tanggal_pleno:%d-%m-%Y}" + (f": {catatan}" if catatan else "")

    return jalankan(
        penyusunan,
        user,
        "tetapkan_pleno",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def kembalikan_pleno(user, penyusunan, *, tanggal_pleno, catatan, ip=None, status_terlihat=None):
    """The pleno sends the draft back with catatan perbaikan (a new round)."""
    _tanggal_lalu(tanggal_pleno, "Tanggal pleno", "tanggal_pleno")
    _wajib(catatan, "Catatan perbaikan pleno wajib diisi.", "catatan")

    def sebelum(p):
        p.tanggal_pleno = tanggal_pleno
        CatatanPerbaikan.objects.create(
            penyusunan=p, tahap=p.status, putaran=p.putaran_pleno + 1, catatan=catatan, oleh=user
        )

    return jalankan(
        penyusunan,
        user,
        "kembalikan_pleno",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def sinkronkan(user, penyusunan, *, catatan="", ip=None, status_terlihat=None):
    """The newest revision becomes the SK final that goes to signature."""

    def sebelum(p):
        p.draft_final = p.draft_terbaru()
        return f"SK final: revisi {p.draft_final.revisi}" + (f". {catatan}" if catatan else "")

    return jalankan(
        penyusunan,
        user,
        "sinkronkan",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def tandatangani(
    user,
    penyusunan,
    *,
    tanggal_penetapan,
    penandatangan="",
    catatan="",
    ip=None,
    status_terlihat=None,
):
    _tanggal_lalu(tanggal_penetapan, "Tanggal penetapan", "tanggal_penetapan")

    def sebelum(p):
        p.tanggal_penetapan = tanggal_penetapan
        p.penandatangan = (penandatangan or user.get_full_name() or user.username).strip()
        return f"Ditetapkan {tanggal_penetapan:%d-%m-%Y} oleh {p.penandatangan}"

    return jalankan(
        penyusunan,
        user,
        "tandatangani",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def beri_nomor(user, penyusunan, *, catatan="", ip=None, status_terlihat=None):
    """Take the next number of the buku agenda (never twice for one SK)."""

    def sebelum(p):
        p.nomor = penomoran.ambil_nomor(p, user)
        return f"Nomor {p.nomor.nomor} (buku agenda urut {p.nomor.urut})"

    return jalankan(
        penyusunan,
        user,
        "beri_nomor",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def naskah_sumber(p) -> Kelengkapan | None:
    """The signed original the copies and the archive are made from: the
    numbered scan when one was recorded, else the signed scan."""
    return (
        p.kelengkapan.filter(jenis=K.NASKAH_ASLI).order_by("-diunggah_pada", "-id").first()
        or p.kelengkapan.filter(jenis=K.NASKAH_TTD).order_by("-diunggah_pada", "-id").first()
    )


def buat_salinan(
    user, penyusunan, *, nama_pejabat, nip, jabatan, catatan="", ip=None, status_terlihat=None
):
    """Stamp the signed original as a certified copy with its QR code."""
    _wajib(nama_pejabat, "Nama pejabat yang mengesahkan wajib diisi.", "nama_pejabat")
    _wajib(jabatan, "Jabatan pejabat wajib diisi.", "jabatan")
    nip = (nip or "").replace(" ", "")
    if not (nip.isdigit() and len(nip) == 18):
        raise AksiGagal("NIP terdiri atas 18 angka.", field="nip")

    def sebelum(p):
        sumber = naskah_sumber(p)
        if sumber is None:
            raise AksiGagal("Belum ada pindaian naskah bertanda tangan untuk disalin.")
        with sumber.berkas.open("rb") as f:
            data = f.read()
        judul = p.draft_final.judul if p.draft_final_id else p.judul
        try:
            p.salinan = terbitkan_salinan(
                satker=p.satker,
                data_asli=data,
                nomor=p.nomor.nomor if p.nomor_id else "",
                judul=judul,
                nama_pejabat=nama_pejabat.strip(),
                nip=nip,
                jabatan=jabatan.strip(),
                oleh=user,
            )
        except pdf.BerkasTidakValid as exc:
            raise AksiGagal(exc.messages[0]) from exc
        return f"Salinan {p.salinan.jumlah_halaman} halaman, kode {p.salinan.kode}"

    return jalankan(
        penyusunan,
        user,
        "buat_salinan",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


# --- distribution (buku ekspedisi) ---------------------------------------------


def _cek_distribusi(user, p):
    if p.boleh_distribusi(user):
        return
    if punya_izin(user, "administrasi_penyusunan", p.satker_id):
        raise StatusBerubah(
            f"Distribusi salinan tidak dapat dicatat pada tahap “{p.get_status_display()}”."
        )
    raise TidakBerwenang("Distribusi salinan tidak dapat Anda catat.")


def tambah_penerima(user, penyusunan, *, nama, jenis, alamat="", ip=None) -> PenerimaSalinan:
    _wajib(nama, "Nama penerima wajib diisi.", "nama")
    alamat = alamat or ""
    if len(nama.strip()) > 255:
        raise AksiGagal("Nama penerima paling banyak 255 karakter.", field="nama")
    if len(alamat.strip()) > 500:
        raise AksiGagal("Alamat/keterangan paling banyak 500 karakter.", field="alamat")
    if jenis not in PenerimaSalinan.JenisPenerima.values:
        raise AksiGagal("Pilih jenis penerima.", field="jenis")
    hasil = {}

    def kerja(p):
        _cek_distribusi(user, p)
        if p.status != S.DISTRIBUSI:
            raise AksiGagal("Penerima hanya dapat ditambah pada tahap distribusi.")
        hasil["r"] = PenerimaSalinan.objects.create(
            penyusunan=p, nama=nama.strip(), jenis=jenis, alamat=alamat.strip(), dicatat_oleh=user
        )
        return nama

    dalam_kunci(penyusunan, user, "tambah-penerima", kerja, ip=ip)
    return hasil["r"]


def kirim_salinan(user, penyusunan, *, ip=None) -> int:
    """Record that the copies went out to every recipient not yet sent."""
    hasil = {}

    def kerja(p):
        _cek_distribusi(user, p)
        belum = p.penerima_salinan.filter(dikirim_pada__isnull=True)
        hasil["n"] = belum.update(dikirim_pada=timezone.now())
        if not hasil["n"]:
            raise AksiGagal("Tidak ada penerima yang belum dikirimi salinan.")
        return f"{hasil['n']} penerima"

    dalam_kunci(penyusunan, user, "kirim-salinan", kerja, ip=ip)
    return hasil["n"]


def catat_tanda_terima(
    user, penyusunan, penerima, *, diterima_oleh, diterima_pada, bukti=None, ip=None
) -> PenerimaSalinan:
    """A signed receipt (paraf tanda terima), optionally with its scan."""
    _wajib(diterima_oleh, "Nama yang menerima wajib diisi.", "diterima_oleh")
    if diterima_pada is None or diterima_pada > timezone.now():
        raise AksiGagal("Waktu diterima wajib diisi dan tidak di masa depan.", "diterima_pada")
    data = None
    if bukti:
        data = buka_unggahan(bukti)
        pdf.periksa_berkas_pdf(data)

    def kerja(p):
        _cek_distribusi(user, p)
        r = PenerimaSalinan.objects.select_for_update().filter(pk=penerima.pk, penyusunan=p).first()
        if r is None:
            raise AksiGagal("Penerima ini tidak tercatat pada penyusunan ini.")
        if r.dikirim_pada is None:
            raise AksiGagal("Salinan belum dikirim kepada penerima ini.")
        # The form gives whole minutes: a copy signed for on the spot is "the same minute".
        if diterima_pada < r.dikirim_pada.replace(second=0, microsecond=0):
            raise AksiGagal("Waktu diterima tidak boleh sebelum salinan dikirim.", "diterima_pada")
        sebelumnya = ""
        if r.diterima_pada:
            waktu = timezone.localtime(r.diterima_pada)
            sebelumnya = f" (menggantikan: {r.diterima_oleh}, {waktu:%d-%m-%Y %H:%M})"
        r.diterima_oleh = diterima_oleh.strip()[:255]
        r.diterima_pada = diterima_pada
        if data is not None:
            r.bukti.save("tanda-terima.pdf", sebagai_file(data, "tanda-terima.pdf"), save=False)
        try:
            r.save()
        except Exception:
            if data is not None:
                r.bukti.storage.delete(r.bukti.name)
            raise
        penerima.__dict__.update(r.__dict__)
        return f"{r.nama}: diterima {r.diterima_oleh}{sebelumnya}"

    dalam_kunci(penyusunan, user, "tanda-terima", kerja, ip=ip)
    return penerima


# --- digitalisation: hand over to publishing -------------------------------------


def digitalisasi(
    user, penyusunan, *, lokasi_arsip, berkas=None, catatan="", ip=None, status_terlihat=None
):
    """Store the scan of the original, create the ProdukHukum with what is
    already known and open its upload request (DESIGN §4) — no retyping."""
    _wajib(
        lokasi_arsip, "Lokasi penyimpanan naskah asli (arsip manual) wajib diisi.", "lokasi_arsip"
    )
    from ..layanan import buka_permohonan_unggah

    def sebelum(p):
        if berkas is not None:
            sumber = _simpan_pdf(p, user, K.NASKAH_ASLI, berkas, "Digitalisasi")
        else:
            sumber = naskah_sumber(p)
        if sumber is None:
            raise AksiGagal("Unggah pindaian naskah asli lebih dahulu.", field="berkas")
        final = p.draft_final or p.draft_terbaru()
        try:
            with transaction.atomic():
                produk = ProdukHukum.objects.create(
                    satker=p.satker,
                    jenis=p.jenis,
                    nomor=p.nomor.nomor,
                    tahun=p.nomor.register.tahun,
                    judul=final.judul,
                    tanggal_penetapan=p.tanggal_penetapan,
                    penandatangan=p.penandatangan,
                    pemrakarsa=p.pemrakarsa,
                    lokasi=lokasi_arsip.strip(),
                    status_publikasi=StatusPublikasi.DRAF,
                )
        except IntegrityError as exc:
            raise AksiGagal(
                "Produk hukum dengan satker, jenis, nomor, dan tahun ini sudah ada di katalog."
            ) from exc
        with sumber.berkas.open("rb") as f:
            try:
                versi = simpan_versi(
                    produk, File(f, name=sumber.nama_asli or "naskah.pdf"), oleh=user
                )
            except pdf.BerkasTidakValid as exc:
                raise AksiGagal(exc.messages[0], field="berkas") from exc
        if p.salinan_id:
            kaitkan_produk(p.salinan, produk, versi)
        p.produk = produk
        p.lokasi_arsip = lokasi_arsip.strip()
        p.permohonan = buka_permohonan_unggah(
            user,
            produk,
            versi,
            nota={
                "nomor": f"PK-{p.pk}/{p.nomor.nomor}"[:100],
                "tanggal": timezone.localdate(),
                "perihal": f"Permohonan pengunggahan {produk}"[:255],
                "dari": "Subbagian Hukum (penyusunan keputusan)",
                "kepada": "Kasubbag Hukum dan SDM",
            },
            ip=ip,
            aksi="ajukan-dari-penyusunan",
        )
        return f"Produk hukum dibuat; permohonan pengunggahan #{p.permohonan.pk} dibuka"

    return jalankan(
        penyusunan,
        user,
        "digitalisasi",
        catatan=catatan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )


def batalkan(user, penyusunan, *, alasan, ip=None, status_terlihat=None):
    """Cancel the whole drafting; a number already taken stays in the buku
    agenda, marked cancelled."""
    _wajib(alasan, "Alasan pembatalan wajib diisi.", "alasan")

    def sebelum(p):
        p.alasan_batal = alasan
        if p.nomor_id:
            penomoran.batalkan_nomor(p.nomor, alasan)

    return jalankan(
        penyusunan,
        user,
        "batalkan",
        catatan=alasan,
        ip=ip,
        status_terlihat=status_terlihat,
        sebelum=sebelum,
    )
