"""The shape of the house (docs/ARCHITECTURE.md), checked on the source: the contracts in
`.importlinter` hold (CI also runs lint-imports after ruff), no modules import each other in a
circle, and an import hidden inside a function says why."""

import ast
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("forum", "moderation", "privacy", "config")


def python_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_the_import_contracts_hold(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True, no_logo=True) == 0


def import_circles(graph):
    """Every set of modules that import each other round in a circle (Tarjan's strongly connected components)."""
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == module:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return circles


@pytest.fixture(scope="module")
def graph():
    # Imports for type hints only run nowhere; .importlinter leaves them out too.
    return grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)


def test_no_modules_of_forum_moderation_privacy_or_config_import_each_other_in_a_circle(graph):
    assert import_circles(graph) == []


def test_the_circle_check_finds_a_circle():
    class Graph:
        modules = {"a", "b", "c"}
        imports = {"a": {"b"}, "b": {"a"}, "c": {"a"}}

        def find_modules_directly_imported_by(self, module):
            return self.imports[module]

    assert import_circles(Graph()) == [["a", "b"]]


def local_imports_without_a_reason(path):
    """Imports inside a function with no comment on their line or the line above."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, (ast.Import, ast.ImportFrom)):
                    line, above = lines[inner.lineno - 1], lines[inner.lineno - 2].strip()
                    if "#" not in line and not above.startswith("#"):
                        found.append(f"{path.relative_to(ROOT)}:{inner.lineno}: {line.strip()}")
    return found


def test_an_import_inside_a_function_says_why():
    unexplained = [entry for path in python_files() for entry in local_imports_without_a_reason(path)]
    assert unexplained == []
