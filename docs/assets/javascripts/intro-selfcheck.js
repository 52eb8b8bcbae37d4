/* «Test deg selv»: feedback on each answer, and the result kept in this browser only.
 * The page already holds every answer and its reason (in «Vis svar», for readers without JavaScript);
 * this script reads them from there, so the questions live in one place.
 * localStorage "intro.selfcheck": { chapterId: { title, total, goals: [...], answers: { n: {chosen, right} } } }.
 * Nothing is sent anywhere. Over file:// Chromium gives every local page the same storage, so it works there too. */
(function () {
  "use strict";

  var KEY = "intro.selfcheck";

  /* From intro.js: storage switched off or full never stops the feedback; it is just not kept. */
  function read() {
    return window.introShared.read(KEY, null) || {};
  }

  function write(value) {
    window.introShared.write(KEY, value);
  }

  function chosen(fieldset) {
    return Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (input) {
      return input.value;
    });
  }

  function answerItems(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll(".intro-answer [data-option]"));
  }

  function isRight(fieldset, picked) {
    var right = answerItems(fieldset)
      .filter(function (item) { return item.getAttribute("data-correct") === "true"; })
      .map(function (item) { return item.getAttribute("data-option"); });
    return picked.length === right.length && right.every(function (value) { return picked.indexOf(value) >= 0; });
  }

  function text(node, selector) {
    var found = node.querySelector(selector);
    return found ? found.textContent : "";
  }

  var element = window.introShared.element; /* from intro.js */

  /* The feedback for one question: the verdict in words (never by colour alone), why, and where to read. */
  function drawFeedback(fieldset, result) {
    var box = fieldset.querySelector(".intro-feedback");
    var kind = fieldset.getAttribute("data-kind");
    box.textContent = "";
    box.className = "intro-feedback";
    if (kind === "reflection") {
      box.classList.add("intro-feedback--model");
      box.appendChild(element("p", "intro-feedback-verdict", "Et godt svar:"));
      box.appendChild(element("p", null, text(fieldset, ".intro-answer-model .intro-answer-why")));
    } else {
      box.classList.add(result.right ? "intro-feedback--right" : "intro-feedback--wrong");
      box.appendChild(element("p", "intro-feedback-verdict",
        result.right ? "✓ Riktig." : "✗ Ikke helt riktig."));
      var list = element("ul", "intro-feedback-options");
      answerItems(fieldset).forEach(function (item) {
        var value = item.getAttribute("data-option");
        var correct = item.getAttribute("data-correct") === "true";
        var picked = result.chosen.indexOf(value) >= 0;
        var why = item.querySelector(".intro-answer-why");
        /* multiple choice: say something about every option; otherwise only the one chosen */
        if (!picked && kind !== "multiple" && !(correct && !result.right && kind === "single")) return;
        var label = picked ? (correct ? "Du valgte riktig:" : "Du valgte, men det er feil:")
          : (correct ? "Dette er også riktig:" : "Riktig å la være:");
        if (!picked && kind === "single") label = "Riktig svar er:";
        var line = element("li");
        line.appendChild(element("strong", null, label + " "));
        var option = text(item, ".intro-answer-text");
        line.appendChild(document.createTextNode(option + (/[.!?]$/.test(option) ? " " : ". ")));
        if (why) line.appendChild(document.createTextNode(why.textContent));
        list.appendChild(line);
      });
      box.appendChild(list);
      if (kind === "true_false") box.appendChild(element("p", null, text(fieldset, ".intro-answer > .intro-answer-why")));
    }
    var section = fieldset.querySelector(".intro-answer-section a");
    if (section) {
      var more = element("p", "intro-feedback-more", "Les mer: ");
      var link = element("a", null, section.textContent);
      link.href = section.getAttribute("href");
      more.appendChild(link);
      box.appendChild(more);
    }
    box.hidden = false;
  }

  function goalsMet(form, answers) {
    var goals = {};
    form.querySelectorAll(".intro-question").forEach(function (fieldset) {
      var goal = fieldset.getAttribute("data-goal");
      var text = fieldset.querySelector(".intro-question-goal").textContent.replace(/^Læringsmål:\s*/, "");
      var answer = answers[fieldset.getAttribute("data-question")];
      if (!goals[goal]) goals[goal] = { text: text, met: true };
      if (!answer || !answer.right) goals[goal].met = false;
    });
    return Object.keys(goals).sort().map(function (goal) { return goals[goal]; });
  }

  function drawSummary(form, entry) {
    var box = form.querySelector(".intro-selfcheck-summary");
    var answered = Object.keys(entry.answers).length;
    box.textContent = "";
    if (!answered) {
      box.hidden = true;
      form.querySelector(".intro-selfcheck-actions").hidden = true;
      return;
    }
    var scored = form.querySelectorAll('.intro-question:not([data-kind="reflection"])').length;
    var right = Object.keys(entry.answers).filter(function (n) {
      var fieldset = form.querySelector('.intro-question[data-question="' + n + '"]');
      return fieldset && fieldset.getAttribute("data-kind") !== "reflection" && entry.answers[n].right;
    }).length;
    box.appendChild(element("h3", null, "Resultatet ditt"));
    box.appendChild(element("p", null, "Du har svart på " + answered + " av " + entry.total + " spørsmål. "
      + right + " av " + scored + " spørsmål med fasit er riktig besvart."));
    var met = entry.goals.filter(function (goal) { return goal.met; });
    var notYet = entry.goals.filter(function (goal) { return !goal.met; });
    [["Læringsmål du har nådd:", met], ["Læringsmål du kan lese mer om:", notYet]].forEach(function (group) {
      if (!group[1].length) return;
      box.appendChild(element("p", "intro-selfcheck-goals", group[0]));
      var list = element("ul");
      group[1].forEach(function (goal) { list.appendChild(element("li", null, goal.text)); });
      box.appendChild(list);
    });
    box.appendChild(element("p", "intro-selfcheck-private",
      "Resultatet er lagret bare i denne nettleseren. «Svar på nytt» sletter det."));
    box.hidden = false;
    form.querySelector(".intro-selfcheck-actions").hidden = false;
  }

  function setup(form) {
    var chapter = form.getAttribute("data-chapter");
    var questions = form.querySelectorAll(".intro-question");
    var all = read();
    var entry = all[chapter] || { answers: {} };
    entry.title = form.getAttribute("data-title");
    entry.total = questions.length;

    function save() {
      entry.goals = goalsMet(form, entry.answers);
      all = read();
      all[chapter] = entry;
      write(all);
      drawSummary(form, entry);
    }

    questions.forEach(function (fieldset) {
      var number = fieldset.getAttribute("data-question");
      var button = fieldset.querySelector(".intro-check");
      fieldset.querySelector(".intro-question-actions").hidden = false;
      button.addEventListener("click", function () {
        var picked = chosen(fieldset);
        var kind = fieldset.getAttribute("data-kind");
        var box = fieldset.querySelector(".intro-feedback");
        if (kind !== "reflection" && !picked.length) {
          box.className = "intro-feedback";
          box.textContent = "Velg et svar først.";
          box.hidden = false;
          box.focus();
          return;
        }
        var result = { chosen: picked, right: kind === "reflection" ? true : isRight(fieldset, picked) };
        entry.answers[number] = result;
        drawFeedback(fieldset, result);
        save();
        window.introShared.markRead(chapter); /* answering the self-check counts the chapter as read */
        box.focus();
      });
      var stored = entry.answers[number];
      if (stored) {
        fieldset.querySelectorAll("input").forEach(function (input) {
          input.checked = stored.chosen.indexOf(input.value) >= 0;
        });
        drawFeedback(fieldset, stored);
      }
    });

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".intro-selfcheck-reset").addEventListener("click", function () {
      entry.answers = {};
      form.reset();
      form.querySelectorAll(".intro-feedback").forEach(function (box) { box.hidden = true; box.textContent = ""; });
      all = read();
      delete all[chapter];
      write(all);
      drawSummary(form, entry);
      questions[0].querySelector("input, textarea").focus();
    });
    entry.goals = goalsMet(form, entry.answers);
    drawSummary(form, entry);
  }

  function start() {
    document.querySelectorAll("form.intro-selfcheck").forEach(setup);
  }

  window.introSelfCheck = { read: read };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start); /* Material's page-load stream */
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
