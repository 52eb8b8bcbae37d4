"""Error messages for authors: what is wrong, where, and what to do about it.

Authors are not programmers, so pydantic's and YAML's messages are put into plain Norwegian. IntroError is the one
base of every error INTRO raises for a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

# Only the standard library at the top: the loader imports IntroError before anything that may be missing.
if TYPE_CHECKING:
    from pydantic import ValidationError


@dataclass(frozen=True)
class AuthorError:
    """One problem in one file, phrased for the person who wrote the file."""

    path: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, linje {self.line}"
        field = f" feltet «{self.field}»" if self.field else ""
        return f"{where}:{field} {self.message}"


class IntroError(Exception):
    """Every error INTRO raises for a person to act on, the author or the developer. Its message is whole, in
    Norwegian, and says what to do; macros/stopping.py turns it into what MkDocs or a command prints, without a
    traceback."""

    def for_author(self) -> str:
        return str(self)


class ContentError(IntroError):
    """Raised with every problem found, so an author sees them all at once."""

    def __init__(self, errors: list[AuthorError]):
        self.errors = errors
        lines = "\n".join(f"  - {error}" for error in errors)
        super().__init__(f"Innholdet har {len(errors)} feil som må rettes før nettstedet kan bygges:\n{lines}")


# ---- Helpers ----

_DATE = "er ikke en gyldig dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-11-23."
_NUMBER = (
    "skal være et tall. Skriv desimaltall med punktum og uten mellomrom i datafilene, for eksempel 26.9 "
    "eller 3278; nettstedet viser dem med komma og mellomrom."
)
_FIX_BY_TYPE = {
    "missing": "mangler. Legg det til.",
    "extra_forbidden": "er ikke et kjent felt. Sjekk stavemåten, eller fjern det.",
    "date_from_datetime_parsing": _DATE,
    "date_parsing": _DATE,
    "date_type": "er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-11-23.",
    "date_from_datetime_inexact": "skal være bare en dato, uten klokkeslett (ÅÅÅÅ-MM-DD).",
    "string_pattern_mismatch": "kan bare inneholde små bokstaver (a–z), tall og bindestrek, for eksempel «slik-far-du-hjelp».",
    "string_type": "skal være en tekst. Sett anførselstegn rundt den hvis den ser ut som et tall eller en dato.",
    "list_type": "skal være en liste, med ett punkt per linje som begynner med «- ».",
    "dict_type": "skal være en gruppe med underfelt.",
    "int_parsing": "skal være et helt tall, for eksempel et årstall, uten mellomrom eller komma.",
    "int_from_float": "skal være et helt tall, uten desimaler.",
    "float_parsing": _NUMBER,
    "float_type": _NUMBER,
    "string_too_short": "er tomt. Skriv inn en tekst.",
    "model_type": "skal være en gruppe med felt, for eksempel «questions:» med spørsmålene under.",
    "model_attributes_type": "skal være en gruppe med felt, for eksempel «questions:» med spørsmålene under.",
    "bool_type": "skal være true eller false.",
    "bool_parsing": "skal være true eller false.",
    "int_type": "skal være et helt tall.",
}
# A value that fits none of a field's kinds: pydantic names each kind it tried; the author gets one message.
_EITHER = {
    frozenset({"int_parsing", "float_parsing"}): _NUMBER,
    frozenset({"int_type", "float_type"}): _NUMBER,
}
_YEAR_OR_DATE = "skal være et årstall (for eksempel 2025) eller en dato (ÅÅÅÅ-MM-DD, for eksempel 2024-05-01)."
# The parts of pydantic's location that name a kind of value it tried (int, float, function-after[…]), not a field.
_KINDS = {"int", "float", "str", "bool", "date", "datetime", "none", "dict", "list"}


def _field_name(location: tuple[str | int, ...]) -> str:
    # ("sources", 0, "url") reads as «sources nr. 1, url» for an author.
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]} nr. {part + 1}" if parts else f"nr. {part + 1}"
        else:
            parts.append(str(part))
    return ", ".join(parts)


def _written(error: Mapping[str, Any]) -> str:
    value = error.get("input")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value)
        return f" Det står «{text[:60]}{'…' if len(text) > 60 else ''}»."
    return ""


def _plain(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind in ("too_short", "too_long"):
        limit = context.get("min_length") if kind == "too_short" else context.get("max_length")
        word = "minst" if kind == "too_short" else "høyst"
        return f"skal ha {word} {limit} punkter, men har {context.get('actual_length')}."
    if kind == "string_too_long":
        return f"er for langt: høyst {context.get('max_length')} tegn."
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        limit = next(iter(context.values()), "?")
        word = {"greater_than_equal": "minst", "greater_than": "over", "less_than_equal": "høyst", "less_than": "under"}[kind]
        return f"skal være {word} {limit}.{_written(error)}"
    if kind == "value_error":
        return str(context.get("error", "har en verdi som ikke passer her")) + "."
    if kind == "literal_error":
        return f"skal være en av disse: {str(context.get('expected', '')).replace(' or ', ' eller ')}."
    if kind.startswith("url"):
        return "er ikke en gyldig nettadresse. Den skal begynne med https://." + _written(error)
    if kind in _FIX_BY_TYPE:
        message = _FIX_BY_TYPE[kind]
        return message + (_written(error) if kind.endswith(("parsing", "from_float", "_type")) else "")
    # Never pydantic's English: what the author wrote, and where to look.
    return "har en verdi som ikke passer her. Se hvordan feltet er skrevet i en annen oppføring." + _written(error)


def line_of_key(front_matter: str, key: str) -> int | None:
    """The line in the file where a top-level key stands, given the text after the opening ---."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:", re.M)
    match = pattern.search(front_matter)
    if not match:
        return None
    return front_matter.count("\n", 0, match.start()) + 1


# ---- Public ----


def from_validation(
    path: str,
    error: ValidationError,
    front_matter: str = "",
    line_of: Callable[[tuple[str | int, ...]], int | None] | None = None,
) -> list[AuthorError]:
    """Turn a pydantic validation error into one author error per field. line_of: the file's line of a field
    (yamlio.DataFile.line_of); without it, the line of the top-level key in front_matter."""
    by_field: dict[tuple[str | int, ...], list[Mapping[str, Any]]] = {}
    for item in error.errors():
        location = tuple(part for part in item["loc"] if not _is_kind(part))
        by_field.setdefault(location, []).append(item)
    found: list[AuthorError] = []
    for location, items in by_field.items():
        kinds = frozenset(item["type"] for item in items)
        if kinds in _EITHER:
            messages = [_EITHER[kinds] + _written(items[0])]
        elif "int_parsing" in kinds and any(kind.startswith("date") for kind in kinds):
            messages = [_YEAR_OR_DATE + _written(items[0])]
        else:
            messages = list(dict.fromkeys(_plain(item) for item in items))
        top = str(location[0]) if location else None
        line = line_of(location) if line_of else (line_of_key(front_matter, top) if top else None)
        found += [
            AuthorError(path=path, field=_field_name(location) if location else None, line=line, message=message)
            for message in messages
        ]
    return found


def _is_kind(part: str | int) -> bool:
    return isinstance(part, str) and (part in _KINDS or "[" in part)


# PyYAML's problems in words an author can act on; a problem not listed is left out (never its English).
_YAML_PROBLEMS = {
    "mapping values are not allowed": "et kolon står midt i en tekst",
    "could not find expected ':'": "en linje mangler kolon etter feltnavnet",
    "found character '\\t'": "det står en tabulator; bruk mellomrom til innrykk",
    "found a tab character": "det står en tabulator; bruk mellomrom til innrykk",
    "expected <block end>": "innrykket stemmer ikke med linjene over",
    "did not find expected key": "innrykket stemmer ikke med linjene over",
    "did not find expected '-' indicator": "et punkt i en liste mangler «- »",
    "found undefined alias": "en * foran et ord; sett anførselstegn rundt teksten",
    "found unexpected end of stream": "et anførselstegn eller en klamme er ikke lukket",
    "found unknown escape character": "en \\ i en tekst med doble anførselstegn; bruk enkle anførselstegn",
    "special characters are not allowed": "et usynlig kontrolltegn; skriv linjen på nytt",
    "found unhashable key": "et felt er skrevet som en liste eller klamme",
}


def from_yaml(path: str, error: Exception, front_matter: bool = True) -> AuthorError:
    """Turn a YAML parse error into an author error with the line it happened on."""
    from yaml import MarkedYAMLError

    line = None
    if isinstance(error, MarkedYAMLError) and error.problem_mark is not None:
        # The mark counts from 0; front matter also starts after its opening --- line.
        line = error.problem_mark.line + (2 if front_matter else 1)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    said = problem if "«" in problem else next((words for english, words in _YAML_PROBLEMS.items() if english in problem), None)
    what = "Toppteksten (mellom linjene med ---)" if front_matter else "Filen"
    return AuthorError(
        path=path,
        line=line,
        message=(
            f"{what} er ikke gyldig YAML{f' ({said})' if said else ''}. "
            "Sjekk innrykk, og sett anførselstegn rundt tekst som inneholder kolon."
        ),
    )
