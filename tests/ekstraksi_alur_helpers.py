"""Seams for the workflow side of issue 14: the extractor is a setting
(JDIH_EKSTRAKSI, a dotted path), so a test can put in its place a function of
the same signature that returns proposals the test chose, or one that
crashes. Everything else (processing, storage, pages) stays real."""

from datetime import date

from ekstraksi.usulan import Bidang, Usulan, UsulanRelasi

_usulan: list[Usulan] = []


def ekstrak_tetap(teks, *, satker=None) -> Usulan:
    """The proposals set by the test (``usulan_tetap``), whatever the text."""
    return _usulan[-1] if _usulan else Usulan()


def ekstrak_rusak(teks, *, satker=None) -> Usulan:
    raise RuntimeError("ekstraktor rusak (uji)")


def pasang_ekstraktor_tetap(settings):
    """Swap in ``ekstrak_tetap`` (for a fixture, with pytest-django's
    ``settings``); returns a setter for the proposals it gives."""
    settings.JDIH_EKSTRAKSI = "tests.ekstraksi_alur_helpers.ekstrak_tetap"
    _usulan.clear()

    def setel(usulan: Usulan) -> Usulan:
        _usulan.append(usulan)
        return usulan

    return setel


def usulan_contoh(**bidang) -> Usulan:
    """Proposals as a Keputusan's text gives them, overridable per field."""
    isi = {
        "tempat_penetapan": Bidang("Sampit", "Ditetapkan di Sampit", 3),
        "tanggal_penetapan": Bidang(date(2024, 2, 3), "pada tanggal 3 Februari 2024", 3),
        "penandatangan": Bidang("SITI FATHONAH", "SITI FATHONAH", 3),
        "jabatan_penandatangan": Bidang(
            "KETUA KOMISI PEMILIHAN UMUM KABUPATEN UJI", "KETUA KOMISI PEMILIHAN UMUM", 3
        ),
        "judul": Bidang("Penetapan Dari Dokumen", "TENTANG PENETAPAN DARI DOKUMEN", 1),
        "subjek": Bidang("Pemilih, Daftar Pemilih Tetap", "daftar pemilih tetap", 1),
    }
    isi.update(bidang)
    return Usulan(
        bidang={k: v for k, v in isi.items() if v is not None},
        abstrak={
            "menimbang": "bahwa daftar pemilih perlu ditetapkan;",
            "abstrak": "Menetapkan daftar pemilih tetap.",
            "abstrak_dasar_hukum": "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
        },
    )


def relasi(jenis, produk, bukti="mencabut Keputusan yang lama") -> UsulanRelasi:
    return UsulanRelasi(
        jenis=jenis,
        sebutan=f"Keputusan Nomor {produk.nomor} Tahun {produk.tahun}",
        bukti=bukti,
        nomor=produk.nomor,
        tahun=produk.tahun,
        produk_id=produk.pk,
    )
