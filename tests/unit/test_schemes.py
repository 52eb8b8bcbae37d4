"""Schemes a reader can apply to (data/schemes.yml): the model, where pages show them, the check date and the macro."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from macros.content.errors import AuthorError, ContentError
from macros.content.macro_calls import EVERY_SCHEME, scheme_uses
from macros.content.review import due_dates, scheme_checks
from macros.content.site import load_data
from macros.rendering.schemes import schemes
from tests.helpers import FIXTURE, load_fixture

SCHEME = {
    "id": "testordning",
    "name": "Testordningen",
    "owner": "Testrådet",
    "funds": "Tilskudd til å prøve ut noe nytt.",
    "applicants": "Kommuner søker.",
    "url": "https://example.org/ordning",
    "source": {"title": "Om testordningen", "publisher": "Testrådet", "url": "https://example.org/kilde"},
    "check_by": "2027-03-31",
}


def data_with(tmp_path: Path, entries: list[dict]) -> Path:
    """A copy of the fixture's data folder whose schemes file holds the entries given."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    (data / "schemes.yml").write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


def loaded(tmp_path: Path, entries: list[dict]) -> tuple[dict, list[AuthorError]]:
    errors: list[AuthorError] = []
    site = load_data(data_with(tmp_path, entries), errors)
    return site.schemes, errors


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"funds": "Tilskudd uten punktum"}, "«funds»"),
        ({"check_by": "snart"}, "«check_by»"),
        ({"source": {"title": "x", "publisher": "y"}}, "url"),
        ({"id": "Test Ordning"}, "«id»"),
        ({"eier": "Testrådet"}, "«eier»"),
    ],
)
def test_a_malformed_scheme_is_named_with_its_file_field_and_entry(tmp_path, change, expected):
    _, errors = loaded(tmp_path, [{**SCHEME, **change}])
    messages = " ".join(str(error) for error in errors)
    assert "data/schemes.yml" in messages and expected in messages and "oppføring nr. 1" in messages
    assert "pydantic" not in messages and "Traceback" not in messages


def test_a_scheme_written_twice_is_refused(tmp_path):
    _, errors = loaded(tmp_path, [SCHEME, SCHEME])
    assert any("«testordning» står flere ganger" in str(error) for error in errors)


def test_uses_finds_every_call_and_the_calls_that_show_all():
    pages = {
        "kapitler/a.md": "Tekst\n{{ ordninger(\"pilot-helse\", 'skattefunn') }}\n",
        "kapitler/b.md": "{{ ordninger() }}\n\n{{ ordninger( ) }}",
    }
    assert scheme_uses({uri: (text, 0) for uri, text in pages.items()}) == {
        "pilot-helse": [("kapitler/a.md", 2)],
        "skattefunn": [("kapitler/a.md", 2)],
        EVERY_SCHEME: [("kapitler/b.md", 1), ("kapitler/b.md", 3)],
    }


def test_an_unknown_scheme_in_a_page_is_named_with_its_page_and_line(tmp_path):
    text = '---\ntitle: Ny side\nsummary: En side.\n---\n\nTekst.\n\n{{ ordninger("finnes-ikke") }}\n'
    with pytest.raises(ContentError) as caught:
        load_fixture(data_with(tmp_path, [SCHEME]), [("ny.md", text)])
    message = str(caught.value)
    assert "docs/ny.md" in message and "«finnes-ikke»" in message and "data/schemes.yml" in message
    assert "linje 8" in message


def test_a_scheme_past_its_check_date_reminds_then_fails_naming_its_source_and_pages(tmp_path):
    found, errors = loaded(tmp_path, [SCHEME])
    assert not errors
    checks = scheme_checks(
        found, {"testordning": [("kapitler/innovasjon.md", 4)], EVERY_SCHEME: [("kapitler/selge-og-utvikle.md", 9)]}
    )
    assert due_dates(checks, dt.date(2027, 3, 31), grace_days=90) == ([], [])
    errors, warnings = due_dates(checks, dt.date(2027, 4, 15), grace_days=90)
    assert not errors and len(warnings) == 1 and "testordning" in warnings[0] and "example.org/kilde" in warnings[0]
    errors, warnings = due_dates(checks, dt.date(2027, 8, 1), grace_days=90)
    assert len(errors) == 1 and not warnings
    message = str(errors[0])
    for expected in (
        "data/schemes.yml",
        "«check_by»",
        "«testordning»",
        "Testrådet",
        "docs/kapitler/innovasjon.md",
        "docs/kapitler/selge-og-utvikle.md",
        "på overtid",
    ):
        assert expected in message


def test_the_macro_shows_the_schemes_asked_for_in_order_or_all_of_them(tmp_path):
    other = {**SCHEME, "id": "annen", "name": "Annen ordning", "note": "Fristen er i mars."}
    found, errors = loaded(tmp_path, [SCHEME, other])
    assert not errors
    site = load_data(data_with(tmp_path / "again", [SCHEME, other]), [])
    some = schemes(site, "annen", "testordning", "kapitler/x.md")
    assert some.index("**Annen ordning**") < some.index("**Testordningen**")
    assert "[Testordningen hos Testrådet](https://example.org/ordning)" in some and "Fristen er i mars." in some
    every = schemes(site, "kapitler/x.md")
    assert every.index("**Annen ordning**") < every.index("**Testordningen**")  # alphabetical
    only = schemes(site, "testordning", "kapitler/x.md")
    assert "Annen ordning" not in only and "Godt å vite" not in only
