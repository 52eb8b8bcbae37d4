/* INTRO: small accessibility repairs to markup that Material's scripts create at load,
 * where neither CSS nor a template block can reach.
 *
 * Wide tables: Material wraps each table in a box that scrolls sideways on narrow screens.
 * A keyboard user can only scroll that box if it can take focus (WCAG 2.1.1; axe:
 * scrollable-region-focusable). Like Material does for wide code blocks, the box becomes
 * focusable while it scrolls, and is named as a region so a screen reader says what it is.
 *
 * Colour scheme switch: Material's switch is a group of visually hidden radio buttons, one per
 * scheme, with the visible button drawn as the label after the active one. Material never marks
 * the active one as checked, so Tab lands on the first radio button: in dark mode its label is
 * hidden, focus cannot be seen (2.4.7), and a screen reader announces the wrong action.
 *
 * Heading permalinks: one «¶» per heading made every heading a tab stop and a «Lenke til denne delen» for
 * screen readers. They stay for the mouse (and in the address bar once clicked), out of the tab order.
 *
 * Glossary explanations: the first use of a glossary word is focusable (macros/rendering/glossary.py), and
 * Material shows its explanation on focus as on hover. Esc hides it without moving focus or the pointer
 * (1.4.13); it comes back the next time a word is focused or hovered.
 *
 * Skip link: Material's «Gå til innhold» goes to the first heading in the table of contents, the first part
 * of a chapter: past its title, opening paragraph and learning goals. It goes to the page's title instead.
 *
 * One-key shortcuts: Material opens the search on «s», «f» or «/» and goes to the previous or next page on «p»,
 * «,», «n» or «.», on the whole page, and has no setting to turn them off. A speech-input user who says a word
 * can set them off by mistake (2.1.4). Material listens on window as the key bubbles up; INTRO stops these keys
 * on the way down, unless the search is open or the reader types in a field. Search stays one click or Tab away. */
(function () {
  "use strict";

  function heading(box) {
    var caption = box.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var node = box;
    while (node && node !== document.body) {
      var before = node.previousElementSibling;
      while (before) {
        if (/^H[1-6]$/.test(before.tagName)) {
          return before.textContent.replace(/¶\s*$/, "").trim();
        }
        before = before.previousElementSibling;
      }
      node = node.parentElement;
    }
    return "";
  }

  function update(box) {
    if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
    else box.removeAttribute("tabindex");
  }

  function repairTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.hasAttribute("data-intro-a11y")) return;
      box.setAttribute("data-intro-a11y", "");
      var title = heading(box);
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", title ? "Tabell: " + title : "Tabell");
      update(box);
      if (typeof ResizeObserver === "function") {
        new ResizeObserver(function () { update(box); }).observe(box);
      }
    });
  }

  function checkActiveScheme() {
    if (document.querySelector("input.md-option:checked")) return;
    var scheme = document.body.getAttribute("data-md-color-scheme");
    document.querySelectorAll("input.md-option[data-md-color-scheme]").forEach(function (option) {
      if (option.getAttribute("data-md-color-scheme") === scheme) option.checked = true;
    });
  }

  function quietPermalinks() {
    document.querySelectorAll(".md-typeset a.headerlink").forEach(function (link) {
      link.setAttribute("tabindex", "-1");
      link.setAttribute("aria-hidden", "true");
    });
  }

  function dismissTooltips() {
    if (document.documentElement.hasAttribute("data-intro-tooltips")) return;
    document.documentElement.setAttribute("data-intro-tooltips", "");
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") document.body.classList.add("intro-tooltip-dismissed");
    });
    ["focusin", "pointerover"].forEach(function (kind) {
      document.addEventListener(kind, function (event) {
        if (event.target.closest && event.target.closest("abbr[title], abbr[aria-describedby]")) {
          document.body.classList.remove("intro-tooltip-dismissed");
        }
      });
    });
  }

  var MATERIAL_SHORTCUTS = ["s", "f", "/", "p", ",", "n", "."];

  function typing(target) {
    return Boolean(target && target.closest && target.closest("input, textarea, select, [contenteditable]")) &&
      !/^(checkbox|radio|button|submit|reset)$/i.test(target.type || "");
  }

  function stopShortcuts() {
    if (document.documentElement.hasAttribute("data-intro-shortcuts")) return;
    document.documentElement.setAttribute("data-intro-shortcuts", "");
    window.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || MATERIAL_SHORTCUTS.indexOf(event.key) < 0) return;
      var search = document.querySelector('[data-md-toggle="search"]');
      if ((search && search.checked) || typing(event.target)) return;
      event.stopPropagation();
    }, true);
  }

  function skipToTitle() {
    var skip = document.querySelector("a.md-skip");
    var title = document.querySelector("article.md-content__inner h1");
    if (!skip || !title) return;
    if (!title.id) title.id = "sidetittel";
    title.setAttribute("tabindex", "-1");
    skip.setAttribute("href", "#" + title.id);
  }

  function repair() {
    stopShortcuts();
    dismissTooltips();
    skipToTitle();
    checkActiveScheme();
    repairTables();
    quietPermalinks();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(repair); /* after Material has set up the page */
  } else {
    document.addEventListener("DOMContentLoaded", repair);
  }
})();
