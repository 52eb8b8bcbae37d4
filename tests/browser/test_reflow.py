"""The accessibility statement says the pages were read on a screen 320 pixels wide (WCAG 1.4.10): the legal pages,
the programme pages and their printouts do not scroll sideways there. Wide tables scroll inside their own box."""

from __future__ import annotations

import pytest

PAGES = (
    "om/",
    "om/personvern/",
    "om/tilgjengelighet/",
    "programmer/velferdsteknologi-i-praksis/",
    "programmer/materiell-velferdsteknologi-i-praksis/",
    "programmer/materiell-samhandling-halv-dag/",
    "perspektiver/studenter/",
    "perspektiver/nyansatte/",
)


@pytest.mark.parametrize("path", PAGES)
def test_a_page_fits_a_320_pixel_screen(browser, served_site, path):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(served_site + path)
    page.wait_for_load_state("networkidle")
    sideways = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    page.close()
    assert sideways <= 0, f"{path} scrolls {sideways} px sideways at 320 px"
