"""The hand-over: the finished Markdown that stock Material builds into the same site, without INTRO."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load
from pymdownx.slugs import slugify
from selectolax.lexbor import LexborHTMLParser

from macros import postbuild
from macros.content.errors import ContentError
from macros.exports import handover
from tests.helpers import Handover

# Pages whose HTML comes from INTRO's theme overrides, which the hand-over leaves out (stock Material's 404 page).
FROM_OVERRIDES = {"404.html"}


# ---- The parts ----


def test_a_page_carries_its_meta_as_front_matter():
    text = handover.page_text(
        {"title": "Å klage", "description": "Kort.", "tags": ["vedtak"], "render_macros": False, "review": dt.date(2026, 11, 1)},
        "## Del\n\nTekst.\n",
    )
    front, body = text.split("---\n")[1:3]
    assert yaml_load(front) == {"title": "Å klage", "description": "Kort.", "tags": ["vedtak"], "review": dt.date(2026, 11, 1)}
    assert body == "\n## Del\n\nTekst.\n"
    assert handover.page_text({"render_macros": False}, "Tekst.\n") == "Tekst.\n"


def test_the_glossary_explanations_and_word_list_come_from_the_finished_html():
    markdown = f"Et vedtak om et vedtak.\n\n{handover.WORD_LIST}\n"
    html = (
        '<p>Et <abbr title="vedtak: en avgjørelse">vedtak</abbr> om et vedtak.</p>'
        '<div class="intro-words" data-search-exclude=""><details class="note"><summary>Ord på denne siden (1)'
        "</summary><dl><dt>vedtak</dt><dd>en avgjørelse</dd></dl></details></div>"
    )
    written = handover.with_glossary(markdown, html)
    assert handover.WORD_LIST not in written
    assert "<dt>vedtak</dt><dd>en avgjørelse</dd>" in written
    assert written.endswith("\n\n*[vedtak]: vedtak: en avgjørelse\n")
    assert handover.with_glossary("Tekst.\n", "<p>Tekst.</p>") == "Tekst.\n"


def test_the_config_keeps_the_site_and_drops_intro(tmp_path):
    raw = {
        "INHERIT": "mkdocs.yml",
        "site_name": "INTRO",
        "watch": ["data"],
        "docs_dir": "docs",
        "theme": {"name": "material", "custom_dir": "overrides", "language": "nb"},
        "plugins": {
            "search": {"lang": "no"},
            "intro": {"edition": "bergen"},
            "macros": {"modules": ["macros"]},
            "offline": {"enabled": False},
        },
        "markdown_extensions": ["abbr", {"toc": {"permalink": True, "slugify": slugify(case="lower")}}],
        "nav": [{"Start": "index.md"}],
    }
    text = handover.stock_config(raw, ["kapitler/hefte-b.md", "kapitler/hefte-a.md"])
    assert text.startswith(handover.MARKER)
    read = yaml_load(io.StringIO(text))
    assert read["plugins"] == {"search": {"lang": "no"}, "offline": {"enabled": False}}
    assert read["theme"] == {"name": "material", "language": "nb"}
    assert "watch" not in read and "INHERIT" not in read and "docs_dir" not in read
    assert read["not_in_nav"] == "/kapitler/hefte-a.md\n/kapitler/hefte-b.md\n"
    assert read["markdown_extensions"][1]["toc"]["slugify"]("Når får du et vedtak", "-") == "når-får-du-et-vedtak"


def test_a_folder_not_made_by_a_hand_over_is_never_emptied(tmp_path):
    (tmp_path / "notes.md").write_text("Mine notater.", encoding="utf-8")
    with pytest.raises(ContentError, match="ikke laget av INTRO"):
        handover.prepare(tmp_path)
    assert (tmp_path / "notes.md").is_file()
    made = tmp_path / "made"
    docs = handover.prepare(made)
    (docs / "old.md").write_text("gammel", encoding="utf-8")
    (made / handover.CONFIG).write_text(handover.stock_config({"site_name": "X"}, []), encoding="utf-8")
    assert list(handover.prepare(made).iterdir()) == []


def test_missing_targets_name_the_page_and_the_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<a href="../b/">b</a><img src="../bilde.png" alt="x">')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text("<p>b</p>")
    problems = postbuild.missing_targets(tmp_path, postbuild.site_links(tmp_path))
    assert [(p.path, "«../bilde.png»" in p.message) for p in problems] == [("a/index.html", True)]


# ---- Built by stock Material ----


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def _article(site: Path, page: str, keep_abbr: bool = False) -> str:
    """A page's article; without the soft hyphens INTRO writes into long words of headings and questions
    (rendering/hyphenation.py), which a stock build does not have (utvikling/motoren.md lists it)."""
    node = LexborHTMLParser((site / page).read_text(encoding="utf-8")).css_first("article")
    text = (node.html if node is not None else "").replace("\u00ad", "").replace("&shy;", "")
    return re.sub(r">\s+<", "><", text if keep_abbr else re.sub(r"</?abbr[^>]*>", "", text))


def _explanations(site: Path, page: str) -> set[str]:
    tree = LexborHTMLParser((site / page).read_text(encoding="utf-8"))
    return {node.attributes.get("title") or "" for node in tree.css("article abbr[title]")}


def test_stock_material_builds_the_same_pages_and_files(handed_over: Handover):
    ours, theirs = _files(handed_over.intro_site), _files(handed_over.stock_site)
    # INTRO's own search index is written after the build for INTRO's search script; stock Material searches with
    # its own index (search/search_index.json, in both).
    intro_search = {name for name in ours if name.startswith(("search/intro-index", "search/intro-terms-", "search/intro-text-"))}
    assert intro_search and theirs == ours - intro_search
    assert {
        "catalog.json",
        "last-ned/intro-bergen-frakoblet.zip",
        "last-ned/intro-bergen.zim",
        "assets/vendor/iframe-worker/shim.js",
        "kapitler/hefte-studenter/index.html",
    } <= ours
    assert any(name.startswith("plakater/") and name.endswith(".html") for name in ours)
    assert any(name.startswith("k/") for name in ours)
    for binary in ("last-ned/intro-bergen-frakoblet.zip", "catalog.json"):
        assert (handed_over.stock_site / binary).read_bytes() == (handed_over.intro_site / binary).read_bytes()


def test_every_page_shows_the_same_content(handed_over: Handover):
    pages = sorted(
        name
        for name in _files(handed_over.intro_site)
        if name.endswith(".html") and LexborHTMLParser((handed_over.intro_site / name).read_text("utf-8")).css_first("article")
    )
    assert len(pages) > 50
    different = [
        page
        for page in pages
        if page not in FROM_OVERRIDES and _article(handed_over.intro_site, page) != _article(handed_over.stock_site, page)
    ]
    assert different == []


def test_every_glossary_explanation_is_there(handed_over: Handover):
    explained = 0
    for path in sorted(handed_over.intro_site.rglob("*.html")):
        page = path.relative_to(handed_over.intro_site).as_posix()
        ours = _explanations(handed_over.intro_site, page)
        explained += len(ours)
        assert _explanations(handed_over.stock_site, page) == ours, page
    assert explained > 100
    lovene = _article(handed_over.stock_site, "kapitler/lovene/index.html", keep_abbr=True)
    assert "<abbr title=" in lovene and "Ord på denne siden" in lovene


def test_every_page_keeps_its_meta(handed_over: Handover):
    def description(site: Path, page: str) -> str | None:
        node = LexborHTMLParser((site / page).read_text("utf-8")).css_first('meta[name="description"]')
        return node.attributes.get("content") if node else None

    page = "kapitler/lovene/index.html"
    assert description(handed_over.stock_site, page) == description(handed_over.intro_site, page)
    assert description(handed_over.stock_site, page) != description(handed_over.stock_site, "index.html")


def test_no_link_of_the_stock_build_is_broken(handed_over: Handover):
    links = postbuild.site_links(handed_over.stock_site)
    assert len(links) > 50
    assert postbuild.missing_targets(handed_over.stock_site, links) == []
    assert "WARNING" not in handed_over.stock_log


def test_the_hand_over_needs_neither_intro_nor_macros(handed_over: Handover):
    # The stock build ran with INTRO's package and mkdocs-macros refused at import (conftest.STOCK_MKDOCS).
    config = yaml_load(io.StringIO((handed_over.folder / handover.CONFIG).read_text(encoding="utf-8")))
    assert set(config["plugins"]) == {"search", "offline"}
    assert "custom_dir" not in config["theme"]
