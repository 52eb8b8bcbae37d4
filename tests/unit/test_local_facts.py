"""Local facts without building, on the fixture edition: the edition data model, a box asking for a fact the
edition lacks, phone links, and when a fact must be checked (the real editions' facts: tests/content/)."""

import datetime as dt

import pytest
from pydantic import ValidationError

from macros.content import yamlio
from macros.content.errors import ContentError
from macros.content.local import load_facts, missing_facts
from macros.content.model import LocalFacts
from macros.content.review import DEFAULT_GRACE_DAYS, due_dates
from macros.rendering.local_boxes import and_list, tel
from tests.helpers import EDITION, FIXTURE

EDITIONS = FIXTURE / "data/editions"
FACTS = f"data/editions/{EDITION}.yml"


@pytest.fixture(scope="module")
def facts() -> LocalFacts:
    return load_facts(EDITIONS, EDITION)


def raw() -> dict:
    return yamlio.load((EDITIONS / f"{EDITION}.yml").read_text(encoding="utf-8"))


# When a fact must be checked again (the rule shared with the figures).
ON = dt.date(2026, 11, 29)


@pytest.mark.parametrize(
    "field, value",
    [
        ("source", None),
        ("check_by", "snart"),
        ("url", "www.kommune.example.org"),
        ("navn", "stavefeil i feltnavn"),
    ],
)
def test_a_municipality_without_a_valid_source_date_or_link_is_rejected(field, value):
    data = raw()
    municipality = data["municipalities"][0]
    if value is None:
        del municipality[field]
    else:
        municipality[field] = value
    with pytest.raises(ValidationError):
        LocalFacts.model_validate(data)


def test_a_fact_without_a_check_date_fails_naming_the_file_and_field(tmp_path):
    text = (EDITIONS / f"{EDITION}.yml").read_text(encoding="utf-8")
    assert "    check_by: 2027-06-30\n" in text, "the fixture has changed"
    (tmp_path / f"{EDITION}.yml").write_text(text.replace("    check_by: 2027-06-30\n", "", 1), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_facts(tmp_path, EDITION)
    assert FACTS in str(error.value) and "check_by" in str(error.value)


def test_a_number_becomes_a_link_a_phone_can_call():
    assert tel("55 56 70 70") == "[55 56 70 70](tel:+4755567070)"
    assert tel("948 60 733") == "[948 60 733](tel:+4794860733)"
    assert tel("116 117") == "[116 117](tel:116117)" and tel("113") == "[113](tel:113)"
    assert tel("+47 55 56 87 00") == "[+47 55 56 87 00](tel:+4755568700)"


def test_and_list():
    assert and_list(["a"]) == "a"
    assert and_list(["a", "b"]) == "a og b"
    assert and_list(["a", "b", "c"]) == "a, b og c"


def test_a_box_or_the_urgent_block_asking_for_a_missing_fact_names_fact_and_line(facts):
    lacking = facts.model_copy(update={"ombud": None, "legevakt": []})
    problems = missing_facts(
        lacking, 'Tekst\n{{ hos_oss("ombud") }}\n{{ akutt_hjelp() }}\n{{ akutt_hjelp_ansatte() }}\n', "docs/x.md", 5
    )
    assert [(p.line, "«ombud»" in p.message or "«legevakt»" in p.message) for p in problems] == [(7, True), (8, True), (9, True)]
    assert "akutt_hjelp_ansatte()" in problems[2].message
    assert FACTS in problems[0].message


def test_an_unknown_topic_lists_the_known_ones(facts):
    [problem] = missing_facts(facts, '{{ hos_oss("ukjent") }}', "docs/x.md", 0)
    assert "testing" in problem.message and "ombud" in problem.message


def item(days_ago: int, label: str = "legevakt «Bergen legevakt»") -> tuple[str, str, dt.date, str]:
    return (label, "data/editions/bergen.yml", ON - dt.timedelta(days=days_ago), "https://example.org/kilde")


def test_a_fact_not_yet_due_is_quiet():
    assert due_dates([item(0), item(-30)], ON, DEFAULT_GRACE_DAYS) == ([], [])


def test_a_fact_past_its_date_gives_a_reminder_naming_fact_file_and_source():
    errors, [warning] = due_dates([item(1)], ON, DEFAULT_GRACE_DAYS)
    assert errors == []
    assert "data/editions/bergen.yml" in warning and "Bergen legevakt" in warning and "https://example.org/kilde" in warning


def test_a_fact_past_the_grace_period_fails_naming_fact_file_and_source():
    errors, warnings = due_dates([item(DEFAULT_GRACE_DAYS), item(DEFAULT_GRACE_DAYS + 1, "ombud")], ON, DEFAULT_GRACE_DAYS)
    assert len(warnings) == 1 and len(errors) == 1
    message = str(errors[0])
    assert message.startswith("data/editions/bergen.yml: feltet «check_by» ombud skulle vært sjekket")
    assert "ombud" in message and "https://example.org/kilde" in message and f"{DEFAULT_GRACE_DAYS + 1} dager" in message
