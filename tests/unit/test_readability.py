from macros.content.readability import READING_WORDS_PER_MINUTE, measure, prose


def test_counts_words_sentences_and_long_words():
    result = measure("Kari bor hjemme. Hun får hjemmesykepleie hver morgen.")
    assert (result.words, result.sentences, result.long_words) == (8, 2, 1)
    assert round(result.lix, 1) == round(8 / 2 + 100 * 1 / 8, 1)


def test_headings_and_list_items_end_sentences():
    result = measure("## Slik søker du\n\n- Ring kommunen\n- Fyll ut skjemaet\n")
    assert result.sentences == 3


def test_code_links_and_jinja_are_not_prose():
    text = prose("Se [loven](https://lovdata.no/lang-adresse).\n\n```mermaid\nflowchart LR\n```\n{{ sti('x') }}")
    assert "lovdata" not in text and "flowchart" not in text and "sti" not in text
    assert "loven" in text


def test_abbreviation_definitions_are_not_prose():
    assert measure("*[KAD]: kommunal akutt døgnplass").words == 0


def test_reading_time_rounds_up_and_is_at_least_one_minute():
    assert measure("Hei.").reading_minutes == 1
    words = " ".join(["ord"] * (READING_WORDS_PER_MINUTE + 1)) + "."
    assert measure(words).reading_minutes == 2


def test_empty_text_has_zero_lix():
    assert measure("").lix == 0.0
