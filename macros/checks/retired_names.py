"""Names that have changed and things that have ended, used in text as if they were current.

data/retired-names.yml lists them (Fylkesmannen, Direktoratet for e-helse, helsesøster, the regional research
funds, …) with what replaced them. A chapter, the glossary, a self-check or a data file may name one only in a
sentence that says it changed («het tidligere», «fram til 2024», «erstattet av», «ble lagt ned») or that names
what replaced it; a source's own title may keep its old name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import yaml

from macros.checks import prose
from macros.content import frontmatter, yamlio
from macros.content.errors import AuthorError
from macros.content.model import RetiredName
from macros.content.norwegian import date as norwegian_date
from macros.content.site import NOT_PROSE_DATA


@dataclass(frozen=True)
class NameUse:
    line: int  # in the text given, counting from 1
    found: str  # as the author wrote it
    name: RetiredName


# ---- Sentences that tell the history ----

# Words that make a sentence say the name belongs to the past, in bokmål and in nynorsk. Matched in lower case, as
# whole words.
HISTORY_MARKERS = (
    "het",
    "het tidligere",
    "tidligere",
    "heter nå",
    "nytt navn",
    "ny tittel",
    "den nye tittelen",
    "endret navn",
    "byttet navn",
    "skiftet navn",
    "fikk navnet",
    "gamle",
    "gammelt",
    "fram til",
    "frem til",
    "til og med",
    "erstattet",
    "erstattes",
    "ble lagt ned",
    "lagt ned",
    "nedlagt",
    "avviklet",
    "avvikla",
    "avsluttet",
    "opphørte",
    "slått sammen",
    "slo sammen",
    "ble en del av",
    "overtok",
    "tok over",
    "finnes ikke lenger",
    "ikke lenger",
    "varte",
    # The same in nynorsk, as the nynorsk edition's translation writes it (macros/translation/).
    "heitte",
    "heitte tidlegare",
    "tidlegare",
    "heiter no",
    "nytt namn",
    "endra namn",
    "bytte namn",
    "fekk namnet",
    "gammalt",
    "erstatta",
    "vart lagd ned",
    "vart lagt ned",
    "lagd ned",
    "nedlagd",
    "avslutta",
    "slått saman",
    "slo saman",
    "vart ein del av",
    "finst ikkje lenger",
    "ikkje lenger",
)
_YEAR = r"(?:19|20)\d\d"
_HISTORY = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(marker) for marker in sorted(HISTORY_MARKERS, key=len, reverse=True)) + r")(?!\w)"
    # «før 2021», «før oktober 2017», «til 2024», and a span of years such as «(2014–2024)».
    rf"|(?<!\w)før (?:\w+ )?{_YEAR}(?!\d)|(?<!\w)til {_YEAR}(?!\d)|(?<!\d){_YEAR}\s*[–-]\s*{_YEAR}(?!\d)",
    re.IGNORECASE,
)


def tells_history(sentence: str, name: RetiredName) -> bool:
    """Whether a sentence says the name belongs to the past, or sets it beside what replaced it."""
    lowered = sentence.lower()
    return bool(_HISTORY.search(sentence)) or any(current.lower() in lowered for current in name.replaced_by)


# ---- Finding the names ----


@cache
def _pattern(form: str) -> re.Pattern[str]:
    # A form with a capital is a name: it starts a word. A form in lower case is a common noun that may also end a
    # compound («skolehelsesøster»). Either may go on into an ending or a compound («Fylkesmannens»).
    words = r"\s+".join(re.escape(word) for word in form.split())
    start = r"(?<!\w)" if form[:1].isupper() else r"(?<![\w-])\w*?"
    return re.compile(rf"{start}{words}[\w-]*", re.IGNORECASE)


@cache
def _first_words(forms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple({form.split()[0].lower() for form in forms})


def _may_name(text: str, names: Iterable[RetiredName]) -> bool:
    """Whether a form's first word stands anywhere in the text, in any case: a text without one cannot use a name
    (most texts name none). Looking for plain words is many times faster than the forms' patterns."""
    lowered = text.lower()
    return any(word in lowered for word in _first_words(tuple(form for name in names for form in name.forms)))


def _first_form(text: str, name: RetiredName) -> re.Match[str] | None:
    """Where the first of a name's forms (in the order data lists them) stands in a text."""
    for form in name.forms:
        match = _pattern(form).search(text)
        if match:
            return match
    return None


def _found_in(sentence: str, names: Iterable[RetiredName]) -> Iterator[tuple[int, str, RetiredName]]:
    """(offset, text) of each retired name a sentence uses as current. The name is looked for first: most
    sentences name none, and whether a sentence tells the history matters only where one stands."""
    for name in names:
        match = _first_form(sentence, name)
        if match and not tells_history(sentence, name):
            yield match.start(), match.group(0), name


# A sentence ends at . ! or ? before a new sentence; a colon does not end one («Tidligere navn: Fylkesmannen»).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\d*\[])")


def in_text(text: str, names: Iterable[RetiredName], first_line: int = 1) -> list[NameUse]:
    """Each sentence of a plain text (a data file's field) that uses a retired name as current."""
    found: list[NameUse] = []
    offset = 0
    # A name found in no sentence is not in the text: look in the whole text once, and only for the names there.
    names = list(names)
    if not _may_name(text, names):
        return found
    names = [name for name in names if _first_form(text, name)]
    for sentence in _SENTENCE_END.split(text):
        start = text.index(sentence, offset)
        offset = start + len(sentence)
        for at, written, name in _found_in(sentence, names):
            found.append(NameUse(first_line + text.count("\n", 0, start + at), written, name))
    return found


# ---- Markdown ----

# What is not prose: template code, link targets (the link text stays), inline code, HTML comments and tags, and
# addresses.
_NOT_PROSE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\]\([^)]*\)|`[^`]*`|<!--.*?-->|<[^>]+>|https?://\S+")
# A line that starts a new unit of text: a list item, a table row, a heading or a box.
_UNIT_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\||#|!!!|\?\?\?|>)")


def in_markdown(markdown: str, names: Iterable[RetiredName]) -> list[NameUse]:
    """Each sentence of a page's prose that uses a retired name as current; a paragraph's lines are read together,
    so a sentence may run over several."""
    names = list(names)
    return [
        use
        for paragraph in prose.paragraphs(markdown, _NOT_PROSE, _UNIT_START)
        for use in in_text("\n".join(line for _, line in paragraph), names, first_line=paragraph[0][0])
    ]


# ---- YAML: data files and front matter ----

# Fields that hold addresses, ids and references, not prose.
NOT_PROSE_FIELDS = frozenset(
    {
        "id",
        "url",
        "chapter",
        "section",
        "icon",
        "start_page",
        "from",
        "to",
        "pages",
        "perspective",
        "perspectives",
        "steps",
        "self_checks",
        "complaints_url",
        "contact_url",
        "kind",
        "unit",
    }
)
# A source keeps its own title: its title, publisher and address are the source's words, not ours.
SOURCE_FIELDS = frozenset({"source", "sources", "also"})


def _scalars(node: yaml.Node, skip: bool = False) -> Iterator[tuple[int, str]]:
    """Each prose field's text, with the line (from 0) its text starts on."""
    if isinstance(node, yaml.ScalarNode):
        if not skip and isinstance(node.value, str) and not node.value.startswith(("http://", "https://")):
            # A block scalar (| or >) starts on the line below its indicator.
            yield node.start_mark.line + (1 if node.style in ("|", ">") else 0), node.value
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, skip)
    elif isinstance(node, yaml.MappingNode):
        fields = {
            key.value: value.value
            for key, value in node.value
            if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)
        }
        for key, value in node.value:
            field = key.value if isinstance(key, yaml.ScalarNode) else ""
            yield from _scalars(
                value,
                skip or field in NOT_PROSE_FIELDS or field in SOURCE_FIELDS or (field, "false") in _wrong_on_purpose(fields),
            )


def _wrong_on_purpose(fields: dict[str, str]) -> set[tuple[str, str]]:
    """A self-check may state the old name on purpose where it is marked wrong: a true/false statement whose answer
    is false, and a wrong option. Its feedback says what is right, and is read like any other text."""
    if fields.get("kind") == "true_false" and fields.get("answer", "").lower() == "false":
        return {("question", "false")}
    if "feedback" in fields and fields.get("correct", "false").lower() == "false" and "text" in fields:
        return {("text", "false")}
    return set()


def in_yaml(text: str, names: Iterable[RetiredName], first_line: int = 1) -> list[NameUse]:
    """Each field of a YAML text (a data file, or a page's front matter starting at first_line) that uses a retired
    name as current. Sources, addresses and ids are left alone. Text YAML cannot read is someone else's error."""
    try:
        root = yaml.compose(text, Loader=yamlio.SafeLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return []
    if root is None:
        return []
    names = list(names)
    found: list[NameUse] = []
    for line, value in _scalars(root):
        found.extend(in_text(value, names, first_line=first_line + line))
    return found


# ---- Advice ----


def since(name: RetiredName) -> str:
    """«2021» or «1. januar 2024»: when the change came."""
    return str(name.since) if isinstance(name.since, int) else norwegian_date(name.since)


def advice(use: NameUse) -> str:
    """What the author is told, in Norwegian: the name found, what happened, and what to write."""
    name = use.name
    year = name.since if isinstance(name.since, int) else name.since.year
    current = f"«{name.replaced_by[0]}»" if name.replaced_by else ""
    if name.ended:
        todo = f"Skriv om setningen, eller si at det er slutt, for eksempel «ble lagt ned i {year}»."
    else:
        todo = (
            f"Skriv {current}. Skal teksten fortelle om det gamle navnet, må setningen si at det er "
            f"endret, for eksempel «het tidligere {name.name}» eller «fram til {year}»."
        )
    return f"«{use.found}» står som om det gjelder i dag. {name.what} {todo}"


# ---- Pages and data files ----


def uses_as_current(data_dir: Path | None, pages: dict[str, str], names: list[RetiredName], on: dt.date) -> list[AuthorError]:
    """Every retired name a page (its front matter and text) or a data file uses as if it were current (data_dir
    None: the pages alone). A name whose change has not come yet (since is after the day given) is still current."""
    changed = [name for name in names if (dt.date(name.since, 1, 1) if isinstance(name.since, int) else name.since) <= on]
    if not changed:
        return []
    found: list[AuthorError] = []
    # Most pages and files name no retired name at all: one look at the whole text spares reading it in parts.
    for src_uri, text in pages.items():
        if not _may_name(text, changed):
            continue
        try:
            page = frontmatter.split(text)
        except (yaml.YAMLError, ValueError):  # named by load_site already
            continue
        uses = in_yaml(page.raw, changed, first_line=2) + [
            replace(use, line=use.line + page.body_offset) for use in in_markdown(page.body, changed)
        ]
        found += [AuthorError(f"docs/{src_uri}", advice(use), line=use.line) for use in uses]
    if data_dir is None:
        return found
    for path in sorted(data_dir.rglob("*.yml")):
        relative = path.relative_to(data_dir).as_posix()
        if relative in NOT_PROSE_DATA:
            continue
        text = path.read_text(encoding="utf-8")
        if not _may_name(text, changed):
            continue
        found += [AuthorError(f"data/{relative}", advice(use), line=use.line) for use in in_yaml(text, changed)]
    return found
