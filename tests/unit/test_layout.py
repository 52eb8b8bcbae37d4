"""The tests' own layout: what test modules share lives in tests/helpers.py (and conftest.py's fixtures), so that
moving or removing one test file never breaks another."""

import ast

from tests.helpers import ROOT

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
