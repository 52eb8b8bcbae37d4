/* INTRO: two printouts of a programme page. Paper without a script is the participants' version (the notes
 * for whoever runs the programme are left out by the print stylesheet); these buttons print either one. */
(function () {
  "use strict";

  var FACILITATOR = "intro-print-kursholder";

  function button(label, withNotes) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button" + (withNotes ? "" : " md-button--primary");
    element.textContent = label;
    element.addEventListener("click", function () {
      document.body.classList.toggle(FACILITATOR, withNotes);
      window.print();
    });
    return element;
  }

  function offerPrintouts() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || !article.querySelector(".kursholder") || article.querySelector(".intro-printouts")) return;
    var bar = document.createElement("p");
    bar.className = "intro-printouts";
    bar.appendChild(button("Skriv ut for deltakere", false));
    bar.appendChild(button("Skriv ut for kursholder", true));
    var title = article.querySelector("h1");
    (title || article.firstElementChild).insertAdjacentElement("afterend", bar);
  }

  function offerBookletPrint() {
    document.querySelectorAll("[data-intro-print]").forEach(function (element) {
      element.parentNode.hidden = false;
      element.onclick = function () { window.print(); };
    });
  }

  window.addEventListener("afterprint", function () {
    document.body.classList.remove(FACILITATOR);
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(offerPrintouts);
    window.document$.subscribe(offerBookletPrint);
  } else {
    document.addEventListener("DOMContentLoaded", offerPrintouts);
    document.addEventListener("DOMContentLoaded", offerBookletPrint);
  }
})();
