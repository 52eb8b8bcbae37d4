"""Which of INTRO's browser scripts a page loads: each only where its feature is on the page, deferred.

A phone pays for every script a page loads, used or not: five scripts on every page cost a chapter its Total
Blocking Time. The scripts every page needs (intro-a11y.js repairs the theme's own parts) stand in mkdocs.yml's
extra_javascript; the ones here are loaded by overrides/main.html's `scripts` block where the page's content has
the markup the script works on, or on every page of the offline edition, in this order (intro-selfcheck.js uses
intro.js's helpers). The hand-over (exports/handover.py) loads them on every page, as stock Material can.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser


@dataclass(frozen=True)
class PageScript:
    path: str  # in the site
    wanted_by: tuple[str, ...] = ()  # CSS selectors: a page whose content has one of them loads the script
    offline: bool = False  # every page of the offline edition loads it


PAGE_SCRIPTS = (
    # Paths (where the reader is, read chapters, the end of a path, «Fortsett der du slapp»), and the helpers the
    # self-check keeps its results with.
    PageScript(
        "assets/javascripts/intro.js",
        (
            ".intro-path-nav",
            ".intro-path-position",
            ".intro-continue",
            ".intro-path",
            ".intro-path-end",
            ".intro-path-progress",
            ".intro-done",
            ".intro-meta[data-chapter]",
            ".intro-selfcheck",
        ),
    ),
    PageScript("assets/javascripts/intro-selfcheck.js", (".intro-selfcheck",)),
    # A programme's two printouts, and a booklet's print button.
    PageScript("assets/javascripts/intro-print.js", (".kursholder", "[data-intro-print]")),
    # Links that need the internet over file://, and the kiosk (index.html?kiosk): the offline edition's.
    PageScript("assets/javascripts/intro-kiosk.js", offline=True),
)


def scripts_for(content: str | LexborHTMLParser, offline: bool) -> list[str]:
    """The scripts a page loads, in order: content is its HTML (before the theme's frame), or that HTML parsed."""
    tree = LexborHTMLParser(content) if isinstance(content, str) else content
    return [
        script.path
        for script in PAGE_SCRIPTS
        if (offline and script.offline) or any(tree.css_first(selector) is not None for selector in script.wanted_by)
    ]
