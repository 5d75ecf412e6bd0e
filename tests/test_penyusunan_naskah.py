"""The text of a draft Keputusan: PDF layout, comparing two drafts, templates (no DB)."""

import io
from dataclasses import replace

from django.utils.safestring import SafeString
from pypdf import PdfReader

from workflow.penyusunan.naskah import (
    NaskahDraf,
    banding,
    banding_draf,
    isi_templat,
    render_pdf,
)

CONTOH = NaskahDraf(
    teu_badan="Komisi Pemilihan Umum Kabupaten Sorong Selatan",
    judul="Penetapan Jadwal Pemutakhiran Data Pemilih Berkelanjutan Tahun 2025",
    menimbang=(
        "a. bahwa pemutakhiran data pemilih dilakukan secara berkelanjutan;\n"
        "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
        "menetapkan Keputusan;"
    ),
    mengingat=(
        "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;\n"
        "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja;"
    ),
    memutuskan=(
        "Menetapkan : KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN SORONG SELATAN TENTANG "
        "PENETAPAN JADWAL PEMUTAKHIRAN DATA PEMILIH BERKELANJUTAN TAHUN 2025.\n\n"
        "KESATU : Menetapkan jadwal sebagaimana tercantum dalam Lampiran.\n\n"
        "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan."
    ),
    tempat="Teminabuan",
    tanggal="2 Januari 2025",
    nama_penandatangan="YOHANES SAPISA",
    revisi=3,
)


def _halaman(data: bytes) -> list[str]:
    """Each page's text, white space collapsed."""
    assert data.startswith(b"%PDF-")
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]


def test_pdf_memuat_kepala_judul_butir_dan_tanda_draf_dengan_revisi():
    halaman = _halaman(render_pdf(CONTOH))
    teks = " ".join(halaman)

    assert len(halaman) == 1
    assert "KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN SORONG SELATAN" in teks
    assert "NOMOR ... (belum bernomor)" in teks
    assert "TENTANG PENETAPAN JADWAL PEMUTAKHIRAN DATA PEMILIH BERKELANJUTAN TAHUN 2025" in teks
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA" in teks
    assert "Menimbang" in teks and "Mengingat" in teks
    assert "a. bahwa pemutakhiran data pemilih dilakukan secara berkelanjutan;" in teks
    assert "b. bahwa berdasarkan pertimbangan" in teks
    # Mengingat was written without numbers: they are added.
    assert "1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;" in teks
    assert "2. Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019" in teks
    assert "MEMUTUSKAN:" in teks
    assert "Menetapkan" in teks
    assert "KESATU" in teks and "KEDUA" in teks
    assert teks.index("KESATU") < teks.index("KEDUA") < teks.index("Ditetapkan di Teminabuan")
    assert "pada tanggal 2 Januari 2025" in teks
    assert "KETUA KOMISI PEMILIHAN UMUM KABUPATEN SORONG SELATAN," in teks
    assert "YOHANES SAPISA" in teks
    assert "DRAF — revisi 3" in teks
    assert "Halaman 1 dari 1" in teks


def test_pdf_bernomor_tanpa_tanda_draf_tidak_mencetak_draf():
    naskah = replace(CONTOH, nomor="12 TAHUN 2025", tanda_draf="", revisi=None)
    teks = " ".join(_halaman(render_pdf(naskah)))

    assert "NOMOR 12 TAHUN 2025" in teks
    assert "belum bernomor" not in teks
    assert "DRAF" not in teks


def test_pdf_tanpa_baris_menetapkan_memakai_judul_dan_diktum_tanpa_label_apa_adanya():
    naskah = replace(
        CONTOH,
        memutuskan="Menetapkan susunan panitia sebagai berikut.\n\nKeputusan ini berlaku.",
    )
    teks = " ".join(_halaman(render_pdf(naskah)))

    assert (
        "KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN SORONG SELATAN TENTANG PENETAPAN JADWAL" in teks
    )
    assert "Menetapkan susunan panitia sebagai berikut." in teks
    assert "Keputusan ini berlaku." in teks
    assert "KESATU" not in teks


def test_pdf_teks_panjang_mengalir_ke_beberapa_halaman_dengan_tanda_di_setiap_halaman():
    kalimat = "bahwa penyelenggaraan pemilihan umum harus jujur dan adil serta berkepastian hukum "
    menimbang = "\n".join(f"bahwa butir ke-{i} {kalimat * 8}akhir butir {i};" for i in range(30))
    # One item longer than a page must still split across pages.
    mengingat = "Undang-Undang " + "tentang pemilihan umum " * 900 + "UJUNG MENGINGAT;"
    naskah = replace(CONTOH, menimbang=menimbang, mengingat=mengingat, revisi=2)

    halaman = _halaman(render_pdf(naskah))
    teks = " ".join(halaman)

    assert len(halaman) >= 4
    assert "akhir butir 29;" in teks
    assert "UJUNG MENGINGAT;" in teks
    assert "YOHANES SAPISA" in halaman[-1]
    for nomor, isi in enumerate(halaman, start=1):
        assert "DRAF — revisi 2" in isi
        assert f"Halaman {nomor} dari {len(halaman)}" in isi


def test_pdf_judul_dan_butir_bermarkup_dicetak_harfiah_tanpa_menyuntik_markup():
    naskah = replace(
        CONTOH,
        teu_badan="KPU Kab. <Sorong> & Selatan",
        judul="Uji <b>Tebal</b> & \"Kutip\" 'Satu' <para>",
        menimbang="bahwa <i>miring</i> & <font size=40>besar</font> &amp; tetap;",
    )
    teks = " ".join(_halaman(render_pdf(naskah)))

    assert "KEPUTUSAN KPU KAB. <SORONG> & SELATAN" in teks
    assert "UJI <B>TEBAL</B> & \"KUTIP\" 'SATU' <PARA>" in teks
    assert "bahwa <i>miring</i> & <font size=40>besar</font> &amp; tetap;" in teks


def test_pdf_lampiran_dimulai_di_halaman_baru():
    naskah = replace(
        CONTOH,
        lampiran="JADWAL PEMUTAKHIRAN\n\n1. Koordinasi dengan Disdukcapil: Januari 2025.",
    )
    halaman = _halaman(render_pdf(naskah))

    assert len(halaman) == 2
    assert "KEDUA" in halaman[0] and "YOHANES SAPISA" in halaman[0]
    assert "LAMPIRAN" not in halaman[0].replace("dalam Lampiran", "")
    assert halaman[1].index("LAMPIRAN") < halaman[1].index("JADWAL PEMUTAKHIRAN")
    assert "1. Koordinasi dengan Disdukcapil: Januari 2025." in halaman[1]
    assert "MEMUTUSKAN" not in halaman[1]
    assert "DRAF — revisi 3" in halaman[1]


def test_pdf_tanpa_lampiran_tidak_menambah_halaman():
    assert len(_halaman(render_pdf(replace(CONTOH, lampiran=" \n\n ")))) == 1


def test_banding_menandai_tepat_kata_yang_berubah():
    (baris,) = banding(
        "bahwa Komisi menetapkan jadwal tahapan;",
        "bahwa Komisi mengubah jadwal tahapan pemilu;",
    )

    assert baris.jenis == "ubah"
    assert baris.kiri == "bahwa Komisi <del>menetapkan</del> jadwal tahapan;"
    assert baris.kanan == "bahwa Komisi <ins>mengubah</ins> jadwal tahapan <ins>pemilu</ins>;"
    assert isinstance(baris.kiri, SafeString) and isinstance(baris.kanan, SafeString)


def test_banding_kata_berurutan_yang_berubah_ditandai_sekali():
    (baris,) = banding("dua kata lama di sini", "tiga kalimat baru di sini")

    assert baris.kiri == "<del>dua kata lama</del> di sini"
    assert baris.kanan == "<ins>tiga kalimat baru</ins> di sini"


def test_banding_baris_ditambah_dan_dihapus_sejajar():
    lama = "a. bahwa satu;\nb. bahwa dua;\nc. bahwa tiga;"
    baru = "a. bahwa satu;\nsisipan baru\nb. bahwa dua;"

    baris = banding(lama, baru)

    assert [b.jenis for b in baris] == ["sama", "tambah", "sama", "hapus"]
    assert baris[0].kiri == baris[0].kanan == "a. bahwa satu;"
    assert (baris[1].kiri, baris[1].kanan) == ("", "<ins>sisipan baru</ins>")
    assert (baris[1].nomor_kiri, baris[1].nomor_kanan) == (None, 2)
    assert (baris[2].nomor_kiri, baris[2].nomor_kanan) == (2, 3)
    assert (baris[3].kiri, baris[3].kanan) == ("<del>c. bahwa tiga;</del>", "")
    assert (baris[3].nomor_kiri, baris[3].nomor_kanan) == (3, None)


def test_banding_memasangkan_baris_yang_mirip_di_dalam_blok_berubah():
    lama = "Keputusan ini berlaku sejak ditetapkan."
    baru = "KETIGA : Biaya dibebankan pada DIPA.\nKeputusan ini berlaku sejak diundangkan."

    baris = banding(lama, baru)

    assert [b.jenis for b in baris] == ["tambah", "ubah"]
    assert baris[1].kiri == "Keputusan ini berlaku sejak <del>ditetapkan</del>."
    assert baris[1].kanan == "Keputusan ini berlaku sejak <ins>diundangkan</ins>."


def test_banding_meloloskan_html_dalam_teks_pengguna():
    baris = banding(
        'sama <b>tebal</b>\nubah <script>alert("a")</script>\n',
        'sama <b>tebal</b>\nubah <script>alert("b")</script> & lagi\n<img src=x onerror=y>',
    )

    assert baris[0].jenis == "sama"
    assert baris[0].kiri == "sama &lt;b&gt;tebal&lt;/b&gt;"
    assert "<script>" not in baris[1].kiri + baris[1].kanan
    assert baris[1].kiri == "ubah &lt;script&gt;alert(&quot;<del>a</del>&quot;)&lt;/script&gt;"
    assert baris[1].kanan == (
        "ubah &lt;script&gt;alert(&quot;<ins>b</ins>&quot;)&lt;/script&gt; <ins>&amp; lagi</ins>"
    )
    assert baris[2].jenis == "tambah"
    assert baris[2].kanan == "<ins>&lt;img src=x onerror=y&gt;</ins>"


def test_banding_teks_kosong_dan_akhir_baris_windows():
    assert banding("", "") == []
    baris = banding("satu\r\ndua\r\n", "satu\ndua")
    assert [b.jenis for b in baris] == ["sama", "sama"]


def test_banding_draf_per_bidang_dengan_label_indonesia_dan_tanda_berubah():
    a = {"judul": "Jadwal", "menimbang": "bahwa a;", "mengingat": None, "memutuskan": "KESATU"}
    b = {"judul": "Jadwal Baru", "menimbang": "bahwa a;", "memutuskan": "KESATU"}

    hasil = banding_draf(a, b)

    assert [label for label, _, _ in hasil] == [
        "Judul",
        "Menimbang",
        "Mengingat",
        "Memutuskan",
        "Lampiran",
    ]
    assert [berubah for _, _, berubah in hasil] == [True, False, False, False, False]
    label, baris, berubah = hasil[0]
    assert baris[0].kanan == "Jadwal <ins>Baru</ins>"
    assert [x.label for x in banding_draf(a, b, bidang=("mengingat",))] == ["Mengingat"]


def test_isi_templat_mengisi_kunci_yang_dikenal():
    teks = isi_templat(
        "KEPUTUSAN {satker} TENTANG {judul}\nDitetapkan di {tempat} tahun {tahun}",
        {
            "satker": "KPU KAB. SORONG SELATAN",
            "judul": "JADWAL",
            "tempat": "Teminabuan",
            "tahun": "2025",
        },
    )

    assert teks == (
        "KEPUTUSAN KPU KAB. SORONG SELATAN TENTANG JADWAL\nDitetapkan di Teminabuan tahun 2025"
    )


def test_isi_templat_membiarkan_kunci_asing_dan_kurawal_lepas():
    templat = "{judul} {tidak_dikenal} { spasi } {0} {judul:>5} }{ { akhir}"

    teks = isi_templat(templat, {"judul": "Nilai {tahun}", "tahun": "2025"})

    # The value itself is not expanded again.
    assert teks == "Nilai {tahun} {tidak_dikenal} { spasi } {0} {judul:>5} }{ { akhir}"
    assert isi_templat("tanpa tempat", {}) == "tanpa tempat"
