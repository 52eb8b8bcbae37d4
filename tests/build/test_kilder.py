"""`make kilder`: LinkChecker checks every link of a built site and every address in the data files, and the
editor gets dead, moved and redirected addresses per page. Only loopback servers here: CI has no internet."""

from http import HTTPStatus
from pathlib import Path

from click.testing import CliRunner

from macros.checks.links import report
from macros.commands import cli
from macros.commands.chromium import QuietHandler, serve_folder
from macros.commands.linkcheck import page_names, run

ROOT = Path(__file__).resolve().parents[2]


class Elsewhere(QuietHandler):
    """Another site: one address moved for good, one redirected for now, one that works and the rest dead."""

    ROUTES = {
        "/gammel": (HTTPStatus.MOVED_PERMANENTLY, "/ny"),
        "/for-tiden": (HTTPStatus.FOUND, "/ny"),
        "/ny": (HTTPStatus.OK, None),
    }

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        status, location = self.ROUTES.get(self.path, (HTTPStatus.NOT_FOUND, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<!doctype html><title>Side</title><p>Tekst.</p>")

    do_HEAD = do_GET  # noqa: N815 - the name http.server calls


def page(links: list[str], canonical: str) -> str:
    items = "".join(f'<li><a href="{link}">Lenke</a></li>' for link in links)
    return (
        f'<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Side</title>'
        f'<link rel="canonical" href="{canonical}"></head><body><ul>{items}</ul></body></html>'
    )


def test_kilder_reports_dead_moved_and_redirected_addresses_per_chapter_and_data_file(tmp_path):
    site = tmp_path / "site"
    (site / "kapitler/lovene").mkdir(parents=True)
    (site / "tom").mkdir()
    with serve_folder(tmp_path / "tom", Elsewhere) as address:
        elsewhere = address.rstrip("/")
        # The edition's own published address (not published yet: it answers 404) is no source to check.
        published = f"{elsewhere}/publisert/"
        (site / "index.html").write_text(page(["kapitler/lovene/"], published), encoding="utf-8")
        (site / "kapitler/lovene/index.html").write_text(
            page(
                [f"{elsewhere}/finnes-ikke", f"{elsewhere}/gammel", f"{elsewhere}/for-tiden", f"{elsewhere}/ny", "../../"],
                f"{published}kapitler/lovene/",
            ),
            encoding="utf-8",
        )
        found = run(
            site,
            page_names(["index.md", "kapitler/lovene.md"]),
            {"data/figures.yml": [f"{elsewhere}/borte", f"{elsewhere}/ny"]},
            timeout=10,
        )
    by_url = {finding.url.removeprefix(elsewhere): finding for finding in found}
    assert set(by_url) == {"/finnes-ikke", "/gammel", "/for-tiden", "/borte"}, found
    assert (by_url["/finnes-ikke"].page, by_url["/finnes-ikke"].kind) == ("docs/kapitler/lovene.md", "død")
    assert "404" in by_url["/finnes-ikke"].detail
    assert (by_url["/gammel"].kind, by_url["/gammel"].target) == ("flyttet", f"{elsewhere}/ny")
    assert by_url["/for-tiden"].kind == "omdirigert" and by_url["/for-tiden"].detail.startswith("302")
    assert (by_url["/borte"].page, by_url["/borte"].kind) == ("data/figures.yml", "død")
    text = report(found, "testsiden")
    blocks = {block.split("\n")[0]: block for block in text.split("\n\n")}
    assert ["DØD", "FLYTTET", "OMDIRIGERT"] == [line.split()[0] for line in blocks["docs/kapitler/lovene.md"].split("\n")[1:]]
    assert [line.split()[0] for line in blocks["data/figures.yml"].split("\n")[1:]] == ["DØD"]
    assert f"{elsewhere}/gammel → {elsewhere}/ny (301 Moved Permanently)" in text
    assert "I alt: 2 døde, 1 flyttet og 1 omdirigert." in text


def test_kilder_asks_for_a_build_first_in_norwegian(tmp_path):
    result = CliRunner().invoke(cli.main, ["kilder", "--config", str(ROOT / "mkdocs.yml"), "--site", str(tmp_path)])
    assert result.exit_code != 0 and "Kjør «make build» først" in result.output
