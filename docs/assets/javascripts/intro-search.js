/* Norwegian search for INTRO, in front of Material's search worker.
 *
 * Material's search matches the start of words ("sykehjem" finds "sykehjemmet"), but a reader
 * who types an inflected form ("sykehjemmene", "fastlegen") finds little, and lunr's own stemmer
 * makes that worse, because Material's wildcard queries skip it. So each query word is cut to its
 * stem here before the worker sees it: the Snowball algorithm for Norwegian, steps 1 and 2, then a
 * doubled final consonant is made single ("sykehjemmene" → "sykehjemm" → "sykehjem"). Step 3 cuts
 * derivations ("fastlege" → "fast") and is left out: a prefix search wants the longer stem.
 * A query typed before the index is ready is also held back and sent once the worker is ready;
 * Material would otherwise drop it. While the worker is busy, only the newest query waits: Material
 * sends one per keystroke, and a large site would answer each in turn, long after the reader stopped.
 * Loaded before Material's bundle, which creates the worker. */
(function () {
  "use strict";

  var VOWELS = "aeiouyæåø";
  var S_ENDING = "bcdfghjlmnoprtvyz";
  var STEP1 = [
    "hetenes", "hetene", "hetens", "heter", "heten", "endes", "ande", "ende", "edes", "enes",
    "erte", "ede", "ane", "ene", "ens", "ers", "ets", "het", "ast", "ert", "en", "ar", "er",
    "as", "es", "et", "a", "e", "s"
  ];

  function regionOne(word) {
    for (var i = 1; i < word.length; i++) {
      if (VOWELS.indexOf(word[i]) < 0 && VOWELS.indexOf(word[i - 1]) >= 0) {
        return Math.max(i + 1, 3);
      }
    }
    return word.length;
  }

  function endsInRegion(word, suffix, start) {
    return word.length - suffix.length >= start && word.slice(-suffix.length) === suffix;
  }

  function stem(word) {
    if (word.length < 4 || /[^a-zæøå]/.test(word)) return word;
    var start = regionOne(word);
    for (var i = 0; i < STEP1.length; i++) {
      var suffix = STEP1[i];
      if (!endsInRegion(word, suffix, start)) continue;
      if (suffix === "s") {
        var before = word.slice(-2, -1);
        var keep = S_ENDING.indexOf(before) >= 0 || (before === "k" && VOWELS.indexOf(word.slice(-3, -2)) < 0);
        if (keep) word = word.slice(0, -1);
      } else if (suffix === "erte" || suffix === "ert") {
        word = word.slice(0, -suffix.length) + "er";
      } else {
        word = word.slice(0, -suffix.length);
      }
      break;
    }
    if (endsInRegion(word, "dt", start) || endsInRegion(word, "vt", start)) word = word.slice(0, -1);
    var last = word.slice(-1);
    if (word.length > 4 && last === word.slice(-2, -1) && VOWELS.indexOf(last) < 0) word = word.slice(0, -1);
    return word;
  }

  function stemQuery(query) {
    return query.replace(/[A-Za-zÆØÅæøå]+/g, function (word) {
      var lower = word.toLowerCase();
      return lower === word ? stem(word) : word; /* leave KAD, BPA and names alone */
    });
  }

  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;
  /* If an answer never comes (a worker that failed), stop waiting for it after this long. */
  var GIVE_UP_MS = 2000;
  var Original = window.Worker;
  if (!Original) return;

  function StemmingWorker(url, options) {
    var worker = new Original(url, options);
    var ready = false;
    var busySince = 0;
    var waiting = null;
    var post = worker.postMessage.bind(worker);

    function ask(query) {
      busySince = Date.now();
      waiting = null;
      post({ type: QUERY, data: query });
    }

    worker.addEventListener("message", function (event) {
      var type = event.data && event.data.type;
      if (type === READY) ready = true;
      if (type === READY || type === RESULT) {
        busySince = 0;
        if (waiting !== null) ask(waiting);
      }
    });
    worker.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        var query = stemQuery(message.data);
        var busy = busySince && Date.now() - busySince < GIVE_UP_MS;
        if (!ready || busy) {
          waiting = query;
          return;
        }
        return ask(query);
      }
      return post.apply(null, arguments);
    };
    return worker;
  }
  StemmingWorker.prototype = Original.prototype;
  window.Worker = StemmingWorker;
  window.introStem = stem; /* for the tests */
})();
