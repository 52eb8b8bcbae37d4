"""How Norwegian text writes dates, numbers and alphabetical order: one home for all of INTRO."""

from __future__ import annotations

import datetime as dt

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli",
          "august", "september", "oktober", "november", "desember")
# Norwegian alphabetical order puts Æ, Ø and Å after Z.
ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"
# Between the groups of a large number: a no-break space, so «130 160» never breaks over two lines.
GROUP = "\u00a0"


def date(day: dt.date) -> str:
    """23. november 2026"""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def sort_key(text: str) -> list[int]:
    return [ALPHABET.index(char) if char in ALPHABET else ord(char) + 100 for char in text.lower()]


def number(value: int | float) -> str:
    """3278 → «3278», 130160 → «130 160», 26.9 → «26,9»: four digits stay whole, as Språkrådet allows."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, decimals = f"{value}".partition(".")
        return f"{number(int(whole))},{decimals}"
    digits = f"{int(value):d}"
    sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
    if len(digits) <= 4:
        return sign + digits
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + GROUP.join(groups)
