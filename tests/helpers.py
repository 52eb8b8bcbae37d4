"""What tests share: where the project is, a throwaway copy of it, a build as an author runs it, the real content
loaded once, and the helpers that read a page printed or searched. A test module imports from here (or gets a
fixture from conftest.py), never from another test module (tests/unit/test_test_layout.py)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from macros.commands import chromium
from macros.commands.release import run_mkdocs
from macros.content.site import Site, load_site

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DOCS = ROOT / "docs"
# What a copy of the project needs to build: the tests mutate copies, never the real tree.
PROJECT_PARTS = ("docs", "data", "overrides", "mkdocs.yml")

# The programs of the Debian packages the `system` tests need. Every other test runs with them off its PATH, so the
# full run proves what `make check` promises: those tests pass on a machine without the packages.
SYSTEM_PROGRAMS = frozenset({"chromium", "nginx", "hunspell", "java", "kiwix-serve", "kiwix-manage", "kiwix-search"})


def mkdocs_build(
    project: Path, site_dir: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Build as an author would, strictly, and never quietly (quiet mode hides strict's warnings)."""
    return run_mkdocs(project / config, site_dir, env)


def copy_project(target: Path) -> Path:
    """A throwaway copy of the project that a test may break."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    # Read-only parts are linked, not copied.
    for shared in ("node_modules", "macros"):
        (target / shared).symlink_to(ROOT / shared)
    return target


@dataclass(frozen=True)
class Handover:
    intro_site: Path
    folder: Path
    stock_site: Path
    stock_log: str


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
def repository_site() -> Site:
    """The validated site of the real docs/ and data/, without a build."""
    return load_site(DATA, [(str(p.relative_to(DOCS)), p.read_text(encoding="utf-8")) for p in DOCS.rglob("*.md")])


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
