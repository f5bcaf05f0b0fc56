"""The import graph: one way down, as ARCHITECTURE.md draws it.

Read with ``ast`` (nothing is imported), counting every import statement,
function-local ones too (they once hid a loop between the engine and
``service.policy``), but not those under ``if TYPE_CHECKING:``, which never run.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("service", "schemas")
FACES = ("service", "schemas", "bench")
ENGINE = "service.engine"
# libraries of the faces: the engine knows nothing of HTTP, terminals or the wire format
FACE_LIBRARIES = frozenset({"flask", "werkzeug", "marshmallow", "apispec", "click", "sqlalchemy",
                            "alembic", "gunicorn"})


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(*tops: str) -> dict[str, Path]:
    """Every Python module under ``tops``: dotted name -> file."""
    return {module_name(p): p for top in tops for p in sorted((ROOT / top).rglob("*.py"))}


KNOWN = modules(*FACES)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported(name: str, path: Path, *, type_checking: bool = False) -> set[str]:
    """The modules ``name`` imports (dotted; third-party ones by their full
    name). ``from pkg import x`` is ``pkg.x`` when that is a module of ours."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node) and not type_checking:
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for a in node.names:
                sub = f"{target}.{a.name}"
                found.add(sub if sub in KNOWN else target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def ours(target: str) -> str | None:
    """The module of ours that importing ``target`` names, if any."""
    while target and target not in KNOWN:
        target = target.rpartition(".")[0]
    return target or None


def graph(*tops: str) -> dict[str, set[str]]:
    return {name: {m for t in imported(name, path) if (m := ours(t)) and m != name}
            for name, path in modules(*tops).items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (a list of modules, first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := walk(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for node in sorted(edges):
        if node not in state and (found := walk(node)):
            return found
    return None


def test_the_import_graph_of_service_and_schemas_has_no_cycle():
    assert find_cycle(graph(*PACKAGES)) is None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


ENGINE_MODULES = sorted(modules("service/engine").items())


@pytest.mark.parametrize("name, path", ENGINE_MODULES, ids=[n for n, _ in ENGINE_MODULES])
def test_an_engine_module_imports_no_face(name, path):
    """Not Flask, marshmallow or the CLI's libraries, not ``schemas``, not
    ``service.*`` outside the engine, not even for type hints."""
    bad = {t for t in imported(name, path, type_checking=True)
           if t.split(".")[0] in FACE_LIBRARIES | {"schemas"}
           or (t.split(".")[0] == "service" and t != ENGINE and not t.startswith(ENGINE + "."))}
    assert bad == set()


FACE_MODULES = sorted((n, p) for n, p in KNOWN.items() if not (n == ENGINE or n.startswith(ENGINE + ".")))


@pytest.mark.parametrize("name, path", FACE_MODULES, ids=[n for n, _ in FACE_MODULES])
def test_a_face_imports_the_engine_only_through_its_public_surface(name, path):
    """``service.engine`` re-exports what faces use; its modules may move."""
    inside = {t for t in imported(name, path, type_checking=True) if t.startswith(ENGINE + ".")}
    assert inside == set()
