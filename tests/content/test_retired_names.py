"""The real list of retired names (data/retired-names.yml) finds each old name in the sentences an author writes,
lets the history pass, and finds none in today's content."""

import datetime as dt

import pytest

from macros.checks.retired_names import in_markdown, in_yaml, uses_as_current
from macros.content import yamlio
from macros.content.model import RetiredName
from macros.content.site import DATA_FILES
from tests.helpers import DATA, real_chapters, repository_site, start_pages

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def names() -> list[RetiredName]:
    return _all()


def _all() -> list[RetiredName]:
    entries = yamlio.load((DATA / DATA_FILES["retired_names"]).read_text(encoding="utf-8"))
    return [RetiredName.model_validate(entry) for entry in entries]


# The three sentences, Norwegian word forms and compounds.
USED_AS_CURRENT = [
    ("Fylkesmannen behandler klagen din.", "Fylkesmannen"),
    ("Direktoratet for e-helse har ansvaret for de nasjonale e-helseløsningene.", "Direktoratet for e-helse"),
    ("Regionale forskningsfond i fylkene gir støtte til slike prosjekter.", "Regionale forskningsfond"),
    ("Send klagen til Fylkesmannens helseavdeling.", "Fylkesmannens"),
    ("Spør fylkesmannen i Vestland.", "fylkesmannen"),
    ("Saken går til fylkesmannsembetet.", "fylkesmannsembetet"),
    ("Du møter skolehelsesøsteren på skolen.", "skolehelsesøsteren"),
    ("Helsesøstrene jobber på helsestasjonen.", "Helsesøstrene"),
    ("Kommunen kan gi omsorgslønn til pårørende.", "omsorgslønn"),
    ("Legemiddelverket godkjenner legemidler.", "Legemiddelverket"),
    ("Produsenten registrerer seg i Utstyrsregisteret.", "Utstyrsregisteret"),
    ("Kommunen er med i velferdsteknologiprogrammet.", "velferdsteknologiprogrammet"),
    ("Dataene går til IPLOS-registeret hvert år.", "IPLOS-registeret"),
    ("Difi har veiledere om anskaffelser.", "Difi"),
    ("Kontakt pasientombudet i fylket.", "pasientombudet"),
    ("Helsedepartementet har ansvaret.", "Helsedepartementet"),
]

HISTORY = [
    "Statsforvalteren het tidligere Fylkesmannen.",
    "Før 2021 het den Fylkesmannen.",
    "Direktoratet for e-helse ble slått sammen med Helsedirektoratet i 2024.",
    "Direktoratet for e-helse var også med fram til 2023.",
    "Direktoratet for e-helse finnes ikke lenger.",
    "Regionale forskningsfond ble lagt ned i 2024.",
    "Før oktober 2017 het det omsorgslønn.",
    "Helsesøster heter helsesykepleier fra 2019.",
    "Tittelen helsesøster ble erstattet av helsesykepleier.",
    "Nasjonalt velferdsteknologiprogram (2014–2024) hjalp kommunene.",
    "Før KPR gikk dataene til IPLOS-registeret.",
    "Difi ble delt mellom Digdir og DFØ.",
    "Statsforvalteren. Tidligere navn: Fylkesmannen.",
]

NOT_NAMES = [
    "Statsforvalteren behandler klagen din.",
    "Helsedirektoratet har ansvaret for de nasjonale e-helseløsningene.",
    "Kommunen kan modifisere planen.",  # «difi» inside a word is not Difi
    "IPLOS er standarden kommunene registrerer etter.",  # the standard lives on; the register does not
    "Helse- og omsorgsdepartementet har ansvaret.",
    "Pasient- og brukerombudet hjelper deg.",
    "Se [statsforvalteren](https://www.fylkesmannen.no/vestland/) og `fylkesmannen.no`.",  # an address, code
]


def found(text: str, names: list[RetiredName]) -> list[str]:
    return [use.found for use in in_markdown(text, names)]


@pytest.mark.parametrize("text, expected", USED_AS_CURRENT)
def test_a_retired_name_used_as_current_is_found(text, expected, names):
    assert found(text, names) == [expected]


@pytest.mark.parametrize("text", HISTORY)
def test_a_sentence_that_tells_the_history_passes(text, names):
    assert found(text, names) == []


@pytest.mark.parametrize("text", NOT_NAMES)
def test_current_names_addresses_and_words_that_only_look_alike_pass(text, names):
    assert found(text, names) == []


def test_todays_content_uses_no_retired_name_as_current():
    site = repository_site()
    pages = dict(start_pages() + real_chapters())
    assert [str(error) for error in uses_as_current(DATA, pages, site.retired_names, TODAY)] == []


def test_a_self_check_may_state_the_old_name_where_it_marks_it_wrong():
    check = (
        "questions:\n"
        "  - kind: true_false\n    question: Kommunene kan fortsatt søke fra Nasjonalt velferdsteknologiprogram.\n"
        "    answer: false\n    feedback: Usant. Programmet varte til 2024.\n"
        "  - kind: single\n    question: Hvem behandler klagen?\n    options:\n"
        "      - text: Fylkesmannen\n        feedback: Nei, det er et gammelt navn.\n"
        "      - text: Statsforvalteren\n        correct: true\n        feedback: Ja.\n"
        "  - kind: true_false\n    question: Fylkesmannen behandler klagen.\n    answer: true\n"
        "    feedback: Ja.\n"
    )
    assert [(use.line, use.found) for use in in_yaml(check, _all())] == [(15, "Fylkesmannen")]
