"""The page a reader meets after a broken link: Norwegian, with search and ways on, online and offline."""

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser


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
