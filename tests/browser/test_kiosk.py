"""The offline edition on a kiosk: links that need the internet never strand a visitor, and the next visitor
starts afresh. In Chromium over file://, with every request to the network blocked."""

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


def test_a_new_visitor_and_an_idle_kiosk_start_afresh(offline_page, offline_dir):
    page, problems = offline_page
    home = (offline_dir / "index.html").as_uri()
    page.goto(home + "?kiosk=0.05")
    page.goto((offline_dir / "kapitler" / "lovene.html").as_uri())
    page.get_by_role("button", name="Merk kapitlet som lest").click()
    assert remembered(page) != []
    page.get_by_role("button", name="Ny besøkende").click()
    page.wait_for_url(home)
    assert remembered(page) == []

    page.goto((offline_dir / "kapitler" / "lovene.html").as_uri())
    page.get_by_role("button", name="Merk kapitlet som lest").click()
    assert remembered(page) != []
    page.wait_for_url(home, timeout=15000)  # 0.05 minutes without use
    assert remembered(page) == []
    assert problems == []
