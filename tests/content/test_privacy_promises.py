"""The privacy statement's promises about the server hold in the nginx configuration the repository ships.

data/privacy.yml is what the statement says; deploy/nginx/ is what the server does. Every server block must log no
visits (a block without `access_log off;` inherits the http-level access log, with every reader's IP address),
and the Referrer-Policy header must be the one the statement names.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import pytest

from macros.content.legal import load_legal
from tests.helpers import ROOT

NGINX = ROOT / "deploy" / "nginx"
LOGROTATE = ROOT / "deploy" / "logrotate" / "intro-tilbakemeldinger"
CONFIGS = sorted(NGINX.glob("*.conf"))


def directives(text: str) -> list[tuple[int, list[str]]]:
    """Each directive or block opening as (depth, words), in order; comments dropped, quotes kept as one word."""
    found, depth = [], 0
    for token in re.finditer(r'#[^\n]*|"[^"]*"|\'[^\']*\'|[{};]|[^\s{};"\']+', text):
        word = token.group(0)
        if word.startswith("#"):
            continue
        if word == "{":
            depth += 1
        elif word == "}":
            depth -= 1
        elif word == ";":
            continue
        else:
            # A new directive starts after ; { or }; append the word to the current one otherwise.
            previous = text[: token.start()].rstrip()
            if not found or previous.endswith((";", "{", "}")) or not previous:
                found.append((depth, [word]))
            else:
                found[-1][1].append(word)
    return found


def server_blocks(text: str) -> list[str]:
    """The text of each `server { … }` block."""
    blocks = []
    for match in re.finditer(r"^\s*server\s*\{", text, re.M):
        depth, end = 0, match.end() - 1
        for index in range(match.end() - 1, len(text)):
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            if depth == 0:
                end = index
                break
        blocks.append(text[match.end() : end])
    return blocks


def uncommented(path: Path) -> str:
    return "\n".join(line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())


def test_the_repository_ships_the_site_config_and_a_whole_server():
    assert {path.name for path in CONFIGS} >= {"intro.conf", "server.conf"}


# The one log the site keeps: the answers to «Fant du det du lette etter?», in a format of their own.
FEEDBACK_FORMAT = "intro_tilbakemelding"
FEEDBACK_LOCATION = "/tilbakemelding"


def feedback_logs(text: str) -> list[list[str]]:
    """The access_log directives inside `location = /tilbakemelding { … }`."""
    found = []
    for match in re.finditer(r"^\s*location\s*=\s*" + re.escape(FEEDBACK_LOCATION) + r"\s*\{", text, re.M):
        depth, end = 0, len(text)
        for index in range(match.end() - 1, len(text)):
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            if depth == 0:
                end = index
                break
        found += [words for level, words in directives(text[match.end() : end]) if level == 0 and words[0] == "access_log"]
    return found


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.name)
def test_no_access_log_is_switched_on_but_the_feedback_answers_own(path):
    text = uncommented(path)
    allowed = feedback_logs(text)
    assert all(words[2] == FEEDBACK_FORMAT for words in allowed), allowed
    for _, words in directives(text):
        if words[0] == "access_log" and words not in allowed:
            assert words[1:] == ["off"], f"{path.name}: access_log {' '.join(words[1:])} logs readers"


def test_the_feedback_log_holds_the_page_the_answer_and_the_text_and_nothing_about_the_reader():
    formats = [
        words
        for path in CONFIGS
        for _, words in directives(uncommented(path))
        if words[0] == "log_format" and words[1] == FEEDBACK_FORMAT
    ]
    assert len(formats) == 1
    variables = set(re.findall(r"\$[a-z_]+", " ".join(formats[0][2:])))
    # The form's posted body (page, text, answer) and nothing else: the text is never in a URL a proxy would log.
    assert variables == {"$request_body"}, variables
    assert feedback_logs(uncommented(NGINX / "intro.conf")), "intro.conf has no /tilbakemelding to log the answers"
    # And the statement says so: the form's entry names what is written down and what is not.
    entry = next(item for item in load_legal(ROOT / "data").privacy.server if "Fant du det du lette etter?" in item.what)
    assert "bare siden, svaret og teksten" in entry.kept and "IP-adressen" in entry.kept


def test_every_server_block_turns_the_access_log_off_itself_or_through_intro_conf():
    intro = uncommented(NGINX / "intro.conf")
    assert re.search(r"^\s*access_log\s+off\s*;", intro, re.M), "intro.conf must switch the access log off"
    for path in CONFIGS:
        for block in server_blocks(uncommented(path)):
            logs_off = re.search(r"^\s*access_log\s+off\s*;", block, re.M)
            includes_intro = re.search(r"^\s*include\s+\S*intro\.conf\s*;", block, re.M)
            assert logs_off or includes_intro, f"{path.name}: a server block inherits the http access log"
            assert re.search(r"^\s*error_log\s+\S+\s+crit\s*;", block, re.M) or includes_intro, (
                f"{path.name}: a server block logs errors (with readers' addresses) below crit"
            )


def test_the_referrer_policy_is_the_one_the_privacy_statement_promises():
    promised = load_legal(ROOT / "data").privacy.referrer_policy
    headers = [
        words
        for path in CONFIGS
        for _, words in directives(uncommented(path))
        if words[0] == "add_header" and words[1].strip('"') == "Referrer-Policy"
    ]
    assert headers, "no Referrer-Policy header"
    assert all(words[2].strip('"') == promised for words in headers), headers


def test_the_statement_promises_no_log_only_while_the_config_keeps_none():
    server = " ".join(item.kept for item in load_legal(ROOT / "data").privacy.server)
    assert "ingen logg over besøk" in server
    assert "log_not_found off;" in uncommented(NGINX / "intro.conf"), "a missing page would be logged with the address"


def test_the_feedback_answers_are_deleted_as_soon_as_the_statement_says():
    """Rotated monthly and `rotate N` kept: the current month and N before it, so no answer is older than N + 1
    months. That is the period the statement names, and the log rotated is the one nginx writes."""
    entry = next(item for item in load_legal(ROOT / "data").privacy.server if "Fant du det du lette etter?" in item.what)
    assert entry.deleted_after_months, "the statement names no period for the answers"
    words = [line.split() for line in uncommented(LOGROTATE).splitlines() if line.strip()]  # one directive a line
    assert ["monthly"] in words, words
    kept = next(int(found[1]) for found in words if found[0] == "rotate")
    assert kept + 1 == entry.deleted_after_months, (
        f"logrotate keeps {kept + 1} months, the statement says {entry.deleted_after_months}"
    )
    logged = feedback_logs(uncommented(NGINX / "intro.conf"))[0][1]
    assert re.search(r"^\s*" + re.escape(logged) + r"\s*\{", uncommented(LOGROTATE), re.M), f"logrotate does not rotate {logged}"


JOURNALD = ROOT / "deploy" / "journald" / "intro-retention.conf"


def days(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)\s*(day|d)", value.strip()).groups()
    return int(number)


def test_the_system_log_is_kept_no_longer_than_the_statement_says():
    """nginx writes critical errors (with the reader's address) to stderr, that is the journal; the shipped journald
    drop-in deletes entries after MaxRetentionSec, in files of at most MaxFileSec: a line is gone after both."""
    for path in CONFIGS:
        for _, words in directives(uncommented(path)):
            if words[0] == "error_log":
                assert words[1] == "stderr", f"{path.name}: error_log {words[1]} is not the journal the drop-in keeps"
    journal = configparser.ConfigParser()
    journal.optionxform = str
    journal.read(JOURNALD, encoding="utf-8")
    kept = days(journal["Journal"]["MaxRetentionSec"]) + days(journal["Journal"]["MaxFileSec"])
    assert kept == load_legal(ROOT / "data").privacy.system_log_days, (
        f"{JOURNALD.name} keeps the journal up to {kept} days; data/privacy.yml says otherwise"
    )


def test_nginx_gets_a_journal_of_its_own_where_the_retention_drop_in_goes():
    """The README puts intro-retention.conf in journald@<namespace>.conf.d/ beside the unit drop-in's LogNamespace=,
    so the time limit applies to nginx's lines without cutting the rest of the server's journal."""
    unit = configparser.ConfigParser()
    unit.optionxform = str
    unit.read(JOURNALD.parent / "nginx-log-namespace.conf", encoding="utf-8")
    namespace = unit["Service"]["LogNamespace"]
    readme = (NGINX / "README.md").read_text(encoding="utf-8")
    assert f"/etc/systemd/journald@{namespace}.conf.d/" in readme and f"--namespace={namespace}" in readme
    assert "error_log stderr crit;" in readme and "/etc/nginx/nginx.conf" in readme


def test_the_daily_clean_up_closes_the_same_journal_and_keeps_no_more_than_the_drop_in():
    """journald deletes only closed files: the daily timer closes nginx's journal and deletes by the same limit."""
    namespace = configparser.ConfigParser()
    namespace.optionxform = str
    namespace.read(JOURNALD.parent / "nginx-log-namespace.conf", encoding="utf-8")
    journal = configparser.ConfigParser()
    journal.optionxform = str
    journal.read(JOURNALD, encoding="utf-8")
    service = configparser.ConfigParser()
    service.optionxform = str
    service.read(JOURNALD.parent / "intro-journal-vacuum.service", encoding="utf-8")
    command = service["Service"]["ExecStart"].split()
    assert f"--namespace={namespace['Service']['LogNamespace']}" in command and "--rotate" in command
    vacuum = next(word.removeprefix("--vacuum-time=") for word in command if word.startswith("--vacuum-time="))
    assert days(vacuum) == days(journal["Journal"]["MaxRetentionSec"])
    timer = configparser.ConfigParser()
    timer.optionxform = str
    timer.read(JOURNALD.parent / "intro-journal-vacuum.timer", encoding="utf-8")
    assert timer["Timer"]["OnCalendar"] == "daily"
