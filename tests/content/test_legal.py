"""data/privacy.yml and data/accessibility.yml: a mistake stops the build with the file, the field and what to do."""

from __future__ import annotations

import shutil

import pytest

from macros.content.errors import ContentError
from macros.content.legal import load_legal
from tests.helpers import ROOT


@pytest.fixture
def data(tmp_path):
    for name in ("privacy.yml", "accessibility.yml"):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    return tmp_path


def problems(data) -> str:
    with pytest.raises(ContentError) as raised:
        load_legal(data)
    return str(raised.value)


def test_the_shipped_files_are_valid_and_count_the_public_sectors_47_criteria():
    legal = load_legal(ROOT / "data")
    assert legal.accessibility.required_count == len(legal.accessibility.criteria) == 47
    assert {item.key for item in legal.privacy.browser} >= {"intro.progress", "intro.selfcheck", "intro.kiosk"}


def test_an_unknown_storage_names_the_file_and_entry(data):
    path = data / "privacy.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("storage: sessionStorage", "storage: cookie", 1), encoding="utf-8")
    message = problems(data)
    assert "data/privacy.yml" in message and "localStorage eller sessionStorage" in message


def test_a_breach_without_an_explanation_stops_the_build(data, monkeypatch):
    path = data / "accessibility.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "    name: Tastatur\n    level: A\n    status: samsvar", "    name: Tastatur\n    level: A\n    status: brudd"
        ),
        encoding="utf-8",
    )
    assert "kravet 2.1.1 har status brudd, men ingen breach forklarer det" in problems(data)


def test_an_assessment_in_the_future_stops_the_build(data, monkeypatch):
    monkeypatch.setenv("INTRO_TODAY", "2026-01-01")
    message = problems(data)
    assert "data/accessibility.yml" in message and "fram i tid" in message
