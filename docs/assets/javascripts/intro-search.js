/* INTRO's search in Material's search box: the page's side.
 *
 * Material starts its search worker when the page loads. This script, loaded before Material's bundle,
 * starts INTRO's worker (intro-search-worker.js, next to this file) in its place, so Material's dialog,
 * keyboard handling and screen-reader text stay and INTRO's index answers.
 * - The index (search/intro-index.js) is loaded only when the reader opens search: a page view that
 *   never searches costs no index at all.
 * - A query typed before the index is in is held back and sent once the worker is ready; while the worker
 *   is busy only the newest query waits (Material sends one per key).
 * - When a search finds nothing, or finds something only after correcting a word, the line above the results
 *   says so in words, instead of a bare «Ingen treff».
 * Over file:// Material's iframe-worker shim (loaded before this script) stands in for Worker. */
(function () {
  "use strict";

  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;
  var LOAD = "intro-load";
  /* If an answer never comes (a worker that failed), stop waiting for it after this long. */
  var GIVE_UP_MS = 2000;
  var Original = window.Worker;
  var here = document.currentScript && document.currentScript.src;
  if (!Original || !here) return;
  var WORKER = new URL("intro-search-worker.js", here).href;
  var INDEX = new URL("../../search/intro-index.js", here).href;

  function meta() { return document.querySelector(".md-search-result__meta"); }

  /* Material has drawn its line («Ingen treff», «3 treff»); say more where it helps. */
  function explain(intro) {
    var line = meta();
    if (!line || !intro) return;
    line.setAttribute("data-intro-query", intro.query); /* which query the list now answers (the tests wait for it) */
    if (intro.none) {
      line.textContent = "Ingen treff på «" + intro.query.trim() + "». " +
        (intro.suggestion ? "Mente du «" + intro.suggestion + "»? " : "") +
        "Prøv et annet ord, slå opp i ordlisten, eller begynn på siden for din gruppe:";
    } else if (intro.suggestion) {
      line.textContent = "Ingen treff på «" + intro.query.trim() + "». Viser treff for «" + intro.suggestion + "».";
    } else if (intro.count > intro.shown) {
      line.textContent = "De " + intro.shown + " beste av " + intro.count + " treff";
    }
  }

  function IntroWorker(url, options) {
    var ours = /workers\/search\.[^/]*js$/.test(String(url));
    var worker = new Original(ours ? WORKER : url, options);
    if (!ours) return worker;
    var ready = false;
    var loading = false;
    var busySince = 0;
    var waiting = null;
    var post = worker.postMessage.bind(worker);

    function load() {
      if (loading) return;
      loading = true;
      post({ type: LOAD, data: INDEX });
    }

    function ask(query) {
      busySince = Date.now();
      waiting = null;
      post({ type: QUERY, data: query });
    }

    /* The reader opens search: by focus (click, tap, the «/» key) or by the search button on a phone. */
    document.addEventListener("focusin", function (event) {
      if (event.target && event.target.matches && event.target.matches(".md-search__input")) load();
    });
    document.addEventListener("change", function (event) {
      if (event.target && event.target.id === "__search" && event.target.checked) load();
    });

    worker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type === READY) ready = true;
      if (data.type === RESULT && data.data) {
        /* After Material's own handler has drawn the results and its line. */
        setTimeout(explain, 0, data.data.intro);
      }
      if (data.type === READY || data.type === RESULT) {
        busySince = 0;
        if (waiting !== null) ask(waiting);
      }
    });
    worker.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        load();
        var busy = busySince && Date.now() - busySince < GIVE_UP_MS;
        if (!ready || busy) {
          waiting = message.data;
          return;
        }
        return ask(message.data);
      }
      return post.apply(null, arguments);
    };
    return worker;
  }
  IntroWorker.prototype = Original.prototype;
  window.Worker = IntroWorker;
})();
