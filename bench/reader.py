"""What the real site costs its readers: the bytes of a first visit, the search index and the offline zip.

The real site is built as `make build` builds it (the offline edition and its zip first, then the site that
offers the zip), served by the nginx-like server in bench.browser and opened in Chromium with an empty cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bench.browser import COMPRESSIBLE, GZIP_MIN_LENGTH, gzipped_size, serve
from bench.build import SEARCH_INDEXES, IndexSize, search_size
from bench.corpus import ROOT
from bench.process import plain_error, switches_off
from macros.commands.chromium import browser as chromium
from macros.commands.chromium import fence
from macros.commands.release import Release, build_release


@dataclass(frozen=True)
class Resource:
    url: str
    content_type: str
    raw: int
    gzipped: int


@dataclass
class PageWeight:
    label: str
    path: str
    resources: list[Resource]
    blocked: list[str]
    index_file: str = SEARCH_INDEXES[0]  # the site's search index, relative to the site

    def total(self, with_index: bool) -> int:
        return sum(r.gzipped for r in self.resources if with_index or not r.url.endswith(SEARCH_INDEXES))

    @property
    def index_loaded(self) -> bool:
        return any(r.url.endswith(self.index_file) for r in self.resources)

    @property
    def search_cost(self) -> int:
        """What a first visit pays for search before the reader searches: every file with «search» in its name."""
        return sum(r.gzipped for r in self.resources if "search" in r.url)


@dataclass
class Reader:
    pages: list[PageWeight] = field(default_factory=list)
    index: IndexSize | None = None
    chapters: int = 0
    zip_bytes: int = 0
    build_seconds: dict[str, float] = field(default_factory=dict)
    site: Path | None = None  # the built site, for Lighthouse; None if it could not be built
    release: Release | None = None
    error: str | None = None


def build_real_site(work: Path, reader: Reader, project: Path = ROOT) -> Path:
    """Build the real site (or project's) as `make build` does (macros.commands.release); note the build times and
    the zip's size."""
    release = build_release(project / "mkdocs.yml", work / "real", env=switches_off())
    reader.build_seconds.update(release.seconds)
    reader.zip_bytes = release.zip.stat().st_size
    reader.release = release
    return release.site


def first_visit(browser, base: str, site: Path, path: str, label: str, index_file: str) -> PageWeight:
    """Everything a first visit loads (empty cache), until the network has been quiet for half a second."""
    context = browser.new_context()
    blocked: list[str] = []
    fence(context, base, blocked.append)
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(1000)
    resources = []
    seen: set[str] = set()
    for response in responses:
        if response.url in seen or response.status != 200:
            continue
        seen.add(response.url)
        try:
            body = response.body()  # decompressed: the server gzips, and the browser unpacks
        except Exception:  # noqa: BLE001 - a body the browser does not hold (a worker's fetch) is read from disk
            local = urlsplit(response.url).path.removeprefix("/")
            body = (site / (local + "index.html" if local.endswith("/") or not local else local)).read_bytes()
        content_type = (response.headers.get("content-type") or "").split(";")[0]
        # Weighed by compressing again rather than read off the wire: a worker's fetch has no size in Playwright.
        compressible = content_type in COMPRESSIBLE and len(body) >= GZIP_MIN_LENGTH
        compressed = gzipped_size(body) if compressible else len(body)
        resources.append(Resource(response.url.removeprefix(base), content_type, len(body), compressed))
    context.close()
    return PageWeight(label, path, resources, blocked, index_file)


def chapter_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "kapitler").rglob("index.html"))


def _median_page(pages: list[Path]) -> Path | None:
    if not pages:
        return None
    ordered = sorted(pages, key=lambda p: p.stat().st_size)
    return ordered[(len(ordered) - 1) // 2]


def _weighed_pages(site: Path) -> list[tuple[str, str]]:
    """The landing page, and the median-sized chapter without a diagram and with one (if any has one)."""
    chapters = chapter_pages(site)
    with_diagram = [p for p in chapters if 'class="intro-diagram"' in p.read_text(encoding="utf-8")]
    plain = _median_page([p for p in chapters if p not in with_diagram])
    diagram = _median_page(with_diagram)
    targets = [("Forsiden", "")]
    if plain:
        targets.append(("Kapittel uten figur", plain.parent.relative_to(site).as_posix() + "/"))
    if diagram:
        targets.append(("Kapittel med figur", diagram.parent.relative_to(site).as_posix() + "/"))
    return targets


def measure_reader(work: Path, say, project: Path = ROOT) -> Reader:
    """Build the real site as `make build` does, then weigh a first visit to it in Chromium."""
    reader = Reader()
    try:
        site = build_real_site(work, reader, project)
        reader.site = site
        say(f"Det ekte nettstedet er bygget (frakoblet zip {reader.zip_bytes / 1e6:.1f} MB)")
        reader.index = search_size(site)
        index_file = next(site / name for name in SEARCH_INDEXES if (site / name).is_file())
        reader.chapters = len(chapter_pages(site))
        with serve(site) as base, chromium() as browser:
            for label, path in _weighed_pages(site):
                reader.pages.append(first_visit(browser, base, site, path, label, index_file.relative_to(site).as_posix()))
        say("Sidevekten er målt")
    except Exception as error:  # noqa: BLE001 - the report says what could not be measured, and why
        reader.error = plain_error(error, work)
        say(f"Lesermålingene feilet: {reader.error}")
    return reader
