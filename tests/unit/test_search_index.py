"""Search's Python side: the stemmer's keys and compounds, and the index's scores, terms files and cuts."""

from __future__ import annotations

import html as html_module
import json
import re

from macros.exports.search import index, reading, stemmer
from tests.helpers import SEARCH_EXAMPLES, read_index, search_compounds


def test_words_get_the_keys_the_shared_examples_give():
    wrong = {word: stemmer.key(word) for word, key in SEARCH_EXAMPLES["keys"].items() if stemmer.key(word) != key}
    assert not wrong


def test_compounds_split_as_the_shared_examples_say():
    vocabulary, examples = search_compounds()
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


def test_a_page_whose_title_and_address_name_a_compounds_parts_is_found_by_the_compound():
    """«Søke om plass på sykehjem» answers «sykehjemsplass» before a page that only writes the word in passing."""
    filler = ("", "", "Om noe helt annet enn det du leter etter.")
    pages = [
        page("slik-gjor-du/sykehjem/", "Søke om plass på sykehjem", filler, ("a", "Søknaden", "Du søker hos kommunen.")),
        page("kapitler/tjenestene/", "Tjenestene", filler, ("a", "Sykehjem", "Du kan få sykehjemsplass.")),
        page("kapitler/annet/", "Annet", filler, ("a", "Plass", "Det er plass til alle.")),
    ]
    found = scores_for(stemmer.key("sykehjemsplass"), pages)
    assert found["slik-gjor-du/sykehjem/"] > found["kapitler/tjenestene/"] > 0
    # Both parts must be in the title or the address: one part alone is not the compound.
    assert "kapitler/annet/" not in found


def test_the_index_holds_the_pages_as_the_build_read_them(tmp_path):
    pages = [
        reading.read_page(
            '<p>Slik søker du &amp; får svar.</p><h2 id="pris">Hva koster det?</h2><p>Du betaler en egenandel.</p>',
            "a/",
            "Søke om plass på sykehjem",
        ),
        reading.read_page("<p>Alle ordene.</p>", "b/", "Ordliste"),
        reading.read_page("", "tom/", "Ingenting å lese"),
        reading.read_page('<p data-search-exclude="">Bare her</p>', "c/", "Utelatt"),
    ]
    index.write(tmp_path, pages, {"a/": ["sykehjem"]}, ["b/", "c/"])
    ours = read_index(tmp_path)
    assert ours["pages"][0] == [
        "a/",
        "Søke om plass på sykehjem",
        [["", "", "Slik søker du & får svar."], ["pris", "Hva koster det?", "Du betaler en egenandel."]],
    ]
    assert ours["alternatives"] == [1, 2] and "egenandel" in ours["terms"] and "bare" not in ours["terms"]
    assert ours["rules"] == json.loads(json.dumps(stemmer.rules()))


# Material's search plugin reads a page into the same sections (its Parser is the reference), except where it lets
# text out of an excluded box whose inner box closes first (its elements compare by tag name): INTRO leaves out
# all an excluded element holds.
READ_AS_MATERIAL_DOES = [
    '<p>Før første overskrift.</p><h2 id="a">Del A<a class="headerlink" href="#a">¶</a></h2><p>Tekst <em>i</em> A.</p>',
    '<h1 id="t">Tittel</h1><p>Innledning</p><h2 id="b">B</h2><ul><li>en</li><li>to</li></ul>',
    '<div class="admonition"><h3 id="i">Inne</h3><p>i boksen</p></div><p>etter boksen</p>',
    '<h2 id="k" data-search-exclude>Kilder</h2><ol><li>kilde</li></ol><h2 id="n">Neste</h2><p>synlig</p>',
    "<p>kode: <code>a &lt; b</code></p><pre><code>linje 1\n  linje 2</code></pre><script>x()</script>",
    '<table><tr><td>celle</td><td>to</td></tr></table><p data-search-exclude="">borte</p><p>her</p>',
]


def test_a_page_is_read_into_the_sections_materials_parser_gives():
    from material.plugins.search.plugin import SearchIndex

    for html in READ_AS_MATERIAL_DOES:
        material = SearchIndex(lang=["no"], separator="[\\s\\-]+", pipeline=[], fields={})
        page = type("Page", (), {"content": html, "meta": {}, "toc": [], "url": "x/", "title": "Siden"})()
        material.add_entry_from_context(page)
        theirs = [
            (entry["location"].partition("#")[2], plain(entry["title"]), plain(entry["text"])) for entry in material.entries
        ]
        ours = reading.read_page(html, "x/", "Siden")
        assert [(s.anchor, s.heading or ours.title, s.text) for s in ours.sections] == theirs, html
    nested = reading.read_page('<div data-search-exclude=""><div>inne</div> ute</div><p>her</p>', "x/", "Siden")
    assert [s.text for s in nested.sections] == ["her"]


def plain(markup: str) -> str:
    """Material's entry as INTRO reads it: tags are spaces, entities their characters, runs of space one."""
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_the_keys_are_cut_into_terms_files_in_order_and_each_file_starts_where_the_head_says(monkeypatch):
    terms = {f"ord{n:03}": ",".join(["1,10"] * (n % 7 + 1)) for n in range(400)}
    monkeypatch.setattr(index, "TERMS_CHARS", 200)
    starts, runs = index.shards(terms)
    assert len(runs) > 5 and starts[0] == 0
    assert [found for run in runs for found in run] == list(terms.values())
    assert starts == [sum(len(run) for run in runs[:n]) for n in range(len(runs))]
    assert all(sum(map(len, run[:-1])) < 200 for run in runs)
