"""The benchmark's parts that need no browser: its server compresses as nginx does, Lighthouse's results are read
for what costs the most, and the reload section says what went wrong (the quick run: tests/browser/test_bench_quick.py)."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from bench.browser import serve
from bench.build import RealBuild
from bench.lighthouse import parse
from bench.reload import INTRO, STOCK, Reload, ReloadRun
from bench.report_authors import real_build_goal, real_build_section, reload_goal, reload_section


def test_the_bench_server_compresses_text_as_nginx_does(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>" + "<p>tekst</p>" * 100, encoding="utf-8")
    (tmp_path / "small.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "bilde.png").write_bytes(b"\x89PNG" + bytes(1000))
    with serve(tmp_path) as base:

        def get(path: str) -> tuple[dict[str, str], bytes]:
            request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request) as response:
                return dict(response.headers), response.read()

        headers, body = get("")
        assert headers.get("Content-Encoding") == "gzip"
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert gzip.decompress(body).startswith(b"<!doctype html>")
        for path in ("small.css", "bilde.png"):  # under gzip_min_length, and not a text type
            headers, _ = get(path)
            assert "Content-Encoding" not in headers, path


def test_lighthouse_results_list_the_metrics_and_causes_that_cost_the_most() -> None:
    def audit(score: float | None, title: str, mode: str = "numeric", **extra: object) -> dict:
        return {"score": score, "title": title, "scoreDisplayMode": mode, "displayValue": "1,0\xa0s", **extra}

    report = {
        "categories": {
            "performance": {
                "score": 0.8,
                "auditRefs": [
                    {"id": "fcp", "weight": 10, "group": "metrics"},
                    {"id": "tbt", "weight": 30, "group": "metrics"},
                    {"id": "cls", "weight": 25, "group": "metrics"},
                    {"id": "small", "weight": 0, "group": "diagnostics"},
                    {"id": "big", "weight": 0, "group": "diagnostics"},
                ],
            },
            "accessibility": {"score": 0.9, "auditRefs": [{"id": "contrast", "weight": 7}, {"id": "fine", "weight": 10}]},
            "best-practices": {"score": 1, "auditRefs": []},
        },
        "audits": {
            "fcp": audit(0.5, "First Contentful Paint"),
            "tbt": audit(0.5, "Total Blocking Time"),
            "cls": audit(1, "Cumulative Layout Shift"),
            "small": audit(0, "Liten", "metricSavings", metricSavings={"LCP": 100}),
            "big": audit(0, "Stor", "metricSavings", metricSavings={"FCP": 900, "LCP": 900}),
            "contrast": audit(0, "Kontrast", "binary", details={"items": [{"node": {"selector": "a.lenke"}}]}),
            "fine": audit(1, "I orden", "binary"),
            "network-requests": {"details": {"items": [{"url": "http://127.0.0.1:1/"}, {"url": "https://fonts.example/a.css"}]}},
        },
        "environment": {"benchmarkIndex": 1000},
    }
    run = parse(report, "http://127.0.0.1:1/")
    assert run.scores == {"performance": 80, "accessibility": 90, "best-practices": 100}
    # Metrics by points lost (weight × shortfall), then the diagnostics by time they would save.
    assert [a.title for a in run.failing["performance"]] == ["Total Blocking Time", "First Contentful Paint", "Stor", "Liten"]
    assert run.failing["performance"][0].shown == "1,0 s"
    assert [(a.id, a.example) for a in run.failing["accessibility"]] == [("contrast", "a.lenke")]
    assert run.foreign == ["https://fonts.example/a.css"]


def test_the_reload_section_compares_make_serve_with_stocks_serve_of_the_hand_over_and_says_what_went_wrong() -> None:
    reload = Reload(
        20,
        [
            ReloadRun(INTRO, [1.0, 1.2, 0.9], [0.4, 0.5, 0.3]),
            ReloadRun(STOCK, [3.0, 3.2, 2.9], [2.1, 2.2, 2.0], untitled_links=2),
        ],
    )
    text = "\n".join(reload_section(reload))
    assert "| `make serve` (`mkdocs serve --dirty`) | 1,00 s | 1,20 s | 0,40 s | 1,00 / 1,20 / 0,90 s |" in text
    assert "| `stock, hand-over` (`mkdocs serve`) | 3,00 s | 3,20 s | 2,10 s | 3,00 / 3,20 / 2,90 s |" in text
    assert "Med `stock, hand-over` viste navigasjonen «None» i stedet for sidetittelen i 2 lenker" in text
    goal = "Fra lagring til oppdatert side med `make serve` ≤ 0,35× stock sin `mkdocs serve` av hand-over (median)"
    assert reload_goal(reload) == [
        (goal, "`make serve` median 1,00 s, lengste 1,20 s (3 målinger, 20 kapitler); stock median 3,00 s: 0,33×", True)
    ]
    slower = Reload(20, [ReloadRun(INTRO, [1.1]), ReloadRun(STOCK, [3.0])])
    assert reload_goal(slower)[0][2] is False
    failed = Reload(20, [ReloadRun(INTRO, error="RuntimeError: did not start"), ReloadRun(STOCK, [3.0])])
    text = "\n".join(reload_section(failed))
    assert "| `make serve` (`mkdocs serve --dirty`) | – | – | – | stoppet (se under) |" in text
    assert "`make serve` stoppet: RuntimeError: did not start" in text
    assert reload_goal(failed) == [(goal, "`make serve` feilet", False)]
    assert reload_goal(Reload(20, [ReloadRun(INTRO, [1.0]), ReloadRun(STOCK, error="x")]))[0][2] is None
    assert reload_goal(None) == [(goal, "ikke målt", None)]


def test_the_real_site_is_compared_with_stock_building_its_hand_over() -> None:
    real = RealBuild(30, {"intro": [7.0, 7.4, 6.9], "stock": [6.0, 6.2, 5.9]}, {"intro": [8.0], "stock": [6.0]})
    assert real_build_goal(real) == [
        (
            "Det ekte nettstedet: INTRO-bygget ≤ 1,20× stock på hand-over (median veggtid)",
            "INTRO 7,00 s, stock 6,00 s: 1,17× (3 bygg av hver)",
            True,
        ),
        ("(samme mål i CPU-tid, som tåler en travel maskin bedre)", "INTRO 8,00 s, stock 6,00 s: 1,33× (3 bygg av hver)", False),
    ]
    assert "| Stock på hand-over | 6,00 s | 6,00 s | 6,00 / 6,20 / 5,90 s |" in "\n".join(real_build_section(real))
    assert real_build_goal(RealBuild(30, {"intro": [8.0], "stock": [6.0]}, {"intro": [8.0], "stock": [6.0]}))[0][2] is False
    assert real_build_goal(RealBuild(30, error="RuntimeError: x"))[0][1:] == ("feilet", False)
    assert real_build_goal(None)[0][1:] == ("ikke målt", None)


def test_the_reload_marker_is_a_word_the_build_accepts_in_a_chapter():
    from bench.reload import unique_word
    from macros.checks.figures import typed_figures

    markers = [unique_word() for _ in range(2000)]
    assert len(set(markers)) == 2000 and all(marker.isalpha() and len(marker) == 12 for marker in markers)
    assert not any(typed_figures(f"Målemerke {marker}: denne setningen er lagt til av målingen.") for marker in markers)
