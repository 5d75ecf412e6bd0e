/* Konten media sosial (sop 004).
 *
 * 1. Detail page: a button copying the caption and hashtags for posting,
 *    shown only where the clipboard works.
 * 2. Concept editor: the caption's length against each chosen platform's
 *    limit, as typed (the server checks it again).
 */
(function () {
  "use strict";

  function aturSalin() {
    var b = document.querySelector("[data-salin]");
    if (!b || !navigator.clipboard) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      var bagian = ["teks-caption", "teks-tagar"].map(function (id) {
        var el = document.getElementById(id);
        return el ? el.textContent : "";
      }).filter(Boolean);
      navigator.clipboard.writeText(bagian.join("\n\n")).then(function () {
        b.textContent = "Tersalin";
      });
    });
  }

  function aturHitungan() {
    var f = document.querySelector("form[data-jaga-perubahan]");
    if (!f) return;
    var teks = f.querySelector("textarea[data-hitung]");
    var daftar = document.getElementById("hitungan-caption");
    if (!teks || !daftar) return;
    var kotak = f.querySelectorAll("#platform input[type=checkbox]");
    function hitung() {
      var n = Array.from(teks.value.replace(/\r\n/g, "\n")).length;
      daftar.textContent = "";
      kotak.forEach(function (c) {
        if (!c.checked) return;
        var batas = parseInt(c.dataset.batas, 10);
        var nama = c.parentNode.textContent.replace(/\s*\(maks\..*$/, "").trim();
        var li = document.createElement("li");
        li.textContent = nama + ": " + n + " / " + batas + " karakter" +
          (n > batas ? " — lebih " + (n - batas) : "");
        if (n > batas) li.className = "lebih";
        daftar.appendChild(li);
      });
    }
    teks.addEventListener("input", hitung);
    kotak.forEach(function (c) { c.addEventListener("change", hitung); });
    hitung();
  }

  aturSalin();
  aturHitungan();
})();
