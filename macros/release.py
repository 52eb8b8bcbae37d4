"""One release build for every caller: `make build`, `make publish`, the tests and the benchmark.

A release of an edition is its offline edition, zipped under the edition's own name, and the online site that
offers that zip for download. Two editions built into one folder never share a file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.export import zip_directory

DEFAULT_EDITION = "bergen"


class BuildFailed(Exception):
    """A build stopped; its message is what MkDocs told the author."""


@dataclass(frozen=True)
class Release:
    edition: str
    site: Path
    zip: Path


def offline_name(edition: str) -> str:
    """The offline zip's name and the folder it unpacks to, with the edition in it: intro-gjovik-frakoblet."""
    return f"intro-{edition}-frakoblet"


class _Tolerant(yaml.SafeLoader):
    """Reads a MkDocs config for one value, skipping its !ENV and !!python tags."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def edition_of(config: Path) -> str:
    """The edition a config builds (plugins → intro → edition), following INHERIT to its base."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    plugins = data.get("plugins") or {}
    intro = plugins.get("intro") if isinstance(plugins, dict) else None
    if isinstance(intro, dict) and intro.get("edition"):
        return str(intro["edition"])
    if data.get("INHERIT"):
        return edition_of(config.parent / data["INHERIT"])
    return DEFAULT_EDITION


def run_mkdocs(config: Path, site_dir: Path, env: dict[str, str] | None = None,
               command: tuple[str, ...] = (sys.executable, "-m", "mkdocs")) -> subprocess.CompletedProcess:
    """Build as an author would: strictly, and never quietly (quiet mode hides the warnings strict counts)."""
    return subprocess.run(
        [*command, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, capture_output=True, text=True, timeout=900,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def _build(config: Path, site_dir: Path, env: dict[str, str]) -> None:
    result = run_mkdocs(config, site_dir, env)
    if result.returncode != 0:
        raise BuildFailed(result.stderr[-6000:])


def build_release(config: Path, out: Path, env: dict[str, str] | None = None, site: Path | None = None) -> Release:
    """The offline edition zipped to out/intro-<edition>-frakoblet.zip, then the site to out/<edition>/site
    (or to site, where a publish keeps it)."""
    edition = edition_of(config)
    name = offline_name(edition)
    offline, zip_path = out / edition / "offline", out / f"{name}.zip"
    site = site or out / edition / "site"
    shutil.rmtree(offline, ignore_errors=True)
    _build(config, offline, {**(env or {}), "INTRO_OFFLINE": "true"})
    zip_directory(offline, zip_path, root=name)
    shutil.rmtree(offline)
    _build(config, site, {**(env or {}), "INTRO_OFFLINE_ZIP": str(zip_path.resolve())})
    return Release(edition, site, zip_path)
