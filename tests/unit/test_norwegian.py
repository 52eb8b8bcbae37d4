"""Norwegian alphabetical order: one rule for the glossary, the figures page and the spelling word list."""

from macros.content.norwegian import number, size, sort_key


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


def test_a_number_with_decimals_keeps_them_and_groups_as_a_whole_number():
    assert number(3.0, 1) == "3,0"
    assert number(2.46, 1) == "2,5"
    assert number(12345.678, 2) == "12\u00a0345,68"
    assert number(-0.04, 1) == "-0,0"
    assert number(7, 0) == "7"


def test_a_file_size_reads_in_megabytes_down_to_a_tenth_then_in_kilobytes():
    assert size(2_460_000) == "2,5 MB"
    assert size(100_000) == "0,1 MB"
    assert size(99_999) == "99 kB"
    assert size(12) == "1 kB"
