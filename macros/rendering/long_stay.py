"""The worked example of what a long stay in a nursing home costs (egenandelsforskriften § 3), computed from the
grunnbeløp (G) and the fribeløp in data/figures.yml, so the example follows the figures when they change.

The rule: of the income after tax and debt interest, the municipality may take up to 75 % of the part up to G after
the fribeløp is deducted, and up to 85 % of the part above G. The resident always keeps at least 25 % of G and
75 % of the fribeløp. (Nor may the municipality take more than the place costs it; the example leaves that out.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from macros.content.clock import today
from macros.content.model import Figure
from macros.content.norwegian import amount, when
from macros.content.site import Site
from macros.rendering.renderer import render

# The figures the example is computed from, by their id in data/figures.yml.
G_FIGURE, FRIBELOP_FIGURE = "grunnbelop", "fribelop-langtid"
# Round yearly incomes after tax: one just above G, one in the middle, one high.
EXAMPLE_INCOMES = (150_000, 250_000, 400_000)

UP_TO_G, ABOVE_G = Fraction(75, 100), Fraction(85, 100)
KEEP_OF_G, KEEP_OF_FRIBELOP = Fraction(25, 100), Fraction(75, 100)


@dataclass(frozen=True)
class LongStayCharge:
    """One year's charge for a long stay, in whole kroner, and what the resident keeps."""

    income: int
    charge: int

    @property
    def kept(self) -> int:
        return self.income - self.charge

    @property
    def per_month(self) -> int:
        return _kroner(Fraction(self.charge, 12))


def _kroner(value: Fraction) -> int:
    """Whole kroner, halves rounded up as a bill is."""
    return int(value + Fraction(1, 2)) if value >= 0 else -int(-value + Fraction(1, 2))


def minimum_kept(g: int, fribelop: int) -> int:
    """What the resident always keeps in a year: 25 % of G and 75 % of the fribeløp."""
    return _kroner(KEEP_OF_G * g + KEEP_OF_FRIBELOP * fribelop)


def yearly_charge(income: int, g: int, fribelop: int) -> LongStayCharge:
    """The highest yearly charge for a long stay for an income after tax and debt interest (egenandelsforskriften § 3)."""
    if income < 0 or g <= 0 or fribelop < 0:
        raise ValueError("inntekt, G og fribeløp kan ikke være negative")
    up_to_g = max(Fraction(0), Fraction(min(income, g) - fribelop))
    above_g = Fraction(max(0, income - g))
    charge = UP_TO_G * up_to_g + ABOVE_G * above_g
    # The resident keeps at least the minimum; on a low income that caps the charge.
    charge = min(charge, Fraction(max(0, income - minimum_kept(g, fribelop))))
    return LongStayCharge(income=income, charge=_kroner(charge))


def _figure(site: Site, figure_id: str) -> Figure:
    if figure_id not in site.figures:
        raise KeyError(f"Eksempelet for langtidsopphold trenger tallet «{figure_id}» i data/figures.yml.")
    return site.figures[figure_id]


@dataclass(frozen=True)
class Input:
    """One amount the example is computed from, as the box shows it: the amount, the period it applied to
    («fra 1. mai 2025», «for 2023»), its source, and where today's amount is when it is the newest confirmed."""

    amount: str
    period: str
    year: int
    figure: Figure
    newest_confirmed: bool


def _input(figure: Figure) -> Input:
    value, applies = figure.latest
    period = f"fra {when(applies)}" if isinstance(applies, dt.date) else f"for {when(applies)}"
    year = applies.year if isinstance(applies, dt.date) else applies
    return Input(amount(value, "kroner"), period, year, figure, figure.newest_confirmed(today()))


def example(site: Site, page_src_uri: str) -> str:
    """The worked example as Markdown: the two inputs with the year each is from, then a table of round incomes
    with the charge a year and a month, and what is kept."""
    g_figure, fribelop_figure = _figure(site, G_FIGURE), _figure(site, FRIBELOP_FIGURE)
    g, fribelop = int(g_figure.latest[0]), int(fribelop_figure.latest[0])
    rows = [yearly_charge(income, g, fribelop) for income in EXAMPLE_INCOMES]
    inputs = (_input(g_figure), _input(fribelop_figure))
    return render(
        "long_stay_example.md.j2",
        rows=rows,
        kroner=lambda value: amount(value, "kroner"),
        g=inputs[0],
        fribelop=inputs[1],
        years_differ=inputs[0].year != inputs[1].year,
        minimum=amount(minimum_kept(g, fribelop), "kroner"),
    ).rstrip("\n")
