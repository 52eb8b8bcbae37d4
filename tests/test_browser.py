"""In real headless Chromium: a reader follows a perspective card and lands on its path."""

import pytest

pytestmark = pytest.mark.browser


def test_follow_a_perspective_card_without_errors(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site, wait_until="networkidle")
    page.get_by_role("link", name="Pårørende", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/perspektiver/parorende/")
    assert page.locator("h1").inner_text() == "For pårørende"
    assert page.locator(".intro-path a[data-step]").count() >= 5
    assert problems == []


def test_a_diagram_renders_from_the_sites_own_mermaid(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + "kapitler/samhandling/", wait_until="networkidle")
    page.wait_for_selector(".mermaid svg", timeout=15000)
    assert problems == []
