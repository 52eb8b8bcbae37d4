"""Lighthouse on the real site: performance, accessibility and best practices, as a phone sees them.

Lighthouse is the project's pinned npm package (node_modules/.bin/lighthouse), run in Debian's Chromium
against the site built as `make build` builds it and served by bench.browser's nginx-like server (gzip
included: Lighthouse counts uncompressed text against performance). The profile is Lighthouse's default,
a mid-range phone on a slow 4G line; the throttling is simulated from one unthrottled load, so the scores
depend less on this machine's network than on its processor (Lighthouse's benchmarkIndex, in the report).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bench.browser import serve
from bench.corpus import ROOT
from bench.process import plain_error
from macros.commands.chromium import chromium_path

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices")
# The four kinds of page a reader meets: the landing page, a heavy chapter («Folkehelse», with figures and tables,
# the lowest-scoring chapter on a quiet machine in December 2026), a task page and a path's start page. A quick run
# takes only the first.
PAGES = (
    ("Forsiden", ""),
    ("Kapittel", "kapitler/folkehelse/"),
    ("Oppgaveside", "slik-gjor-du/sykehjem/"),
    ("Stiside", "perspektiver/studenter/"),
)
RUNS = 3  # per page; the median run counts, as Lighthouse's own documentation advises against a single run
# Chromium in a container: headless, no sandbox (no user namespaces), no reliance on a small /dev/shm. Every host
# name but the local server's address fails to resolve, so nothing on the page can reach the internet.
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"',
)
TIMEOUT_S = 300
TOP_AUDITS = 5  # failing audits listed for accessibility and best practices
TOP_METRICS, TOP_CAUSES = 3, 3  # for performance: the slowest metrics, and the diagnostics saving the most time
# A metric scoring below this is what pulls performance down (Lighthouse colours it orange or red).
GOOD_METRIC = 0.9


@dataclass(frozen=True)
class Audit:
    id: str
    title: str
    shown: str  # Lighthouse's own value, e.g. «2,9 s» or «Anslått besparelse på 1 160 ms»
    example: str = ""  # the first element it fails on, for accessibility and best practices


@dataclass(frozen=True)
class LighthouseRun:
    scores: dict[str, int]  # category → 0–100
    failing: dict[str, list[Audit]]  # category → what costs the most points, worst first
    foreign: list[str]  # requests to anything but the local site (there should be none)
    benchmark_index: float | None


@dataclass
class LighthousePage:
    label: str
    path: str
    runs: list[LighthouseRun] = field(default_factory=list)

    def score(self, category: str) -> int:
        return round(statistics.median(run.scores[category] for run in self.runs))

    def spread(self, category: str) -> tuple[int, int]:
        values = [run.scores[category] for run in self.runs]
        return min(values), max(values)

    @property
    def median_run(self) -> LighthouseRun:
        """The run with the median performance score: its failing audits are the ones reported."""
        ordered = sorted(self.runs, key=lambda run: run.scores["performance"])
        return ordered[(len(ordered) - 1) // 2]


@dataclass
class LighthouseResult:
    version: str = ""
    pages: list[LighthousePage] = field(default_factory=list)
    error: str | None = None

    @property
    def benchmark_index(self) -> float | None:
        values = [run.benchmark_index for page in self.pages for run in page.runs if run.benchmark_index]
        return statistics.median(values) if values else None


def _failing(report: dict, category: str) -> list[Audit]:
    """The audits that cost a category the most, worst first, with Lighthouse's own (Norwegian) titles."""
    scored = [
        (ref, report["audits"][ref["id"]])
        for ref in report["categories"][category]["auditRefs"]
        if report["audits"][ref["id"]]["score"] is not None
    ]
    if category == "performance":
        # The score is only the weighted metrics; the diagnostics say where their time goes.
        metrics = sorted(
            (
                (ref["weight"] * (1 - audit["score"]), ref, audit)
                for ref, audit in scored
                if ref.get("group") == "metrics" and audit["score"] < GOOD_METRIC
            ),
            key=lambda m: -m[0],
        )
        causes = sorted(
            (
                (sum((audit.get("metricSavings") or {}).values()), ref, audit)
                for ref, audit in scored
                if ref.get("group") == "diagnostics"
                and audit["scoreDisplayMode"] == "metricSavings"
                and audit["score"] < GOOD_METRIC
            ),
            key=lambda c: -c[0],
        )
        chosen = metrics[:TOP_METRICS] + causes[:TOP_CAUSES]
    else:
        failed = sorted(
            ((ref["weight"], ref, audit) for ref, audit in scored if ref["weight"] > 0 and audit["score"] < 1),
            key=lambda f: -f[0],
        )
        chosen = failed[:TOP_AUDITS]
    # Lighthouse writes «2,9 s» with a no-break space; a plain one reads the same in the Markdown source.
    return [
        Audit(ref["id"], audit["title"], (audit.get("displayValue") or "").replace("\xa0", " "), _example(audit))
        for _, ref, audit in chosen
    ]


def _example(audit: dict) -> str:
    items = (audit.get("details") or {}).get("items") or []
    node = items[0].get("node") if items and isinstance(items[0], dict) else None
    return (node or {}).get("selector", "")


def parse(report: dict, base: str) -> LighthouseRun:
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse: {report['runtimeError'].get('code')}: {report['runtimeError'].get('message')}")
    missing = [c for c in CATEGORIES if report["categories"].get(c, {}).get("score") is None]
    if missing:
        raise RuntimeError(f"Lighthouse gave no score for {', '.join(missing)}")
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    requests = (report["audits"].get("network-requests", {}).get("details") or {}).get("items") or []
    foreign = sorted({r["url"] for r in requests if not r["url"].startswith((base, "data:", "blob:"))})
    return LighthouseRun(
        scores, {c: _failing(report, c) for c in CATEGORIES}, foreign, report.get("environment", {}).get("benchmarkIndex")
    )


def run_lighthouse(url: str, output: Path) -> dict:
    """One Lighthouse run (mobile, the three categories), its JSON report read back."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--locale=nb",
        "--quiet",
        "--no-enable-error-reporting",
        "--max-wait-for-load=60000",
    ]
    output.unlink(missing_ok=True)  # a report left by an earlier run in the same --workdir is not this run's
    result = subprocess.run(
        command,
        cwd=output.parent,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env={**os.environ, "CHROME_PATH": chromium_path()},
    )
    if not output.is_file():
        raise RuntimeError(f"Lighthouse failed with exit code {result.returncode}: {result.stderr[-2000:]}")
    return json.loads(output.read_text(encoding="utf-8"))


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def measure_lighthouse(site: Path, work: Path, pages: int, runs: int, say) -> LighthouseResult:
    """Lighthouse on the first `pages` of PAGES, `runs` times each, one at a time: side by side they would slow each
    other down, and Lighthouse's simulation takes the slowdown for the page's own."""
    result = LighthouseResult()
    try:
        if not LIGHTHOUSE.exists():
            raise RuntimeError("node_modules/.bin/lighthouse is missing. Run `make setup` (npm ci).")
        result.version = lighthouse_version()
        with serve(site) as base:
            for label, path in PAGES[:pages]:
                page = LighthousePage(label, path)
                for number in range(runs):
                    output = work / f"lighthouse-{path.strip('/').replace('/', '-') or 'forsiden'}-{number + 1}.json"
                    page.runs.append(parse(run_lighthouse(base + path, output), base))
                result.pages.append(page)
                say(f"Lighthouse på {label}: " + ", ".join(f"{c} {page.score(c)}" for c in CATEGORIES))
    except Exception as error:  # noqa: BLE001 - the report says what could not be measured, and why
        result.error = plain_error(error, work)
        say(f"Lighthouse feilet: {result.error}")
    return result
