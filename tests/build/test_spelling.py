"""Norwegian bokmål spelling: hunspell's dictionary plus the project word list, data/stavekontroll.txt."""

from __future__ import annotations

from macros.checks.spelling import (
    GLOSSARY,
    content_words,
    markdown_words,
    unknown_words,
    words,
)
from tests.helpers import ROOT, SPELLING_CHAPTER


def test_the_whole_content_is_checked() -> None:
    files = content_words(ROOT)
    assert GLOSSARY in files and files[GLOSSARY]
    for page in (
        "docs/index.md",
        "docs/ordliste.md",
        "docs/last-ned.md",
        "docs/plakater.md",
        "docs/kapitler/organisering.md",
        "docs/perspektiver/studenter.md",
        "docs/programmer/index.md",
    ):
        assert files.get(page), f"{page} is not checked"


def test_code_links_urls_numbers_and_abbreviations_are_not_checked() -> None:
    checked = {word.text for word in markdown_words(SPELLING_CHAPTER)}
    assert not {text for text in checked if "xyz" in text}
    assert not checked & {"LIS1", "KAD", "BPA", "a", "id", "owner", "Test"}
    assert {"kommunnen", "sykehjemet", "forklare", "Mange", "Kari"} <= checked
    assert not {w.text for w in words("Skriv til post@example.org eller se www.helsenorge.no og anskaffelser.no.")} & {
        "post",
        "example",
        "org",
        "helsenorge",
        "anskaffelser",
        "no",
    }


def test_a_word_outside_the_dictionary_encoding_is_unknown_unless_listed() -> None:
    # hunspell silently skips what it cannot convert to the dictionary's ISO 8859-1.
    found = words("Čáhcesuolu")
    assert unknown_words({"side.md": found}) == {"side.md": ["Čáhcesuolu"]}
    assert unknown_words({"side.md": found}, frozenset({"Čáhcesuolu"})) == {}
