"""The tests' own layout: what test modules share lives in tests/helpers.py (and conftest.py's fixtures), so that
moving or removing one test file never breaks another."""

import ast

from tests.helpers import ROOT, reads_under

TESTS = ROOT / "tests"


def imported_modules(path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def test_no_test_module_imports_another_test_module_or_the_conftest():
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in sorted(TESTS.rglob("*.py"))
        for line, module in imported_modules(path)
        if module.startswith("tests.")
        and (module.rsplit(".", 1)[-1].startswith("test_") or module.rsplit(".", 1)[-1] == "conftest")
    ]
    assert not wrong, "\n".join(wrong)


def test_the_check_sees_an_import_from_a_test_module(tmp_path):
    example = tmp_path / "test_example.py"
    example.write_text("from tests.unit.test_site import DATA\nimport tests.conftest\n", encoding="utf-8")
    assert [module for _, module in imported_modules(example)] == ["tests.unit.test_site", "tests.conftest"]


# ---- A unit test stands on the fixture project ----

# What names the real content in tests.helpers: a unit test imports none of them.
REAL_CONTENT_HELPERS = frozenset({"DATA", "DOCS", "real_chapters", "repository_site", "start_pages"})


def reads_real_content(path) -> list[str]:
    """Where a test file names the real docs/ or data/: a helper that reads them, a path built from the repository's
    root (ROOT / "data/…"), or a root of its own (Path(__file__).parents[…])."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "tests.helpers":
            found += [f"{node.lineno}: imports {alias.name}" for alias in node.names if alias.name in REAL_CONTENT_HELPERS]
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Div)
            and isinstance(node.left, ast.Name)
            and node.left.id == "ROOT"
            and isinstance(node.right, ast.Constant)
            and str(node.right.value).split("/")[0] in ("data", "docs")
        ):
            found.append(f"{node.lineno}: ROOT / {node.right.value!r}")
        elif isinstance(node, ast.Attribute) and node.attr == "parents" and "__file__" in ast.unparse(node.value):
            found.append(f"{node.lineno}: finds the repository by itself")
    return found


def test_no_unit_test_reads_the_real_docs_or_data():
    wrong = [
        f"{path.relative_to(ROOT)}:{where}"
        for path in sorted((TESTS / "unit").glob("*.py"))
        for where in reads_real_content(path)
    ]
    assert not wrong, "A unit test reads the real content; use the fixture project (tests/fixtures/site/):\n" + "\n".join(wrong)


def test_the_check_sees_each_way_to_reach_the_real_content(tmp_path):
    example = tmp_path / "test_example.py"
    example.write_text(
        "from pathlib import Path\nfrom tests.helpers import DATA, ROOT, fixture_site\n"
        "ROOT / 'docs/kapitler'\nROOT / 'node_modules'\nPath(__file__).resolve().parents[2]\n",
        encoding="utf-8",
    )
    assert reads_real_content(example) == ["2: imports DATA", "3: ROOT / 'docs/kapitler'", "5: finds the repository by itself"]


def test_a_read_while_a_test_runs_is_seen(tmp_path):
    """The conftest's watch over every unit test (unit_tests_read_no_real_content), on folders of its own."""
    docs, data, elsewhere = tmp_path / "docs", tmp_path / "data", tmp_path / "annet"
    for folder in (docs / "kapitler", data, elsewhere):
        folder.mkdir(parents=True)
    for file in (docs / "kapitler/a.md", data / "paths.yml", elsewhere / "b.md"):
        file.write_text("x", encoding="utf-8")
    with reads_under(docs, data) as read:
        (elsewhere / "b.md").read_text(encoding="utf-8")
        list((docs / "kapitler").glob("*.md"))
        (data / "paths.yml").read_text(encoding="utf-8")
    assert read == [str(docs / "kapitler"), str(data / "paths.yml")]
