"""The content model: what a chapter's front matter and the curated data must hold.

Field descriptions are written for authors: error messages quote them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from macros.content import characters

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# How far ahead a date to check a figure or a fact again may lie: rates and services change every year, so a
# figure is checked at least every other year. A chapter is reviewed at least as often (next_review).
CHECK_AHEAD = dt.timedelta(days=2 * 365)
# A figure applies to this year or the next (a rate decided for next year); a later year is a projection, and
# says so (projection: true). A source is from this year or earlier, or next year's budget.
YEARS_AHEAD = 1

Slug = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]


def _plain_text(value: str) -> str:
    # Data and front matter are shown as written: they never pass through Jinja, so template code would stand
    # on the page as code. And no text may hold an invisible or direction-turning character.
    if "{{" in value or "{%" in value or "{#" in value:
        raise ValueError(
            "har malkode ({{ … }} eller {% … %}). Tekst i toppteksten og datafilene vises slik den "
            "står, og makroer virker bare i teksten under toppteksten. Skriv teksten uten makroen; "
            'et tall som endrer seg, skriver du i kapitlets tekst med {{ tall("id") }}'
        )
    if re.search(r"<[A-Za-z/!?]", value):
        raise ValueError(
            "har HTML (<…>). Tekst i toppteksten og datafilene er ren tekst: skriv den uten tagger "
            "(lenker og uthevinger skriver du i kapitlets tekst)"
        )
    if re.search(r"\]\([^)]*\)", value):
        raise ValueError(
            "har en lenke ([tekst](adresse)). Lenker står i kapitlets tekst, der bygget sjekker dem og "
            "kan si hvilken fil de står i; i datafilene står en adresse i et eget felt (url)"
        )
    problem = characters.problem(value)
    if problem:
        raise ValueError(problem)
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_plain_text)]


def _https(value: HttpUrl) -> HttpUrl:
    if value.scheme != "https":
        raise ValueError(
            "begynner med http://, som ikke er kryptert. Skriv adressen med https://; virker den ikke "
            "med https, finn en annen kilde"
        )
    return value


Url = Annotated[HttpUrl, AfterValidator(_https)]


def _phone(value: str) -> str:
    if not re.fullmatch(r"\+?\d[\d ]{1,18}\d", value):
        raise ValueError(
            f"«{value}» er ikke et telefonnummer. Skriv bare sifre og mellomrom, for eksempel "
            "«55 56 70 70» eller «+47 55 56 87 00»"
        )
    return value


Phone = Annotated[Text, AfterValidator(_phone)]


def _today(info: ValidationInfo) -> dt.date | None:
    """The day the data is checked as of (the readers give it as context); None: no check against today."""
    return (info.context or {}).get("today")


def _check_ahead(value: dt.date, info: ValidationInfo) -> dt.date:
    on = _today(info)
    if on and value > on + CHECK_AHEAD:
        raise ValueError(
            f"er {value}, mer enn to år fram i tid. Tall og fakta endrer seg hvert år: sett datoen da "
            "noen skal sjekke kilden igjen, høyst to år fram"
        )
    return value


CheckDate = Annotated[dt.date, AfterValidator(_check_ahead)]


def _source_year(value: int | None, info: ValidationInfo) -> int | None:
    on = _today(info)
    if on and value is not None and value > on.year + YEARS_AHEAD:
        raise ValueError(f"er {value}, som er fram i tid. Skriv året kilden ble publisert")
    return value


def _sentence(value: str) -> str:
    # A summary ends up in catalogues and link previews, so it must read as a sentence.
    if not re.search(r"[.!?]$", value):
        raise ValueError("skal være en hel setning som slutter med punktum")
    return value


Sentence = Annotated[Text, AfterValidator(_sentence)]

# A proposal in any form: «forslag», «forslaget», «lovforslaget», «foreslår», «foreslått».
_PROPOSAL = re.compile(r"forslag|foresl[åa]", re.IGNORECASE)


class Strict(BaseModel):
    """Unknown fields are errors, so a misspelt field name is caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    title: Text = Field(description="tittelen på kilden")
    publisher: Text = Field(description="hvem som står bak kilden, for eksempel Helsedirektoratet")
    url: Url = Field(description="nettadressen til kilden")
    year: Annotated[int | None, AfterValidator(_source_year)] = Field(
        default=None, ge=1814, le=2100, description="året kilden er fra"
    )


class ChapterMeta(Strict):
    """Front matter of a chapter under docs/kapitler/."""

    id: Slug = Field(description="fast kortnavn med små bokstaver og bindestrek; endres aldri")
    title: Text = Field(max_length=90)
    summary: Sentence = Field(max_length=300)
    perspectives: list[Slug] = Field(min_length=1)
    learning_goals: list[Text] = Field(min_length=2, max_length=6)
    key_points: list[Text] = Field(min_length=3, max_length=8)
    owner: Text
    last_reviewed: dt.date
    next_review: dt.date
    sources: list[Source] = Field(min_length=3)
    # Material for MkDocs reads these two itself.
    search: dict[str, float] | None = None
    hide: list[str] | None = None

    @model_validator(mode="after")
    def _review_after_last(self) -> ChapterMeta:
        if self.next_review <= self.last_reviewed:
            raise ValueError(f"next_review må være etter last_reviewed (nå {self.next_review} mot {self.last_reviewed})")
        if self.next_review > self.last_reviewed + CHECK_AHEAD:
            raise ValueError(
                f"next_review ({self.next_review}) er mer enn to år etter last_reviewed "
                f"({self.last_reviewed}). Et kapittel gjennomgås minst annethvert år"
            )
        return self


class PageMeta(BaseModel):
    """Front matter of every other page: a title and a summary are enough."""

    model_config = ConfigDict(extra="allow", frozen=True)

    title: Text
    summary: Sentence


class Perspective(Strict):
    id: Slug
    name: Text = Field(description="navnet slik leseren ser det, for eksempel «Pårørende»")
    reader: Text = Field(description="hvem siden snakker til, i du-form")
    icon: Text
    start_page: Text = Field(description="startsiden, relativt til docs/")


class LearningPath(Strict):
    perspective: Slug
    intro: Text
    steps: list[Slug] = Field(min_length=5, max_length=10)

    @model_validator(mode="after")
    def _each_step_once(self) -> LearningPath:
        twice = sorted({step for step in self.steps if self.steps.count(step) > 1})
        if twice:
            raise ValueError(
                f"kapitlet «{twice[0]}» står flere ganger i stien, så «Neste» ville gått i ring. Ta det med bare én gang"
            )
        return self


Number = int | float


class Figure(Strict):
    """A figure that changes over time (data/figures.yml): a rate, an amount or a statistic, with its source."""

    id: Slug = Field(description='fast kortnavn, for eksempel «egenandelstak»; står i teksten som tall("id")')
    label: Text = Field(description="hva tallet måler, på én linje")
    unit: Text = Field(description="kroner, prosent, eller et ord i flertall, for eksempel «personer»")
    value: Number | None = Field(default=None, description="tallet, for eksempel 3278 eller 26.9")
    applies: int | dt.date | None = Field(default=None, description="året (2025) eller datoen (2024-05-01) tallet gjelder for")
    series: dict[int, Number] | None = Field(
        default=None, description="tall for flere år, for eksempel {2023: 5519, 2024: 5745}, i stedet for value"
    )
    scope: Text | None = Field(default=None, description="hva tallet tar med og ikke tar med")
    rate: Literal["yearly", "every-second-year"] | None = Field(
        default=None,
        description="yearly for en sats som fastsettes hvert år (fra 1. januar når applies er et år, "
        "ellers fra datoen i applies, som G fra 1. mai); every-second-year for en sats som gjelder i to år",
    )
    looked_for_newer: dt.date | None = Field(
        default=None,
        description=(
            "for en sats som er gammel: datoen du sist lette etter den nye satsen i kilden uten å finne den (ÅÅÅÅ-MM-DD). "
            "Da viser siden at beløpet er det nyeste vi har bekreftet, og bygget godtar det i to måneder"
        ),
    )
    current_at: Url | None = Field(
        default=None, description=("siden der leseren alltid finner dagens sats, for eksempel https://www.nav.no/grunnbelopet")
    )
    projection: bool = Field(default=False, description="true for et anslag for et år fram i tid (en framskriving)")
    source: Source
    check_by: CheckDate = Field(description="når tallet skal sjekkes i kilden igjen (ÅÅÅÅ-MM-DD)")

    @model_validator(mode="after")
    def _year_has_come(self, info: ValidationInfo) -> Figure:
        on = _today(info)
        years = list(self.series or {})
        if self.applies is not None:
            years.append(self.applies if isinstance(self.applies, int) else self.applies.year)
        ahead = [year for year in years if on and year > on.year + YEARS_AHEAD]
        if ahead and not self.projection:
            raise ValueError(
                f"gjelder for {ahead[0]}, som er mer enn ett år fram i tid. Rett året, eller skriv "
                "«projection: true» hvis tallet er en framskriving"
            )
        return self

    @model_validator(mode="after")
    def _looked_for_a_rate(self) -> Figure:
        if self.looked_for_newer is not None and self.rate is None:
            raise ValueError(
                "looked_for_newer gjelder bare satser: skriv rate (yearly eller every-second-year), eller fjern looked_for_newer"
            )
        return self

    def newest_confirmed(self, on: dt.date) -> bool:
        """A rate whose successor applies by now, but which an editor looked for in the source after that day
        without finding it: the page says it is the newest amount we have confirmed, and links today's rate."""
        next_rate = self.next_rate
        return (
            next_rate is not None and on >= next_rate and self.looked_for_newer is not None and self.looked_for_newer >= next_rate
        )

    @model_validator(mode="after")
    def _value_or_series(self) -> Figure:
        if self.series is not None:
            if self.value is not None or self.applies is not None:
                raise ValueError("skriv enten value og applies, eller series, ikke begge")
            if not self.series:
                raise ValueError("series er tom. Skriv minst ett år med tall")
        elif self.value is None or self.applies is None:
            raise ValueError("mangler tallet: skriv value (tallet) og applies (året eller datoen det gjelder for)")
        if isinstance(self.applies, int) and not 1814 <= self.applies <= 2100:
            raise ValueError(f"applies skal være et årstall, men er {self.applies}")
        return self

    @property
    def latest(self) -> tuple[Number, int | dt.date]:
        """The value a sentence shows, and the year or date it applies to: the newest year of a series."""
        if self.series is not None:
            year = max(self.series)
            return self.series[year], year
        assert self.value is not None and self.applies is not None
        return self.value, self.applies

    @property
    def next_rate(self) -> dt.date | None:
        """For a rate: the day the next one applies (1 January after a calendar year's rate; the same date a year
        on, or two, for a rate from a date). None for a figure that is not a rate."""
        if self.rate is None:
            return None
        years = 1 if self.rate == "yearly" else 2
        applies = self.latest[1]
        if isinstance(applies, int):
            return dt.date(applies + years, 1, 1)
        # A rate from 29 February: the next one applies on 1 March in a year without that day.
        return (
            applies.replace(year=applies.year + years)
            if (applies.month, applies.day) != (2, 29)
            else dt.date(applies.year + years, 3, 1)
        )


class Scheme(Strict):
    """A scheme a kommune, a supplier or a researcher can apply to today (data/schemes.yml), with its source."""

    id: Slug = Field(description='fast kortnavn, for eksempel «pilot-helse»; står i teksten som ordninger("id")')
    name: Text = Field(description="navnet på ordningen slik eieren skriver det")
    owner: Text = Field(description="hvem som eier eller forvalter ordningen, for eksempel Forskningsrådet")
    funds: Sentence = Field(description="hva ordningen gir penger eller hjelp til, som hele setninger")
    applicants: Sentence = Field(description="hvem som kan søke, og hvem som må være med, som hele setninger")
    note: Sentence | None = Field(default=None, description="det en søker må vite i tillegg, som hele setninger")
    url: HttpUrl = Field(description="siden der ordningen, fristene og vilkårene står")
    source: Source
    check_by: dt.date = Field(description="når ordningen skal sjekkes i kilden igjen (ÅÅÅÅ-MM-DD)")


class GlossaryTerm(Strict):
    term: Text
    definition: Sentence
    english: Text
    abbreviation: Text | None = Field(default=None, description="forkortelsen, for eksempel KAD")
    forms: list[Text] = Field(default_factory=list, description="bøyde former som også skal få forklaring")
    chapter: Slug | None = Field(default=None, description="kapitlet som forklarer ordet best")


def _search_word(value: str) -> str:
    if not re.fullmatch(r"[0-9A-Za-zÆØÅæøåÉéÜü]+(?:[ -]+[0-9A-Za-zÆØÅæøåÉéÜü]+)*-?", value):
        raise ValueError(
            "er ikke et ord eller uttrykk noen skriver i søket. Skriv bare bokstaver og tall, med mellomrom eller "
            "bindestrek mellom ordene (for eksempel «praktisk bistand» eller «pasient- og brukerombudet»)"
        )
    return value


SearchWord = Annotated[Text, AfterValidator(_search_word)]


class SynonymGroup(Strict):
    """Words and phrases that mean the same to a reader searching (data/synonyms.yml): the words staff and
    relatives type and the words the site writes. Search finds a page by any of them."""

    words: list[SearchWord] = Field(
        min_length=2,
        description=(
            "ordene og uttrykkene som betyr det samme for den som søker, med de bøyde formene folk skriver, for "
            "eksempel [medisin, medisiner, legemiddel, legemidler]"
        ),
    )
    why: Text | None = Field(default=None, description="hvorfor gruppen finnes, for den som redigerer listen")


class RetiredName(Strict):
    """A name that has changed or a thing that has ended (data/retired-names.yml): an agency, a title, a scheme, a
    register or a regulation. The build refuses it in text that uses it as if it were current."""

    name: Text = Field(description="det gamle navnet slik det oftest ble skrevet, for eksempel «Fylkesmannen»")
    forms: list[Text] = Field(
        min_length=1,
        description=(
            "formene bygget skal finne: en form med stor forbokstav finnes der et ord begynner («Fylkesmann» finner "
            "Fylkesmannen og fylkesmannsembetet), en form med liten forbokstav også inne i et sammensatt ord "
            "(«helsesøster» finner skolehelsesøster)"
        ),
    )
    kind: Literal["etat", "departement", "tittel", "ordning", "register", "lov", "forskrift"] = Field(
        description="hva det er: etat, departement, tittel, ordning, register, lov eller forskrift"
    )
    replaced_by: list[Text] = Field(
        default_factory=list,
        description=(
            "navnene som brukes nå, eller det som har tatt over; en setning som nevner ett av dem, forteller om endringen"
        ),
    )
    ended: bool = Field(
        default=False,
        description="true når det gamle ikke finnes lenger (en ordning som er avviklet), ikke bare har fått nytt navn",
    )
    since: int | dt.date = Field(description="året eller datoen endringen gjelder fra")
    what: Sentence = Field(description="hva som skjedde, i én eller to setninger")
    source: Source = Field(description="kilden der endringen er bekreftet")

    @model_validator(mode="after")
    def _replacement_unless_ended(self) -> RetiredName:
        if not self.ended and not self.replaced_by:
            raise ValueError("mangler replaced_by: skriv navnet som brukes nå, eller ended: true hvis det er slutt")
        return self


class LawChange(Strict):
    """A change to a law that is adopted or announced, but not yet reflected in the pages it touches
    (data/law-changes.yml). The pages listed show a «Reglene endres» note until they have been reviewed after it
    came into force."""

    id: Slug = Field(description="fast kortnavn for endringen, for eksempel «meldeordning-alvorlige-hendelser»")
    law: Text = Field(description="loven som endres, for eksempel «helsetilsynsloven»")
    change: Sentence = Field(description="hva som endres, i én eller to korte setninger for leseren")
    proposition: Text = Field(description="proposisjonen, for eksempel «Prop. 121 L (2024–2025)»")
    adopted: dt.date | Annotated[int, Field(ge=1814, le=2100)] | None = Field(
        default=None,
        description="datoen Stortinget vedtok endringen, eller bare året når kilden sier at loven er vedtatt, men ikke når",
    )
    recommendation: Text | None = Field(default=None, description="innstillingen, for eksempel «Innst. 459 L (2024–2025)»")
    new_law: bool = Field(
        default=False, description="«true» når Stortinget vedtar en ny lov som erstatter den gamle, ikke endringer i den"
    )
    in_force: dt.date | Literal["ikke fastsatt"] | None = Field(
        default=None,
        description=(
            "datoen endringen gjelder fra, eller «ikke fastsatt» når kilden sier at den ikke er bestemt ennå; "
            "tomt når datoen ikke er bekreftet"
        ),
    )
    source: Source = Field(description="kilden på stortinget.no, regjeringen.no eller lovdata.no")
    pages: list[Text] = Field(min_length=1, description="kapitlene (id) eller sidene (sti under docs/) endringen angår")
    check_by: dt.date = Field(description="når status skal sjekkes i kilden igjen (ÅÅÅÅ-MM-DD)")

    @model_validator(mode="after")
    def _adopted_is_no_proposal(self) -> LawChange:
        # The note says by itself how far the change has come (proposed, recommended, adopted, in force): a
        # «change» that still speaks of a proposal after Stortinget adopted it contradicts the note it stands in.
        if self.adopted and _PROPOSAL.search(self.change):
            raise ValueError(
                "«change» kaller endringen et forslag, men Stortinget har vedtatt den (adopted). Skriv hva "
                "endringen gjør, for eksempel «Den forskningsansvarlige virksomheten får ansvaret …»; boksen sier "
                "selv at endringen er vedtatt"
            )
        return self


class Redirect(Strict):
    """An old address that now leads to a chapter (by id) or another page (by path under docs/)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source: Annotated[str, StringConstraints(pattern=r"^([a-z0-9æøå-]+/)+$")] = Field(
        alias="from", description="den gamle adressen, for eksempel kapitler/gammelt-navn/"
    )
    to: Text = Field(description="id-en til kapitlet, eller stien til siden under docs/")


# ---- Programmes (data/programmes/<programme>.yml): what a facilitator prints ----


class Task(Strict):
    """One thing a group does at a station, under a short label such as «Prøv»."""

    label: Text = Field(description="en kort merkelapp, for eksempel «Prøv», «Legg merke til» eller «Etikk»")
    text: Text = Field(description="hva gruppen gjør eller snakker om, som hele setninger")


class Station(Strict):
    """A station groups visit in turn. Its sheet, its poster and the rotation plan are made from this."""

    id: Slug = Field(description="fast kortnavn for stasjonen, for eksempel «trygghetsalarm»; plakaten har det i adressen")
    name: Text = Field(max_length=40, description="navnet på stasjonen slik besøkende ser det på plakaten")
    place: Text = Field(description="hvor i laboratoriet eller verkstedet stasjonen står, og hva den trenger")
    chapter: Slug = Field(description="id-en til kapitlet stasjonen handler om; QR-koden på plakaten går dit")
    section: Text | None = Field(default=None, description="lenke-id-en til overskriften i kapitlet om løsningen")
    about: Sentence = Field(description="hva løsningen er, i én eller to setninger")
    tasks: list[Task] = Field(min_length=1, max_length=4, description="hva gruppen gjør ved stasjonen")
    # A lab device is safe to try only in test mode: the facilitator checks it before the day.
    prepare: list[Text] = Field(
        min_length=1,
        description="det kursholderen avtaler og sjekker med laboratoriet før "
        "dagen, for eksempel at utstyret står i testmodus med en demobruker",
    )


class Role(Strict):
    """A role card: who the holder is in the story, and what they ask themselves."""

    name: Text = Field(max_length=40, description="rollen, for eksempel «Pårørende» eller «Fastlegen»")
    who: Text | None = Field(default=None, description="hvem rollen er i fortellingen, som hele setninger")
    asks: list[Text] = Field(default_factory=list, description="spørsmål bare denne rollen stiller")


class CaseStory(Strict):
    """A story the groups read, as the programme page tells it (every person in it is made up)."""

    id: Slug = Field(description="fast kortnavn for fortellingen, for eksempel «kari-hjemme»")
    title: Text = Field(description="overskriften på arket, for eksempel «Karis reise»")
    paragraphs: list[Text] = Field(min_length=1, description="fortellingen, ett avsnitt per punkt")


class Activity(Strict):
    """One line of the programme's timetable, or a number of station rounds (rounds: 3)."""

    name: Text | None = Field(default=None, description="aktiviteten, for eksempel «Velkommen»")
    minutes: int = Field(ge=1, le=240, description="hvor mange minutter den tar (for runder: hver runde)")
    what: Text | None = Field(default=None, description="hva som skjer, som hele setninger")
    rounds: int | None = Field(
        default=None, ge=1, le=12, description="antall stasjonsrunder etter hverandre, hver på «minutes» minutter"
    )

    @model_validator(mode="after")
    def _named_or_rounds(self) -> Activity:
        if self.rounds is None and self.name is None:
            raise ValueError("mangler «name». Skriv hva aktiviteten heter, eller «rounds» for stasjonsrunder")
        return self


class AnswerNote(Strict):
    """What the facilitator needs to know to check the groups' answers to a discussion question."""

    question: Text = Field(description="spørsmålet slik det står under «Spørsmål til samtale»")
    answer: Text = Field(description="et kort, riktig svar, slik kapitlene sier det, som hele setninger")
    chapter: Slug = Field(description="id-en til kapitlet som forklarer svaret")
    section: Text | None = Field(default=None, description="lenke-id-en til overskriften i kapitlet")


class QuizPick(Strict):
    """Questions from one chapter's «Test deg selv» for the programme's quiz sheet."""

    chapter: Slug = Field(description="id-en til kapitlet")
    questions: list[int] = Field(min_length=1, description="numrene på spørsmålene, 1 er det første")


# The parts of a «Materiell» page that participants get copies of, by the name written under print_copies.
PRINTED_PARTS = ("rotasjonsplan", "stasjoner", "rollekort", "fortellinger", "sporreark")


class Programme(Strict):
    """What one programme page (docs/programmer/<programme>.md) needs printed, and its timetable."""

    minutes: int = Field(ge=10, le=480, description="hvor mange minutter opplegget varer i alt")
    learning_goals: list[Text] = Field(
        min_length=2, max_length=6, description="læringsmålene: «Etter opplegget kan deltakerne …»"
    )
    schedule: list[Activity] = Field(min_length=1, description="timeplanen, i rekkefølge")
    stations: list[Station] = Field(default_factory=list, description="stasjonene gruppene går mellom")
    roles: list[Role] = Field(default_factory=list, description="rollekortene")
    role_questions: list[Text] = Field(default_factory=list, description="spørsmål som står på alle rollekortene")
    roles_handout: Text | None = Field(
        default=None,
        description="hvordan rollekortene deles ut, for eksempel "
        "«Skriv ut ett sett per gruppe. Hver gruppe får alle fem kortene.»",
    )
    cases: list[CaseStory] = Field(default_factory=list, description="fortellingene gruppene leser")
    checklist: list[Text] = Field(
        default_factory=list,
        description="det kursholderen gjør klart før dagen, i tillegg til den faste sjekklisten: rom, utstyr og materiell",
    )
    briefing: list[Text] = Field(
        default_factory=list, description="det kursholderen sier i briefen ved start, i tillegg til de faste punktene"
    )
    briefing_minutes: int = Field(
        default=3, ge=1, le=10, description="hvor mange minutter briefen ved start tar; timeplanen må gi plass til den"
    )
    debrief: list[Text] = Field(default_factory=list, description="spørsmål til oppsummeringen, i tillegg til de faste")
    answer_notes: list[AnswerNote] = Field(
        default_factory=list, description="svar til kursholderen på spørsmålene til samtale som har et riktig svar etter loven"
    )
    quiz: list[QuizPick] = Field(
        default_factory=list,
        description="spørsmålene på spørrearket, knyttet til "
        "dagens læringsmål (tom: alle spørsmålene i kapitlene under self_checks)",
    )
    print_copies: dict[str, Text] = Field(
        default_factory=dict, description=f"hvor mange som skal skrives ut av hver del: {', '.join(PRINTED_PARTS)}"
    )

    @model_validator(mode="after")
    def _parts_have_copies(self) -> Programme:
        printed = {
            "rotasjonsplan": bool(self.stations),
            "stasjoner": bool(self.stations),
            "rollekort": bool(self.roles),
            "fortellinger": bool(self.cases),
            "sporreark": bool(self.quiz),
        }
        unknown = sorted(set(self.print_copies) - set(PRINTED_PARTS))
        if unknown:
            raise ValueError(f"print_copies har den ukjente delen «{unknown[0]}». Delene heter: {', '.join(PRINTED_PARTS)}")
        missing = [part for part, shown in printed.items() if shown and part not in self.print_copies]
        if missing:
            raise ValueError(
                f"print_copies sier ikke hvor mange som skal skrives ut av «{missing[0]}». Skriv det, "
                "for eksempel «ett ark per gruppe»"
            )
        if self.roles and not self.roles_handout:
            raise ValueError(
                "har rollekort, men ikke roles_handout. Skriv hvordan kortene deles ut, for eksempel "
                "«Skriv ut ett sett per gruppe. Hver gruppe får alle kortene.»"
            )
        return self

    @model_validator(mode="after")
    def _timings_fit(self) -> Programme:
        planned = sum(a.minutes * (a.rounds or 1) for a in self.schedule)
        if planned != self.minutes:
            raise ValueError(
                f"timeplanen (schedule) er {planned} minutter, men opplegget varer {self.minutes} "
                "minutter (minutes). Rett tidene slik at de går opp"
            )
        rounds = sum(a.rounds or 0 for a in self.schedule)
        if rounds != len(self.stations):
            raise ValueError(
                f"timeplanen har {rounds} stasjonsrunder, men det er {len(self.stations)} stasjoner. "
                "Hver gruppe skal innom hver stasjon én gang: like mange runder som stasjoner"
            )
        ids = [station.id for station in self.stations]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"stasjonen «{twice[0]}» står flere ganger. Hver stasjon trenger sin egen id")
        return self


class Sourced(Strict):
    """A local fact: where it was confirmed, and when it must be checked again."""

    source: Source = Field(description="kilden der faktaet er bekreftet: title, publisher og url")
    check_by: CheckDate = Field(description="datoen faktaet må sjekkes igjen (ÅÅÅÅ-MM-DD)")
    also: list[Source] = Field(default_factory=list, description="flere kilder, når faktaet bygger på mer enn én")


class Note(Sourced):
    """A sourced sentence or two that a box shows as written."""

    text: Text


class ApplyOffice(Strict):
    """Where to apply for health and care services: the office and the page with the form."""

    office: Text = Field(description="kontoret slik kommunen skriver det, for eksempel «Tildeling og koordinering»")
    url: Url = Field(description="siden med søknadsskjemaet eller forklaringen av hvordan du søker")
    phone: Phone | None = Field(default=None, description="telefonnummeret kommunen oppgir for kontoret")
    phone_note: Text | None = Field(
        default=None, description="det leseren må vite om nummeret, for eksempel «sentralbordet; be om kontoret»"
    )
    area: Text | None = Field(default=None, description="hvem kontoret gjelder for, for eksempel bydelene")
    serves: Text | None = Field(
        default=None,
        description="hvilke søknader kontoret tar imot når det ikke er alle, for eksempel "
        "«tjenester til mennesker med utviklingshemming»",
    )
    link_text: Text | None = Field(
        default=None, description="teksten på lenken til url, når siden ikke er en forklaring av hvordan du søker"
    )


class Municipality(Sourced):
    name: Text = Field(description="kommunens navn, for eksempel «Østre Toten»")
    url: Url = Field(description="kommunens nettside")
    apply: list[ApplyOffice] = Field(
        default_factory=list, description="hvor du søker om helse- og omsorgstjenester (tom: lenk til nettsiden)"
    )


class HealthTrust(Sourced):
    name: Text = Field(description="helseforetaket, for eksempel «Helse Bergen»")
    regional_health_authority: Text = Field(description="det regionale helseforetaket, for eksempel «Helse Vest»")


class Hospital(Sourced):
    name: Text
    note: Text | None = Field(
        default=None, description="det leseren må vite, for eksempel hvilke bydeler det er lokalsykehus for"
    )
    planned: bool = Field(default=False, description="true for et vedtatt sykehus som ikke er bygget ennå")


class Legevakt(Sourced):
    name: Text
    address: Text | None = None
    phone: Phone = Field(default="116 117")
    phone_abroad: Phone | None = Field(default=None, description="nummeret å ringe fra utlandet, hvis legevakten oppgir det")
    notes: list[Text] = Field(default_factory=list, description="korte, hele setninger leseren kan handle på")


class Statsforvalter(Sourced):
    name: Text = Field(description="for eksempel «Statsforvalteren i Vestland»")
    complaints_url: Url = Field(description="Statsforvalterens side om klage på helse- og omsorgstjenester")


class Ombud(Sourced):
    name: Text = Field(description="for eksempel «Pasient- og brukerombudet i Vestland»")
    url: Url = Field(description="siden der ombudets kontaktinformasjon står")
    phone: Phone | None = None
    phone_note: Text | None = Field(default=None, description="det leseren må vite om nummeret")


class Helpline(Sourced):
    """A phone line a reader can call, with who answers and when; `crisis` lines stand in the urgent-help block."""

    id: Slug = Field(description='fast kortnavn, for eksempel «helsenorge»; står i teksten som telefon("id")')
    name: Text = Field(description="hvem som svarer, for eksempel «Mental Helses hjelpetelefon»")
    phone: Phone = Field(description="nummeret slik det skrives, for eksempel «116 123»")
    about: Text = Field(description="hva du kan ringe om, og når det er åpent, som en hel setning")
    crisis: bool = Field(default=False, description="true for en linje til deg som er i krise (vises i boksen for akutt hjelp)")


class Helsefellesskap(Sourced):
    name: Text
    text: Text = Field(description="hva helsefellesskapet gjør her, skrevet som hele setninger")


class TestArena(Sourced):
    """The lab or workshop: what it offers and how a group or a supplier gets in."""

    name: Text
    host: Text = Field(description="hvem som driver den, for eksempel «Høgskulen på Vestlandet»")
    place: Text
    about: Text = Field(description="hva den er, skrevet som hele setninger")
    offers: Text = Field(description="hva en gruppe eller en leverandør kan gjøre der, som hele setninger")
    contact: Text = Field(description="hvem du kontakter, slik organisasjonen selv oppgir det (ingen privat informasjon)")
    contact_url: Url = Field(description="siden der kontaktinformasjonen står")
    lead_time: Text | None = Field(default=None, description="hvor lang tid det tar, bare hvis organisasjonen oppgir det")
    agreement: Text | None = Field(default=None, description="hvilken avtale som trengs, bare hvis organisasjonen oppgir det")
    capacity: Text | None = Field(default=None, description="hvor mange en gruppe kan være, bare hvis kilden sier det")
    # What the source says about getting in and around (step-free access, lift, hearing loop); empty: «spør oss».
    access: list[Text] = Field(
        default_factory=list, description="fakta om tilgjengelighet (trinnfri adkomst, heis, teleslynge), bare det kilden sier"
    )


def _org_number(value: str) -> str:
    # Brønnøysundregistrene's numbers are nine digits whose last is a modulus-11 check digit.
    digits = value.replace(" ", "")
    if not re.fullmatch(r"\d{9}", digits):
        raise ValueError("skal være ni sifre, for eksempel «974 760 673»")
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    rest = sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11
    check = 0 if rest == 0 else 11 - rest
    if check == 10 or check != int(digits[8]):
        raise ValueError(
            f"«{value}» er ikke et gyldig organisasjonsnummer (kontrollsifferet stemmer ikke). Skriv det av fra Enhetsregisteret"
        )
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value):
        raise ValueError(f"«{value}» er ikke en e-postadresse")
    return value


OrgNumber = Annotated[str, AfterValidator(_org_number)]
Email = Annotated[Text, AfterValidator(_email)]


class Owner(Sourced):
    """Who stands behind this edition's website: the controller the privacy statement names."""

    name: Text = Field(description="navnet leseren kjenner, for eksempel «Alrek helseklynge»")
    about: Text = Field(description="hva eieren er, slik kilden sier det, som hele setninger")
    legal_name: Text | None = Field(
        default=None, description="navnet på den juridiske enheten i Enhetsregisteret (tom til det er bekreftet)"
    )
    org_number: OrgNumber | None = Field(
        default=None, description="organisasjonsnummeret fra Enhetsregisteret (tom til det er bekreftet)"
    )
    public_body: bool | None = Field(
        default=None, description="true for en offentlig virksomhet, false for en privat (tom til det er bekreftet)"
    )
    contact_url: Url = Field(description="siden der eieren oppgir kontaktinformasjonen sin")
    email: Email | None = Field(default=None, description="e-postadressen eieren oppgir")
    privacy_officer: Email | None = Field(
        default=None, description="e-postadressen til personvernombudet, bare hvis eieren har et"
    )


class Hosting(Strict):
    """Who runs the server the edition is published on (the processor), and what its own logs keep."""

    operator: Text | None = Field(default=None, description="hvem som drifter serveren (tom til det er avtalt)")
    country: Text | None = Field(default=None, description="landet serveren står i")
    system_log_days: int | None = Field(
        default=None, ge=1, le=400, description="hvor mange dager serverens systemlogg blir lagret"
    )
    source: Source | None = Field(default=None, description="avtalen eller siden der dette står")
    check_by: dt.date | None = Field(default=None, description="når dette skal sjekkes igjen (ÅÅÅÅ-MM-DD)")

    @model_validator(mode="after")
    def _sourced_when_named(self) -> Hosting:
        if (self.operator or self.system_log_days) and (self.source is None or self.check_by is None):
            raise ValueError(
                "sier hvem som drifter serveren eller hvor lenge loggen lagres, men mangler «source» "
                "og «check_by». Skriv hvor det står, og når det skal sjekkes igjen"
            )
        return self


class Feedback(Strict):
    """Where readers send feedback (errors, accessibility problems, questions about privacy), and when they hear back."""

    email: Email | None = Field(default=None, description="redaksjonens e-postadresse (tom til den finnes)")
    url: Url = Field(description="siden med kontaktinformasjonen, når det ikke er noen e-postadresse ennå")
    answer_weeks: int = Field(ge=1, le=6, description="hvor mange uker det høyst tar før leseren får svar")


class LocalFacts(Strict):
    """The local facts of one edition (data/editions/<id>.yml). A fact may be left out only if no chapter asks for it."""

    id: Slug
    name: Text = Field(description="stedet slik leseren kjenner det, for eksempel «Bergen»")
    cluster: Text
    cluster_url: Url
    county: Text | None = None
    municipalities: list[Municipality] = Field(default_factory=list)
    governance: Note | None = None
    health_trust: HealthTrust | None = None
    hospitals: list[Hospital] = Field(default_factory=list)
    legevakt: list[Legevakt] = Field(default_factory=list)
    statsforvalter: Statsforvalter | None = None
    ombud: Ombud | None = None
    helsefellesskap: Helsefellesskap | None = None
    test_arena: TestArena | None = None
    helplines: list[Helpline] = Field(default_factory=list, description="telefonlinjer leseren kan ringe")
    cluster_about: Note | None = Field(default=None, description="hva klyngen er og hvem som er med, som hele setninger")
    research: Note | None = Field(
        default=None, description="forsknings- og utviklingsmiljøene nær kommunene her, som hele setninger"
    )
    # The legal pages («Om INTRO», «Personvern», «Tilgjengelighet») name this edition's own owner.
    owner: Owner | None = None
    hosting: Hosting = Field(default_factory=Hosting)
    feedback: Feedback | None = None
    uustatus_url: Url | None = Field(
        default=None, description="adressen til tilgjengelighetserklæringen på uustatus.no, når eieren har publisert den"
    )


# ---- What the site keeps and handles (data/privacy.yml), and how accessible it is (data/accessibility.yml) ----

STORAGE_KINDS = ("localStorage", "sessionStorage")


class StoredItem(Strict):
    """One thing the reader's browser keeps for INTRO: the privacy statement lists it, a test checks the scripts."""

    key: Text = Field(description="nøkkelen slik skriptet skriver den, for eksempel «intro.progress»")
    storage: str = Field(description="localStorage (blir til du sletter det) eller sessionStorage (til fanen lukkes)")
    written_by: Text = Field(description="skriptet som skriver den, for eksempel «intro.js», eller «Material»")
    scoped: bool = Field(
        default=False,
        description="true når nettleseren har nettstedets adresse foran nøkkelen (Material skriver «<adresse>.__palette»)",
    )
    what: Text = Field(description="hva som lagres, som hele setninger")
    why: Text = Field(description="hvilken funksjon du har bedt om, som trenger det")
    deleted_by: Text = Field(description="hvordan du sletter det selv")

    @model_validator(mode="after")
    def _known_storage(self) -> StoredItem:
        if self.storage not in STORAGE_KINDS:
            raise ValueError(f"storage er «{self.storage}». Skriv {' eller '.join(STORAGE_KINDS)}")
        return self


class ServerItem(Strict):
    """One thing the server (or the editors) handles about a reader: what, why, on what basis, how long."""

    what: Text = Field(description="hva som behandles, som hele setninger")
    why: Text = Field(description="formålet")
    kept: Text = Field(description="hvor lenge det lagres, som en hel setning")
    hosting_log: bool = Field(default=False, description="true når utgavens systemlogg (hosting) gjelder her")
    deleted_after_months: int | None = Field(
        default=None,
        ge=1,
        description="antall måneder før det slettes automatisk (må stemme med deploy/logrotate/)",
    )
    editors_email: bool = Field(
        default=False, description="true når punktet bare gjelder når redaksjonen har egen e-postadresse (feedback.email)"
    )


class Privacy(Strict):
    """What INTRO keeps in the reader's browser and what its server and editors handle (shared by every edition)."""

    browser: list[StoredItem] = Field(min_length=1)
    server: list[ServerItem] = Field(min_length=1)
    referrer_policy: str = Field(description="Referrer-Policy nettstedet lover, for eksempel «no-referrer»")
    system_log_days: int = Field(
        ge=1,
        le=400,
        description="hvor mange dager systemloggen høyst lagres med INTRO sin egen oppsett (deploy/journald/); "
        "erklæringen nevner det bare når utgaven har en avtale (hosting.system_log_days)",
    )

    @model_validator(mode="after")
    def _keys_once(self) -> Privacy:
        keys = [(item.storage, item.key) for item in self.browser]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            raise ValueError(f"nøkkelen «{twice[0][1]}» står flere ganger under browser")
        return self


CONFORMANCE = ("samsvar", "brudd", "ikke-relevant")
WCAG_LEVELS = ("A", "AA")


class Criterion(Strict):
    """One WCAG 2.1 success criterion the regulations require of the public sector, and INTRO's status."""

    id: Annotated[str, StringConstraints(pattern=r"^[1-4]\.\d{1,2}\.\d{1,2}$")] = Field(description="for eksempel 1.1.1")
    name: Text = Field(description="navnet slik uustatus.no skriver det, for eksempel «Ikke-tekstlig innhold»")
    level: str = Field(description="A eller AA")
    status: str = Field(description="samsvar, brudd eller ikke-relevant")
    note: Text | None = Field(default=None, description="hvorfor kravet ikke er relevant, eller hva som er testet")

    @model_validator(mode="after")
    def _known_values(self) -> Criterion:
        if self.level not in WCAG_LEVELS:
            raise ValueError(f"level er «{self.level}». Skriv A eller AA")
        if self.status not in CONFORMANCE:
            raise ValueError(f"status er «{self.status}». Skriv {', '.join(CONFORMANCE)}")
        if self.status == "ikke-relevant" and not self.note:
            raise ValueError(f"{self.id} er ikke relevant, men note sier ikke hvorfor")
        return self


class Breach(Strict):
    """Content that does not meet a criterion: what, what it means for the reader, and what is done about it."""

    criteria: list[Text] = Field(min_length=1, description="kravene som brytes, for eksempel [2.1.1]")
    what: Text = Field(description="hva som ikke virker, og hvor")
    consequence: Text = Field(description="hva det betyr for leseren")
    plan: Text = Field(description="hva som blir gjort, og når")


class Accessibility(Strict):
    """The accessibility statement in the form uustatus.no uses (shared by every edition)."""

    required_count: int = Field(description="hvor mange krav regelverket stiller til offentlig sektor")
    source: Source = Field(description="kilden for hvor mange og hvilke krav som gjelder")
    private_required_count: int = Field(
        ge=1, description="hvor mange krav (i WCAG 2.0) regelverket stiller til private virksomheter"
    )
    private_source: Source = Field(description="kilden for kravene til private virksomheter")
    assessed: dt.date = Field(description="datoen nettstedet sist ble vurdert")
    tested_automatically: list[Text] = Field(min_length=1)
    tested_manually: list[Text] = Field(min_length=1)
    not_tested: list[Text] = Field(default_factory=list)
    criteria: list[Criterion] = Field(min_length=1)
    breaches: list[Breach] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> Accessibility:
        ids = [c.id for c in self.criteria]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"kravet {twice[0]} står flere ganger")
        if len(ids) != self.required_count:
            raise ValueError(f"har {len(ids)} krav, men required_count sier {self.required_count}")
        if self.private_required_count >= self.required_count:
            raise ValueError("private_required_count må være mindre enn required_count")
        breached = {c.id for c in self.criteria if c.status == "brudd"}
        declared = {i for b in self.breaches for i in b.criteria}
        if breached - declared:
            raise ValueError(f"kravet {sorted(breached - declared)[0]} har status brudd, men ingen breach forklarer det")
        if declared - breached:
            raise ValueError(f"en breach gjelder {sorted(declared - breached)[0]}, men kravet har ikke status brudd")
        return self


# What each «Slik er det hos oss» box needs from the edition's facts.
LOCAL_TOPICS: dict[str, tuple[str, ...]] = {
    "kommune": ("municipalities", "county", "governance"),
    "sykehus": ("health_trust", "hospitals"),
    "legevakt": ("legevakt",),
    "soknad": ("municipalities",),
    "statsforvalter": ("statsforvalter",),
    "ombud": ("ombud",),
    "klynge": ("cluster_about", "test_arena"),
    "testing": ("test_arena",),
    "helsefellesskap": ("helsefellesskap",),
    "forskning": ("research",),
}


# ---- Self-check («Test deg selv», data/selvtest/<chapter-id>.yml) ----

QUESTION_KINDS = ("single", "multiple", "true_false", "reflection")


class Option(Strict):
    text: Text = Field(description="svaralternativet slik leseren ser det")
    correct: bool = Field(default=False, description="true for et riktig svar")
    feedback: Text = Field(description="forklaringen leseren får: hvorfor svaret er riktig eller feil")


class Question(Strict):
    """One question; which fields it needs depends on its kind."""

    goal: int = Field(ge=1, description="nummeret på læringsmålet spørsmålet prøver (1 er det første)")
    kind: str = Field(description="single, multiple, true_false eller reflection")
    question: Text = Field(description="spørsmålet, eller påstanden i et sant/usant-spørsmål")
    section: Text = Field(description="overskriften i kapitlet som lærer bort svaret, skrevet som lenke-id")
    options: list[Option] | None = Field(default=None, description="svaralternativene, 2–5")
    answer: bool | None = Field(default=None, description="true eller false, for et sant/usant-spørsmål")
    feedback: Text | None = Field(default=None, description="hvorfor påstanden er sann eller usann")
    model_answer: Text | None = Field(default=None, description="et godt svar på et refleksjonsspørsmål")

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Question:
        kinds = ", ".join(QUESTION_KINDS)
        if self.kind not in QUESTION_KINDS:
            raise ValueError(f"har den ukjente typen «{self.kind}». Velg en av: {kinds}")
        needs = {
            "single": ("options",),
            "multiple": ("options",),
            "true_false": ("answer", "feedback"),
            "reflection": ("model_answer",),
        }[self.kind]
        for name in needs:
            if getattr(self, name) is None:
                raise ValueError(f"er av typen {self.kind} og må ha feltet «{name}»")
        unused = [
            name
            for name in ("options", "answer", "feedback", "model_answer")
            if name not in needs and getattr(self, name) is not None
        ]
        if unused:
            raise ValueError(f"er av typen {self.kind}, og da brukes ikke «{', '.join(unused)}». Fjern det")
        if self.options is not None:
            right = sum(option.correct for option in self.options)
            if not 2 <= len(self.options) <= 5:
                raise ValueError(f"skal ha 2–5 svaralternativer, men har {len(self.options)}")
            if right == 0:
                raise ValueError("har ingen riktige svar. Skriv «correct: true» under det riktige alternativet")
            if self.kind == "single" and right > 1:
                raise ValueError(
                    f"er av typen single og skal ha nøyaktig ett riktig svar, men har {right}. "
                    "Bruk typen multiple hvis flere svar er riktige"
                )
        return self


class SelfCheck(Strict):
    """The questions of one chapter."""

    questions: list[Question] = Field(min_length=3, max_length=6)

    @model_validator(mode="after")
    def _two_goals(self) -> SelfCheck:
        if len({question.goal for question in self.questions}) < 2:
            raise ValueError("spørsmålene prøver bare ett læringsmål. La dem dekke minst to ulike mål")
        if sum(question.kind == "reflection" for question in self.questions) > 1:
            raise ValueError("har mer enn ett refleksjonsspørsmål. Bruk høyst ett per kapittel")
        return self
