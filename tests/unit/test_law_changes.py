"""Law changes on the watch list (data/law-changes.yml): the data, the «Reglene endres» note on the pages it
names, and the reminders when a change has come into force and its pages have not been reviewed since. On the
fixture project (the real watch list: tests/content/)."""

import datetime as dt
import shutil

import pytest
import yaml
from pydantic import ValidationError

from macros.content.errors import ContentError
from macros.content.model import LawChange
from macros.content.review import due_dates, law_change_checks, unreviewed_law_changes
from macros.content.site import Site
from macros.rendering.render import law_change_notes
from tests.helpers import CHANGE, FIXTURE, fixture_site, load_fixture, watching


@pytest.fixture(scope="module")
def site() -> Site:
    return fixture_site()


def test_a_watch_list_loads_with_the_pages_it_names_and_a_page_that_does_not_exist_is_named(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    watch = data / "law-changes.yml"
    change = {**CHANGE, "pages": ["lovene", "studenter.md"]}
    watch.write_text(yaml.safe_dump([change], allow_unicode=True), encoding="utf-8")
    site = load_fixture(data)
    assert [c.id for c in site.law_changes] == ["ny-lov"]
    assert site.law_change_pages["ny-lov"] == ("kapitler/lovene.md", "studenter.md")
    watch.write_text(yaml.safe_dump([{**change, "pages": ["lovena"]}], allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_fixture(data)
    assert "data/law-changes.yml: feltet «pages» Lovendringen «ny-lov» viser til «lovena»" in str(raised.value)


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"in_force": "snart"}, "in_force"),
        ({"pages": []}, "pages"),
        ({"change": "Uten punktum"}, "change"),
        ({"source": None}, "source"),
        ({"adopted": 25}, "adopted"),
    ],
)
def test_a_malformed_change_is_refused(fields, expected):
    with pytest.raises(ValidationError) as raised:
        LawChange.model_validate({**CHANGE, **fields})
    assert expected in str(raised.value)


def test_an_adopted_change_called_a_proposal_is_refused_in_norwegian(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    adopted = {**CHANGE, "adopted": "2025-06-04", "change": "Forslaget gir kommunen en ny plikt."}
    (data / "law-changes.yml").write_text(yaml.safe_dump([adopted], allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_fixture(data)
    message = str(raised.value)
    assert "data/law-changes.yml" in message and "«ny-lov»" in message
    assert "«change» kaller endringen et forslag, men Stortinget har vedtatt den (adopted)" in message


@pytest.mark.parametrize(
    "change", ["Forslaget gir REK mindre å gjøre.", "Departementet foreslår en ny lov.", "Lovforslaget er vedtatt."]
)
def test_a_proposal_is_no_proposal_once_adopted(change):
    LawChange.model_validate({**CHANGE, "change": change})  # not adopted: the note itself says it is proposed
    with pytest.raises(ValidationError) as raised:
        LawChange.model_validate({**CHANGE, "change": change, "adopted": "2025-06-04"})
    assert "kaller endringen et forslag" in str(raised.value)


# ---- The note on the pages ----


def test_the_note_shows_on_the_pages_named_with_what_changes_and_where_to_read(site):
    note = law_change_notes(watching(site), "kapitler/lovene.md")
    assert note.startswith('!!! warning "Reglene endres"')
    # The sentences stand in the box, indented under its title, on one line.
    assert '"Reglene endres"\n\n    En komité på Stortinget har gitt sin innstilling' in note
    for expected in (
        "En komité på Stortinget har gitt sin innstilling om endringer i forvaltningsloven (Prop. 79 L (2024–2025)).",
        "Vi har ikke bekreftet at Stortinget har vedtatt dem.",
        "En ny lov erstatter loven fra 1967.",
        "Sjekk i kilden når endringene gjelder fra.",
        "[Innst. 478 L (2024–2025) hos Stortinget](https://www.stortinget.no/no/Saker-og-publikasjoner/)",
    ):
        assert expected in note
    assert law_change_notes(watching(site), "kapitler/klage.md") == ""


@pytest.mark.parametrize(
    "fields, expected",
    [
        (
            {"adopted": "2025-06-18", "in_force": "2027-01-01"},
            ["Stortinget vedtok 18. juni 2025 endringer", "Endringene gjelder fra 1. januar 2027."],
        ),
        (
            {
                "adopted": 2025,
                "source": {
                    "title": "helsetilsynsloven",
                    "publisher": "Lovdata",
                    "url": "https://lovdata.no/dokument/NL/lov/2017-12-15-107",
                },
            },
            [
                "Stortinget vedtok i 2025 endringer i forvaltningsloven",
                "[helsetilsynsloven hos Lovdata](https://lovdata.no/dokument/NL/lov/2017-12-15-107)",
            ],
        ),
        (
            {"new_law": True, "adopted": "2025-06-16"},
            ["Stortinget vedtok 16. juni 2025 en ny lov som skal erstatte forvaltningsloven"],
        ),
        (
            {"new_law": True},
            ["har gitt sin innstilling om en ny lov som skal erstatte forvaltningsloven", "har vedtatt den."],
        ),
        (
            {"recommendation": None, "in_force": "ikke fastsatt"},
            ["Regjeringen har foreslått endringer", "Det er ikke bestemt når", "[Prop. 79 L (2024–2025) hos Stortinget]"],
        ),
    ],
)
def test_the_note_says_what_is_known(site, fields, expected):
    note = law_change_notes(watching(site, **fields), "kapitler/lovene.md")
    assert all(text in note for text in expected), note


def test_the_note_goes_when_the_chapter_is_reviewed_after_the_change_came_into_force(site):
    reviewed = site.chapters["lovene"].meta.last_reviewed
    assert law_change_notes(watching(site, in_force=reviewed + dt.timedelta(days=1)), "kapitler/lovene.md")
    assert law_change_notes(watching(site, in_force=reviewed), "kapitler/lovene.md") == ""


# ---- Reminders ----


def test_a_passed_in_force_date_reminds_about_each_page_not_reviewed_since(site):
    reviewed = site.chapters["lovene"].meta.last_reviewed
    in_force = reviewed + dt.timedelta(days=10)
    watched = watching(site, ("kapitler/lovene.md", "studenter.md"), in_force=in_force)
    assert unreviewed_law_changes(watched, in_force - dt.timedelta(days=1)) == []
    reminders = unreviewed_law_changes(watched, in_force)
    assert len(reminders) == 2
    assert reminders[0].startswith("docs/kapitler/lovene.md: Lovendringen «ny-lov» (forvaltningsloven) gjelder fra")
    assert f"sist gjennomgått {reviewed}" in reminders[0] and "last_reviewed" in reminders[0]
    assert reminders[1].startswith("docs/studenter.md:")  # a page without review dates: until taken off
    reviewed_since = watching(site, in_force=reviewed)
    assert unreviewed_law_changes(reviewed_since, reviewed + dt.timedelta(days=30)) == []
    assert unreviewed_law_changes(watching(site, in_force=None), dt.date(2030, 1, 1)) == []


def test_a_watched_change_is_checked_again_by_its_date(site):
    checks = law_change_checks(watching(site).law_changes)
    assert due_dates(checks, dt.date(2027, 2, 1), 90) == ([], [])
    errors, warnings = due_dates(checks, dt.date(2027, 2, 2), 90)
    assert not errors and warnings[0].startswith("data/law-changes.yml: Lovendringen «ny-lov»")
    errors, _ = due_dates(checks, dt.date(2027, 6, 1), 90)
    assert "data/law-changes.yml" in str(errors[0]) and "stortinget.no" in str(errors[0])
