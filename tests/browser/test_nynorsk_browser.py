"""The nynorsk edition as readers meet it in Chromium: search in nynorsk online and over file://, the notice and
the language switcher, and axe on one page of each kind the translation touches."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.commands import chromium
from macros.exports.search import stemmer
from tests.browser.axe import audit
from tests.helpers import ROOT, guard

pytestmark = pytest.mark.browser

# A nynorsk reader's words, and the pages that answer them: one of them among the first three.
QUERIES = {
    "sjukeheim": {"slik-gjor-du/sykehjem", "kapitler/tjenestene", "kapitler/dine-rettigheter"},
    "heimesjukepleie": {"kapitler/tjenestene", "slik-gjor-du/hjemmetjenester"},
    "pårørande": {"perspektiver/parorende", "kapitler/for-parorende", "slik-gjor-du/avlastning"},
}


WORKER = ROOT / "docs/assets/javascripts/intro-search-worker.js"


def top_three(page, query: str, base: str) -> list[str]:
    """The pages a query typed into the open search box finds first (kapitler/lovene), best first."""
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key up
    expect(page.locator(f'.md-search-result__meta[data-intro-query="{query}"]')).to_have_count(1, timeout=10000)
    links = page.locator(".md-search-result__item > a:first-child").all()[:3]
    return [
        (link.get_attribute("href") or "").removeprefix(base).split("#")[0].removesuffix("/").removesuffix(".html")
        for link in links
    ]


def opened_search(browser, base: str, start: str):
    """A tab on the site at base, guarded, with search open."""
    context = browser.new_context()
    problems = guard(context, base)
    page = context.new_page()
    page.goto(start, wait_until="networkidle")
    page.locator(".md-search__input").click(force=True)
    return context, page, problems


@pytest.fixture(scope="module")
def nynorsk_served(nynorsk_site: Path, tmp_path_factory) -> Iterator[str]:
    """The nynorsk edition where it is published, under /nn/ (its 404 page's links start there)."""
    root = tmp_path_factory.mktemp("nynorsk-served")
    (root / "nn").symlink_to(nynorsk_site, target_is_directory=True)
    with chromium.serve_folder(root) as address:
        yield address + "nn/"


@pytest.fixture(scope="module")
def nynorsk_offline(nynorsk_release, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nynorsk-unpacked")
    with zipfile.ZipFile(nynorsk_release.zip) as archive:
        archive.extractall(out)
    return out / nynorsk_release.zip.stem


def test_nynorsk_words_find_the_right_pages_online(browser, nynorsk_served):
    context, page, problems = opened_search(browser, nynorsk_served, nynorsk_served)
    for query, wanted in QUERIES.items():
        found = top_three(page, query, nynorsk_served)
        assert set(found) & wanted, f"«{query}» gave {found}"
    context.close()
    assert problems == []


def test_nynorsk_words_find_the_right_pages_over_file_with_no_network(browser, nynorsk_offline):
    base = nynorsk_offline.as_uri() + "/"
    context, page, problems = opened_search(browser, base, base + "index.html")
    for query, wanted in QUERIES.items():
        found = top_three(page, query, base)
        assert set(found) & wanted, f"«{query}» gave {found} over file://"
    context.close()
    assert problems == []


def test_the_worker_keys_nynorsk_words_as_the_python_side_does(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>nn</title>")
    page.add_script_tag(path=str(WORKER))
    page.evaluate("rules => IntroSearch.useRules(rules)", stemmer.rules("nn"))
    words = ["sjukeheimane", "sjukeheimar", "heimesjukepleia", "pårørande", "tryggheita", "tenestene", "ikkje"]
    keys = page.evaluate("words => Object.fromEntries(words.map(w => [w, IntroSearch.key(w)]))", words)
    assert keys == {word: stemmer.key(word, "nn") for word in words}
    assert page.evaluate("words => words.filter(w => IntroSearch.isStopWord(w))", words) == ["ikkje"]
    assert keys["sjukeheimane"] == keys["sjukeheimar"] == stemmer.key("sjukeheim", "nn")
    page.close()


def test_the_notice_and_the_language_switcher_take_the_reader_to_the_page_in_bokmal(browser, nynorsk_served):
    page = browser.new_page()
    page.goto(nynorsk_served + "kapitler/lovene/", wait_until="load")
    notice = page.locator(".md-banner .intro-translated")
    expect(notice).to_contain_text("omsett automatisk frå bokmål")
    expect(notice.locator("a")).to_have_attribute("href", "https://intro.alrekhelseklynge.no/kapitler/lovene/")
    expect(page.locator("a.md-select__link[hreflang=nb]")).to_have_attribute(
        "href", "https://intro.alrekhelseklynge.no/kapitler/lovene/"
    )
    assert page.locator("html").get_attribute("lang") == "nn"
    page.close()


def test_nynorsk_pages_of_each_kind_pass_axe_on_phone_and_desktop_in_light_and_dark(browser, nynorsk_served):
    paths = [
        "",
        "kapitler/lovene/",
        "slik-gjor-du/sykehjem/",
        "ordliste/",
        "programmer/forste-mote/",
        "plakater/lovene.html",
        "404.html",
    ]
    violations = audit(browser, nynorsk_served, paths)
    assert not violations, f"{len(violations)} accessibility violations:\n" + "\n".join(violations)


def test_the_bokmal_editions_language_switcher_passes_axe_and_asks_no_other_site(browser, served_site):
    """The Bergen edition's header has the switcher too; its alternates must not make Material fetch a sitemap."""
    violations = audit(browser, served_site, ["", "kapitler/lovene/"])
    assert not violations, "\n".join(violations)
    context = browser.new_context()
    problems = guard(context, served_site)
    page = context.new_page()
    page.goto(served_site + "kapitler/lovene/", wait_until="networkidle")
    expect(page.locator("a.md-select__link[hreflang=nn]")).to_have_attribute(
        "href", "https://intro.alrekhelseklynge.no/nn/kapitler/lovene/"
    )
    context.close()
    assert problems == []
