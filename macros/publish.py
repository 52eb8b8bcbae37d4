"""Publish safely: build into a fresh release, check it, then switch the live site to it in one step.

Layout under the publish root (for example /srv/intro):
  releases/<time>-<n>/site/    a built site         releases/<…>/csp.conf   its nginx CSP header
  current -> releases/<…>      the live release, switched by an atomic rename of a symlink
  .publish.lock                held while publishing, so two publishes never interleave
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from macros.addresses import REGISTRY_FILE, current_addresses, read_registry, registry_text
from macros.csp import nginx_include, unknown_inline_scripts
from macros.htmlcheck import off_site_resources
from macros.release import BuildFailed, build_release
from macros.site import load_site

KEEP_RELEASES = 3


class PublishError(Exception):
    """The publish stopped; the live site is as it was."""


@contextmanager
def publish_lock(root: Path):
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".publish.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError("En annen publisering pågår. Vent til den er ferdig, og prøv igjen.") from None
        yield


def check_release(site: Path) -> list[str]:
    """What makes a built site unfit to publish (beyond what the strict build already refuses)."""
    problems = []
    for required in ("index.html", "404.html", "catalog.json", "search/search_index.json"):
        if not (site / required).is_file():
            problems.append(f"{required} mangler")
    for page in site.rglob("*.html"):
        problems += [f"{page.relative_to(site)}: henter {a}" for a in off_site_resources(page.read_text("utf-8"))]
    problems += [f"{found}: et skript på siden som nettstedet ikke har laget" for found in unknown_inline_scripts(site)]
    return problems


def record_addresses(root: Path, config: Path) -> None:
    """Add every address the new release answers to the live site's registry: from now on none may break."""
    project = config.parent
    pages = [(str(p.relative_to(project / "docs")), p.read_text(encoding="utf-8"))
             for p in sorted((project / "docs").rglob("*.md"))]
    site = load_site(project / "data", pages)
    known = set(read_registry(root, REGISTRY_FILE))
    current = current_addresses(site.page_uris, site.chapters, site.redirects)
    (root / REGISTRY_FILE).write_text(registry_text(known | current), encoding="utf-8")


def switch(root: Path, release: Path) -> None:
    """Point root/current at release in one atomic rename."""
    link = root / "current.new"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(release.relative_to(root), target_is_directory=True)
    os.replace(link, root / "current")


def publish(root: Path, config: Path) -> Path:
    """Build, check and switch; on any failure the live site stays exactly as it was."""
    with publish_lock(root):
        releases = root / "releases"
        releases.mkdir(exist_ok=True)
        release = releases / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        try:
            try:
                build_release(config, release, site=release / "site",
                              env={"INTRO_PUBLISHED_REGISTRY": str(root / REGISTRY_FILE)})
            except BuildFailed as failed:
                raise PublishError(f"Bygget feilet, så ingenting ble publisert:\n{failed}") from None
            problems = check_release(release / "site")
            if problems:
                raise PublishError("Sjekken av det bygde nettstedet feilet:\n  - " + "\n  - ".join(problems))
            (release / "csp.conf").write_text(nginx_include(release / "site"), encoding="utf-8")
        except BaseException:
            shutil.rmtree(release, ignore_errors=True)
            raise
        previous_csp = (root / "current" / "csp.conf").read_text() if (root / "current" / "csp.conf").is_file() else None
        switch(root, release)
        record_addresses(root, config)
        for old in sorted(p for p in releases.iterdir() if p != release)[:-KEEP_RELEASES]:
            shutil.rmtree(old, ignore_errors=True)
        if previous_csp != (release / "csp.conf").read_text():
            print("csp.conf er endret: last nginx inn på nytt (nginx -s reload).")
        return release
