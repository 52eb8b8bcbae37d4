"""Every author mistake stops the build with a message that names the file."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import copy_project, mkdocs_build

CHAPTER = "docs/kapitler/lovene.md"


def replace(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"fixture out of date: {old!r} not in {path}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")
    return mutate


def replace_body(path: str, body: str) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        file = project / path
        _, front, _ = file.read_text(encoding="utf-8").split("---", 2)
        file.write_text(f"---{front}---\n\n{body}", encoding="utf-8")
    return mutate


def append(path: str, extra: str) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        with (project / path).open("a", encoding="utf-8") as file:
            file.write(extra)
    return mutate


CASES = {
    "bad YAML": (replace(CHAPTER, "title: ", "title: [", 1), [CHAPTER, "linje", "YAML"]),
    "missing field": (replace(CHAPTER, "owner:", "eier:"), [CHAPTER, "«owner»", "mangler", "«eier»"]),
    "unknown perspective": (replace(CHAPTER, "  - studenter", "  - turister"), [CHAPTER, "turister"]),
    "bad date": (replace(CHAPTER, "last_reviewed: 2026-11-23", "last_reviewed: i fjor"),
                 [CHAPTER, "«last_reviewed»", "ÅÅÅÅ-MM-DD"]),
    "undefined macro variable": (append(CHAPTER, "\n\nSe {{ ukjent_variabel }}.\n"), ["kapitler/lovene.md", "ukjent_variabel"]),
    "jinja syntax error": (append(CHAPTER, "\n\nEn løs {{ klamme.\n"), ["kapitler/lovene.md"]),
    "broken link": (append(CHAPTER, "\n\nSe [et kapittel som ikke finnes](finnes-ikke.md).\n"),
                    ["kapitler/lovene.md", "finnes-ikke.md"]),
    "broken anchor": (append(CHAPTER, "\n\nSe [kildene](organisering.md#finnes-ikke).\n"),
                      ["kapitler/lovene.md", "finnes-ikke"]),
    "missing image": (append(CHAPTER, "\n\n![Et kart](kart.png)\n"), ["kapitler/lovene.md", "kart.png"]),
    "image without alt text": (append(CHAPTER, "\n\n![](../assets/stylesheets/intro.css)\n"),
                               [CHAPTER, "alternativ tekst"]),
    "script from another site": (append(CHAPTER, '\n\n<script src="https://cdn.example.org/x.js"></script>\n'),
                                 [CHAPTER, "cdn.example.org"]),
    "duplicate id": (replace("docs/kapitler/folkehelse.md", "id: folkehelse", "id: lovene"),
                     ["docs/kapitler/folkehelse.md", CHAPTER, "lovene"]),
    "hard to read (LIX above 55)": (replace_body(CHAPTER, ("Kommunens tjenesteutviklingsarbeid forutsetter "
                                    "tverrfaglig samhandlingskompetanse og systematisk kvalitetsforbedring " * 6
                                    + "i helsetjenesten.\n\n") * 10), [CHAPTER, "LIX"]),
    "vague link text": (append(CHAPTER, "\n\nVil du vite mer? [Les mer](organisering.md).\n"), [CHAPTER, "«Les mer»"]),
    "skipped heading level": (append(CHAPTER, "\n\n#### For dypt\n\nTekst.\n"), [CHAPTER, "hopper over"]),
    "next review before last review": (replace(CHAPTER, "next_review: 2027-11-23", "next_review: 2025-01-01"),
                                      [CHAPTER, "next_review må være etter last_reviewed"]),
    "glossary entry without a definition": (replace("data/glossary.yml", "  definition: ", "  forklaring: "),
                                            ["data/glossary.yml", "«definition»", "mangler"]),
    "duplicate glossary term": (append("data/glossary.yml", "\n- term: fastlege\n  definition: Lege.\n"
                                       "  english: GP\n"), ["data/glossary.yml", "«fastlege» står flere ganger"]),
    "iframe from another site": (append(CHAPTER, '\n\n<iframe src="https://video.example.org/x" title="Film">'
                                        "</iframe>\n"), [CHAPTER, "video.example.org"]),
    "diagram without a title": (replace("docs/kapitler/samhandling.md", "    accTitle: Veien fra sykehuset og hjem igjen\n",
                                        ""), ["docs/kapitler/samhandling.md", "linje", "accTitle"]),
    "diagram changed but not drawn": (replace("docs/kapitler/samhandling.md", '"Hjemmesykepleie"]', '"Hjemmetjenester"]'),
                                      ["docs/kapitler/samhandling.md", "linje", "make diagrams"]),
    "unknown path step": (replace("data/paths.yml", "organisering", "organisasjon"), ["data/paths.yml", "organisasjon"]),
}


def test_chapter_long_past_review_fails_and_one_just_past_is_a_reminder(tmp_path):
    project = copy_project(tmp_path / "project")
    # Only the chapters' dates are tested here; the local facts have their own (tests/test_editions.py).
    for facts in (project / "data/editions").glob("*.yml"):
        facts.write_text(re.sub(r"check_by: \S+", "check_by: 2099-12-31", facts.read_text(encoding="utf-8")),
                         encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", env={"INTRO_TODAY": "2027-12-01"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "PÅMINNELSE - docs/kapitler/lovene.md" in result.stderr
    result = mkdocs_build(project, tmp_path / "site2", env={"INTRO_TODAY": "2028-03-01"})
    assert result.returncode != 0
    assert CHAPTER in result.stderr and "«next_review»" in result.stderr and "på overtid" in result.stderr


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_author_mistake_fails_the_build_naming_the_file(tmp_path, case):
    mutate, expected = CASES[case]
    project = copy_project(tmp_path / "project")
    mutate(project)
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build passed:\n{output[-3000:]}"
    for text in expected:
        assert text in output, f"{case}: {text!r} missing from:\n{output[-3000:]}"
    assert "Traceback" not in output, f"{case}: an author should not see a Python traceback:\n{output[-3000:]}"
