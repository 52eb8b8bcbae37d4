"""Norwegian bokmål spelling check of what readers see, with hunspell and a project word list.

The text checked is the body of every page under docs/, the front matter texts readers see
(title, summary, learning_goals, key_points), admonition titles, and the terms and definitions
in data/glossary.yml. Code, link targets, Jinja, markup, URLs, e-mail addresses, domain names, numbers,
§ references and words in ALL CAPS or with digits (KAD, BPA, LIS1) are not checked.

hunspell (Debian packages hunspell and hunspell-no) runs once for all words of all files.
Correctly spelt words it does not know (sector terms, names, compounds) belong in the project
word list, data/stavekontroll.txt; a misspelling is fixed in the text instead.

Run `make spelling` (or `python -m macros.commands.cli spelling`) to list unknown words per file.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

import yaml

from macros.content import frontmatter
from macros.content.errors import IntroError
from macros.content.norwegian import sort_key
from macros.content.readability import prose
from macros.content.site_map import doc_pages, read_page

WORD_LIST = "data/stavekontroll.txt"
GLOSSARY = "data/glossary.yml"
PROGRAMMES = "data/programmes"
PROGRAMME_KEYS = ("id", "chapter", "section")  # not words: ids and anchors
DICTIONARY = "nb_NO"
# The Norwegian dictionary is stored in ISO 8859-1: hunspell cannot look up a word outside it.
DICTIONARY_ENCODING = "iso-8859-1"
# Front matter fields that readers see on the page; the other fields are data, not prose.
READER_FIELDS = ("title", "summary", "learning_goals", "key_points")
GLOSSARY_FIELDS = ("term", "definition")
APT_PACKAGES = ("hunspell", "hunspell-no")

_ADMONITION_TITLE = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*[\w-]*\s*"(.*?)"\s*$', re.M)
_INLINE_CODE = re.compile(r"(`+).*?\1", re.S)
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)\S+", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:no|com|org|net|eu|io|se|dk|int)\b", re.I)
_ENTITY = re.compile(r"&#?\w+;")
_SECTION = re.compile(r"§+\s*\d[\w–-]*(?:\s+[a-z]\b)?")
_PATHLIKE = re.compile(r"\S+\.(?:md|html?|ya?ml|zip|pdf|json|txt|css|js)\b", re.I)
# Letters and digits; hyphens and apostrophes split a word into parts, as hunspell does.
_TOKEN = re.compile(r"[^\W_]+")
# A link's text often is a chapter title: mark its start, so a capital there counts as a start.
_LINK_START = re.compile(r"(!?\[)(?=[^\]]*\]\()")
_TITLE_MARK = "\x01"
# A new sentence starts after . ! ? : or where prose() marks a block (\x00), after a blank line,
# or at a link's text.
_SENTENCE_END = re.compile(r"[.!?:\x00\x01]|\n[ \t]*\n")


class Word(NamedTuple):
    text: str
    starts_sentence: bool


class MissingHunspell(IntroError):
    pass


# ---- Extracting the words ----


def _checkable(token: str) -> bool:
    """Words with digits, in ALL CAPS (abbreviations) or of a single letter are not checked."""
    return len(token) > 1 and not any(ch.isdigit() for ch in token) and not token.isupper()


def words(text: str) -> list[Word]:
    """The words to check in plain prose, each marked if it starts a sentence."""
    for pattern in (_INLINE_CODE, _URL, _EMAIL, _DOMAIN, _ENTITY, _SECTION, _PATHLIKE):
        text = pattern.sub(" ", text)
    found: list[Word] = []
    last_end = 0
    for match in _TOKEN.finditer(text):
        between = text[last_end : match.start()]
        starts = last_end == 0 or bool(_SENTENCE_END.search(between))
        last_end = match.end()
        if _checkable(match.group()):
            found.append(Word(match.group(), starts))
    return found


def _field_texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _field_texts(item)


def markdown_words(source: str) -> list[Word]:
    """The words readers see in a Markdown page: front matter texts, admonition titles and body prose."""
    page = frontmatter.split(source)
    meta, body = page.meta, page.body
    found: list[Word] = []
    for key in READER_FIELDS:
        for text in _field_texts(meta.get(key)):
            found.extend(words(text))
    for title in _ADMONITION_TITLE.findall(body):
        found.extend(words(title))
    found.extend(words(prose(_LINK_START.sub(lambda m: m.group(1) + _TITLE_MARK, body))))
    return found


def glossary_words(source: str) -> list[Word]:
    """The words of the glossary's terms and definitions."""
    found: list[Word] = []
    for entry in yaml.safe_load(source) or []:
        if isinstance(entry, dict):
            for key in GLOSSARY_FIELDS:
                for text in _field_texts(entry.get(key)):
                    found.extend(words(text))
    return found


def programme_words(source: str) -> list[Word]:
    """The words a programme's data puts on its pages, sheets and posters (every text but ids and anchors)."""

    def texts(value: object) -> Iterator[str]:
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in PROGRAMME_KEYS:
                    yield from texts(item)
        elif isinstance(value, list):
            for item in value:
                yield from texts(item)
        elif isinstance(value, str):
            yield value

    return [word for text in texts(yaml.safe_load(source)) for word in words(text)]


def content_words(root: Path, docs_dir: Path | None = None, data_dir: Path | None = None) -> dict[str, list[Word]]:
    """The words to check in every page under docs/, the programmes and the glossary, by path from the project root (the
    config's folder); docs/ and data/ are root's unless given."""
    docs, data = docs_dir or root / "docs", data_dir or root / "data"
    files = {path.relative_to(root).as_posix(): markdown_words(read_page(path)) for _, path in doc_pages(docs)}
    glossary = data / Path(GLOSSARY).name
    for programme in sorted((data / Path(PROGRAMMES).name).glob("*.yml")):
        files[programme.relative_to(root).as_posix()] = programme_words(programme.read_text(encoding="utf-8"))
    if glossary.is_file():
        files[glossary.relative_to(root).as_posix()] = glossary_words(glossary.read_text(encoding="utf-8"))
    return files


# ---- Checking them ----


def parse_word_list(text: str) -> frozenset[str]:
    """The project word list: one word a line; lines starting with # and blank lines are skipped."""
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def load_word_list(root: Path, data_dir: Path | None = None) -> frozenset[str]:
    path = (data_dir or root / "data") / Path(WORD_LIST).name
    return parse_word_list(path.read_text(encoding="utf-8")) if path.is_file() else frozenset()


def hunspell_unknown(candidates: Iterable[str], dictionary: str = DICTIONARY) -> set[str]:
    """The words hunspell's dictionary does not know, from one hunspell run over all of them."""
    unique = sorted(set(candidates))
    # hunspell cannot convert a word outside the dictionary's encoding and silently skips it.
    unencodable = {word for word in unique if not _encodable(word)}
    lookup = [word for word in unique if word not in unencodable]
    if not lookup:
        return unencodable
    try:
        result = subprocess.run(
            ["hunspell", "-d", dictionary, "-i", "utf-8", "-l"],
            input="\n".join(lookup) + "\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
    except FileNotFoundError as error:
        raise MissingHunspell(
            f"hunspell is not installed. Install the Debian packages: apt-get install {' '.join(APT_PACKAGES)}"
        ) from error
    if result.returncode != 0 or "Can't open affix or dictionary" in result.stderr:
        raise MissingHunspell(
            f"hunspell could not check with the {dictionary} dictionary (Debian package hunspell-no): {result.stderr.strip()}"
        )
    reported = {line.strip() for line in result.stdout.splitlines() if line.strip()}
    unknown = reported & set(lookup)
    # If hunspell split a word in a way we did not, count every word holding the part it reported.
    for part in reported - unknown:
        unknown.update(word for word in lookup if part in word)
    return unknown | unencodable


def _encodable(word: str) -> bool:
    try:
        word.encode(DICTIONARY_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def accepted(word: Word, word_list: frozenset[str]) -> bool:
    """In the project word list as written, or in lower case when it starts a sentence."""
    return word.text in word_list or (word.starts_sentence and word.text.lower() in word_list)


def unknown_words(
    files: Mapping[str, list[Word]], word_list: frozenset[str] = frozenset(), dictionary: str = DICTIONARY
) -> dict[str, list[str]]:
    """Per file, the sorted words neither hunspell nor the word list knows; files without any are left out."""
    not_in_dictionary = hunspell_unknown((w.text for found in files.values() for w in found), dictionary)
    report: dict[str, list[str]] = {}
    for label, found in files.items():
        unknown = {w.text for w in found if w.text in not_in_dictionary and not accepted(w, word_list)}
        if unknown:
            report[label] = sorted(unknown, key=sort_key)
    return report


def check(root: Path, docs_dir: Path | None = None, data_dir: Path | None = None) -> dict[str, list[str]]:
    """The spelling report for the whole content of the project at root (the config's folder)."""
    return unknown_words(content_words(root, docs_dir, data_dir), load_word_list(root, data_dir))


def redundant_list_words(word_list: Iterable[str], dictionary: str = DICTIONARY) -> list[str]:
    """Words in the project word list that hunspell already knows: noise to remove."""
    listed = sorted(set(word_list))
    unknown = hunspell_unknown(listed, dictionary)
    return [word for word in listed if word not in unknown]


def format_report(report: Mapping[str, list[str]]) -> str:
    if not report:
        return "Ingen ukjente ord."
    lines = [f"{label}: {', '.join(found)}" for label, found in report.items()]
    total = sum(len(found) for found in report.values())
    lines.append(
        f"\n{total} ukjente ord i {len(report)} filer. Rett skrivefeil i teksten; legg riktig stavede "
        f"fagord, navn og sammensatte ord i {WORD_LIST}."
    )
    return "\n".join(lines)
