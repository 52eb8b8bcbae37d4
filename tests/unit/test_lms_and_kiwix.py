"""What the course packages and the ZIM file make of the catalogue, without a build: the identity checks, the
characters XML cannot carry, yes/no questions, and the keywords Kiwix's index gets."""

from __future__ import annotations

import pytest

from macros.content.errors import ContentError
from macros.content.identity import Identity
from macros.exports.cartridge import cartridge_files, quiz_questions, xml_safe, yes_no
from macros.exports.catalog import short_texts
from macros.exports.zim import Page, search_keywords

EDITION = Identity(
    title="INTRO – helse og omsorg i kommunen",
    name="INTRO",
    description="En introduksjon.",
    owner="Laben",
    url="https://intro.example.no/",
    colour="#4051b5",
    edition="bergen",
    config_file="mkdocs.yml",
)


def test_the_short_title_and_description_come_from_the_config_as_written():
    identity = Identity(
        **{**vars(EDITION), "short_title": "INTRO – helse og omsorg", "short_description": "En åpen introduksjon."}
    )
    assert short_texts(identity) == ("INTRO – helse og omsorg", "En åpen introduksjon.")


def test_a_title_too_long_for_kiwix_stops_the_build_naming_the_config_field():
    with pytest.raises(ContentError) as failed:
        short_texts(EDITION)  # no short_title, and site_name has 34 characters
    message = str(failed.value)
    assert "mkdocs.yml" in message and "plugins → intro → short_title" in message and "30 tegn" in message
    assert "short_description" not in message
    long = Identity(**{**vars(EDITION), "short_title": "INTRO", "short_description": "x" * 81})
    with pytest.raises(ContentError, match="short_description.*81 tegn"):
        short_texts(long)


def test_text_loses_what_xml_cannot_carry_and_keeps_norwegian():
    assert xml_safe({"a": ["Bl\x00å\x1bbær\ufffe", 3]}) == {"a": ["Blåbær", 3]}
    assert xml_safe("Tab\tog linje\nskift – «ja» 🙂") == "Tab\tog linje\nskift – «ja» 🙂"


def question(texts: list[str], right: int = 1) -> dict:
    return {
        "kind": "single",
        "question": "Kan hun?",
        "goal": 1,
        "section": "s",
        "options": [{"text": t, "feedback": f"Om {t}", **({"correct": True} if n == right else {})} for n, t in enumerate(texts)],
    }


def test_a_yes_no_choice_travels_as_true_false_and_other_choices_do_not():
    assert yes_no(question(["Ja, fordi …", "Nei, det er forbudt."]))
    assert not yes_no(question(["Jamen …", "Nei."]))
    assert not yes_no(question(["Ja.", "Nei.", "Kanskje."]))
    assert not yes_no(question(["Pasient- og brukerombudet", "Statens helsetilsyn"]))
    chapter = {"id": "lovene", "title": "Lovene", "self_check": [question(["Ja, fordi …", "Nei, det er forbudt."])]}
    made = quiz_questions(chapter, "intro-bergen-quiz-lovene")[0]
    assert made["kind"] == "true_false" and made["name"] == "Lovene – 1"
    assert [(c["ident"], c["text"], c["correct"]) for c in made["choices"]] == [
        ("true", "Ja, fordi …", False),
        ("false", "Nei, det er forbudt.", True),
    ]


def test_a_package_carries_the_edition_in_every_identifier():
    chapter = {
        "id": "lovene",
        "title": "Lovene",
        "summary": "Om lover.",
        "learning_goals": ["Mål"],
        "permanent_url": "https://intro.example.no/k/lovene/",
        "reading_minutes": 5,
        "attribution": "CC BY",
        "last_reviewed": "2026-01-01",
        "self_check": [question(["A", "B", "C"])],
    }
    catalog = {
        "edition": "gjovik",
        "title": "INTRO",
        "name": "INTRO",
        "licence": "CC-BY-4.0",
        "licence_name": "CC BY 4.0",
        "licence_url": "https://x/",
        "chapters": [chapter],
    }
    files = cartridge_files(
        catalog,
        [{"identifier": "intro-gjovik-module-alle", "title": "Alle", "chapters": ["lovene"]}],
        "Alle",
        "Alle kapitlene.",
        "intro-gjovik-alle",
    )
    assert 'identifier="intro-gjovik-page-lovene"' in files["imsmanifest.xml"]
    assert 'ident="intro-gjovik-quiz-lovene-1"' in files["quiz-lovene/assessment.xml"]
    assert "https://intro.example.no/k/lovene/" in files["lenker/lovene.xml"]


def test_kiwix_keywords_are_the_title_the_address_and_the_terms_the_page_explains():
    catalog = {
        "url": "https://intro.example.no/",
        "chapters": [{"url": "https://intro.example.no/kapitler/tjenestene/", "terms": ["hjemmesykepleie", "KAD"]}],
    }
    assert search_keywords("slik-gjor-du/hjemmetjenester.html", "Få hjelp hjemme", catalog) == [
        "Få hjelp hjemme",
        "hjemmetjenester",
    ]
    assert search_keywords("kapitler/tjenestene.html", "Tjenestene", catalog) == [
        "Tjenestene",
        "tjenestene",
        "hjemmesykepleie",
        "KAD",
    ]
    assert search_keywords("programmer/index.html", "Opplegg", catalog) == ["Opplegg", "programmer"]
    assert search_keywords("index.html", "Velkommen", catalog) == ["Velkommen"]


def test_a_zim_page_is_titled_without_the_site_name_and_indexed_by_its_article():
    html = (
        "<html><head><title>Få hjelp hjemme - INTRO – helse</title></head><body><nav>Meny Meny</nav>"
        "<article><h1>Få hjelp hjemme</h1><p>Søk hos kommunen.</p><div data-search-exclude>Ring 113</div>"
        "</article></body></html>"
    ).encode()
    page = Page(html, "INTRO – helse")
    assert page.title == "Få hjelp hjemme" and page.text == "Få hjelp hjemme Søk hos kommunen." and not page.noindex
    redirect = Page(b'<html><head><title>X</title><meta name="robots" content="noindex"></head><body></body></html>', "INTRO")
    assert redirect.noindex
