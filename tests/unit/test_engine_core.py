"""The engine-neutral core: before the build (prebuild), inside Markdown (markdown_steps), after it (postbuild).

Each takes plain values, so each is tested here without MkDocs; the build tests show the plugin wires them.
"""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from macros import markdown_steps, postbuild, prebuild
from macros.checks import html as html_checks
from macros.content.errors import ContentError
from macros.content.identity import Identity
from macros.content.local import load_facts
from macros.content.site_map import nav_pages, page_address
from macros.exports.cartridge import CARTRIDGE_FOLDER
from macros.exports.catalog import CATALOG_FILE
from macros.rendering import booklet
from tests.helpers import EDITION as FIXTURE_EDITION
from tests.helpers import FIXTURE, ROOT, fixture_site

DATA = FIXTURE / "data"
SITE = fixture_site()
FACTS = load_facts(DATA / "editions", FIXTURE_EDITION)
EDITION = Identity(
    title="INTRO", name="INTRO", description="En introduksjon.", owner="Laben", url="https://intro.example.no/", colour="indigo"
)
CHAPTER = next(iter(SITE.chapters.values()))


# ---- Before the build ----


def test_vendor_assets_come_from_npm_or_the_build_says_how_to_get_them(tmp_path):
    made = prebuild.vendor_files(ROOT / "node_modules")
    assert {file.path for file in made} == set(prebuild.VENDOR_ASSETS.values())
    assert all(file.source and file.source.is_file() and file.content is None for file in made)
    with pytest.raises(prebuild.SetupError, match="make setup"):
        prebuild.vendor_files(tmp_path)


def test_downloads_offer_the_zip_and_the_zim(tmp_path):
    assert prebuild.downloads(None, None, "bergen") == []
    with pytest.raises(prebuild.SetupError, match="make offline"):
        prebuild.downloads(tmp_path / "mangler.zip", None, "bergen")
    offline = tmp_path / "u.zip"
    with zipfile.ZipFile(offline, "w") as archive:
        archive.writestr("index.html", "<p>Hei</p>")
    (tmp_path / "u.zim").write_bytes(b"ZIM" * 10)
    offered = prebuild.downloads(offline, tmp_path / "u.zim", "gjovik")
    assert [file.path for file in offered] == ["last-ned/intro-gjovik-frakoblet.zip", "last-ned/intro-gjovik.zim"]
    assert [file.path for file in prebuild.downloads(offline, tmp_path / "ingen.zim", "gjovik")] == [
        "last-ned/intro-gjovik-frakoblet.zip"
    ]


def test_the_menu_lists_each_page_once_in_order():
    nav = [{"Start": "index.md"}, {"Del": ["a/index.md", {"B": "a/b.md"}, {"Ute": "https://example.no/"}]}]
    assert nav_pages(nav) == ["index.md", "a/index.md", "a/b.md"]
    assert prebuild.duplicate_nav_entries(["index.md", "a.md"]) == []
    twice = prebuild.duplicate_nav_entries(["a.md", "b.md", "a.md"])
    assert [(e.path, "docs/a.md står flere ganger" in e.message) for e in twice] == [("mkdocs.yml", True)]


def test_reuse_files_are_path_and_content_with_the_course_packages():
    page_urls = {uri: page_address(uri) for uri in SITE.page_uris}
    made = prebuild.reuse_files(SITE, EDITION, page_urls, [{"K": c.src_uri} for c in SITE.chapters.values()], DATA, "")
    paths = {file.path for file in made}
    assert CATALOG_FILE in paths and all(file.source is None and file.content for file in made)
    assert any(path.startswith("plakater/") for path in paths) and any(path.startswith("k/") for path in paths)
    assert any(path.startswith(CARTRIDGE_FOLDER) and path.endswith(".imscc") for path in paths)


def test_a_forgotten_published_address_stops_the_build(tmp_path):
    registry = tmp_path / "published.yml"
    registry.write_text("- kapitler/et-kapittel-som-var/\n", encoding="utf-8")
    page_urls = {uri: page_address(uri) for uri in SITE.page_uris}
    with pytest.raises(ContentError, match="kapitler/et-kapittel-som-var"):
        prebuild.reuse_files(SITE, EDITION, page_urls, [], DATA, str(registry))


def test_a_booklet_page_per_path():
    booklets, pages = prebuild.booklet_pages(SITE)
    assert set(booklets.values()) == set(SITE.paths)
    assert [page.path for page in pages] == [booklet.src_uri(p) for p in booklets.values()]
    assert all(isinstance(page.content, str) and page.content.startswith("---\n") for page in pages)


def test_review_dates_remind_then_stop():
    reminders: list[str] = []
    prebuild.check_reviews(SITE, FACTS, dt.date(2000, 1, 1), 30, reminders.append)
    assert reminders == []
    with pytest.raises(ContentError, match="gjennomg"):
        prebuild.check_reviews(SITE, FACTS, dt.date(2100, 1, 1), 30, reminders.append)


def test_the_theme_gets_each_groups_start_page_and_serve_watches_the_data(tmp_path):
    page_urls = {uri: page_address(uri) for uri in SITE.page_uris} | {"om/index.md": "om/"}
    shown = prebuild.theme_globals(SITE, page_urls)
    assert len(shown["intro_groups"]) == len(SITE.perspectives) and shown["intro_about_url"] == "om/"
    assert prebuild.path_starts(SITE) >= {"index.md", "studenter.md"}
    assert prebuild.watched_folders(DATA, DATA / "editions") == [DATA.resolve()]
    assert prebuild.watched_folders(DATA, tmp_path) == [DATA.resolve(), tmp_path.resolve()]


# ---- Inside Markdown ----


def test_a_chapter_is_dressed_from_its_front_matter():
    meta: dict = {}
    text = markdown_steps.dress_page(SITE, CHAPTER.src_uri, meta, "Ingress.\n\n## Del\n\nTekst.\n", EDITION, set())
    # No glossary words as tags: INTRO's search index weighs a term on the chapter that explains it.
    assert meta["description"] == CHAPTER.meta.summary and "tags" not in meta
    assert "Viktige punkter" in text and "https://intro.example.no/k/" in text
    start: dict = {"summary": "Start.", "hide": ["toc"]}
    assert markdown_steps.dress_page(SITE, "index.md", start, "Hei.\n", EDITION, {"index.md"}).startswith("Hei.")
    assert start == {"summary": "Start.", "hide": ["footer", "toc"], "description": "Start."}


def test_a_diagram_not_drawn_is_named_with_the_authors_line():
    page = "Tekst.\n\n```mermaid\nflowchart LR\n  accTitle: To bokser\n  A --> B\n```\n"
    with pytest.raises(ContentError, match=r"docs/kapitler/x.md, linje 8: .*make diagrams"):
        markdown_steps.diagrams_as_images(page, "kapitler/x.md", 5, {})
    assert markdown_steps.diagrams_as_images("Ingen figur.\n", "kapitler/x.md", 5, {}) == "Ingen figur.\n"


def test_a_template_mistake_names_the_line():
    def sti(perspective: str) -> str:
        return perspective

    with pytest.raises(ContentError, match=r"docs/x.md, linje 12"):
        markdown_steps.check_templates("Tekst.\n\n{{ stii('studenter') }}\n", "x.md", 9, {"sti": sti}, None)
    markdown_steps.check_templates("{{ sti('studenter') }}\n", "x.md", 9, {"sti": sti}, None)


# ---- After the build ----


def test_page_checks_give_the_author_advice():
    tree = html_checks.parse('<p><a href="a/">her</a></p><h2>A</h2><h4>B</h4>')
    found = postbuild.page_problems(postbuild.CONTENT_CHECKS, tree, "docs/x.md")
    assert [problem.path for problem in found] == ["docs/x.md", "docs/x.md"]
    assert "«her»" in found[0].message and "hopper over et nivå" in found[1].message


def test_the_offline_policy_goes_in_the_head_once():
    page = postbuild.with_offline_policy("<html><head><title>x</title></head><body><head></body></html>")
    assert page.count("Content-Security-Policy") == 1
    assert page.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src')


def test_a_stylesheet_that_loads_from_elsewhere_is_named(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "ok.css").write_text("a { color: red; }", encoding="utf-8")
    (tmp_path / "assets" / "ute.css").write_text("@import url(https://cdn.example.com/x.css);", encoding="utf-8")
    assert {problem.path for problem in postbuild.unsafe_css(tmp_path)} == {"docs/assets/ute.css"}
