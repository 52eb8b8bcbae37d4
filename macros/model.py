"""The content model: what a chapter's front matter and the curated data must hold.

Field descriptions are written for authors: error messages quote them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _sentence(value: str) -> str:
    # A summary ends up in catalogues and link previews, so it must read as a sentence.
    if not re.search(r"[.!?]$", value):
        raise ValueError("skal være en hel setning som slutter med punktum")
    return value


Sentence = Annotated[Text, AfterValidator(_sentence)]


class Strict(BaseModel):
    """Unknown fields are errors, so a misspelt field name is caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    title: Text = Field(description="tittelen på kilden")
    publisher: Text = Field(description="hvem som står bak kilden, for eksempel Helsedirektoratet")
    url: HttpUrl = Field(description="nettadressen til kilden")
    year: int | None = Field(default=None, ge=1814, le=2100, description="året kilden er fra")


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
            raise ValueError(
                "next_review må være etter last_reviewed "
                f"(nå {self.next_review} mot {self.last_reviewed})"
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


Number = int | float


class Figure(Strict):
    """A figure that changes over time (data/figures.yml): a rate, an amount or a statistic, with its source."""

    id: Slug = Field(description="fast kortnavn, for eksempel «egenandelstak»; står i teksten som tall(\"id\")")
    label: Text = Field(description="hva tallet måler, på én linje")
    unit: Text = Field(description="kroner, prosent, eller et ord i flertall, for eksempel «personer»")
    value: Number | None = Field(default=None, description="tallet, for eksempel 3278 eller 26.9")
    applies: int | dt.date | None = Field(
        default=None, description="året (2025) eller datoen (2024-05-01) tallet gjelder for")
    series: dict[int, Number] | None = Field(
        default=None, description="tall for flere år, for eksempel {2023: 5519, 2024: 5745}, i stedet for value")
    scope: Text | None = Field(default=None, description="hva tallet tar med og ikke tar med")
    source: Source
    check_by: dt.date = Field(description="når tallet skal sjekkes i kilden igjen (ÅÅÅÅ-MM-DD)")

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


class GlossaryTerm(Strict):
    term: Text
    definition: Sentence
    english: Text
    abbreviation: Text | None = Field(default=None, description="forkortelsen, for eksempel KAD")
    forms: list[Text] = Field(
        default_factory=list, description="bøyde former som også skal få forklaring"
    )
    chapter: Slug | None = Field(default=None, description="kapitlet som forklarer ordet best")


class Redirect(Strict):
    """An old address that now leads to a chapter (by id) or another page (by path under docs/)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source: Annotated[str, StringConstraints(pattern=r"^([a-z0-9æøå-]+/)+$")] = Field(
        alias="from", description="den gamle adressen, for eksempel kapitler/gammelt-navn/"
    )
    to: Text = Field(description="id-en til kapitlet, eller stien til siden under docs/")


class Poster(Strict):
    """A QR poster for the lab: a chapter, and where it hangs."""

    chapter: Slug
    station: Text | None = Field(default=None, description="stasjonen i laboratoriet plakaten henger ved")


class LocalFacts(Strict):
    """The local facts of one edition (data/editions/<id>.yml). A fact may be left out only if no chapter asks for it."""

    id: Slug
    name: Text = Field(description="stedet slik leseren kjenner det, for eksempel «Bergen»")
    cluster: Text
    cluster_url: HttpUrl
    municipalities: list[Text] | None = None
    county: Text | None = None
    governance: Text | None = None
    health_trust: Text | None = None
    hospital: Text | None = None
    regional_health_authority: Text | None = None
    out_of_hours: Text | None = None
    apply: Text | None = None
    apply_url: HttpUrl | None = None
    statsforvalter: Text | None = None
    test_arena: Text | None = None
    helsefellesskap: Text | None = None


# What each «Slik er det hos oss» box needs from the edition's facts.
LOCAL_TOPICS: dict[str, tuple[str, ...]] = {
    "kommune": ("municipalities", "county", "governance"),
    "sykehus": ("health_trust", "hospital", "regional_health_authority"),
    "legevakt": ("out_of_hours",),
    "soknad": ("apply", "apply_url"),
    "statsforvalter": ("statsforvalter",),
    "klynge": ("test_arena",),
    "helsefellesskap": ("helsefellesskap",),
}
