"""A translated edition as readers meet it in Chromium: on the fixture project's nynorsk edition (translated by the
real Apertium), the notice and the language switcher take the reader to bokmål; the search worker keys nynorsk as
Python does; the Bergen edition's switcher asks no other site. The fixture has neither INTRO's search nor its stylesheet:
the real nynorsk edition's searches online and over file://, and axe, are in tests/nynorsk/test_browser.py
(`make test-nynorsk`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.exports.search import stemmer
from tests.helpers import ROOT, guard, served_under

WORKER = ROOT / "docs/assets/javascripts/intro-search-worker.js"


@pytest.fixture(scope="module")
def nynorsk_served(fixture_nynorsk_site: Path, tmp_path_factory) -> Iterator[str]:
    with served_under(fixture_nynorsk_site, "nn", tmp_path_factory.mktemp("nynorsk-served")) as address:
        yield address


def test_the_notice_and_the_language_switcher_take_the_reader_to_the_page_in_bokmal(browser, nynorsk_served):
    page = browser.new_page()
    page.goto(nynorsk_served + "kapitler/lovene/", wait_until="load")
    assert page.locator("html").get_attribute("lang") == "nn"
    notice = page.locator(".md-banner .intro-translated")
    expect(notice).to_contain_text("omsett automatisk frå bokmål")
    expect(notice.locator("a")).to_have_attribute("href", "https://intro.example.org/kapitler/lovene/")
    expect(page.locator("a.md-select__link[hreflang=nb]")).to_have_attribute("href", "https://intro.example.org/kapitler/lovene/")
    page.close()


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


def test_the_bokmal_editions_language_switcher_asks_no_other_site(browser, served_site):
    """The Bergen edition's header has the switcher too (axe checks it on every page: test_accessibility.py); its
    alternates must not make Material fetch a sitemap from the other edition."""
    context = browser.new_context()
    problems = guard(context, served_site)
    page = context.new_page()
    page.goto(served_site + "kapitler/lovene/", wait_until="networkidle")
    expect(page.locator("a.md-select__link[hreflang=nn]")).to_have_attribute(
        "href", "https://intro.alrekhelseklynge.no/nn/kapitler/lovene/"
    )
    context.close()
    assert problems == []
