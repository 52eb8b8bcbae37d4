"""Numbers and goal tables as the report writes them, in Norwegian: 1 234,5 and «✅ nådd»."""

from __future__ import annotations

from macros.content import norwegian

KB = 1000

# A goal as the report's goal table shows it: what it is, what was measured, and whether it was met (None: not
# measured in this run).
Goal = tuple[str, str, bool | None]


def num(value: float, decimals: int = 1) -> str:
    """A number as Norwegians write it, with the site's own rule: 1234,5 and 12\u00a0345,6."""
    return norwegian.number(value, decimals)


def ratio(a: float, b: float) -> str:
    return f"{num(a / b, 2)}×" if b else "–"


def status(ok: bool | None) -> str:
    return "ikke målt" if ok is None else ("✅ nådd" if ok else "❌ ikke nådd")


def kb(size: int) -> str:
    return f"{num(size / KB)} kB"


def seconds(value: float) -> str:
    return f"{num(value, 2)} s"


def goal_table(goals: list[Goal]) -> list[str]:
    lines = ["| Mål | Målt | Status |", "| --- | --- | --- |"]
    lines += [f"| {goal} | {measured} | {status(ok)} |" for goal, measured, ok in goals]
    return lines
