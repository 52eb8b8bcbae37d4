"""Every author mistake stops the build with a message that names the file.

Each case breaks a copy of the small fixture project (tests/fixtures/site/) in one place and builds it in this
process, strictly, as `mkdocs build --strict` would (tests.helpers.build_site). A handful of cases also run
`mkdocs build` as an author does, to prove the message reaches the terminal whole.
"""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from macros.content import frontmatter
from tests.helpers import CHANGE, FIXTURE_TODAY, build_site, copy_site, mkdocs_build

CHAPTER = "docs/kapitler/lovene.md"
OTHER_CHAPTER = "docs/kapitler/klage.md"
DIAGRAM_CHAPTER = "docs/kapitler/hverdagen.md"
PROGRAMME = "data/programmes/stasjoner.yml"


def replace(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"fixture out of date: {old!r} not in {path}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")

    return mutate


def set_field(path: str, field: str, value: str) -> Callable[[Path], None]:
    """Write a front-matter field anew, whatever it says today (review dates change at every review)."""

    def mutate(project: Path) -> None:
        file = project / path
        text, count = re.subn(rf"^{field}:.*$", f"{field}: {value}", file.read_text(encoding="utf-8"), count=1, flags=re.M)
        assert count == 1, f"fixture out of date: no {field} in {path}"
        file.write_text(text, encoding="utf-8")

    return mutate


def write(path: str, text: str) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        (project / path).write_text(text, encoding="utf-8")

    return mutate


def replace_body(path: str, body: str) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        file = project / path
        file.write_text(f"{frontmatter.split(file.read_text(encoding='utf-8')).head}\n\n{body}", encoding="utf-8")

    return mutate


def append(path: str, extra: str) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        with (project / path).open("a", encoding="utf-8") as file:
            file.write(extra)

    return mutate


def add_entry(data_file: str, entry: dict) -> Callable[[Path], None]:
    """One more entry at the end of a data file that is a list (data/figures.yml, data/schemes.yml)."""

    def mutate(project: Path) -> None:
        file = project / data_file
        entries = (yaml.safe_load(file.read_text(encoding="utf-8")) if file.exists() else None) or []
        file.write_text(yaml.safe_dump([*entries, entry], allow_unicode=True), encoding="utf-8")

    return mutate


def add_figure(entry: dict) -> Callable[[Path], None]:
    return add_entry("data/figures.yml", entry)


def checked_far_ahead(project: Path) -> None:
    """Every dated fact of the copy checked until 2029 (no later than two years after the days these tests build
    on), and no figure a yearly rate, so a test of review dates sees only the chapters."""
    for data in (project / "data").rglob("*.yml"):
        text = data.read_text(encoding="utf-8")
        text = re.sub(r"check_by: \d{4}-\d\d-\d\d", "check_by: 2029-01-01", text)
        data.write_text(re.sub(r"^  (rate|looked_for_newer|current_at): .*\n", "", text, flags=re.M), encoding="utf-8")


TEST_FIGURE = {
    "id": "testtall",
    "label": "Et tall for testen",
    "unit": "kroner",
    "value": 100,
    "applies": 2026,
    "source": {"title": "Testkilden", "publisher": "Testforlaget", "url": "https://example.org/kilde"},
    "check_by": "2027-01-31",
}

TEST_SCHEME = {
    "id": "testordning",
    "name": "Testordningen",
    "owner": "Testrådet",
    "funds": "Tilskudd til å prøve ut noe nytt.",
    "applicants": "Kommuner søker.",
    "url": "https://example.org/ordning",
    "source": {"title": "Om testordningen", "publisher": "Testrådet", "url": "https://example.org/kilde"},
    "check_by": "2027-03-31",
}

CASES = {
    "bad YAML": (replace(CHAPTER, "title: ", "title: [", 1), [CHAPTER, "linje", "YAML"]),
    "missing field": (replace(CHAPTER, "owner:", "eier:"), [CHAPTER, "«owner»", "mangler", "«eier»"]),
    "unknown perspective": (replace(CHAPTER, "  - studenter", "  - turister"), [CHAPTER, "turister"]),
    "bad date": (set_field(CHAPTER, "last_reviewed", "i fjor"), [CHAPTER, "«last_reviewed»", "ÅÅÅÅ-MM-DD"]),
    "undefined macro variable": (append(CHAPTER, "\n\nSe {{ ukjent_variabel }}.\n"), ["kapitler/lovene.md", "ukjent_variabel"]),
    "jinja syntax error": (append(CHAPTER, "\n\nEn løs {{ klamme.\n"), ["kapitler/lovene.md"]),
    "broken link": (
        append(CHAPTER, "\n\nSe [et kapittel som ikke finnes](finnes-ikke.md).\n"),
        ["kapitler/lovene.md", "finnes-ikke.md"],
    ),
    "broken anchor": (append(CHAPTER, "\n\nSe [klagen](klage.md#finnes-ikke).\n"), ["kapitler/lovene.md", "finnes-ikke"]),
    "missing image": (append(CHAPTER, "\n\n![Et kart](kart.png)\n"), ["kapitler/lovene.md", "kart.png"]),
    "image without alt text": (append(CHAPTER, "\n\n![](../assets/bilde.svg)\n"), [CHAPTER, "alternativ tekst"]),
    "script from another site": (
        append(CHAPTER, '\n\n<script src="https://cdn.example.org/x.js"></script>\n'),
        [CHAPTER, "cdn.example.org"],
    ),
    "duplicate id": (
        replace(OTHER_CHAPTER, "id: klage", "id: lovene"),
        [OTHER_CHAPTER, CHAPTER, "lovene"],
    ),
    "hard to read (LIX above 55)": (
        replace_body(
            CHAPTER,
            (
                "Kommunens tjenesteutviklingsarbeid forutsetter "
                "tverrfaglig samhandlingskompetanse og systematisk kvalitetsforbedring " * 6 + "i helsetjenesten.\n\n"
            )
            * 10,
        ),
        [CHAPTER, "LIX"],
    ),
    "vague link text": (append(CHAPTER, "\n\nVil du vite mer? [Les mer](klage.md).\n"), [CHAPTER, "«Les mer»"]),
    "skipped heading level": (append(CHAPTER, "\n\n## Ny del\n\n#### For dypt\n\nTekst.\n"), [CHAPTER, "hopper over"]),
    "next review before last review": (
        set_field(CHAPTER, "next_review", "2025-01-01"),
        [CHAPTER, "next_review må være etter last_reviewed"],
    ),
    "glossary entry without a definition": (
        replace("data/glossary.yml", "  definition: ", "  forklaring: "),
        ["data/glossary.yml", "«definition»", "mangler"],
    ),
    "unknown scheme": (
        append(CHAPTER, '\n\n{{ ordninger("finnes-ikke") }}\n'),
        [CHAPTER, "«finnes-ikke»", "data/schemes.yml"],
    ),
    "duplicate glossary term": (
        append("data/glossary.yml", "\n- term: kommunestyret\n  definition: Et styre.\n  english: council\n"),
        ["data/glossary.yml", "«kommunestyret» står flere ganger"],
    ),
    "iframe from another site": (
        append(CHAPTER, '\n\n<iframe src="https://video.example.org/x" title="Film"></iframe>\n'),
        [CHAPTER, "video.example.org"],
    ),
    "diagram without a title": (
        replace(DIAGRAM_CHAPTER, "    accTitle: En morgen i tjenestene\n", ""),
        [DIAGRAM_CHAPTER, "linje", "accTitle"],
    ),
    "diagram changed but not drawn": (
        replace(DIAGRAM_CHAPTER, '"Hjemmebesøk"]', '"Besøk hjemme"]'),
        [DIAGRAM_CHAPTER, "linje", "make diagrams"],
    ),
    "unknown path step": (replace("data/paths.yml", "klage,", "klagen,"), ["data/paths.yml", "klagen"]),
    "an editor's backup": (
        lambda project: (project / "docs/kapitler/lovene.md~").write_text("kladd"),
        ["docs/kapitler/lovene.md~", "reservekopi"],
    ),
    "a link out of the project": (
        lambda project: (project / "docs/assets/hemmelig.txt").symlink_to("/etc/hostname"),
        ["docs/assets/hemmelig.txt", "utenfor prosjektet"],
    ),
    "a heavy image": (
        lambda project: (project / "docs/assets/stort-bilde.png").write_bytes(b"\0" * 600_000),
        ["docs/assets/stort-bilde.png", "grensen er 500 kB"],
    ),
    "a field written twice": (
        replace(CHAPTER, "owner:", "title: Ny tittel\nowner:"),
        [CHAPTER, "«title» står to ganger", "linje"],
    ),
    "an impossible date": (set_field(CHAPTER, "next_review", "2027-02-30"), [CHAPTER, "finnes ikke", "linje"]),
    "a review date in the future": (
        set_field(CHAPTER, "last_reviewed", "2027-01-15"),
        [CHAPTER, "«last_reviewed»", "fram i tid"],
    ),
    "an editions field": (replace(CHAPTER, "owner:", "editions: [gjovik]\nowner:"), [CHAPTER, "«editions»"]),
    "an empty chapter": (replace_body(CHAPTER, "\n"), [CHAPTER, "ingen tekst"]),
    "a second title": (append(CHAPTER, "\n\n# En tittel til\n\nTekst.\n"), [CHAPTER, "én #", "linje"]),
    "a broken table": (append(CHAPTER, "\n\n| Hva | Hvem |\n| Søknad | Kommunen |\n"), [CHAPTER, "Tabellen", "linje"]),
    "a file in Windows-1252": (
        lambda project: (project / CHAPTER).write_bytes(
            (project / CHAPTER).read_text(encoding="utf-8").encode("cp1252", errors="replace")
        ),
        [CHAPTER, "UTF-8"],
    ),
    "a macro with an argument it does not take": (
        append(CHAPTER, '\n\n{{ hos_oss("legevakt", "ekstra") }}\n'),
        [CHAPTER, "«hos_oss»", "argumenter", "linje"],
    ),
    "a missing include": (append(CHAPTER, '\n\n{% include "finnes-ikke.md" %}\n'), [CHAPTER, "«finnes-ikke.md»"]),
    "a redirect from a page's own address": (
        write("data/redirects.yml", '- from: "kapitler/lovene/"\n  to: klage\n'),
        ["data/redirects.yml", "«kapitler/lovene/»", "aldri blitt brukt"],
    ),
    "a redirect to itself": (
        write("data/redirects.yml", '- from: "kapitler/lovene/"\n  to: lovene\n'),
        ["data/redirects.yml", "går til seg selv"],
    ),
    "a page twice in the menu": (
        replace("mkdocs.yml", "      - kapitler/lovene.md\n", "      - kapitler/lovene.md\n      - kapitler/lovene.md\n"),
        ["mkdocs.yml", "docs/kapitler/lovene.md", "flere ganger i menyen"],
    ),
    "an amount typed into a chapter": (
        append(CHAPTER, "\n\nEn time hos fastlegen koster 170 kroner.\n"),
        [CHAPTER, "linje", "«170 kroner»", "data/figures.yml", "tall("],
    ),
    "a percentage without its year": (
        append(CHAPTER, "\n\nRundt 63 prosent av fastlegene er spesialister.\n"),
        [CHAPTER, "«63 prosent»", "året"],
    ),
    "unknown figure": (
        append(CHAPTER, '\n\nPrisen er {{ tall("finnes-ikke") }}.\n'),
        [CHAPTER, "linje", "«finnes-ikke»", "data/figures.yml"],
    ),
    "figure without a source": (
        add_figure({k: v for k, v in TEST_FIGURE.items() if k != "source"}),
        ["data/figures.yml", "«source»", "mangler", "«testtall»"],
    ),
    "figure without its year": (
        add_figure({k: v for k, v in TEST_FIGURE.items() if k != "applies"}),
        ["data/figures.yml", "applies", "«testtall»"],
    ),
    "duplicate figure": (
        lambda project: (add_figure(TEST_FIGURE)(project), add_figure(TEST_FIGURE)(project)),
        ["data/figures.yml", "«testtall» står flere ganger"],
    ),
    "an adopted law change called a proposal": (
        write(
            "data/law-changes.yml",
            yaml.safe_dump([{**CHANGE, "adopted": "2025-06-04", "change": "Forslaget gir kommunen en ny plikt."}]),
        ),
        ["data/law-changes.yml", "«change» kaller endringen et forslag", "«ny-lov»"],
    ),
    "programme times that do not add up": (
        replace(PROGRAMME, "  - name: Veien videre\n    minutes: 10", "  - name: Veien videre\n    minutes: 15"),
        [PROGRAMME, "45 minutter", "varer 40 minutter"],
    ),
    "a programme station with no chapter for its poster": (
        replace(PROGRAMME, "chapter: tjenestene\n    section: hjemme", "chapter: hjemme-kapitlet\n    section: hjemme"),
        [PROGRAMME, "«hjemme-kapitlet»", "stations nr. 2"],
    ),
    "a programme macro on a chapter": (append(CHAPTER, "\n\n{{ stasjoner() }}\n"), [CHAPTER, "«stasjoner()»", "linje"]),
    "a programme without its data": (
        write("docs/programmer/nytt-opplegg.md", "---\ntitle: Nytt\nsummary: Et nytt opplegg.\n---\n\n# Nytt\n\nTekst.\n"),
        ["docs/programmer/nytt-opplegg.md", "data/programmes/nytt-opplegg.yml"],
    ),
}


def test_chapter_long_past_review_fails_and_one_just_past_is_a_reminder(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    checked_far_ahead(project)
    # Only lovene is due: the other chapters' own review dates are theirs to choose.
    for chapter in (project / "docs/kapitler").glob("*.md"):
        if chapter.name != "lovene.md":
            set_field(f"docs/kapitler/{chapter.name}", "last_reviewed", "2027-11-01")(project)
            set_field(f"docs/kapitler/{chapter.name}", "next_review", "2029-01-01")(project)
    set_field(CHAPTER, "next_review", "2027-11-23")(project)
    built = build_site(project, tmp_path / "site", env={"INTRO_TODAY": "2027-12-01"})
    assert built.ok, built.output[-2000:]
    assert "PÅMINNELSE - docs/kapitler/lovene.md" in built.output
    built = build_site(project, tmp_path / "site2", env={"INTRO_TODAY": "2028-03-01"})
    assert not built.ok
    assert CHAPTER in built.output and "«next_review»" in built.output and "på overtid" in built.output


# Raw HTML and CSS, by class: anything that runs a script or makes the browser reach beyond the site.
# Problems are collected, so one build with every mistake shows every message (and is quicker than one each).
UNSAFE = {
    "inline script": (append(CHAPTER, "\n\n<script>alert(1)</script>\n"), [CHAPTER, "<script>"]),
    "event handler": (append(CHAPTER, '\n\n<p onclick="alert(1)">Trykk</p>\n'), [CHAPTER, "onclick="]),
    "event handler on an image": (append(CHAPTER, '\n\n<img src="x.png" alt="x" onerror="alert(1)">\n'), [CHAPTER, "onerror="]),
    "javascript link": (append(CHAPTER, '\n\n<a href="javascript:alert(1)">Lenke til skjema</a>\n'), [CHAPTER, "javascript:"]),
    "data link": (append(CHAPTER, '\n\n<a href="data:text/html,hei">Lenke til skjema</a>\n'), [CHAPTER, "data:"]),
    "form posting elsewhere": (
        append(CHAPTER, '\n\n<form action="https://skjema.example.org/send"><button>Send</button></form>\n'),
        [CHAPTER, "skjema.example.org"],
    ),
    "style that imports": (
        append(CHAPTER, '\n\n<style>@import "https://cdn.example.org/x.css";</style>\n'),
        [CHAPTER, "@import"],
    ),
    "style attribute loading": (
        append(CHAPTER, '\n\n<p style="background:url(https://cdn.example.org/b.png)">Tekst</p>\n'),
        [CHAPTER, "cdn.example.org/b.png"],
    ),
    "svg image from elsewhere": (
        append(CHAPTER, '\n\n<svg><image href="https://cdn.example.org/x.png"/></svg>\n'),
        [CHAPTER, "cdn.example.org/x.png"],
    ),
    "video poster from elsewhere": (
        append(CHAPTER, '\n\n<video src="../assets/x.mp4" poster="https://cdn.example.org/p.jpg"></video>\n'),
        [CHAPTER, "cdn.example.org/p.jpg"],
    ),
    "srcset from elsewhere": (
        append(CHAPTER, '\n\n<img alt="Kart" src="../assets/bilde.svg" srcset="https://cdn.example.org/k.png 2x">\n'),
        [CHAPTER, "cdn.example.org/k.png"],
    ),
    "diagram as raw HTML": (append(CHAPTER, '\n\n<pre class="mermaid">flowchart TD\n  A --> B</pre>\n'), [CHAPTER, "mermaid"]),
    "link to a local file": (
        append(CHAPTER, '\n\n<a href="file:///C:/Users/x.docx">Skjemaet for søknad</a>\n'),
        [CHAPTER, "file://"],
    ),
    "link to localhost": (
        append(CHAPTER, "\n\nSe [utkastet på maskinen min](http://localhost:8000/utkast/).\n"),
        [CHAPTER, "localhost"],
    ),
    "broken raw HTML link": (
        append(CHAPTER, '\n\n<a href="../finnes-ikke/">Kapitlet om klage</a>\n'),
        [CHAPTER, "../finnes-ikke/"],
    ),
    "broken raw HTML image": (
        append(CHAPTER, '\n\n<img src="../../assets/mangler.png" alt="Et kart">\n'),
        [CHAPTER, "mangler.png"],
    ),
    "stylesheet loading from elsewhere": (
        append("docs/assets/stylesheets/intro.css", "\n.x { background: url(https://cdn.example.org/y.png); }\n"),
        ["docs/assets/stylesheets/intro.css", "cdn.example.org/y.png"],
    ),
}


def test_every_unsafe_kind_of_raw_html_and_css_fails_the_build_with_its_own_message(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    for mutate, _ in UNSAFE.values():
        mutate(project)
    built = build_site(project)
    output = built.output
    assert not built.ok
    missing = {case: [t for t in expected if t not in output] for case, (_, expected) in UNSAFE.items()}
    assert not {case: texts for case, texts in missing.items() if texts}, output[-4000:]
    assert "Traceback" not in output


def test_figure_past_its_check_date_reminds_then_fails_naming_the_figure_and_pages(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    checked_far_ahead(project)
    add_figure(TEST_FIGURE)(project)
    append(CHAPTER, '\n\nEt beløp fra tallene: {{ tall("testtall") }}.\n')(project)
    built = build_site(project, tmp_path / "site", env={"INTRO_TODAY": "2027-02-15"})
    assert built.ok, built.output[-2000:]
    assert "PÅMINNELSE - data/figures.yml" in built.output and "«testtall»" in built.output
    page = (tmp_path / "site/kapitler/lovene/index.html").read_text(encoding="utf-8")
    assert "100 kroner (2026, " in page and 'href="https://example.org/kilde"' in page
    built = build_site(project, tmp_path / "site2", env={"INTRO_TODAY": "2027-06-01"})
    assert not built.ok
    for expected in ("data/figures.yml", "«check_by»", "«testtall»", "Testforlaget", CHAPTER, "på overtid"):
        assert expected in built.output, f"{expected!r} missing from:\n{built.output[-2000:]}"


def test_scheme_long_past_its_check_date_fails_naming_the_scheme_and_the_page(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    checked_far_ahead(project)
    add_entry("data/schemes.yml", TEST_SCHEME)(project)
    append(CHAPTER, '\n\nEn ordning fra dataene:\n\n{{ ordninger("testordning") }}\n')(project)
    built = build_site(project, tmp_path / "site", env={"INTRO_TODAY": "2027-08-01"})
    assert not built.ok
    for expected in ("data/schemes.yml", "«check_by»", "«testordning»", "Testrådet", CHAPTER, "på overtid", "example.org/kilde"):
        assert expected in built.output, f"{expected!r} missing from:\n{built.output[-2000:]}"


def test_retired_names_used_as_current_in_a_chapter_fail_the_strict_build_naming_the_chapter(tmp_path):
    project = copy_site(tmp_path / "prosjekt")
    append(
        CHAPTER,
        "\n\nFylkesmannen behandler klagen din.\n\n"
        "Direktoratet for e-helse har ansvaret for de nasjonale e-helseløsningene.\n\n"
        "Regionale forskningsfond i fylkene gir støtte til slike prosjekter.\n",
    )(project)
    built = build_site(project)
    assert not built.ok
    lines = (project / CHAPTER).read_text(encoding="utf-8").splitlines()
    for name, advice in (
        ("Fylkesmannen", "Skriv «Statsforvalteren»"),
        ("Direktoratet for e-helse", "Skriv «Helsedirektoratet»"),
        ("Regionale forskningsfond", "ble lagt ned i 2024"),
    ):
        line = next(number for number, text in enumerate(lines, start=1) if text.startswith(name))
        expected = f"{CHAPTER}, linje {line}: «{name}» står som om det gjelder i dag."
        assert expected in built.output and advice in built.output, built.output[-3000:]


def broken_copy(tmp_path: Path, case: str) -> Path:
    mutate, _ = CASES[case]
    project = copy_site(tmp_path / "prosjekt")
    mutate(project)
    return project


def assert_told(case: str, output: str) -> None:
    for text in CASES[case][1]:
        assert text in output, f"{case}: {text!r} missing from:\n{output[-3000:]}"
    assert "Traceback" not in output, f"{case}: an author should not see a Python traceback:\n{output[-3000:]}"


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_author_mistake_fails_the_build_naming_the_file(case, tmp_path):
    built = build_site(broken_copy(tmp_path, case))
    assert not built.ok, f"{case}: the build passed:\n{built.output[-3000:]}"
    assert_told(case, built.output)


# A mistake of each kind the build finds at a different stage: in a page's front matter, in a data file, in a
# page's template code, in MkDocs' own link validation, and in the built HTML.
AS_AN_AUTHOR_RUNS_IT = [
    "bad YAML",
    "programme times that do not add up",
    "jinja syntax error",
    "broken link",
    "image without alt text",
]


@pytest.mark.parametrize("case", AS_AN_AUTHOR_RUNS_IT)
def test_mkdocs_build_prints_the_message_and_exits_with_an_error(case, tmp_path):
    result = mkdocs_build(broken_copy(tmp_path, case), tmp_path / "site", env={"INTRO_TODAY": FIXTURE_TODAY})
    assert result.returncode != 0, f"{case}: the build passed:\n{result.stderr[-3000:]}"
    assert_told(case, result.stdout + result.stderr)
