/* INTRO without the internet: the offline edition on a laptop, a USB stick or the lab's kiosk.
 *
 * Over file:// a link to another site leads nowhere. Such links are marked, and a click opens a notice with
 * the address and a QR code to take it along on a phone (the QR library loads only then, from the site).
 *
 * Kiosk mode, for a shared screen: start the site as index.html?kiosk (or ?kiosk=10 for ten minutes). A «Ny
 * besøkende» button, and a reset after the given minutes without use (5 by default, never under 2: «?kiosk=1»
 * reads like «kiosk on», and a one-minute reset wiped a slow reader's place), clear what this browser
 * remembers of INTRO (progress in the paths, self-check answers, light or dark) and go back to where the kiosk
 * started. Before the reset a dialog asks «Er du fortsatt her?» for WARNING_SECONDS: an answer, or any use of the
 * screen, keeps the visitor's place (WCAG 2.2.1 asks for at least 20 seconds to extend).
 * The button sits in a bar of its own at the foot of the screen, and the page keeps room for it. */
(function () {
  "use strict";

  var KIOSK = "intro.kiosk";
  var ownScript = document.currentScript ? document.currentScript.src : "";
  var QR_LIBRARY = ownScript.replace(/javascripts\/intro-kiosk\.js.*$/, "vendor/qrcode-generator/qrcode.js");
  var DEFAULT_MINUTES = 5;
  var FEWEST_MINUTES = 2;
  var WARNING_SECONDS = 30;

  function offline() {
    return window.location.protocol === "file:";
  }

  function needsNet(link) {
    return /^https?:$/.test(link.protocol) && (offline() || link.host !== window.location.host);
  }

  /* ---- Links that need the internet ---- */

  function markLinks() {
    if (!offline()) return;
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      if (!needsNet(link) || link.classList.contains("intro-needs-net")) return;
      link.classList.add("intro-needs-net");
      link.setAttribute("title", "Krever nett: " + link.href);
    });
  }

  function loadQrLibrary(done) {
    if (window.qrcode) return done();
    var script = document.createElement("script");
    script.src = QR_LIBRARY;
    script.onload = done;
    script.onerror = done;
    document.head.appendChild(script);
  }

  function showNotice(link) {
    var dialog = document.getElementById("intro-offline-link");
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.id = "intro-offline-link";
      dialog.className = "intro-offline-link md-typeset";
      dialog.setAttribute("aria-labelledby", "intro-offline-link-title");
      dialog.innerHTML =
        '<h2 id="intro-offline-link-title">Denne lenken krever nett</h2>' +
        "<p>Du bruker INTRO uten nett, så siden kan ikke åpnes her. Adressen er:</p>" +
        '<p><code class="intro-offline-link__url"></code></p>' +
        '<div class="intro-offline-link__qr" role="img" aria-label="QR-kode med adressen"></div>' +
        "<p>Skann koden med mobilen for å åpne siden der.</p>" +
        '<p><button type="button" class="md-button md-button--primary">Lukk</button></p>';
      dialog.querySelector("button").addEventListener("click", function () { dialog.close(); });
      document.body.appendChild(dialog);
    }
    dialog.querySelector(".intro-offline-link__url").textContent = link.href;
    var qr = dialog.querySelector(".intro-offline-link__qr");
    qr.textContent = "";
    loadQrLibrary(function () {
      if (!window.qrcode) return;
      var code = window.qrcode(0, "M");
      code.addData(link.href);
      code.make();
      qr.innerHTML = code.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
    });
    dialog.addEventListener("close", function () { link.focus(); }, { once: true });
    dialog.showModal();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || !offline() || !needsNet(link)) return;
    event.preventDefault();
    showNotice(link);
  }, true);

  /* ---- Kiosk mode ---- */

  /* ?kiosk → 5 minutes; ?kiosk=10 → 10; ?kiosk=1 → 2, the fewest; anything but a number → 5. */
  function minutesFrom(value) {
    var minutes = /^\d+(\.\d+)?$/.test(value || "") ? parseFloat(value) : DEFAULT_MINUTES;
    return Math.max(minutes, FEWEST_MINUTES);
  }

  function kioskMinutes() {
    var match = /[?&]kiosk(?:=([^&#]*))?(?:[&#]|$)/.exec(window.location.search);
    if (match) {
      var minutes = minutesFrom(match[1]);
      window.sessionStorage.setItem(KIOSK, JSON.stringify({
        minutes: minutes, home: window.location.href.replace(/[?#].*$/, "")
      }));
    }
    try {
      return JSON.parse(window.sessionStorage.getItem(KIOSK));
    } catch (error) {
      return null;
    }
  }

  function newVisitor(kiosk) {
    var keys = [];
    for (var i = 0; i < window.localStorage.length; i += 1) keys.push(window.localStorage.key(i));
    keys.forEach(function (key) {
      // INTRO's own keys, and Material's light or dark choice, which it stores under the site's address.
      if (key.indexOf("intro") === 0 || /(^|\.)__palette$/.test(key)) window.localStorage.removeItem(key);
    });
    window.location.href = kiosk.home;
  }

  var idleTimer = null;

  function idleDialog(onStay) {
    var dialog = document.getElementById("intro-kiosk-idle");
    if (dialog) return dialog;
    dialog = document.createElement("dialog");
    dialog.id = "intro-kiosk-idle";
    dialog.className = "intro-kiosk-idle md-typeset";
    dialog.setAttribute("aria-labelledby", "intro-kiosk-idle-title");
    dialog.setAttribute("aria-describedby", "intro-kiosk-idle-text");
    dialog.innerHTML =
      '<h2 id="intro-kiosk-idle-title">Er du fortsatt her?</h2>' +
      '<p id="intro-kiosk-idle-text">Skjermen starter på nytt for neste besøkende om ' + WARNING_SECONDS +
      " sekunder. Det du har lest og svart, blir da slettet.</p>" +
      '<p><button type="button" class="md-button md-button--primary">Ja, jeg vil fortsette</button></p>';
    dialog.querySelector("button").addEventListener("click", onStay);
    // Esc closes a modal dialog: that is an answer too.
    dialog.addEventListener("cancel", onStay);
    document.body.appendChild(dialog);
    return dialog;
  }

  function startKiosk() {
    var kiosk = kioskMinutes();
    if (!kiosk || document.querySelector(".intro-new-visitor")) return;
    var bar = document.createElement("div");
    bar.className = "md-typeset intro-new-visitor";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "Ny besøkende";
    button.addEventListener("click", function () { newVisitor(kiosk); });
    bar.appendChild(button);
    document.body.appendChild(bar);
    /* Room for the bar under the page's last line, so it never hides the end of the page. */
    document.body.classList.add("intro-kiosk");
    document.body.style.paddingBottom = bar.offsetHeight + "px";
    var restart = function () {
      var dialog = document.getElementById("intro-kiosk-idle");
      if (dialog && dialog.open) dialog.close();
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(function () {
        idleDialog(restart).showModal();
        idleTimer = window.setTimeout(function () { newVisitor(kiosk); }, WARNING_SECONDS * 1000);
      }, kiosk.minutes * 60000);
    };
    // A key in the capture phase: intro-a11y.js stops Material's one-key shortcuts there, and a key it stops is
    // still a visitor at the screen. (Not «scroll»: captured, it would hear the page's own scrolling menus.)
    window.addEventListener("keydown", restart, { passive: true, capture: true });
    ["pointerdown", "scroll", "touchstart"].forEach(function (kind) {
      window.addEventListener(kind, restart, { passive: true });
    });
    restart();
  }

  function start() {
    markLinks();
    startKiosk();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
