/* «Fant du det du lette etter?» at the end of a page (overrides/partials/intro-feedback.html).
 * The form works without this script: the browser posts it to the site's /tilbakemelding and stays on the page.
 * With it, the answer is posted in the background and the reader is thanked. It is sent with POST, never in the
 * address, so the reader's text cannot end up in a log of addresses. Nothing is stored in the browser,
 * no cookie is sent, and no address of the page the reader came from (no-referrer).
 * Over file:// (the offline edition) and in a kiosk there is no server to answer: the form is hidden. */
(function () {
  "use strict";

  function inKiosk() {
    try {
      return window.sessionStorage.getItem("intro.kiosk") !== null || /[?&]kiosk(=|&|#|$)/.test(window.location.search);
    } catch (error) {
      return false;
    }
  }

  function thank(box, text) {
    var thanks = box.querySelector(".intro-feedback-thanks");
    thanks.textContent = text;
    thanks.setAttribute("tabindex", "-1");
    thanks.focus();
  }

  function setup(box) {
    if (box.hasAttribute("data-intro-ready")) return;
    box.setAttribute("data-intro-ready", "");
    if (window.location.protocol === "file:" || inKiosk()) {
      box.hidden = true;
      return;
    }
    var form = box.querySelector("form");
    form.addEventListener("submit", function (event) {
      if (typeof window.fetch !== "function" || !event.submitter) return; /* the browser sends it itself */
      event.preventDefault();
      /* The fields in the form's own order (side, tekst, svar), as the browser posts them without this script:
       * nginx writes down only a body in exactly that shape (deploy/nginx/intro-tilbakemelding.conf). */
      var body = new URLSearchParams();
      body.set("side", form.elements.side.value);
      body.set("tekst", form.elements.tekst.value.trim());
      body.set("svar", event.submitter.value);
      window.fetch(form.action, {
        method: "POST",
        body: body,
        credentials: "omit",
        cache: "no-store",
        referrerPolicy: "no-referrer"
      }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        form.hidden = true;
        thank(box, "Takk for svaret! Det hjelper oss å gjøre sidene bedre.");
      }).catch(function () {
        thank(box, "Svaret kom ikke fram. Prøv igjen senere.");
      });
    });
  }

  function start() {
    document.querySelectorAll(".intro-feedback-box").forEach(setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
