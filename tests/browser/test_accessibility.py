"""Universal design (WCAG 2.1 AA) in real headless Chromium: axe-core on every page, and the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

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
    its single HTML files (posters, quiz sheets), which are made from one template each."""
    chosen: dict[str, str] = {}
    for path in sorted(paths):
        folder, _, _ = path.rstrip("/").rpartition("/")
        kind = (folder, path.endswith("/")) if folder else (path, True)
        chosen.setdefault(kind, path)
    return set(chosen.values())


# The chapters and their posters are checked in test_accessibility_chapters.py, so that two test processes share
# the whole site (pytest-xdist hands out a file at a time).
CHAPTERS_AND_POSTERS = ("kapitler/", "plakater/")


def site_paths(site_dir: Path, built_pages: list[str]) -> tuple[list[str], set[str]]:
    """Every page a reader can open, and those checked whole in all four width–scheme pairs."""
    paths = [page.removesuffix("index.html") for page in built_pages if not is_redirect(site_dir / page)]
    # The path navigation is hidden until a reader follows a path: check it shown too.
    following_a_path = "kapitler/organisering/?sti=studenter"
    paths.append(following_a_path)
    kinds = first_of_each_kind(paths) | {following_a_path}
    assert "" in kinds and any(kind.startswith("kapitler/") for kind in kinds), sorted(kinds)
    return paths, kinds


def test_every_page_but_the_chapters_passes_axe_on_phone_and_desktop_in_light_and_dark(
    browser, served_site, site_dir, built_pages
):
    paths, kinds = site_paths(site_dir, built_pages)
    paths = [path for path in paths if not path.startswith(CHAPTERS_AND_POSTERS)]
    violations = audit(browser, served_site, paths, in_all_four=kinds.__contains__)
    assert not violations, f"{len(violations)} accessibility violations:\n" + "\n".join(violations)


def search_for_fastlegen(page) -> None:
    """Open the search as a phone reader does (the magnifier), and search."""
    page.locator('label[for="__search"]').first.click()
    page.locator(".md-search__input").click(force=True)
    page.keyboard.type("fastlegen")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.evaluate(SETTLED)


def test_search_with_results_passes_axe_on_phone_and_desktop_in_light_and_dark(browser, served_site):
    """The search dialog shows its results, sections and matched words only once the reader searches."""
    violations = audit(browser, served_site, ["kapitler/lovene/"], prepare=search_for_fastlegen)
    assert not violations, "\n".join(violations)


def search_for_nothing(page) -> None:
    """A search that finds nothing: the line says so, and the reader groups' pages are offered."""
    page.locator('label[for="__search"]').first.click()
    page.locator(".md-search__input").click(force=True)
    page.keyboard.type("xqzwv")
    page.locator('.md-search-result__meta[data-intro-query="xqzwv"]').wait_for(timeout=15000)
    page.evaluate(SETTLED)


def test_a_search_that_finds_nothing_passes_axe_on_phone_and_desktop(browser, served_site):
    violations = audit(browser, served_site, [""], prepare=search_for_nothing)
    assert not violations, "\n".join(violations)


# ---- The keyboard ----

FOCUS_SEEN = """() => {
    // Focus is seen when the focused thing is on screen and drawn with an outline or a shadow.
    const shown = element => {
        const box = element.getBoundingClientRect();
        if (box.width < 1 || box.height < 1 || getComputedStyle(element).visibility !== "visible") return false;
        for (let node = element; node; node = node.parentElement) {
            if (parseFloat(getComputedStyle(node).opacity) === 0) return false;
        }
        return true;
    };
    const marked = element => {
        const style = getComputedStyle(element);
        return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    };
    const element = document.activeElement;
    if (!element || element === document.body) return {visible: false, what: "body", classes: "", href: ""};
    // Material's colour scheme switch is a visually hidden radio button that draws its focus on the label after it.
    const label = element.matches("input.md-option") ? element.nextElementSibling : null;
    return {
        visible: (shown(element) && marked(element)) || Boolean(label && shown(label) && marked(label)),
        what: element.outerHTML.slice(0, 120),
        classes: typeof element.className === "string" ? element.className : "",
        href: element.getAttribute("href") || "",
    };
}"""
# Material fades some focus styles in; the test looks at where they end, without waiting for each fade.
NO_TRANSITIONS = "*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; }"


def tab_until(page, found, limit: int = 250) -> list[dict]:
    """Press Tab until found(seen) is true; return every element focused on the way."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_SEEN))
        if found(seen):
            return seen
    pytest.fail(f"Tabbing {limit} times never got there. Last focused: {seen[-3:]}")


def hidden_focus(seen: list[dict]) -> list[str]:
    return [f["what"] for f in seen if not f["visible"]]


@pytest.fixture(params=["light", "dark"])
def keyboard_page(request, browser, served_site):
    context = browser.new_context(viewport=DESKTOP, color_scheme=request.param)
    page = context.new_page()

    def open(path: str):
        page.goto(served_site + path, wait_until="load")
        page.add_style_tag(content=NO_TRANSITIONS)
        return page

    yield open
    context.close()


def test_keyboard_reaches_search_and_every_perspective_card_with_visible_focus(keyboard_page, html):
    cards = {a.attributes["href"] for a in html("index.html").css(".intro-perspectives a")}
    assert len(cards) == 6
    page = keyboard_page("")

    seen = tab_until(page, lambda seen: "md-search__input" in seen[-1]["classes"])
    assert not hidden_focus(seen), f"focus not visible on: {hidden_focus(seen)}"
    page.keyboard.press("Escape")

    seen = tab_until(page, lambda seen: cards <= {f["href"] for f in seen})
    assert not hidden_focus(seen), f"focus not visible on: {hidden_focus(seen)}"


def test_keyboard_reaches_next_in_path_with_visible_focus(keyboard_page):
    page = keyboard_page("kapitler/organisering/?sti=studenter")
    seen = tab_until(page, lambda seen: "intro-path-next" in seen[-1]["classes"])
    assert not hidden_focus(seen), f"focus not visible on: {hidden_focus(seen)}"
    assert "sti=studenter" in seen[-1]["href"]


# ---- The gate fails when it should ----


def test_axe_reports_a_missing_alt_text_and_low_contrast(browser, tmp_path):
    (tmp_path / "god.html").write_text(
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>God</title></head>'
        "<body><main><h1>God side</h1><p>Alt er i orden.</p></main></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "feil.html").write_text(
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Feil</title>'
        # Low contrast only in dark mode on a phone: the check must try both.
        "<style>@media (prefers-color-scheme: dark) and (max-width: 600px) {"
        " body { background: #1e2129; } .mork { color: #3a3d45; } }</style></head>"
        '<body><main><h1>Feil side</h1><img id="uten-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<p class="mork" id="svak">Lite kontrast i mørk visning på mobil.</p>'
        '<p id="graa" style="color:#bbb;background:#fff">Lite kontrast overalt.</p></main></body></html>',
        encoding="utf-8",
    )
    everywhere = ("mobil, lys", "mobil, mørk", "PC, lys", "PC, mørk")

    violations = audit(browser, tmp_path.as_uri() + "/", ["god.html", "feil.html"])

    assert not [v for v in violations if v.startswith("god.html")], violations
    for where in everywhere:
        assert any(v.startswith(f"feil.html ({where}): image-alt – ") and "#uten-alt" in v for v in violations), violations
    contrast = {v.split(")")[0] + ")": v for v in violations if ": color-contrast – " in v}
    assert sorted(contrast) == sorted(f"feil.html ({where})" for where in everywhere), violations
    assert all("#graa" in v for v in contrast.values()), contrast
    assert [where for where, v in contrast.items() if "#svak" in v] == ["feil.html (mobil, mørk)"], contrast


def test_a_page_checked_twice_is_checked_in_its_own_part_in_both_schemes(browser, tmp_path):
    """A page outside the four-way check still has its text checked, light on a phone and dark on a PC."""
    (tmp_path / "side.html").write_text(
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Side</title>'
        "<style>@media (prefers-color-scheme: dark) { body { background: #1e2129; } .mork { color: #3a3d45; } }"
        '</style></head><body><nav><img id="meny-uten-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></nav>'
        '<main><div class="md-content"><h1>Side</h1><img id="uten-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<p class="mork" id="svak">Lite kontrast i mørk visning.</p></div></main></body></html>',
        encoding="utf-8",
    )

    violations = audit(browser, tmp_path.as_uri() + "/", ["side.html"], in_all_four=lambda path: False)

    assert any(v.startswith("side.html (mobil, lys): image-alt – ") and "#uten-alt" in v for v in violations), violations
    assert any(v.startswith("side.html (PC, mørk): color-contrast – ") and "#svak" in v for v in violations), violations
    assert not any("#meny-uten-alt" in v for v in violations), "the furniture is checked on one page of each kind"
    assert len({v.split(")")[0] for v in violations}) == 2, violations


def test_heading_permalinks_are_not_tab_stops(keyboard_page):
    page = keyboard_page("kapitler/slik-far-du-hjelp/")
    seen = tab_until(page, lambda seen: "md-footer__link" in seen[-1]["classes"], limit=200)
    assert not [s for s in seen if "headerlink" in s["classes"]], "a heading's ¶ took focus"
