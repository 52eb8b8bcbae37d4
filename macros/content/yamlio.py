"""Reading YAML: libyaml's C loader when PyYAML was built with it, which is many times faster.

Every data file is read the same careful way (read): UTF-8 with or without a byte-order mark, and each way a
file can fail to load (another encoding, YAML that does not parse, a date that does not exist such as 2027-02-30,
a key written twice) becomes a message for the author naming the file and the line. DataFile.line_of finds the
line of any field, so a validation error names it too.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.content import characters

_FastLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")


class SafeLoader(_FastLoader):
    """A safe loader that refuses a key written twice: YAML keeps the last one, and the first is lost unseen."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"«{key}» står to ganger; slå dem sammen til én", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


# Each text read, as the data it gives, pickled: a `make serve` rebuild reads every page's front matter and every data
# file again, and unpickling is many times faster than reading YAML. Kept in this process only, and only for texts
# that loaded; each caller gets its own copy, so nothing one changes reaches another.
_loaded: dict[str, bytes] = {}
_KEPT_TEXTS = 4096


def load(text: str) -> Any:
    """Like yaml.safe_load, and with the same errors (problem_mark gives the line). A date that does not exist
    (2027-02-30) raises ValueError, as PyYAML does."""
    kept = _loaded.get(text)
    if kept is not None:
        return pickle.loads(kept)  # noqa: S301 - pickled by this process, from YAML a safe loader read
    data = yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
    if len(_loaded) >= _KEPT_TEXTS:
        _loaded.clear()
    _loaded[text] = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    return data


class Unreadable(Exception):
    """A file that cannot be loaded at all; error is the AuthorError that says why and where."""

    def __init__(self, error: Any):
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class DataFile:
    """A loaded YAML file: its data, its text and the line its first line has in the file it came from."""

    data: Any
    text: str
    first_line: int = 1

    def line_of(self, location: tuple[str | int, ...]) -> int | None:
        """The file's line of a field: ("questions", 1, "options") → the line of the second question's options.
        Where the path stops matching (a field that is missing), the line of the nearest field above it."""
        try:
            node = yaml.compose(self.text, Loader=SafeLoader)  # noqa: S506 - a safe loader
        except (yaml.YAMLError, ValueError):
            return None
        line = None
        for part in location:
            if isinstance(node, yaml.MappingNode):
                node = next((value for key, value in node.value if key.value == str(part)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            else:
                node = None
            if node is None:
                break
            line = node.start_mark.line + self.first_line
        return line


def impossible_date(text: str, first_line: int = 1) -> tuple[int | None, str]:
    """The first date written in text that does not exist (2027-02-30), and its line."""
    for number, line in enumerate(text.splitlines(), start=first_line):
        for written in _DATE.findall(line):
            year, month, day = (int(part) for part in written.split("-"))
            try:
                dt.date(year, month, day)
            except ValueError:
                return number, written
    return None, "?"


def decode(raw: bytes, label: str) -> str:
    """A file's text: UTF-8, with or without a byte-order mark. Raises Unreadable naming the first line that is
    not UTF-8 (a file saved as Windows-1252 or Latin-1)."""
    from macros.content.errors import AuthorError

    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise Unreadable(
            AuthorError(
                label,
                "er ikke lagret som UTF-8, så æ, ø og å blir feil. Åpne filen og lagre den på nytt med tegnsettet UTF-8.",
                line=line,
            )
        ) from None


def parse(text: str, label: str, first_line: int = 1, front_matter: bool = False) -> DataFile:
    """YAML text as a DataFile; raises Unreadable for YAML that does not parse or a date that does not exist."""
    from macros.content.errors import AuthorError, from_yaml

    unsafe = characters.lines_with_problems(text, first_line)
    if unsafe:
        line, advice = unsafe[0]
        raise Unreadable(AuthorError(label, f"Linjen {advice}.", line=line))
    try:
        return DataFile(load(text), text, first_line)
    except yaml.YAMLError as error:
        raise Unreadable(from_yaml(label, error, front_matter=front_matter)) from None
    except ValueError:  # YAML reads 2027-02-30 as a date, and there is no such day
        at, written = impossible_date(text, first_line)
        raise Unreadable(
            AuthorError(label, f"Datoen «{written}» finnes ikke. Skriv en dato som finnes, som ÅÅÅÅ-MM-DD.", line=at)
        ) from None


def read(path: Path, label: str) -> DataFile:
    """A data file read carefully (see the module's docstring); label is how the author knows it (data/x.yml)."""
    return parse(decode(path.read_bytes(), label), label)
