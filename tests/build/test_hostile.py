"""Hostile and careless input, on the small fixture project: every place template code could reach, every kind of
data file, static files. Each case must be refused with a Norwegian message naming the file, and nothing may
leak: no environment variable, no file outside the project, no absolute path, no command's output."""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.exports.cartridge import cartridge_files
from tests.helpers import FIXTURE_TODAY, build_site, copy_site, load_content, mkdocs_build

CHAPTER = "docs/kapitler/lovene.md"
# What pydantic, PyYAML, Jinja and Python say in English: an author never sees it.
ENGLISH = (
    "Traceback",
    "Input should",
    "valid integer",
    "valid number",
    "Value error",
    "is undefined",
    "UnicodeDecodeError",
    "object has no attribute",
    "Error:",
)


@dataclass(frozen=True)
class Canary:
    """Secrets a payload would try to reach: an environment variable, a file outside the project, and a command
    whose output would say kanari-kommando-42 (the payload itself only says $((6*7)))."""

    secret: str
    file_text: str
    root: Path
    project: Path

    def leaks(self, text: str) -> list[str]:
        return [
            leak
            for leak in (self.secret, self.file_text, str(self.root), str(self.project.resolve()), "kanari-kommando-42", "uid=")
            if leak in text
        ]


@pytest.fixture
def canary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Canary:
    secret = f"kanari-miljo-{uuid.uuid4().hex}"
    monkeypatch.setenv("INTRO_CANARY_SECRET", secret)
    outside = tmp_path / "utenfor"
    outside.mkdir()
    file_text = f"kanari-fil-{uuid.uuid4().hex}"
    (outside / "hemmelig.txt").write_text(file_text, encoding="utf-8")
    return Canary(secret, file_text, tmp_path, copy_site(tmp_path / "prosjekt"))


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"the fixture has changed: {old!r} is not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(project: Path, path: str, extra: str) -> None:
    with (project / path).open("a", encoding="utf-8") as file:
        file.write(extra)


def assert_refused(message: object, where: str, *expected: str) -> str:
    assert isinstance(message, str), "the content was accepted"
    assert where in message, message
    for text in expected:
        assert text in message, f"{text!r} missing from:\n{message}"
    assert not [word for word in ENGLISH if word in message], message
    return message


# ---- Template code wherever it could reach ----

SECRET = 'cycler.__init__.__globals__.os.environ["INTRO_CANARY_SECRET"]'
COMMAND = 'lipsum.__globals__["os"].popen("echo kanari-kommando-$((6*7))").read()'
FILE = '{% include "../../../utenfor/hemmelig.txt" %}'
BODY = "\n\n".join(
    [
        "",
        f"{{{{ {SECRET} }}}}",
        f"{{{{ {COMMAND} }}}}",
        FILE,
        "{{ config.docs_dir }}",
        "{{ git.author_email }}",
        "{{ macros_info() }}",
        "{{ environment }}",
        "{{ page.file.abs_src_path }}",
        '{{ joiner.__init__.__globals__["os"].listdir("/") }}',
        "{% set n = namespace(x=1) %}",
        "{% for i in range(3) %}{{ tall(i) }}{% endfor %}",
        "{{ tall.__globals__ }}",
        "",
    ]
)
# One payload, quoted for YAML, for the data texts.
DATA = f"'Tekst {{{{ {SECRET} }}}} {{{{ {COMMAND} }}}}'"


def hostile_body(project: Path) -> None:
    """Every payload in a chapter, and an include of a link in a hidden folder that points out of the project."""
    hidden = project / "docs/.skjult"
    hidden.mkdir()
    (hidden / "lenke.md").symlink_to(project.parent / "utenfor/hemmelig.txt")
    append(project, CHAPTER, BODY + '{% include ".skjult/lenke.md" %}\n')


PLACES: dict[str, tuple[Callable[[Path], None], str, tuple[str, ...]]] = {
    "a page body": (
        hostile_body,
        CHAPTER,
        (
            "linje",
            "Malkoden",
            "«macros_info» er ikke en kjent",
            "«../../../utenfor/hemmelig.txt» kan ikke tas med",
            "«.skjult/lenke.md» kan ikke tas med",
        ),
    ),
    "a page title": (
        lambda p: edit(p, CHAPTER, "title: Lovene", f"title: '{{{{ {SECRET} }}}}'"),
        CHAPTER,
        ("«title»", "malkode", "linje 3"),
    ),
    "a summary": (
        lambda p: edit(p, CHAPTER, "summary: Kapitlet forklarer lovene kort.", f"summary: {DATA[:-1]}.'"),
        CHAPTER,
        ("«summary»", "malkode"),
    ),
    "a key point": (
        lambda p: edit(p, CHAPTER, "  - Du kan spørre.", f"  - {DATA}"),
        CHAPTER,
        ("«key_points nr. 2»", "malkode", "linje"),
    ),
    "a self-check question": (
        lambda p: edit(p, "data/selvtest/lovene.yml", "question: Hva sier loven?", f"question: {DATA}"),
        "data/selvtest/lovene.yml",
        ("«questions nr. 1, question»", "malkode", "linje 4"),
    ),
    "a programme's role card": (
        lambda p: edit(p, "data/programmes/forste-dag.yml", "who: Du er datteren til Kari.", f"who: {DATA}"),
        "data/programmes/forste-dag.yml",
        ("«roles nr. 1, who»", "malkode", "linje"),
    ),
    "an edition fact": (
        lambda p: edit(p, "data/editions/prove.yml", "- Ring først.", f"- {DATA}"),
        "data/editions/prove.yml",
        ("«legevakt nr. 1, notes nr. 1»", "malkode", "linje"),
    ),
    "a glossary definition": (
        lambda p: edit(p, "data/glossary.yml", "definition: Hjelp du får der du bor.", f"definition: {DATA[:-1]}.'"),
        "data/glossary.yml",
        ("«definition»", "malkode", "linje"),
    ),
    "a figure label": (
        lambda p: edit(p, "data/figures.yml", "label: Egenandel for en time hos fastlegen", f"label: {DATA}"),
        "data/figures.yml",
        ("«label»", "malkode", "linje"),
    ),
}


@pytest.mark.parametrize("place", PLACES)
def test_template_code_is_refused_wherever_it_stands_and_reaches_nothing(place, canary):
    mutate, where, expected = PLACES[place]
    mutate(canary.project)
    message = assert_refused(load_content(canary.project), where, *expected)
    assert canary.leaks(message) == []


def site_text(site: Path) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in site.rglob("*")
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".xml", ".txt")
    )


@pytest.mark.parametrize("place", ["a page body", "a page title", "a programme's role card", "a self-check question"])
def test_a_build_with_template_code_stops_naming_the_file_and_writes_nothing_it_reached(place, canary):
    mutate, where, _ = PLACES[place]
    mutate(canary.project)
    built = build_site(canary.project)
    assert not built.ok and where in built.output, built.output
    assert canary.leaks(built.output) == []
    if built.site.is_dir():
        assert canary.leaks(site_text(built.site)) == []


def test_an_author_running_mkdocs_gets_the_norwegian_messages_and_no_secret(canary):
    """End to end, as `make build` runs it: a body and a title with template code."""
    PLACES["a page body"][0](canary.project)
    PLACES["a self-check question"][0](canary.project)
    result = mkdocs_build(canary.project, canary.root / "site", env={"INTRO_TODAY": FIXTURE_TODAY})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert CHAPTER in output and "data/selvtest/lovene.yml" in output and "Malkoden" in output, output[-3000:]
    assert "Traceback" not in output
    # MkDocs' own INFO lines name the folders it builds in; what the author is told is the rest.
    told = "\n".join(line for line in output.splitlines() if not line.lstrip().startswith("INFO"))
    assert canary.leaks(told) == [], told
    if (canary.root / "site").is_dir():
        assert canary.leaks(site_text(canary.root / "site")) == []


def test_the_fixture_builds_with_its_macros_rendered(tmp_path):
    """The baseline the hostile cases break: the fixture builds, and the sandbox renders every kind of macro."""
    project = copy_site(tmp_path / "prosjekt")
    built = build_site(project)
    assert built.ok, built.output
    page = (built.site / "kapitler/kommunen/index.html").read_text(encoding="utf-8")
    assert "Prøveby legevakt" in page and "116 117" in page
    assert "170 kroner (2026" in (built.site / "kapitler/tjenestene/index.html").read_text(encoding="utf-8")
    assert "Kari hjemme" in (built.site / "programmer/forste-dag/index.html").read_text(encoding="utf-8")


# ---- Every kind of data file, read the same careful way ----


def write(project: Path, path: str, text: str) -> None:
    (project / path).write_text(text, encoding="utf-8")


DATA_CASES: dict[str, tuple[Callable[[Path], None], str, tuple[str, ...]]] = {
    "a decimal comma": (
        lambda p: edit(p, "data/figures.yml", "value: 170", "value: 7,5"),
        "data/figures.yml",
        ("«value»", "punktum", "«7,5»", "linje 4"),
    ),
    "a number with a space": (
        lambda p: edit(p, "data/figures.yml", "value: 170", "value: 3 278"),
        "data/figures.yml",
        ("«value»", "uten mellomrom", "«3 278»"),
    ),
    "a figure for 2062": (
        lambda p: edit(p, "data/figures.yml", "applies: 2026", "applies: 2062"),
        "data/figures.yml",
        ("2062", "projection: true"),
    ),
    "a check date in 2099": (
        lambda p: edit(p, "data/figures.yml", "check_by: 2027-06-30", "check_by: 2099-01-01"),
        "data/figures.yml",
        ("«check_by»", "to år fram", "linje 10"),
    ),
    "30 February": (
        lambda p: edit(p, "data/figures.yml", "check_by: 2027-06-30", "check_by: 2027-02-30"),
        "data/figures.yml",
        ("«2027-02-30» finnes ikke", "linje 10"),
    ),
    "an http source": (
        lambda p: edit(p, "data/figures.yml", "https://www.helsenorge.no/betaling", "http://www.helsenorge.no/betaling"),
        "data/figures.yml",
        ("https://",),
    ),
    "a glossary in Windows-1252": (
        lambda p: (p / "data/glossary.yml").write_bytes((p / "data/glossary.yml").read_text(encoding="utf-8").encode("cp1252")),
        "data/glossary.yml",
        ("UTF-8", "linje 6"),
    ),
    "a right-to-left override": (
        lambda p: edit(p, "data/perspectives.yml", "Du er student", "Du er \u202estudent"),
        "data/perspectives.yml",
        ("U+202E", "linje 3"),
    ),
    "a chapter twice in a path": (
        lambda p: edit(p, "data/paths.yml", "klage, hverdagen]", "klage, kommunen]"),
        "data/paths.yml",
        ("«kommunen» står flere ganger i stien",),
    ),
    "an unknown id in a path": (
        lambda p: edit(p, "data/paths.yml", "klage, hverdagen]", "klage, finnes-ikke]"),
        "data/paths.yml",
        ("«finnes-ikke»",),
    ),
    "a redirect to nowhere": (
        lambda p: write(p, "data/redirects.yml", '- from: "gammel/"\n  to: finnes-ikke\n'),
        "data/redirects.yml",
        ("«finnes-ikke»",),
    ),
    "a control character in a question": (
        lambda p: edit(p, "data/selvtest/lovene.yml", "Hvem gjelder loven for?", "Hvem gjelder \x07loven for?"),
        "data/selvtest/lovene.yml",
        ("U+0007", "linje 20"),
    ),
    "an escaped control character": (
        lambda p: edit(
            p, "data/selvtest/lovene.yml", "question: Hvem gjelder loven for?", 'question: "Hvem gjelder \\aloven for?"'
        ),
        "data/selvtest/lovene.yml",
        ("U+0007", "«questions nr. 3, question»"),
    ),
    "minutes as 7.5": (
        lambda p: edit(p, "data/programmes/forste-dag.yml", "minutes: 10", "minutes: 7.5"),
        "data/programmes/forste-dag.yml",
        ("«schedule nr. 1, minutes»", "helt tall", "linje 4"),
    ),
    "a phone number with letters": (
        lambda p: edit(p, "data/editions/prove.yml", "phone: 116 117", "phone: 116 ABC"),
        "data/editions/prove.yml",
        ("«legevakt nr. 1, phone»", "telefonnummer"),
    ),
    "an http address in an edition": (
        lambda p: edit(p, "data/editions/prove.yml", "https://klynge", "http://klynge"),
        "data/editions/prove.yml",
        ("«cluster_url»", "https://"),
    ),
    "an edition check date in 2099": (
        lambda p: edit(p, "data/editions/prove.yml", "check_by: 2027-06-30", "check_by: 2099-06-30"),
        "data/editions/prove.yml",
        ("«municipalities nr. 1, check_by»", "to år fram"),
    ),
    "an http source in a chapter": (
        lambda p: edit(p, CHAPTER, "https://www.helsenorge.no/", "http://www.helsenorge.no/"),
        CHAPTER,
        ("«sources nr. 2, url»", "https://", "linje"),
    ),
    "a next review in 2099": (
        lambda p: edit(p, CHAPTER, "next_review: 2027-11-01", "next_review: 2099-11-01"),
        CHAPTER,
        ("mer enn to år etter last_reviewed",),
    ),
    "a source year far ahead": (
        lambda p: edit(p, CHAPTER, "year: 2011", "year: 2062"),
        CHAPTER,
        ("«sources nr. 1, year»", "fram i tid"),
    ),
    "a link in an edition fact": (
        lambda p: edit(p, "data/editions/prove.yml", "- Ring først.", "- Ring først, se [legevakten](finnes-ikke.md)."),
        "data/editions/prove.yml",
        ("«legevakt nr. 1, notes nr. 1»", "har en lenke"),
    ),
    "HTML in a title": (
        lambda p: edit(p, CHAPTER, "title: Lovene", 'title: Lovene <img src=x onerror="alert(1)">'),
        CHAPTER,
        ("«title»", "HTML"),
    ),
    "a control character in a chapter's body": (
        lambda p: append(p, CHAPTER, "\nEn linje med \x1b[31m farge.\n"),
        CHAPTER,
        ("U+001B",),
    ),
}


@pytest.mark.parametrize("case", DATA_CASES)
def test_a_careless_or_hostile_data_file_is_named_in_norwegian(case, tmp_path):
    mutate, where, expected = DATA_CASES[case]
    project = copy_site(tmp_path / "prosjekt")
    mutate(project)
    assert_refused(load_content(project), where, *expected)


def test_a_byte_order_mark_is_no_part_of_a_page_or_a_data_file(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    for path in (CHAPTER, "data/editions/prove.yml", "data/figures.yml", "data/selvtest/lovene.yml", "data/published.yml"):
        file = project / path
        file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())
    content = load_content(project)
    assert not isinstance(content, str), content
    assert content.site.chapters["lovene"].meta.title == "Lovene"
    assert build_site(project).ok


# ---- Static files under docs/ ----

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}</svg>'
STATIC = {
    "docs/assets/skript.svg": (SVG.format("<script>alert(1)</script>"), "<script>"),
    "docs/assets/hendelse.svg": (SVG.format('<rect width="5" height="5" onclick="alert(1)"/>'), "onclick="),
    "docs/assets/utenfra.svg": (SVG.format('<image href="https://cdn.example.org/b.png"/>'), "cdn.example.org"),
    "docs/assets/lenke.svg": (SVG.format('<a href="javascript:alert(1)"><text>x</text></a>'), "javascript:"),
    "docs/assets/entitet.svg": (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + SVG.format("&x;"),
        "<!ENTITY",
    ),
    "docs/handout.html": (
        '<!doctype html><title>x</title><script src="https://cdn.example.org/x.js"></script>',
        "cdn.example.org/x.js",
    ),
    "docs/assets/bilde.png": ("<!doctype html><title>Ikke et bilde</title>", "er ikke en PNG-fil"),
}


def test_static_files_are_checked_like_content(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    (project / "docs/assets").mkdir(exist_ok=True)
    for path, (text, _) in STATIC.items():
        write(project, path, text)
    built = build_site(project)
    assert not built.ok
    lines = built.output.splitlines()
    for path, (_, expected) in STATIC.items():
        assert any(line.strip().startswith(f"- {path}: ") and expected in line for line in lines), (
            f"{path}: {expected!r} missing from:\n{built.output}"
        )
    assert "Traceback" not in built.output


def test_the_offline_edition_fences_an_authors_html_file_and_every_page(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    write(project, "docs/handout.html", "<!doctype html><html><head><title>Ark</title></head><body>Ark</body></html>")
    built = build_site(project, env={"INTRO_OFFLINE": "true"})
    assert built.ok, built.output
    handout = LexborHTMLParser((built.site / "handout.html").read_text(encoding="utf-8"))
    policy = handout.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    page = LexborHTMLParser((built.site / "kapitler/lovene.html").read_text(encoding="utf-8"))
    assert "default-src 'self' file:" in page.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]


# ---- The earlier set's leftovers ----


def test_a_straight_quote_in_a_summary_keeps_the_whole_meta_description(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    summary = 'Kapitlet sier "nei" til ingen & forklarer lovene kort.'
    edit(project, CHAPTER, "summary: Kapitlet forklarer lovene kort.", f"summary: '{summary}'")
    built = build_site(project)
    assert built.ok, built.output
    page = LexborHTMLParser((built.site / "kapitler/lovene/index.html").read_text(encoding="utf-8"))
    assert page.css_first('meta[name="description"]').attributes["content"] == summary


def test_a_changed_chapter_id_is_named_with_its_chapter(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    edit(project, CHAPTER, "id: lovene", "id: lover")
    edit(project, "data/paths.yml", "lovene,", "lover,")
    (project / "data/selvtest/lovene.yml").rename(project / "data/selvtest/lover.yml")
    built = build_site(project)
    assert not built.ok
    assert f"{CHAPTER}: feltet «id» Kapitlet har fått id-en «lover», men hadde «lovene»" in built.output, built.output
    assert "«k/lovene/»" in built.output


def test_an_http_link_in_a_page_is_refused(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    append(project, CHAPTER, "\nLes [reglene](http://www.example.org/regler).\n")
    built = build_site(project)
    assert not built.ok and CHAPTER in built.output and "http://" in built.output and "https://" in built.output


def test_course_packages_carry_no_character_xml_cannot(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    built = build_site(project)
    assert built.ok, built.output
    catalog = json.loads((built.site / "catalog.json").read_text(encoding="utf-8"))
    chapter = catalog["chapters"][0]
    chapter["summary"] += " \x07\x1b\u202e"
    module = {"identifier": "m", "title": "T\x0c", "chapters": [chapter["id"]]}
    for name, text in cartridge_files(catalog, [module], "Tittel\x01", "Om\x02", "intro-test").items():
        if name.endswith(".xml"):
            ET.fromstring(text.encode("utf-8"))
