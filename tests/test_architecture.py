"""The tree shows the pipeline: imports go one way, down the flow, and never in a circle.

Stages, from the bottom: ``source`` (bytes to text), the grammars, ``parse`` (layout and
structure), ``facts`` (what rules read beside the structure), ``engine`` (registry,
settings, running rules), ``fix``, the rule catalogue, ``report``, and at the top the
front ends (``cli``, ``service``, ``api``, ``lsp``). A module may import its own stage and
the stages below it. Imports inside functions count: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Bottom first. A stage may import only itself and the stages before it.
STAGES = (
    "source",
    "grammars",
    "parse",
    "facts",
    "engine",
    "fix",
    "rules",
    "report",
    "front",
)
FRONT_ENDS = {"cli", "service", "lsp", "api", "schemas", "__main__"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[0] == "rules":
        parts = ["linter", *parts]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for folder in ("linter", "rules"):
        for path in (ROOT / folder).rglob("*.py"):
            found[_module_name(path)] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if not node.module.startswith("linter"):
                    continue
                for alias in node.names:
                    target = f"{node.module}.{alias.name}"
                    edges[name].add(target if target in modules else node.module)
            elif isinstance(node, ast.Import):
                edges[name].update(a.name for a in node.names if a.name.startswith("linter."))
    return edges


def stage(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None  # the package itself (its version)
    if parts[1] == "facts" and len(parts) > 2 and parts[2] == "grammars":
        return "grammars"
    if parts[1] in FRONT_ENDS:
        return "front"
    return parts[1]


def test_every_module_belongs_to_a_stage() -> None:
    strays = [m for m in _modules() if m != "linter" and stage(m) not in STAGES]
    assert not strays, f"modules outside the stage folders: {strays}"


def test_imports_go_down_the_flow() -> None:
    rank = {name: index for index, name in enumerate(STAGES)}
    upward = []
    for module, targets in _imports(_modules()).items():
        own = stage(module)
        for target in targets:
            theirs = stage(target)
            if own is None or theirs is None:
                continue
            if rank[theirs] > rank[own]:
                upward.append(f"{module} ({own}) imports {target} ({theirs})")
    assert not upward, "imports against the flow:\n" + "\n".join(sorted(upward))


def test_no_import_cycles() -> None:
    edges = _imports(_modules())
    cycles = []
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*stack[stack.index(target) :], target]))
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


#: A module longer than this does more than one job: split it along its seams.
MAX_MODULE_LINES = 400


def test_every_module_is_under_the_size_limit() -> None:
    """Small modules (the developer guide): each of the package, the catalogue and the
    scripts stays under :data:`MAX_MODULE_LINES` lines."""
    paths = [p for folder in ("linter", "rules", "scripts") for p in (ROOT / folder).rglob("*.py")]
    assert len(paths) > 100
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in paths
    }
    over = {path: lines for path, lines in sizes.items() if lines >= MAX_MODULE_LINES}
    assert not over, f"modules of {MAX_MODULE_LINES} lines or more: {over}"
