"""The nynorsk edition: the Bergen edition translated from the bokmål source by Apertium as it builds.

Every test here needs Debian's apertium and apertium-nno-nob: they are `system` tests. The edition is built once
per session (nynorsk_release in conftest.py); the tests that change the source build a copy of the project, with
a copy of the translation cache, so only what they changed goes to Apertium.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher
from selectolax.lexbor import LexborHTMLParser

from macros.commands.release import Release
from tests.helpers import NYNORSK_CONFIG, copy_project, copy_translation_cache, mkdocs_build

pytestmark = pytest.mark.system

BOKMAL_ROOT = "https://intro.alrekhelseklynge.no/"
NYNORSK_ROOT = "https://intro.alrekhelseklynge.no/nn/"
# Words only bokmål writes (nynorsk: ikkje, kva, korleis, nokon, sjukeheim, …).
BOKMAL_MARKERS = frozenset(
    """
ikke hva hvordan noen sykehjem sykehjemmet hvis hvem hvilke hvilken jeg dere mye hennes uten sammen selv kommer
gjør pårørende hjemmetjenester hjemmesykepleie tjenester tjenestene bare fra
""".split()
)
MOST_PER_THOUSAND = 2


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def chapter_pages(site: Path) -> list[str]:
    return sorted(
        str(p.relative_to(site)) for p in (site / "kapitler").glob("*/index.html") if not p.parent.name.startswith("hefte-")
    )


def running_text(page: LexborHTMLParser) -> str:
    """A page's own prose: the article without code, the sources it cites (their titles stay as written), links to
    other sites (their titles), and what is marked as bokmål."""
    article = page.css_first("article")
    if article is None:
        return ""
    for sources in article.css("h2#kjelder + ol"):
        sources.decompose()
    for node in article.css('script, style, code, pre, textarea, a[href^="http"]'):
        node.decompose()
    return article.text(separator=" ")


def test_every_chapter_of_the_bokmal_site_is_in_the_nynorsk_edition_in_nynorsk(site_dir, nynorsk_site):
    chapters = chapter_pages(site_dir)
    assert len(chapters) >= 28
    assert chapter_pages(nynorsk_site) == chapters
    for chapter in chapters:
        assert parse(nynorsk_site / chapter).css_first("html").attributes.get("lang") == "nn", chapter
    assert parse(site_dir / chapters[0]).css_first("html").attributes.get("lang") == "nb"


def test_the_running_text_has_at_most_two_bokmal_words_per_thousand(nynorsk_site):
    words, found = 0, []
    for path in sorted(nynorsk_site.rglob("*.html")):
        if path.parent.name.startswith("hefte-"):
            continue  # a path's booklet repeats its chapters
        text = re.findall(r"[^\W\d_]+", running_text(parse(path)))
        words += len(text)
        found += [(word, str(path.relative_to(nynorsk_site))) for word in text if word.lower() in BOKMAL_MARKERS]
    assert words > 50_000
    per_thousand = 1000 * len(found) / words
    print(f"\n{len(found)} bokmål words in {words} words of running text: {per_thousand:.2f} per 1,000")
    assert per_thousand <= MOST_PER_THOUSAND, found[:40]


def test_a_chapter_reads_as_nynorsk_with_its_macros_links_and_anchors_intact(nynorsk_site, html):
    page = parse(nynorsk_site / "slik-gjor-du/sykehjem/index.html")
    text = " ".join(page.css_first("article").text(separator=" ").split())
    assert "Du søkjer om plass på sjukeheim hos kommunen der du bur." in text
    # The macros ran: the edition's urgent help and local box; the figure from data/figures.yml.
    assert page.css_first(".intro-urgent") is not None or "113" in text
    # Links to a translated heading point at its translated anchor, which exists.
    link = page.css_first('a[href*="dine-rettigheter/#"]')
    assert link is not None
    anchor = link.attributes["href"].split("#")[1]
    assert anchor == "plass-på-sjukeheim"
    assert parse(nynorsk_site / "kapitler/dine-rettigheter/index.html").css_first(f'[id="{anchor}"]') is not None


def broken_anchors(path: Path) -> list[str]:
    """The anchors in a page that its own links point at and it does not have."""
    page = parse(path)
    ids = {node.attributes.get("id") for node in page.css("[id]")}
    return [link.attributes["href"] for link in page.css('a[href^="#"]') if link.attributes["href"][1:] not in ids]


def test_translated_headings_break_no_anchor_a_page_links_to(site_dir, nynorsk_site):
    broken = []
    for path in sorted(nynorsk_site.rglob("*.html")):
        own = broken_anchors(path)
        bokmal = site_dir / path.relative_to(nynorsk_site)
        # What the bokmål edition has broken too is not the translation's doing (the booklets' title link).
        if len(own) > len(broken_anchors(bokmal) if bokmal.is_file() else []):
            broken.append(f"{path.relative_to(nynorsk_site)}: {own}")
    assert not broken, broken[:20]


def test_the_editors_corrections_and_terms_are_in_the_build(nynorsk_site):
    text = parse(nynorsk_site / "slik-gjor-du/sykehjem/index.html").css_first("article").text(separator=" ")
    assert "Spør kommunen om prisane for i år." in " ".join(text.split())  # data/nynorsk/corrections.yml
    about = " ".join(parse(nynorsk_site / "index.html").css_first("article").text(separator=" ").split())
    assert "Alrek helseklynge" in about and "helseklyngje" not in about  # data/nynorsk/terms.yml


def test_every_page_says_it_is_translated_and_links_the_same_page_in_bokmal(site_dir, nynorsk_site):
    pages = sorted(nynorsk_site.rglob("index.html"))
    assert len(pages) > 60
    without = []
    for path in pages:
        page = parse(path)
        if page.css_first('meta[http-equiv="refresh"]') is not None:
            continue  # a permanent address that sends the reader on
        notice = page.css_first(".md-banner .intro-translated")
        address = path.parent.relative_to(nynorsk_site).as_posix()
        expected = BOKMAL_ROOT + (address + "/" if address != "." else "")
        link = notice.css_first('a[hreflang="nb"]') if notice else None
        if (
            notice is None
            or "omsett automatisk frå bokmål" not in notice.text()
            or link is None
            or link.attributes.get("href") != expected
        ):
            without.append(address)
    assert not without, without[:20]
    assert not parse(site_dir / "index.html").css(".intro-translated")


def test_both_editions_link_each_others_page_in_the_head_and_the_language_switcher(site_dir, nynorsk_site):
    for site in (site_dir, nynorsk_site):
        page = parse(site / "kapitler/lovene/index.html")
        head = {
            link.attributes["hreflang"]: link.attributes["href"] for link in page.css('head link[rel~="alternate"][hreflang]')
        }
        assert head == {"nb": BOKMAL_ROOT + "kapitler/lovene/", "nn": NYNORSK_ROOT + "kapitler/lovene/"}
        switcher = {link.attributes["hreflang"]: link.attributes["href"] for link in page.css("a.md-select__link")}
        assert switcher == head
        # Not written as Material's script looks for them, which would fetch sitemap.xml from beside each.
        assert not page.css('link[rel="alternate"][hreflang]')


def test_the_gjovik_edition_has_no_nynorsk_counterpart(gjovik_site):
    page = parse(gjovik_site / "kapitler/lovene/index.html")
    assert not page.css('link[rel~="alternate"][hreflang]')
    assert not page.css("a.md-select__link")


def test_the_nynorsk_edition_has_its_own_zip_zim_catalogue_course_packages_and_posters(nynorsk_release: Release):
    site = nynorsk_release.site
    assert nynorsk_release.edition == "nynorsk"
    assert nynorsk_release.zip.name == "intro-nynorsk-frakoblet.zip"
    with zipfile.ZipFile(nynorsk_release.zip) as archive:
        assert "intro-nynorsk-frakoblet/kapitler/lovene.html" in archive.namelist()
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["language"] == "nn" and catalog["edition"] == "nynorsk"
    assert any(chapter["title"] == "Lovene som styrer tenestene" for chapter in catalog["chapters"])
    packages = sorted(p.name for p in (site / "last-ned/kurspakker").glob("*.imscc"))
    assert "intro-alle.imscc" in packages
    with zipfile.ZipFile(site / "last-ned/kurspakker/intro-alle.imscc") as package:
        manifest = package.read("imsmanifest.xml").decode("utf-8")
    assert 'language="nn"' in manifest and "Alle kapitla i INTRO" in manifest
    poster = parse(site / "plakater/lovene.html")
    assert poster.css_first("html").attributes.get("lang") == "nn"
    archive = Archive(str(nynorsk_release.zim))
    assert archive.get_metadata("Language") == b"nno"
    assert archive.get_metadata("Name") == b"intro_nn_nynorsk"
    found = list(Searcher(archive).search(Query().set_query("eigendelane")).getResults(0, 10))
    assert "kapitler/egenandeler.html" in found, found


def test_search_is_keyed_by_nynorsk_rules(nynorsk_site):
    index = (nynorsk_site / "search/intro-index.js").read_text(encoding="utf-8")
    head = json.loads(index.removeprefix("self.introSearchIndex=").rstrip(";\n"))
    assert {"ikkje", "kva", "korleis"} <= set(head["rules"]["stopWords"])
    assert "heita" in head["rules"]["step1"]
    keys = set(head["keys"].split())
    assert {"sjukeheim", "pårørand", "heimesjukeplei"} & keys or {"sjukeheim", "parorand", "heimesjukeplei"} <= keys


# ---- A fix in bokmål reaches nynorsk; the editors are told what the machine could not do ----

CHAPTER = "docs/slik-gjor-du/sykehjem.md"
SENTENCE = "Kommunen vurderer behovet og gir deg et skriftlig svar, et vedtak."


def nynorsk_copy(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    copy_translation_cache(project)
    return project


def build(project: Path, tmp_path: Path):
    return mkdocs_build(project, tmp_path / "site", NYNORSK_CONFIG)


def test_a_sentence_changed_in_bokmal_reaches_the_nynorsk_build(tmp_path):
    project = nynorsk_copy(tmp_path)
    chapter = project / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    assert SENTENCE in text
    chapter.write_text(
        text.replace(SENTENCE, "Kommunen vurderer behovet ditt grundig og svarer deg skriftlig."), encoding="utf-8"
    )
    result = build(project, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    page = " ".join(parse(tmp_path / "site/slik-gjor-du/sykehjem/index.html").css_first("article").text(separator=" ").split())
    # «svarer» and «svarar» are both nynorsk; «skriftleg» is nynorsk only.
    assert re.search(r"Kommunen vurderer behovet ditt grundig og svar[ae]r deg skriftleg\.", page), page[:600]
    assert "eit skriftleg svar, eit vedtak" not in page


def test_a_word_apertium_does_not_know_stops_the_build_naming_the_page_and_the_word(tmp_path):
    project = nynorsk_copy(tmp_path)
    chapter = project / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace(SENTENCE, SENTENCE + " Da får du en snørkelpøff."), encoding="utf-8")
    line = next(
        number for number, written in enumerate(chapter.read_text(encoding="utf-8").splitlines(), 1) if "snørkelpøff" in written
    )
    result = build(project, tmp_path)
    assert result.returncode != 0
    assert f"{CHAPTER}, linje {line}: Apertium kjenner ikke ordet «snørkelpøff»" in result.stderr
    assert "Traceback" not in result.stderr
    # On the allow-list, the word may stand as it is.
    with (project / "data/nynorsk/untranslated.txt").open("a", encoding="utf-8") as words:
        words.write("snørkelpøff\n")
    assert build(project, tmp_path).returncode == 0


def test_a_correction_whose_sentence_is_gone_stops_the_build_naming_the_entry(tmp_path):
    project = nynorsk_copy(tmp_path)
    chapter = project / CHAPTER
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("Spør kommunen om prisene for i år.", "Spør kommunen om prisene."),
        encoding="utf-8",
    )
    result = build(project, tmp_path)
    assert result.returncode != 0
    assert (
        "data/nynorsk/corrections.yml: feltet «bokmål» Setningen «Spør kommunen om prisene for i år.» står ikke "
        f"lenger i {CHAPTER}"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_mistake_in_the_term_list_stops_the_build_in_norwegian(tmp_path):
    project = nynorsk_copy(tmp_path)
    with (project / "data/nynorsk/terms.yml").open("a", encoding="utf-8") as terms:
        terms.write("- bokmål: sykehjem\n  nynorsk: sjukeheim\n  kjønn: hankjønn\n- bokmål: Alrek helseklynge\n")
    result = build(project, tmp_path)
    assert result.returncode != 0
    assert "data/nynorsk/terms.yml: feltet «kjønn» er ikke et kjent felt" in result.stderr
    assert "«Alrek helseklynge» står 2 ganger" in result.stderr
