/* Proposals from the document on the prepare page (issue 14).
   "Pakai nilai dokumen" puts the document's value into a field that held
   another one (nothing is saved until the form is saved), and Esc hides the
   evidence tooltip of the focused field until it loses focus. */
(function () {
  "use strict";

  function pakai(tombol) {
    var isian = document.getElementById(tombol.getAttribute("data-usulan-pakai"));
    if (!isian) return;
    isian.value = tombol.getAttribute("data-nilai");
    // Let the unsaved-changes guard and katalog.js (jenis → type fields) see it.
    isian.dispatchEvent(new Event("input", { bubbles: true }));
    isian.dispatchEvent(new Event("change", { bubbles: true }));
    var wadah = tombol.closest(".isian-usulan");
    if (wadah) wadah.setAttribute("data-usulan", "dipakai");
    tombol.textContent = "Nilai dokumen dipakai — simpan untuk menyimpannya";
    tombol.disabled = true;
    isian.focus();
  }

  function siap() {
    document.querySelectorAll("button[data-usulan-pakai]").forEach(function (tombol) {
      tombol.hidden = false;
      tombol.addEventListener("click", function () { pakai(tombol); });
    });
    document.querySelectorAll(".isian-usulan").forEach(function (wadah) {
      wadah.addEventListener("keydown", function (e) {
        if (e.key === "Escape") wadah.classList.add("usulan-tutup");
      });
      wadah.addEventListener("focusout", function () { wadah.classList.remove("usulan-tutup"); });
      wadah.addEventListener("mouseleave", function () { wadah.classList.remove("usulan-tutup"); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", siap);
  else siap();
})();
