"""The real nynorsk edition as readers meet it in Chromium: a nynorsk reader's words find the right pages online
and over file://, the notice and the language switcher, and axe on one page of each kind the translation touches
(`make test-nynorsk`)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import audit
from tests.helpers import opened_search, served_under, top_three

# A nynorsk reader's words, and the pages that answer them: one of them among the first three.
QUERIES = {
    "sjukeheim": {"slik-gjor-du/sykehjem", "kapitler/tjenestene", "kapitler/dine-rettigheter"},
    "heimesjukepleie": {"kapitler/tjenestene", "slik-gjor-du/hjemmetjenester"},
    "pårørande": {"perspektiver/parorende", "kapitler/for-parorende", "slik-gjor-du/avlastning"},
}


@pytest.fixture(scope="module")
def nynorsk_served(nynorsk_site: Path, tmp_path_factory) -> Iterator[str]:
    """The nynorsk edition where it is published, under /nn/ (its 404 page's links start there)."""
    with served_under(nynorsk_site, "nn", tmp_path_factory.mktemp("nynorsk-served")) as address:
        yield address


@pytest.fixture(scope="module")
def nynorsk_offline(nynorsk_release, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nynorsk-unpacked")
    with zipfile.ZipFile(nynorsk_release.zip) as archive:
        archive.extractall(out)
    return out / nynorsk_release.zip.stem


@pytest.mark.parametrize("where", ["online", "file"])
def test_nynorsk_words_find_the_right_pages(request, browser, where):
    if where == "online":
        base = start = request.getfixturevalue("nynorsk_served")
    else:
        base = request.getfixturevalue("nynorsk_offline").as_uri() + "/"
        start = base + "index.html"
    context, page, problems = opened_search(browser, base, start)
    for query, wanted in QUERIES.items():
        found = top_three(page, query, base)
        assert set(found) & wanted, f"«{query}» gave {found} ({where})"
    context.close()
    assert problems == []


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
