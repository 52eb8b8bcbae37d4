"""Norwegian alphabetical order: one rule for the glossary, the figures page and the spelling word list."""

from macros.rendering.norwegian import sort_key


def ordered(*words: str) -> list[str]:
    return sorted(words, key=sort_key)


def test_ae_oe_and_aa_come_after_z_in_that_order():
    assert ordered("ås", "øre", "ære", "zebra", "abc") == ["abc", "zebra", "ære", "øre", "ås"]


def test_an_accented_e_sorts_as_e_not_after_the_alphabet():
    assert ordered("idémyldring", "idrett", "ide", "idet") == ["ide", "idémyldring", "idet", "idrett"]
    assert ordered("komité", "komiteen", "kommune") == ["komité", "komiteen", "kommune"]


def test_aa_is_two_as_not_the_old_spelling_of_aa():
    assert ordered("ekstraarbeid", "ekstrabehandling", "ekstravakt") == ["ekstraarbeid", "ekstrabehandling", "ekstravakt"]
    assert ordered("åpen", "aarbeid", "zoo") == ["aarbeid", "zoo", "åpen"]


def test_case_is_ignored_and_the_text_breaks_ties():
    assert ordered("Øvre", "ønske", "Bergen", "bergen") == ["Bergen", "bergen", "ønske", "Øvre"]
    assert ordered("bergen", "Bergen") == ordered("Bergen", "bergen")


def test_u_with_umlaut_sorts_as_y_as_norwegian_dictionaries_do():
    assert ordered("zoo", "myse", "müsli", "mus") == ["mus", "myse", "müsli", "zoo"]
