"""Figures as data, in the built site: «Tall og satser» in both editions and the menu, every figure listed once."""

import yaml

from tests.helpers import ROOT

FIGURES = yaml.safe_load((ROOT / "data/figures.yml").read_text(encoding="utf-8"))


def test_the_figures_page_is_one_table_of_every_figure_with_its_source_and_no_editors_fields(html):
    """A reader gets a table: a row per figure (its id kept as the row's anchor), its value and year, its source and
    the pages that show it. The ids and check dates are for the editors (`make report`), not shown to the public."""
    page = html("tall-og-satser/index.html")
    table = page.css_first("article table.intro-figures")
    assert table is not None
    assert [th.text(strip=True) for th in table.css("thead th")] == ["Tall", "Verdi", "Kilde", "Brukes i"]
    name = page.css_first(f"#{table.attributes['aria-labelledby']}")
    assert name is not None and name.text(strip=True).startswith("Alle tallene INTRO bruker"), "the table has no name"
    rows = table.css("tbody tr")
    assert [row.attributes["id"] for row in rows if row.attributes.get("id")] == [row.attributes["id"] for row in rows]
    assert {figure["id"] for figure in FIGURES} == {row.attributes["id"] for row in rows}
    assert all(len(row.css("th, td")) == 4 for row in rows)
    for figure in FIGURES:
        assert str(figure["source"]["url"]) in table.html, figure["id"]
    text = page.css_first("article").text()
    assert "Sjekkes igjen" not in text and "Id i teksten" not in text
    assert not [figure["id"] for figure in FIGURES if "-" in figure["id"] and figure["id"] in text]
    assert not page.css("article code"), "an internal id is shown as code"
    assert not page.css("article h2[id]"), "a heading per figure made the page a list of 56 parts"


def test_the_figures_page_is_in_the_menu_of_both_editions(html, gjovik_site):
    assert any(
        a.attributes.get("href", "").rstrip("/").endswith("tall-og-satser") for a in html("index.html").css("nav.md-nav a")
    )
    assert (gjovik_site / "tall-og-satser" / "index.html").is_file()


def test_a_figure_reads_the_same_on_every_page_that_shows_it(html):
    page = html("kapitler/samhandling/index.html")
    table = page.css_first("article table")
    assert table is not None and "Kilde:" in page.body.text()


def test_a_rate_the_editors_could_not_find_anew_says_so_where_it_is_shown(site_dir):
    """A rate past the day its successor applies, kept because nobody could find the new one, tells the reader it
    is the newest amount confirmed, and links the page with today's rate."""
    import re

    from macros.content.clock import today
    from macros.content.model import Figure

    flagged = [f for f in (Figure.model_validate(entry) for entry in FIGURES) if f.newest_confirmed(today())]
    for figure in flagged:
        pages = [
            p
            for p in (ROOT / "docs").rglob("*.md")
            if re.search(r"""tall\(\s*["']""" + re.escape(figure.id) + r"""["']""", p.read_text(encoding="utf-8"))
        ]
        for page in pages:
            built = site_dir / page.relative_to(ROOT / "docs").with_suffix("") / "index.html"
            if page.name == "index.md":
                built = site_dir / page.relative_to(ROOT / "docs").parent / "index.html"
            text = built.read_text(encoding="utf-8")
            assert "det nyeste beløpet vi har bekreftet" in text, (figure.id, page)
            assert str(figure.current_at or figure.source.url) in text, (figure.id, page)
