"""The worked long-stay example: the arithmetic of egenandelsforskriften § 3, checked by hand on round numbers."""

from dataclasses import replace

import pytest

from macros.content.norwegian import number
from macros.rendering.long_stay import EXAMPLE_INCOMES, LongStayCharge, example, minimum_kept, yearly_charge
from tests.helpers import figure, fixture_site

# Round numbers a reader can follow: G = 100 000, fribeløp = 10 000.
G, FRIBELOP = 100_000, 10_000


def test_the_resident_keeps_a_quarter_of_g_and_three_quarters_of_the_fribelop():
    assert minimum_kept(G, FRIBELOP) == 25_000 + 7_500


def test_above_g_the_charge_is_75_percent_up_to_g_after_the_fribelop_and_85_percent_above():
    # 75 % of (100 000 − 10 000) = 67 500; 85 % of (200 000 − 100 000) = 85 000.
    charge = yearly_charge(200_000, G, FRIBELOP)
    assert charge == LongStayCharge(income=200_000, charge=152_500)
    assert charge.kept == 47_500 and charge.per_month == 12_708  # 152 500 / 12 = 12 708,33


def test_below_g_the_minimum_to_keep_caps_the_charge():
    # 75 % of (80 000 − 10 000) = 52 500 would leave 27 500, less than the 32 500 the resident must keep.
    assert yearly_charge(80_000, G, FRIBELOP).charge == 80_000 - 32_500


def test_an_income_at_or_below_what_must_be_kept_pays_nothing():
    assert yearly_charge(30_000, G, FRIBELOP).charge == 0
    assert yearly_charge(5_000, G, FRIBELOP).charge == 0
    assert yearly_charge(0, G, FRIBELOP).charge == 0


def test_halves_are_rounded_up_to_whole_kroner():
    # 75 % of (100 001 − 10 000) = 67 500,75 → 67 501.
    assert yearly_charge(100_001, G, FRIBELOP).charge == 67_501


def test_the_charge_grows_with_income_and_never_takes_the_minimum():
    previous = -1
    for income in range(0, 600_001, 7_919):
        charge = yearly_charge(income, G, FRIBELOP)
        assert charge.charge >= previous
        assert charge.kept >= min(income, minimum_kept(G, FRIBELOP))
        previous = charge.charge


def test_negative_amounts_are_refused():
    with pytest.raises(ValueError):
        yearly_charge(-1, G, FRIBELOP)


def test_the_example_is_computed_from_the_figures_in_the_data():
    g, fribelop = 130_160, 10_500
    figures = {
        "grunnbelop": figure(id="grunnbelop", label="Grunnbeløpet", value=g, applies="2026-05-01"),
        "fribelop-langtid": figure(id="fribelop-langtid", label="Fribeløpet", value=fribelop),
    }
    site = replace(fixture_site(), figures={**fixture_site().figures, **figures})
    markdown = example(site, "kapitler/tjenestene.md")
    assert markdown.startswith('!!! example "Regneeksempel')
    for income in EXAMPLE_INCOMES:
        row = yearly_charge(income, g, fribelop)
        cells = [f"{number(value)} kroner" for value in (row.income, row.charge, row.per_month, row.kept)]
        assert all(cell in markdown for cell in cells), (income, cells)
    assert f"minst {number(minimum_kept(g, fribelop))} kroner" in markdown
    # Every line of the box is indented, so it stays inside the admonition.
    assert all(line.startswith("    ") for line in markdown.splitlines()[1:] if line.strip())
