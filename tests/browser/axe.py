"""axe-core in Chromium over the built site: the accessibility audit the browser tests share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.helpers import ROOT, repository_site

AXE = ROOT / "node_modules/axe-core/axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Not tagged WCAG by axe, but a known gap in Material's markup (the search dialog): keep it fixed.
    "rules": {"aria-dialog-name": {"enabled": True}},
    "resultTypes": ["violations"],
}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Material's palette follows prefers-color-scheme, so the context's colour scheme picks light or dark.
SCHEMES = (("lys", "light"), ("mørk", "dark"))
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 250))))"


# A Material page's own part: its text and its table of contents. The header, the menu (every page of the site)
# and the footer around it are the same furniture on every page.
OWN_PART = """([options, ownPart]) => {
    const own = ownPart && document.querySelector(".md-content")
        ? {include: [[".md-content"], [".md-sidebar--secondary"]]} : document;
    window.__introAxe = axe.run(own, options);
}"""


def start_axe(page, inject: bool, own_part: bool = False) -> None:
    """Start axe-core without waiting for it, so that the other tab can work meanwhile.
    own_part: check only the page's own part (on a page without Material's layout, the whole page)."""
    if inject:
        page.add_script_tag(path=str(AXE))
    page.evaluate(OWN_PART, [AXE_OPTIONS, own_part])


def axe_violations(page) -> list[dict]:
    return page.evaluate("""() => window.__introAxe.then(result => result.violations.map(v => ({
        id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(" ")) })))""")


def audit(
    browser,
    base_url: str,
    paths: list[str],
    prepare: Callable | None = None,
    in_all_four: Callable[[str], bool] = lambda path: True,
) -> list[str]:
    """Run axe on each path at phone and desktop width in light and dark; one line per violation.

    One browser context per colour scheme, with one tab each, reused for every page; the two tabs
    work side by side. Each page loads once per scheme at phone width and is checked, then the
    window is widened to desktop, as a reader may do, and it is checked again. (Loading every page
    four times cost a third more, spent loading Material rather than checking.)
    A path for which in_all_four(path) is false is checked twice, at phone width in light and at desktop width
    in dark, and only its own part (its text and contents): what its content gets wrong shows in one of the two.
    The furniture around it (header, menu, footer) and what goes wrong only at one width in one scheme is the
    same on every page of a kind, so one page of each kind is checked whole, in all four.
    prepare(page) runs after each load, to put the page in a state worth checking.
    """
    tabs = []
    for label, scheme in SCHEMES:
        context = browser.new_context(viewport=PHONE, color_scheme=scheme)
        tabs.append((label, context, context.new_page()))
    found: list[str] = []

    def collect(path: str, where: str, page) -> None:
        for violation in axe_violations(page):
            targets = ", ".join(violation["targets"][:5])
            more = len(violation["targets"]) - 5
            found.append(
                f"{path or '/'} ({where}): {violation['id']} – {violation['help']}: {targets}{f' (+{more})' if more > 0 else ''}"
            )

    try:
        for path in paths:
            every_width = in_all_four(path)
            # Without all four, the dark tab loads the page at desktop width at once.
            widths = [
                (label, page, PHONE if every_width or index == 0 else DESKTOP) for index, (label, _, page) in enumerate(tabs)
            ]
            for _, page, width in widths:
                page.set_viewport_size(width)
                page.goto(base_url + path, wait_until="load")
                if prepare:
                    prepare(page)
                start_axe(page, inject=True, own_part=not every_width)
            for label, page, width in widths:
                collect(path, f"{'mobil' if width == PHONE else 'PC'}, {label}", page)
                if every_width:
                    page.set_viewport_size(DESKTOP)
                    page.evaluate(SETTLED)
                    start_axe(page, inject=False)
            if every_width:
                for label, page, _ in widths:
                    collect(path, f"PC, {label}", page)
    finally:
        for _, context, _ in tabs:
            context.close()
    return found


def is_redirect(file: Path) -> bool:
    """The permanent /k/<id>/ addresses are stubs that send the browser on at once; no reader sees them."""
    return 'http-equiv="refresh"' in file.read_text(encoding="utf-8")[:1000]


def first_of_each_kind(paths: list[str]) -> set[str]:
    """Every top-level page, and the first of each kind in a folder: its pages (chapters, task pages, …) and
    its single HTML files (posters, quiz sheets), which are made from one template each; a booklet and a station's
    poster are kinds of their own."""
    chosen: dict[tuple, str] = {}
    for path in sorted(paths):
        folder, _, name = path.rstrip("/").rpartition("/")
        kind = (folder, path.endswith("/"), name.startswith(MADE_FROM_A_TEMPLATE_ALONE)) if folder else (path, True, False)
        chosen.setdefault(kind, path)
    return set(chosen.values())


# Pages that hold no text of their own beyond what a template lays out: a booklet is its path's chapters one after
# another (each chapter's own page is checked), a poster a chapter's or a station's name, summary and QR code. The
# first of each kind is checked whole, in all four; the rest would repeat it page for page, so they are left out.
MADE_FROM_A_TEMPLATE_ALONE = ("hefte-", "stasjon-")
ONE_OF_EACH = ("kapitler/hefte-", "plakater/")


# The chapters and their posters are checked in test_accessibility_chapters.py, so that two test processes share
# the whole site (pytest-xdist hands out a file at a time).
CHAPTERS_AND_POSTERS = ("kapitler/", "plakater/")
# A chapter on the student path (data/paths.yml), shown as a reader following the path sees it.
STUDENT_PATH_STEP = repository_site().paths["studenter"].steps[1]


def site_paths(site_dir: Path, built_pages: list[str]) -> tuple[list[str], set[str]]:
    """Every page a reader can open, and those checked whole in all four width–scheme pairs."""
    paths = [page.removesuffix("index.html") for page in built_pages if not is_redirect(site_dir / page)]
    # The path navigation is hidden until a reader follows a path: check it shown too.
    following_a_path = f"kapitler/{STUDENT_PATH_STEP}/?sti=studenter"
    paths.append(following_a_path)
    kinds = first_of_each_kind(paths) | {following_a_path}
    assert "" in kinds and any(kind.startswith("kapitler/") for kind in kinds), sorted(kinds)
    return [path for path in paths if not path.startswith(ONE_OF_EACH) or path in kinds], kinds
