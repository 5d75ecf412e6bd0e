"""The shapes the API answers with. They are the schema's components too
(drf-spectacular reads them), so every field carries its Indonesian
description here, once."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from documents import abstrak_pdf, kosakata
from documents.models import LABEL_KEBALIKAN, JenisRelasi, Satker, StatusBerlaku, TipeDokumen
from documents.tipe import bidang_untuk
from publicsite import nama_berkas


def _alamat(serializer):
    return serializer.context["alamat"]


class SatkerRingkasSerializer(serializers.Serializer):
    slug = serializers.CharField(
        help_text="Pengenal satker di alamat portal, mis. `kotawaringin-timur`."
    )
    nama = serializers.CharField(help_text="Nama satker.")
    url_halaman = serializers.SerializerMethodField(
        help_text="Halaman JDIH satker di portal publik."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url_halaman(self, satker):
        return _alamat(self)("satker", satker=satker.slug)


class JenisRingkasSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="ID jenis; dipakai pada parameter `jenis`.")
    nama = serializers.CharField(help_text="Nama jenis produk hukum.")
    singkatan = serializers.CharField(help_text="Singkatan jenis, mis. `PKPU`.")


class ProdukRingkasSerializer(serializers.Serializer):
    """A product as listed: identity, dates, status and where to read more."""

    id = serializers.IntegerField(help_text="ID produk hukum.")
    url = serializers.SerializerMethodField(help_text="Alamat rincian produk ini di API.")
    url_halaman = serializers.SerializerMethodField(
        help_text="Halaman produk di portal publik JDIH."
    )
    satker = SatkerRingkasSerializer(help_text="Satker yang menetapkan.")
    jenis = JenisRingkasSerializer(help_text="Jenis produk hukum.")
    tipe_dokumen = serializers.ChoiceField(
        choices=TipeDokumen.choices, help_text="Tipe dokumen menurut standar JDIHN."
    )
    nomor = serializers.CharField(help_text="Nomor produk hukum.")
    tahun = serializers.IntegerField(help_text="Tahun produk hukum.")
    judul = serializers.CharField(help_text="Judul (tentang ...).")
    tanggal_penetapan = serializers.DateField(
        allow_null=True, help_text="Tanggal penetapan (kosong bila tidak tercatat)."
    )
    tanggal_pengundangan = serializers.DateField(
        allow_null=True, help_text="Tanggal pengundangan (kosong bila tidak diundangkan)."
    )
    status = serializers.ChoiceField(
        choices=StatusBerlaku.choices, help_text="Status berlaku: `berlaku` atau `tidak-berlaku`."
    )
    keterangan_status = serializers.CharField(
        help_text='Keterangan status, mis. "Dicabut dengan ..."; kosong bila tidak ada.'
    )
    bidang_hukum = serializers.CharField(help_text="Bidang hukum; kosong bila tidak diisi.")
    subjek = serializers.SerializerMethodField(help_text="Subjek (kata kunci) produk.")
    diterbitkan_pada = serializers.DateTimeField(
        allow_null=True, help_text="Waktu produk pertama kali terbit di JDIH."
    )
    diperbarui_pada = serializers.DateTimeField(
        source="diubah_pada",
        help_text="Waktu terakhir metadata, berkas, atau relasi produk berubah.",
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, produk):
        return _alamat(self)("api_produk", pk=produk.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url_halaman(self, produk):
        return _alamat(self).produk("detail", produk)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_subjek(self, produk):
        return kosakata.pisah_subjek(produk.subjek)


class AbstrakSerializer(serializers.Serializer):
    pokok_isi = serializers.ListField(
        child=serializers.CharField(), help_text="Butir pokok isi, satu per butir."
    )
    dasar_hukum = serializers.ListField(
        child=serializers.CharField(), help_text="Peraturan yang menjadi dasar hukum."
    )
    catatan = serializers.ListField(
        child=serializers.CharField(), help_text="Catatan, mis. mulai berlaku, lampiran."
    )
    url_pdf = serializers.URLField(
        allow_null=True, help_text="Lembar abstrak (PDF); kosong bila abstrak belum ditulis."
    )


class BidangTipeSerializer(serializers.Serializer):
    """Only the fields of the product's own type (documents.tipe) are sent."""

    penulis = serializers.CharField(
        required=False, help_text="Penulis/pengarang (monografi, artikel)."
    )
    nomor_panggil = serializers.CharField(required=False, help_text="Nomor panggil (monografi).")
    isbn = serializers.CharField(required=False, help_text="ISBN (monografi).")
    penerbit = serializers.CharField(required=False, help_text="Penerbit (monografi).")
    tempat_terbit = serializers.CharField(required=False, help_text="Tempat terbit (monografi).")
    deskripsi_fisik = serializers.CharField(
        required=False, help_text='Deskripsi fisik, mis. "xii, 240 hlm.; 21 cm" (monografi).'
    )
    nomor_induk_buku = serializers.CharField(
        required=False, help_text="Nomor induk buku (monografi)."
    )
    eksemplar = serializers.IntegerField(
        required=False, allow_null=True, help_text="Jumlah eksemplar (monografi)."
    )
    jurnal = serializers.CharField(required=False, help_text="Sumber: jurnal/majalah (artikel).")
    volume = serializers.CharField(required=False, help_text="Volume/nomor terbitan (artikel).")
    halaman = serializers.CharField(required=False, help_text="Halaman, mis. 45-67 (artikel).")
    lembaga_peradilan = serializers.CharField(
        required=False, help_text="Lembaga peradilan (putusan)."
    )
    nomor_perkara = serializers.CharField(required=False, help_text="Nomor perkara (putusan).")
    pemohon = serializers.CharField(required=False, help_text="Pemohon/penggugat (putusan).")
    termohon = serializers.CharField(required=False, help_text="Termohon/tergugat (putusan).")
    amar = serializers.CharField(required=False, help_text="Amar putusan, teks polos (putusan).")
    berkekuatan_hukum_tetap = serializers.BooleanField(
        required=False, allow_null=True, help_text="Sudah berkekuatan hukum tetap (putusan)."
    )

    def to_representation(self, produk):
        milik = bidang_untuk(produk.tipe_dokumen)
        return {nama: getattr(produk, nama) for nama in self.fields if nama in milik}


class NaskahSerializer(serializers.Serializer):
    nomor_versi = serializers.IntegerField(help_text="Nomor versi yang berlaku sekarang.")
    jumlah_halaman = serializers.IntegerField(help_text="Jumlah halaman PDF.")
    ukuran = serializers.IntegerField(help_text="Ukuran berkas PDF dalam bita.")
    diterbitkan_pada = serializers.DateTimeField(help_text="Waktu versi ini terbit.")
    url_unduh = serializers.URLField(help_text="Unduh PDF naskah (versi yang berlaku).")


class NaskahProdukSerializer(NaskahSerializer):
    """The naskah readers get now (context ``versi_sekarang``, which is
    ProdukHukum.versi_terbit), or None: no published file to download."""

    def to_representation(self, produk):
        versi = self.context["versi_sekarang"]
        if versi is None or not versi.berkas:
            return None
        alamat = _alamat(self).produk("unduh", produk)
        return super().to_representation({**_versi_dasar(versi), "url_unduh": alamat})


class VersiSerializer(serializers.Serializer):
    nomor_versi = serializers.IntegerField(help_text="Nomor versi (1 = unggahan pertama).")
    diterbitkan_pada = serializers.DateTimeField(help_text="Waktu versi ini terbit.")
    keterangan_perbaikan = serializers.CharField(
        help_text="Apa yang diperbaiki pada versi ini; kosong untuk versi pertama."
    )
    jumlah_halaman = serializers.IntegerField(help_text="Jumlah halaman PDF.")
    ukuran = serializers.IntegerField(help_text="Ukuran berkas PDF dalam bita.")
    berlaku_sekarang = serializers.BooleanField(
        help_text="Benar untuk versi yang dibaca publik sekarang (versi terbit terbaru)."
    )
    url_unduh = serializers.URLField(allow_null=True, help_text="Unduh PDF versi ini.")


class LampiranSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="ID lampiran.")
    urutan = serializers.IntegerField(help_text="Urutan lampiran (Lampiran 1, 2, ...).")
    judul = serializers.CharField(help_text="Judul lampiran.")
    nomor_versi = serializers.IntegerField(help_text="Versi berkas lampiran yang terbit.")
    diterbitkan_pada = serializers.DateTimeField(help_text="Waktu versi lampiran ini terbit.")
    keterangan_perbaikan = serializers.CharField(
        help_text="Apa yang diperbaiki (hanya bila versi lampiran lebih dari 1)."
    )
    jumlah_halaman = serializers.IntegerField(help_text="Jumlah halaman PDF.")
    ukuran = serializers.IntegerField(help_text="Ukuran berkas PDF dalam bita.")
    url_unduh = serializers.URLField(help_text="Unduh PDF lampiran.")


class RelasiSerializer(serializers.Serializer):
    hubungan = serializers.ChoiceField(
        choices=JenisRelasi.choices,
        help_text=(
            "Jenis relasi sebagaimana dicatat: produk sumber mengubah/mencabut/"
            "melaksanakan produk target."
        ),
    )
    arah = serializers.ChoiceField(
        choices=[("keluar", "keluar"), ("masuk", "masuk")],
        help_text=(
            "`keluar`: produk ini yang mengubah/mencabut/melaksanakan produk lain; "
            "`masuk`: produk lain yang mengubah/mencabut/melaksanakan produk ini."
        ),
    )
    label = serializers.CharField(
        help_text='Label untuk dibaca dari sisi produk ini, mis. "Mencabut" atau "Dicabut dengan".'
    )
    keterangan = serializers.CharField(help_text="Keterangan relasi; kosong bila tidak ada.")
    produk = ProdukRingkasSerializer(help_text="Produk hukum di ujung lain relasi (selalu terbit).")


class TautanProdukSerializer(serializers.Serializer):
    relasi = serializers.URLField(help_text="Relasi produk ini di API.")
    versi = serializers.URLField(help_text="Riwayat versi produk ini di API.")
    lampiran = serializers.URLField(help_text="Lampiran produk ini di API.")


class ProdukDetailSerializer(ProdukRingkasSerializer):
    teu_badan = serializers.CharField(help_text="Tajuk Entri Utama badan.")
    tempat_penetapan = serializers.CharField(help_text="Tempat penetapan.")
    sumber = serializers.CharField(help_text="Sumber (mis. Berita Negara); kosong bila tidak ada.")
    bahasa = serializers.CharField(help_text="Bahasa naskah.")
    lokasi = serializers.CharField(help_text="Tempat naskah asli (kertas) disimpan.")
    penandatangan = serializers.CharField(help_text="Penandatangan.")
    pemrakarsa = serializers.CharField(help_text="Pemrakarsa.")
    abstrak = serializers.SerializerMethodField(help_text="Abstrak terstruktur.")
    bidang_tipe = serializers.SerializerMethodField(
        help_text=(
            "Isian khusus tipe dokumen: monografi, artikel, atau putusan. Hanya isian "
            "milik tipe produk ini yang dikirim; kosong ({}) untuk peraturan."
        )
    )
    naskah = NaskahProdukSerializer(
        source="*",
        allow_null=True,
        help_text="Berkas naskah yang berlaku sekarang; kosong bila belum ada berkas terbit.",
    )
    relasi = serializers.SerializerMethodField(help_text="Relasi dua arah dengan produk terbit.")
    versi = serializers.SerializerMethodField(help_text="Versi terbit, terbaru lebih dulu.")
    lampiran = serializers.SerializerMethodField(help_text="Lampiran yang terbit.")
    tautan = serializers.SerializerMethodField(help_text="Alamat sub-sumber daya produk ini.")

    @extend_schema_field(AbstrakSerializer)
    def get_abstrak(self, produk):
        url_pdf = None
        if nama_berkas.ada_abstrak(produk):
            url_pdf = _alamat(self).produk("abstrak", produk, berkas=nama_berkas.abstrak(produk))
        return {
            "pokok_isi": abstrak_pdf.baris(produk.abstrak),
            "dasar_hukum": abstrak_pdf.baris(produk.abstrak_dasar_hukum),
            "catatan": abstrak_pdf.baris(produk.abstrak_catatan),
            "url_pdf": url_pdf,
        }

    @extend_schema_field(BidangTipeSerializer)
    def get_bidang_tipe(self, produk):
        return BidangTipeSerializer().to_representation(produk)

    @extend_schema_field(RelasiSerializer(many=True))
    def get_relasi(self, produk):
        return data_relasi(self.context["relasi"], self.context)

    @extend_schema_field(VersiSerializer(many=True))
    def get_versi(self, produk):
        return data_versi(produk, self.context["versi"], self.context)

    @extend_schema_field(LampiranSerializer(many=True))
    def get_lampiran(self, produk):
        return data_lampiran(produk, self.context["lampiran"], self.context)

    @extend_schema_field(TautanProdukSerializer)
    def get_tautan(self, produk):
        a = _alamat(self)
        return {
            "relasi": a("api_relasi", pk=produk.pk),
            "versi": a("api_versi", pk=produk.pk),
            "lampiran": a("api_lampiran", pk=produk.pk),
        }


def _versi_dasar(versi) -> dict:
    return {
        "nomor_versi": versi.nomor_versi,
        "jumlah_halaman": versi.jumlah_halaman,
        "ukuran": versi.ukuran,
        "diterbitkan_pada": versi.diterbitkan_pada,
    }


def data_relasi(daftar, context) -> list:
    hasil = []
    for r, arah, lain in daftar:
        label = r.get_jenis_display() if arah == "keluar" else LABEL_KEBALIKAN[r.jenis]
        hasil.append(
            {
                "hubungan": r.jenis,
                "arah": arah,
                "label": label,
                "keterangan": r.keterangan,
                "produk": lain,
            }
        )
    return RelasiSerializer(hasil, many=True, context=context).data


def data_versi(produk, daftar, context) -> list:
    """``daftar``: the published versions; the one readers get now is
    ``context["versi_sekarang"]`` (ProdukHukum.versi_terbit)."""
    sekarang = context["versi_sekarang"]
    a = context["alamat"]
    hasil = []
    for v in daftar:
        hasil.append(
            {
                **_versi_dasar(v),
                "keterangan_perbaikan": v.keterangan_perbaikan,
                "berlaku_sekarang": sekarang is not None and v.pk == sekarang.pk,
                "url_unduh": (
                    a.produk("unduh_versi", produk, nomor_versi=v.nomor_versi) if v.berkas else None
                ),
            }
        )
    return VersiSerializer(hasil, many=True).data


def data_lampiran(produk, daftar, context) -> list:
    a = context["alamat"]
    hasil = []
    for lampiran, v in daftar:
        hasil.append(
            {
                "id": lampiran.pk,
                "urutan": lampiran.urutan,
                "judul": lampiran.judul,
                **_versi_dasar(v),
                # The detail page shows it only from the second version on.
                "keterangan_perbaikan": v.keterangan_perbaikan if v.nomor_versi > 1 else "",
                "url_unduh": a.produk(
                    "lampiran", produk, lampiran=lampiran.pk, berkas=lampiran.nama_berkas
                ),
            }
        )
    return LampiranSerializer(hasil, many=True).data


class SatkerSerializer(SatkerRingkasSerializer):
    tingkat = serializers.ChoiceField(
        choices=Satker.Tingkat.choices, help_text="Tingkat: pusat, provinsi, atau kabupaten-kota."
    )
    induk = serializers.CharField(
        source="induk.slug", allow_null=True, help_text="Slug satker induk; kosong untuk KPU RI."
    )
    teu_badan = serializers.CharField(help_text="Tajuk Entri Utama badan.")
    jumlah_produk = serializers.IntegerField(help_text="Jumlah produk hukum terbit.")


class JenisSerializer(JenisRingkasSerializer):
    tipe_dokumen = serializers.ChoiceField(
        choices=TipeDokumen.choices, help_text="Tipe dokumen jenis ini."
    )
    jumlah_produk = serializers.IntegerField(help_text="Jumlah produk hukum terbit jenis ini.")
