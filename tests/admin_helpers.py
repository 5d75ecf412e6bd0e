"""Helpers for driving the Django admin's change forms in tests."""


def formulir_admin(respons):
    """The POST data the admin change form would send back unchanged."""
    data = {}
    for form in [respons.context["adminform"].form] + [
        f for fs in respons.context["inline_admin_formsets"] for f in fs.formset.forms
    ]:
        for nama, field in form.fields.items():
            nilai = form.initial.get(nama, field.initial)
            if nilai is None or nama in {"berkas_baru"}:
                continue
            if hasattr(nilai, "pk"):
                nilai = nilai.pk
            elif isinstance(nilai, (list, tuple)):
                nilai = [getattr(v, "pk", v) for v in nilai]
            data[form.add_prefix(nama)] = nilai
    for fs in respons.context["inline_admin_formsets"]:
        mf = fs.formset.management_form
        for nama in mf.fields:
            data[mf.add_prefix(nama)] = mf.initial.get(nama, mf[nama].value())
    return data
