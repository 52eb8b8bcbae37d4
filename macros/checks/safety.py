"""What content may not do: run a script, or make a reader's browser ask another place for anything.

INTRO promises that no request leaves the site and that the CSP trusts only the scripts the site ships.
MkDocs checks Markdown links; raw HTML and CSS can do everything else. These checks look at the finished HTML
an author wrote (and the site's own CSS) as a browser would, by class, not by example: any script, any event
handler, any URL-bearing attribute or CSS that a browser would fetch from another origin or a local address.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Material's own inline scripts, known by how they begin. The CSP hashes these and nothing else.
THEME_SCRIPTS = ("__md_scope=new URL(", "var palette=__md_get(", "var target=document.getElementById(location.hash")
# Attributes whose value a browser loads when the page is shown (not links a reader chooses to follow).
LOADING_ATTRIBUTES = (
    "src",
    "srcset",
    "poster",
    "data",
    "background",
    "xlink:href",
    "imagesrcset",
    "manifest",
    "lowsrc",
    "dynsrc",
    "ping",
)
# Attributes that hold an address of any kind.
URL_ATTRIBUTES = ("href", "action", "formaction", "cite", "longdesc", "usemap", *LOADING_ATTRIBUTES)
# <link> relations that are only references, not downloads.
REFERENCE_LINKS = {"canonical", "alternate", "author", "license", "next", "prev", "search"}
_LOOPBACK = re.compile(r"^(localhost|127(\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0)$", re.I)
_CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]?([^'\")\s;]+)", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.I)


def is_theme_script(text: str) -> bool:
    return text.lstrip().startswith(THEME_SCRIPTS)


def addresses(attribute: str, value: str) -> list[str]:
    """The addresses an attribute's value holds: one, or each candidate of a srcset, or each of a ping."""
    if attribute in ("srcset", "imagesrcset"):
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    if attribute == "ping":
        return value.split()
    return [value.strip()]


def _problem_with(address: str, loads: bool) -> str | None:
    """What is wrong with an address, or None: a script URL, a local file or machine, or another site's file."""
    parts = urlsplit(address)
    scheme = parts.scheme.lower()
    if scheme in ("javascript", "vbscript"):
        return "kjører et skript fra en adresse"
    if scheme == "data" and not (loads and address.lower().startswith("data:image/")):
        return "har en data:-adresse"
    if scheme == "file":
        return "viser til en fil på en maskin (file://)"
    if parts.hostname and _LOOPBACK.match(parts.hostname):
        return "viser til en maskin lokalt (localhost)"
    if scheme == "http":
        return "er en ukryptert adresse (http://). Skriv den med https://"
    if loads and (scheme in ("http", "https") or address.startswith("//")):
        return "henter noe fra et annet nettsted"
    return None


def fetched(tag: str, attribute: str, attributes: dict) -> bool:
    """Whether a browser fetches what this URL attribute names as it shows the element (not a link a reader follows):
    a loading attribute, any address of a <link> that is not only a reference, of an SVG <image> or <use>."""
    if attribute in LOADING_ATTRIBUTES or tag in ("image", "use"):
        return True
    return tag == "link" and not set((attributes.get("rel") or "").split()) & REFERENCE_LINKS


def loaded(node: LexborNode) -> list[str]:
    """Every address a browser fetches to show this element: what its attributes load, and the url()s of its CSS
    (a <style> element's text or a style attribute)."""
    tag, attributes = node.tag or "", node.attributes
    found = [
        address.strip()
        for name, value in attributes.items()
        if value and name.lower() in URL_ATTRIBUTES and fetched(tag, name.lower(), attributes)
        for address in addresses(name.lower(), value)
    ]
    css = node.text() if tag == "style" else attributes.get("style") or ""
    return found + [address.strip() for address in _CSS_URL.findall(css)]


# Every element loaded() may find something on, as one selector: one walk through a page, not one per attribute.
LOADING = ", ".join(
    [*(f"[{name}]" for name in LOADING_ATTRIBUTES if ":" not in name), "link[href]", "image", "use", "style", "[style]"]
)


def css_problems(css: str) -> list[str]:
    """@import of anything, and url() on another site or a local address, in a stylesheet or style attribute."""
    found = [f"@import {address}" for address in _CSS_IMPORT.findall(css)]
    found += [f"url({address})" for address in _CSS_URL.findall(css) if _problem_with(address.strip(), loads=True)]
    return found


def unsafe_content(tree: LexborHTMLParser) -> list[str]:
    """Everything in the HTML an author wrote that runs a script or reaches beyond the site, as plain sentences."""
    found: list[str] = []
    for node in tree.css("*"):
        tag, attributes = node.tag, node.attributes
        if tag == "script":
            found.append("et <script>-element (skript er ikke lov i innholdet)")
        if tag in ("base", "object", "embed", "applet") or (tag == "meta" and attributes.get("http-equiv")):
            found.append(f"et <{tag}>-element")
        if tag == "iframe" and "srcdoc" in attributes:
            found.append("en <iframe srcdoc>")
        if tag in ("pre", "div") and "mermaid" in (attributes.get("class") or "").split():
            found.append('en figur skrevet som HTML (class="mermaid"); skriv den som en ```mermaid-blokk')
        if tag == "style":
            found += [f"<style> med {problem}" for problem in css_problems(node.text() or "")]
        for name, value in attributes.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(f"en hendelse ({name}=) på <{tag}>, som er et skript")
            elif name == "style" and value:
                found += [f"style= med {problem}" for problem in css_problems(value)]
            elif name in URL_ATTRIBUTES and value:
                loads = (
                    name in LOADING_ATTRIBUTES
                    or (tag == "link" and not set((attributes.get("rel") or "").split()) & REFERENCE_LINKS)
                    or (tag in ("image", "use"))
                )
                for address in addresses(name, value):
                    problem = _problem_with(address, loads)
                    if problem:
                        found.append(f'<{tag} {name}="{address[:80]}">, som {problem}')
    for form in tree.css("form[action]"):
        action = form.attributes.get("action") or ""
        if urlsplit(action).scheme in ("http", "https") or action.startswith("//"):
            found.append(f"et skjema som sender til et annet nettsted ({action[:80]})")
    return found


def internal_targets(tree: LexborHTMLParser) -> list[str]:
    """The site-internal addresses a page links to or shows, as written (relative, without #part or ?query)."""
    targets = []
    for node in tree.css("a[href], img[src], source[src], video[src], audio[src], link[href]"):
        address = node.attributes.get("href") or node.attributes.get("src") or ""
        parts = urlsplit(address)
        if address and not parts.scheme and not address.startswith(("//", "#", "/")) and parts.path:
            targets.append(parts.path)
    return targets
