"""INTRO's search index, written at build time from the pages as reading.py read them.

reading.py splits every page into sections (title, heading, anchor, text), as Material's search plugin would, and
leaves out what a page marks `data-search-exclude`. From that this module writes script files that INTRO's own
search worker loads,
online and over file:// alike. Only the first is loaded when the reader opens search; it is small at any size
of site, so search is ready at once, and the rest come when a query needs them:

- `search/intro-index.js`: the rules the worker keys a query by, and the index keys
  (macros.exports.search.stemmer), sorted, for finding a word, a
  prefix or a near spelling; where each terms file starts among them; per key the word as the site writes it
  most often, for the «Mente du …?» suggestion; and the pages offered when a search finds nothing (the reader
  groups' start pages, the glossary);
- `search/intro-terms-<n>.js`: for a run of keys, the pages each occurs in («page,score,page,score»), each with
  a score worked out here: a word in the title counts most, then in a heading, then in the text (BM25), all
  times how rare the word is. A glossary term counts on the one page that explains it (the glossary's
  `chapter`), not on every page that uses it. Compounds count for their parts too («sykehjemsplassen» also
  for «sykehjem» and «plass»);
- `search/intro-text-<n>.js`: per page its address, title and sections (anchor, heading, the start of the
  text), TEXT_PAGES pages a file, loaded for the results that show them.

Material's own index (`search/search_index.json`, fetched on every page view) holds only its configuration:
the page needs nothing more, and Material's plugin reads no page (the intro plugin tells it to leave each alone).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from macros.content.site_map import GLOSSARY_ADDRESS
from macros.exports.search import stemmer
from macros.exports.search.synonyms import NONE, Synonyms, tokens

MATERIAL_INDEX = "search/search_index.json"
INTRO_INDEX = "search/intro-index.js"
# The keys' pages and scores, in files of about TERMS_CHARS characters each: a query loads only the files its
# words are in, so opening search costs the keys alone (13 kB compressed at 2000 chapters, against 1.2 MB with
# the scores).
TERMS_FILE = "search/intro-terms-{}.js"
TERMS_CHARS = 50_000
# The pages' titles and sections, for drawing a result, in files of TEXT_PAGES pages each.
TEXT_FILE = "search/intro-text-{}.js"
TEXT_PAGES = 10

# How much a word counts where it stands. The text's share is BM25's (at most K1 + 1 = 2.2).
TITLE = 8.0
SLUG = 5.0  # the last part of the address, which authors choose as a keyword: slik-gjor-du/hjemmetjenester
HEADING = 3.0
# A page with more headings than this is a reference list (the glossary, the figures): each heading counts less.
MANY_HEADINGS = 20
GLOSSARY = 4.0
COMPOUND_PART = 0.5
# A page's compounds count for parts of four letters or more: «sykehjem» is not about «syk».
SHORTEST_PART = 4
K1, B = 1.2, 0.6
# The glossary page lists every term under its own heading: it should help, not outrank the chapters.
GLOSSARY_PAGE_WEIGHT = 0.5
# Text kept per section for the excerpt under a result; the scores count all of it.
EXCERPT_CHARS = 360


@dataclass
class Section:
    anchor: str
    heading: str
    text: str


@dataclass
class Page:
    location: str
    title: str
    sections: list[Section] = field(default_factory=list)
    glossary: list[str] = field(default_factory=list)  # the terms this page explains


def compound_parts(vocabulary: frozenset[str], language: str = "nb") -> dict[str, tuple[str, str]]:
    """Each compound of the site with its two parts, when both are words of the site too."""
    parts = {}
    for word_key in vocabulary:
        if len(word_key) >= 2 * SHORTEST_PART:
            found = stemmer.split_compound(word_key, vocabulary, SHORTEST_PART, language)
            if found:
                parts[word_key] = found
    return parts


def _weighted(keys: Iterable[str], compounds: dict[str, tuple[str, str]]) -> Counter[str]:
    """Each key once per occurrence; a compound's parts half as much."""
    counts: Counter[str] = Counter()
    for word_key in keys:
        counts[word_key] += 1
        for part in compounds.get(word_key, ()):
            counts[part] += COMPOUND_PART  # type: ignore[assignment]  # a part counts half
    return counts


def _bm25(tf: float, length: int, average: float) -> float:
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average)) if tf else 0.0


def _synonym_keys(texts: Iterable[str], synonyms: Synonyms) -> Counter[str]:
    """The keys a field counts for through data/synonyms.yml, text by text (a phrase never spans two)."""
    extra: Counter[str] = Counter()
    for text in texts:
        if text:
            extra.update(synonyms.extra_keys(tokens(text)))
    return extra


def _compounds_of_parts(about: set[str], joined: dict[tuple[str, str], str]) -> Counter[str]:
    """The site's compounds whose two parts a page's title and address both name, half as much as the word: «Søke
    om plass på sykehjem» (slik-gjor-du/sykehjem) is the page for «sykehjemsplass», as a page that writes
    «sykehjemsplassen» counts for «sykehjem» and «plass»."""
    return Counter({joined[(first, second)]: COMPOUND_PART for first in about for second in about if (first, second) in joined})


def term_scores(pages: list[Page], synonyms: Synonyms = NONE, language: str = "nb") -> dict[str, list[tuple[int, float]]]:
    """Per key, the pages it occurs in with how strongly, best-scoring fields counted; a word of a synonym group
    also on the pages that write another word of its group, a little less."""
    fields = []
    extras = []
    for page in pages:
        slug = page.location.rstrip("/").removesuffix(".html").rsplit("/", 1)[-1].replace("-", " ")
        fields.append(
            (
                stemmer.keys(page.title, language),
                stemmer.keys(slug, language),
                [k for s in page.sections for k in stemmer.keys(s.heading, language)],
                [k for s in page.sections for k in stemmer.keys(s.text, language)],
                [stemmer.keys(term, language) for term in page.glossary],
            )
        )
        extras.append(
            tuple(
                _synonym_keys(texts, synonyms)
                for texts in ([page.title], [slug], [s.heading for s in page.sections], [s.text for s in page.sections])
            )
        )
    vocabulary = frozenset(k for title, _, headings, text, _ in fields for k in (*title, *headings, *text))
    compounds = compound_parts(vocabulary, language)
    lengths = [len(text) for _, _, _, text, _ in fields]
    average = max(sum(lengths) / max(len(lengths), 1), 1.0)
    joined = {parts: compound for compound, parts in compounds.items()}
    raw: dict[str, dict[int, float]] = defaultdict(dict)
    for number, (title, slug_keys, headings, text, glossary) in enumerate(fields):
        in_title, in_slug, in_headings, in_text = (
            _weighted(f, compounds) + extra for f, extra in zip((title, slug_keys, headings, text), extras[number], strict=True)
        )
        in_title += _compounds_of_parts(set(title) | set(slug_keys), joined)
        heading = HEADING * min(1.0, MANY_HEADINGS / max(len(pages[number].sections), 1))
        in_glossary: Counter[str] = Counter()
        for term_keys in glossary:
            for word_key in term_keys:  # a word of a long term («… for sykehjem og hjemmetjenester») counts little
                in_glossary[word_key] = max(in_glossary[word_key], 1 / len(term_keys))  # type: ignore[assignment]
        weight = GLOSSARY_PAGE_WEIGHT if pages[number].location.startswith(GLOSSARY_ADDRESS) else 1.0
        for word_key in set(in_title) | set(in_slug) | set(in_headings) | set(in_text) | set(in_glossary):
            raw[word_key][number] = weight * (
                TITLE * min(in_title[word_key], 1)
                + SLUG * min(in_slug[word_key], 1) * (not in_title[word_key])
                + heading * 0.75 * min(in_headings[word_key], 2)
                + GLOSSARY * in_glossary[word_key]
                + _bm25(in_text[word_key], lengths[number], average)
            )
    total = len(pages)
    scores = {}
    for word_key, found in raw.items():
        rarity = math.log(1 + (total - len(found) + 0.5) / (len(found) + 0.5))
        scores[word_key] = sorted(((n, s * rarity) for n, s in found.items()), key=lambda item: -item[1])
    return scores


def display_words(pages: list[Page], language: str = "nb") -> dict[str, str]:
    """Per key, the form the site writes most often («sykehjem», not «sykehjemmene»)."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for page in pages:
        for text in (page.title, *(s.heading for s in page.sections), *(s.text for s in page.sections)):
            for word in stemmer.words(text):
                if not stemmer.is_stop_word(word, language):
                    forms[stemmer.key(word, language)][word] += 1
    return {word_key: counts.most_common(1)[0][0] for word_key, counts in forms.items()}


@dataclass
class Index:
    head: dict  # what the worker loads when search opens
    terms: list[list[str]]  # per terms file, the postings of its keys, in the keys' order
    texts: list[list]  # per text file, its pages: address, title, sections


def postings(found: list[tuple[int, float]]) -> str:
    """A key's pages and scores as one string («3,125,17,40»), scores in tenths: a browser reads a few megabytes
    of strings far faster than as many numbers, and the worker turns into numbers only what a query asks for."""
    return ",".join(f"{n},{max(1, round(score * 10))}" for n, score in found)


def shards(terms: dict[str, str]) -> tuple[list[int], list[list[str]]]:
    """The keys' postings, in key order, cut into runs of about TERMS_CHARS; and where each run starts."""
    starts: list[int] = []
    runs: list[list[str]] = []
    size = TERMS_CHARS
    for position, found in enumerate(terms.values()):
        if size >= TERMS_CHARS:
            starts.append(position)
            runs.append([])
            size = 0
        runs[-1].append(found)
        size += len(found)
    return starts, runs


def build(
    pages: list[Page],
    alternatives: list[str],
    synonyms: Synonyms = NONE,
    lowered: Callable[[str], bool] = lambda _: False,
    language: str = "nb",
) -> Index:
    """The index of the pages, keyed by the rules of language; alternatives are offered when a search finds
    nothing; lowered pages (for whoever runs a programme, not for readers) come after every other page that matches
    as many of the words."""
    numbers = {page.location: n for n, page in enumerate(pages)}
    terms = {word_key: postings(found) for word_key, found in sorted(term_scores(pages, synonyms, language).items())}
    starts, runs = shards(terms)
    head = {
        "pageCount": len(pages),
        "textPages": TEXT_PAGES,
        # Keys hold letters and digits only: one string, split once, is the cheapest sorted list to load.
        "keys": " ".join(terms),
        "termFiles": starts,
        "words": {k: w for k, w in sorted(display_words(pages, language).items()) if k in terms and w != k},
        "alternatives": [numbers[location] for location in alternatives if location in numbers],
        "lowered": [n for n, page in enumerate(pages) if lowered(page.location)],
        # Per key, its synonyms' keys: a result marks them too, so the reader sees why the page was found.
        "synonyms": {k: related for k, related in sorted(synonyms.related_keys().items()) if k in terms},
        # A phrase a reader may type for a one-word synonym (its words keyed, function words kept), and that word.
        "phrases": [[phrase, word] for phrase, word in synonyms.phrases() if word in terms],
        "rules": stemmer.rules(language),
    }
    texts = [
        [
            [page.location, page.title, [[s.anchor, s.heading, s.text[:EXCERPT_CHARS]] for s in page.sections]]
            for page in pages[start : start + TEXT_PAGES]
        ]
        for start in range(0, len(pages), TEXT_PAGES)
    ]
    return Index(head, runs, texts)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def scripts(built: Index) -> dict[str, str]:
    """The index's files and their text. Scripts, not JSON: a worker loads them with importScripts, which works
    over file:// too."""
    written = {INTRO_INDEX: "self.introSearchIndex=" + _json(built.head) + ";\n"}
    for kind, name, parts in (("introSearchTerms", TERMS_FILE, built.terms), ("introSearchTexts", TEXT_FILE, built.texts)):
        for number, part in enumerate(parts):
            written[name.format(number)] = f"(self.{kind}=self.{kind}||{{}})[{number}]=" + _json(part) + ";\n"
    return written


def files(site_dir: Path) -> list[Path]:
    """The index's files in a built site, the one loaded when search opens first."""
    found = [site_dir / INTRO_INDEX]
    for name in (TERMS_FILE, TEXT_FILE):
        number = 0
        while (site_dir / name.format(number)).is_file():
            found.append(site_dir / name.format(number))
            number += 1
    return found if found[0].is_file() else []


def write(
    site_dir: Path,
    pages: Iterable[Page],
    glossary: dict[str, list[str]],
    alternatives: list[str],
    synonyms: Synonyms = NONE,
    lowered: Callable[[str], bool] = lambda _: False,
    language: str = "nb",
) -> None:
    """Write INTRO's index of the pages (as reading.py read them; a page without a title has nothing to index),
    keyed by the rules of language.

    glossary maps a page's location to the terms it explains; alternatives are page locations; lowered tells a
    page (by its location) that comes after the pages for readers."""
    found = [page for page in pages if page.title]
    for page in found:
        page.glossary = glossary.get(page.location, [])
    (site_dir / INTRO_INDEX).parent.mkdir(parents=True, exist_ok=True)
    for name, text in scripts(build(found, alternatives, synonyms, lowered, language)).items():
        (site_dir / name).write_text(text, encoding="utf-8")
