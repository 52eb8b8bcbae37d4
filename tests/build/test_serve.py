"""`make serve` as an author uses it (`mkdocs serve --dirty`, macros/serving.py), on the fixture project: a save
shows at once with what it changes on other pages, a mistake is named, and what serve leaves to `make build` is
always in the release."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros import serving
from macros.commands.release import SERVE_FLAGS, build_release, mkdocs_env, serve_mkdocs
from tests.helpers import EDITION, FIXTURE_TODAY, copy_site

# A rebuild on a busy machine: a whole one takes a few seconds, a save in one chapter well under one.
WAIT_S = 120
CHAPTER = "kapitler/lovene.md"


def fetch_bytes(base: str, path: str) -> bytes | None:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.read()
    except urllib.error.HTTPError:
        return None


def fetch(base: str, path: str) -> str | None:
    found = fetch_bytes(base, path)
    return None if found is None else found.decode("utf-8")


def served_when(base: str, path: str, ready: Callable[[str], bool]) -> str:
    """The page once ready says it is there (serve rebuilds after it notices the save)."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        page = fetch(base, path)
        if page is not None and ready(page):
            return page
        time.sleep(0.2)
    raise AssertionError(f"{path} did not show the change within {WAIT_S} s")


def menu_titles(page: str) -> list[str]:
    return [link.text(strip=True) for link in LexborHTMLParser(page).css("nav.md-nav--primary a.md-nav__link")]


def builds(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Documentation built in")


def logged(log: Path, text: str) -> None:
    """Wait until serve has said text (after it started)."""
    deadline = time.monotonic() + WAIT_S
    while text not in log.read_text(encoding="utf-8").split("Serving on", 1)[-1] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert text in log.read_text(encoding="utf-8"), log.read_text(encoding="utf-8")[-3000:]


def rebuilt(log: Path, count: int) -> None:
    """Wait until serve has finished its count-th build (it writes the pages before it says so)."""
    deadline = time.monotonic() + WAIT_S
    while builds(log) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    assert builds(log) >= count, log.read_text(encoding="utf-8")[-3000:]


def save(page: Path, text: str) -> None:
    """Save as an editor does, a moment after the last save (so the file is newer than what serve wrote)."""
    time.sleep(1.1)
    page.write_text(text, encoding="utf-8")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """The fixture project, served as `make serve` serves: (project, address, serve's log)."""
    project = copy_site(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serve_mkdocs(project, SERVE_FLAGS, log, env=mkdocs_env({"INTRO_TODAY": FIXTURE_TODAY})) as base:
        yield project, base, log


def test_a_save_in_a_chapter_shows_at_once_in_its_page_and_its_booklet_with_every_menu_title(served):
    project, base, log = served
    chapter = project / "docs" / CHAPTER
    save(chapter, chapter.read_text(encoding="utf-8") + "\nEn ny setning om lovene.\n")
    page = served_when(base, "kapitler/lovene/", lambda text: "En ny setning om lovene." in text)
    titles = menu_titles(page)
    assert {"Kommunen", "Tjenestene"} <= set(titles), titles
    assert not [title for title in titles if title in ("None", "")], titles
    # The booklet of the path is made of the chapters' HTML: the saved chapter's new text is in it, beside the others'.
    booklet = served_when(base, "kapitler/hefte-studenter/", lambda text: "En ny setning om lovene." in text)
    assert "Kommunen" in booklet and "Tjenestene" in booklet
    rebuilt(log, 2)
    assert "WARNING" not in log.read_text(encoding="utf-8").split("Serving on", 1)[1]


def test_a_new_title_shows_in_the_menu_of_every_page_and_on_the_path(served):
    project, base, log = served
    chapter = project / "docs" / CHAPTER
    save(chapter, chapter.read_text(encoding="utf-8").replace("title: Lovene", "title: Lovene som gjelder"))
    other = served_when(base, "kapitler/kommunen/", lambda text: "Lovene som gjelder" in text)
    assert "Lovene som gjelder" in menu_titles(other)
    assert "Lovene som gjelder" in (fetch(base, "studenter/") or "")


def test_a_mistake_is_named_and_the_page_shows_once_it_is_mended(served):
    # (MkDocs' server holds every request while the last build failed.)
    project, base, log = served
    chapter = project / "docs" / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    save(chapter, text + "\nLes [om ingenting](finnes-ikke.md).\n")
    logged(log, "An error happened during the rebuild")
    assert "docs/kapitler/lovene.md: Lenken eller bildet «finnes-ikke.md» fører ikke til noe" in log.read_text(encoding="utf-8")
    save(chapter, text + "\nEn rettet setning.\n")
    served_when(base, "kapitler/lovene/", lambda page: "En rettet setning." in page)


def test_serve_makes_what_a_build_makes_and_a_release_has_what_serve_leaves_to_it(served, tmp_path):
    project, base, _ = served
    release = build_release(project / "mkdocs.yml", tmp_path / "dist", env={"INTRO_TODAY": FIXTURE_TODAY})
    assert release.site is not None
    deferred = serving.deferred(EDITION)
    made = {path.relative_to(release.site).as_posix() for path in release.site.rglob("*") if path.is_file()}
    # The release has all serve leaves to it: the search index (also in the offline zip), the zip and the ZIM.
    assert set(deferred) <= made, sorted(set(deferred) - made)
    with zipfile.ZipFile(release.zip) as archive:
        assert any(name.endswith("/" + serving.deferred(EDITION)[0]) for name in archive.namelist())
    # Everything else a build makes, serve serves: pages, booklets, posters, course packages, the catalogue.
    missing = [path for path in sorted(made - set(deferred)) if fetch_bytes(base, path.removesuffix("index.html")) is None]
    assert not missing, missing
