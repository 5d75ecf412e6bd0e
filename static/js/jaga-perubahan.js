/* Leaving an editor (form[data-jaga-perubahan]) with unsaved edits asks
 * first, so nothing typed is lost by accident. Used by the SK draft editor
 * (workflow/penyusunan/draft.html) and the content concept editor
 * (workflow/konten/konsep.html). */
(function () {
  "use strict";

  var f = document.querySelector("form[data-jaga-perubahan]");
  if (!f) return;
  var ubah = false;
  function tandai() { ubah = true; }
  f.addEventListener("input", tandai);
  f.addEventListener("change", tandai);
  f.addEventListener("submit", function () { ubah = false; });
  window.addEventListener("beforeunload", function (e) {
    if (ubah) { e.preventDefault(); e.returnValue = ""; }
  });
})();
