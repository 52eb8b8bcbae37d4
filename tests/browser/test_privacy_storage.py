"""The privacy statement lists exactly what the site's scripts keep in the reader's browser.

The scripts run in Chromium as a reader uses them (a path, «Merk som lest», «Test deg selv», the end of a path,
light or dark, search and kiosk mode), then the browser's localStorage and sessionStorage are read and compared
with the list on the built «Personvern» page. A script that starts keeping something the statement does not
name, or a statement that names something no script keeps, fails here.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser

from tests.helpers import ROOT

SCRIPTS = ROOT / "docs" / "assets" / "javascripts"
# Material for MkDocs writes its keys as «<the site's address>.__name» (its __md_set).
SCOPED = re.compile(r"^.*\.(__\w+)$")


def promised(site_dir) -> set[tuple[str, str]]:
    """(storage, key) for every row of the statement's table of what the browser keeps."""
    page = LexborHTMLParser((site_dir / "om/personvern/index.html").read_text(encoding="utf-8"))
    rows = set()
    for row in page.css("article table tbody tr"):
        codes = [code.text() for code in row.css("td:first-child code")]
        if len(codes) == 2:
            rows.add((codes[1], codes[0]))
    assert rows, "the statement has no table of what the browser keeps"
    return rows


def stored(page) -> set[tuple[str, str]]:
    keys = page.evaluate("() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})")
    found = set()
    for storage, names in (("localStorage", keys["local"]), ("sessionStorage", keys["session"])):
        for name in names:
            scoped = SCOPED.match(name)
            found.add((storage, scoped.group(1) if scoped else name))
    return found


def use_the_site_as_a_reader(page, site: str) -> None:
    # A path: start it, mark the first chapter as read, go on to the next.
    page.goto(site + "perspektiver/studenter/")
    page.locator(".intro-path a[data-step]").first.click()
    page.get_by_role("button", name="Merk kapitlet som lest").click()
    page.locator(".intro-path-nav:visible .intro-path-next").click()
    # «Test deg selv».
    page.goto(site + "kapitler/en-dag-i-tjenestene/")
    first = page.locator("#sporsmal-1")
    first.get_by_label("Hun trykker på trygghetsalarmen").check()
    first.get_by_role("button", name="Sjekk svaret").click()
    expect(first.locator(".intro-feedback")).to_contain_text("Riktig")
    # The end of the path.
    page.goto(site + "perspektiver/studenter/?sti=studenter&ferdig=1")
    expect(page.locator('.intro-path-end[data-path="studenter"]')).to_be_visible()
    # Light or dark, and a search.
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.locator(".md-search__input").click()  # one-key shortcuts such as «/» are off (WCAG 2.1.4)
    page.keyboard.type("sykehjem")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def start_a_kiosk(page, offline_dir) -> None:
    """Kiosk mode is the offline edition's (its script loads only there): a shared screen started with ?kiosk."""
    page.goto((offline_dir / "index.html").as_uri() + "?kiosk=10")
    expect(page.get_by_role("button", name="Ny besøkende")).to_be_visible()


def test_the_statement_lists_exactly_what_the_scripts_keep_in_the_browser(
    guarded_page, served_site, site_dir, offline_page, offline_dir
):
    page, problems = guarded_page
    use_the_site_as_a_reader(page, served_site)
    kiosk, kiosk_problems = offline_page
    start_a_kiosk(kiosk, offline_dir)
    kept = stored(page) | stored(kiosk)
    listed = promised(site_dir)
    assert kept == listed, (
        f"kept but not in the statement: {sorted(kept - listed)}; in the statement but never kept: {sorted(listed - kept)}"
    )
    assert page.context.cookies() == [] and kiosk.context.cookies() == []
    assert problems == [] and kiosk_problems == []


def test_every_storage_key_named_in_the_scripts_is_in_the_statement(site_dir):
    """A key a reader's round above does not reach (a new feature) is caught where it is written down."""
    named = {
        key for script in SCRIPTS.glob("*.js") for key in re.findall(r'"(intro\.[A-Za-z]+)"', script.read_text(encoding="utf-8"))
    }
    assert named, "no storage keys found in the scripts"
    listed = {key for _, key in promised(site_dir)}
    assert named <= listed, f"not in the statement: {sorted(named - listed)}"
