"""Reuse in the browser: a permanent link opens its chapter over HTTP and from the offline zip, and every poster's
QR code reads as its chapter's permanent link."""

import re
from pathlib import Path

from playwright.sync_api import expect

from macros.rendering.posters import all_posters
from tests.helpers import SITE_URL, repository_site

SITE = repository_site()


def test_permanent_link_opens_the_chapter_over_http_and_file(browser, served_site, offline_dir):
    for start, expected in (
        (served_site + "k/lovene/", "/kapitler/lovene/"),
        ((offline_dir / "k/lovene/index.html").as_uri(), "/kapitler/lovene.html"),
    ):
        page = browser.new_page()
        page.goto(start)
        page.wait_for_url(re.compile(re.escape(expected)))
        expect(page.locator("h1")).to_contain_text("Lovene som styrer tjenestene")
        page.close()


def test_every_poster_qr_code_decodes_to_its_chapters_permanent_link(browser, site_dir):
    import zxingcpp
    from PIL import Image

    posters = all_posters(SITE)
    assert len(posters) == len(SITE.chapters) + sum(len(p.stations) for p in SITE.programmes.values())
    page = browser.new_page(viewport={"width": 900, "height": 1300})
    for poster in posters:
        page.goto((site_dir / poster.path).as_uri())
        shot = site_dir.parent / f"poster-{Path(poster.path).stem}.png"
        page.screenshot(path=str(shot), full_page=True)
        decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(shot))]
        # A station's code opens the section about its solution; a chapter's, the chapter.
        section = f"#{poster.station.section}" if poster.station and poster.station.section else ""
        assert decoded == [f"{SITE_URL}k/{poster.chapter}/{section}"], poster.path
    page.close()
