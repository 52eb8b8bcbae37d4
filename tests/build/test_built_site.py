"""Assertions on the HTML of the site, built once for the whole test session."""

import re

import pytest
import yaml

from macros.checks.html import off_site_resources
from tests.helpers import ROOT

PERSPECTIVES = yaml.safe_load((ROOT / "data/perspectives.yml").read_text(encoding="utf-8"))
PATHS = yaml.safe_load((ROOT / "data/paths.yml").read_text(encoding="utf-8"))
CHAPTERS = sorted(p.stem for p in (ROOT / "docs/kapitler").glob("*.md"))


def page_of(src: str) -> str:
    """The built file of a source page (MkDocs' directory URLs)."""
    return "index.html" if src == "index.md" else src.removesuffix(".md") + "/index.html"


def test_landing_page_asks_who_you_are_and_links_every_perspective(html):
    page = html("index.html")
    assert any(h.text(strip=True).rstrip("¶") == "Hvem er du?" for h in page.css("h2"))
    hrefs = {a.attributes.get("href") for a in page.css(".intro-perspectives a")}
    for perspective in PERSPECTIVES:
        assert perspective["start_page"].removesuffix(".md") + "/" in hrefs, perspective["id"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p["perspective"])
def test_start_page_lists_its_path_in_order_with_reading_times(html, path):
    start = next(p["start_page"] for p in PERSPECTIVES if p["id"] == path["perspective"])
    page = html(page_of(start))
    steps = [a.attributes.get("data-step") for a in page.css(".intro-path a[data-step]")]
    assert steps == path["steps"]
    assert re.search(r"Hele stien tar omtrent \d+ minutter", page.body.text())


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_shows_its_metadata(html, chapter):
    page = html(f"kapitler/{chapter}/index.html")
    meta = page.css_first(".intro-meta")
    assert meta is not None, "no audience/reading time box"
    text = meta.text()
    for label in ("For:", "Lesetid:", "Sist gjennomgått:", "Neste gjennomgang:"):
        assert label in text
    assert page.css_first(".admonition.abstract") is not None, "no learning goals"
    headings = [h.text(strip=True).rstrip("¶") for h in page.css("article h2")]
    assert headings[-2:] == ["Viktige punkter", "Kilder"]
    teaching = page.css_first("details.intro-teaching")
    assert teaching is not None and "open" not in teaching.attributes, "the teachers' part is not folded away"
    assert teaching.css_first("summary").text(strip=True) == "For lærere: bruk kapitlet i undervisning"
    assert len(teaching.css("div.highlight pre code")) == 4, "link, attribution, LMS snippet and citation to copy"
    assert page.css_first("meta[name=description]").attributes["content"]


def test_norwegian_letters_survive_in_anchors(html):
    ids = {node.attributes.get("id") for page in ("kapitler/for-parorende/index.html",) for node in html(page).css("h2[id]")}
    assert any(re.search("[æøå]", i or "") for i in ids), ids


def test_no_template_code_survives(built_pages, site_dir):
    for path in built_pages:
        text = (site_dir / path).read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, path


def test_nothing_is_loaded_from_another_site(built_pages, site_dir):
    for path in built_pages:
        assert off_site_resources((site_dir / path).read_text(encoding="utf-8")) == [], path


def test_glossary_terms_are_explained_where_first_used(html):
    page = html("kapitler/samhandling/index.html")
    abbrs = page.css("abbr[title]")
    kad = [a for a in abbrs if a.attributes["title"].startswith("kommunal akutt døgnplass (KAD)")]
    assert [a.text() for a in kad] == ["kommunal akutt døgnplass"]
    # Once per term, and never in a heading or a link.
    titles = [a.attributes["title"] for a in abbrs]
    assert len(titles) == len(set(titles))
    assert not page.css(":is(h1, h2, h3, a) abbr")
    assert "KAD" in page.css_first("article").text()


def test_site_is_norwegian(html):
    assert html("index.html").css_first("html").attributes["lang"] == "nb"


def test_diagrams_are_images_from_the_site_and_no_page_loads_mermaid(html, built_pages, site_dir):
    image = html("kapitler/samhandling/index.html").css_first("img.intro-diagram")
    assert image.attributes["alt"] == "Veien fra sykehuset og hjem igjen"
    assert image.attributes["src"].startswith("../../assets/figurer/") and image.attributes["width"]
    assert (site_dir / "kapitler/samhandling" / image.attributes["src"]).resolve().is_file()
    for path in built_pages:
        text = (site_dir / path).read_text(encoding="utf-8")
        assert "mermaid" not in text, path


def test_offline_zip_is_offered_for_download_with_its_size(html, site_dir):
    link = html("last-ned/index.html").css_first("a[download]")
    assert link is not None
    assert re.search(r"zip, \d+,\d MB", link.text())
    assert (site_dir / "last-ned" / link.attributes["href"]).resolve().is_file()


@pytest.mark.parametrize("path", ["index.html", "perspektiver/studenter/index.html", "perspektiver/parorende/index.html"])
def test_landing_and_path_pages_show_no_footer_next_that_looks_like_a_path(html, path):
    footer = html(path).css_first("nav.md-footer__inner")
    assert footer is None or "hidden" in footer.attributes


def loaded_scripts(page) -> list[tuple[str, bool]]:
    """The site's own scripts a built page loads, in order, by file name, each with whether it is deferred."""
    return [
        (script.attributes["src"].rsplit("/", 1)[-1], "defer" in script.attributes)
        for script in page.css("script[src]")
        if "/javascripts/intro" in "/" + script.attributes["src"]
    ]


def test_each_page_loads_intro_s_feature_scripts_only_where_it_has_the_feature_and_deferred(html):
    always = [("intro-search.js", False), ("intro-a11y.js", True), ("intro-feedback.js", True)]
    # A task page has no self-check, path, print button or kiosk: only the scripts every page needs (the feedback
    # question ends every page of the web edition).
    assert loaded_scripts(html("slik-gjor-du/sykehjem/index.html")) == always
    # A chapter's self-check uses the path script's helpers, so that loads first.
    assert loaded_scripts(html("kapitler/lovene/index.html")) == always + [
        ("intro.js", True),
        ("intro-selfcheck.js", True),
    ]
    assert loaded_scripts(html("perspektiver/studenter/index.html")) == always + [("intro.js", True)]
    assert ("intro-print.js", True) in loaded_scripts(html("programmer/forste-mote/index.html"))
    # The online site has no kiosk.
    assert not any(name == "intro-kiosk.js" for name, _ in loaded_scripts(html("index.html")))
