"""Who pays, as readers meet it: the schemes of data/schemes.yml on the chapters for suppliers and researchers, and no
ended scheme or moved duty presented as current on any page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.content.site import load_data

SCHEMES = load_data(Path(__file__).resolve().parents[2] / "data", [])
# Each chapter and the schemes it must show (a supplier, a researcher and a partner each meet theirs).
SHOWN = {
    "selge-og-utvikle": (
        "innovasjonskontrakter",
        "skattefunn",
        "pilot-helse",
        "helseteknologiordningen",
        "innovasjonsprosjekt-offentlig-sektor",
        "forskning-kommunale-tjenester",
    ),
    "innovasjon": (
        "innovasjonsprosjekt-offentlig-sektor",
        "helseteknologiordningen",
        "pilot-helse",
        "innovasjonskontrakter",
        "skattefunn",
    ),
    "forskning-i-kommunen": (
        "forskning-kommunale-tjenester",
        "offentlig-sektor-phd",
        "innovasjonsprosjekt-offentlig-sektor",
        "pilot-helse",
    ),
    "velferdsteknologi": ("helseteknologiordningen",),
}

# What has ended or moved, and the words a block naming it must use to say so.
RETIRED = {
    "regionale forskningsfond": ("avvikl",),
    "utstyrsregisteret": ("før", "fram til", "erstatt"),
    "nasjonalt velferdsteknologiprogram": ("varte til 2024", "avsluttet", "tok over", "tidligere", "etter"),
}
BLOCKS = "p, li, dd, td, .admonition"


def chapter(site: Path, chapter_id: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / "kapitler" / chapter_id / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("chapter_id", SHOWN)
def test_each_chapter_shows_its_schemes_with_owner_and_a_link_to_the_terms(html, chapter_id):
    page = html(f"kapitler/{chapter_id}/index.html")
    # Without white space: a glossary tooltip splits «Helseteknologiordningen (Helsedirektoratet)» into nodes.
    squashed = re.sub(r"\s+", "", page.css_first("article").text(separator=" "))
    links = {a.attributes.get("href") for a in page.css("article a")}
    for scheme_id in SHOWN[chapter_id]:
        scheme = SCHEMES.schemes[scheme_id]
        assert re.sub(r"\s+", "", f"{scheme.name} ({scheme.owner})") in squashed, (chapter_id, scheme_id)
        assert str(scheme.url) in links, (chapter_id, scheme_id)
    assert "Hvemsomsøker:" in squashed and "Vilkårogfrister:" in squashed


def test_the_schemes_read_the_same_in_both_editions(site_dir, gjovik_site):
    for chapter_id in SHOWN:
        texts = []
        for site in (site_dir, gjovik_site):
            page = chapter(site, chapter_id)
            names = [
                node.text()
                for node in page.css("article p strong")
                if any(node.text() == s.name for s in SCHEMES.schemes.values())
            ]
            texts.append(names)
        assert texts[0] == texts[1] and texts[0], chapter_id


def reader_prose(path: Path) -> LexborHTMLParser:
    """A page as advice: its article without the source list (a source may carry a retired name in its title) and
    without the self-check (a false statement to judge is not advice)."""
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    for heading in tree.css("h2[id^='kilder']"):
        following = heading.next
        while following is not None and following.tag != "ol":
            following = following.next
        if following is not None:
            following.decompose()
    for node in tree.css(".intro-selfcheck"):
        node.decompose()
    return tree


@pytest.mark.parametrize("site_name", ["site_dir", "gjovik_site"])
def test_no_page_presents_an_ended_scheme_or_a_moved_duty_as_current(site_name, request):
    site: Path = request.getfixturevalue(site_name)
    problems = []
    # The chapters, task pages and reader groups' pages: what readers act on (a booklet repeats its chapters).
    pages = [
        path
        for folder in ("kapitler", "slik-gjor-du", "perspektiver")
        for path in (site / folder).rglob("*.html")
        if not path.parent.name.startswith("hefte-")
    ]
    assert len(pages) > 30
    for path in sorted(pages):
        tree = reader_prose(path)
        for block in tree.css(BLOCKS):
            text = " ".join(block.text(separator=" ").split()).lower()
            for name, said in RETIRED.items():
                if name in text and not any(word in text for word in said):
                    problems.append(f"{path.relative_to(site)}: «{name}» in «{text[:160]}»")
            # The folkehelseprofiler moved from FHI to Helsedirektoratet in 2024.
            if re.search(r"(fhi|folkehelseinstituttet)[^.]{0,40}\blager\b[^.]{0,40}folkehelseprofil", text):
                problems.append(f"{path.relative_to(site)}: FHI credited with the folkehelseprofiler in «{text[:160]}»")
    assert not problems, "\n".join(sorted(set(problems)))
