"""`make tilbakemeldinger`: nginx's log of «Fant du det du lette etter?» read back as a report per page."""

import pytest

from macros.commands.feedback import FeedbackLogError, parse_line, read_log, report


def line(body: str) -> str:
    """A line as nginx writes it: the form's posted body (deploy/nginx/intro-tilbakemelding.conf)."""
    return '{"skjema":"' + body + '"}'


def test_a_line_is_decoded_as_the_browser_sent_it_and_anything_else_is_no_answer():
    answer = parse_line(line("side=%2Fkapitler%2Flovene%2F&tekst=Fant+ikke+%C2%AB%C2%A7+2%C2%BB&svar=nei"))
    assert (answer.page, answer.answer, answer.text) == ("/kapitler/lovene/", "nei", "Fant ikke «§ 2»")
    assert parse_line(line("side=%2F&tekst=&svar=kanskje")) is None
    assert parse_line(line("side=https%3A%2F%2Fandre.example%2F&tekst=&svar=ja")) is None
    assert parse_line("127.0.0.1 - - [date] GET /") is None
    assert parse_line('["side","svar"]') is None
    assert parse_line('{"skjema":1}') is None


def test_the_report_puts_the_pages_readers_said_no_to_first_with_their_texts(tmp_path):
    log = tmp_path / "tilbakemeldinger.log"
    log.write_text(
        line("side=%2Fa%2F&tekst=&svar=ja")
        + "\n"
        + line("side=%2Fb%2F&tekst=Hvor+er+fristen%3F&svar=nei")
        + "\n"
        + line("side=%2Fa%2F&tekst=Fint&svar=ja")
        + "\n"
        "ikke en linje fra nginx\n" + line("side=%2Fb%2F&tekst=&svar=ja") + "\n",
        encoding="utf-8",
    )
    answers, skipped = read_log(log)
    text = report(answers, skipped, str(log))
    assert text.splitlines()[0] == f"Tilbakemeldinger: 4 svar på 2 sider (fra {log})."
    assert "1 linjer i loggen var ikke svar" in text
    rows = [line.split() for line in text.splitlines() if line.startswith("/")]
    assert rows == [["/b/", "1", "1"], ["/a/", "2", "0"]]
    assert "    Nei: «Hvor er fristen?»" in text and "    Ja: «Fint»" in text


def test_the_months_logrotate_moved_aside_are_read_too_oldest_first(tmp_path):
    log = tmp_path / "tilbakemeldinger.log"
    log.write_text(line("side=%2Fa%2F&tekst=Denne+m%C3%A5neden&svar=ja") + "\n", encoding="utf-8")
    (tmp_path / "tilbakemeldinger.log.1").write_text(line("side=%2Fa%2F&tekst=Forrige&svar=nei") + "\n", encoding="utf-8")
    (tmp_path / "tilbakemeldinger.log.2").write_text(line("side=%2Fa%2F&tekst=Eldst&svar=nei") + "\n", encoding="utf-8")
    (tmp_path / "tilbakemeldinger.log.bak").write_text(line("side=%2Fa%2F&tekst=Ikke+med&svar=ja") + "\n", encoding="utf-8")
    answers, skipped = read_log(log)
    assert [answer.text for answer in answers] == ["Eldst", "Forrige", "Denne måneden"] and skipped == 0


def test_no_answers_yet_says_so_and_a_missing_log_says_where_it_looked(tmp_path):
    empty = tmp_path / "tom.log"
    empty.write_text("", encoding="utf-8")
    assert "Ingen har svart ennå." in report(*read_log(empty), str(empty))
    with pytest.raises(FeedbackLogError) as missing:
        read_log(tmp_path / "finnes-ikke.log")
    assert "Finner ikke loggen med tilbakemeldinger" in str(missing.value) and "PUBLISH_ROOT" in str(missing.value)
