"""How Norwegian text writes dates, numbers, amounts, file sizes and alphabetical order: one home for all of INTRO
(the pages, the commands and the benchmark report)."""

from __future__ import annotations

import datetime as dt

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember")
# Norwegian alphabetical order puts Æ, Ø and Å after Z.
ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"
_FOLDED = str.maketrans(
    {"é": "e", "è": "e", "ê": "e", "á": "a", "à": "a", "ó": "o", "ò": "o", "ô": "o", "ü": "y", "ä": "æ", "ö": "ø"}
)
# Between the groups of a large number: a no-break space, so «130 160» never breaks over two lines.
GROUP = "\u00a0"


def date(day: dt.date) -> str:
    """23. november 2026"""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def sort_key(text: str) -> tuple[list[int], str]:
    """Norwegian alphabetical order, ignoring case: a–z, then æ, ø, å. A letter with an accent sorts as the letter
    (é as e, as the dictionaries do), ü as y and ä, ö as æ, ø. aa is two a's: INTRO sorts words, where an aa is a
    compound's seam («ekstraarbeid»), not the old spelling of å in names. Anything else sorts after the letters;
    the text itself breaks ties, so the order never depends on the input's."""
    folded = text.lower().translate(_FOLDED)
    return [ALPHABET.index(char) if char in ALPHABET else ord(char) + 100 for char in folded], text


def number(value: int | float, decimals: int | None = None) -> str:
    """3278 → «3278», 130160 → «130 160», 26.9 → «26,9»: four digits stay whole, as Språkrådet allows.
    With decimals, that many places, rounded: number(3.0, 1) → «3,0»."""
    if decimals is not None:
        text = f"{value:.{decimals}f}"
        sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
        whole, _, places = text.partition(".")
        return sign + number(int(whole)) + (f",{places}" if places else "")
    if isinstance(value, float) and not value.is_integer():
        whole, _, places = f"{value}".partition(".")
        return f"{number(int(whole))},{places}"
    digits = f"{int(value):d}"
    sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
    if len(digits) <= 4:
        return sign + digits
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + GROUP.join(groups)


def amount(value: int | float, unit: str) -> str:
    """«3 278 kroner», «26,9 prosent», «357 kommuner»."""
    return f"{number(value)} {unit}"


def when(applies: int | dt.date) -> str:
    """2025 → «2025»; 2024-05-01 → «1. mai 2024»."""
    return date(applies) if isinstance(applies, dt.date) else str(applies)


def size(size_in_bytes: int) -> str:
    """A file size as Norwegians write it: «3,4 MB», or «85 kB» below a tenth of a megabyte."""
    megabytes = size_in_bytes / 1_000_000
    return f"{number(megabytes, 1)} MB" if megabytes >= 0.1 else f"{number(max(1, size_in_bytes // 1000))} kB"
