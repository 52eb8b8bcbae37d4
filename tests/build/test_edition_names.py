"""Every edition its own: no page, quiz or answer sheet, booklet or catalogue of one edition names the other
edition's places, hospitals or organisations. The names come from the other edition's data (its municipalities
and districts, hospitals, health trust, legevakt, statsforvalter, ombud, helsefellesskap, cluster and lab), plus a
short list of names its data only implies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.content.local import load_facts
from macros.content.model import LocalFacts
from tests.helpers import ROOT

EDITIONS = ROOT / "data" / "editions"

# Names an edition's data implies without writing them as a field of their own: street addresses, short names.
IMPLIED = {
    "bergen": ("Haukeland", "Haraldsplass", "Alrek", "Årstadveien", "Solheimsgaten", "bergensområdet"),
    "gjovik": ("Helseinn", "Gjøvikregionen", "Mjøssykehuset", "Moelv", "Mustad", "Bright House", "Raufoss"),
}
# National institutions named after a city: naming them is not local content. Cut out before the names are sought.
NATIONAL = ("Universitetet i Bergen",)
CONFIGS = {"bergen": ROOT / "mkdocs.yml", "gjovik": ROOT / "mkdocs.gjovik.yml"}


def authors(edition: str) -> str:
    """The edition's site_author: the credit CC BY asks for names every author, and a credit is not local content."""
    found = re.search(r"^site_author:\s*(.+?)\s*$", CONFIGS[edition].read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else ""


def names_of(facts: LocalFacts) -> set[str]:
    """Every place, hospital and organisation an edition's data names."""
    names = {facts.name, facts.cluster, *(facts.county and [facts.county] or [])}
    for municipality in facts.municipalities:
        names |= {municipality.name, municipality.name.removesuffix(" kommune")}
        for office in municipality.apply:
            if office.area:
                names |= {part.strip() for part in re.split(r",| og ", office.area) if part.strip()}
    names |= {hospital.name for hospital in facts.hospitals}
    names |= {legevakt.name for legevakt in facts.legevakt}
    for fact in (facts.health_trust, facts.statsforvalter, facts.ombud, facts.helsefellesskap, facts.test_arena):
        if fact is not None:
            names.add(fact.name)
    return names | set(IMPLIED.get(facts.id, ()))


def pattern(names: set[str]) -> re.Pattern[str]:
    # Longest first, so «Helse Bergen» is reported rather than «Bergen» alone; whole words only.
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def readable_text(path: Path) -> str:
    """What a reader sees or hears in a built file: its text, and the tooltips' titles. Scripts and styles are not
    read, and neither are link addresses."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return raw
    tree = LexborHTMLParser(raw)
    for node in tree.css("script, style"):
        node.decompose()
    titles = " ".join(node.attributes.get("title") or "" for node in tree.css("[title]"))
    body = tree.body or tree.root
    return f"{body.text(separator=' ') if body else ''} {titles}"


def offenders(site: Path, other: str, credit: str = "") -> dict[str, list[str]]:
    """Built file → the other edition's names found in it (the edition's own author credit left out)."""
    found_in = pattern(names_of(load_facts(EDITIONS, other)))
    found: dict[str, list[str]] = {}
    for path in sorted([*site.rglob("*.html"), site / "catalog.json"]):
        text = readable_text(path)
        for allowed in (*NATIONAL, *([credit] if credit else [])):
            text = text.replace(allowed, "")
        names = sorted(set(found_in.findall(text)))
        if names:
            found[str(path.relative_to(site))] = names
    return found


def test_names_come_from_the_other_editions_data():
    bergen, gjovik = names_of(load_facts(EDITIONS, "bergen")), names_of(load_facts(EDITIONS, "gjovik"))
    assert {
        "Bergen",
        "Helse Bergen",
        "Haukeland universitetssjukehus",
        "Åsane",
        "Arna",
        "Alrek helseklynge",
        "Statsforvalteren i Vestland",
        "Omsorgsteknologilaboratoriet",
    } <= bergen
    assert {
        "Gjøvik",
        "Østre Toten",
        "Sykehuset Innlandet",
        "Mjøssykehuset i Moelv",
        "Helseinn",
        "Helsefellesskap Innlandet",
        "Verksted for integrerte helsetjenester",
    } <= gjovik
    assert "Helse Vest" not in bergen and "Helse Sør-Øst" not in gjovik  # the four RHF are named nationally


def test_the_search_finds_a_name_in_text_and_tooltips_but_not_in_longer_words_or_national_institutions(tmp_path):
    page = tmp_path / "side.html"
    page.write_text(
        '<html><body><p>Kari ble lagt inn på Haukeland. Les <abbr title="Helse Bergen driver">HF</abbr>.'
        "</p><p>Bergensområdet og Universitetet i Bergen er ikke lokale funn.</p>"
        "<script>var x = 'Åsane';</script></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "catalog.json").write_text('{"chapters": []}', encoding="utf-8")
    assert offenders(tmp_path, "bergen") == {"side.html": ["Haukeland", "Helse Bergen"]}


def test_an_editions_own_author_credit_is_not_a_finding(tmp_path):
    (tmp_path / "side.html").write_text(
        "<html><body><p>Alrek helseklynge og Helseinn · CC BY 4.0</p></body></html>", encoding="utf-8"
    )
    (tmp_path / "catalog.json").write_text('{"owner": "Alrek helseklynge og Helseinn"}', encoding="utf-8")
    assert authors("bergen") and offenders(tmp_path, "gjovik", authors("bergen")) == {}
    assert offenders(tmp_path, "gjovik") == {"catalog.json": ["Helseinn"], "side.html": ["Helseinn"]}


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"  {path}: {', '.join(names)}" for path, names in found.items())


@pytest.mark.parametrize("edition, other", [("bergen", "gjovik"), ("gjovik", "bergen")])
def test_no_page_names_the_other_editions_places(edition, other, request):
    site = request.getfixturevalue("site_dir" if edition == "bergen" else "gjovik_site")
    found = offenders(site, other, authors(edition))
    assert not found, f"The {edition} edition names {other}'s places, hospitals or organisations:\n{report(found)}"
