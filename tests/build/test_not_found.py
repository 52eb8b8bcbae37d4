"""The page a reader meets after a broken link: Norwegian, with search and ways on, online and offline."""

from pathlib import Path

import pytest
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser

from tests.helpers import first_hit


def groups(page: LexborHTMLParser) -> list[str]:
    return [a.attributes["href"] for a in page.css(".intro-404-groups a")]


def test_the_online_404_page_is_norwegian_and_links_every_group_from_any_address(html, site_dir: Path):
    page = html("404.html")
    assert page.css_first("h1").text() == "Fant ikke siden"
    assert page.css_first(".md-search__input") is not None, "no search on the 404 page"
    hrefs = groups(page)
    assert len(hrefs) == 6
    for href in hrefs:
        assert href.startswith("/"), "the server shows this page at any depth: links must be absolute"
        assert (site_dir / href.lstrip("/") / "index.html").is_file(), href


def test_the_offline_404_page_links_relative_to_its_folder(offline_dir: Path):
    page = LexborHTMLParser((offline_dir / "404.html").read_text(encoding="utf-8"))
    hrefs = groups(page)
    assert len(hrefs) == 6
    for href in hrefs:
        assert not href.startswith("/") and (offline_dir / href).is_file(), href


@pytest.mark.browser
def test_the_offline_404_page_works_over_file_with_search(offline_page, offline_dir: Path):
    page, problems = offline_page
    page.goto((offline_dir / "404.html").as_uri())
    expect(page.get_by_role("heading", level=1)).to_have_text("Fant ikke siden")
    assert first_hit(page, "avlastning"), "search found nothing on the 404 page"
    page.keyboard.press("Escape")
    page.get_by_role("link", name="Pårørende", exact=True).last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("pårørende")
    assert problems == []
