"""Law changes on the watch list (data/law-changes.yml): the data, the «Reglene endres» note on the pages it
names, and the reminders when a change has come into force and its pages have not been reviewed since."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.content.errors import ContentError
from macros.content.model import LawChange
from macros.content.review import due_dates, law_change_checks, unreviewed_law_changes
from macros.content.site import Site, load_site
from macros.rendering.render import law_change_notes
from tests.helpers import CHANGE, real_chapters, start_pages, watching

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(ROOT / "data", start_pages() + real_chapters())


def test_the_real_watch_list_names_pages_that_exist(site):
    assert site.law_changes, "data/law-changes.yml is empty"
    for change in site.law_changes:
        assert site.law_change_pages[change.id], change.id
        assert all(page in site.page_uris for page in site.law_change_pages[change.id])


def test_a_page_that_does_not_exist_is_named_in_norwegian(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    watch = data / "law-changes.yml"
    watch.write_text(watch.read_text(encoding="utf-8").replace("pages: [folkehelse]", "pages: [folkehelsa]"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_site(data, start_pages() + real_chapters())
    assert "data/law-changes.yml: feltet «pages» Lovendringen «folkehelseloven-2025» viser til «folkehelsa»" in str(raised.value)


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"in_force": "snart"}, "in_force"),
        ({"pages": []}, "pages"),
        ({"change": "Uten punktum"}, "change"),
        ({"source": None}, "source"),
    ],
)
def test_a_malformed_change_is_refused(fields, expected):
    with pytest.raises(ValidationError) as raised:
        LawChange.model_validate({**CHANGE, **fields})
    assert expected in str(raised.value)


def test_an_adopted_change_called_a_proposal_is_refused_in_norwegian(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    watch = data / "law-changes.yml"
    text = watch.read_text(encoding="utf-8")
    assert "    Den forskningsansvarlige virksomheten, for eksempel" in text, "data/law-changes.yml has changed"
    watch.write_text(
        text.replace("    Den forskningsansvarlige", "    Forslaget gir den forskningsansvarlige", 1), encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_site(data, start_pages() + real_chapters())
    message = str(raised.value)
    assert "data/law-changes.yml" in message and "«helseforskningsloven-2025»" in message
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
    for expected in (
        "Stortinget har behandlet endringer i forvaltningsloven (Prop. 79 L (2024–2025)).",
        "En ny lov erstatter loven fra 1967.",
        "Sjekk i kilden når endringene gjelder fra.",
        "[Innst. 478 L (2024–2025) hos Stortinget](https://www.stortinget.no/no/Saker-og-publikasjoner/)",
    ):
        assert expected in note
    assert law_change_notes(watching(site), "kapitler/folkehelse.md") == ""


@pytest.mark.parametrize(
    "fields, expected",
    [
        (
            {"adopted": "2025-06-18", "in_force": "2027-01-01"},
            ["Stortinget vedtok 18. juni 2025 endringer", "Endringene gjelder fra 1. januar 2027."],
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


def test_the_real_adopted_change_is_told_as_adopted_not_as_a_proposal(site):
    note = law_change_notes(site, "kapitler/forskning-i-kommunen.md")
    assert "Stortinget vedtok 4. juni 2025 endringer i helseforskningsloven" in note
    assert "forslag" not in note.lower()


def test_the_note_goes_when_the_chapter_is_reviewed_after_the_change_came_into_force(site):
    reviewed = site.chapters["lovene"].meta.last_reviewed
    assert law_change_notes(watching(site, in_force=reviewed + dt.timedelta(days=1)), "kapitler/lovene.md")
    assert law_change_notes(watching(site, in_force=reviewed), "kapitler/lovene.md") == ""


# ---- Reminders ----


def test_a_passed_in_force_date_reminds_about_each_page_not_reviewed_since(site):
    reviewed = site.chapters["lovene"].meta.last_reviewed
    in_force = reviewed + dt.timedelta(days=10)
    watched = watching(site, ("kapitler/lovene.md", "slik-gjor-du/klage.md"), in_force=in_force)
    assert unreviewed_law_changes(watched, in_force - dt.timedelta(days=1)) == []
    reminders = unreviewed_law_changes(watched, in_force)
    assert len(reminders) == 2
    assert reminders[0].startswith("docs/kapitler/lovene.md: Lovendringen «ny-lov» (forvaltningsloven) gjelder fra")
    assert f"sist gjennomgått {reviewed}" in reminders[0] and "last_reviewed" in reminders[0]
    assert reminders[1].startswith("docs/slik-gjor-du/klage.md:")  # a page without review dates: until taken off
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
