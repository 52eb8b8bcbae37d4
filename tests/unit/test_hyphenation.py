"""Soft hyphens in long Norwegian words (rendering/hyphenation.py): where they go, and where they never do."""

import json

import markdown
import pytest

from macros.exports.search.reading import read_page
from macros.rendering import hyphenation
from macros.rendering.hyphenation import SOFT_HYPHEN, HyphenationExtension, soft_hyphens


def test_a_long_word_breaks_between_its_syllables_and_a_short_one_is_left_alone():
    assert soft_hyphens("omsorgstjenestene").replace(SOFT_HYPHEN, "|") == "omsorgs|tje|nes|tene"
    assert soft_hyphens("Fylkeskommunen svarer") == f"Fyl{SOFT_HYPHEN}kes{SOFT_HYPHEN}kom{SOFT_HYPHEN}mu{SOFT_HYPHEN}nen svarer"
    assert soft_hyphens("Slik får du hjelp") == "Slik får du hjelp"
    assert soft_hyphens("helse- og omsorgstjenester").startswith("helse- og omsorgs")


def test_headings_get_soft_hyphens_but_not_their_anchor_links_or_code_nor_the_text():
    html = markdown.markdown(
        "## Omsorgstjenestene og [legemiddelhåndtering](x.md) i `helsefagarbeider`\n\nOmsorgstjenestene i teksten.\n",
        extensions=["toc", HyphenationExtension()],
    )
    heading, text = html.split("</h2>")
    assert f"Om{SOFT_HYPHEN}sorgs" in heading or f"Omsorgs{SOFT_HYPHEN}" in heading
    assert ">legemiddelhåndtering</a>" in heading and "<code>helsefagarbeider</code>" in heading
    # The anchor is made from the words as written, before the hyphens.
    assert SOFT_HYPHEN not in heading.split('id="')[1].split('"')[0]
    assert SOFT_HYPHEN not in text


def test_search_reads_a_heading_without_its_soft_hyphens():
    page = read_page(
        f'<h2 id="a">Om{SOFT_HYPHEN}sorgs{SOFT_HYPHEN}tje{SOFT_HYPHEN}nes{SOFT_HYPHEN}tene</h2><p>Om{SOFT_HYPHEN}sorg.</p>',
        "a/",
        "Side",
    )
    assert [(section.heading, section.text) for section in page.sections if section.anchor] == [("Omsorgstjenestene", "Omsorg.")]


def test_the_words_hyphenated_are_kept_between_builds_and_a_file_changed_by_hand_adds_nothing(tmp_path, monkeypatch):
    for name, value in (("_kept", None), ("_known", {}), ("_learned", False)):
        monkeypatch.setattr(hyphenation, name, value)
    hyphenation.keep_words(tmp_path)
    first = soft_hyphens("omsorgstjenestene")
    hyphenation.save_words()
    (kept,) = tmp_path.iterdir()
    assert json.loads(kept.read_text(encoding="utf-8")) == {"omsorgstjenestene": first}
    # The next build reads the file: a word as the dictionary gave it is taken, one changed into anything else is not.
    kept.write_text(json.dumps({"omsorgstjenestene": first, "legemiddelhåndtering": "<b>legemiddel</b>"}), encoding="utf-8")
    monkeypatch.setattr(hyphenation, "_known", {})
    hyphenation.keep_words(tmp_path)
    assert hyphenation._known == {"omsorgstjenestene": first}

    def no_dictionary():
        raise AssertionError("the dictionary was read for a word the file knows")

    monkeypatch.setattr(hyphenation, "_dictionary", no_dictionary)
    assert soft_hyphens("omsorgstjenestene") == first
    with pytest.raises(AssertionError, match="dictionary"):  # a word not kept is looked up
        soft_hyphens("legemiddelhåndtering")
