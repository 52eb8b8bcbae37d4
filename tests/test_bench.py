"""The benchmark cannot rot: a quick run (100 chapters, one build of each kind, no search latency) writes a report.

The test checks that the report has its tables and numbers, never the timings: CI does not time anything.
The benchmark runs in its own process, as `make bench` runs it (and so its Chromium is its own).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NUMBER = r"\d[\d ]*(?:,\d+)?"

# The reader numbers open the real site in Chromium.
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quick_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("bench")
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--out", str(out / "results"), "--workdir", str(out / "work")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"The quick benchmark failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    reports = sorted((out / "results").glob("*-quick.md"))
    assert len(reports) == 1, f"Expected one quick report, found {reports}"
    return out / "results", reports[0].read_text(encoding="utf-8")


def test_a_quick_run_leaves_the_latest_report_alone(quick_report: tuple[Path, str]) -> None:
    results, _ = quick_report
    assert not (results / "latest.md").exists()


def test_the_report_describes_the_machine_and_the_goals(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    for heading in ("## Maskinen", "## Målene fra saken", "## Bygging: forfattere", "### 100 kapitler",
                    "## Lesere: det ekte nettstedet", "## Søk i Chromium", "## Ikke målt ennå"):
        assert heading in text, f"The report has no «{heading}»"
    assert re.search(r"^\| Kjerner \(nproc\) \| \d+ \|", text, re.M)
    assert re.search(r"^\| Pakker \| .*mkdocs-material \d", text, re.M)
    assert "Lighthouse" in text


def test_the_build_tables_have_numbers_for_both_configurations(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    assert re.search(rf"^\| 100 \| {NUMBER} s \| {NUMBER} s \| {NUMBER}× \| {NUMBER} ms \| {NUMBER} ms \| "
                     rf"{NUMBER} MB \| {NUMBER} MB \|$", text, re.M), "No summary row for 100 chapters"
    for row in ("Veggtid \\(median\\)", "CPU-tid \\(median\\)", "Per kapittel \\(veggtid / kapitler\\)",
                "Største minnebruk \\(peak RSS\\)"):
        assert re.search(rf"^\| {row} \| {NUMBER} \w+ \| {NUMBER} \w+ \| {NUMBER}× \|$", text, re.M), row
    assert re.search(rf"^\| INTRO ≤ 1,15× stock i veggtid, ved hver størrelse \| 100: {NUMBER}× \|", text, re.M)


def test_the_reader_side_is_measured_on_the_real_site(quick_report: tuple[Path, str]) -> None:
    _, text = quick_report
    reader = text.split("## Lesere: det ekte nettstedet", 1)[1].split("## Søk i Chromium", 1)[0]
    assert "Ikke målt" not in reader, reader
    for page in ("Forsiden", "Kapittel uten figur"):
        assert re.search(rf"^\| {page} .*\| \d+ \| {NUMBER} kB \| {NUMBER} kB \| (ja|nei)", reader, re.M), page
    assert re.search(rf"Den frakoblede zip-filen \(`make offline`\): {NUMBER} MB", reader)
    assert re.search(rf"Søkeindeksen: {NUMBER} kB komprimert", reader)
