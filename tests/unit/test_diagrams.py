import shutil

from macros.commands.diagram_render import sources_in, standalone
from macros.rendering.diagrams import diagram_key, drawn_keys, find, image_markdown, problems, replace_with_images, size_of
from tests.helpers import FIXTURE

PAGE = """# Tittel

```mermaid
flowchart TD
    accTitle: Veien videre
    A --> B
```

!!! note "I en boks"

    ```mermaid
    flowchart LR
        A --> B
    ```
"""


def test_diagrams_are_found_with_line_title_and_a_key_that_ignores_indentation():
    top, boxed = find(PAGE)
    assert (top.line, top.title) == (3, "Veien videre")
    assert (boxed.line, boxed.title) == (11, None)
    assert boxed.key == diagram_key("flowchart LR\n    A --> B")
    assert top.key != diagram_key("flowchart TD\n    accTitle: Veien videre\n    A --> C")


def test_a_diagram_becomes_an_image_relative_to_its_page_at_the_same_indentation():
    top, boxed = find(PAGE)
    page = replace_with_images(PAGE, "kapitler/x.md", {top.key: (400, 300)})
    assert f'![Veien videre](../assets/figurer/{top.key}.svg){{ .intro-diagram width="400" height="300" }}' in page
    assert f"    [![None](../assets/figurer/{boxed.key}.svg){{ .intro-diagram }}]" in page
    assert "```" not in page
    target = f"assets/figurer/{top.key}.svg"
    assert image_markdown(top, "index.md", None) == (
        f"[![Veien videre]({target}){{ .intro-diagram }}]({target}){{ .intro-diagram-link }}"
    )


def test_a_diagram_without_title_or_image_is_a_problem_on_its_line():
    top, boxed = find(PAGE)
    found = problems([top, boxed], drawn={top.key})
    assert [line for line, _ in found] == [11, 11]
    assert "accTitle" in found[0][1] and "make diagrams" in found[1][1]


def test_a_drawn_svg_gets_its_own_size():
    svg = '<svg id="f" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 498.1px;" viewBox="0 0 498.125 534">'
    drawn = standalone(svg + "</svg>")
    assert '<svg id="f" width="498" height="534" xmlns=' in drawn and "max-width" not in drawn
    assert size_of(drawn) == (498, 534)


def test_the_fixtures_diagram_is_drawn_and_its_drawing_used(tmp_path):
    shutil.copytree(FIXTURE / "docs", tmp_path / "docs")
    docs = tmp_path / "docs"
    assert set(drawn_keys(docs)) == set(sources_in(docs)) != set()
    chapter = docs / "kapitler/hverdagen.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace('"Hjemmebesøk"]', '"Besøk hjemme"]'), encoding="utf-8")
    assert set(drawn_keys(docs)) != set(sources_in(docs))
