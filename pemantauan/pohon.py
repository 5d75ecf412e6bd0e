"""The Satker tree (KPU RI → provinsi → kabupaten/kota) and who may see
which part of it.

The whole tree is ~553 small rows: it is read once per request and walked in
Python, so every figure below can be one GROUP BY over the Satkers in scope
instead of one query per office.
"""

from dataclasses import dataclass, field

from documents.models import Satker
from workflow.izin import izin_per_satker

# The permission that opens the monitoring: the one the SOP evaluation asks
# (Kasubbag Hukum & SDM, Sekretaris, Kepala Bagian), held in a Satker, shows
# that Satker and everything under it.
IZIN_PEMANTAUAN = "evaluasi_sop"


@dataclass
class Simpul:
    id: int
    nama: str
    slug: str
    tingkat: str
    induk_id: int | None
    anak: list["Simpul"] = field(default_factory=list)

    @property
    def label_tingkat(self) -> str:
        return Satker.Tingkat(self.tingkat).label if self.tingkat else ""


class Pohon:
    """Every Satker as a node, with its children, in one query."""

    def __init__(self):
        self.simpul: dict[int, Simpul] = {}
        for pk, nama, slug, tingkat, induk_id in Satker.objects.order_by("nama").values_list(
            "pk", "nama", "slug", "tingkat", "induk_id"
        ):
            self.simpul[pk] = Simpul(pk, nama, slug, tingkat, induk_id)
        for s in self.simpul.values():
            induk = self.simpul.get(s.induk_id)
            if induk is not None:
                induk.anak.append(s)
        self._slug = {s.slug: s for s in self.simpul.values()}

    def menurut_slug(self, slug: str) -> Simpul | None:
        return self._slug.get(slug)

    def keturunan(self, pk: int) -> set[int]:
        """``pk`` and every Satker under it (guarded against a cycle an
        admin could make by hand)."""
        hasil, antre = set(), [pk]
        while antre:
            s = antre.pop()
            if s in hasil or s not in self.simpul:
                continue
            hasil.add(s)
            antre.extend(a.id for a in self.simpul[s].anak)
        return hasil

    def jalur(self, pk: int) -> list[Simpul]:
        """The ancestors of ``pk`` from the top, then ``pk`` (breadcrumbs)."""
        hasil, dilihat = [], set()
        s = self.simpul.get(pk)
        while s is not None and s.id not in dilihat:
            dilihat.add(s.id)
            hasil.append(s)
            s = self.simpul.get(s.induk_id)
        return hasil[::-1]


@dataclass
class Lingkup:
    """The part of the tree a user may monitor."""

    pohon: Pohon
    ids: set[int]
    semua: bool  # every Satker: no filter needed in queries
    izin: dict[int, frozenset[str]] = field(default_factory=dict)

    @property
    def akar(self) -> list[Simpul]:
        """The highest Satkers of the scope (their induk is outside it)."""
        return sorted(
            (s for s in (self.pohon.simpul[i] for i in self.ids) if s.induk_id not in self.ids),
            key=lambda s: s.nama,
        )

    def boleh(self, pk: int) -> bool:
        return pk in self.ids

    def semua_di(self, ids: set[int]) -> bool:
        """``ids`` is the whole tree (queries then need no Satker filter)."""
        return len(ids) == len(self.pohon.simpul)

    def boleh_buka_permohonan(self, satker_id: int) -> bool:
        """A request page opens only for who may see the Satker's requests."""
        return "lihat_permohonan" in self.izin.get(satker_id, ())


def lingkup_pengguna(user) -> Lingkup:
    """The Satkers where the user holds IZIN_PEMANTAUAN, plus all their
    descendants; a superuser sees the whole tree. Empty for anyone else."""
    pohon = Pohon()
    izin = izin_per_satker(user)
    if user.is_active and user.is_superuser:
        return Lingkup(pohon, set(pohon.simpul), True, izin)
    ids: set[int] = set()
    for satker_id, kode in izin.items():
        if IZIN_PEMANTAUAN in kode:
            ids |= pohon.keturunan(satker_id)
    return Lingkup(pohon, ids, bool(ids) and len(ids) == len(pohon.simpul), izin)
