"""Local facts without building: the edition data model, the boxes' text, and when a fact must be checked."""

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.content.errors import ContentError
from macros.content.local import and_list, dated_facts, load_facts, local_box, missing_facts, urgent_help
from macros.content.model import LOCAL_TOPICS, LocalFacts
from macros.content.review import DEFAULT_GRACE_DAYS, due_dates
from macros.content import yamlio

ROOT = Path(__file__).resolve().parents[2]
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
    expected = (len(facts.municipalities) + len(facts.hospitals) + len(facts.legevakt)
                + sum(getattr(facts, f) is not None for f in ("governance", "health_trust", "statsforvalter",
                                                              "ombud", "helsefellesskap", "test_arena", "owner")))
    assert len(dated) == expected
    for label, where, check_by, url in dated:
        assert where == f"data/editions/{edition}.yml"
        assert url.startswith("http") and isinstance(check_by, dt.date), label


@pytest.mark.parametrize("field, value", [
    ("source", None),
    ("check_by", "snart"),
    ("url", "bergen.kommune.no"),
    ("navn", "stavefeil i feltnavn"),
])
def test_a_municipality_without_a_valid_source_date_or_link_is_rejected(field, value):
    data = raw("bergen")
    municipality = data["municipalities"][0]
    if value is None:
        del municipality[field]
    else:
        municipality[field] = value
    with pytest.raises(ValidationError):
        LocalFacts.model_validate(data)


def test_a_fact_without_a_check_date_fails_naming_the_file_and_field(tmp_path):
    text = (EDITIONS / "gjovik.yml").read_text(encoding="utf-8")
    (tmp_path / "gjovik.yml").write_text(text.replace("    check_by: 2027-02-28\n", "", 1), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_facts(tmp_path, "gjovik")
    assert "data/editions/gjovik.yml" in str(error.value) and "check_by" in str(error.value)


def test_bergen_has_both_local_hospitals_and_the_legevakt_address(bergen):
    names = [h.name for h in bergen.hospitals]
    assert "Haukeland universitetssjukehus" in names and "Haraldsplass Diakonale Sykehus" in names
    haraldsplass = next(h for h in bergen.hospitals if h.name.startswith("Haraldsplass"))
    assert all(part in haraldsplass.note for part in ("Åsane", "Arna", "Bergenhus"))
    assert "Solheimsgaten 9" in bergen.legevakt[0].address


def test_gjovik_has_five_municipalities_each_with_its_own_link(gjovik):
    assert [m.name for m in gjovik.municipalities] == ["Gjøvik", "Østre Toten", "Vestre Toten", "Søndre Land",
                                                        "Nordre Land"]
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
    assert "avdeling nord og sentrum" in box and "55 56 70 70" in box and "[Slik søker du](" in box
    box = local_box(gjovik, "soknad")
    assert "**Østre Toten:** Tildelingsenheten, telefon 948 60 733" in box
    # A municipality without a confirmed office gets its own website, never another municipality's.
    assert "[nettsiden til Vestre Toten kommune](https://www.vestre-toten.kommune.no/)" in box


def test_the_sykehus_box_shows_a_decided_hospital_as_decided(gjovik):
    box = local_box(gjovik, "sykehus")
    assert "**Vedtatt: Mjøssykehuset i Moelv.**" in box and "Gjøvik og Hamar" in box
    assert "Helse Sør-Øst" in box


def test_the_legevakt_box_gives_address_phone_and_113(bergen, gjovik):
    box = local_box(bergen, "legevakt")
    assert "Solheimsgaten 9" in box and "+47 55 56 87 00" in box and "skadepoliklinikk" in box and "113" in box
    assert "Gjøvik interkommunale legevakt (GIL)** ligger ved sykehuset i Gjøvik" in local_box(gjovik, "legevakt")


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


def test_every_box_is_an_indented_admonition(bergen, gjovik):
    for facts in (bergen, gjovik):
        for topic in LOCAL_TOPICS:
            lines = local_box(facts, topic).splitlines()
            assert lines[0].startswith('!!! info hos-oss "Slik er det hos oss')
            assert all(line.startswith("    ") for line in lines[1:] if line.strip()), (facts.id, topic)


def test_the_urgent_help_block_has_113_116117_and_the_legevakt(bergen, gjovik):
    block = urgent_help(bergen)
    assert "Ring 113" in block and "Ring 116 117" in block and "Solheimsgaten 9" in block
    assert "Gjøvik interkommunale legevakt" in urgent_help(gjovik)


def test_and_list():
    assert and_list(["a"]) == "a"
    assert and_list(["a", "b"]) == "a og b"
    assert and_list(["a", "b", "c"]) == "a, b og c"


# ---- A box asking for a fact the edition lacks ----

def test_a_box_or_the_urgent_block_asking_for_a_missing_fact_names_fact_and_line(bergen):
    lacking = bergen.model_copy(update={"ombud": None, "legevakt": []})
    problems = missing_facts(lacking, "Tekst\n{{ hos_oss(\"ombud\") }}\n{{ akutt_hjelp() }}\n", "docs/x.md", 5)
    assert [(p.line, "«ombud»" in p.message or "«legevakt»" in p.message) for p in problems] == [(7, True), (8, True)]
    assert "data/editions/bergen.yml" in problems[0].message


def test_an_unknown_topic_lists_the_known_ones(bergen):
    [problem] = missing_facts(bergen, '{{ hos_oss("ukjent") }}', "docs/x.md", 0)
    assert "testing" in problem.message and "ombud" in problem.message


# ---- When a fact must be checked again (the rule shared with the figures) ----

ON = dt.date(2026, 11, 29)


def item(days_ago: int, label: str = "legevakt «Bergen legevakt»") -> tuple[str, str, dt.date, str]:
    return (label, "data/editions/bergen.yml", ON - dt.timedelta(days=days_ago), "https://example.org/kilde")


def test_a_fact_not_yet_due_is_quiet():
    assert due_dates([item(0), item(-30)], ON, DEFAULT_GRACE_DAYS) == ([], [])


def test_a_fact_past_its_date_gives_a_reminder_naming_fact_file_and_source():
    errors, [warning] = due_dates([item(1)], ON, DEFAULT_GRACE_DAYS)
    assert errors == []
    assert "data/editions/bergen.yml" in warning and "Bergen legevakt" in warning and "https://example.org/kilde" in warning


def test_a_fact_past_the_grace_period_fails_naming_fact_file_and_source():
    errors, warnings = due_dates([item(DEFAULT_GRACE_DAYS), item(DEFAULT_GRACE_DAYS + 1, "ombud")], ON,
                                 DEFAULT_GRACE_DAYS)
    assert len(warnings) == 1 and len(errors) == 1
    message = str(errors[0])
    assert message.startswith("data/editions/bergen.yml: feltet «check_by» ombud skulle vært sjekket")
    assert "ombud" in message and "https://example.org/kilde" in message and f"{DEFAULT_GRACE_DAYS + 1} dager" in message


def test_no_local_fact_is_due_today():
    for edition in ("bergen", "gjovik"):
        errors, warnings = due_dates(dated_facts(load_facts(EDITIONS, edition)), dt.date.today(), DEFAULT_GRACE_DAYS)
        assert (errors, warnings) == ([], []), edition
