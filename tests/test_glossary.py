from macros.glossary import abbreviations, tooltip
from macros.model import GlossaryTerm

KAD = GlossaryTerm(term="kommunal akutt døgnplass", abbreviation="KAD", english="municipal acute bed",
                   definition="Døgnplass i kommunen for øyeblikkelig hjelp.", forms=["kommunale akutte døgnplasser"])


def test_tooltip_names_the_term_and_abbreviation():
    assert tooltip(KAD) == "kommunal akutt døgnplass (KAD): Døgnplass i kommunen for øyeblikkelig hjelp."


def test_every_form_gets_a_definition_also_capitalised():
    words = set(abbreviations([KAD]))
    assert {"KAD", "kommunal akutt døgnplass", "Kommunal akutt døgnplass", "kommunale akutte døgnplasser"} <= words


def test_first_definition_of_a_word_wins():
    other = GlossaryTerm(term="KAD", english="x", definition="Noe annet.")
    assert abbreviations([KAD, other])["KAD"] == tooltip(KAD)
