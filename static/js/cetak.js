/* "Cetak" buttons on print sheets: CSP forbids javascript: links. */
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var tombol = e.target.closest("[data-cetak]");
    if (tombol) {
      e.preventDefault();
      window.print();
    }
  });
})();
