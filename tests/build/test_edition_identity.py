"""Each edition is its own: title, colours, mark, landing text and output names, from its config and data alone."""

import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from libzim.reader import Archive
from selectolax.lexbor import LexborHTMLParser

from macros import loader
from macros.commands.release import Release
from macros.content import identity
from macros.content.identity import Identity
from tests.helpers import ROOT


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


def base_identity() -> Identity:
    """The base (Bergen) edition as its config names it: site_name and site_author of mkdocs.yml."""
    return identity.from_config(loader.read_config_file(ROOT / "mkdocs.yml"))


def texts_of(edition: Release) -> Iterator[tuple[str, str]]:
    """Every text the edition ships, by where it is: the site's files, what its zips hold (the offline edition and
    the course packages) and the ZIM's metadata and entries."""

    def unpacked(where: str, data: bytes) -> Iterator[tuple[str, str]]:
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    yield from unpacked(f"{where}!{name}", archive.read(name))
        else:
            try:
                yield where, data.decode("utf-8")
            except UnicodeDecodeError:
                pass  # an image

    for path in sorted(p for p in edition.site.rglob("*") if p.is_file() and p.suffix != ".zim"):
        yield from unpacked(str(path.relative_to(edition.site)), path.read_bytes())
    zim = Archive(str(edition.zim))
    for key in zim.metadata_keys:
        yield from unpacked(f"{edition.zim.name} {key}", bytes(zim.get_metadata(key)))
    for number in range(zim.all_entry_count):
        entry = zim._get_entry_by_id(number)
        if not entry.is_redirect and not entry.path.endswith("xapian"):
            yield from unpacked(f"{edition.zim.name}!{entry.path}", bytes(entry.get_item().content))


def mentions_of_the_base(where: str, text: str, base: Identity, own: Identity, allowed: set[str]) -> list[str]:
    """Where text names the base edition: its title (not as the start of the edition's own), or its owner (where the
    words after it are not ones the shared content itself puts there)."""
    found = [
        f"{where}: «{base.title}»" for m in re.finditer(re.escape(base.title), text) if not text.startswith(own.title, m.start())
    ]
    found += [f"{where}: «{base.owner}»" for m in re.finditer(re.escape(base.owner), text) if after(text, m.end()) not in allowed]
    return found


def after(text: str, end: int) -> str:
    """The words that follow a mention, without markup: what tells a chapter's own mention from the site's."""
    return re.sub(r"<[^>]*>|[\"\\\\]", "", text[end : end + 80]).strip()[:12]


def named_in_content(base: Identity) -> set[str]:
    """The shared chapters may name the owners themselves («… med Alrek helseklynge og Helseinn som eksempler»):
    what follows each such mention may follow it in the output too."""
    sources = [
        p.read_text(encoding="utf-8")
        for folder in ("docs", "data")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in (".md", ".yml")
    ]
    return {after(text, m.end()) for text in sources for m in re.finditer(re.escape(base.owner), text)}


def test_no_output_of_the_gjovik_edition_names_the_base_site_or_its_owner(gjovik):
    base, own = base_identity(), identity.from_config(loader.read_config_file(ROOT / "mkdocs.gjovik.yml"))
    assert base.title != own.title and own.title.startswith(base.title) and base.owner != own.owner
    allowed = named_in_content(base)
    wrong = [problem for where, text in texts_of(gjovik) for problem in mentions_of_the_base(where, text, base, own, allowed)]
    assert not wrong, "\n".join(sorted(set(wrong)))


def test_the_check_finds_the_base_title_and_owner_but_not_the_editions_own():
    base, own = base_identity(), identity.from_config(loader.read_config_file(ROOT / "mkdocs.gjovik.yml"))
    allowed = named_in_content(base)
    # Gjøvik's quiz sheets said this until the templates were rendered with the edition (December 2026).
    old_sheet = "<p>Fra INTRO – helse og omsorg i kommunen. Innholdet er lisensiert under CC BY 4.0.</p>"
    assert mentions_of_the_base("sheet", old_sheet, base, own, allowed) == [f"sheet: «{base.title}»"]
    assert mentions_of_the_base("catalog", f'"owner": "{base.owner}",', base, own, allowed) == [f"catalog: «{base.owner}»"]
    assert not mentions_of_the_base("sheet", f"<p>Fra {own.title}.</p>", base, own, allowed)
    # A mention the shared content makes itself passes once named_in_content has found it there, and only then.
    goal = f"<li>forklare hva en helseklynge er, med {base.owner} som eksempler</li>"
    assert mentions_of_the_base("chapter", goal, base, own, set()) == [f"chapter: «{base.owner}»"]
    in_content = {after(goal, goal.index(base.owner) + len(base.owner))}
    assert not mentions_of_the_base("chapter", goal, base, own, in_content)
