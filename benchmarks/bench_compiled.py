"""Would a compiled build make linting faster? The hot modules compiled with mypyc, paired
against the same code as plain Python in one run.

Prints numbers, asserts nothing.

    python benchmarks/bench_compiled.py [--rounds 3] [--pairs 2]

Issue 13 asks for 1.5 MB/s per core; plain Python reaches about 1 MB/s, and the profile is
flat (no function above 7 %), so only a structural change could close the gap. This is the
cheapest one: compile the code as it is with mypyc (part of mypy, a dev dependency; gcc and
the Python headers are on the machine). Two copies of the committed tree (``git worktree``,
HEAD) are made in a temporary folder; one is compiled. Then ``bench_stages.py --source all``
runs in each, in turn, ``--pairs`` times (so a change in the machine's load falls on both),
and the best total of each is printed with the ratio.

What is compiled: the parser (``linter/parse``), the source layer (``linter/source``), the
facts (``linter/facts``), every rule and the canonical plan of ``fix``. Left as Python:

* ``source/frozen.py`` (builds ``__init__`` with ``exec``) and the modules using
  ``functools.cached_property`` (``source/lexicon.py``, ``facts/citations.py``): compiled,
  the property's cache was lost and a run took five times as long;
* ``facts/grammars`` (mypyc cannot type its cached tables) and ``parse/document_json.py``
  (pydantic).

Two lines are rewritten in the compiled copy only, to the same meaning (mypyc 2.x stops with
an internal error on a starred tuple in a membership test), and the rules' docstrings, which
compiled functions lose, are filled in at import (the registry refuses a rule without one).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: (file, as written, the same for mypyc)
_REWRITES = (
    (
        "linter/parse/paragraphs.py",
        "final_mark(introduced) in (*ctx.lex.operative_terminators, *ctx.lex.list_terminators)",
        "(final_mark(introduced) in ctx.lex.operative_terminators"
        " or final_mark(introduced) in ctx.lex.list_terminators)",
    ),
    (
        "rules/numbering/N007_paragraph_terminator.py",
        "joined.group(1) in (*wanted, *introducing)",
        "(joined.group(1) in wanted or joined.group(1) in introducing)",
    ),
)
_LEFT_AS_PYTHON = {"frozen.py", "lexicon.py", "citations.py", "document_json.py"}

# Runs bench_stages.py from the copy given first, not from the installed (editable) reslint.
_RUNNER = """
import inspect, runpy, sys
tree = sys.argv[1]
sys.path.insert(0, tree)
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
plain_getdoc = inspect.getdoc
inspect.getdoc = lambda obj: plain_getdoc(obj) or "(compiled: docstring dropped)"
sys.argv = [f"{tree}/benchmarks/bench_stages.py", *sys.argv[2:]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def _modules(tree: Path) -> list[str]:
    """The files to compile, as paths under ``tree`` (rules through ``linter/rules``, so
    that mypyc names them as the installed package does)."""
    chosen = []
    for folder in ("linter/parse", "linter/source", "linter/facts", "linter/rules"):
        for path in sorted((tree / folder).rglob("*.py")):
            relative = path.relative_to(tree)
            if "grammars" in relative.parts or path.name in _LEFT_AS_PYTHON:
                continue
            chosen.append(str(relative))
    chosen += ["linter/fix/planner.py", "linter/fix/canonical.py", "linter/fix/joins.py"]
    return chosen


def _copy(parent: Path, name: str) -> Path:
    tree = parent / name
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), "HEAD"],
        check=True,
        capture_output=True,
    )
    # The installed package maps ``linter.rules`` to ``rules/`` (pyproject's package-dir);
    # the copy is imported from its folder, so it needs the same name there.
    (tree / "linter" / "rules").symlink_to("../rules")
    return tree


def _compile(tree: Path) -> None:
    for name, written, rewritten in _REWRITES:
        path = tree / name
        text = path.read_text(encoding="utf-8")
        if written not in text:
            raise SystemExit(f"bench_compiled: {name} changed; update _REWRITES")
        path.write_text(text.replace(written, rewritten), encoding="utf-8")
    mypyc = [sys.executable, "-m", "mypyc", *_modules(tree)]
    built = subprocess.run(mypyc, cwd=tree, capture_output=True, text=True)
    if built.returncode != 0:
        raise SystemExit(f"bench_compiled: mypyc failed:\n{built.stdout[-2000:]}")


def _stages(tree: Path, rounds: int) -> tuple[float, str]:
    """Best total (ms) and the stage lines bench_stages printed."""
    out = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(tree), "--source", "all", "--rounds", str(rounds)],
        cwd=tree,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    if out.returncode != 0:
        raise SystemExit(f"bench_compiled: bench_stages failed in {tree}:\n{out.stderr[-2000:]}")
    head = out.stdout.splitlines()[0]
    return float(head.split(" rules: ")[1].split(" ms")[0]), out.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("gcc") is None:
        raise SystemExit("bench_compiled: no C compiler (gcc) here")
    parent = Path(tempfile.mkdtemp(prefix="reslint-compiled-"))
    try:
        plain, compiled = _copy(parent, "plain"), _copy(parent, "compiled")
        _compile(compiled)
        best = {"plain": float("inf"), "compiled": float("inf")}
        shown = {}
        for _ in range(args.pairs):
            for name, tree in (("plain", plain), ("compiled", compiled)):
                total, out = _stages(tree, args.rounds)
                if total < best[name]:
                    best[name], shown[name] = total, out
        for name in ("plain", "compiled"):
            print(f"== {name}\n" + "\n".join(shown[name].splitlines()[:8]))
        ratio = best["plain"] / best["compiled"]
        print(f"plain {best['plain']:.0f} ms, compiled {best['compiled']:.0f} ms: {ratio:.2f}x")
    finally:
        for name in ("plain", "compiled"):
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(parent / name)],
                capture_output=True,
            )
        shutil.rmtree(parent, ignore_errors=True)


if __name__ == "__main__":
    main()
