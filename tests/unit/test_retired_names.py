"""Retired names and ended schemes: found in each kind of file as if they were current, and let through where the
text tells the history or a source keeps its own title. With the fixture's four names (tests/fixtures/site/data/
retired-names.yml); the real list's own sentences are in tests/content/test_retired_names.py."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.checks.retired_names import advice, in_markdown, in_text, in_yaml, tells_history, uses_as_current
from macros.content import yamlio
from macros.content.model import RetiredName
from macros.content.site import DATA_FILES
from tests.helpers import FIXTURE, chapter_text

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def names() -> list[RetiredName]:
    return _all()


def found(text: str, names: list[RetiredName]) -> list[str]:
    return [use.found for use in in_markdown(text, names)]


# ---- What is refused ----

# Word forms and compounds of the fixture's names.
USED_AS_CURRENT = [
    ("Fylkesmannen behandler klagen din.", "Fylkesmannen"),
    ("Direktoratet for e-helse har ansvaret for de nasjonale e-helseløsningene.", "Direktoratet for e-helse"),
    ("Regionale forskningsfond i fylkene gir støtte til slike prosjekter.", "Regionale forskningsfond"),
    ("Send klagen til Fylkesmannens helseavdeling.", "Fylkesmannens"),
    ("Spør fylkesmannen i Vestland.", "fylkesmannen"),
    ("Saken går til fylkesmannsembetet.", "fylkesmannsembetet"),
    ("Du møter skolehelsesøsteren på skolen.", "skolehelsesøsteren"),
    ("Helsesøstrene jobber på helsestasjonen.", "Helsesøstrene"),
]


@pytest.mark.parametrize("text, expected", USED_AS_CURRENT)
def test_a_retired_name_used_as_current_is_found(text, expected, names):
    assert found(text, names) == [expected]


def test_a_sentence_over_two_lines_is_read_as_one_and_the_line_is_the_names():
    text = "Første avsnitt.\n\nKlagen går til\nFylkesmannen, som avgjør den.\n"
    assert [(use.line, use.found) for use in in_markdown(text, names_for("Fylkesmannen"))] == [(4, "Fylkesmannen")]


def names_for(name: str) -> list[RetiredName]:
    return [entry for entry in _all() if entry.name == name]


def _all() -> list[RetiredName]:
    entries = yamlio.load((FIXTURE / "data" / DATA_FILES["retired_names"]).read_text(encoding="utf-8"))
    return [RetiredName.model_validate(entry) for entry in entries]


# ---- What passes ----

HISTORY = [
    "Statsforvalteren het tidligere Fylkesmannen.",
    "Før 2021 het den Fylkesmannen.",
    "Direktoratet for e-helse ble slått sammen med Helsedirektoratet i 2024.",
    "Direktoratet for e-helse finnes ikke lenger.",
    "Regionale forskningsfond ble lagt ned i 2024.",
    "Tittelen helsesøster ble erstattet av helsesykepleier.",
    "Statsforvalteren. Tidligere navn: Fylkesmannen.",
]
NOT_NAMES = [
    "Statsforvalteren behandler klagen din.",
    "Helsedirektoratet har ansvaret for de nasjonale e-helseløsningene.",
    "Se [statsforvalteren](https://www.fylkesmannen.no/vestland/) og `fylkesmannen.no`.",  # an address, code
]


@pytest.mark.parametrize("text", HISTORY)
def test_a_sentence_that_tells_the_history_passes(text, names):
    assert found(text, names) == []


@pytest.mark.parametrize("text", NOT_NAMES)
def test_current_names_addresses_and_words_that_only_look_alike_pass(text, names):
    assert found(text, names) == []


def test_a_link_text_is_prose(names):
    assert found("Les [om Fylkesmannen](https://www.statsforvalteren.no/).", names) == ["Fylkesmannen"]


def test_the_history_belongs_to_its_own_sentence(names):
    text = "Statsforvalteren het tidligere Fylkesmannen. Fylkesmannen behandler klagen din."
    assert found(text, names) == ["Fylkesmannen"]


def test_code_blocks_and_template_code_are_not_prose(names):
    assert found('```text\nFylkesmannen\n```\n\n{{ tall("velferdsteknologiprogrammet-kommuner") }}\n', names) == []


def test_tells_history_also_when_the_sentence_names_what_replaced_it(names):
    fylkesmannen = names_for("Fylkesmannen")[0]
    assert tells_history("Fylkesmannen er i dag Statsforvalteren.", fylkesmannen)
    assert not tells_history("Fylkesmannen behandler klagen.", fylkesmannen)


# ---- The advice ----


def test_the_advice_is_norwegian_and_says_what_to_write(names):
    renamed = advice(in_text("Fylkesmannen behandler klagen din.", names)[0])
    assert "«Fylkesmannen» står som om det gjelder i dag" in renamed and "Skriv «Statsforvalteren»" in renamed
    assert "het tidligere Fylkesmannen" in renamed and "2021" in renamed
    ended = advice(in_text("Regionale forskningsfond gir støtte.", names)[0])
    assert "avviklet" in ended and "ble lagt ned i 2024" in ended and "Skriv «" not in ended


def test_every_entry_names_its_replacement_unless_it_ended_and_cites_a_source():
    entry = {
        "name": "Gammelt",
        "forms": ["Gammelt"],
        "kind": "etat",
        "since": 2020,
        "what": "Det skjedde.",
        "source": {"title": "Kilde", "publisher": "Regjeringen", "url": "https://www.regjeringen.no/"},
    }
    with pytest.raises(ValidationError, match="replaced_by"):
        RetiredName.model_validate(entry)
    assert RetiredName.model_validate({**entry, "ended": True}).ended
    with pytest.raises(ValidationError, match="source"):
        RetiredName.model_validate({**entry, "replaced_by": ["Nytt"], "source": None})


# ---- Each kind of file ----


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """A copy of the fixture's data, for a test to add a mistake to."""
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", copy)
    return copy


def messages(data_dir: Path, pages: dict[str, str], names: list[RetiredName], on: dt.date = TODAY) -> list[str]:
    return [str(error) for error in uses_as_current(data_dir, pages, names, on)]


def test_a_chapter_is_named_with_the_line_in_its_text_and_in_its_front_matter(data_dir, names):
    text = chapter_text(id="ny", key_points=["Fylkesmannen fører tilsyn.", "To.", "Tre."])
    text += "\nAndre avsnitt.\n\nRegionale forskningsfond gir støtte.\n"
    found_messages = messages(data_dir, {"kapitler/ny.md": text}, names)
    lines = text.splitlines()
    assert any(
        m.startswith(f"docs/kapitler/ny.md, linje {lines.index('- Fylkesmannen fører tilsyn.') + 1}:") for m in found_messages
    ), found_messages
    assert any(
        m.startswith(f"docs/kapitler/ny.md, linje {len(lines)}:") and "«Regionale forskningsfond»" in m for m in found_messages
    ), found_messages


def test_a_chapters_own_sources_keep_their_titles(data_dir, names):
    sources = [
        {
            "title": "Kjønnsnøytral tittel på Fylkesmannen",
            "publisher": "Fylkesmannen i Vestland",
            "url": "https://www.fylkesmannen.no/",
        }
    ] * 3
    assert messages(data_dir, {"kapitler/ny.md": chapter_text(id="ny", sources=sources)}, names) == []


def test_a_glossary_entry_is_named_with_its_file_and_line(data_dir, names):
    glossary = data_dir / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(
        text + "\n- term: tilsyn\n  definition: Kontroll som Fylkesmannen gjør.\n  english: supervision\n", encoding="utf-8"
    )
    found_messages = [m for m in messages(data_dir, {}, names) if m.startswith("data/glossary.yml")]
    assert len(found_messages) == 1
    assert found_messages[0].startswith(f"data/glossary.yml, linje {len(text.splitlines()) + 3}: «Fylkesmannen»")


def test_a_self_check_is_named_and_its_history_passes(data_dir, names):
    check = data_dir / "selvtest" / "lovene.yml"
    text = check.read_text(encoding="utf-8")
    question = (
        "questions:\n  - goal: 1\n    kind: true_false\n    question: Helsesøsteren gir vaksiner.\n"
        "    section: x\n    answer: true\n    feedback: Tittelen het helsesøster før 2019."
    )
    check.write_text(text.replace("questions:", question, 1) + "# Helsesøstre\n", encoding="utf-8")
    found_messages = [m for m in messages(data_dir, {}, names) if "selvtest" in m]
    line = text[: text.index("questions:")].count("\n") + 4
    assert len(found_messages) == 1, found_messages  # the feedback tells the history; a comment is not a field
    assert found_messages[0].startswith(f"data/selvtest/lovene.yml, linje {line}: «Helsesøsteren»")
    assert "Skriv «helsesykepleier»" in found_messages[0]


@pytest.mark.parametrize(
    "path, extra, name",
    [
        ("figures.yml", "- label: Klager behandlet av Fylkesmannen\n", "«Fylkesmannen»"),
        ("editions/prove.yml", "extra:\n  name: Direktoratet for e-helse i Prøveby\n", "«Direktoratet for e-helse»"),
        ("programmes/forste-dag.yml", "extra:\n  what: Gruppen snakker med helsesøsteren.\n", "«helsesøsteren»"),
    ],
)
def test_a_data_file_is_named_with_its_line(data_dir, names, path, extra, name):
    file = data_dir / path
    text = file.read_text(encoding="utf-8").rstrip("\n") + "\n"
    file.write_text(text + extra, encoding="utf-8")
    line = len(text.splitlines()) + len(extra.splitlines())
    assert (
        [m for m in messages(data_dir, {}, names) if m.startswith(f"data/{path}")]
        == [m for m in messages(data_dir, {}, names) if m.startswith(f"data/{path}, linje {line}: {name}")]
        != []
    )


def test_a_data_files_sources_addresses_and_ids_are_left_alone():
    text = (
        "- id: helsesoster\n  chapter: helsesoster\n  url: https://fylkesmannen.no/\n"
        "  source:\n    title: Fra helsesøster til helsesykepleier\n    publisher: Fylkesmannen\n"
        "    url: https://www.nsf.no/\n  also:\n    - title: Omsorgslønn\n      publisher: Skatteetaten\n"
        "      url: https://www.skatteetaten.no/\n"
    )
    assert in_yaml(text, _all()) == []


def test_a_name_whose_change_has_not_come_is_still_current(data_dir, names):
    coming = [name.model_copy(update={"since": dt.date(2026, 5, 28)}) for name in names_for("Fylkesmannen")]
    page = {"kapitler/ny.md": chapter_text(id="ny") + "\nFylkesmannen fører tilsyn med kommunen.\n"}
    assert messages(data_dir, page, coming, on=dt.date(2026, 5, 27)) == []
    assert len(messages(data_dir, page, coming, on=dt.date(2026, 5, 28))) == 1


def test_the_retired_names_file_itself_and_the_address_register_are_not_read_for_names(data_dir, names):
    assert all(not m.startswith(("data/retired-names.yml", "data/published.yml")) for m in messages(data_dir, {}, names))
