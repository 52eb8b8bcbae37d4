"""Universal design (WCAG 2.1 AA) in real headless Chromium: axe-core on every page, and the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.axe import CHAPTERS_AND_POSTERS, DESKTOP, SETTLED, STUDENT_PATH_STEP, audit, site_paths


def test_every_page_but_the_chapters_passes_axe_on_phone_and_desktop_in_light_and_dark(
    browser, served_site, site_dir, built_pages
):
    paths, kinds = site_paths(site_dir, built_pages)
    paths = [path for path in paths if not path.startswith(CHAPTERS_AND_POSTERS)]
    violations = audit(browser, served_site, paths, in_all_four=kinds.__contains__)
    assert not violations, f"{len(violations)} accessibility violations:\n" + "\n".join(violations)


# What the Gjøvik edition has of its own, beside its landing page (test_landing_phone.py): the pages under «Om» with
# its owner, and its local facts in a chapter, a task page and a programme's booking box. The theme around them is
# the Bergen edition's, which is checked page by page above.
GJOVIK_OWN = ("kapitler/organisering/", "slik-gjor-du/avlastning/", "programmer/samhandling-halv-dag/")


def test_the_gjovik_editions_own_pages_pass_axe(browser, gjovik_served, gjovik_site):
    about = sorted(str(p.parent.relative_to(gjovik_site)) + "/" for p in (gjovik_site / "om").rglob("index.html"))
    violations = audit(browser, gjovik_served, about + list(GJOVIK_OWN), in_all_four=lambda path: path.startswith("om"))
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
    page = keyboard_page(f"kapitler/{STUDENT_PATH_STEP}/?sti=studenter")
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


def test_the_skip_link_lands_on_the_chapters_title_so_its_opening_and_goals_are_read_next(keyboard_page):
    page = keyboard_page("kapitler/legemidler-og-delegering/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Gå til innhold")
    page.keyboard.press("Enter")
    title = page.get_by_role("heading", level=1)
    expect(title).to_have_text("Legemidler og delegering")
    expect(title).to_be_focused()
    expect(title).to_be_in_viewport()
    # The next Tab goes on from the title, before the learning goals, not into the first part's text.
    page.keyboard.press("Tab")
    after = page.evaluate(
        """() => {
            const goals = document.querySelector('.admonition.abstract');
            const h1 = document.querySelector('article h1');
            const focused = document.activeElement;
            return {afterTitle: Boolean(h1.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING),
                    beforeGoals: Boolean(focused.compareDocumentPosition(goals) & Node.DOCUMENT_POSITION_FOLLOWING)};
        }"""
    )
    assert after == {"afterTitle": True, "beforeGoals": True}


def test_landmarks_are_named_in_norwegian(keyboard_page):
    page = keyboard_page("kapitler/lovene/")
    names = page.evaluate(
        "() => [...document.querySelectorAll('header, nav, footer, main, aside, [role=dialog]')]"
        ".map(e => e.getAttribute('aria-label')).filter(Boolean)"
    )
    assert "Toppmeny" in names and "Forrige og neste side" in names
    english = {"Header", "Footer", "Navigation", "Table of contents", "Search"}
    assert not set(names) & english, names


def test_a_chapter_and_a_task_page_with_the_feedback_form_pass_axe(browser, served_site):
    """«Fant du det du lette etter?» ends every page on the web; with its text filled in, axe still finds nothing."""

    def filled(page) -> None:
        page.locator(".intro-feedback-box textarea").fill("Jeg fant ikke fristen.")
        page.evaluate(SETTLED)

    violations = audit(browser, served_site, ["kapitler/lovene/", "slik-gjor-du/sykehjem/"], prepare=filled)
    assert not violations, "\n".join(violations)
