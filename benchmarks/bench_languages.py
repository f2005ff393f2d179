"""What the six languages and the version comparison cost. Prints numbers, asserts nothing.

    python benchmarks/bench_languages.py [--rounds 5]

Paired in one run, so the machine's speed cancels out:

* documents/s per language, every rule, on the constructed documents of tests/corpus
  (fr, es, ru, ar, zh) beside the seed (zh) and an English document of the first corpus;
* the cross-file step: the four versions of A/RES/66/181 checked with the X rules
  selected and with them ignored (what facts and comparison add);
* cold start: loading the zh lexicon (with its Traditional forms derived) and the en one
  in a fresh interpreter, and the first parse of each new language's numeral table.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from linter.engine.lint import lint_bytes
from linter.engine.registry import Input, all_rules
from linter.engine.versions import compare_versions

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
DOCUMENTS = {
    "seed zh": CORPUS / "seed" / "E-RES-2012-19.zh.txt",
    "en (A/RES/80/13)": CORPUS / "en" / "A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt",
    **{lang: CORPUS / lang / f"A-RES-66-181.{lang}.txt" for lang in ("fr", "es", "ru", "ar")},
    "zh SC 2018": CORPUS / "zh" / "S-RES-2444-2018.zh.txt",
    "zh-Hant SC 1967": CORPUS / "zh" / "S-RES-0242-1967.zh-Hant.txt",
    "zh GA 1966": CORPUS / "zh" / "A-RES-2160-XXI.zh.txt",
}


def per_second(data: bytes, rounds: int, repeat: int = 20) -> float:
    rules = all_rules()
    lint_bytes(data, "<warm>", rules)
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(repeat):
            lint_bytes(data, "<bench>", rules)
        best = min(best, time.process_time() - start)
    return repeat / best


def versions_cost(rounds: int) -> tuple[float, float]:
    """Milliseconds for the four versions: without, then with the X rules."""
    files = [DOCUMENTS[lang] for lang in ("fr", "es", "ru", "ar")]
    data = [(str(path), path.read_bytes()) for path in files]
    with_x = all_rules()
    without_x = tuple(r for r in with_x if r.input is not Input.VERSIONS)

    def run(rules: tuple) -> float:
        best = float("inf")
        for _ in range(rounds):
            start = time.process_time()
            results = [lint_bytes(raw, path, rules) for path, raw in data]
            compare_versions(results, lambda _path: rules)
            best = min(best, time.process_time() - start)
        return best * 1000

    run(with_x)
    return run(without_x), run(with_x)


def cold(statement: str, runs: int = 5) -> float:
    """Median milliseconds of ``statement`` in a fresh interpreter (import time excluded)."""
    code = (
        "import time, linter.source.lexicon as L, linter.facts.grammars.numerals as N\n"
        f"t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    )
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print("documents/s, every rule, one core:")
    for name, path in DOCUMENTS.items():
        data = path.read_bytes()
        print(f"  {name:18} {per_second(data, args.rounds):7.1f}/s  ({len(data) / 1024:.1f} KB)")
    without, with_x = versions_cost(args.rounds)
    print(
        f"four versions of A/RES/66/181: {without:.1f} ms without X rules, "
        f"{with_x:.1f} ms with them (+{with_x - without:.1f} ms)"
    )
    print("cold start, fresh interpreter (median):")
    statements = {
        "lexicon('en')": "L.lexicon('en')",
        "lexicon('zh') with Traditional forms": "L.lexicon('zh')",
        "first session scan, fr table": "N.find_session_numerals('sixième session', 'fr')",
        "first session scan, ru table": "N.find_session_numerals('шестой сессии', 'ru')",
        "first session scan, en words": "N.find_session_numerals('sixth session', 'en')",
    }
    for name, statement in statements.items():
        print(f"  {name:38} {cold(statement):6.1f} ms")


if __name__ == "__main__":
    main()
