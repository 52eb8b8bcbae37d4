"""Search that answers Norwegian questions: the index (Python), the worker (JavaScript), and the two together
in Chromium through the site's own search box."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from playwright.sync_api import expect

from macros.exports.search import index, stemmer
from tests.helpers import ROOT

WORKER = ROOT / "docs/assets/javascripts/intro-search-worker.js"
EXAMPLES = json.loads((ROOT / "tests/data/search-words.json").read_text(encoding="utf-8"))
QUERIES = [
    (group, query, wanted)
    for group, rows in yaml.safe_load((ROOT / "tests/data/search-queries.yml").read_text(encoding="utf-8")).items()
    for query, *wanted in rows
]
# The queries the usability review tried (ux review P1, P2): each must be among the test's queries.
REVIEWED = [
    "hva koster sykehjem",
    "pris sykehjem",
    "hvordan søke sykehjem",
    "avslag sykehjem",
    "selge til kommunen",
    "hjemmetjenester",
    "demens",
    "praksisplass",
    "sykehjemsplass",
    "sykhjem",
    "parorende",
    "forskning i kommunen",
    "klage på vedtak",
    "testsenter",
    # The user test in December 2026: the words staff and teachers type (data/synonyms.yml).
    "medisinhåndtering",
    "avviksmelding",
    "selvtest",
    "delegering",
]
# The staff chapters' safety topics: each query must put the page that teaches it first, not only in the top 3.
FIRST = {
    "hjertestarter": "kapitler/nar-det-haster",
    "HLR": "kapitler/nar-det-haster",
    "stikkskade": "kapitler/din-egen-sikkerhet",
    "trykksår": "kapitler/nar-brukeren-blir-darligere",
    "hverdagstvang": "kapitler/tvang-og-teknologi",
    "verdighetsgarantien": "kapitler/kvalitet-og-etikk",
    "beboer blir dårligere": "kapitler/nar-brukeren-blir-darligere",
}
# Staff and students ask these; a page for whoever runs a programme (the posters) must not stand in their top 3.
READERS_ONLY = ("delegering", "praksisplass")


def compounds() -> tuple[frozenset[str], dict[str, list[str] | None]]:
    examples = dict(EXAMPLES["compounds"])
    return frozenset(examples.pop("_vocabulary")), examples


def read_script(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("]=" if "]=" in text else "=") + 1 :].lstrip("=").rstrip().removesuffix(";"))


def read_index(site_dir: Path) -> dict:
    """The index as one: the head, with each key's postings and each page (address, title, sections) put back
    from the terms and text files."""
    built = read_script(site_dir / index.INTRO_INDEX)
    keys, runs, pages = built["keys"].split(" "), [], []
    for path in index.files(site_dir)[1:]:
        (runs if "intro-terms-" in path.name else pages).extend(read_script(path))
    built["terms"], built["pages"] = dict(zip(keys, runs, strict=True)), pages
    return built


# ---- The Python side ----


def test_words_get_the_keys_the_shared_examples_give():
    wrong = {word: stemmer.key(word) for word, key in EXAMPLES["keys"].items() if stemmer.key(word) != key}
    assert not wrong


def test_compounds_split_as_the_shared_examples_say():
    vocabulary, examples = compounds()
    for word, parts in examples.items():
        found = stemmer.split_compound(word, vocabulary)
        assert (list(found) if found else None) == parts, word


def test_function_words_never_count_and_a_stem_is_never_a_function_word():
    assert stemmer.keys("Hva koster sykehjem?") == ["kost", "sykehjem"]
    assert stemmer.keys("klage på vedtak") == ["klag", "vedtak"]
    assert stemmer.stem("demens") == "demens" and stemmer.stem("søker") == "søk"


def page(location: str, title: str, *sections: tuple[str, str, str]) -> index.Page:
    return index.Page(location, title, [index.Section(*s) for s in sections])


def scores_for(word_key: str, pages: list[index.Page]) -> dict[str, float]:
    return {pages[n].location: score for n, score in index.term_scores(pages)[word_key]}


def test_a_word_counts_most_in_the_title_then_in_a_heading_then_in_the_text():
    filler = ("", "", "Om noe helt annet enn det du leter etter.")
    pages = [
        page("tittel/", "Avlastning", filler, ("a", "Annet", "Tekst uten ordet.")),
        page("overskrift/", "Noe annet", filler, ("a", "Avlastning", "Tekst uten ordet.")),
        page("tekst/", "Noe tredje", filler, ("a", "Annet", "Her står avlastning i teksten.")),
        page("ingen/", "Ingenting", filler),
    ]
    found = scores_for("avlastning", pages)
    assert found["tittel/"] > found["overskrift/"] > found["tekst/"] > 0 and "ingen/" not in found


def test_a_glossary_term_counts_on_the_page_that_explains_it_not_on_pages_that_use_it():
    pages = [
        page("forklarer/", "Utvikling", ("", "", "Om sentrene.")),
        page("bruker/", "Tjenestene", ("", "", "Vi samarbeider med USHT om nye tjenester.")),
        page("sykehjem/", "Sykehjem", ("", "", "Plass på sykehjem.")),
    ]
    pages[0].glossary = ["USHT", "utviklingssenter for sykehjem og hjemmetjenester"]
    usht = scores_for("usht", pages)
    assert usht["forklarer/"] > 2 * usht["bruker/"]
    # A word inside a long glossary term helps little: the page about sykehjem stays first for «sykehjem».
    sykehjem = scores_for("sykehjem", pages)
    assert sykehjem["sykehjem/"] > 2 * sykehjem["forklarer/"]


def test_materials_index_is_cut_to_its_configuration_and_ours_holds_the_pages(tmp_path):
    material = {
        "config": {"lang": ["no"]},
        "docs": [
            {"location": "a/", "title": "Søke om plass på sykehjem", "text": "<p>Slik søker du &amp; får svar.</p>"},
            {"location": "a/#pris", "title": "Hva koster det?", "text": "<p>Du betaler en egenandel.</p>"},
            {"location": "b/", "title": "Ordliste", "text": ""},
        ],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / index.MATERIAL_INDEX).write_text(json.dumps(material), encoding="utf-8")
    index.write(tmp_path, {"a/": ["sykehjem"]}, ["b/", "c/"])
    assert json.loads((tmp_path / index.MATERIAL_INDEX).read_text(encoding="utf-8")) == {"config": {"lang": ["no"]}, "docs": []}
    ours = read_index(tmp_path)
    assert ours["pages"][0] == [
        "a/",
        "Søke om plass på sykehjem",
        [["", "", "Slik søker du & får svar."], ["pris", "Hva koster det?", "Du betaler en egenandel."]],
    ]
    assert ours["alternatives"] == [1] and "egenandel" in ours["terms"]
    assert ours["rules"] == json.loads(json.dumps(stemmer.rules()))


def test_the_keys_are_cut_into_terms_files_in_order_and_each_file_starts_where_the_head_says(monkeypatch):
    terms = {f"ord{n:03}": ",".join(["1,10"] * (n % 7 + 1)) for n in range(400)}
    monkeypatch.setattr(index, "TERMS_CHARS", 200)
    starts, runs = index.shards(terms)
    assert len(runs) > 5 and starts[0] == 0
    assert [found for run in runs for found in run] == list(terms.values())
    assert starts == [sum(len(run) for run in runs[:n]) for n in range(len(runs))]
    assert all(sum(map(len, run[:-1])) < 200 for run in runs)


# ---- The built site ----


def test_the_built_index_has_the_chapters_and_leaves_out_boilerplate_and_tags(site_dir, html):
    built = read_index(site_dir)
    titles = {title for _, title, _ in built["pages"]}
    assert {"Tjenestene kommunen gir", "Hva koster det? Egenandeler og betaling"} <= titles
    headings = {heading for *_, sections in built["pages"] for _, heading, _ in sections}
    # The teaching box, the citation and the sources are the same on every chapter: no search hit there.
    assert not headings & {"Bruk i undervisning", "Slik siterer du dette kapitlet", "Kilder", "Test deg selv"}
    texts = " ".join(text for *_, sections in built["pages"] for _, _, text in sections)
    assert "Sist gjennomgått" not in texts and "/k/" not in texts
    # A first visit fetches Material's index: only its configuration is left.
    assert json.loads((site_dir / index.MATERIAL_INDEX).read_text(encoding="utf-8"))["docs"] == []
    assert (site_dir / index.MATERIAL_INDEX).stat().st_size < 1000
    # No glossary chips: the chapters carry no tags any more.
    assert html("kapitler/samhandling/index.html").css_first(".md-tags") is None


# ---- The JavaScript side, in Chromium ----


def test_the_worker_keys_stems_splits_and_drops_words_as_the_python_side_does(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>t</title>")
    page.add_script_tag(path=str(WORKER))
    # The worker takes the rules' data from the index, as it does on the site.
    page.evaluate("rules => IntroSearch.useRules(rules)", stemmer.rules())
    keys = page.evaluate("words => Object.fromEntries(words.map(w => [w, IntroSearch.key(w)]))", list(EXAMPLES["keys"]))
    assert keys == {word: key for word, key in EXAMPLES["keys"].items()}
    vocabulary, examples = compounds()
    split = page.evaluate(
        """([vocabulary, words]) => Object.fromEntries(words.map(w =>
        [w, IntroSearch.splitCompound(w, k => vocabulary.includes(k))]))""",
        [sorted(vocabulary), list(examples)],
    )
    assert split == examples
    words = sorted(stemmer.STOP_WORDS) + ["paa", "hvordan", "sykehjem", "demens"]
    assert page.evaluate("words => words.filter(w => IntroSearch.isStopWord(w))", words) == [
        word for word in words if stemmer.is_stop_word(word)
    ]
    page.close()


def search(page, query: str, base: str) -> list[str]:
    """Type a query into the open search box as a reader does; the pages found, best first (kapitler/lovene)."""
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key up
    expect(page.locator(f'.md-search-result__meta[data-intro-query="{query}"]')).to_have_count(1, timeout=10000)
    links = page.locator(".md-search-result__item > a:first-child").all()
    return [
        (link.get_attribute("href") or "").removeprefix(base).split("#")[0].removesuffix("/").removesuffix(".html")
        for link in links
    ]


def open_search(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.locator(".md-search__input").click(force=True)


def test_readers_questions_put_the_right_page_in_the_top_3(guarded_page, served_site, site_dir):
    assert not (set(REVIEWED) | set(FIRST) | set(READERS_ONLY)) - {query for _, query, _ in QUERIES}
    assert len(QUERIES) >= 80
    built = read_index(site_dir)
    for_facilitators = {built["pages"][n][0].removesuffix("/").removesuffix(".html") for n in built["lowered"]}
    assert "plakater" in for_facilitators
    page, problems = guarded_page
    open_search(page, served_site)
    misses, first, reviewed = [], 0, {}
    for group, query, wanted in QUERIES:
        found = search(page, query, served_site)[:3]
        first += bool(found) and found[0] in wanted
        if not set(found) & set(wanted):
            misses.append(f"{group}: «{query}» gave {found}, wanted one of {wanted}")
        if query in REVIEWED or query in FIRST or query in READERS_ONLY:
            reviewed[query] = found
    top3 = 1 - len(misses) / len(QUERIES)
    print(f"\nSearch relevance: top 1 {first / len(QUERIES):.0%}, top 3 {top3:.0%} of {len(QUERIES)} queries")
    print("\n".join(misses))
    assert top3 >= 0.95, "\n".join(misses)
    assert first / len(QUERIES) >= 0.85
    # Every query the review tried answers in the top 3, with the pages it named there.
    assert not [miss for miss in misses if any(f"«{query}»" in miss for query in REVIEWED)]
    assert {"kapitler/tjenestene", "slik-gjor-du/hjemmetjenester"} <= set(reviewed["hjemmetjenester"])
    assert reviewed["selge til kommunen"][0] == "kapitler/selge-og-utvikle"
    assert reviewed["forskning i kommunen"][0] == "kapitler/forskning-i-kommunen"
    for query in ("hva koster sykehjem", "pris sykehjem", "hvordan søke sykehjem", "avslag sykehjem"):
        assert "kapitler/innovasjon" not in reviewed[query], query
    assert {query: reviewed[query][:1] for query in FIRST} == {query: [page] for query, page in FIRST.items()}
    assert {query: set(reviewed[query]) & for_facilitators for query in READERS_ONLY} == {q: set() for q in READERS_ONLY}
    # «selvtest» finds «Test deg selv»: on «For lærere», or on a chapter.
    assert reviewed["selvtest"][0] == "for-laerere" or reviewed["selvtest"][0].startswith("kapitler/")
    assert problems == []


def test_the_index_waits_until_the_reader_opens_search(guarded_page, served_site):
    page, problems = guarded_page
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(served_site + "kapitler/lovene/", wait_until="networkidle")
    assert not [url for url in asked if index.INTRO_INDEX in url]
    page.locator(".md-search__input").click(force=True)
    expect(page.locator(".md-search-result__meta")).to_have_text("Skriv søkeord", timeout=10000)
    assert [url for url in asked if index.INTRO_INDEX in url]
    assert problems == []


def test_a_result_shows_the_title_the_section_and_an_excerpt_with_the_words_marked(guarded_page, served_site):
    page, problems = guarded_page
    open_search(page, served_site)
    search(page, "hva koster sykehjem", served_site)
    first = page.locator(".md-search-result__item").first
    expect(first.locator("h1")).to_have_text("Hva koster det? Egenandeler og betaling")
    expect(first.locator("mark").first).to_have_text(re.compile("koster|sykehjem", re.I))
    assert first.locator(".md-tag").count() == 0
    assert "hva" not in first.locator("mark").all_inner_texts()
    # «demens» is not cut to the pronoun «dem».
    search(page, "demens", served_site)
    marked = {text.lower() for text in page.locator(".md-search-result__item mark").all_inner_texts()}
    assert "demens" in marked and "dem" not in marked
    assert problems == []


def test_a_search_that_finds_nothing_offers_ways_on_in_norwegian(guarded_page, served_site):
    page, problems = guarded_page
    open_search(page, served_site)
    found = search(page, "xqzwv", served_site)
    expect(page.locator(".md-search-result__meta")).to_contain_text("Ingen treff på «xqzwv»")
    assert "perspektiver/parorende" in found and "ordliste" in found
    # Two letters wrong: the nearest word is searched for instead, and the line says so.
    found = search(page, "avlstnig", served_site)
    expect(page.locator(".md-search-result__meta")).to_contain_text("Viser treff for «avlastning»")
    assert "slik-gjor-du/avlastning" in found[:3]
    assert problems == []
