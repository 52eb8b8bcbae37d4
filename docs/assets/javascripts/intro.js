/* INTRO in the browser: which path you are reading, and which chapters you have read.
 * Everything stays in this browser's localStorage: no cookies, nothing is sent anywhere.
 * It works over file:// too, where Chromium gives every local page the same storage. */
(function () {
  "use strict";

  var ACTIVE_PATH = "intro.activePath";
  var PROGRESS = "intro.progress";

  function read(key, fallback) {
    try {
      var value = window.localStorage.getItem(key);
      return value === null ? fallback : JSON.parse(value);
    } catch (error) {
      return fallback; /* storage switched off: the site still works, it just forgets */
    }
  }

  function write(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      /* storage full or switched off */
    }
  }

  function activePath() {
    var fromLink = new URLSearchParams(window.location.search).get("sti");
    if (fromLink) {
      write(ACTIVE_PATH, fromLink);
      return fromLink;
    }
    return read(ACTIVE_PATH, null);
  }

  function showPathNavigation(path) {
    document.querySelectorAll(".intro-path-nav").forEach(function (nav) {
      nav.hidden = nav.getAttribute("data-path") !== path;
    });
  }

  function setupDoneButton(progress) {
    var button = document.querySelector(".intro-done");
    if (!button) return;
    var chapter = button.getAttribute("data-chapter");
    function draw() {
      var done = Boolean(progress[chapter]);
      button.setAttribute("aria-pressed", String(done));
      button.textContent = done ? "Lest ✓ (trykk for å angre)" : "Merk kapitlet som lest";
      button.classList.toggle("md-button--primary", done);
    }
    button.addEventListener("click", function () {
      if (progress[chapter]) delete progress[chapter];
      else progress[chapter] = true;
      write(PROGRESS, progress);
      draw();
    });
    button.hidden = false;
    draw();
  }

  function markPathSteps(progress) {
    document.querySelectorAll(".intro-path").forEach(function (list) {
      var steps = list.querySelectorAll("a[data-step]");
      var done = 0;
      steps.forEach(function (link) {
        var read = Boolean(progress[link.getAttribute("data-step")]);
        if (read) done += 1;
        link.classList.toggle("intro-step-done", read);
        var mark = link.parentNode.querySelector(".intro-step-mark");
        if (read && !mark) {
          mark = document.createElement("span");
          mark.className = "intro-step-mark";
          mark.textContent = " ✓ Lest";
          link.insertAdjacentElement("afterend", mark);
        }
      });
      var summary = document.querySelector(
        '.intro-path-progress[data-path="' + list.getAttribute("data-path") + '"]'
      );
      if (summary) {
        summary.textContent = "Du har lest " + done + " av " + steps.length + " kapitler i stien.";
        summary.hidden = false;
      }
    });
  }

  function start() {
    var progress = read(PROGRESS, {});
    showPathNavigation(activePath());
    setupDoneButton(progress);
    markPathSteps(progress);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start); /* Material's page-load stream */
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
