"""What tests share: where the project is, a throwaway copy of it, a build as an author runs it, the real content
loaded once, the helpers that read a page printed or searched, and the small fixture project (tests/fixtures/site/)
that most tests of the code build instead of the real site. A test module imports from here (or gets a fixture
from conftest.py), never from another test module (tests/unit/test_layout.py).

The fixture builds in a second or two, so a test copies it, breaks the copy in one place and asks the content
loader (load_content) or a build (build_site, in this process, as mkdocstrings' tests do) what it says. A few
end-to-end tests run `mkdocs build` as an author does (mkdocs_build) to prove the messages."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from playwright.sync_api import expect
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from macros import loader
from macros.commands import chromium
from macros.commands.release import Release, run_mkdocs
from macros.content.errors import ContentError
from macros.content.model import Figure, LawChange
from macros.content.site import Site, load_site
from macros.exports.search import index as search_index
from macros.rendering.programme_pages import materials_src_uri

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DOCS = ROOT / "docs"
# The nynorsk edition, translated from the bokmål source as it builds (macros/translation/).
NYNORSK_CONFIG = "mkdocs.nynorsk.yml"
# The Bergen edition's address, which its permanent links, posters and catalogue carry.
SITE_URL = "https://intro.alrekhelseklynge.no/"

# The programs of the Debian packages the `system` tests need. Every other test runs with them off its PATH, so the
# full run proves what `make check` promises: those tests pass on a machine without the packages.
SYSTEM_PROGRAMS = frozenset(
    {
        "chromium",
        "nginx",
        "hunspell",
        "java",
        "kiwix-serve",
        "kiwix-manage",
        "kiwix-search",
        "php",
        # Apertium, which translates the nynorsk edition, and the programs its modes run.
        "apertium",
        "lt-proc",
        "cg-proc",
        "apertium-tagger",
        "apertium-transfer",
        "apertium-interchunk",
        "apertium-postchunk",
        "apertium-pretransfer",
        "lsx-proc",
        "lrx-proc",
    }
)


# ---- Which files a test reads ----

_watching: list[tuple[tuple[str, ...], list[str]]] = []


def _audit(event: str, args: tuple) -> None:
    """Python's audit hook: note every file opened and every folder listed under a watched folder."""
    if not _watching or event not in ("open", "os.listdir", "os.scandir") or not args:
        return
    path = args[0]
    if not isinstance(path, str | bytes | os.PathLike):
        return
    where = os.path.abspath(os.fsdecode(path))
    for folders, found in _watching:
        if any(where == folder or where.startswith(folder + os.sep) for folder in folders):
            found.append(where)


sys.addaudithook(_audit)  # once per process; it does nothing unless a test watches


@contextlib.contextmanager
def reads_under(*folders: Path) -> Iterator[list[str]]:
    """Every file opened and folder listed under folders while inside (tests/conftest.py: a unit test reads none of
    the real content)."""
    found: list[str] = []
    watch = (tuple(str(folder.resolve()) for folder in folders), found)
    _watching.append(watch)
    try:
        yield found
    finally:
        _watching.remove(watch)


def mkdocs_build(
    project: Path, site_dir: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Build as an author would, strictly, and never quietly (quiet mode hides strict's warnings)."""
    return run_mkdocs(project / config, site_dir, env)


def release_fields(release: Release) -> dict[str, object]:
    """A release as JSON can carry it, for the test workers that share one build (release_from reads it back)."""
    return {
        "edition": release.edition,
        "site": str(release.site) if release.site else None,
        "zip": str(release.zip),
        "zim": str(release.zim),
        "seconds": dict(release.seconds),
    }


def release_from(fields: Mapping[str, object]) -> Release:
    site = fields["site"]
    return Release(
        str(fields["edition"]),
        Path(str(site)) if site else None,
        Path(str(fields["zip"])),
        Path(str(fields["zim"])),
        dict(fields["seconds"]),  # type: ignore[call-overload]
    )


def copy_translation_cache(source: Path, target: Path) -> None:
    """Give the project at target what Apertium translated for the one at source, so that its nynorsk build
    translates only what differs."""
    cache = source / ".cache" / "translation" / "apertium"
    if cache.is_dir():
        shutil.copytree(cache, target / ".cache" / "translation" / "apertium")


@dataclass(frozen=True)
class Handover:
    intro_site: Path
    folder: Path
    stock_site: Path
    stock_log: str


@dataclass(frozen=True)
class EditionPackages:
    """The course packages an edition's site offers, each unpacked as an LMS unpacks it, and its catalogue."""

    release: Release
    catalog: dict
    folders: dict[str, Path]  # intro-alle.imscc → the folder it was unpacked into


# ---- The real content ----

# A chapter's front matter that passes every rule.
VALID = {
    "id": "lovene",
    "title": "Lovene",
    "summary": "Om lovene.",
    "perspectives": ["studenter"],
    "learning_goals": ["forklare a", "forklare b"],
    "key_points": ["En.", "To.", "Tre."],
    "owner": "INTRO-redaksjonen",
    "last_reviewed": dt.date(2026, 11, 23),
    "next_review": dt.date(2027, 11, 23),
    "sources": [{"title": f"Kilde {n}", "publisher": "Lovdata", "url": "https://lovdata.no/"} for n in range(3)],
}


def start_pages() -> list[tuple[str, str]]:
    text = "---\ntitle: Start\nsummary: En side.\n---\n"
    return [
        (f"perspektiver/{p}.md", text)
        for p in ("studenter", "nyansatte", "pasienter-og-brukere", "parorende", "leverandorer", "forskere")
    ]


def real_chapters() -> list[tuple[str, str]]:
    return [(f"kapitler/{p.name}", p.read_text(encoding="utf-8")) for p in (ROOT / "docs/kapitler").glob("*.md")]


@cache
def programme_stem(src_uri: str) -> str:
    """A programme's name in the site's addresses and printouts: programmer/forste-mote.md → forste-mote."""
    return src_uri.removeprefix("programmer/").removesuffix(".md")


def materials_address(src_uri: str) -> str:
    """The address of a programme's «Materiell» page."""
    return materials_src_uri(src_uri).removesuffix(".md") + "/"


def repository_site() -> Site:
    """The validated site of the real docs/ and data/, without a build."""
    return load_site(DATA, [(str(p.relative_to(DOCS)), p.read_text(encoding="utf-8")) for p in DOCS.rglob("*.md")])


def chapter_text(**changes: object) -> str:
    meta = {**VALID, **changes}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\nTekst.\n"


SOURCE = {"title": "Frikort for helsetjenester", "publisher": "Helsenorge", "url": "https://www.helsenorge.no/"}


def figure(**fields: object) -> Figure:
    base = {
        "id": "egenandelstak",
        "label": "Egenandelstaket",
        "unit": "kroner",
        "value": 3278,
        "applies": 2026,
        "source": SOURCE,
        "check_by": "2027-01-31",
    }
    return Figure.model_validate({**base, **fields})


CHANGE = {
    "id": "ny-lov",
    "law": "forvaltningsloven",
    "change": "En ny lov erstatter loven fra 1967.",
    "proposition": "Prop. 79 L (2024–2025)",
    "recommendation": "Innst. 478 L (2024–2025)",
    "source": {
        "title": "Innst. 478 L (2024–2025)",
        "publisher": "Stortinget",
        "url": "https://www.stortinget.no/no/Saker-og-publikasjoner/",
    },
    "pages": ["lovene"],
    "check_by": "2027-02-01",
}


def watching(site: Site, pages: tuple[str, ...] = ("kapitler/lovene.md",), **fields: object) -> Site:
    change = LawChange.model_validate({**CHANGE, **fields})
    return replace(site, law_changes=[change], law_change_pages={change.id: pages})


# ---- In the browser ----


def guard(context, own_site: str) -> list[str]:
    """Block and record every request that leaves own_site, and every console error or failed load."""
    problems: list[str] = []
    chromium.fence(context, own_site, lambda url: problems.append(f"request to another site: {url}"))
    # ERR_ABORTED is a load cut short by leaving the page, not a missing file.
    context.on(
        "requestfailed",
        lambda request: (
            request.url.startswith(own_site)
            and request.failure != "net::ERR_ABORTED"
            and problems.append(f"failed to load {request.url}: {request.failure}")
        ),
    )
    context.on("response", lambda response: response.status >= 400 and problems.append(f"{response.status} for {response.url}"))

    def watch(page) -> None:
        page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))

    context.on("page", watch)
    return problems


A4 = {"format": "A4", "margin": {"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"}}


def printed(page) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(page.pdf(**A4)))
    return len(reader.pages), "\n".join(sheet.extract_text() for sheet in reader.pages)


def first_hit(page, query: str) -> str:
    page.locator(".md-search__input").click(force=True)
    page.keyboard.type(query)
    # The answer to the whole query, not to the letters typed before the last.
    expect(page.locator(f'.md-search-result__meta[data-intro-query="{query}"]')).to_have_count(1, timeout=10000)
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_be_visible(timeout=10000)
    return first.get_attribute("href")


def top_three(page, query: str, base: str) -> list[str]:
    """The pages a query typed into the open search box finds first (kapitler/lovene), best first."""
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key up
    expect(page.locator(f'.md-search-result__meta[data-intro-query="{query}"]')).to_have_count(1, timeout=10000)
    links = page.locator(".md-search-result__item > a:first-child").all()[:3]
    return [
        (link.get_attribute("href") or "").removeprefix(base).split("#")[0].removesuffix("/").removesuffix(".html")
        for link in links
    ]


def opened_search(browser, base: str, start: str):
    """A tab on the site at base, guarded, with search open."""
    context = browser.new_context()
    problems = guard(context, base)
    page = context.new_page()
    page.goto(start, wait_until="networkidle")
    page.locator(".md-search__input").click(force=True)
    return context, page, problems


@contextlib.contextmanager
def served_under(site: Path, folder: str, root: Path) -> Iterator[str]:
    """A site served over HTTP on a loopback port where it is published, under /folder/ (a 404 page's links start
    there): the address of its start page."""
    (root / folder).symlink_to(site, target_is_directory=True)
    with chromium.serve_folder(root) as address:
        yield address + folder + "/"


# ---- The fixture project ----

FIXTURE = ROOT / "tests" / "fixtures" / "site"
# The fixture's chapters and data are dated around this day; every fixture build and load runs as of it, so the
# fixture never goes out of date (INTRO_TODAY, as macros/content/review.py reads it).
FIXTURE_TODAY = "2026-12-01"
EDITION = "prove"


def fixture_pages(project: Path = FIXTURE) -> list[tuple[str, str]]:
    """Every page of the fixture project (or of a copy of it) as (path under docs/, text), as the build reads them."""
    docs = project / "docs"
    return [(page.relative_to(docs).as_posix(), page.read_text(encoding="utf-8")) for page in sorted(docs.rglob("*.md"))]


def load_fixture(data: Path = FIXTURE / "data", extra: Iterable[tuple[str, str]] = ()) -> Site:
    """The fixture's content validated as of FIXTURE_TODAY, with extra pages (path, text) beside its own; raises
    ContentError as load_site does."""
    with environment():
        return load_site(data, [*fixture_pages(), *extra])


@cache
def fixture_site() -> Site:
    """The fixture's validated content, loaded once: the unit tests' site (never change it; copy_site and break a
    copy instead)."""
    return load_fixture()


def copy_site(target: Path) -> Path:
    """A throwaway copy of the fixture project that a test may break; the theme overrides and the npm assets
    are the real project's, linked."""
    shutil.copytree(FIXTURE, target)
    for shared in ("overrides", "node_modules"):
        (target / shared).symlink_to(ROOT / shared)
    return target


def sources(project: Path) -> loader.Sources:
    return loader.Sources(project / "docs", project / "data", project / "data" / "editions", EDITION)


@contextlib.contextmanager
def environment(extra: Mapping[str, str] | None = None) -> Iterator[None]:
    """os.environ with the fixture's day and extra set, as it was afterwards."""
    wanted = {"INTRO_TODAY": FIXTURE_TODAY, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}
    before = {name: os.environ.get(name) for name in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def load_content(project: Path) -> str | loader.Content:
    """The fixture's validated content, or the message the author gets (ContentError) as text."""
    with environment():
        try:
            return loader.load(sources(project))
        except ContentError as error:
            return str(error)


@dataclass(frozen=True)
class Built:
    ok: bool
    output: str  # the error that stopped the build, and every warning and error MkDocs logged
    site: Path


class _Collect(logging.Handler):
    """MkDocs' warnings and errors, and INTRO's review reminders as an author sees them («PÅMINNELSE - …»)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        reminder = record.name == REMINDERS
        self.lines.append(f"PÅMINNELSE - {record.getMessage()}" if reminder else record.getMessage())


# The plugin's reminders go to their own logger, outside MkDocs' (macros/plugin.py).
REMINDERS = "intro.review"


def build_site(
    project: Path, site_dir: Path | None = None, env: Mapping[str, str] | None = None, config: str = "mkdocs.yml"
) -> Built:
    """Build the project strictly in this process (load_config, the plugins' startup, build, shutdown), as
    `mkdocs build --strict` would; never raises for an author's mistake."""
    site_dir = site_dir or project / "site"
    collect = _Collect()
    loggers = [logging.getLogger("mkdocs"), logging.getLogger(REMINDERS)]
    for logger in loggers:
        logger.addHandler(collect)
    try:
        with environment(env):
            try:
                settings = load_config(str(project / config), site_dir=str(site_dir), strict=True)
            except ConfigurationError as error:
                return Built(False, "\n".join([*collect.lines, str(error)]), site_dir)
            settings.plugins.on_startup(command="build", dirty=False)
            try:
                build(settings)
            except (PluginError, Abort, SystemExit) as error:
                return Built(False, "\n".join([*collect.lines, str(error)]), site_dir)
            finally:
                settings.plugins.on_shutdown()
    finally:
        for logger in loggers:
            logger.removeHandler(collect)
    return Built(True, "\n".join(collect.lines), site_dir)


# ---- Search ----

# The words and compounds both sides of search must treat alike (the Python index and the browser's worker).
SEARCH_EXAMPLES = json.loads((ROOT / "tests/data/search-words.json").read_text(encoding="utf-8"))


def search_compounds() -> tuple[frozenset[str], dict[str, list[str] | None]]:
    """The vocabulary the examples split against, and each compound with its parts (None: not split)."""
    examples = dict(SEARCH_EXAMPLES["compounds"])
    return frozenset(examples.pop("_vocabulary")), examples


def read_script(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("]=" if "]=" in text else "=") + 1 :].lstrip("=").rstrip().removesuffix(";"))


def read_index(site_dir: Path) -> dict:
    """The index as one: the head, with each key's postings and each page (address, title, sections) put back
    from the terms and text files."""
    built = read_script(site_dir / search_index.INTRO_INDEX)
    assert isinstance(built, dict)
    keys, runs, pages = built["keys"].split(" "), [], []
    for path in search_index.files(site_dir)[1:]:
        (runs if "intro-terms-" in path.name else pages).extend(read_script(path))  # type: ignore[arg-type]
    built["terms"], built["pages"] = dict(zip(keys, runs, strict=True)), pages
    return built


# ---- Spelling ----

# A chapter with two misspellings (in the title and the body) and words the check must leave alone.
SPELLING_CHAPTER = """---
id: typo
title: Hjelp fra kommunnen
summary: En side med to skrivefeil.
learning_goals:
  - forklare hva et sykehjem er
key_points:
  - Mange bor på sykehjemet lenge.
owner: Test
sources:
  - title: Feilstavet kildetittel skal ikke sjekkes, xyzqwerty
    url: https://example.org/xyzqwerty
---

Kari bor på sykehjemet. Hun har fått en medisindispenser.

Se `xyzkode` og [en side](https://lovdata.no/xyzlenke), kapittel § 3-2 a og LIS1, KAD og BPA.
"""


# ---- The Nu Html Checker (tests/system/test_html_valid.py, tests/nynorsk/) ----

# It runs on Java (Debian's default-jre-headless).
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"

AUTOCOMPLETE_ON_CHECKBOX = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
    "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
)
# Errors in Material's own markup that no block override can reach. Each is matched by its exact message
# AND the exact markup the checker points at, so the same mistake in our own markup is still reported.
MATERIAL_ERRORS = {
    # Material's base.html writes the two checkboxes that open the menu drawer and the search with
    # autocomplete="off" (it stops Firefox restoring them as checked on back navigation). They stand
    # directly in <body>, outside every template block, so only a copy of base.html could change them.
    (
        AUTOCOMPLETE_ON_CHECKBOX,
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    ),
    (
        AUTOCOMPLETE_ON_CHECKBOX,
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    ),
}


def java() -> str:
    path = shutil.which("java")
    if not path:
        pytest.fail("Java is not installed; the Nu Html Checker needs it (Debian: apt-get install default-jre-headless).")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing. Run `npm ci` (or `make setup`).")
    return path


def vnu_errors(files: list[Path]) -> list[dict]:
    """Every error the Nu Html Checker finds in files, with one start of the JVM for all of them."""
    result = subprocess.run(
        # A short run: the quick compiler alone starts and finishes several times faster than the default.
        # The checker needs a bigger thread stack than some JVMs give (it says so, and stops, otherwise).
        [
            java(),
            "-Xss2m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # Exit status 1 just means "found errors"; the report is the JSON on stdout.
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"The Nu Html Checker did not answer in JSON (exit {result.returncode}):\n"
            f"{result.stdout[-1000:]}\n{result.stderr[-2000:]}"
        )
    # "non-document-error" is the checker failing to read a file: that counts too.
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


def is_materials(message: dict) -> bool:
    extract = message.get("extract", "")
    start, length = message.get("hiliteStart", 0), message.get("hiliteLength", 0)
    return (message.get("message"), extract[start : start + length]) in MATERIAL_ERRORS


def describe(message: dict, root: Path) -> str:
    url = message.get("url", "")
    name = url.removeprefix("file:")
    try:
        name = str(Path(name).resolve().relative_to(root.resolve()))
    except ValueError:
        pass
    return f"{name}:{message.get('lastLine', '?')}: {message.get('message')}"


def site_errors(root: Path, files: list[Path]) -> list[str]:
    return [describe(m, root) for m in vnu_errors(files) if not is_materials(m)]


# ---- A translated edition (tests/system/test_nynorsk.py, tests/nynorsk/) ----


def pages_without_translation_notice(site: Path, bokmal_root: str) -> list[str]:
    """The pages of a translated edition that do not say they are translated automatically, with a link to the
    same page in bokmål (under bokmal_root); a permanent address that sends the reader on needs none."""
    without = []
    for path in sorted(site.rglob("index.html")):
        page = LexborHTMLParser(path.read_text(encoding="utf-8"))
        if page.css_first('meta[http-equiv="refresh"]') is not None:
            continue
        notice = page.css_first(".md-banner .intro-translated")
        address = path.parent.relative_to(site).as_posix()
        expected = bokmal_root + (address + "/" if address != "." else "")
        link = notice.css_first('a[hreflang="nb"]') if notice else None
        if (
            notice is None
            or "omsett automatisk frå bokmål" not in notice.text()
            or link is None
            or link.attributes.get("href") != expected
        ):
            without.append(address)
    return without


def language_links(page: LexborHTMLParser) -> dict[str, str]:
    """The page's alternates in its head, by language, after checking that the language switcher has the same and
    that they are not written as Material's script looks for them (it would fetch sitemap.xml from beside each)."""
    head = {link.attributes["hreflang"]: link.attributes["href"] for link in page.css('head link[rel~="alternate"][hreflang]')}
    assert {link.attributes["hreflang"]: link.attributes["href"] for link in page.css("a.md-select__link")} == head
    assert not page.css('link[rel="alternate"][hreflang]')
    return head
