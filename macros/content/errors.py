"""Error messages for authors: what is wrong, where, and what to do about it.

Authors are not programmers, so pydantic's and YAML's messages are put into plain Norwegian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError
from yaml import MarkedYAMLError


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


class ContentError(Exception):
    """Raised with every problem found, so an author sees them all at once."""

    def __init__(self, errors: list[AuthorError]):
        self.errors = errors
        lines = "\n".join(f"  - {error}" for error in errors)
        super().__init__(f"Innholdet har {len(errors)} feil som må rettes før nettstedet kan bygges:\n{lines}")


# ---- Helpers ----

_FIX_BY_TYPE = {
    "missing": "mangler. Legg det til.",
    "extra_forbidden": "er ikke et kjent felt. Sjekk stavemåten, eller fjern det.",
    "date_from_datetime_parsing": "er ikke en gyldig dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-11-23.",
    "date_parsing": "er ikke en gyldig dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-11-23.",
    "date_type": "er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-11-23.",
    "date_from_datetime_inexact": "skal være bare en dato, uten klokkeslett (ÅÅÅÅ-MM-DD).",
    "string_pattern_mismatch": "kan bare inneholde små bokstaver (a–z), tall og bindestrek, for eksempel «slik-far-du-hjelp».",
    "url_parsing": "er ikke en gyldig nettadresse. Den skal begynne med https://.",
    "url_scheme": "er ikke en gyldig nettadresse. Den skal begynne med https://.",
    "string_type": "skal være en tekst.",
    "list_type": "skal være en liste, med ett punkt per linje som begynner med «- ».",
    "dict_type": "skal være en gruppe med underfelt.",
    "int_parsing": "skal være et helt tall, for eksempel et årstall.",
    "string_too_short": "er tomt. Skriv inn en tekst.",
    "model_type": "skal være en gruppe med felt, for eksempel «questions:» med spørsmålene under.",
    "model_attributes_type": "skal være en gruppe med felt, for eksempel «questions:» med spørsmålene under.",
    "bool_type": "skal være true eller false.",
    "bool_parsing": "skal være true eller false.",
    "int_type": "skal være et helt tall.",
}


def _field_name(location: tuple[str | int, ...]) -> str:
    # ("sources", 0, "url") reads as «sources nr. 1, url» for an author.
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]} nr. {part + 1}" if parts else f"nr. {part + 1}"
        else:
            parts.append(str(part))
    return ", ".join(parts)


def _plain(error: dict) -> str:
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind in ("too_short", "too_long"):
        limit = context.get("min_length") if kind == "too_short" else context.get("max_length")
        word = "minst" if kind == "too_short" else "høyst"
        return f"skal ha {word} {limit} punkter, men har {context.get('actual_length')}."
    if kind == "string_too_long":
        return f"er for langt: høyst {context.get('max_length')} tegn."
    if kind in ("greater_than_equal", "less_than_equal"):
        return "har et årstall som ikke er mulig."
    if kind == "value_error":
        return str(context.get("error", error["msg"])) + "."
    if kind == "literal_error":
        return f"skal være en av disse: {str(context.get('expected', '')).replace(' or ', ' eller ')}."
    return _FIX_BY_TYPE.get(kind, error["msg"] + ".")


def line_of_key(front_matter: str, key: str) -> int | None:
    """The line in the file where a top-level key stands, given the text after the opening ---."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:", re.M)
    match = pattern.search(front_matter)
    if not match:
        return None
    return front_matter.count("\n", 0, match.start()) + 1


# ---- Public ----


def from_validation(path: str, error: ValidationError, front_matter: str = "") -> list[AuthorError]:
    """Turn a pydantic validation error into one author error per field."""
    found: list[AuthorError] = []
    for item in error.errors():
        location = tuple(item["loc"])
        top = str(location[0]) if location else None
        found.append(
            AuthorError(
                path=path,
                field=_field_name(location) if location else None,
                line=line_of_key(front_matter, top) if top else None,
                message=_plain(item),
            )
        )
    return found


def from_yaml(path: str, error: Exception, front_matter: bool = True) -> AuthorError:
    """Turn a YAML parse error into an author error with the line it happened on."""
    line = None
    if isinstance(error, MarkedYAMLError) and error.problem_mark is not None:
        # The mark counts from 0; front matter also starts after its opening --- line.
        line = error.problem_mark.line + (2 if front_matter else 1)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    what = "Toppteksten (mellom linjene med ---)" if front_matter else "Filen"
    return AuthorError(
        path=path,
        line=line,
        message=(
            f"{what} er ikke gyldig YAML ({problem}). "
            "Sjekk innrykk, og sett anførselstegn rundt tekst som inneholder kolon."
        ),
    )
