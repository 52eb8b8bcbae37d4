"""The offline edition for Kiwix: a ZIM file that holds every page and finds chapters by Norwegian words."""

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher

from macros.commands.release import Release


def search(archive: Archive, words: str) -> list[str]:
    found = Searcher(archive).search(Query().set_query(words))
    return list(found.getResults(0, 10))


def test_the_zim_holds_every_page_of_the_offline_edition_with_its_metadata(release: Release, offline_dir: Path):
    archive = Archive(str(release.zim))
    pages = sorted(str(p.relative_to(offline_dir)) for p in offline_dir.rglob("*.html"))
    missing = [page for page in pages if not archive.has_entry_by_path(page)]
    assert not missing
    assert archive.main_entry.get_item().path == "index.html"
    assert archive.get_metadata("Language") == b"nor"
    assert archive.get_metadata("Title").decode().startswith("INTRO")
    assert archive.get_metadata("Creator").decode() == "Alrek helseklynge og Helseinn"
    assert 48 in archive.get_illustration_sizes()
    assert archive.has_fulltext_index and archive.has_title_index


@pytest.mark.parametrize(
    "words, chapter",
    [
        ("egenandelene", "kapitler/egenandeler.html"),
        ("klagene", "kapitler/rettigheter-og-klage.html"),
        ("velferdsteknologien", "kapitler/velferdsteknologi.html"),
    ],
)
def test_kiwix_search_finds_a_chapter_by_an_inflected_word(release: Release, words: str, chapter: str):
    results = search(Archive(str(release.zim)), words)
    assert results[:3] and chapter in results[:3], results
    assert not [r for r in results if "hefte-" in r], "the booklets repeat the chapters and crowd search"


def test_the_download_page_offers_the_zim_beside_the_zip(html, site_dir: Path, release: Release):
    page = html("last-ned/index.html")
    links = [a.attributes["href"] for a in page.css("a[download]")]
    assert any(link.endswith(release.zim.name) for link in links), links
    assert (site_dir / "last-ned" / release.zim.name).read_bytes() == release.zim.read_bytes()


@pytest.mark.system  # Debian's kiwix-tools
def test_kiwix_serve_shows_the_zim_and_searches_it_on_loopback(release: Release, tmp_path):
    binary = shutil.which("kiwix-serve")
    if not binary:
        pytest.fail("Debian's kiwix-tools is not installed. Run `make setup-test` (it installs it).")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [binary, "--address=127.0.0.1", f"--port={port}", str(release.zim)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                catalog = urllib.request.urlopen(f"{base}/catalog/v2/entries", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("kiwix-serve did not start")
        assert "intro_nb_bergen" in catalog
        book = release.zim.stem  # kiwix-serve names a book after its file
        page = urllib.request.urlopen(f"{base}/{book}/kapitler/lovene.html", timeout=5).read().decode()
        assert "Lovene" in page
        found = urllib.request.urlopen(f"{base}/search?content={book}&pattern=egenandelene", timeout=5).read()
        assert b"egenandeler.html" in found
    finally:
        server.terminate()
        server.wait(timeout=10)
