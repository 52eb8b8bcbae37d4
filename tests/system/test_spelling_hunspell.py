"""Norwegian bokmål spelling with Debian's hunspell: the real content and word list, and what a misspelling gives."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from macros.checks.spelling import (
    GLOSSARY,
    WORD_LIST,
    Word,
    check,
    content_words,
    load_word_list,
    parse_word_list,
    redundant_list_words,
    unknown_words,
    words,
)
from macros.content.norwegian import sort_key
from tests.helpers import ROOT, SPELLING_CHAPTER


@pytest.fixture(scope="module")
def word_list() -> frozenset[str]:
    return load_word_list(ROOT)


def test_content_has_no_unknown_words(word_list: frozenset[str]) -> None:
    report = check(ROOT)
    assert not report, (
        "Ord som stavekontrollen ikke kjenner. Rett skrivefeil i teksten; legg riktig stavede fagord, "
        f"navn og sammensatte ord i {WORD_LIST}:\n"
        + "\n".join(f"  {label}: {', '.join(found)}" for label, found in report.items())
    )


def test_a_misspelling_in_a_page_is_reported(tmp_path: Path, word_list: frozenset[str]) -> None:
    page = tmp_path / "docs" / "kapitler" / "typo.md"
    page.parent.mkdir(parents=True)
    page.write_text(SPELLING_CHAPTER, encoding="utf-8")
    report = unknown_words(content_words(tmp_path), word_list)
    # The misspelling in the title and in the body and key points; the word list knows «medisindispenser».
    assert report == {"docs/kapitler/typo.md": ["kommunnen", "sykehjemet"]}


def test_a_misspelling_in_a_glossary_definition_is_reported(tmp_path: Path, word_list: frozenset[str]) -> None:
    glossary = tmp_path / GLOSSARY
    glossary.parent.mkdir(parents=True)
    glossary.write_text(
        "- term: sykehjem\n  definition: Et sted der kommunnen gir heldøgns omsorg.\n  english: nursing home\n", encoding="utf-8"
    )
    (tmp_path / "docs").mkdir()
    assert unknown_words(content_words(tmp_path), word_list) == {GLOSSARY: ["kommunnen"]}


def test_word_list_matches_case_and_lower_case_at_a_sentence_start() -> None:
    listed = parse_word_list("# kommentar\n\nbeboer\nHelseinn\n")
    found = words("Beboer i Helseinn. Helseinn har en Beboer og en helseinn. [Beboer](x.md)")
    report = unknown_words({"side.md": found}, listed)
    # «Beboer» mid-sentence and «helseinn» in lower case are not in the list.
    assert report == {"side.md": ["Beboer", "helseinn"]}
    assert [w for w in found if w.text == "Beboer"][0] == Word("Beboer", True)


def test_word_list_is_sorted_without_duplicates_or_words_hunspell_knows(word_list: frozenset[str]) -> None:
    lines = [
        line.strip()
        for line in (ROOT / WORD_LIST).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines, "the word list is empty"
    duplicates = [word for word, count in Counter(lines).items() if count > 1]
    assert not duplicates, f"Står flere ganger i {WORD_LIST}: {', '.join(duplicates)}"
    assert lines == sorted(lines, key=sort_key), f"{WORD_LIST} er ikke sortert (a–z, æ, ø, å)"
    assert all(" " not in word and word == word.strip() for word in lines), "one word per line"
    redundant = redundant_list_words(lines)
    assert not redundant, f"Ordboka kjenner allerede disse, så de skal ut av {WORD_LIST}: {', '.join(redundant)}"
