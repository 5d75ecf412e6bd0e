"""Map today's free-text catalogue values to the controlled vocabularies.

- T.E.U. badan of every Satker and product is rebuilt by the convention.
- tipe dokumen follows the jenis.
- bidang hukum and bahasa are mapped to the national master lists (case,
  spacing and known synonyms ignored). A value that does not map is kept
  word for word as a NilaiTakTerpetakan row (admin: "Nilai yang belum
  terpetakan") and counted in the report printed here; the field is left
  empty (bidang hukum) or Indonesia (bahasa) until staff choose.
- subjek lines become managed Subjek rows, one per keyword, duplicates
  merged case-insensitively.
"""

from django.db import migrations

from documents import kosakata


def petakan(apps, schema_editor):
    Satker = apps.get_model("documents", "Satker")
    Produk = apps.get_model("documents", "ProdukHukum")
    Subjek = apps.get_model("documents", "Subjek")
    Nilai = apps.get_model("documents", "NilaiTakTerpetakan")

    for s in Satker.objects.all():
        s.teu_badan = kosakata.teu_badan_satker(s.nama, s.tingkat)
        s.save(update_fields=["teu_badan"])
    teu = dict(Satker.objects.values_list("pk", "teu_badan"))

    subjek_ada = {}
    tak_terpetakan = []
    dipetakan = 0
    for p in Produk.objects.select_related("jenis").order_by("pk").iterator(chunk_size=500):
        ubah = {"teu_badan": teu[p.satker_id], "tipe_dokumen": p.jenis.tipe_dokumen}
        if p.bidang_hukum:
            baku = kosakata.petakan_bidang_hukum(p.bidang_hukum)
            if baku is None:
                tak_terpetakan.append(Nilai(produk_id=p.pk, kolom="bidang_hukum", nilai=p.bidang_hukum))
                ubah["bidang_hukum"] = ""
            else:
                dipetakan += baku != p.bidang_hukum
                ubah["bidang_hukum"] = baku
        baku = kosakata.petakan_bahasa(p.bahasa) if p.bahasa else kosakata.BAHASA_BAKU
        if baku is None:
            tak_terpetakan.append(Nilai(produk_id=p.pk, kolom="bahasa", nilai=p.bahasa))
            baku = kosakata.BAHASA_BAKU
        ubah["bahasa"] = baku
        nama_subjek = kosakata.pisah_subjek(p.subjek)
        daftar = []
        for nama in nama_subjek:
            nama = nama[: kosakata.PANJANG_SUBJEK]
            kunci = nama.casefold()
            if kunci not in subjek_ada:
                subjek_ada[kunci] = Subjek.objects.create(nama=nama)
            daftar.append(subjek_ada[kunci])
        if daftar:
            p.daftar_subjek.set(daftar)
        ubah["subjek"] = kosakata.gabung_subjek([s.nama for s in daftar])
        Produk.objects.filter(pk=p.pk).update(**ubah)
    Nilai.objects.bulk_create(tak_terpetakan)
    if tak_terpetakan or dipetakan:
        print(
            f"\n  Kosakata terkendali: {dipetakan} nilai dipetakan ke daftar nasional, "
            f"{len(tak_terpetakan)} nilai belum terpetakan (lihat admin: "
            "Nilai yang belum terpetakan)."
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_katalog_lengkap")]

    operations = [migrations.RunPython(petakan, migrations.RunPython.noop)]
