"""The offline edition on a kiosk: links that need the internet never strand a visitor, and the next visitor
starts afresh. In Chromium over file://, with every request to the network blocked."""

import re

from playwright.sync_api import expect


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
