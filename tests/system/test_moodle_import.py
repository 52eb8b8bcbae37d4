"""Every course package of both editions through Moodle's own Common Cartridge importer, as a teacher's restore runs
it: the schema gate first, then the conversion to Moodle's course XML, read back question by question."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.exports.cartridge import package_specs
from tests.helpers import EditionPackages

# Every test here runs PHP from Debian.


@dataclass(frozen=True)
class Imported:
    output: str
    questions: list[ET.Element]  # Moodle's QUESTION records, in the order of the package
    resources: list[ET.Element]  # its resource activities (pages and links)


@pytest.fixture(scope="module")
def imported(edition_packages: EditionPackages, moodle_cc: Path) -> dict[str, Imported]:
    """Each package of the edition as Moodle converts it (moodle.xml, written beside the manifest)."""
    php = shutil.which("php")
    if not php:
        pytest.fail(
            "PHP is not installed, so Moodle's importer cannot run. Run `make setup-test` (it installs "
            "Debian's php-cli and php-xml)."
        )
    results = {}
    for name, folder in edition_packages.folders.items():
        run = subprocess.run([php, str(moodle_cc / "run.php"), str(folder)], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0 and "generate_moodle_xml status: true" in run.stdout, (
            f"Moodle refuses {name}:\n{run.stdout[-4000:]}\n{run.stderr[-2000:]}"
        )
        course = ET.parse(folder / "moodle.xml").getroot()
        results[name] = Imported(
            run.stdout,
            [q for q in course.iter("QUESTION") if q.find("QTYPE") is not None],
            [m for m in course.iter("MOD") if m.findtext("MODTYPE") == "resource"],
        )
    return results


def expected_questions(catalog: dict, chapter_ids: list[str]) -> list[tuple[str, dict]]:
    """(Moodle's question name, the question in the catalogue) for every question of these chapters, in order."""
    chapters = {chapter["id"]: chapter for chapter in catalog["chapters"]}
    unique = list(dict.fromkeys(chapter_ids))
    return [
        (f"{chapters[c]['title']} – {n}", question)
        for c in unique
        for n, question in enumerate(chapters[c]["self_check"], start=1)
    ]


def packages_with_chapters(packages: EditionPackages) -> list[tuple[str, list[str]]]:
    return [(f"{name}.imscc", chapters) for name, _, _, chapters in package_specs(packages.catalog)]


def answers(question: ET.Element) -> list[tuple[str, float, str]]:
    return [
        (a.findtext("ANSWER_TEXT") or "", float(a.findtext("FRACTION")), (a.findtext("FEEDBACK") or "").strip())
        for a in question.iter("ANSWER")
    ]


def test_moodle_accepts_every_package_with_every_question_by_its_name(edition_packages, imported):
    assert set(imported) == {name for name, _ in packages_with_chapters(edition_packages)}
    for name, chapters in packages_with_chapters(edition_packages):
        assert "manifest valid" in imported[name].output, name
        wanted = [title for title, _ in expected_questions(edition_packages.catalog, chapters)]
        assert [q.findtext("NAME") for q in imported[name].questions] == wanted, name


def test_every_choice_question_gives_full_credit_for_exactly_the_right_answers(edition_packages, imported):
    for name, chapters in packages_with_chapters(edition_packages):
        for (title, question), record in zip(
            expected_questions(edition_packages.catalog, chapters), imported[name].questions, strict=True
        ):
            kind, given = record.findtext("QTYPE"), answers(record)
            if question["kind"] == "reflection":
                continue
            if question["kind"] == "true_false":
                assert kind == "truefalse", title
                right = {"Sant" if question["answer"] else "Usant"}
            else:
                right = {option["text"] for option in question["options"] if option.get("correct")}
            credited = {text for text, fraction, _ in given if fraction > 0}
            assert credited == right, f"{name}: «{title}» gives credit for {credited}, not {right}"
            assert abs(sum(fraction for _, fraction, _ in given if fraction > 0) - 1) < 1e-6, (
                f"{name}: «{title}» cannot be answered for full credit: {given}"
            )
            if question["kind"] == "multiple":
                assert kind == "multichoice" and record.findtext(".//SINGLE") == "0", title


def test_each_option_keeps_its_own_feedback_and_no_one_sees_all_of_it(edition_packages, imported):
    """Single choice and true/false: an option's explanation goes to whoever chose it, not into the general
    feedback every student sees. (Moodle still joins a multiple-response question's explanations there.)"""
    for name, chapters in packages_with_chapters(edition_packages):
        for (title, question), record in zip(
            expected_questions(edition_packages.catalog, chapters), imported[name].questions, strict=True
        ):
            if question["kind"] == "single":
                assert [feedback for _, _, feedback in answers(record)] == [
                    option["feedback"] for option in question["options"]
                ], title
                assert not (record.findtext("GENERALFEEDBACK") or "").strip(), title
            elif question["kind"] == "true_false":
                assert {feedback for _, _, feedback in answers(record)} == {question["feedback"]}, title
                assert not (record.findtext("GENERALFEEDBACK") or "").strip(), title


def test_every_reflection_keeps_its_model_answer(edition_packages, imported):
    for name, chapters in packages_with_chapters(edition_packages):
        for (title, question), record in zip(
            expected_questions(edition_packages.catalog, chapters), imported[name].questions, strict=True
        ):
            if question["kind"] == "reflection":
                assert record.findtext("QTYPE") == "essay", title
                assert (record.findtext("GENERALFEEDBACK") or "").strip() == question["model_answer"], title


def test_every_chapter_arrives_as_a_page_and_a_link_to_read_it(edition_packages, imported):
    chapters = {chapter["id"]: chapter for chapter in edition_packages.catalog["chapters"]}
    for name, chapter_ids in packages_with_chapters(edition_packages):
        links = {m.findtext("NAME"): m.findtext("REFERENCE") for m in imported[name].resources if m.findtext("REFERENCE")}
        pages = {m.findtext("NAME") for m in imported[name].resources if m.findtext("TYPE") == "html"}
        for chapter_id in dict.fromkeys(chapter_ids):
            chapter = chapters[chapter_id]
            assert chapter["title"] in pages, f"{name}: no page for {chapter_id}"
            assert links.get(f"Les kapitlet: {chapter['title']}") == chapter["permanent_url"], f"{name}: {chapter_id}"
