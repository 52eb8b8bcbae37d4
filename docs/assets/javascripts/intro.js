/* INTRO in the browser: which path you are reading, where you are on it, which chapters you have read,
 * and the end of a path: what you covered and your self-check results («Start på nytt» forgets it all).
 * A chapter counts as read when the reader answers its self-check or marks it read; on a path the reader has
 * started, also when the reader reaches the end of its text. Keeping track is the service the reader asked for by
 * starting the path: without one, nothing about what the reader reads is stored unless they ask (the privacy
 * statement justifies the storage without consent so).
 * Everything stays in this browser's localStorage: no cookies, nothing is sent anywhere.
 * It works over file:// too, where Chromium gives every local page the same storage. */
(function () {
  "use strict";

  var ACTIVE_PATH = "intro.activePath";
  var PROGRESS = "intro.progress";
  var PLACE = "intro.pathPlace"; /* path → the chapter the reader was last on in it */
  var FINISHED = "intro.pathFinished"; /* path → the day the reader finished it */
  var SELF_CHECK = "intro.selfcheck"; /* written by intro-selfcheck.js */

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

  function element(tag, className, content) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (content) made.textContent = content;
    return made;
  }

  /* Listeners for a chapter marked read (the «Merk kapitlet som lest» button redraws itself). */
  var onRead = [];

  function markRead(chapter) {
    var progress = read(PROGRESS, {});
    if (progress[chapter]) return;
    progress[chapter] = true;
    write(PROGRESS, progress);
    onRead.forEach(function (listener) { listener(chapter); });
  }

  /* intro-selfcheck.js, loaded after this file, keeps its results and draws its feedback with the same helpers,
   * and counts a chapter as read when its self-check is answered. */
  window.introShared = { read: read, write: write, element: element, markRead: markRead };

  function withPath(href, path) {
    return href.split("?")[0] + "?sti=" + encodeURIComponent(path);
  }

  /* On a chapter of the path being read: «Steg 3 av 7» at the top, the path's own «Neste» at the bottom,
   * and Material's footer (menu order, with a «Neste» of its own) out of the way, so there is one «Neste». */
  function showPathNavigation(path) { /* true when this page is a step of that path */
    var onPath = false;
    document.querySelectorAll(".intro-path-nav").forEach(function (nav) {
      nav.hidden = nav.getAttribute("data-path") !== path;
      if (!nav.hidden) onPath = true;
    });
    document.querySelectorAll(".intro-path-position").forEach(function (position) {
      position.hidden = position.getAttribute("data-path") !== path;
    });
    /* Only ever hidden here: the group pages have it hidden from the build (their «Neste» is another group). */
    var footer = document.querySelector(".md-footer__inner");
    if (footer && onPath) footer.hidden = true;
    var chapter = document.querySelector(".intro-meta[data-chapter]");
    if (onPath && chapter) {
      var place = read(PLACE, {});
      place[path] = chapter.getAttribute("data-chapter");
      write(PLACE, place);
    }
    return onPath;
  }

  /* The landing page: «Fortsett der du slapp» for the path this browser is on. */
  function offerToContinue(path) {
    var data = document.querySelector(".intro-continue");
    if (!data || !path) return;
    var steps = data.querySelector('.intro-continue-path[data-path="' + path + '"]');
    var place = read(PLACE, {})[path];
    var finished = read(FINISHED, {})[path];
    if (!steps || (!place && !finished)) return;
    var name = steps.getAttribute("data-name");
    var start = steps.querySelector(".intro-continue-start");
    var links = Array.prototype.slice.call(steps.querySelectorAll("a[data-step]"));
    var box = element("section", "intro-continue-box admonition tip");
    box.setAttribute("aria-labelledby", "intro-continue-title");
    var title = element("h2", "admonition-title", "Fortsett der du slapp");
    title.id = "intro-continue-title";
    box.appendChild(title);
    var actions = element("p");
    if (finished) {
      box.appendChild(element("p", null, "Du er ferdig med stien for " + name + "."));
      var summary = element("a", "md-button md-button--primary", "Se oppsummeringen av stien for " + name);
      summary.href = withPath(start.getAttribute("href"), path);
      actions.appendChild(summary);
    } else {
      var index = links.map(function (link) { return link.getAttribute("data-step"); }).indexOf(place);
      var current = links[Math.max(index, 0)];
      box.appendChild(element("p", null, "Du er på steg " + (Math.max(index, 0) + 1) + " av " + links.length
        + " i stien for " + name + "."));
      var go = element("a", "md-button md-button--primary", "Fortsett med «" + current.textContent + "»");
      go.href = withPath(current.getAttribute("href"), path);
      actions.appendChild(go);
      actions.appendChild(document.createTextNode(" "));
      var all = element("a", "md-button", "Se hele stien for " + name);
      all.href = withPath(start.getAttribute("href"), path);
      actions.appendChild(all);
    }
    box.appendChild(actions);
    data.parentNode.insertBefore(box, data);
  }

  /* A reader group's page: «Start stien» becomes «Fortsett» once the reader has begun the path here. */
  function offerStartOrContinue() {
    document.querySelectorAll(".intro-path-start").forEach(function (start) {
      var path = start.getAttribute("data-path");
      var place = read(PLACE, {})[path];
      var button = start.querySelector(".intro-path-start-link");
      var step = place && document.querySelector('.intro-path[data-path="' + path + '"] a[data-step="' + place + '"]');
      if (!button || !step || read(FINISHED, {})[path]) return;
      button.textContent = "Fortsett med «" + step.textContent + "»";
      button.href = step.getAttribute("href");
    });
  }

  /* The end of a chapter's own text, on a step of the path the reader started: once the reader has got there,
   * or past it from above (a jump to the bottom passes it without showing it), the chapter is read. A link into
   * a later section of the chapter opens below it, and does not count. */
  function watchChapterEnd() {
    var end = document.querySelector(".intro-chapter-end[data-chapter]");
    if (!end) return;
    var chapter = end.getAttribute("data-chapter");
    var waiting = false;
    var wasBelow = false;
    function check() {
      waiting = false;
      var box = end.getBoundingClientRect();
      var below = box.top > window.innerHeight;
      var reached = !below && (box.bottom >= 0 || wasBelow);
      wasBelow = below;
      if (!reached) return;
      window.removeEventListener("scroll", onScroll);
      markRead(chapter);
    }
    function onScroll() {
      if (waiting) return;
      waiting = true;
      window.requestAnimationFrame(check);
    }
    window.addEventListener("scroll", onScroll, { passive: true });
    check();
  }

  /* A goal's state from the chapter's stored answers: met when every question on it was answered right, not yet
   * met when one was answered and not all were right, not tried when none was answered (or it has no question). */
  function goalState(entry, questions) {
    var answers = (entry && entry.answers) || {};
    var asked = questions.filter(function (n) { return answers[n]; });
    if (!asked.length) return "untried";
    var allRight = questions.every(function (n) { return answers[n] && answers[n].right; });
    return allRight ? "met" : "unmet";
  }

  var GOAL_STATES = { met: "✓ Nådd", unmet: "Ikke nådd ennå", untried: "Ikke prøvd" };

  function selfCheckResult(entry, states) {
    var met = states.filter(function (state) { return state === "met"; }).length;
    var answered = entry && entry.answers ? Object.keys(entry.answers).length : 0;
    if (!answered) return "Test deg selv: ikke tatt. 0 av " + states.length + " læringsmål nådd.";
    return "Test deg selv: " + answered + " av " + entry.total + " spørsmål besvart, "
      + met + " av " + states.length + " læringsmål nådd.";
  }

  /* The ending's marks: each chapter read or not, each goal met, not yet met or not tried, and the counts. */
  function drawPathEnd(end) {
    var progress = read(PROGRESS, {});
    var results = read(SELF_CHECK, {});
    var chapters = end.querySelectorAll(".intro-path-end-read");
    var readCount = 0;
    var totals = { met: 0, unmet: 0, untried: 0 };
    chapters.forEach(function (mark) {
      var done = Boolean(progress[mark.getAttribute("data-chapter")]);
      if (done) readCount += 1;
      mark.textContent = done ? "(lest)" : "(ikke lest)";
    });
    end.querySelectorAll(".intro-path-end-result").forEach(function (result) {
      var chapter = result.getAttribute("data-chapter");
      var entry = results[chapter];
      var states = Array.prototype.map.call(
        end.querySelectorAll('.intro-goal[data-chapter="' + chapter + '"]'),
        function (goal) {
          var questions = goal.getAttribute("data-questions").split(" ").filter(Boolean);
          var state = goalState(entry, questions);
          totals[state] += 1;
          var mark = goal.parentNode.querySelector(".intro-goal-state");
          mark.textContent = "– " + GOAL_STATES[state];
          mark.className = "intro-goal-state intro-goal-state--" + state;
          return state;
        }
      );
      result.textContent = result.getAttribute("data-has-check") === "true" || entry
        ? "– " + selfCheckResult(entry, states) : "";
    });
    end.querySelector(".intro-path-end-count").textContent = "Du har lest " + readCount + " av " + chapters.length
      + " kapitler i stien. Læringsmål: " + totals.met + " nådd, " + totals.unmet + " ikke nådd ennå, "
      + totals.untried + " ikke prøvd.";
  }

  /* A path's own page: the ending once the reader has finished it, and «Start på nytt». */
  function showPathEnd(path) {
    document.querySelectorAll(".intro-path-end").forEach(function (end) {
      var id = end.getAttribute("data-path");
      var params = new URLSearchParams(window.location.search);
      var finished = read(FINISHED, {});
      var justNow = params.get("ferdig") && params.get("sti") === id;
      if (justNow && !finished[id]) {
        finished[id] = new Date().toISOString().slice(0, 10);
        write(FINISHED, finished);
      }
      var steps = Array.prototype.map.call(end.querySelectorAll("[data-chapter]"), function (result) {
        return result.getAttribute("data-chapter");
      });
      var started = finished[id] || read(PLACE, {})[id] || path === id;
      document.querySelectorAll('.intro-path-restart[data-path="' + id + '"]').forEach(function (button) {
        button.addEventListener("click", function () { restart(id, steps); });
      });
      var actions = document.querySelector(".intro-path-actions");
      if (actions && started && !finished[id]) actions.hidden = false;
      if (!finished[id]) return;
      drawPathEnd(end);
      end.querySelectorAll(".intro-path-end-heading").forEach(function (stand) {
        var heading = element("h" + stand.getAttribute("data-level"), "intro-path-end-title", stand.textContent);
        if (stand.id) heading.id = stand.id;
        stand.parentNode.replaceChild(heading, stand);
      });
      end.querySelector(".intro-path-end-date").textContent = "Fullført " + finished[id].split("-").reverse().join(".") + ".";
      end.querySelector(".intro-path-print").addEventListener("click", function () { window.print(); });
      end.hidden = false;
      if (justNow) {
        /* The ending opens at its top: focus on its heading, scrolled to the top of the screen. */
        var title = end.querySelector(".intro-path-end-title");
        title.setAttribute("tabindex", "-1");
        title.focus({ preventScroll: true });
        title.scrollIntoView({ block: "start" });
      }
    });
  }

  function restart(path, steps) {
    var progress = read(PROGRESS, {});
    var results = read(SELF_CHECK, {});
    steps.forEach(function (step) { delete progress[step]; delete results[step]; });
    write(PROGRESS, progress);
    write(SELF_CHECK, results);
    [PLACE, FINISHED].forEach(function (key) {
      var value = read(key, {});
      delete value[path];
      write(key, value);
    });
    if (read(ACTIVE_PATH, null) === path) {
      try { window.localStorage.removeItem(ACTIVE_PATH); } catch (error) { /* storage switched off */ }
    }
    window.location.href = window.location.href.split(/[?#]/)[0];
  }

  /* «Merk kapitlet som lest» stays as a switch: reaching the end marks the chapter read without it, and a
   * reader can take the mark off (or set it without reading to the end). The button stands below the end, so a
   * reader who jumps down to tap it reaches the end on the way: the mark is set, and the label changes, just before
   * the tap lands. A tap that soon after confirms the mark it was aimed at instead of taking it off again. */
  var CHANGED_UNDER_THE_FINGER_MS = 1000;

  function setupDoneButton() {
    var button = document.querySelector(".intro-done");
    if (!button) return;
    var chapter = button.getAttribute("data-chapter");
    var markedAt = 0;
    function draw() {
      var done = Boolean(read(PROGRESS, {})[chapter]);
      button.setAttribute("aria-pressed", String(done));
      button.textContent = done ? "Lest ✓ (trykk for å angre)" : "Merk kapitlet som lest";
      button.classList.toggle("md-button--primary", done);
    }
    button.addEventListener("click", function () {
      var progress = read(PROGRESS, {});
      if (progress[chapter] && Date.now() - markedAt < CHANGED_UNDER_THE_FINGER_MS) return;
      if (progress[chapter]) delete progress[chapter];
      else progress[chapter] = true;
      write(PROGRESS, progress);
      draw();
    });
    onRead.push(function (marked) {
      if (marked === chapter) markedAt = Date.now();
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
    var path = activePath();
    onRead = [];
    var onPath = showPathNavigation(path);
    offerToContinue(path);
    offerStartOrContinue();
    showPathEnd(path);
    setupDoneButton();
    markPathSteps(read(PROGRESS, {}));
    if (onPath) watchChapterEnd();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start); /* Material's page-load stream */
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
