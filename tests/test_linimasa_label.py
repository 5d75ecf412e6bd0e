"""The Linimasa speaks the staff's language (issue 12 item 5): every
procedure's timeline, rendered on its page, shows labels only — no raw state
codes ("didisposisi"), no action codes ("ubah-metadata"), no model field
names ("bidang_hukum")."""

import re
from datetime import date
from html import unescape

import pytest
from django.db.models import FileField

from documents.models import ProdukHukum
from tests.alur_helpers import ajukan, buat_tim, data_nota, majukan, tambah_pengelola
from workflow import layanan
from workflow.konten.models import KontenMedsos
from workflow.mesin import catat
from workflow.models import Permohonan, Status
from workflow.penyusunan.models import PenyusunanKeputusan

pytestmark = pytest.mark.django_db


def _tabel(html: str) -> str:
    awal = html.index('<table class="daftar linimasa">')
    return html[awal : html.index("</table>", awal)]


def _sel(tabel: str, label: str) -> list[str]:
    return [
        unescape(m)
        for m in re.findall(rf'<td data-label="{label}">(.*?)</td>', tabel, flags=re.DOTALL)
    ]


def _teks(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def _kode_kode(model) -> set[str]:
    """Every code the trail of ``model`` may hold: its states, its actions,
    the catalogue's field names."""
    status = {c for c, _ in model._meta.get_field("status").choices}
    aksi = set(model.AKSI_TRANSISI) | set(model.LABEL_AKSI)
    bidang = {
        f.name
        for f in ProdukHukum._meta.get_fields()
        if "_" in f.name and not isinstance(f, FileField)
    }
    return status | aksi | bidang


def periksa_linimasa(html: str, model, jejak_aksi: set[str]):
    tabel = _tabel(html)
    label_status = {str(label) for _, label in model._meta.get_field("status").choices}
    for sel in _sel(tabel, "Status"):
        teks = " ".join(_teks(sel).split())
        if not teks:
            continue
        for bagian in teks.split(" → "):
            assert bagian == "—" or bagian in label_status, (model.__name__, teks)
    label_aksi = set(model.LABEL_AKSI.values())
    for sel in _sel(tabel, "Langkah"):
        utama = " ".join(_teks(sel.split("<br>")[0]).split())
        assert utama in label_aksi or utama.startswith("Menunggu: "), (model.__name__, utama)
    teks = _teks(tabel)
    # Codes made of more than one word never read as words; the one-word
    # states are checked cell by cell above (their labels may share the word).
    for kode in _kode_kode(model) | jejak_aksi:
        if "_" in kode or "-" in kode:
            assert not re.search(rf"(?<![\w-]){re.escape(kode)}(?![\w-])", teks), (
                model.__name__,
                kode,
            )
    # Every action on the trail has its own label.
    assert jejak_aksi <= set(model.LABEL_AKSI), jejak_aksi - set(model.LABEL_AKSI)


def _ubah_metadata(tim, p):
    from workflow.forms_siapkan import MetadataForm

    produk = p.produk
    awal = MetadataForm(instance=produk)
    data = {}
    for nama, bidang in awal.fields.items():
        nilai = awal.initial.get(nama, bidang.initial)
        if nilai is None or nilai is False:
            continue
        data[nama] = nilai.pk if hasattr(nilai, "pk") else nilai
    data.update(
        tahun=2023,
        bidang_hukum="Hukum Tata Negara",
        tanggal_penetapan=date(2024, 1, 2).isoformat(),
    )
    form = MetadataForm(data, instance=produk)
    assert form.is_valid(), form.errors
    layanan.simpan_metadata(tim.pengelola, p, form)


def test_permohonan_timeline_shows_labels_only(client):
    tim = buat_tim()
    tambah_pengelola(tim)
    p = ajukan(tim)
    p = layanan.kembalikan_ke_pengusul(tim.kasubbag, p, catatan="Lengkapi PDF Nota Dinas")
    p = layanan.ajukan_ulang(tim.pengusul, p, nota=data_nota())
    p = majukan(p, tim, Status.DIDISPOSISI)
    _ubah_metadata(tim, p)
    # An entry written before notes used labels: read with labels too.
    catat(p, tim.pengelola, "ubah-metadata", p.status, p.status, "Diubah: bidang_hukum, tahun")
    p = majukan(p, tim, Status.DIPERIKSA)
    p = layanan.kembalikan(tim.kasubbag, p, catatan="Abstrak belum ada")
    layanan.alihkan_disposisi(tim.kasubbag, p, kepada=tim.pengelola2, alasan="Cuti")
    p = Permohonan.objects.get(pk=p.pk)
    p = layanan.serahkan(tim.pengelola2, p)
    p = layanan.loloskan_koreksi(tim.kasubbag, p)
    p = layanan.tolak(tim.kasubbag, p, alasan="Bukan produk satker")
    client.force_login(tim.kasubbag)
    html = client.get(p.get_absolute_url()).content.decode()
    aksi = set(p.jejak.values_list("aksi", flat=True))
    assert {"kembalikan_ke_pengusul", "ajukan_ulang", "ubah-metadata", "alihkan-disposisi"} <= aksi
    periksa_linimasa(html, Permohonan, aksi)
    tabel = _teks(_tabel(html))
    assert "Diubah: bidang hukum, tahun" in tabel  # the older entry
    assert re.search(r"Diubah: tahun, tanggal penetapan .*, bidang hukum", tabel)
    assert "Didisposisi → Diperiksa (koreksi)" in " ".join(tabel.split())


def test_withdrawn_request_timeline_shows_labels_only(client):
    tim = buat_tim()
    p = layanan.tarik(tim.pengusul, ajukan(tim), catatan="Salah nomor")
    client.force_login(tim.pengusul)
    html = client.get(p.get_absolute_url()).content.decode()
    periksa_linimasa(html, Permohonan, set(p.jejak.values_list("aksi", flat=True)))
    assert "Diajukan → Ditarik oleh pengusul" in " ".join(_teks(_tabel(html)).split())


def test_penyusunan_timeline_shows_labels_only(client):
    from tests.penyusunan_helpers import S, buat_tim_penyusunan, mulai
    from tests.penyusunan_helpers import majukan as majukan_penyusunan

    tim = buat_tim_penyusunan()
    p = majukan_penyusunan(mulai(tim), tim, S.SELESAI)
    client.force_login(tim.kasubbag)
    html = client.get(p.get_absolute_url()).content.decode()
    aksi = set(p.jejak.values_list("aksi", flat=True))
    assert len(aksi) > 10
    periksa_linimasa(html, PenyusunanKeputusan, aksi)


def test_konten_timeline_shows_labels_only(client):
    from tests.konten_helpers import S, buat_tim_konten, disposisi
    from tests.konten_helpers import majukan as majukan_konten

    tim = buat_tim_konten()
    k = majukan_konten(disposisi(tim), tim, S.DIUNGGAH)
    client.force_login(tim.kasubbag)
    html = client.get(k.get_absolute_url()).content.decode()
    aksi = set(k.jejak.values_list("aksi", flat=True))
    periksa_linimasa(html, KontenMedsos, aksi)


def test_an_unknown_code_is_never_shown_raw(client):
    tim = buat_tim()
    p = ajukan(tim)
    catat(p, tim.kasubbag, "catatan_tambahan-lama", "status_lama", "diajukan", "")
    client.force_login(tim.kasubbag)
    tabel = _teks(_tabel(client.get(p.get_absolute_url()).content.decode()))
    assert "catatan_tambahan-lama" not in tabel and "status_lama" not in tabel
    assert "Catatan tambahan lama" in tabel and "Status lama" in tabel
