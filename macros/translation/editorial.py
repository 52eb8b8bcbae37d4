"""What the editors decide about the translation, as data in data/nynorsk/, read and checked once.

- terms.yml: the sector's words and the names that stay: «where the bokmål text has this, the nynorsk text has
  that». A term without a nynorsk form is a name or a title and stays as written. The term replaces the words
  before Apertium sees the text, so Apertium never gets the chance to translate them differently.
- corrections.yml: sentences a person has corrected, per file: the bokmål sentence as it stands in the file, and
  the nynorsk sentence to show instead. A correction whose bokmål sentence is no longer in the file stops the
  build, so an editor sees that the source has changed.
- untranslated.txt: words Apertium does not know and may leave as they are (names, new compounds), one a line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from macros.content import yamlio
from macros.content.errors import AuthorError, ContentError, from_validation, from_yaml

TERMS = "terms.yml"
CORRECTIONS = "corrections.yml"
UNTRANSLATED = "untranslated.txt"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Term(_Entry):
    bokmal: str = Field(alias="bokmål", min_length=1, description="ordet eller navnet slik det står på bokmål")
    nynorsk: str | None = Field(
        default=None, min_length=1, description="slik det skal stå på nynorsk; uten nynorsk står det som på bokmål"
    )

    @field_validator("bokmal", "nynorsk")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        if value is not None and (value != value.strip() or "\n" in value):
            raise ValueError("skal stå på én linje, uten mellomrom først eller sist")
        return value


class Correction(_Entry):
    file: str = Field(min_length=1, description="filen setningen står i, for eksempel docs/kapitler/lovene.md")
    bokmal: str = Field(alias="bokmål", min_length=1, description="setningen slik den står på bokmål i filen")
    nynorsk: str = Field(min_length=1, description="setningen slik den skal stå på nynorsk")


@dataclass(frozen=True)
class Editorial:
    """The editors' decisions, checked."""

    terms: tuple[Term, ...] = ()
    corrections: tuple[Correction, ...] = ()
    untranslated: frozenset[str] = frozenset()
    folder: str = "data/nynorsk"  # as the editors know it, for messages

    def allowed(self, word: str) -> bool:
        """A word Apertium may leave as it is: on the list (as written, or in lower case at the start of a
        sentence), an abbreviation in capitals, or a word with digits in it."""
        if word in self.untranslated or word[:1].lower() + word[1:] in self.untranslated:
            return True
        letters = re.sub(r"[^\w]", "", word)
        return any(ch.isdigit() for ch in word) or (len(letters) > 1 and letters.isupper())


def _entries(path: Path, label: str, model: type[_Entry], errors: list[AuthorError]) -> list:
    if not path.is_file():
        return []
    try:
        raw = yamlio.load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        errors.append(from_yaml(label, error, front_matter=False))
        return []
    if not isinstance(raw, list):
        errors.append(AuthorError(label, "Filen skal være en liste der hvert punkt begynner med «- »."))
        return []
    entries = []
    for number, entry in enumerate(raw, start=1):
        try:
            entries.append(model.model_validate(entry))
        except ValidationError as error:
            for found in from_validation(label, error):
                errors.append(AuthorError(label, f"{found.message} (oppføring nr. {number})", field=found.field))
    return entries


def load(folder: Path, label: str, project: Path) -> Editorial:
    """The editors' files in folder (label: the folder as the editors know it, data/nynorsk). Raises ContentError
    with every problem."""
    errors: list[AuthorError] = []
    terms: list[Term] = _entries(folder / TERMS, f"{label}/{TERMS}", Term, errors)
    corrections: list[Correction] = _entries(folder / CORRECTIONS, f"{label}/{CORRECTIONS}", Correction, errors)
    for written, count in Counter(term.bokmal for term in terms).items():
        if count > 1:
            errors.append(AuthorError(f"{label}/{TERMS}", f"«{written}» står {count} ganger. Behold én av dem."))
    for number, correction in enumerate(corrections, start=1):
        if not (project / correction.file).is_file():
            errors.append(
                AuthorError(
                    f"{label}/{CORRECTIONS}",
                    f"Filen «{correction.file}» finnes ikke. Skriv stien "
                    f"fra prosjektmappen, for eksempel docs/kapitler/lovene.md (oppføring nr. {number}).",
                    field="file",
                )
            )
    untranslated_path = folder / UNTRANSLATED
    untranslated: set[str] = set()
    if untranslated_path.is_file():
        for number, line in enumerate(untranslated_path.read_text(encoding="utf-8").splitlines(), start=1):
            word = line.strip()
            if not word or word.startswith("#"):
                continue
            if " " in word:
                errors.append(
                    AuthorError(
                        f"{label}/{UNTRANSLATED}",
                        f"«{word}» er mer enn ett ord. Skriv ett ord per linje, eller legg navnet i terms.yml.",
                        line=number,
                    )
                )
            untranslated.add(word)
    if errors:
        raise ContentError(errors)
    return Editorial(tuple(terms), tuple(corrections), frozenset(untranslated), label)


def term_pattern(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    """One pattern for every term, the longest first; a term written with a small first letter also matches with
    a capital."""
    written = {term.bokmal for term in terms}
    if not written:
        return None
    alternatives = []
    for text in sorted(written, key=lambda w: (-len(w), w)):
        first = text[0]
        head = f"[{re.escape(first)}{re.escape(first.upper())}]" if first.islower() else re.escape(first)
        alternatives.append(head + re.escape(text[1:]))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w])")


def replacement(terms: tuple[Term, ...]):
    """What stands in the translation for a match of term_pattern: the term's nynorsk form (with a capital where the
    text had one), or the text as written."""
    nynorsk = {term.bokmal: term.nynorsk for term in terms}

    def replace(match: re.Match[str]) -> str:
        found = match.group()
        key = found if found in nynorsk else found[:1].lower() + found[1:]
        target = nynorsk.get(key)
        if target is None:
            return found
        return target[:1].upper() + target[1:] if found[:1].isupper() and not key[:1].isupper() else target

    return replace
