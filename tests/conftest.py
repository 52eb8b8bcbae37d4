"""Shared fixtures: the site is built once per test session and shared by every test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[1]
# What a copy of the project needs to build: the tests mutate copies, never the real tree.
PROJECT_PARTS = ("docs", "data", "overrides", "mkdocs.yml")


def mkdocs_build(project: Path, site_dir: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    """Build as an author would, strictly, and never quietly (quiet mode hides strict's warnings)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )


def copy_project(target: Path) -> Path:
    """A throwaway copy of the project that a test may break."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, f"The site did not build:\n{result.stderr[-4000:]}"
    return out


@pytest.fixture(scope="session")
def html(site_dir: Path) -> Callable[[str], LexborHTMLParser]:
    """Parse a built page by its path under the site, e.g. html("kapitler/lovene/index.html")."""
    cache: dict[str, LexborHTMLParser] = {}

    def parse(path: str) -> LexborHTMLParser:
        if path not in cache:
            cache[path] = LexborHTMLParser((site_dir / path).read_text(encoding="utf-8"))
        return cache[path]

    return parse


@pytest.fixture(scope="session")
def built_pages(site_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html"))


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(site_dir: Path) -> Iterator[str]:
    """The built site over HTTP on a loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail("Debian's chromium is not installed. Run `make setup-test` (it installs it).")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def guarded_page(browser, served_site: str):
    """A browser tab that blocks and records every request leaving the site, and every console error."""
    context = browser.new_context()
    problems: list[str] = []

    def only_this_site(route) -> None:
        url = route.request.url
        if url.startswith((served_site, "file://", "data:", "blob:")):
            route.continue_()
        else:
            problems.append(f"request to another site: {url}")
            route.abort()

    context.route("**/*", only_this_site)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("response", lambda response: response.status >= 400
            and problems.append(f"{response.status} for {response.url}"))
    yield page, problems
    context.close()
