"""`make kilder`: every source and external link of a built edition, checked by LinkChecker, reported per page.

LinkChecker reads the site over a loopback server, as a reader's browser would, and follows every link on it; the
addresses in the data files that the site does not show (a retired name's source, a law change's) are put on pages
of their own, one per data file, so that every source is checked and named by the file it stands in.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from macros.checks.links import Finding, findings
from macros.commands.chromium import QuietHandler, serve_folder
from macros.content import yamlio
from macros.exports.addresses import page_address
from macros.rendering.renderer import render

# Where the data files' addresses are served for LinkChecker: a path no page of the site has.
DATA_PAGES = "intro-kilder-i-data"


class LinkCheckerMissing(RuntimeError):
    """LinkChecker is not installed; the message says how to install it."""


class Serving(QuietHandler):
    """The loopback server LinkChecker reads: it hangs up once it has what it needs (a big download's first bytes),
    and that is no error to print."""

    def copyfile(self, source, outputfile) -> None:
        try:
            super().copyfile(source, outputfile)
        except ConnectionError:
            pass


def own_address(site_dir: Path) -> str | None:
    """The address the edition is published at, from the built front page's canonical link: the site's links to its
    own published pages are not sources, and the edition may not be published yet."""
    index = site_dir / "index.html"
    link = LexborHTMLParser(index.read_text(encoding="utf-8")).css_first('link[rel="canonical"]') if index.is_file() else None
    return link.attributes.get("href") if link else None


def _addresses(value: object, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _addresses(item, str(name))
    elif isinstance(value, list):
        for item in value:
            yield from _addresses(item, key)
    elif isinstance(value, str) and (key == "url" or key.endswith("_url")) and value.startswith(("http://", "https://")):
        yield value


def data_addresses(data_dir: Path) -> dict[str, list[str]]:
    """Every address in the data files (url and *_url fields), per file: «data/figures.yml» → addresses."""
    found = {}
    for path in sorted(data_dir.rglob("*.yml")):
        addresses = sorted(set(_addresses(yamlio.load(path.read_text(encoding="utf-8")))))
        if addresses:
            found[f"data/{path.relative_to(data_dir).as_posix()}"] = addresses
    return found


def page_names(page_uris: list[str] | frozenset[str]) -> dict[str, str]:
    """The URL path each page is served at → its file for the editor: «/kapitler/lovene/» → «docs/kapitler/lovene.md»."""
    return {"/" + page_address(src_uri): f"docs/{src_uri}" for src_uri in page_uris}


def linkchecker() -> str:
    """The linkchecker program of this Python environment (installed by `make setup`)."""
    beside = Path(sys.executable).parent / "linkchecker"
    found = str(beside) if beside.is_file() else shutil.which("linkchecker")
    if not found:
        raise LinkCheckerMissing("LinkChecker er ikke installert. Kjør «make setup».")
    return found


def run(site_dir: Path, pages: Mapping[str, str], data: Mapping[str, list[str]], timeout: int = 30) -> list[Finding]:
    """Check every link of the site and every address in data, and name each problem by its page or data file."""
    with tempfile.TemporaryDirectory() as folder:
        extra = Path(folder)
        (extra / DATA_PAGES).mkdir()
        names = dict(pages)
        for number, (label, urls) in enumerate(data.items()):
            page = f"{DATA_PAGES}/{number}.html"
            (extra / page).write_text(render("source_links.html.j2", label=label, urls=urls), encoding="utf-8")
            names[f"/{page}"] = label
        own = own_address(site_dir)
        ignore = ["--ignore-url", f"^{re.escape(own)}"] if own else []
        with serve_folder(site_dir, Serving) as site, serve_folder(extra, Serving) as sources:
            # Both addresses end in /.
            starts = [site, *(f"{sources}{DATA_PAGES}/{n}.html" for n in range(len(data)))]
            result = subprocess.run(
                [linkchecker(), "--check-extern", "--no-status", "-o", "csv/utf-8", "--timeout", str(timeout), *ignore, *starts],
                capture_output=True,
                text=True,
                encoding="utf-8",
                check=False,
            )
    # LinkChecker exits 1 when it found a problem; anything else with no output is its own failure.
    if result.returncode not in (0, 1) or "urlname;" not in result.stdout:
        raise RuntimeError(f"LinkChecker stoppet (kode {result.returncode}):\n{result.stderr[-2000:]}")
    return findings(result.stdout, names)
