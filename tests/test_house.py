"""The house a newcomer finds their way in: the window in folders by what a person sees, no import
cycles, small files (docs/architecture.md, "Layers")."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "twindesk"
UI_FOLDERS = {"shell", "lists", "records", "history", "dashboard", "exchange", "briefing", "backups", "common"}


def _module(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, modules: set[str]) -> set[str]:
    """Modules of ours imported at module level (imports inside functions are deliberate: lazy loads)."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        found.update(n for n in names if n in modules)
    return found


def test_no_import_cycles():
    files = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: _top_level_imports(path, set(files)) - {name} for name, path in files.items()}
    # A package's __init__ importing its own submodules is how packages work; not a cycle of ours.
    graph = {name: {d for d in deps if not name.startswith(d + ".")} for name, deps in graph.items()}
    cycles, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        for dep in graph[node]:
            if state.get(dep) == "open":
                cycles.append(stack[stack.index(dep):] + [dep])
            elif dep not in state:
                visit(dep, stack + [dep])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_window_is_in_folders_by_what_a_person_sees():
    ui = PACKAGE / "ui"
    loose = sorted(p.name for p in ui.glob("*.py") if p.name != "__init__.py")
    assert loose == []
    assert {p.name for p in ui.iterdir() if p.is_dir() and p.name != "__pycache__"} == UI_FOLDERS
    assert (ui / "records" / "forms.py").is_file() and (ui / "lists" / "pages.py").is_file()


def test_no_file_of_the_window_is_over_400_lines():
    long = {str(p.relative_to(REPO)): n for p in (PACKAGE / "ui").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
