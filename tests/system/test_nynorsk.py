"""A translated edition, made by the real Apertium (Debian's apertium and apertium-nno-nob) on the fixture project:
its nynorsk edition (tests/fixtures/site/mkdocs.nynorsk.yml) is built once per run, and the tests that change the
source build a copy with the run's translation cache, so only what they changed goes to Apertium. The real nynorsk
edition's own checks are in tests/nynorsk/ (`make test-nynorsk`).
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
from tests.helpers import NYNORSK_CONFIG, build_site, language_links, pages_without_translation_notice

BOKMAL_ROOT = "https://intro.example.org/"
NYNORSK_ROOT = "https://intro.example.org/nn/"
CHAPTERS = ["hverdagen", "klage", "kommunen", "lovene", "tjenestene"]


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def article(path: Path) -> str:
    return " ".join(parse(path).css_first("article").text(separator=" ").split())


def test_every_chapter_is_in_nynorsk_with_the_editors_terms_and_corrections(fixture_nynorsk_site):
    for chapter in CHAPTERS:
        page = parse(fixture_nynorsk_site / f"kapitler/{chapter}/index.html")
        assert page.css_first("html").attributes.get("lang") == "nn", chapter
    assert "Den har også sjukeheim." in article(fixture_nynorsk_site / "kapitler/kommunen/index.html")
    assert "Du møter brukarar og pårørande." in article(fixture_nynorsk_site / "kapitler/hverdagen/index.html")
    services = article(fixture_nynorsk_site / "kapitler/tjenestene/index.html")
    assert "Det finst mange slags tenester." in services  # data/nynorsk/corrections.yml
    assert re.search(r"Det heiter heimetenester ?\.", services), services  # data/nynorsk/terms.yml
    # The macros ran on the translated source: the figure from data/figures.yml.
    assert re.search(r"Ein time hos legen kostar \d", services), services


def test_every_page_says_it_is_translated_and_links_the_same_page_in_bokmal(fixture_nynorsk_site):
    assert len(list(fixture_nynorsk_site.rglob("index.html"))) > 10
    assert pages_without_translation_notice(fixture_nynorsk_site, BOKMAL_ROOT) == []


def test_both_editions_link_each_others_page_in_the_head_and_the_language_switcher(fixture_nynorsk_release, tmp_path):
    bokmal = build_site(fixture_nynorsk_release.zip.parent / "project", tmp_path / "site")
    assert bokmal.ok, bokmal.output
    for site in (bokmal.site, fixture_nynorsk_release.site):
        links = language_links(parse(site / "kapitler/lovene/index.html"))
        assert links == {"nb": BOKMAL_ROOT + "kapitler/lovene/", "nn": NYNORSK_ROOT + "kapitler/lovene/"}
    assert not parse(bokmal.site / "index.html").css(".intro-translated")


def test_the_edition_has_its_own_zip_zim_catalogue_course_packages_and_posters(fixture_nynorsk_release: Release):
    site = fixture_nynorsk_release.site
    assert fixture_nynorsk_release.edition == "nynorsk"
    assert fixture_nynorsk_release.zip.name == "intro-nynorsk-frakoblet.zip"
    with zipfile.ZipFile(fixture_nynorsk_release.zip) as archive:
        offline = archive.read("intro-nynorsk-frakoblet/kapitler/tjenestene.html").decode("utf-8")
    assert 'lang="nn"' in offline and "heimetenester" in offline
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["language"] == "nn" and catalog["edition"] == "nynorsk"
    assert "Tenestene" in [chapter["title"] for chapter in catalog["chapters"]]
    with zipfile.ZipFile(site / "last-ned/kurspakker/intro-alle.imscc") as package:
        manifest = package.read("imsmanifest.xml").decode("utf-8")
    assert 'language="nn"' in manifest and "Alle kapitla i INTRO" in manifest
    assert parse(site / "plakater/lovene.html").css_first("html").attributes.get("lang") == "nn"
    archive = Archive(str(fixture_nynorsk_release.zim))
    assert archive.get_metadata("Language") == b"nno"
    found = list(Searcher(archive).search(Query().set_query("sjukeheimen")).getResults(0, 10))
    assert "kapitler/kommunen.html" in found, found


def test_search_is_keyed_by_nynorsk_rules(fixture_nynorsk_site):
    index = (fixture_nynorsk_site / "search/intro-index.js").read_text(encoding="utf-8")
    head = json.loads(index.removeprefix("self.introSearchIndex=").rstrip(";\n"))
    assert {"ikkje", "kva", "korleis"} <= set(head["rules"]["stopWords"])
    assert "heita" in head["rules"]["step1"]
    assert {"sjukeheim", "heimetenest"} <= set(head["keys"].split())


def test_the_translation_has_no_word_the_nynorsk_dictionary_does_not_know(fixture_nynorsk_release: Release):
    project = fixture_nynorsk_release.zip.parent / "project"
    report = translated.check(project, "nynorsk", "nob-nno_e", project / "data/nynorsk", NYNORSK_CONFIG)
    # The project's own pages and data; INTRO's templates and overrides are checked with the real edition's words.
    own = {label: words for label, words in report.items() if label.startswith(("docs/", "data/"))}
    assert not own, own
    # Bokmål is not nynorsk: the nynorsk dictionary does not take a bokmål word for one.
    words = {"test": [Word("ikke", False), Word("ikkje", False)]}
    assert translated.spelling.unknown_words(words, frozenset(), "nn_NO") == {"test": ["ikke"]}


# ---- A fix in bokmål reaches nynorsk; the editors are told what the machine could not do ----

CHAPTER = "docs/kapitler/tjenestene.md"
SENTENCE = "Du kan få hjelp hjemme."


def changed(project: Path, old: str, new: str, file: str = CHAPTER) -> Path:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def build(project: Path):
    return build_site(project, project / "site-nn", config=NYNORSK_CONFIG)


def test_a_sentence_changed_in_bokmal_reaches_the_nynorsk_build_with_its_link_to_a_translated_heading(
    fixture_nynorsk_project,
):
    changed(
        fixture_nynorsk_project,
        SENTENCE,
        "Kommunen vurderer behovet ditt og svarer deg skriftlig. Les [hva loven sier](lovene.md#hva-loven-sier).",
    )
    built = build(fixture_nynorsk_project)
    assert built.ok, built.output
    page = parse(built.site / "kapitler/tjenestene/index.html")
    text = " ".join(page.css_first("article").text(separator=" ").split())
    # «svarer» and «svarar» are both nynorsk; «skriftleg» is nynorsk only.
    assert re.search(r"Kommunen vurderer behovet ditt og svar[ae]r deg skriftleg\.", text), text[:600]
    assert "Du kan få hjelp heime." not in text
    # The link follows the heading it points at into nynorsk, and the heading is there.
    link = page.css_first('a[href*="lovene/#"]')
    anchor = link.attributes["href"].split("#")[1]
    assert anchor == "kva-lova-seier"
    assert parse(built.site / "kapitler/lovene/index.html").css_first(f'[id="{anchor}"]') is not None


def test_a_word_apertium_does_not_know_stops_the_build_naming_the_page_line_and_word(fixture_nynorsk_project):
    chapter = changed(fixture_nynorsk_project, SENTENCE, SENTENCE + " Da får du en snørkelpøff.")
    line = next(n for n, written in enumerate(chapter.read_text(encoding="utf-8").splitlines(), 1) if "snørkelpøff" in written)
    built = build(fixture_nynorsk_project)
    assert not built.ok
    assert f"{CHAPTER}, linje {line}: Apertium kjenner ikke ordet «snørkelpøff»" in built.output
    assert "Traceback" not in built.output
    # On the allow-list, the word may stand as it is.
    with (fixture_nynorsk_project / "data/nynorsk/untranslated.txt").open("a", encoding="utf-8") as words:
        words.write("snørkelpøff\n")
    built = build(fixture_nynorsk_project)
    assert built.ok, built.output
    assert re.search(r"D[aå] får du ein snørkelpøff\.", article(built.site / "kapitler/tjenestene/index.html"))


def test_a_correction_whose_sentence_is_gone_stops_the_build_naming_the_entry(fixture_nynorsk_project):
    changed(fixture_nynorsk_project, "Det finnes mange tjenester.", "Det finnes mange slags tjenester.")
    built = build(fixture_nynorsk_project)
    assert not built.ok
    assert (
        f"data/nynorsk/corrections.yml: feltet «bokmål» Setningen «Det finnes mange tjenester.» står ikke lenger i {CHAPTER}"
    ) in built.output
    assert "Traceback" not in built.output


def test_a_mistake_in_the_term_list_stops_the_build_in_norwegian(fixture_nynorsk_project):
    with (fixture_nynorsk_project / "data/nynorsk/terms.yml").open("a", encoding="utf-8") as terms:
        terms.write("- bokmål: sykehjem\n  nynorsk: sjukeheim\n  kjønn: hankjønn\n- bokmål: Prøveklyngen\n")
    built = build(fixture_nynorsk_project)
    assert not built.ok
    assert "data/nynorsk/terms.yml: feltet «kjønn» er ikke et kjent felt" in built.output
    assert "«Prøveklyngen» står 2 ganger" in built.output
