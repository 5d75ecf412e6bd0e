/* Catalogue record form of the prepare page (workflow/siapkan.html).
 *
 * 1. Shows only the field groups of the chosen jenis's document type: each
 *    <option> of the jenis select carries data-tipe, each group
 *    data-tipe-grup="monografi artikel". Without this script every group
 *    shows with its heading, and the server keeps only the type's fields.
 * 2. Suggests existing subjek for the keyword being typed (the part after
 *    the last ";" or ","), from the JSON list of data-saran-url, through a
 *    native <datalist> so screen readers and keyboards work as usual.
 */
(function () {
  "use strict";

  var JEDA_MS = 250;
  var MIN_HURUF = 2;

  function aturGrupTipe(form) {
    var pilih = form.querySelector("select[name=jenis]");
    var grup = form.querySelectorAll("[data-tipe-grup]");
    if (!pilih || !grup.length) return;

    function terapkan() {
      var opsi = pilih.options[pilih.selectedIndex];
      var tipe = opsi ? opsi.getAttribute("data-tipe") : null;
      grup.forEach(function (g) {
        var milik = (g.getAttribute("data-tipe-grup") || "").split(/\s+/);
        // No jenis chosen yet: hide every type group (peraturan has none).
        g.hidden = !tipe || milik.indexOf(tipe) === -1;
      });
    }

    pilih.addEventListener("change", terapkan);
    terapkan();
  }

  function pisahKataTerakhir(nilai) {
    var i = Math.max(nilai.lastIndexOf(";"), nilai.lastIndexOf(","));
    var awal = i === -1 ? "" : nilai.slice(0, i + 1);
    return { awal: awal, kata: nilai.slice(i + 1).trim() };
  }

  function aturSaranSubjek(input) {
    var alamat = input.getAttribute("data-saran-url");
    if (!alamat || !window.fetch) return;

    var daftar = document.createElement("datalist");
    daftar.id = input.id + "-saran";
    input.parentNode.insertBefore(daftar, input.nextSibling);
    input.setAttribute("list", daftar.id);

    var status = document.createElement("span");
    // Read by screen readers only (the page's CSS has no such class).
    status.style.position = "absolute";
    status.style.left = "-9999px";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    daftar.parentNode.insertBefore(status, daftar.nextSibling);

    var pewaktu = null;
    var permintaan = 0;

    function isi(awal, saran) {
      var sudah = {};
      awal.split(/[;,]/).forEach(function (s) {
        sudah[s.trim().toLowerCase()] = true;
      });
      daftar.textContent = "";
      var jumlah = 0;
      saran.forEach(function (nama) {
        if (sudah[nama.toLowerCase()]) return;
        var opsi = document.createElement("option");
        // A datalist replaces the whole value: keep the keywords before.
        opsi.value = (awal ? awal.replace(/\s*$/, " ") : "") + nama;
        opsi.label = nama;
        daftar.appendChild(opsi);
        jumlah += 1;
      });
      status.textContent = jumlah ? jumlah + " saran subjek tersedia." : "";
    }

    function minta() {
      var bagian = pisahKataTerakhir(input.value);
      if (bagian.kata.length < MIN_HURUF) {
        daftar.textContent = "";
        status.textContent = "";
        return;
      }
      var nomor = ++permintaan;
      var url = alamat + "?q=" + encodeURIComponent(bagian.kata.slice(0, 100));
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) {
          return r.ok ? r.json() : [];
        })
        .then(function (saran) {
          // An older answer arriving late must not replace a newer one.
          if (nomor === permintaan && Array.isArray(saran)) isi(bagian.awal, saran);
        })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      clearTimeout(pewaktu);
      pewaktu = setTimeout(minta, JEDA_MS);
    });
  }

  function mulai() {
    document.querySelectorAll("form[data-katalog]").forEach(function (form) {
      aturGrupTipe(form);
      form.querySelectorAll("input[data-saran-url]").forEach(aturSaranSubjek);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mulai);
  } else {
    mulai();
  }
})();
