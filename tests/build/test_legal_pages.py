"""The pages about INTRO are each edition's own: «Om INTRO», «Personvern» and «Tilgjengelighet» name the edition's
owner and feedback address (data/editions/<edition>.yml), and every page's footer links the accessibility
statement and the privacy statement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError
from selectolax.lexbor import LexborHTMLParser

from macros.content.legal import load_legal
from macros.content.local import load_facts, missing_facts
from macros.content.model import Owner
from tests.helpers import ROOT

LEGAL = load_legal(ROOT / "data")
PAGES = ("om/index.html", "om/personvern/index.html", "om/tilgjengelighet/index.html")


@pytest.fixture(scope="module", params=["bergen", "gjovik"])
def edition(request, site_dir, gjovik_site) -> tuple[str, Path]:
    return request.param, site_dir if request.param == "bergen" else gjovik_site


def article(site: Path, path: str) -> str:
    """The article's text as a reader reads it: without the soft hyphens in the headings' long words."""
    page = LexborHTMLParser((site / path).read_text(encoding="utf-8"))
    return " ".join(page.css_first("article").text().replace("\u00ad", "").split())


def test_each_editions_legal_pages_name_its_own_owner_and_feedback_channel(edition):
    name, site = edition
    facts = load_facts(ROOT / "data/editions", name)
    other = "Helseinn" if name == "bergen" else "Alrek helseklynge"
    for path in PAGES:
        text = article(site, path)
        assert f"{facts.owner.name} har ansvaret" in text or f"{facts.owner.name} er behandlingsansvarlig" in text, path
        assert f"{other} har ansvaret" not in text and f"{other} er behandlingsansvarlig" not in text, path
    about = article(site, "om/index.html")
    assert "Redaksjonen er i Alrek" not in about
    assert "Du får svar innen tre uker" in about
    if not facts.owner.org_number:
        assert "Organisasjonsnummeret til eieren er ikke lagt inn her ennå" in about


def test_the_privacy_statement_has_every_part_the_law_asks_for(edition):
    name, site = edition
    facts = load_facts(ROOT / "data/editions", name)
    text = article(site, "om/personvern/index.html")
    for heading in (
        "Hvem har ansvaret?",
        "Dette husker nettleseren din",
        "Derfor spør vi ikke om samtykke",
        "Dette behandler serveren og redaksjonen",
        "Dine rettigheter",
    ):
        assert heading in text
    assert "ekomloven § 3-15" in text and "Datatilsynet" in text and "artikkel 6 nr. 1" in text
    for item in LEGAL.privacy.server:
        if item.editors_email and not facts.feedback.email:
            # No editors' address yet: readers write through the owner's site. Whether the owner has a statement
            # of its own there is not confirmed, so the page does not say it has.
            assert "Redaksjonen har ikke en egen e-postadresse ennå" in text
            assert f"Det du sender der, behandler {facts.owner.name}. Spør {facts.owner.name} hvordan." in text
            assert "personvernerklæringen på sitt eget nettsted" not in text
        else:
            assert " ".join(item.what.split()) in text
    # nginx's error line: client, request, host, and the referrer when the browser sent one.
    assert "kan ha med IP-adressen din og adressen til siden du ba om, med navnet på nettstedet" in text
    assert "Kom du fra en lenke på et annet nettsted, kan linjen også ha adressen til den siden" in text
    # How long the system log is kept is promised only where the edition's hosting agreement says it.
    if facts.hosting.system_log_days:
        assert f"Den slettes automatisk senest etter {facts.hosting.system_log_days} dager" in text
    else:
        assert "Vi kan ikke si ennå hvor lenge den blir lagret" in text
        assert "slettes automatisk senest etter" not in text and "slettes senest etter" not in text
    assert f"Referrer-Policy: {LEGAL.privacy.referrer_policy}" in text
    assert "Personvernombud" in text
    # What the owner has not confirmed yet is listed, with whom to ask.
    if not facts.owner.org_number or not facts.hosting.operator:
        assert "Dette er ikke fylt inn ennå" in text and f"Spør {facts.owner.name}" in text
        # The editors promise an answer time (feedback.answer_weeks); the box does not promise one for the owner.
        page = LexborHTMLParser((site / "om/personvern/index.html").read_text(encoding="utf-8"))
        box = next(a for a in page.css("article .admonition") if "Dette er ikke fylt inn ennå" in a.text())
        assert "Du får svar" not in box.text()


def test_the_accessibility_statement_is_in_uustatus_form(edition):
    name, site = edition
    text = article(site, "om/tilgjengelighet/index.html")
    accessibility = LEGAL.accessibility
    breaches = sum(c.status == "brudd" for c in accessibility.criteria)
    assert f"Det er brudd på {breaches} av {accessibility.required_count} krav." in text
    page = LexborHTMLParser((site / "om/tilgjengelighet/index.html").read_text(encoding="utf-8"))
    rows = [" ".join(row.css_first("td").text().split()) for row in page.css("article table tbody tr")]
    assert rows == [f"{c.id} {c.name}" for c in accessibility.criteria]
    for breach in accessibility.breaches:
        assert " ".join(breach.what.split()) in text and " ".join(breach.plan.split()) in text
    assert "Diskrimineringsnemnda behandler klager" in text and "Uutilsynet" in text
    assert "Du får svar innen tre uker" in text and "Nettstedet ble sist vurdert" in text
    assert "Vi har ikke testet med skjermleser" in text
    # Only a public body must publish on uustatus.no and meet the 47; a private body must by law meet 35 criteria of
    # WCAG 2.0 (Uutilsynet). Until the owner is confirmed as one or the other, the page names both rules and does not
    # call the 35 voluntary.
    public = load_facts(ROOT / "data/editions", name).owner.public_body
    if public is None:
        assert "Det er ikke avklart ennå om" in text and "En privat virksomhet må oppfylle 35 krav i WCAG 2.0" in text
    if public is False:
        assert "De 12 kravene fra WCAG 2.1 som bare gjelder offentlige virksomheter, følger vi frivillig" in text
    if public is not True:
        assert "uutilsynet.no/tilgjengelighetserklaering/ofte-stilte-sporsmal" in page.html
        assert f"{accessibility.private_required_count} krav i" in text and "WCAG 2.0" in text
        assert "likevel frivillig de 47" not in text
    else:
        assert "er en offentlig virksomhet. Forskrift om universell utforming av IKT-løsninger krever" in text
    if public is False:
        assert page.css_first("article details code") is None
        return
    uustatus = page.css_first("article details code").text()
    host = "intro.alrekhelseklynge.no" if name == "bergen" else "intro.helseinn.no"
    assert f"Nettsted: {host}" in uustatus and f"Brudd på {breaches} av {accessibility.required_count} krav" in uustatus


def test_every_page_links_the_accessibility_and_privacy_statements_in_its_footer(edition):
    _, site = edition
    themed = 0
    for file in sorted(site.rglob("*.html")):
        page = LexborHTMLParser(file.read_text(encoding="utf-8"))
        if page.css_first("footer.md-footer") is None:
            continue  # posters, quiz sheets and redirects are not theme pages
        themed += 1
        links = {a.text(): a.attributes["href"] for a in page.css("footer .intro-footer-links a")}
        assert set(links) == {"Tilgjengelighetserklæring", "Personvern"}, file
        href = links["Tilgjengelighetserklæring"]
        # The 404 page is served at any address, so MkDocs gives it links from the site's root.
        target = (site / href.lstrip("/") if href.startswith("/") else file.parent / href).resolve()
        target = target / "index.html" if target.is_dir() else target
        assert target == (site / "om/tilgjengelighet/index.html").resolve(), file
    assert themed > 60


def test_a_legal_page_without_the_editions_owner_stops_the_build_naming_the_file():
    facts = load_facts(ROOT / "data/editions", "bergen").model_copy(update={"owner": None})
    problems = missing_facts(facts, "Tekst.\n\n{{ personvern() }}\n", "docs/om/personvern.md", 3)
    assert len(problems) == 1 and problems[0].line == 6
    assert "«owner»" in problems[0].message and "data/editions/bergen.yml" in problems[0].message


def test_an_organisation_number_is_checked_against_its_check_digit():
    base = {
        "name": "Eier",
        "about": "En eier.",
        "contact_url": "https://example.org/",
        "source": {"title": "t", "publisher": "p", "url": "https://example.org/"},
        "check_by": dt.date(2027, 1, 1),
    }
    assert Owner.model_validate({**base, "org_number": "974760673"}).org_number == "974 760 673"
    with pytest.raises(ValidationError, match="kontrollsifferet"):
        Owner.model_validate({**base, "org_number": "974 760 674"})
