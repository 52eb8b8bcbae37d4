"""Task pages («Slik gjør du»): each is at most two links from the landing page and from its perspective
page, each says how long it takes and what happens next, and the perspective pages' questions are links that lead
to a built page."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from tests.helpers import ROOT

TASKS = ("sykehjem", "hjemmetjenester", "utskrivning", "avlastning", "fullmakt", "fastlege", "klage")
TASK_PAGES = {f"slik-gjor-du/{task}/index.html" for task in TASKS}
# Which task pages each perspective page must reach within two links.
PERSPECTIVES = {
    "perspektiver/pasienter-og-brukere/index.html": {
        "sykehjem",
        "hjemmetjenester",
        "utskrivning",
        "fastlege",
        "klage",
        "fullmakt",
    },
    "perspektiver/parorende/index.html": {"sykehjem", "hjemmetjenester", "utskrivning", "avlastning", "fullmakt", "klage"},
}


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The built file (and fragment) a link in `page` leads to, or None for links that leave the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/") or target == ".":
        target = posixpath.join("" if target == "." else target, "index.html")
    return target, unquote(parts.fragment)


def content_links(doc: LexborHTMLParser, page: str) -> set[str]:
    """Pages linked from the page's own text (not the menu, which links everything)."""
    article = doc.css_first("article")
    assert article is not None, f"{page} has no article"
    found = set()
    for a in article.css("a[href]"):
        target = resolve(page, a.attributes["href"])
        if target:
            found.add(target[0])
    return found


def within_two_links(html, start: str) -> set[str]:
    first = content_links(html(start), start)
    second = set()
    for page in first:
        if page in TASK_PAGES or page == "slik-gjor-du/index.html":
            second |= content_links(html(page), page)
    return first | second


def test_every_task_page_is_built(site_dir: Path):
    for page in TASK_PAGES | {"slik-gjor-du/index.html"}:
        assert (site_dir / page).is_file(), f"{page} was not built"


# What a reader asks once the application is in: every task page answers both, under these headings.
NEXT_STEP_SECTIONS = ("Hvor lang tid tar det?", "Hva skjer etterpå?")


def test_the_docs_folder_has_no_task_page_this_test_does_not_know(site_dir: Path):
    built = {page.parent.name for page in (site_dir / "slik-gjor-du").glob("*/index.html")}
    assert built == set(TASKS), f"task pages the tests do not cover: {sorted(built - set(TASKS))}"


@pytest.mark.parametrize("task", TASKS)
def test_every_task_page_says_how_long_it_takes_and_what_happens_next(html, gjovik_site: Path, task):
    for doc in (
        html(f"slik-gjor-du/{task}/index.html"),
        LexborHTMLParser((gjovik_site / f"slik-gjor-du/{task}/index.html").read_text(encoding="utf-8")),
    ):
        headings = {h.text(strip=True).rstrip("¶").strip() for h in doc.css("article h2")}
        missing = [section for section in NEXT_STEP_SECTIONS if section not in headings]
        assert not missing, f"slik-gjor-du/{task} lacks {missing}"
        # Each section says something: at least two sentences before the next heading.
        for section in NEXT_STEP_SECTIONS:
            heading = next(h for h in doc.css("article h2") if h.text(strip=True).rstrip("¶").strip() == section)
            text, node = "", heading.next
            while node is not None and node.tag != "h2":
                text += " " + (node.text(strip=True) if node.tag != "-text" else "")
                node = node.next
            assert text.count(".") >= 2, f"slik-gjor-du/{task}: «{section}» is nearly empty"


def test_every_task_page_is_at_most_two_links_from_the_landing_page(html):
    reachable = within_two_links(html, "index.html")
    assert TASK_PAGES <= reachable, f"not reachable from the landing page: {sorted(TASK_PAGES - reachable)}"


@pytest.mark.parametrize("perspective", sorted(PERSPECTIVES))
def test_task_pages_are_at_most_two_links_from_their_perspective_page(html, perspective):
    reachable = within_two_links(html, perspective)
    wanted = {f"slik-gjor-du/{task}/index.html" for task in PERSPECTIVES[perspective]}
    assert wanted <= reachable, f"not reachable from {perspective}: {sorted(wanted - reachable)}"


@pytest.mark.parametrize("perspective", sorted(PERSPECTIVES))
def test_every_question_on_a_perspective_page_links_to_a_built_page(html, site_dir: Path, perspective):
    doc = html(perspective)
    heading = next((h for h in doc.css("article h2") if h.text(strip=True).startswith("Dette lurer mange")), None)
    assert heading is not None, f"{perspective} has no «Dette lurer mange …» section"
    node = heading.next
    while node is not None and node.tag != "ul":
        node = node.next
    assert node is not None, f"{perspective}: no list after «{heading.text(strip=True)}»"
    items = node.css("li")
    assert len(items) >= 4
    for item in items:
        link = item.css_first("a[href]")
        assert link is not None, f"{perspective}: «{item.text(strip=True)}» is not a link"
        target = resolve(perspective, link.attributes["href"])
        assert target is not None, f"{perspective}: «{item.text(strip=True)}» leaves the site"
        page, fragment = target
        assert (site_dir / page).is_file(), f"{perspective}: «{item.text(strip=True)}» leads to missing {page}"
        if fragment:
            assert html(page).css_first(f'[id="{fragment}"]') is not None, (
                f"{perspective}: «{item.text(strip=True)}» leads to a missing anchor #{fragment} on {page}"
            )


def application_offices(edition: str) -> list[str]:
    facts = yaml.safe_load((ROOT / "data" / "editions" / f"{edition}.yml").read_text(encoding="utf-8"))
    return [a["office"] for m in facts["municipalities"] for a in m.get("apply", [])]


def test_the_nursing_home_page_shows_the_editions_application_box(html):
    page = html("slik-gjor-du/sykehjem/index.html")
    boxes = " ".join(b.text() for b in page.css(".admonition") if "Slik er det hos oss" in b.text())
    offices = application_offices("bergen")
    assert offices and all(office in boxes for office in offices)


def test_the_gjovik_edition_has_the_task_pages_with_its_own_application_box(gjovik_site: Path):
    for page in TASK_PAGES:
        assert (gjovik_site / page).is_file(), f"Gjøvik: {page} was not built"
    page = LexborHTMLParser((gjovik_site / "slik-gjor-du/sykehjem/index.html").read_text(encoding="utf-8"))
    boxes = " ".join(b.text() for b in page.css(".admonition") if "Slik er det hos oss" in b.text())
    assert all(office in boxes for office in application_offices("gjovik"))
    assert "Vurderingskontor" not in boxes
