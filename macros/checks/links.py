"""Dead, moved and redirected addresses, from LinkChecker's report, per page for the editor (`make kilder`).

LinkChecker (linkchecker on PyPI) does the checking; this module reads its CSV output and says, per chapter or data
file, which addresses to fix: a dead one (an error or no answer), a moved one (301 or 308: the address has changed
for good) and a redirected one (302, 303 or 307: it answers somewhere else for now).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

# How LinkChecker words a redirect in its warning: «Redirected to `https://…' status: 301 Moved Permanently.»
_REDIRECT = re.compile(r"Redirected to `(?P<target>[^']*)' status: (?P<status>\d{3})(?P<reason>[^.]*)")
MOVED = ("301", "308")
KINDS = {"død": "DØD", "flyttet": "FLYTTET", "omdirigert": "OMDIRIGERT"}


@dataclass(frozen=True)
class Finding:
    page: str  # where the link stands: a page's path under docs/, a data file, or a path on the site
    url: str  # as written
    kind: str  # «død», «flyttet» or «omdirigert»
    detail: str  # the answer, for example «404 Not Found»
    target: str = ""  # where a moved or redirected address leads


def findings(csv_text: str, pages: Mapping[str, str]) -> list[Finding]:
    """Each problem in LinkChecker's CSV output (-o csv), named by the page it stands on. pages: the address a
    page is served at (its URL path, «/kapitler/lovene/») → its name for the editor («docs/kapitler/lovene.md»)."""
    rows = csv.DictReader(
        io.StringIO("\n".join(line for line in csv_text.splitlines() if not line.startswith("#"))), delimiter=";"
    )
    found: list[Finding] = []
    for row in rows:
        url, parent = row.get("urlname") or "", row.get("parentname") or ""
        if not url:
            continue
        page = _page(parent, pages)
        if row.get("valid") == "False":
            found.append(Finding(page, url, "død", (row.get("result") or "").strip() or "ikke svar"))
            continue
        for redirect in _REDIRECT.finditer(row.get("warningstring") or ""):
            kind = "flyttet" if redirect.group("status") in MOVED else "omdirigert"
            found.append(
                Finding(page, url, kind, f"{redirect.group('status')}{redirect.group('reason')}", redirect.group("target"))
            )
            break
    return found


def _page(parent: str, pages: Mapping[str, str]) -> str:
    path = urlsplit(parent).path or "/"
    if path.endswith("/index.html"):
        path = path.removesuffix("index.html")
    return pages.get(path, f"nettstedet: {path}")


def report(found: Iterable[Finding], checked: str) -> str:
    """The report an editor reads: per page, what is dead, moved and redirected, and a count at the end."""
    found = sorted(set(found), key=lambda f: (f.page, list(KINDS).index(f.kind), f.url))
    lines = [f"Lenkesjekk av {checked}", ""]
    page = None
    for finding in found:
        if finding.page != page:
            page = finding.page
            lines += ["", page] if len(lines) > 2 else [page]
        target = f" → {finding.target}" if finding.target else ""
        lines.append(f"  {KINDS[finding.kind]:<11}{finding.url}{target} ({finding.detail})")
    counts = {kind: sum(f.kind == kind for f in found) for kind in KINDS}
    if not found:
        lines.append("Alle adressene svarte, og ingen er flyttet.")
    lines += [
        "",
        f"I alt: {counts['død']} døde, {counts['flyttet']} flyttet og {counts['omdirigert']} omdirigert.",
        "Rett de døde og de flyttede adressene i kildene (sources og source). En omdirigert adresse virker, "
        "men sjekk at den fortsatt går til riktig side.",
    ]
    return "\n".join(lines) + "\n"
