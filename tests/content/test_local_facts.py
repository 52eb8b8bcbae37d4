"""The real editions' local facts: complete, sourced, dated and due for no check today, and the boxes readers see."""

import datetime as dt
import re

import pytest

from macros.content import yamlio
from macros.content.local import dated_facts, load_facts, missing_facts
from macros.content.model import LOCAL_TOPICS, LocalFacts
from macros.content.review import DEFAULT_GRACE_DAYS, due_dates
from macros.rendering.local_boxes import local_box, staff_urgent_help, telefon, urgent_help
from tests.helpers import ROOT

EDITIONS = ROOT / "data/editions"


@pytest.fixture(scope="module")
def bergen() -> LocalFacts:
    return load_facts(EDITIONS, "bergen")


@pytest.fixture(scope="module")
def gjovik() -> LocalFacts:
    return load_facts(EDITIONS, "gjovik")


def raw(edition: str) -> dict:
    return yamlio.load((EDITIONS / f"{edition}.yml").read_text(encoding="utf-8"))


# ---- The model ----


@pytest.mark.parametrize("edition", ["bergen", "gjovik"])
def test_every_edition_has_every_fact_a_box_can_ask_for(edition):
    facts = load_facts(EDITIONS, edition)
    for fields in LOCAL_TOPICS.values():
        for field in fields:
            assert getattr(facts, field) not in (None, []), f"{edition}: {field}"


@pytest.mark.parametrize("edition", ["bergen", "gjovik"])
def test_every_local_fact_has_a_source_and_a_check_date(edition):
    facts = load_facts(EDITIONS, edition)
    dated = list(dated_facts(facts))
    # Every municipality, hospital and legevakt, and each single fact, is dated.
    expected = (
        len(facts.municipalities)
        + len(facts.hospitals)
        + len(facts.legevakt)
        + len(facts.helplines)
        + sum(
            getattr(facts, f) is not None
            for f in (
                "governance",
                "health_trust",
                "statsforvalter",
                "ombud",
                "helsefellesskap",
                "test_arena",
                "cluster_about",
                "research",
                "owner",
            )
        )
    )
    assert len(dated) == expected
    for label, where, check_by, url in dated:
        assert where == f"data/editions/{edition}.yml"
        assert url.startswith("http") and isinstance(check_by, dt.date), label


def test_bergen_has_both_local_hospitals_and_the_legevakt_address(bergen):
    names = [h.name for h in bergen.hospitals]
    assert "Haukeland universitetssjukehus" in names and "Haraldsplass Diakonale Sykehus" in names
    haraldsplass = next(h for h in bergen.hospitals if h.name.startswith("Haraldsplass"))
    assert all(part in haraldsplass.note for part in ("Åsane", "Arna", "Bergenhus"))
    assert "Solheimsgaten 9" in bergen.legevakt[0].address


def test_gjovik_has_five_municipalities_each_with_its_own_link(gjovik):
    assert [m.name for m in gjovik.municipalities] == ["Gjøvik", "Østre Toten", "Vestre Toten", "Søndre Land", "Nordre Land"]
    assert len({str(m.url) for m in gjovik.municipalities}) == 5


# ---- The boxes ----


def test_the_kommune_box_reads_as_a_sentence_with_a_link_per_municipality(gjovik):
    box = local_box(gjovik, "kommune")
    assert "fem kommuner i Innlandet" in box
    assert "[Søndre Land](https://www.sondre-land.kommune.no/) og [Nordre Land]" in box
    for municipality in gjovik.municipalities:
        assert f"[{municipality.name}]({municipality.url})" in box


def test_the_kommune_box_of_a_single_municipality_links_it(bergen):
    assert local_box(bergen, "kommune").splitlines()[2].startswith("    [Bergen kommune](https://www.bergen.kommune.no/)")


def test_the_soknad_box_names_each_office_and_links_its_form(bergen, gjovik):
    box = local_box(bergen, "soknad")
    assert "avdeling nord og sentrum" in box and "[55 56 70 70](tel:+4755567070)" in box and "[Slik søker du](" in box
    box = local_box(gjovik, "soknad")
    assert "**Østre Toten:** Tildelingsenheten, telefon [948 60 733](tel:+4794860733)" in box
    # A switchboard number says so, and a page that is not a form says what it is.
    assert "[61 18 95 00](tel:+4761189500) (rådhusets sentralbord; be om Tildeling og koordinering)" in box
    assert "[Spørsmål og svar](https://www.vestre-toten.kommune.no/snarvei/sporsmal-og-svar/)" in box
    assert "[Slik søker du i Nordre Land](" in box


def test_a_municipality_without_a_confirmed_office_gets_its_own_website(gjovik):
    # Never another municipality's website.
    bare = [m.model_copy(update={"apply": []}) if m.name == "Vestre Toten" else m for m in gjovik.municipalities]
    box = local_box(gjovik.model_copy(update={"municipalities": bare}), "soknad")
    assert "[nettsiden til Vestre Toten kommune](https://www.vestre-toten.kommune.no/)" in box


def test_bergens_special_offices_stand_apart_from_the_area_offices(bergen):
    box = local_box(bergen, "soknad")
    areas, special = box.split("Noen søknader går til et eget kontor")
    assert "Vurderingskontor" in areas and "utviklingshemmede" not in areas
    assert "**Tjenester til mennesker med utviklingshemming:** Forvaltning tjenester til utviklingshemmede" in special
    assert "[408 18 874](tel:+4740818874)" in special and "[55 56 86 70](tel:+4755568670)" in special
    assert "Er du usikker på hvor du skal søke, ring et av kontorene." in special


# Offices whose own number (or the municipality's) was in no source INTRO could check; each says where the number is.
OFFICES_WITHOUT_A_CONFIRMED_NUMBER = {("gjovik", "Nordre Land")}


@pytest.mark.parametrize("edition", ["bergen", "gjovik"])
def test_every_office_has_a_phone_number(edition):
    facts = load_facts(EDITIONS, edition)
    offices = [(m.name, office) for m in facts.municipalities for office in m.apply]
    assert offices, edition
    lacking = {(edition, name) for name, office in offices if not office.phone}
    assert lacking == {key for key in OFFICES_WITHOUT_A_CONFIRMED_NUMBER if key[0] == edition}, (
        f"{edition}: offices without a phone number: {sorted(lacking)}"
    )
    for name, office in offices:
        assert office.phone or (office.phone_note and "nettsiden" in office.phone_note), (edition, name)
        if office.phone:
            assert re.fullmatch(r"\d{2,3}( \d{2,3}){1,3}", office.phone), (edition, name, office.phone)
    assert facts.ombud is not None and facts.ombud.phone, f"{edition}: the ombud has no phone number"
    assert "pasientogbrukerombudet.no" in str(facts.ombud.url), f"{edition}: the ombud link is not the ombud's own site"


def test_a_helpline_named_in_a_sentence_and_one_the_edition_lacks(bergen):
    assert telefon(bergen, "helsenorge") == "[23 32 70 00](tel:+4723327000)"
    problems = missing_facts(bergen, 'Ring {{ telefon("helsenorje") }}.\n', "docs/x.md", 3)
    assert len(problems) == 1 and problems[0].line == 4
    assert "helsenorje" in problems[0].message and "helsenorge" in problems[0].message
    assert "data/editions/bergen.yml" in problems[0].message


def test_the_sykehus_box_shows_a_decided_hospital_as_decided(gjovik):
    box = local_box(gjovik, "sykehus")
    assert "**Vedtatt: Mjøssykehuset i Moelv.**" in box and "Gjøvik og Hamar" in box
    assert "Helse Sør-Øst" in box


def test_the_legevakt_box_gives_address_phone_and_113(bergen, gjovik):
    box = local_box(bergen, "legevakt")
    assert "Solheimsgaten 9" in box and "+47 55 56 87 00" in box and "skadepoliklinikk" in box and "113" in box
    gil = local_box(gjovik, "legevakt")
    assert "Gjøvik interkommunale legevakt (GIL)** ligger ved akuttmottaket på sykehuset i Gjøvik" in gil


def test_the_ombud_statsforvalter_and_testing_boxes(bergen, gjovik):
    assert "Pasient- og brukerombudet i Vestland" in local_box(bergen, "ombud")
    assert f"]({bergen.statsforvalter.complaints_url})" in local_box(bergen, "statsforvalter")
    box = local_box(gjovik, "testing")
    assert "Verksted for integrerte helsetjenester" in box and "Slik kommer du i gang" in box
    # Lead time and agreement are not published: the box tells the reader to ask, and invents nothing.
    assert "Spør hvor lang tid det tar og hvilken avtale dere må inngå" in box


def test_the_testing_box_states_lead_time_and_agreement_when_the_edition_has_them(gjovik):
    arena = gjovik.test_arena.model_copy(update={"lead_time": "Regn med tre uker.", "agreement": "Dere signerer en testavtale."})
    box = local_box(gjovik.model_copy(update={"test_arena": arena}), "testing")
    assert "Regn med tre uker. Dere signerer en testavtale." in box and "Spør" not in box


def test_the_cluster_and_research_boxes_show_each_editions_own_environment(bergen, gjovik):
    cluster, research = local_box(bergen, "klynge"), local_box(bergen, "forskning")
    assert "Alrek helseklynge ble grunnlagt i 2016" in cluster and "Omsorgsteknologilaboratoriet" in cluster
    assert "Senter for omsorgsforskning vest" in research and "PraksisNett" in research
    assert "Helseinn kaller seg en folkehelseklynge" in local_box(gjovik, "klynge")
    assert "Senter for omsorgsforskning øst" in local_box(gjovik, "forskning") and "Alrek" not in local_box(gjovik, "forskning")


def test_every_box_is_an_indented_admonition(bergen, gjovik):
    for facts in (bergen, gjovik):
        for topic in LOCAL_TOPICS:
            lines = local_box(facts, topic).splitlines()
            assert lines[0].startswith('!!! info hos-oss "Slik er det hos oss')
            assert all(line.startswith("    ") for line in lines[1:] if line.strip()), (facts.id, topic)


def test_the_urgent_help_block_has_113_116117_and_the_legevakt(bergen, gjovik):
    block = urgent_help(bergen)
    assert "Ring [113](tel:113)" in block and "Ring [116 117](tel:116117)" in block and "Solheimsgaten 9" in block
    assert "fare for selvmord" in block
    gjovik_block = urgent_help(gjovik)
    assert "Gjøvik interkommunale legevakt" in gjovik_block and "Telefon [116 117](tel:116117)" in gjovik_block


def test_the_urgent_help_block_gives_the_crisis_lines(bergen, gjovik):
    for facts in (bergen, gjovik):
        block = urgent_help(facts)
        assert "Mental Helses hjelpetelefon: [116 123](tel:116123)" in block
        assert "Kirkens SOS: [22 40 00 40](tel:+4722400040)" in block
        assert "Helsenorge" not in block  # not a crisis line


def test_the_staff_block_sends_an_employee_to_113_hlr_and_the_nurse_never_to_116117(bergen, gjovik):
    block = staff_urgent_help(bergen)
    assert "Ring [113](tel:113)" in block and "HLR" in block and "hjertestarteren" in block and "sykepleieren på vakt" in block
    assert "Er du i tvil, start HLR" in block and "Bergen legevakt" in block
    assert "116 117" not in block and "fastlegen kan ta imot deg" not in block
    assert "Gjøvik interkommunale legevakt" in staff_urgent_help(gjovik) and "Bergen" not in staff_urgent_help(gjovik)
    # Both blocks can stand on one page: their landmarks have different names.
    landmark = re.compile(r'aria-label="([^"]+)"')
    assert landmark.search(urgent_help(bergen))[1] != landmark.search(block)[1]


# ---- When a fact must be checked again ----


def test_no_local_fact_is_due_today():
    for edition in ("bergen", "gjovik"):
        errors, warnings = due_dates(dated_facts(load_facts(EDITIONS, edition)), dt.date.today(), DEFAULT_GRACE_DAYS)
        assert (errors, warnings) == ([], []), edition
