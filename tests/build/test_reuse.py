"""Reuse by partners: permanent links, catalogue, citation, LMS cartridges and QR posters."""

import json
import re
from pathlib import Path

import pytest
import yaml

from macros.exports.addresses import current_addresses, read_registry
from macros.exports.cartridge import export_all
from tests.helpers import ROOT, SITE_URL, build_site, copy_site, repository_site

SITE = repository_site()

CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


@pytest.fixture(scope="session")
def catalog(site_dir: Path) -> dict:
    return json.loads((site_dir / "catalog.json").read_text(encoding="utf-8"))


def test_catalog_matches_the_published_chapters(catalog, site_dir):
    chapters = sorted(p.stem for p in (ROOT / "docs/kapitler").glob("*.md"))
    assert sorted(entry["id"] for entry in catalog["chapters"]) == chapters
    for entry in catalog["chapters"]:
        assert set(entry) >= {
            "id",
            "permanent_url",
            "title",
            "summary",
            "perspectives",
            "learning_goals",
            "reading_minutes",
            "last_reviewed",
            "licence",
        }
        page = (site_dir / entry["url"].removeprefix(SITE_URL) / "index.html").read_text(encoding="utf-8")
        assert f"<title>{entry['title']}" in page.replace("&amp;", "&")


def test_every_permanent_address_redirects_to_its_chapter(catalog, site_dir):
    for entry in catalog["chapters"]:
        redirect = site_dir / entry["permanent_url"].removeprefix(SITE_URL) / "index.html"
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', redirect.read_text()).group(1)
        assert (redirect.parent / target / "index.html").resolve().is_file()


def test_registry_lists_every_address_the_site_answers():
    current = current_addresses(SITE.page_uris, SITE.chapters, SITE.redirects)
    missing = current - set(read_registry(ROOT / "data"))
    assert not missing, f"run `make register` to record these addresses: {sorted(missing)}"


def test_removing_a_published_page_without_a_redirect_fails_naming_the_address(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    (project / "docs/kapitler/klage.md").rename(project / "docs/kapitler/klagen.md")
    for file in [project / "mkdocs.yml", *(project / "docs").rglob("*.md")]:
        text = file.read_text(encoding="utf-8")
        file.write_text(text.replace("kapitler/klage.md", "kapitler/klagen.md"), encoding="utf-8")
    built = build_site(project, tmp_path / "site")
    assert not built.ok
    assert "«kapitler/klage/»" in built.output and "data/redirects.yml" in built.output

    (project / "data/redirects.yml").write_text('- from: "kapitler/klage/"\n  to: klage\n')
    built = build_site(project, tmp_path / "site2")
    assert built.ok, built.output[-2000:]
    moved = (tmp_path / "site2/kapitler/klage/index.html").read_text(encoding="utf-8")
    assert "url=../klagen/" in moved


def test_chapter_offers_reuse_and_citation(html, catalog):
    page = html("kapitler/lovene/index.html")
    text = page.body.text()
    assert "For lærere: bruk kapitlet i undervisning" in text and "Slik siterer du dette kapitlet" in text
    assert f"{SITE_URL}k/lovene/" in text
    assert "CC BY 4.0" in text
    entry = next(e for e in catalog["chapters"] if e["id"] == "lovene")
    assert re.search(rf"INTRO-redaksjonen\. \(\d{{4}}, \d+\. \w+\)\. {re.escape(entry['title'])}\.", text)


def test_citation_file_is_valid_cff():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["license"] == ["CC-BY-4.0", "MIT"]
    assert citation["type"] == "dataset" and all(set(author) == {"name"} for author in citation["authors"])


def test_citation_catalogue_zim_and_site_say_the_same_title_and_authors(catalog, site_dir, release):
    """One identity everywhere: CITATION.cff, the config, the catalogue, the ZIM file and the pages."""
    from libzim.reader import Archive
    from selectolax.lexbor import LexborHTMLParser

    class Tolerant(yaml.SafeLoader):
        pass

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Tolerant)
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    authors = " og ".join(author["name"] for author in citation["authors"])
    assert citation["title"] == config["site_name"] == catalog["title"]
    assert authors == config["site_author"] == catalog["owner"]
    assert citation["url"] == SITE_URL == catalog["url"]
    assert citation["abstract"].startswith(config["site_description"]) and catalog["description"] == config["site_description"]
    assert catalog["catalog_version"] and catalog["language"] == "nb" and catalog["edition"] == "bergen"
    zim = Archive(str(release.zim))
    assert zim.get_metadata("Creator").decode() == zim.get_metadata("Publisher").decode() == authors
    assert zim.get_metadata("LongDescription").decode() == config["site_description"]
    assert zim.get_metadata("Title").decode() == catalog["short_title"] == config["plugins"]["intro"]["short_title"]
    page = LexborHTMLParser((site_dir / "index.html").read_text(encoding="utf-8"))
    assert page.css_first('meta[name="author"]').attributes["content"] == authors
    assert page.css_first("title").text().endswith(f" - {citation['title']}")


def test_cartridges_are_written_by_make_lms_as_the_site_ships_them(catalog, site_dir, tmp_path):
    written = export_all(catalog, tmp_path)
    shipped = sorted((site_dir / "last-ned/kurspakker").glob("*.imscc"))
    assert sorted(p.name for p in written) == [p.name for p in shipped]
    for path in written:
        assert path.read_bytes() == (site_dir / "last-ned/kurspakker" / path.name).read_bytes()


def test_print_stylesheet_hides_navigation_and_writes_out_links():
    css = (ROOT / "docs/assets/stylesheets/intro.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    assert ".md-sidebar" in print_rules and 'content: " (" attr(href) ")"' in print_rules
    assert not re.search(r"\.md-typeset h2\s*\{[^}]*break-before: page", print_rules), (
        "one page per part made a chapter 14 pages long"
    )
