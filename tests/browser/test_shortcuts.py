"""Material's one-key shortcuts are off (WCAG 2.1.4): a word spoken to speech input, or a stray key, neither opens
the search nor leaves the page. The search is still there for the mouse and for Tab. In Debian's chromium."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import DESKTOP, PHONE

SEARCH_OPEN = "() => document.querySelector('[data-md-toggle=\"search\"]').checked"


def test_one_key_shortcuts_do_nothing_on_a_chapter(guarded_page, served_site):
    page, problems = guarded_page
    page.set_viewport_size(DESKTOP)
    chapter = f"{served_site}kapitler/lovene/"
    page.goto(chapter)
    # Material would go here on «n» and «.»: the chapter has a next page.
    expect(page.locator("a.md-footer__link--next")).to_have_count(1)
    for key in ["s", "f", "/", "n", "p", ",", "."]:
        page.locator("h1").click()  # focus on the text, as a reader who has just clicked in it
        page.keyboard.press(key)
        page.wait_for_timeout(100)
        assert page.url == chapter, f"«{key}» left the page for {page.url}"
        assert not page.evaluate(SEARCH_OPEN), f"«{key}» opened the search"
    assert problems == []


def tab_to_search(page, width: str) -> None:
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.md-search__input')"):
            return
    raise AssertionError(f"Tab never reached the search field ({width} width)")


def test_the_search_opens_with_a_click_and_is_reached_with_tab(guarded_page, served_site):
    page, problems = guarded_page
    page.set_viewport_size(DESKTOP)
    page.goto(f"{served_site}kapitler/lovene/")
    tab_to_search(page, "desktop")
    page.keyboard.type("fastlegen")  # typing in the field is not a shortcut
    expect(page.locator(".md-search__input")).to_have_value("fastlegen")
    page.keyboard.press("Escape")

    page.set_viewport_size(PHONE)  # on a phone the search is behind the magnifier
    page.goto(f"{served_site}kapitler/lovene/")
    page.locator('label[for="__search"]').first.click()
    assert page.evaluate(SEARCH_OPEN)

    # And Tab reaches it on a phone too, as the accessibility statement says (2.1.4): the field opens and shows.
    page.goto(f"{served_site}kapitler/lovene/")
    assert not page.evaluate(SEARCH_OPEN)
    tab_to_search(page, "phone")
    page.keyboard.type("fastlegen")
    expect(page.locator(".md-search__input")).to_be_visible()
    expect(page.locator(".md-search__input")).to_have_value("fastlegen")
    assert page.evaluate(SEARCH_OPEN)
    assert problems == []
