"""Each edition is its own: title, colours, mark, landing text and output names, from its config and data alone."""

import json
import re
import zipfile
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.commands.release import Release


@pytest.fixture(scope="session")
def gjovik(gjovik_release: Release) -> Release:
    return gjovik_release


def outputs(edition: Release) -> set[str]:
    root = edition.zip.parent
    return {str(p.relative_to(root)) for p in edition.site.rglob("*") if p.is_file()} | {edition.zip.name}


def page(site: Path, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / path).read_text(encoding="utf-8"))


def test_two_editions_built_into_one_folder_share_no_output_file(release, gjovik):
    assert gjovik.edition == "gjovik" and release.edition == "bergen"
    assert not outputs(release) & outputs(gjovik)
    assert release.site.is_dir() and "Gjøvik" not in page(release.site, "index.html").css_first("title").text()
    for edition in (release, gjovik):
        with zipfile.ZipFile(edition.zip) as archive:
            assert {name.split("/")[0] for name in archive.namelist()} == {f"intro-{edition.edition}-frakoblet"}
        assert (edition.site / "last-ned" / edition.zip.name).is_file()


def test_the_gjovik_edition_presents_itself(gjovik):
    landing = page(gjovik.site, "index.html")
    assert landing.css_first("title").text().endswith("(Gjøvik-regionen)")
    assert landing.body.attributes["data-md-color-primary"] == "teal"
    assert landing.css_first(".md-logo img").attributes["src"].endswith("assets/utgaver/gjovik/logo.svg")
    assert landing.css_first('link[rel="icon"]').attributes["href"].endswith("assets/utgaver/gjovik/favicon.svg")
    text = landing.body.text()
    assert "laget for Gjøvik-regionen av Helseinn" in text and "Alrek" not in text
    assert "Helseinn" in landing.css_first(".md-copyright").text() and "Material for MkDocs" not in text


def test_gjovik_citations_catalogue_and_posters_carry_gjoviks_title_and_colour(gjovik):
    title = "INTRO – helse og omsorg i kommunen (Gjøvik-regionen)"
    catalog = json.loads((gjovik.site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["title"] == title and catalog["colour"] == "#009485"
    assert all(c["permanent_url"].startswith("https://intro.helseinn.no/") for c in catalog["chapters"])
    teaching = page(gjovik.site, "kapitler/lovene/index.html").css_first(".intro-teaching").text()
    assert f"{title}. https://intro.helseinn.no/k/lovene/" in teaching
    posters = sorted(p for p in (gjovik.site / "plakater").glob("*.html") if p.name != "index.html")
    assert len(posters) > 30
    for poster in posters:
        html = poster.read_text(encoding="utf-8")
        assert "--intro-poster-colour: #009485" in html and title in html and "Helseinn" in html
        assert "assets/utgaver/gjovik/logo.svg" in html


def test_gjovik_programme_pages_book_gjoviks_workshop(release, gjovik):
    for edition, own, other in (
        (gjovik, "Verksted for integrerte helsetjenester", "Omsorgsteknologilaboratoriet"),
        (release, "Omsorgsteknologilaboratoriet", "Verksted for integrerte helsetjenester"),
    ):
        for programme in ("velferdsteknologi-i-praksis", "samhandling-halv-dag"):
            text = page(edition.site, f"programmer/{programme}/index.html").css_first("article").text()
            assert "Slik avtaler dere besøket" in text and own in text and other not in text, programme


def test_no_page_of_the_gjovik_edition_carries_bergens_own_facts_or_address(gjovik):
    bergen_only = ("intro.alrekhelseklynge.no", "Slik er det hos oss: Bergen", "laget for Bergen")
    for html in gjovik.site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        found = [marker for marker in bergen_only if marker in text]
        assert not found, f"{html.relative_to(gjovik.site)}: {found}"
    index = "".join(path.read_text(encoding="utf-8") for path in (gjovik.site / "search").glob("*.js*"))
    assert not re.search("intro\\.alrekhelseklynge\\.no|Slik er det hos oss: Bergen", index)
