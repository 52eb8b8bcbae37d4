"""Words that mean the same to a reader searching (data/synonyms.yml): how a group is matched, what it adds to the
index and to the ZIM's keywords, and what an editor is told about a wrong entry."""

from __future__ import annotations

import pytest

from macros.content.errors import ContentError
from macros.exports.search import for_facilitators, index
from macros.exports.search.synonyms import SYNONYM, Synonyms, tokens
from macros.exports.zim import search_keywords
from tests.helpers import copy_site, load_content

GROUPS = [
    ["medisinhåndtering", "legemiddelhåndtering"],
    ["avviksmelding", "avvik", "meld fra"],
    ["selvtest", "test deg selv"],
]


def page(location: str, title: str, text: str) -> index.Page:
    return index.Page(location, title, [index.Section("", "", text)])


def test_a_phrase_is_found_only_where_its_words_stand_together():
    synonyms = Synonyms.of(GROUPS)
    assert synonyms.found(tokens("Svar på «Test deg selv» nederst.")) == {2: 1}
    assert synonyms.found(tokens("Vi tester selv, og du kan teste deg.")) == {}
    # Inflected forms key alike: «legemiddelhåndteringen» is «legemiddelhåndtering».
    assert synonyms.found(tokens("Lederen har ansvaret for legemiddelhåndteringen.")) == {0: 1}


def test_a_page_counts_for_the_synonym_it_does_not_write_a_little_less_than_for_the_word_itself():
    synonyms = Synonyms.of(GROUPS)
    pages = [
        page("skriver/", "Legemiddelhåndtering", "Slik håndterer du legemidler."),
        page("ordet/", "Medisinhåndtering", "Slik håndterer du medisiner."),
        page("annet/", "Smittevern", "Vask hendene."),
    ]
    scores = {pages[n].location: s for n, s in index.term_scores(pages, synonyms)["medisinhandtering"]}
    assert set(scores) == {"skriver/", "ordet/"}
    assert scores["ordet/"] > scores["skriver/"] > 0
    assert scores["skriver/"] == pytest.approx(SYNONYM * scores["ordet/"], rel=0.01)
    # Without the list, only the page that writes the word is found.
    assert {pages[n].location for n, _ in index.term_scores(pages)["medisinhandtering"]} == {"ordet/"}


def test_the_index_carries_the_synonyms_to_mark_the_phrases_to_read_and_the_pages_to_put_last():
    synonyms = Synonyms.of(GROUPS)
    pages = [
        page("for-laerere/", "For lærere", "Quiz fra «Test deg selv»."),
        page("plakater/", "QR-plakater", "Plakater for delegering."),
        page("kapitler/meld-fra/", "Meld fra", "Meld fra om avvik."),
    ]
    built = index.build(pages, [], synonyms, for_facilitators)
    assert built.head["lowered"] == [1]
    assert built.head["synonyms"]["selvtest"] == ["test"]
    assert [["test", "deg", "selv"], "selvtest"] in built.head["phrases"]
    assert "avviksmelding" in built.head["keys"].split(" ")


def test_facilitators_pages_are_the_posters_materials_sheets_and_booklets_online_and_offline():
    wanted = [
        "plakater/",
        "plakater.html",
        "plakater/kapittel-lovene.html",
        "programmer/materiell-forste-mote/",
        "programmer/forste-mote-sporreark.html",
        "programmer/forste-mote-fasit.html",
        "kapitler/hefte-studenter/",
    ]
    assert [location for location in wanted if not for_facilitators(location)] == []
    readers = ["", "kapitler/legemidler-og-delegering/", "programmer/forste-mote/", "programmer/", "for-laerere.html"]
    assert [location for location in readers if for_facilitators(location)] == []


def test_kiwix_keywords_get_the_group_a_title_a_term_or_a_heading_names_and_not_one_the_text_mentions():
    catalog = {
        "url": "https://intro.example/",
        "chapters": [{"url": "https://intro.example/kapitler/legemidler/", "terms": ["legemiddelhåndtering"]}],
        "synonyms": GROUPS,
    }
    # The glossary's term the chapter explains names the group.
    assert "medisinhåndtering" in search_keywords("kapitler/legemidler.html", "Legemidler og delegering", catalog, [])
    # A heading names it.
    heading = search_keywords("kapitler/meld-fra.html", "Si fra", catalog, ["Avvik: vi melder for å lære"])
    assert {"avviksmelding", "meld fra"} <= set(heading)
    # Nothing names it: no synonyms, and no phrase is made of two headings' words.
    assert search_keywords("kapitler/lovene.html", "Lovene", catalog, ["Test deg", "selv"]) == ["Lovene", "lovene"]


def test_a_long_glossary_term_names_no_group_by_a_word_inside_it():
    """«… for avvik og legemiddelhåndtering» is about something else: the page that explains it stays a keyword
    match for the term, not for every word of the groups its words belong to."""
    catalog = {
        "url": "https://intro.example/",
        "chapters": [{"url": "https://intro.example/kapitler/utvikling/", "terms": ["senter for avvik og legemiddelhåndtering"]}],
        "synonyms": GROUPS,
    }
    assert search_keywords("kapitler/utvikling.html", "Utvikling", catalog, []) == [
        "Utvikling",
        "utvikling",
        "senter for avvik og legemiddelhåndtering",
    ]


@pytest.mark.parametrize(
    "groups, message",
    [
        ([["hva", "selvtest"]], "«hva» har bare småord som søket hopper over"),
        ([["avvik", "Avvik"]], "er samme ord for søket"),
    ],
)
def test_a_group_that_cannot_find_anything_new_is_named_in_norwegian(groups, message):
    with pytest.raises(ContentError) as refused:
        Synonyms.of(groups)
    assert message in str(refused.value) and "data/synonyms.yml" in str(refused.value)


@pytest.mark.parametrize(
    "written, message",
    [
        ("- words: [medisin]\n", "words"),
        ("- words: [medisin, <b>legemiddel</b>]\n", "har HTML"),
        ("- words: [medisin, legemiddel?]\n", "er ikke et ord eller uttrykk noen skriver i søket"),
        ("- words: [medisin, legemiddel]\n- words: [Medisin, piller]\n", "«medisin» står flere ganger"),
        ("- word: [medisin, legemiddel]\n", "word"),
    ],
)
def test_a_wrong_synonym_file_stops_with_the_file_and_what_to_do(tmp_path, written, message):
    project = copy_site(tmp_path / "site")
    (project / "data" / "synonyms.yml").write_text(written, encoding="utf-8")
    said = load_content(project)
    assert isinstance(said, str), "the wrong file was accepted"
    assert "data/synonyms.yml" in said and message in said
    assert "Traceback" not in said


def test_the_fixture_loads_with_a_good_synonym_file(tmp_path):
    project = copy_site(tmp_path / "site")
    (project / "data" / "synonyms.yml").write_text(
        "- words: [medisin, legemiddel]\n  why: Folk sier medisin.\n", encoding="utf-8"
    )
    loaded = load_content(project)
    assert not isinstance(loaded, str), loaded
    assert [group.words for group in loaded.site.synonyms] == [["medisin", "legemiddel"]]
