"""Offline and private: every page type over HTTP and from the unpacked zip, with the network cut."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers import first_hit

# One page of each type a reader meets.
PAGE_TYPES = {
    "landing": "index",
    "perspective start page": "perspektiver/parorende",
    "chapter with a diagram": "kapitler/samhandling",
    "chapter": "kapitler/egenandeler",
    "glossary": "ordliste",
    "programme": "programmer/velferdsteknologi-i-praksis",
    "download": "last-ned",
}


def served_url(base: str, page: str) -> str:
    return base if page == "index" else f"{base}{page}/"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_over_http_loads_nothing_from_elsewhere(guarded_page, served_site, page_type):
    page, problems = guarded_page
    page.goto(served_url(served_site, PAGE_TYPES[page_type]), wait_until="networkidle")
    expect(page.locator("h1")).to_have_count(1)
    assert problems == []


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_from_the_zip_over_file_works_with_no_network(offline_page, offline_dir, page_type):
    page, problems = offline_page
    page.goto((offline_dir / f"{PAGE_TYPES[page_type]}.html").as_uri(), wait_until="load")
    page.wait_for_timeout(500)
    expect(page.locator("h1")).to_have_count(1)
    images = page.eval_on_selector_all("img", "els => els.filter(e => !e.complete || !e.naturalWidth).length")
    assert images == 0
    assert problems == []


def test_offline_diagram_shows(offline_page, offline_dir):
    page, problems = offline_page
    page.goto((offline_dir / "kapitler/samhandling.html").as_uri())
    diagram = page.get_by_role("img", name="Veien fra sykehuset og hjem igjen")
    assert diagram.evaluate("img => img.complete && img.naturalWidth") > 300
    assert problems == []


def test_offline_navigation_and_path_progress(offline_page, offline_dir):
    page, problems = offline_page
    page.goto((offline_dir / "perspektiver/nyansatte.html").as_uri())
    page.locator(".intro-path a[data-step]").first.click()
    expect(page.locator('.intro-path-nav[data-path="nyansatte"]')).to_be_visible()
    page.get_by_role("button", name="Merk kapitlet som lest").click()
    page.locator('.intro-path-nav[data-path="nyansatte"] .intro-path-next').click()
    expect(page.locator('.intro-path-nav[data-path="nyansatte"]')).to_be_visible()
    page.goto((offline_dir / "perspektiver/nyansatte.html").as_uri())
    steps = page.locator(".intro-path a[data-step]").count()
    expect(page.locator(".intro-path-progress")).to_have_text(f"Du har lest 1 av {steps} kapitler i stien.")
    assert problems == []


# Query → the chapter that must come first. Inflected forms and abbreviations on purpose.
SEARCHES = {
    # The task page «Søke om plass på sykehjem» answers as well as the chapter on the services.
    "sykehjemmene": "(kapitler/tjenestene|slik-gjor-du/sykehjem)",
    "fastlegen": "(kapitler/tjenestene|slik-gjor-du/fastlege)",
    "KAD": "kapitler/samhandling",
    "BPA": "kapitler/tjenestene",
    "IPLOS": "kapitler/forskning-i-kommunen",
    "klagen": "kapitler/rettigheter-og-klage",
    "pårørendes": "kapitler/for-parorende",
    "egenandelene": "kapitler/egenandeler",
}


@pytest.mark.parametrize("query", SEARCHES)
def test_norwegian_search_over_file_puts_the_right_chapter_first(offline_page, offline_dir, query):
    page, problems = offline_page
    page.goto((offline_dir / "index.html").as_uri())
    href = first_hit(page, query)
    assert re.search(rf"{SEARCHES[query]}\.html", href), f"{query!r} gave {href} first"
    assert problems == []


@pytest.mark.parametrize(
    ("query", "wanted"),
    [("sykehjemsplass", "slik-gjor-du/sykehjem"), ("sykhjem", "slik-gjor-du/sykehjem"), ("parorende", "kapitler/for-parorende")],
)
def test_a_compound_a_misspelt_word_and_missing_aeoa_find_the_page_over_file(offline_page, offline_dir, query, wanted):
    page, problems = offline_page
    page.goto((offline_dir / "index.html").as_uri())
    page.locator(".md-search__input").click(force=True)
    page.keyboard.type(query)
    expect(page.locator(f'.md-search-result__meta[data-intro-query="{query}"]')).to_have_count(1, timeout=10000)
    top = [link.get_attribute("href") for link in page.locator(".md-search-result__item > a:first-child").all()[:3]]
    assert any(f"{wanted}.html" in href for href in top), top
    assert problems == []


def test_a_query_typed_before_the_index_is_ready_is_answered(offline_page, offline_dir):
    page, problems = offline_page
    page.goto((offline_dir / "index.html").as_uri(), wait_until="commit")
    # As soon as the field is drawn (its stylesheet may still be on its way), long before the index is built.
    expect(page.locator(".md-search__input")).to_be_visible()
    page.locator(".md-search__input").click(force=True)
    page.keyboard.type("avlastning")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10000)
    assert problems == []


def test_css_loads_nothing_from_elsewhere(offline_dir: Path):
    for stylesheet in offline_dir.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), stylesheet
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), stylesheet


def test_material_cdn_fallbacks_are_all_served_locally(offline_dir: Path, html):
    # Material's bundle names CDN addresses it falls back to; each must be made unnecessary.
    bundle = next((offline_dir / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    fallbacks = set(re.findall(r"https://unpkg\.com/[\w@./-]+", bundle))
    assert fallbacks <= {"https://unpkg.com/mermaid@11/dist/mermaid.min.js", "https://unpkg.com/resize-observer-polyfill"}
    # No page has a mermaid diagram for the bundle to draw (they are images); the offline shim comes from npm.
    page = (offline_dir / "kapitler/samhandling.html").read_text(encoding="utf-8")
    assert "mermaid" not in page
    assert "assets/vendor/iframe-worker/shim.js" in page and "unpkg.com" not in page


def test_the_offline_edition_carries_a_csp_that_blocks_a_planted_off_site_resource(browser, offline_dir, tmp_path):
    import shutil

    planted = tmp_path / "planted"
    shutil.copytree(offline_dir, planted)
    index = planted / "index.html"
    html = index.read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in html
    index.write_text(
        html.replace(
            "</body>",
            '<img alt="plantet" src="https://cdn.example.org/planted.png">'
            '<script src="https://cdn.example.org/planted.js"></script></body>',
        ),
        encoding="utf-8",
    )
    context = browser.new_context()
    page = context.new_page()
    outcome = {}
    page.on("request", lambda request: "example.org" in request.url and outcome.setdefault(request.url, "sent"))
    page.on("requestfinished", lambda request: "example.org" in request.url and outcome.update({request.url: "loaded"}))
    page.on("requestfailed", lambda request: "example.org" in request.url and outcome.update({request.url: request.failure}))
    page.goto(index.as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    context.close()
    # Blocked by the page's own policy before any network is asked (not merely failing for want of a network).
    assert outcome == {"https://cdn.example.org/planted.png": "csp", "https://cdn.example.org/planted.js": "csp"}, outcome


def test_the_offline_404_page_works_over_file_with_search(offline_page, offline_dir: Path):
    page, problems = offline_page
    page.goto((offline_dir / "404.html").as_uri())
    expect(page.get_by_role("heading", level=1)).to_have_text("Fant ikke siden")
    assert first_hit(page, "avlastning"), "search found nothing on the 404 page"
    page.keyboard.press("Escape")
    page.get_by_role("link", name="Pårørende", exact=True).last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("pårørende")
    assert problems == []
