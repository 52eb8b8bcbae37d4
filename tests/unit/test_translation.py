"""The translation layer without Apertium: what is text and what stays, the editors' data, anchors, alternates,
and the whole translated source made with a stand-in translator (the real one: tests/build/test_nynorsk.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.content.errors import ContentError
from macros.exports.search import stemmer
from macros.translation import apertium, edition, editorial, markup, mirror
from macros.translation.markup import Document, pieces, render

PAGE = """## Hvem kan klage? { #klage }

Du kan **alltid** klage selv. Les [Tjenestene kommunen gir](tjenestene.md#hva-kan-du-få) og `kode`.

{{ hos_oss("soknad") }}

- Ring [legevakten](https://www.legevakt.no/) på 116 117.
- Se nav.no/grunnbelopet.

| Tjeneste | Pris |
| --- | --- |
| Sykehjem | {{ tall("korttid") }} |

!!! tip "Slik gjør du"
    Skriv en klage
    på to linjer.

```mermaid
flowchart TD
    accTitle: Veien en klage går
    A["Du får et vedtak"] --> B["Du klager"]
```
"""


def streams(text: str, **options) -> list[str]:
    return [piece.stream() for piece in pieces(Document(**options).markdown(text))]


def test_a_page_comes_back_as_written_when_nothing_is_translated():
    document = Document()
    assert render(document.markdown(PAGE)) == PAGE


def test_macro_calls_links_code_urls_and_markup_never_reach_apertium():
    sent = "\n".join(streams(PAGE))
    for kept in (
        "hos_oss",
        "soknad",
        "tjenestene.md",
        "kode",
        "legevakt.no",
        "grunnbelopet",
        "korttid",
        "**",
        "flowchart",
        "-->",
        "{ #klage }",
        "!!!",
    ):
        assert kept not in sent, kept
    for text in (
        "Hvem kan klage?",
        "Du kan ",
        "alltid",
        "Tjenestene kommunen gir",
        "Ring ",
        "Sykehjem",
        "Slik gjør du",
        "Veien en klage går",
        "Du får et vedtak",
        "på to linjer",
    ):
        assert text in sent, text


def test_a_capitalised_link_text_is_a_piece_of_its_own_and_a_wrapped_paragraph_one_piece():
    sent = streams(PAGE)
    assert "Tjenestene kommunen gir" in sent
    assert any(stream.startswith("Skriv en klage") and "på to linjer" in stream for stream in sent)


def test_a_templates_shown_strings_are_text_but_a_macros_and_a_filters_arguments_are_not():
    template = (
        '{{ "Velg ett svar." if q.kind == "single" else "Velg alle." }} {{ hos_oss("legevakt") }} '
        '{% set kind = "Fasitark" %}{{ ("Fra utlandet: " ~ x) }} {{ items | map(attribute="name") }}'
        '{{ "i " if not a.startswith(("ved ", "i ")) }}'
    )
    sent = streams(template, templates=True)
    assert {"Velg ett svar.", "Velg alle.", "Fasitark", "Fra utlandet: "} <= set(sent)
    assert not {"single", "legevakt", "name", "ved "} & set(sent)
    assert streams(template) == []  # in a page, Jinja is the author's macro call: never translated
    # A list the template sets is lines it shows.
    listed = streams('{% set debrief = [\n  "Hva skjedde?",\n  "Hva lærte du?",\n] %}{% set named = [] %}', templates=True)
    assert listed == ["Hva skjedde?", "Hva lærte du?"]


def test_a_templates_front_matter_after_its_imports_keeps_its_keys_and_translates_what_it_shows():
    template = (
        '{#- A page. -#}\n{% import "frame.j2" as frame %}\n---\ntitle: {{ ("Materiell: " ~ title) | tojson }}\n'
        "search:\n  exclude: true\n---\n\nHva skjer?\n"
    )
    sent = streams(template, templates=True)
    assert {"Materiell: ", "Hva skjer?"} <= set(sent)
    assert not any("title" in text or "exclude" in text for text in sent)
    # A template of many tags and no front matter is read at once (a lazy match over the tags never ended).
    tags = "{% if a %}Hva skjer?{% endif %} {#- merk -#}\n" * 30
    assert any("Hva skjer?" in text for text in streams(tags + "Slutt.\n", templates=True))


def test_script_strings_readers_see_are_text_and_code_strings_are_not():
    script = (
        '"use strict";\nvar a = "Ny besøkende", b = document.querySelector(".md-content a[href]");\n'
        'el.className = "md-button md-button--primary"; t = "Lest ✓ (trykk for å angre)";\n'
        'window.addEventListener("DOMContentLoaded", f); s = x.replace(/^Læringsmål:\\s*/, "");\n'
        'h = "<p>Du bruker INTRO uten nett.</p>";'
    )
    document = Document()
    items = markup.script(document, script)
    assert render(items) == script
    sent = [piece.stream() for piece in pieces(items)]
    assert sent == ["Ny besøkende", "Lest ✓ (trykk for å angre)", "[\ue0000\ue001]Du bruker INTRO uten nett.[\ue0001\ue001]"]


def test_apertiums_answer_is_read_back_with_its_marks_taken_off():
    answer = apertium.decode("Kva gjer [\ue0000\ue001] *Alrek\\/ #nokre? .[]")
    assert answer == apertium.Translated("Kva gjer \ue0000\ue001 Alrek/ nokre?", ("Alrek", "nokre"))
    assert apertium.escape("a[b]/c@d") == "a\\[b\\]\\/c\\@d"
    assert apertium.decode(apertium.superblank("x]y") + apertium.END).text == "x]y"


def test_a_piece_is_filled_in_with_what_it_kept_wherever_apertium_put_it():
    document = Document()
    (piece,) = [p for p in pieces(document.markdown("Les **dette** nå.")) if p.needs_translation()]
    piece.result = apertium.Translated("Les \ue0000\ue001dette\ue0001\ue001 no.")
    assert piece.text() == "Les **dette** no."
    piece.result = apertium.Translated("Les dette no.")
    assert piece.lost_parts() == [0, 1]


# ---- The editors' data ----


def test_terms_keep_names_and_give_the_nynorsk_form_with_the_texts_capital(tmp_path):
    (tmp_path / "terms.yml").write_text(
        "- bokmål: Alrek helseklynge\n- bokmål: søker du\n  nynorsk: søkjer du\n", encoding="utf-8"
    )
    found = editorial.load(tmp_path, "data/nynorsk", tmp_path)
    pattern = editorial.term_pattern(found.terms)
    replace = editorial.replacement(found.terms)
    assert pattern is not None
    assert [replace(m) for m in pattern.finditer("Søker du i Alrek helseklynge? Da søker du skriftlig.")] == [
        "Søkjer du",
        "Alrek helseklynge",
        "søkjer du",
    ]
    assert not pattern.search("Alrek helseklyngen")


def test_the_editors_files_are_checked_in_norwegian(tmp_path):
    (tmp_path / "terms.yml").write_text("- bokmål: sykehjem\n  kjønn: hankjønn\n- bokmål: a\n- bokmål: a\n", encoding="utf-8")
    (tmp_path / "corrections.yml").write_text("- file: docs/finnes-ikke.md\n  bokmål: X.\n  nynorsk: Y.\n", encoding="utf-8")
    (tmp_path / "untranslated.txt").write_text("# ord\nAlrek\nto ord\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        editorial.load(tmp_path, "data/nynorsk", tmp_path)
    message = str(raised.value)
    assert "data/nynorsk/terms.yml: feltet «kjønn» er ikke et kjent felt" in message
    assert "«a» står 2 ganger" in message
    assert "Filen «docs/finnes-ikke.md» finnes ikke" in message
    assert "data/nynorsk/untranslated.txt, linje 3: «to ord» er mer enn ett ord" in message


def test_a_word_apertium_may_leave_is_listed_an_abbreviation_or_has_digits():
    allowed = editorial.Editorial(untranslated=frozenset({"dosett", "Alrek"})).allowed
    assert allowed("Dosett") and allowed("Alrek") and allowed("KAD") and allowed("LIS1")
    assert not allowed("alrek") and not allowed("snørkelpøff")


# ---- Anchors, languages, alternates ----


def test_anchors_follow_the_table_of_contents_and_links_follow_the_translated_headings():
    assert mirror.anchors("## Hva er det?\n\n```\n## ikke\n```\n## Hva er det?\n## Egen { #egen }\n") == [
        "hva-er-det",
        "hva-er-det_1",
        "egen",
    ]
    moved = {"kapitler/a.md": {"hva-er-det": "kva-er-det"}}
    text = '[x](a.md#hva-er-det) [y](#hva-er-det) <a href="../kapitler/a.md#hva-er-det">'
    assert mirror.repoint(text, "kapitler/a.md", moved) == (
        '[x](a.md#kva-er-det) [y](#kva-er-det) <a href="../kapitler/a.md#kva-er-det">'
    )


def test_a_mode_names_its_language_and_a_template_declares_it():
    assert mirror.language("nob-nno_e") == "nn" and mirror.language("nob-nno") == "nn"
    assert mirror.declared_language('<html lang="nb"><x language="nb" hreflang="nb">', "nn") == (
        '<html lang="nn"><x language="nn" hreflang="nb">'
    )


def test_every_edition_links_the_same_page_in_the_others():
    editions = [
        {"name": "Bokmål", "link": "https://a.no/", "lang": "nb"},
        {"name": "Nynorsk", "link": "https://a.no/nn/", "lang": "nn"},
    ]
    found = edition.alternates(editions, "kapitler/lovene.md", "nb", "http://127.0.0.1:8000/")
    assert [e["link"] for e in found] == ["http://127.0.0.1:8000/kapitler/lovene/", "https://a.no/nn/kapitler/lovene/"]
    assert edition.address_in(editions, "nb", "index.md") == "https://a.no/"
    nav = [{"Start": "index.md"}, {"Slik gjør du": ["a.md", {"Søke": "b.md"}]}]
    assert edition.nav_titles(nav) == ["Start", "Slik gjør du", "Søke"]
    edition.rename_nav(nav, {"Slik gjør du": "Slik gjer du", "Søke": "Søkje"})
    assert nav == [{"Start": "index.md"}, {"Slik gjer du": ["a.md", {"Søkje": "b.md"}]}]


def test_nynorsk_search_keys_nynorsk_forms_together_and_drops_its_function_words():
    key = stemmer.key
    assert key("sjukeheimane", "nn") == key("sjukeheimar", "nn") == key("sjukeheim", "nn")
    assert key("tryggheita", "nn") == key("tryggheit", "nn")
    assert stemmer.is_stop_word("ikkje", "nn") and stemmer.is_stop_word("ikke", "nn")
    assert not stemmer.is_stop_word("ikkje")
    assert "korleis" in stemmer.rules("nn")["stopWords"] and "korleis" not in stemmer.rules()["stopWords"]


# ---- The whole translated source, with a stand-in for Apertium ----

WORDS = {
    "Hvem": "Kven",
    "hva": "kva",
    "Hva": "Kva",
    "ikke": "ikkje",
    "Jeg": "Eg",
    "sykehjem": "sjukeheim",
    "søker": "søkjer",
    "en": "ein",
    "et": "eit",
    "Et": "Eit",
}


class StandIn:
    """Translates word by word from WORDS; marks a word in UNKNOWN as Apertium marks one it does not know."""

    unknown = {"snørkelpøff"}

    def __init__(self) -> None:
        self.cache = type("Cache", (), {"save": lambda self: None})()
        self.translated = 0

    def translate(self, streams):
        answers = []
        for stream in streams:
            text = apertium.decode(stream + apertium.END).text
            marked = re.sub(
                r"[\w-]+", lambda m: "*" + m.group() if m.group() in self.unknown else WORDS.get(m.group(), m.group()), text
            )
            kept = re.sub(r"\ue000\d+\ue001", lambda m: apertium.superblank(m.group()), marked)
            answers.append(apertium.decode(kept + apertium.END))
            self.translated += 1
        return answers


CHAPTER = """---
id: demo
title: Hva er et sykehjem?
summary: Om sykehjem.
key_points:
  - Et sykehjem er et hjem.
sources:
  - title: Hva er et sykehjem i loven
    publisher: Helsenorge
    url: https://www.helsenorge.no/
---

## Hvem søker?

Les om [søknaden](#hvem-søker) og {{ hos_oss("soknad") }}. Jeg vet ikke.
"""


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(mirror.Translator, "open", classmethod(lambda cls, mode, folder: StandIn()))
    for folder in ("docs/kapitler", "data/editions", "data/selvtest", "data/programmes", "data/nynorsk", "templates"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "docs/kapitler/demo.md").write_text(CHAPTER, encoding="utf-8")
    (tmp_path / "docs/bilde.png").write_bytes(b"png")
    (tmp_path / "data/selvtest/demo.yml").write_text(
        "questions:\n  - question: Hva er et sykehjem?\n    section: hvem-søker\n    kind: single\n", encoding="utf-8"
    )
    (tmp_path / "data/programmes/dag.yml").write_text(
        "stations:\n  - chapter: demo\n    section: hvem-søker\n"
        "answer_notes:\n  - chapter: demo\n    section: hvem-søker\n  - chapter: annet\n    section: hvem-søker\n",
        encoding="utf-8",
    )
    (tmp_path / "data/editions/bergen.yml").write_text("name: Bergen\nnotes:\n  - Ring ikke.\n", encoding="utf-8")
    (tmp_path / "templates/box.md.j2").write_text('<p lang="nb">Hva skjer?</p>\n', encoding="utf-8")
    return tmp_path


def source(project: Path) -> mirror.Source:
    return mirror.Source(
        project,
        project / "docs",
        project / "data",
        project / "data/editions",
        project / "templates",
        None,
        "nynorsk",
        "bergen",
        "nob-nno_e",
        project / "data/nynorsk",
    )


def test_the_translated_source_has_every_file_translated_with_its_anchors_pointed_again(project):
    done = mirror.prepare(source(project), ["Slik gjør du"], "mkdocs.nynorsk.yml")
    out = done.folders
    page = (out.docs / "kapitler/demo.md").read_text(encoding="utf-8")
    assert "title: Kva er eit sjukeheim?" in page and "- Eit sjukeheim er eit hjem." in page
    assert "## Kven søkjer?" in page and "[søknaden](#kven-søkjer)" in page
    assert '{{ hos_oss("soknad") }}. Eg vet ikkje.' in page
    assert "title: Hva er et sykehjem i loven" in page  # a source's title stays as written
    assert (out.docs / "bilde.png").read_bytes() == b"png"
    assert "section: kven-søkjer" in (out.data / "selvtest/demo.yml").read_text(encoding="utf-8")
    # A programme's stations and answer notes point at the translated heading of the chapter they name.
    programme = yaml.safe_load((out.data / "programmes/dag.yml").read_text(encoding="utf-8"))
    assert [link["section"] for link in programme["stations"] + programme["answer_notes"]] == [
        "kven-søkjer",
        "kven-søkjer",
        "hvem-søker",
    ]
    assert "Ring ikkje." in (out.editions / "nynorsk.yml").read_text(encoding="utf-8")
    assert (out.templates / "box.md.j2").read_text(encoding="utf-8") == '<p lang="nn">Kva skjer?</p>\n'
    assert done.texts == ["Slik gjør du"]


def test_a_correction_replaces_the_machines_sentence_and_a_gone_one_stops_the_build(project):
    corrections = project / "data/nynorsk/corrections.yml"
    corrections.write_text(
        "- file: docs/kapitler/demo.md\n  bokmål: Jeg vet ikke.\n  nynorsk: Det veit eg ikkje.\n", encoding="utf-8"
    )
    done = mirror.prepare(source(project), [], "mkdocs.nynorsk.yml")
    assert "Det veit eg ikkje." in (done.folders.docs / "kapitler/demo.md").read_text(encoding="utf-8")
    page = project / "docs/kapitler/demo.md"
    page.write_text(CHAPTER.replace("Jeg vet ikke.", "Jeg vet."), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        mirror.prepare(source(project), [], "mkdocs.nynorsk.yml")
    assert (
        "data/nynorsk/corrections.yml: feltet «bokmål» Setningen «Jeg vet ikke.» står ikke lenger i docs/kapitler/demo.md"
    ) in str(raised.value)


def test_a_word_apertium_does_not_know_names_the_page_and_its_line(project):
    page = project / "docs/kapitler/demo.md"
    page.write_text(CHAPTER + "\nEn snørkelpøff.\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index("En snørkelpøff.") + 1
    with pytest.raises(ContentError) as raised:
        mirror.prepare(source(project), [], "mkdocs.nynorsk.yml")
    assert f"docs/kapitler/demo.md, linje {line}: Apertium kjenner ikke ordet «snørkelpøff»" in str(raised.value)
    (project / "data/nynorsk/untranslated.txt").write_text("snørkelpøff\n", encoding="utf-8")
    assert "snørkelpøff" in (mirror.prepare(source(project), [], "x").folders.docs / "kapitler/demo.md").read_text(
        encoding="utf-8"
    )


def test_a_file_gone_from_the_source_goes_from_the_translation(project):
    first = mirror.prepare(source(project), [], "x")
    assert (first.folders.docs / "bilde.png").is_file()
    (project / "docs/bilde.png").unlink()
    assert not (mirror.prepare(source(project), [], "x").folders.docs / "bilde.png").exists()
