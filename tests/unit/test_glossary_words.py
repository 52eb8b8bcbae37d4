"""Which words of a page the glossary explains."""

from macros.rendering.glossary import word_pattern


def test_a_term_that_ends_in_a_bracket_is_found_and_a_longer_word_is_not_taken_for_a_term():
    pattern = word_pattern(("lege i spesialisering (LIS)", "kommune", "kommunen"))
    text = "En lege i spesialisering (LIS) i kommunen. Kommunene og kommunestyret er andre ord."
    assert pattern.findall(text) == ["lege i spesialisering (LIS)", "kommunen"]
