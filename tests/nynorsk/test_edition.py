"""The real nynorsk edition: the Bergen edition translated from the bokmål source by Apertium as it builds.

It is built once per run (nynorsk_release in conftest.py); a cold translation of the whole site takes minutes, so
these checks run with `make test-nynorsk`, not `make test`. How the translation works, and what an editor is told,
is tested on the fixture project (tests/system/test_nynorsk.py).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from libzim.reader import Archive
from libzim.search import Query, Searcher
from selectolax.lexbor import LexborHTMLParser

from macros.checks.spelling import Word
from macros.commands.release import Release
from macros.translation import spelling as translated
from tests.helpers import NYNORSK_CONFIG, ROOT, language_links, pages_without_translation_notice, site_errors

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
    urgent = page.css_first(".akutt-hjelp")
    assert urgent is not None and "113" in urgent.text()
    assert len(page.css(".admonition.hos-oss")) == 3
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
    assert len(list(nynorsk_site.rglob("index.html"))) > 60
    without = pages_without_translation_notice(nynorsk_site, BOKMAL_ROOT)
    assert not without, without[:20]
    assert not parse(site_dir / "index.html").css(".intro-translated")


def test_both_editions_link_each_others_page_in_the_head_and_the_language_switcher(site_dir, nynorsk_site):
    for site in (site_dir, nynorsk_site):
        links = language_links(parse(site / "kapitler/lovene/index.html"))
        assert links == {"nb": BOKMAL_ROOT + "kapitler/lovene/", "nn": NYNORSK_ROOT + "kapitler/lovene/"}


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
    # The keys are folded as the stemmer folds them (å → a, ø → o).
    assert {"sjukeheim", "parorand", "heimesjukeplei"} <= keys


def test_the_translation_has_no_word_the_nynorsk_dictionary_does_not_know(nynorsk_release) -> None:
    report = translated.check(ROOT, "nynorsk", "nob-nno_e", ROOT / "data/nynorsk", NYNORSK_CONFIG)
    assert not report, (
        "Ord i den nynorske oversettelsen som stavekontrollen (nn_NO) ikke kjenner. Rett feil oversettelser i "
        "data/nynorsk/terms.yml; legg riktig skrevne nynorske ord i data/nynorsk/stavekontroll.txt:\n"
        + "\n".join(f"  {label}: {', '.join(found)}" for label, found in report.items())
    )
    # Bokmål is not nynorsk: the nynorsk dictionary does not take a bokmål word for one.
    assert translated.spelling.unknown_words({"test": [Word("ikke", False), Word("ikkje", False)]}, frozenset(), "nn_NO") == {
        "test": ["ikke"]
    }


def test_every_page_is_valid_html(nynorsk_site):
    errors = site_errors(nynorsk_site, sorted(nynorsk_site.rglob("*.html")))
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:60])
