"""The author-facing macros, declared once: what an author writes, the function that renders it (by the name
authoring.py binds it to), what it is handed besides the author's arguments, and what its first argument names.

The checks read this table (which names a page may call, which calls name a figure, a local topic, a reader group or
a phone line, which need a programme page), so renaming a macro here renames it everywhere. It lives with the content
because the content checks read it before anything renders; authoring.py binds the functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# How a macro is bound to the build (what it is handed besides what the author writes).
PAGE = "page"  # function(site, *arguments, page): the validated site and the page it stands on
FACTS = "facts"  # function(facts, *arguments): this edition's local facts
DOWNLOADS = "downloads"  # the offline edition's files and sizes
PACKAGES = "packages"  # the course packages this build ships
LEGAL = "legal"  # function(facts, legal): the edition's facts and data/privacy.yml, data/accessibility.yml

# What the author's first argument names, checked against the data before anything is rendered.
FIGURE = "figure"  # an id in data/figures.yml
TOPIC = "topic"  # a «Slik er det hos oss» topic (content/model.py LOCAL_TOPICS)
PERSPECTIVE = "perspective"  # a reader group with a path in data/paths.yml
HELPLINE = "helpline"  # a phone line in the edition's helplines (data/editions/<edition>.yml)
SCHEMES = "schemes"  # every argument is an id in data/schemes.yml (none: all of them)


@dataclass(frozen=True)
class MacroSpec:
    """One author-facing macro."""

    name: str  # what the author writes: {{ name(…) }}
    function: str  # «module.function» among the renderers authoring.py imports when define_env runs
    needs: str  # PAGE, FACTS, DOWNLOADS, PACKAGES or LEGAL
    argument: str | None = None  # FIGURE, TOPIC, PERSPECTIVE, HELPLINE or SCHEMES: what the arguments name
    facts: tuple[str, ...] = ()  # the edition's facts it always shows (data/editions/<edition>.yml)
    programme: bool = False  # only on a programme page with data in data/programmes/
    stations: bool = False  # ... whose programme has stations


SPECS: tuple[MacroSpec, ...] = (
    MacroSpec("perspektivkort", "render.perspective_cards", PAGE),
    MacroSpec("sti", "render.path_overview", PAGE, argument=PERSPECTIVE),
    MacroSpec("fortsett", "render.continue_reading", PAGE),
    MacroSpec("ordliste", "render.glossary", PAGE),
    MacroSpec("frakoblet_utgave", "render.offline_download", DOWNLOADS),
    MacroSpec("plakater", "posters.poster_list", PAGE),
    MacroSpec("hos_oss", "local_boxes.local_box", FACTS, argument=TOPIC),
    MacroSpec("kurspakker", "render.course_packages", PACKAGES),
    MacroSpec("akutt_hjelp", "local_boxes.urgent_help", FACTS, facts=("legevakt",)),
    # The staff's block: 113 and HLR, the nurse on duty, and the edition's legevakt (never 116 117).
    MacroSpec("akutt_hjelp_ansatte", "local_boxes.staff_urgent_help", FACTS, facts=("legevakt",)),
    MacroSpec("telefon", "local_boxes.telefon", FACTS, argument=HELPLINE),
    MacroSpec("laget_av", "local_boxes.made_by", FACTS),
    MacroSpec("tall", "figure_pages.in_sentence", PAGE, argument=FIGURE),
    MacroSpec("tall_tabell", "figure_pages.table", PAGE, argument=FIGURE),
    MacroSpec("tall_og_satser", "figure_pages.overview", PAGE),
    MacroSpec("langtidsopphold_eksempel", "long_stay.example", PAGE),
    MacroSpec("ordninger", "schemes.schemes", PAGE, argument=SCHEMES),
    # A programme page's parts, from data/programmes/<programme>.yml.
    MacroSpec("programplan", "programme_pages.programme_plan", PAGE, programme=True),
    MacroSpec("rotasjonsplan", "programme_pages.rotation_plan", PAGE, programme=True, stations=True),
    MacroSpec("stasjoner", "programme_pages.stations", PAGE, programme=True, stations=True),
    MacroSpec("fortelling", "programme_pages.case_stories", PAGE, programme=True),
    MacroSpec("materiell", "programme_pages.materials_link", PAGE, programme=True),
    MacroSpec("bestilling", "programme_pages.booking", FACTS),
    MacroSpec("laeringsmal", "programme_pages.learning_goals", PAGE, programme=True),
    MacroSpec("ramme_for_dagen", "programme_pages.day_frame", PAGE, programme=True),
    # The pages about INTRO: each edition names its own owner and feedback address.
    MacroSpec("om_eieren", "legal_pages.owner_section", FACTS, facts=("owner", "feedback")),
    MacroSpec("tilbakemelding", "legal_pages.feedback_section", FACTS, facts=("owner", "feedback")),
    MacroSpec("personvern", "legal_pages.privacy_statement", LEGAL, facts=("owner", "feedback")),
    MacroSpec("tilgjengelighet", "legal_pages.accessibility_statement", LEGAL, facts=("owner", "feedback")),
)
BY_NAME: Mapping[str, MacroSpec] = {spec.name: spec for spec in SPECS}


def named(argument: str) -> frozenset[str]:
    """The macros whose arguments name a FIGURE, a TOPIC, a PERSPECTIVE, a HELPLINE or SCHEMES."""
    return frozenset(spec.name for spec in SPECS if spec.argument == argument)
