"""Helpers for tests that work on the small fixture project (tests/fixtures/site/) instead of the real site.

The fixture builds in a second or two, so a test copies it, breaks the copy in one place and asks the content
loader (load_content) or a build (build_site, in this process, as mkdocstrings' tests do) what it says. A few
end-to-end tests run `mkdocs build` as an author does (mkdocs_build in tests/conftest.py) to prove the messages.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from macros import loader
from macros.content.errors import ContentError

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "site"
# The fixture's chapters and data are dated around this day; every fixture build and load runs as of it, so the
# fixture never goes out of date (INTRO_TODAY, as macros/content/review.py reads it).
FIXTURE_TODAY = "2026-12-01"
EDITION = "prove"


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
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def build_site(
    project: Path, site_dir: Path | None = None, env: Mapping[str, str] | None = None, config: str = "mkdocs.yml"
) -> Built:
    """Build the project strictly in this process (load_config, the plugins' startup, build, shutdown), as
    `mkdocs build --strict` would; never raises for an author's mistake."""
    site_dir = site_dir or project / "site"
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
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
        logger.removeHandler(collect)
    return Built(True, "\n".join(collect.lines), site_dir)
