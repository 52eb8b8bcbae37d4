"""Figures as data, in the built site: «Tall og satser» in both editions and the menu, every figure listed once."""

import yaml

from tests.helpers import ROOT

FIGURES = yaml.safe_load((ROOT / "data/figures.yml").read_text(encoding="utf-8"))


def test_the_figures_page_lists_every_figure_with_its_source_and_check_date(html):
    page = html("tall-og-satser/index.html")
    listed = {h.attributes["id"] for h in page.css("article h2[id]")}
    assert {figure["id"] for figure in FIGURES} <= listed
    text = page.body.text()
    for figure in FIGURES:
        assert str(figure["source"]["url"]) in page.html, figure["id"]
    assert "Sjekkes igjen" in text and "Brukes i" in text


def test_the_figures_page_is_in_the_menu_of_both_editions(html, gjovik_site):
    assert any(
        a.attributes.get("href", "").rstrip("/").endswith("tall-og-satser") for a in html("index.html").css("nav.md-nav a")
    )
    assert (gjovik_site / "tall-og-satser" / "index.html").is_file()


def test_a_figure_reads_the_same_on_every_page_that_shows_it(html):
    page = html("kapitler/samhandling/index.html")
    table = page.css_first("article table")
    assert table is not None and "Kilde:" in page.body.text()
