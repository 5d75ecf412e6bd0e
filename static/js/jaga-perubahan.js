/* Nothing typed is lost by accident. Every form[data-jaga-perubahan] on a
 * page (its value names it in the warning, e.g. "Metadata produk hukum")
 * remembers unsaved edits:
 *
 * - leaving the page (a link, reload, closing the tab) asks first;
 * - submitting ANOTHER form of the page (an upload, a hand-in, logging
 *   out) while one has unsaved edits asks first, naming the form whose
 *   edits would be lost; cancelling keeps the page as it is;
 * - submitting a guarded form itself saves its edits, so it does not ask.
 *
 * Used by every staff page (loaded from base_staf.html) and by pages that
 * load it themselves: the prepare page, the SK draft editor, the content
 * concept editor. Loading it twice is harmless. */
(function () {
  "use strict";

  var akar = document.documentElement;
  if (akar.hasAttribute("data-jaga-aktif")) return;
  akar.setAttribute("data-jaga-aktif", "");

  var dijaga = Array.prototype.slice.call(
    document.querySelectorAll("form[data-jaga-perubahan]")
  );
  if (!dijaga.length) return;

  var BERUBAH = "data-jaga-berubah";

  function nama(f) {
    return f.getAttribute("data-jaga-perubahan") || "formulir di halaman ini";
  }

  function berubah(kecuali) {
    return dijaga.filter(function (f) {
      return f !== kecuali && f.hasAttribute(BERUBAH);
    });
  }

  function bersihkan(daftar) {
    daftar.forEach(function (f) { f.removeAttribute(BERUBAH); });
  }

  dijaga.forEach(function (f) {
    function tandai() { f.setAttribute(BERUBAH, ""); }
    f.addEventListener("input", tandai);
    f.addEventListener("change", tandai);
  });

  // Bubble phase on the document: a page script that cancels the submit on
  // the form itself has run already, and a cancelled submit asks nothing.
  document.addEventListener("submit", function (e) {
    if (e.defaultPrevented) return;
    var f = e.target;
    var lain = berubah(f);
    if (lain.length) {
      var pesan = "Perubahan pada “" + lain.map(nama).join("”, “") +
        "” belum disimpan dan akan hilang bila Anda melanjutkan.\n\n" +
        "Pilih Batal untuk kembali dan menyimpannya lebih dahulu.";
      if (!window.confirm(pesan)) {
        e.preventDefault();
        return;
      }
      // The user chose to let those edits go: do not ask again on unload.
      bersihkan(lain);
    }
    bersihkan([f]);
  });

  window.addEventListener("beforeunload", function (e) {
    if (berubah(null).length) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
})();
