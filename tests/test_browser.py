"""In real headless Chromium: a reader follows a perspective card and lands on its path."""

import pytest

pytestmark = pytest.mark.browser


def test_follow_a_perspective_card_without_errors(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site, wait_until="networkidle")
    page.get_by_role("link", name="Pårørende", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/perspektiver/parorende/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("For pårørende")
    assert page.locator(".intro-path a[data-step]").count() >= 5
    assert problems == []


def test_a_diagram_renders_from_the_sites_own_mermaid(guarded_page, served_site):
    page, problems = guarded_page
    page.goto(served_site + "kapitler/samhandling/", wait_until="networkidle")
    # Material swaps the source <pre> for a <div> holding the drawn SVG (in a closed shadow root).
    diagram = page.wait_for_selector("div.mermaid", timeout=15000)
    assert page.locator("pre.mermaid").count() == 0
    assert diagram.bounding_box()["height"] > 100
    assert problems == []
