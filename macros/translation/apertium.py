"""Apertium, run once for many pieces of text, with a cache keyed on the text and the installed translator.

Each piece goes in as Apertium's own stream format: the text with Apertium's special characters escaped, and
what must stay as written (a macro call, a link target, a name) as a «superblank» in square brackets, which
Apertium passes through untouched, in place. Pieces are separated by NUL characters and translated with null
flushing (`apertium -z`), so each piece is translated on its own and one process serves them all.

Apertium marks a word it does not know with `*` (and a word it could not generate with `#`); those marks are
taken off here and reported, so the build can name the page and the word.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

# The characters Apertium's stream format gives a meaning; in text they are escaped with a backslash.
SPECIAL = "\\[]^$/@<>{}"
# Also kept out of the text: Apertium writes them itself in front of a word it could not translate.
MARKS = "*#"
# Where Debian (and a local install) keeps the language pairs' modes.
MODE_FOLDERS = (Path("/usr/share/apertium/modes"), Path("/usr/local/share/apertium/modes"))
PACKAGES = ("apertium", "apertium-nno-nob")
# A piece ends as Apertium's own deformatters end one, with a full stop in front of an empty superblank, here
# after a space: without it a number at the end («fra 2024.») would take the full stop as an ordinal's and
# the piece's own would be lost. Apertium keeps all three, and they are taken off again.
END = " .[]"
TIMEOUT_S = 1800
_WORD = re.compile(r"[\w-]+")


class TranslatorMissing(Exception):
    """Apertium or the language pair is not installed; the message says what to install."""


class TranslationFailed(Exception):
    """Apertium stopped or answered in a shape it should not; the message says what happened."""


def escape(text: str) -> str:
    """Text as Apertium reads it: its special characters escaped."""
    return "".join("\\" + ch if ch in SPECIAL else ch for ch in text)


def superblank(text: str) -> str:
    """Text Apertium passes through as written, where it stands."""
    return "[" + text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]") + "]"


@dataclass(frozen=True)
class Translated:
    """A piece of text in the target language, and the words Apertium marked as not translated."""

    text: str
    unknown: tuple[str, ...] = ()


def decode(stream: str) -> Translated:
    """Apertium's answer for one piece as plain text: superblanks opened, escapes undone, marks taken off."""
    if stream.endswith(END):
        stream = stream[: -len(END)]
    out: list[str] = []
    unknown: list[str] = []
    i, length = 0, len(stream)
    while i < length:
        ch = stream[i]
        if ch == "\\" and i + 1 < length:
            out.append(stream[i + 1])
            i += 2
        elif ch == "[":
            i += 1
            kept: list[str] = []
            while i < length and stream[i] != "]":
                if stream[i] == "\\" and i + 1 < length:
                    i += 1
                kept.append(stream[i])
                i += 1
            out.append("".join(kept))
            i += 1
        elif ch in MARKS + "@" and i + 1 < length and (stream[i + 1].isalnum()):
            word = _WORD.match(stream, i + 1)
            assert word is not None
            unknown.append(word.group())
            out.append(word.group())
            i = word.end()
        else:
            out.append(ch)
            i += 1
    return Translated("".join(out), tuple(unknown))


def mode_file(mode: str) -> Path:
    """The installed mode file of an Apertium mode (nob-nno_e); TranslatorMissing if there is none."""
    if shutil.which("apertium") is None:
        raise TranslatorMissing(
            "Den nynorske utgaven oversettes fra bokmål med Apertium, og Apertium er ikke installert. Installer "
            f"Debian-pakkene {' og '.join(PACKAGES)} (make setup-nynorsk gjør det)."
        )
    for folder in MODE_FOLDERS:
        if (folder / f"{mode}.mode").is_file():
            return folder / f"{mode}.mode"
    raise TranslatorMissing(
        f"Apertium kan ikke oversette med «{mode}»: språkparet er ikke installert. Installer Debian-pakken "
        f"{PACKAGES[1]} (make setup-nynorsk), eller velg en av oversettelsene «apertium -l» viser."
    )


def version(mode: str) -> str:
    """What the installed translator is: the mode and every file it runs with, by size and time. A new version of
    the language pair gives a new value, so nothing it would translate differently is taken from the cache."""
    path = mode_file(mode)
    text = path.read_text(encoding="utf-8")
    parts = [text, END]
    for used in sorted(set(re.findall(r"'(/[^']+)'", text))):
        try:
            status = os.stat(used)
        except OSError:
            continue
        parts.append(f"{used}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class Cache:
    """What Apertium answered for each piece, by the piece's hash, in one JSON file per mode and version."""

    path: Path
    entries: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    changed: bool = False

    @classmethod
    def open(cls, folder: Path, mode: str, installed: str) -> Cache:
        path = folder / f"{mode}-{installed}.json"
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}
        return cls(path, entries if isinstance(entries, dict) else {})

    @staticmethod
    def key(piece: str) -> str:
        return hashlib.sha256(piece.encode("utf-8")).hexdigest()[:24]

    def get(self, piece: str) -> str | None:
        key = self.key(piece)
        self.used.add(key)
        return self.entries.get(key)

    def put(self, piece: str, answer: str) -> None:
        key = self.key(piece)
        self.used.add(key)
        self.entries[key] = answer
        self.changed = True

    def save(self) -> None:
        """Write what this build used (a piece no page has any longer is dropped); the old caches of other
        versions of the translator go."""
        kept = {key: self.entries[key] for key in sorted(self.used) if key in self.entries}
        if not self.changed and len(kept) == len(self.entries):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for old in self.path.parent.glob(self.path.name.rsplit("-", 1)[0] + "-*.json"):
            if old != self.path:
                old.unlink(missing_ok=True)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(kept, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, self.path)
        self.entries, self.changed = kept, False


def _run(mode: str, pieces: Sequence[str]) -> list[str]:
    """One Apertium process translating pieces (in stream format), each on its own."""
    data = "".join(piece + END + "\0" for piece in pieces)
    try:
        result = subprocess.run(
            ["apertium", "-z", "-f", "none", mode],
            input=data.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError:
        mode_file(mode)  # says what to install
        raise
    except subprocess.TimeoutExpired as error:
        raise TranslationFailed(f"Apertium brukte mer enn {TIMEOUT_S} sekunder og ble stoppet.") from error
    if result.returncode != 0:
        raise TranslationFailed(f"Apertium stoppet med feil: {result.stderr.decode('utf-8', 'replace').strip()[-500:]}")
    answers = result.stdout.decode("utf-8").split("\0")
    # Apertium ends its output with a few more NULs than it was given.
    while answers and answers[-1] == "":
        answers.pop()
    if len(answers) != len(pieces):
        raise TranslationFailed(f"Apertium ga {len(answers)} tekstbiter tilbake for {len(pieces)}.")
    return answers


def _batches(pieces: Sequence[str], count: int) -> list[list[str]]:
    """pieces in count runs of about the same length, in order."""
    total = sum(len(piece) for piece in pieces) or 1
    batches: list[list[str]] = [[] for _ in range(count)]
    done = 0
    for piece in pieces:
        batches[min(count - 1, done * count // total)].append(piece)
        done += len(piece)
    return [batch for batch in batches if batch]


@dataclass
class Translator:
    """Translates pieces in Apertium's stream format with one mode, through a cache."""

    mode: str
    cache: Cache
    workers: int = 0  # processes side by side for what the cache lacks; 0: one per core
    translated: int = 0  # pieces Apertium translated in this build (the rest came from the cache)

    @classmethod
    def open(cls, mode: str, cache_folder: Path) -> Translator:
        return cls(mode, Cache.open(cache_folder, mode, version(mode)))

    def translate(self, pieces: Iterable[str]) -> list[Translated]:
        """Each piece translated, in order; what the cache lacks goes to Apertium in one go."""
        pieces = list(pieces)
        answers = {piece: self.cache.get(piece) for piece in pieces}
        missing = sorted({piece for piece, answer in answers.items() if answer is None})
        if missing:
            workers = max(1, min(self.workers or os.cpu_count() or 1, len(missing) // 50 + 1))
            batches = _batches(missing, workers)
            with ThreadPoolExecutor(len(batches)) as pool:
                results = list(pool.map(lambda batch: _run(self.mode, batch), batches))
            for batch, result in zip(batches, results, strict=True):
                for piece, answer in zip(batch, result, strict=True):
                    self.cache.put(piece, answer)
                    answers[piece] = answer
            self.translated += len(missing)
        return [decode(answers[piece] or "") for piece in pieces]
