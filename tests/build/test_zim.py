"""The offline edition for Kiwix: a ZIM file that holds every page and finds chapters by Norwegian words."""

import json
from pathlib import Path

import pytest
import yaml
from libzim.reader import Archive
from libzim.search import Query, Searcher

from macros.commands.release import Release
from tests.helpers import ROOT, build_site, copy_site


def search(archive: Archive, words: str) -> list[str]:
    found = Searcher(archive).search(Query().set_query(words))
    return list(found.getResults(0, 10))


def edition_config(name: str) -> dict:
    """A MkDocs config file as data, its !ENV and !!python tags left out."""

    class Tolerant(yaml.SafeLoader):
        pass

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=Tolerant)


def test_the_zim_holds_every_page_of_the_offline_edition_with_its_metadata(release: Release, offline_dir: Path):
    archive = Archive(str(release.zim))
    pages = sorted(str(p.relative_to(offline_dir)) for p in offline_dir.rglob("*.html"))
    missing = [page for page in pages if not archive.has_entry_by_path(page)]
    assert not missing
    assert archive.main_entry.get_item().path == "index.html"
    assert archive.get_metadata("Language") == b"nob"
    assert archive.get_metadata("Creator").decode() == "Alrek helseklynge og Helseinn"
    assert 48 in archive.get_illustration_sizes()
    assert archive.has_fulltext_index and archive.has_title_index


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.gjovik.yml"])
def test_kiwix_library_gets_the_written_title_description_tags_licence_and_source(release, gjovik_release, config):
    """Kiwix's library shows Title (at most 30 characters) and Description (at most 80) as written in the edition's
    config, never cut; Tags must say there is a full-text index, or its catalogue says there is none."""
    built = gjovik_release if "gjovik" in config else release
    archive = Archive(str(built.zim))
    written = edition_config(config)["plugins"]["intro"]
    metadata = {key: archive.get_metadata(key).decode() for key in archive.metadata_keys if not key.startswith("Illustration")}
    assert metadata["Title"] == written["short_title"] and 0 < len(metadata["Title"]) <= 30
    assert metadata["Description"] == written["short_description"] and 0 < len(metadata["Description"]) <= 80
    assert "_ftindex:yes" in metadata["Tags"].split(";") and "_videos:no" in metadata["Tags"].split(";")
    assert any(tag.startswith("_category:") for tag in metadata["Tags"].split(";"))
    assert metadata["License"] == "CC-BY-4.0"
    assert metadata["Source"] == json.loads((built.site / "catalog.json").read_text(encoding="utf-8"))["url"]
    assert metadata["Source"].startswith("https://")
    assert len(metadata["LongDescription"]) > len(metadata["Description"])


def test_zim_entries_have_page_titles_and_no_source_maps_or_sitemaps(release: Release):
    archive = Archive(str(release.zim))
    site_name = edition_config("mkdocs.yml")["site_name"]
    assert archive.get_entry_by_path("slik-gjor-du/hjemmetjenester.html").title == "Få hjelp hjemme"
    assert archive.get_entry_by_path("kapitler/lovene.html").title == "Lovene som styrer tjenestene"
    paths = [archive._get_entry_by_id(n).path for n in range(archive.all_entry_count)]
    assert not [path for path in paths if path.endswith(".map") or path.startswith("sitemap.xml")]
    titles = [archive._get_entry_by_id(n).title for n in range(archive.all_entry_count)]
    assert not [title for title in titles if title.endswith(site_name) and title != site_name]


def test_kiwix_search_finds_the_task_page_by_the_word_its_address_carries(release: Release):
    """«hjemmetjenester» is not in the task page's title («Få hjelp hjemme»); INTRO's keywords bring it up."""
    results = search(Archive(str(release.zim)), "hjemmetjenester")
    assert "slik-gjor-du/hjemmetjenester.html" in results[:3], results


def test_kiwix_search_finds_a_chapter_by_the_word_staff_use_for_it(release: Release):
    """«Legemidler og delegering» never writes «medisinkort»; its heading names «legemiddellisten», and
    data/synonyms.yml gives it the word."""
    archive = Archive(str(release.zim))
    chapter = "kapitler/legemidler-og-delegering.html"
    assert "medisinkort" not in archive.get_entry_by_path(chapter).get_item().content.tobytes().decode().lower()
    results = search(archive, "medisinkort")
    assert results[:1] == [chapter], results


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


def test_a_title_too_long_for_kiwix_stops_the_build_naming_the_config_field(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "short_title: INTRO-prøve\n" in text, "the fixture has changed"
    config.write_text(text.replace("short_title: INTRO-prøve\n", "short_title: INTRO-prøve – helse og omsorg i kommunen\n"))
    built = build_site(project)
    assert not built.ok
    assert "mkdocs.yml: feltet «plugins → intro → short_title»" in built.output and "høyst 30 tegn" in built.output
