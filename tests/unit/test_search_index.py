"""Search's Python side: the stemmer's keys and compounds, and the index's scores, terms files and cuts."""

from __future__ import annotations

import json

from macros.exports.search import index, stemmer
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
