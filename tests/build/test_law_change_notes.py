"""The law changes on the watch list (data/law-changes.yml), in the built site: each page they name shows a short
«Reglene endres» box from the data, without a macro in the page; other pages do not."""

import yaml

from tests.helpers import ROOT

CHANGES = yaml.safe_load((ROOT / "data/law-changes.yml").read_text(encoding="utf-8"))


def notes(page) -> list[str]:
    return [
        box.text(separator=" ")
        for box in page.css("article .admonition.warning")
        if box.css_first(".admonition-title") and box.css_first(".admonition-title").text() == "Reglene endres"
    ]


def test_every_page_a_law_change_names_shows_its_note_with_the_source(html):
    for change in CHANGES:
        for chapter in change["pages"]:
            page = html(f"kapitler/{chapter}/index.html")
            shown = [note for note in notes(page) if change["proposition"] in note]
            assert len(shown) == 1, (change["id"], chapter)
            assert any(a.attributes.get("href") == change["source"]["url"] for a in page.css("article .admonition a"))
            # From the data alone: the chapter itself says nothing of it.
            assert "Reglene endres" not in (ROOT / f"docs/kapitler/{chapter}.md").read_text(encoding="utf-8")


def test_a_page_no_law_change_names_has_no_note(html):
    named = {chapter for change in CHANGES for chapter in change["pages"]}
    assert "egenandeler" not in named
    assert notes(html("kapitler/egenandeler/index.html")) == []


def test_the_note_stands_after_the_chapters_answer_and_before_its_contents(html):
    article = html("kapitler/meld-fra/index.html").css_first("article")
    text = article.html
    assert text.index("Reglene endres") < text.index("intro-toc")
    first = article.css_first("p")
    assert first is not None and "Reglene endres" not in first.text()
