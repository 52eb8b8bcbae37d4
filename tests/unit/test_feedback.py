"""`make tilbakemeldinger`: nginx's log of «Fant du det du lette etter?» read back as a report per page."""

import pytest

from macros.commands.feedback import FeedbackLogError, parse_line, read_log, report


def test_a_line_is_decoded_as_the_browser_sent_it_and_anything_else_is_no_answer():
    answer = parse_line('{"side":"%2Fkapitler%2Flovene%2F","svar":"nei","tekst":"Fant+ikke+%C2%AB%C2%A7+2%C2%BB"}')
    assert (answer.page, answer.answer, answer.text) == ("/kapitler/lovene/", "nei", "Fant ikke «§ 2»")
    assert parse_line('{"side":"/","svar":"kanskje","tekst":""}') is None
    assert parse_line('{"side":"https://andre.example/","svar":"ja","tekst":""}') is None
    assert parse_line("127.0.0.1 - - [date] GET /") is None
    assert parse_line('["side","svar"]') is None


def test_the_report_puts_the_pages_readers_said_no_to_first_with_their_texts(tmp_path):
    log = tmp_path / "tilbakemeldinger.log"
    log.write_text(
        '{"side":"/a/","svar":"ja","tekst":""}\n'
        '{"side":"/b/","svar":"nei","tekst":"Hvor+er+fristen%3F"}\n'
        '{"side":"/a/","svar":"ja","tekst":"Fint"}\n'
        "ikke en linje fra nginx\n"
        '{"side":"/b/","svar":"ja","tekst":""}\n',
        encoding="utf-8",
    )
    answers, skipped = read_log(log)
    text = report(answers, skipped, str(log))
    assert text.splitlines()[0] == f"Tilbakemeldinger: 4 svar på 2 sider (fra {log})."
    assert "1 linjer i loggen var ikke svar" in text
    rows = [line.split() for line in text.splitlines() if line.startswith("/")]
    assert rows == [["/b/", "1", "1"], ["/a/", "2", "0"]]
    assert "    Nei: «Hvor er fristen?»" in text and "    Ja: «Fint»" in text


def test_no_answers_yet_says_so_and_a_missing_log_says_where_it_looked(tmp_path):
    empty = tmp_path / "tom.log"
    empty.write_text("", encoding="utf-8")
    assert "Ingen har svart ennå." in report(*read_log(empty), str(empty))
    with pytest.raises(FeedbackLogError) as missing:
        read_log(tmp_path / "finnes-ikke.log")
    assert "Finner ikke loggen med tilbakemeldinger" in str(missing.value) and "PUBLISH_ROOT" in str(missing.value)
