// The search page's filter box (<details>) is closed in the HTML, so that on a
// phone the results start on the first screen. On a wide screen there is room
// for the filters above the results: open it there.
(function () {
  "use strict";
  var lebar = window.matchMedia("(min-width: 800px)");
  function atur() {
    document.querySelectorAll("details[data-buka-lebar]").forEach(function (d) {
      if (lebar.matches) d.open = true;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", atur);
  } else {
    atur();
  }
})();
