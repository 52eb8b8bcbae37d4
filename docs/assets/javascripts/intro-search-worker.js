/* INTRO's search worker, behind Material's search box.
 *
 * It speaks Material's worker protocol (SETUP, READY, QUERY, RESULT), so Material's search dialog,
 * keyboard handling and screen-reader text stay as they are. The index is made at build time
 * (macros/exports/search/): per Norwegian word key the pages it occurs in, with a score that already weighs
 * title above headings above text. Its first file, the sorted keys, is loaded only when the page says the
 * reader opened search ({type: "intro-load", data: address of search/intro-index.js}); READY follows once it
 * is in. A query then loads the terms files that hold its keys' pages and scores, and the text files that
 * hold its results' titles and excerpts; while the reader reads, the rest come in one at a time.
 *
 * A query is cut into words; function words («hva», «til», «på») are dropped. Each word is keyed as the
 * index keys words (the steps of macros/exports/search/stemmer.py, with the data the index brings from it,
 * checked against the same examples):
 * lowercase, a light stem, æøå folded («parorende» finds «pårørende»). Then, for each word:
 * - the key itself;
 * - the last word as typed, when it has three letters or more, as the start of a longer word;
 * - a compound the site does not use, split into two words it does («praksisplass» → praksis + plass);
 *   a compound it does use also counts its parts, a little;
 * - failing all that, a word of five letters or more may have one letter wrong, missing, extra or swapped.
 * A word also finds the pages that write another word of its group in data/synonyms.yml («medisinhåndtering»
 * finds «legemiddelhåndtering»): the index already counts them there, a little less, and a result marks them.
 * Pages that have all the words come before pages that have some; among those, pages for readers come before
 * pages for whoever runs a programme (posters, materials: «lowered»); then the higher score wins. Each result
 * shows the title, the section that matches best and a short excerpt with the words marked. Only the top
 * results go back to the page. A search that finds nothing tries the nearest spelling, and otherwise
 * offers the reader groups' start pages and the glossary.
 *
 * ES5 syntax (with Map and typed arrays), no requests to anywhere but this site. Over file:// it runs in
 * iframe-worker's frame, where importScripts returns a promise instead of loading at once. */
(function (scope) {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, LOAD = "intro-load";
  var MAX_RESULTS = 20;
  var MAX_PREFIX_WORDS = 40;
  var SHORTEST_PREFIX = 3;
  var SHORTEST_FUZZY = 5;
  /* A query shorter than this that finds nothing is still being typed: no alternatives yet. */
  var SHORTEST_HELP = 3;
  var EXCERPT_BEFORE = 50;
  var EXCERPT_LENGTH = 200;
  /* How much a word counts when found another way than as typed. */
  var PREFIX = 0.6, FUZZY = 0.8, SPLIT = 0.9, PARTS = 0.4;
  /* A last word that is already a whole word («hjelp hjemme») is more likely finished than the start of another. */
  var PREFIX_OF_WORD = 0.25;

  /* ---- Norwegian words (the steps of macros/exports/search/stemmer.py, with its data) ---- */

  /* The rules' data, from the index (stemmer.rules()): letters, folds, vowels, endings, function words. */
  var rules = null, stopWords = {}, WORD = null, STEMMABLE = null, WORD_ANY_CASE = null;

  function useRules(loaded) {
    rules = loaded;
    WORD = new RegExp("[" + rules.letters + "]+", "g");
    WORD_ANY_CASE = new RegExp(WORD.source, "gi");
    STEMMABLE = new RegExp("^[" + rules.stemmable + "]+$");
    stopWords = {};
    rules.stopWords.forEach(function (word) { stopWords[word] = true; stopWords[fold(word)] = true; });
    keyCache = new Map();
  }

  function fold(word) {
    for (var i = 0; i < rules.folds.length; i++) word = word.split(rules.folds[i][0]).join(rules.folds[i][1]);
    return word;
  }

  function regionOne(word) {
    for (var i = 1; i < word.length; i++) {
      if (rules.vowels.indexOf(word[i]) < 0 && rules.vowels.indexOf(word[i - 1]) >= 0) return Math.max(i + 1, 3);
    }
    return word.length;
  }

  function endsInRegion(word, suffix, start) {
    return word.length - suffix.length >= start && word.slice(-suffix.length) === suffix;
  }

  function stem(word) {
    if (word.length < rules.shortestWord || !STEMMABLE.test(word)) return word;
    var original = word, start = regionOne(word), vowels = rules.vowels;
    for (var i = 0; i < rules.step1.length; i++) {
      var suffix = rules.step1[i];
      if (!endsInRegion(word, suffix, start)) continue;
      if (suffix === "s") {
        var before = word[word.length - 2];
        if (rules.sEnding.indexOf(before) >= 0 || (before === "k" && vowels.indexOf(word[word.length - 3]) < 0)) {
          word = word.slice(0, -1);
        }
      } else if (suffix === "erte" || suffix === "ert") {
        word = word.slice(0, -suffix.length) + "er";
      } else {
        word = word.slice(0, -suffix.length);
      }
      break;
    }
    if (endsInRegion(word, "dt", start) || endsInRegion(word, "vt", start)) word = word.slice(0, -1);
    var last = word[word.length - 1];
    if (word.length > rules.shortestWord && last === word[word.length - 2] && vowels.indexOf(last) < 0) {
      word = word.slice(0, -1);
    }
    /* A stem that is a function word is not a stem: «demens» must not become the pronoun «dem». */
    return word.length >= rules.shortestStem && rules.stopWords.indexOf(word) < 0 ? word : original;
  }

  var keyCache = new Map(); /* a page of results keys the same few thousand words again and again */
  function key(word) {
    var found = keyCache.get(word);
    if (found === undefined) {
      found = fold(stem(word.toLowerCase()));
      keyCache.set(word, found);
    }
    return found;
  }
  function words(text) { return text.toLowerCase().match(WORD) || []; }
  function isStopWord(word) { return stopWords[word] === true || stopWords[fold(word)] === true; }

  /* A last part of four letters or more is preferred («test» + «sent», not «tests» + «ent»). */
  function splitCompound(wordKey, has) {
    var shortest = rules.shortestPart;
    for (var shortestTail = Math.max(shortest, rules.preferredTail); shortestTail >= shortest; shortestTail--) {
      for (var cut = wordKey.length - shortestTail; cut >= shortest; cut--) {
        var head = wordKey.slice(0, cut), tail = wordKey.slice(cut);
        if (!has(tail)) continue;
        var linked = rules.linkingLetters.indexOf(head[head.length - 1]) >= 0;
        var heads = [head, stem(head), linked ? head.slice(0, -1) : ""];
        for (var i = 0; i < heads.length; i++) {
          if (heads[i].length >= shortest && heads[i] !== wordKey && has(heads[i])) return [heads[i], tail];
        }
      }
    }
    return null;
  }

  function sameFrom(a, i, b, j) {
    if (a.length - i !== b.length - j) return false;
    for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    return true;
  }

  /* One letter wrong, missing, extra, or two neighbours swapped (no strings made: it runs over the vocabulary). */
  function oneEditApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (a.length === b.length) {
      return sameFrom(a, i + 1, b, i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2));
    }
    return a.length > b.length ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
  }

  /* Edit distance up to limit (limit + 1 means farther), for the «did you mean» suggestion only. */
  var row = [], next = [];
  function distance(a, b, limit) {
    var i, j, smallest, swap;
    for (j = 0; j <= b.length; j++) row[j] = j;
    for (i = 1; i <= a.length; i++) {
      next[0] = smallest = i;
      for (j = 1; j <= b.length; j++) {
        var change = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + change);
        if (next[j] < smallest) smallest = next[j];
      }
      if (smallest > limit) return limit + 1;
      swap = row; row = next; next = swap;
    }
    return Math.min(row[b.length], limit + 1);
  }

  /* ---- The index ---- */

  var index = null;    /* as loaded: pageCount, textPages, keys, termFiles, words, alternatives */
  var vocabulary = []; /* the keys, sorted, for finding a word, prefixes and typos */
  var base = "";       /* the address of the index's folder */

  /* Where a key stands among the sorted keys, or where it would stand. */
  function position(wordKey) {
    var low = 0, high = vocabulary.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (vocabulary[middle] < wordKey) low = middle + 1; else high = middle;
    }
    return low;
  }
  function has(wordKey) { return vocabulary[position(wordKey)] === wordKey; }

  /* The terms file that holds the key at this position: the last that starts at or before it. */
  function termNumber(at) {
    var starts = index.termFiles, low = 0, high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= at) low = middle; else high = middle - 1;
    }
    return low;
  }

  function loaded(kind, number) { return scope[kind] && scope[kind][number]; }

  /* Load the files that are not in yet, then go on: at once in a worker, over file:// when they are in. */
  function withFiles(kind, prefix, numbers, then) {
    var missing = [], seen = {};
    numbers.forEach(function (number) {
      if (!loaded(kind, number) && !seen[number]) {
        seen[number] = true;
        missing.push(base + prefix + number + ".js");
      }
    });
    if (!missing.length || typeof scope.importScripts !== "function") return then();
    var pending = scope.importScripts.apply(scope, missing);
    if (pending && typeof pending.then === "function") pending.then(then); else then();
  }

  function textNumber(page) { return Math.floor(page / index.textPages); }
  function withTexts(pages, then) {
    withFiles("introSearchTexts", "intro-text-", pages.map(textNumber), then);
  }
  /* A page's address, title and sections (anchor, heading, start of text). */
  function pageOf(page) {
    var file = loaded("introSearchTexts", textNumber(page));
    return file ? file[page % index.textPages] : ["", "", [["", "", ""]]];
  }
  function sectionsOf(page) { return pageOf(page)[2]; }

  /* The keys each way of matching asks for. */
  function keysAsked(concepts) {
    var keys = [];
    concepts.forEach(function (c) {
      c.ways.forEach(function (way) { keys.push.apply(keys, way.keys); });
    });
    return keys;
  }
  function withTerms(concepts, then) {
    withFiles("introSearchTerms", "intro-terms-", keysAsked(concepts).map(function (wordKey) {
      return termNumber(position(wordKey));
    }), then);
  }

  function prepare(head) {
    index = head;
    useRules(head.rules);
    sectionKeys = new Map();
    decoded = new Map();
    vocabulary = index.keys ? index.keys.split(" ") : [];
  }

  function withPrefix(prefix) {
    var found = [];
    for (var i = position(prefix); i < vocabulary.length && found.length < MAX_PREFIX_WORDS; i++) {
      if (vocabulary[i].lastIndexOf(prefix, 0) !== 0) break;
      found.push(vocabulary[i]);
    }
    return found;
  }

  /* The keys one edit from any of the given spellings. */
  function nearby(spellings, within) {
    var found = [];
    for (var i = 0; i < vocabulary.length; i++) {
      var candidate = vocabulary[i];
      for (var j = 0; j < spellings.length; j++) {
        if (Math.abs(candidate.length - spellings[j].length) <= 1 && within(spellings[j], candidate)) {
          found.push(candidate);
          break;
        }
      }
    }
    return found;
  }

  /* A typed word → the ways a page can match it: groups of keys that must all be on the page, with a weight. */
  function concept(typed, last, exact) {
    var wordKey = key(typed), ways = [], parts;
    if (has(wordKey)) {
      ways.push({ keys: [wordKey], weight: 1 });
      parts = wordKey.length >= 7 ? splitCompound(wordKey, has) : null;
      if (parts) ways.push({ keys: parts, weight: PARTS });
    }
    if (last && !exact && typed.length >= SHORTEST_PREFIX) {
      var weight = has(wordKey) ? PREFIX_OF_WORD : PREFIX;
      withPrefix(fold(typed)).forEach(function (found) {
        if (found !== wordKey) ways.push({ keys: [found], weight: weight });
      });
    }
    if (!has(wordKey)) {
      /* A split into two real words («praksis» + «plass») beats a typo; a short part («syk» + «hjem») does not. */
      parts = splitCompound(wordKey, has);
      var typos = typed.length >= SHORTEST_FUZZY && !(parts && parts[0].length > rules.shortestPart &&
                                                      parts[1].length > rules.shortestPart)
        ? nearby([wordKey, fold(typed)], oneEditApart) : [];
      typos.forEach(function (found) { ways.push({ keys: [found], weight: FUZZY }); });
      var long = parts && parts[0].length > rules.shortestPart && parts[1].length > rules.shortestPart;
      if (parts && (!typos.length || long)) {
        ways.push({ keys: parts, weight: SPLIT });
      }
    }
    return { typed: typed, ways: ways };
  }

  /* A key's pages and scores, read from its terms file's string («3,125,17,40») the first time a query asks. */
  var decoded = new Map();
  function postings(wordKey) {
    var found = decoded.get(wordKey);
    if (!found) {
      var at = position(wordKey), number = termNumber(at), file = loaded("introSearchTerms", number);
      if (vocabulary[at] !== wordKey || !file) return [];
      found = file[at - index.termFiles[number]].split(",").map(Number);
      decoded.set(wordKey, found);
    }
    return found;
  }

  /* Per page, the best way the concept matches it. */
  function conceptScores(c, pageCount) {
    var best = new Float64Array(pageCount);
    c.ways.forEach(function (way) {
      var sum = new Float64Array(pageCount), count = new Uint8Array(pageCount), i, p;
      way.keys.forEach(function (wordKey) {
        var list = postings(wordKey);
        for (i = 0; i < list.length; i += 2) { sum[list[i]] += list[i + 1]; count[list[i]]++; }
      });
      for (p = 0; p < pageCount; p++) {
        if (count[p] === way.keys.length && sum[p] * way.weight > best[p]) best[p] = sum[p] * way.weight;
      }
    });
    return best;
  }

  /* A phrase of data/synonyms.yml typed whole («test deg selv»): its one-word synonym, as one concept. The words
     it took are marked in used. */
  function phraseConcepts(typed, used) {
    var tokens = typed.map(function (word) { return isStopWord(word) ? fold(word) : key(word); });
    var found = [];
    (index.phrases || []).forEach(function (entry) {
      var phrase = entry[0];
      for (var at = 0; at + phrase.length <= tokens.length; at++) {
        var same = true;
        for (var i = 0; i < phrase.length && same; i++) same = !used[at + i] && tokens[at + i] === phrase[i];
        if (!same) continue;
        for (i = 0; i < phrase.length; i++) used[at + i] = true;
        found.push({ typed: typed.slice(at, at + phrase.length).join(" "), ways: [{ keys: [entry[1]], weight: 1 }] });
      }
    });
    return found;
  }

  function parse(query) {
    var typed = words(query), exact = /\s$/.test(query), used = {};
    var phrases = phraseConcepts(typed, used);
    var meaningful = typed.filter(function (word, i) { return !used[i] && !isStopWord(word); });
    return phrases.concat(meaningful.map(function (word, i) {
      return concept(word, i === meaningful.length - 1 && word === typed[typed.length - 1], exact);
    }));
  }

  function rank(concepts) {
    var pageCount = index.pageCount, total = new Float64Array(pageCount), matched = new Uint8Array(pageCount);
    var perConcept = concepts.map(function (c) {
      var scores = conceptScores(c, pageCount);
      for (var p = 0; p < pageCount; p++) {
        if (scores[p] > 0) { total[p] += scores[p]; matched[p]++; }
      }
      return scores;
    });
    var hits = [], lowered = new Uint8Array(pageCount);
    (index.lowered || []).forEach(function (page) { lowered[page] = 1; });
    for (var p = 0; p < pageCount; p++) if (matched[p]) hits.push(p);
    hits.sort(function (a, b) { return matched[b] - matched[a] || lowered[a] - lowered[b] || total[b] - total[a]; });
    return { hits: hits, total: total, perConcept: perConcept };
  }

  /* ---- What the reader sees ---- */

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* The text with the words that match marked; start and end in characters. */
  function marked(text, keys, start, end) {
    var out = "", at = start, match;
    var pattern = new RegExp(WORD_ANY_CASE);
    pattern.lastIndex = start;
    while ((match = pattern.exec(text)) && match.index < end) {
      if (keys[key(match[0])]) {
        out += escape(text.slice(at, match.index)) + "<mark>" + escape(match[0]) + "</mark>";
        at = match.index + match[0].length;
      }
    }
    return out + escape(text.slice(at, end));
  }

  /* Per page, the keys of each section's heading and text, made the first time the page is a result. */
  var sectionKeys = new Map();
  function keysOf(page) {
    var found = sectionKeys.get(page);
    if (!found) {
      found = sectionsOf(page).map(function (section) {
        return [words(section[1]).map(key), words(section[2]).map(key)];
      });
      if (loaded("introSearchTexts", textNumber(page))) sectionKeys.set(page, found);
    }
    return found;
  }

  function countMatches(list, keys) {
    var count = 0;
    for (var i = 0; i < list.length; i++) if (keys[list[i]]) count++;
    return count;
  }

  function firstMatch(text, keys) {
    var pattern = new RegExp(WORD_ANY_CASE), match;
    while ((match = pattern.exec(text))) if (keys[key(match[0])]) return match.index;
    return -1;
  }

  function excerpt(text, keys) {
    var first = firstMatch(text, keys), start = 0;
    if (first > EXCERPT_BEFORE) {
      start = text.indexOf(" ", first - EXCERPT_BEFORE) + 1;
      if (start <= 0 || start > first) start = first;
    }
    var end = Math.min(text.length, start + EXCERPT_LENGTH);
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      if (space > first) end = space;
    }
    return (start > 0 ? "… " : "") + marked(text, keys, start, end) + (end < text.length ? " …" : "");
  }

  /* The keys that matched on this page, and their synonyms, for choosing the section and marking words. */
  function matchedKeys(concepts, page) {
    var keys = {}, synonyms = index.synonyms || {};
    concepts.forEach(function (c) {
      c.ways.forEach(function (way) {
        way.keys.forEach(function (wordKey) {
          var list = postings(wordKey);
          for (var i = 0; i < list.length; i += 2) {
            if (list[i] !== page) continue;
            keys[wordKey] = true;
            (synonyms[wordKey] || []).forEach(function (related) { keys[related] = true; });
            break;
          }
        });
      });
    });
    return keys;
  }

  function result(concepts, ranking, page) {
    var entry = pageOf(page), keys = matchedKeys(concepts, page), sections = entry[2];
    var known = keysOf(page);
    var best = 0, bestScore = -1;
    for (var i = 0; i < sections.length; i++) {
      /* The page's own start wins a tie: it is where a reader begins. */
      var sectionScore = 3 * countMatches(known[i][0], keys) + countMatches(known[i][1], keys) - (i ? 0.5 : 0);
      if (sectionScore > bestScore) { best = i; bestScore = sectionScore; }
    }
    var terms = {};
    if (concepts.length > 1) {
      concepts.forEach(function (c, n) { terms[c.typed] = ranking.perConcept[n][page] > 0; });
    }
    var score = ranking.total[page], section = sections[best];
    var title = marked(entry[1], keys, 0, entry[1].length);
    if (!section[0]) {
      return [{ location: entry[0], title: title, text: excerpt(section[2], keys), score: score, terms: terms }];
    }
    return [
      { location: entry[0], title: title, text: "", score: score, terms: {} },
      { location: entry[0] + "#" + section[0], title: marked(section[1], keys, 0, section[1].length),
        text: excerpt(section[2], keys), score: score, terms: terms }
    ];
  }

  function alternatives() {
    return index.alternatives.map(function (page) {
      var entry = pageOf(page), text = entry[2][0][2];
      return [{ location: entry[0], title: escape(entry[1]), text: excerpt(text, {}), score: 0, terms: {} }];
    });
  }

  /* The nearest spelling the site uses for each word that matched nothing, if any is near. */
  function suggestion(concepts, query) {
    var changed = false, typed = words(query);
    var better = typed.map(function (word) {
      var c = concepts.filter(function (item) { return item.typed === word; })[0];
      if (!c || c.ways.length || word.length < rules.shortestWord) return word;
      var wordKey = key(word), limit = word.length >= 7 ? 2 : 1, best = null, bestDistance = limit + 1;
      for (var i = 0; i < vocabulary.length; i++) {
        var candidate = vocabulary[i];
        if (Math.abs(candidate.length - wordKey.length) > limit) continue;
        var d = distance(wordKey, candidate, limit);
        if (d < bestDistance) { best = candidate; bestDistance = d; }
      }
      if (!best) return word;
      changed = true;
      return index.words[best] || best;
    });
    return changed ? better.join(" ") : null;
  }

  /* The query's words and the pages they find, once the terms files they need are in. */
  function ranked(query, then) {
    var concepts = index ? parse(query) : [];
    withTerms(concepts, function () { then(concepts, concepts.length ? rank(concepts) : { hits: [] }); });
  }

  function show(query, concepts, ranking, better, done) {
    var shown = ranking.hits.slice(0, MAX_RESULTS);
    withTexts(shown, function () {
      done({
        items: shown.map(function (page) { return result(concepts, ranking, page); }),
        intro: better ? { query: query, suggestion: better }
          : { query: query, count: ranking.hits.length, shown: shown.length }
      });
    });
  }

  function offer(query, better, done) {
    /* A query this short that finds nothing is still being typed: no alternatives yet. */
    if (query.trim().length < SHORTEST_HELP) return done({ items: [], intro: { query: query } });
    withTexts(index.alternatives, function () {
      done({ items: alternatives(), intro: { query: query, none: true, suggestion: better } });
    });
  }

  /* The answer to a query: its results; failing that, the results for the nearest spelling the site uses;
     failing that, the reader groups' pages and the glossary. */
  function searchThen(query, done) {
    ranked(query, function (concepts, ranking) {
      if (ranking.hits.length) return show(query, concepts, ranking, null, done);
      if (!concepts.length) return done({ items: [] });
      var better = suggestion(concepts, query);
      if (!better) return offer(query, null, done);
      ranked(better + " ", function (again, retry) {
        if (retry.hits.length) show(query, again, retry, better, done); else offer(query, better, done);
      });
    });
  }

  /* ---- Talking to the page ---- */

  scope.IntroSearch = { key: key, splitCompound: splitCompound, isStopWord: isStopWord, useRules: useRules };
  if (typeof scope.importScripts !== "function") return; /* loaded into a page by a test */

  /* While the reader reads the results, the other files come in, one at a time, so that a later query
     seldom waits for one. */
  var PRELOAD_PAUSE_MS = 50;
  function preload() {
    var number;
    for (number = 0; number < index.termFiles.length; number++) {
      if (!loaded("introSearchTerms", number)) {
        return withFiles("introSearchTerms", "intro-terms-", [number], later);
      }
    }
    for (number = 0; number * index.textPages < index.pageCount; number++) {
      if (!loaded("introSearchTexts", number)) return withFiles("introSearchTexts", "intro-text-", [number], later);
    }
  }
  function later() { setTimeout(preload, PRELOAD_PAUSE_MS); }

  var loading = false;
  function load(address) {
    if (loading) return;
    loading = true;
    base = address.replace(/[^/]*$/, "");
    var done = function () {
      prepare(scope.introSearchIndex);
      scope.postMessage({ type: READY });
      later();
    };
    var pending = scope.importScripts(address);
    if (pending && typeof pending.then === "function") pending.then(done); else done();
  }

  scope.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === LOAD) load(message.data);
    else if (message.type === QUERY) {
      searchThen(String(message.data), function (answer) { scope.postMessage({ type: RESULT, data: answer }); });
    }
    /* SETUP carries Material's index, cut to its configuration at build time: nothing to do. */
    else if (message.type === SETUP) return;
  });
})(self);
