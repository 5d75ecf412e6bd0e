/* "Salin tautan" / "Salin sitasi" on a product's page. Without JS the fields
   stay visible and selectable; with it, a button copies them. */
(function () {
  "use strict";
  var tombol = document.querySelectorAll("[data-salin]");
  if (!tombol.length) return;

  function umumkan(sumber, pesan) {
    var status = sumber.closest(".salin").querySelector(".status-salin");
    if (status) status.textContent = pesan;
  }

  function salinLama(bidang) {
    bidang.focus();
    bidang.select();
    try {
      return document.execCommand("copy");
    } catch (e) {
      return false;
    }
  }

  tombol.forEach(function (t) {
    t.hidden = false;
    t.addEventListener("click", function () {
      var bidang = document.getElementById(t.getAttribute("data-salin"));
      if (!bidang) return;
      var berhasil = function () { umumkan(t, t.getAttribute("data-pesan") || "Disalin."); };
      var gagal = function () {
        if (salinLama(bidang)) berhasil();
        else umumkan(t, "Tidak dapat menyalin otomatis; teks sudah dipilih, salin secara manual.");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(bidang.value).then(berhasil, gagal);
      } else {
        gagal();
      }
    });
  });
})();
