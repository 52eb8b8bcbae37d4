"""The offline edition on a kiosk: links that need the internet never strand a visitor, and the next visitor
starts afresh. In Chromium over file://, with every request to the network blocked."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import AXE, AXE_OPTIONS, axe_violations


def test_a_link_that_needs_the_internet_opens_a_notice_with_its_address_and_a_qr_code(offline_page, offline_dir):
    page, problems = offline_page
    chapter = (offline_dir / "kapitler" / "egenandeler.html").as_uri()
    page.goto(chapter)
    source = page.locator(".md-content a.intro-needs-net").first
    expect(source).to_be_visible()
    address = source.evaluate("a => a.href")
    source.click()
    notice = page.get_by_role("dialog", name="Denne lenken krever nett")
    expect(notice).to_be_visible()
    expect(notice.locator("code")).to_have_text(address)
    expect(notice.locator(".intro-offline-link__qr svg")).to_be_visible()
    assert page.url == chapter, "the browser left for an error page"
    notice.get_by_role("button", name="Lukk").click()
    expect(notice).to_be_hidden()
    assert problems == []


def remembered(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('intro'))")


SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


def test_a_new_visitor_starts_afresh_even_in_the_colour_scheme_the_last_one_chose(offline_page, offline_dir):
    page, problems = offline_page
    home = (offline_dir / "index.html").as_uri()
    page.goto(home + "?kiosk")
    first_seen = page.evaluate(SCHEME)
    page.goto((offline_dir / "kapitler" / "lovene.html").as_uri())
    page.get_by_role("button", name="Merk kapitlet som lest").click()
    page.locator('form[data-md-component="palette"] label:visible').first.click()
    assert page.evaluate(SCHEME) != first_seen
    page.get_by_role("button", name="Ny besøkende").click()
    page.wait_for_url(home)
    assert remembered(page) == []
    # Material writes its key again as each page loads, with the scheme it shows: the screen's own, not the last choice.
    assert page.evaluate(SCHEME) == first_seen
    assert problems == []


def test_an_idle_kiosk_asks_first_and_starts_afresh_only_if_nobody_answers(offline_page, offline_dir):
    """After the idle minutes a dialog asks for at least 20 seconds (WCAG 2.2.1); the page's clock runs forward."""
    page, problems = offline_page
    page.clock.install()
    home = (offline_dir / "index.html").as_uri()
    page.goto(home + "?kiosk=5")
    chapter = (offline_dir / "kapitler" / "lovene.html").as_uri()
    page.goto(chapter)
    page.get_by_role("button", name="Merk kapitlet som lest").click()
    asking = page.get_by_role("dialog", name="Er du fortsatt her?")
    stay = asking.get_by_role("button", name="Ja, jeg vil fortsette")

    page.clock.run_for("04:59")
    expect(asking).to_be_hidden()
    page.clock.run_for("00:02")
    expect(asking).to_be_visible()
    expect(asking).to_have_accessible_description(re.compile("starter på nytt .* om 30 sekunder"))
    expect(stay).to_be_focused()  # a screen reader says the dialog's name and text as focus moves in
    page.clock.run_for("00:25")
    stay.click()
    expect(asking).to_be_hidden()
    page.clock.run_for("01:00")
    assert page.url == chapter and remembered(page) != []

    page.clock.run_for("04:05")
    expect(asking).to_be_visible()
    page.clock.run_for("00:31")
    page.wait_for_url(home)
    assert remembered(page) == []
    assert problems == []


def open_dialog_violations(page) -> list[dict]:
    """axe-core on the open dialog: what the visitor can reach while it is open. (The page behind it is checked as
    a page; here the header's title may still be fading after the scroll to the link.)"""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.add_script_tag(path=str(AXE))
    # No preload: over file:// axe's fetch of the style sheets fails, and would count as a problem of the page.
    options = {**AXE_OPTIONS, "preload": False}
    page.evaluate("options => { window.__introAxe = axe.run(document.querySelector('dialog[open]'), options); }", options)
    return axe_violations(page)


def test_the_needs_the_internet_notice_and_the_kiosk_question_pass_axe(offline_page, offline_dir):
    """The offline edition's own dialogs, open, as a visitor meets them (the accessibility statement says so)."""
    page, problems = offline_page
    page.goto((offline_dir / "kapitler" / "egenandeler.html").as_uri())
    page.locator(".md-content a.intro-needs-net").first.click()
    expect(page.get_by_role("dialog", name="Denne lenken krever nett")).to_be_visible()
    assert open_dialog_violations(page) == []

    page.clock.install()
    page.goto((offline_dir / "index.html").as_uri() + "?kiosk=5")
    page.goto((offline_dir / "kapitler" / "lovene.html").as_uri())
    page.clock.run_for("05:01")
    expect(page.get_by_role("dialog", name="Er du fortsatt her?")).to_be_visible()
    assert open_dialog_violations(page) == []
    assert problems == []


@pytest.mark.parametrize(
    "address, minutes",
    [("?kiosk", 5), ("?kiosk=10", 10), ("?kiosk=1", 2), ("?kiosk=0.05", 2), ("?kiosk=ja", 5)],
)
def test_an_idle_kiosk_starts_afresh_after_its_minutes_never_under_two(offline_page, offline_dir, address, minutes):
    """«?kiosk» alone is kiosk mode with five minutes; minutes are given as «?kiosk=10»; one minute, which wiped a
    slow reader's place, gives two. The page's clock is run forward, not waited for."""
    page, problems = offline_page
    page.clock.install()
    home = (offline_dir / "index.html").as_uri()
    chapter = (offline_dir / "kapitler" / "lovene.html").as_uri()
    page.goto(home + address)
    page.goto(chapter)
    page.get_by_role("button", name="Merk kapitlet som lest").click()
    page.clock.fast_forward(int((minutes - 0.5) * 60_000))
    assert page.url == chapter, f"reset before {minutes} minutes"
    assert remembered(page) != []
    # At the minutes the screen asks «Er du fortsatt her?»; nobody answers, so it starts afresh 30 seconds later.
    page.clock.run_for(60_000)
    page.wait_for_url(home)
    assert remembered(page) == []
    assert problems == []


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}])
def test_the_new_visitor_button_never_covers_the_page(browser, offline_dir, viewport):
    """The button has a bar of its own, and the page keeps room for it: scrolled to the end, every card and line
    of the landing page and a chapter is clear of it."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in ("index.html", "kapitler/lovene.html"):
        page.goto((offline_dir / path).as_uri() + "?kiosk")
        bar = page.locator(".intro-new-visitor")
        expect(bar.get_by_role("button", name="Ny besøkende")).to_be_visible()
        page.keyboard.press("End")
        page.wait_for_function("() => window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1")
        covered = page.evaluate(
            """() => {
                const bar = document.querySelector('.intro-new-visitor').getBoundingClientRect();
                const content = document.querySelectorAll(
                    '.md-content p, .md-content li, .md-content a, .md-content h1, .md-content h2, .md-content h3,'
                    + ' .md-content summary, .md-content table, .md-footer a, .md-copyright');
                return [...content].filter(e => {
                    const box = e.getBoundingClientRect();
                    return e.checkVisibility() && box.width && box.height && box.bottom > bar.top + 1 && box.top < bar.bottom
                        && box.right > bar.left && box.left < bar.right;
                }).map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40));
            }"""
        )
        assert covered == [], f"{path} at {viewport['width']} px: {covered}"
        # The bar is opaque: no text shows through it while the page scrolls under it.
        assert bar.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    context.close()


def test_the_feedback_question_is_on_the_web_but_not_offline_nor_in_a_kiosk(browser, served_site, offline_dir):
    """«Fant du det du lette etter?» needs the lab's server: the offline edition, which is also what the lab's
    kiosk runs (README: the folder with ?kiosk), does not have it."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(served_site + "kapitler/lovene/", wait_until="networkidle")
    expect(page.get_by_role("region", name="Fant du det du lette etter?")).to_be_visible()
    page.goto((offline_dir / "index.html").as_uri() + "?kiosk", wait_until="load")
    expect(page.locator(".intro-feedback-box")).to_have_count(0)
    page.goto((offline_dir / "kapitler" / "lovene.html").as_uri(), wait_until="load")
    expect(page.locator(".intro-feedback-box")).to_have_count(0)
    context.close()
