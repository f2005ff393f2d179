"""How right reslint is on real documents: structure against the gold, findings against verdicts.

Prints numbers; the test ``tests/test_accuracy.py`` holds them to a floor that only rises.

    python benchmarks/accuracy.py [-v] [--json]

* **Structure**: for every gold document (``tests/gold/structure/<set>/<file>.toml``,
  written by reading the documents, see ``tests/gold/README.md``), ``parse`` is compared
  field by field: operative labels, note numbers, marker numbers, adoption (date and
  meeting). A document is right when all four match.
* **Findings**: every N, F and D finding on every corpus file gets a verdict: from the
  gold document's ``defects`` (same file, rule and line: a real defect), else from the
  adjudication table ``tests/gold/findings.tsv``. Findings without a verdict are listed:
  the table is kept complete. Precision is real findings over adjudicated findings, per
  rule; recall is the gold defects found, over the gold defects.

``-v`` lists every structure mismatch and every finding without a verdict.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
GOLD = ROOT / "tests" / "gold"
STRUCTURE = GOLD / "structure"
VERDICTS = GOLD / "findings.tsv"
#: The corpus folders whose findings are adjudicated (every file in them).
SETS = ("seed", "en", "en-sc", "en-ga80")
FIELDS = ("operative", "notes", "markers", "adoption")
FAMILIES = ("N", "F", "D")


@dataclass(frozen=True)
class GoldDocument:
    name: str  # "<set>/<file>", the corpus path
    operative: tuple[str, ...]
    notes: tuple[str, ...]
    markers: tuple[str, ...]
    adoption: tuple[str | None, int | None]
    defects: frozenset[tuple[str, int]]  # (rule, line)


@dataclass
class Scores:
    """Everything the benchmark measured (the test compares it with the floor)."""

    documents: int = 0
    right: int = 0
    by_field: Counter[str] = field(default_factory=Counter)
    mismatches: list[str] = field(default_factory=list)
    true_by_rule: Counter[str] = field(default_factory=Counter)
    false_by_rule: Counter[str] = field(default_factory=Counter)
    unjudged: list[str] = field(default_factory=list)
    defects: int = 0
    defects_found: int = 0
    missed: list[str] = field(default_factory=list)
    #: Findings the table judges real that reslint no longer reports (they must stay).
    lost_real: list[str] = field(default_factory=list)
    #: Rows of the table that no current finding matches (kept: a finding may come back).
    stale: int = 0

    def as_dict(self) -> dict[str, Any]:
        true, false = sum(self.true_by_rule.values()), sum(self.false_by_rule.values())
        return {
            "documents": self.documents,
            "right": self.right,
            "by_field": {name: self.by_field[name] for name in FIELDS},
            "findings_true": true,
            "findings_false": false,
            "findings_unjudged": len(self.unjudged),
            "precision": round(true / (true + false), 4) if true + false else 1.0,
            "defects": self.defects,
            "defects_found": self.defects_found,
            "lost_real": len(self.lost_real),
            "by_rule": {
                rule: {"true": self.true_by_rule[rule], "false": self.false_by_rule[rule]}
                for rule in sorted(set(self.true_by_rule) | set(self.false_by_rule))
            },
        }


def _labels(values: list[Any]) -> tuple[str, ...]:
    return tuple(str(value) for value in values)


def load_gold() -> list[GoldDocument]:
    found = []
    for path in sorted(STRUCTURE.glob("*/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        adoption = data.get("adoption", {})
        found.append(
            GoldDocument(
                name=f"{path.parent.name}/{path.name.removesuffix('.toml')}",
                operative=_labels(data["operative"]),
                notes=_labels(data["notes"]),
                markers=_labels(data["markers"]),
                adoption=(adoption.get("date"), adoption.get("meeting")),
                defects=frozenset((d["rule"], int(d["line"])) for d in data.get("defects", [])),
            )
        )
    return found


def load_verdicts() -> dict[tuple[str, int, str], bool]:
    """(file, line, rule) -> real defect or not, from the adjudication table."""
    if not VERDICTS.exists():
        return {}
    verdicts = {}
    with VERDICTS.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            verdict = row["verdict"].strip()
            if verdict not in ("true", "false"):
                raise SystemExit(f"{VERDICTS}: verdict must be true or false: {row}")
            verdicts[(row["file"], int(row["line"]), row["rule"])] = verdict == "true"
    return verdicts


def corpus_files() -> Iterator[str]:
    for name in SETS:
        for path in sorted((CORPUS / name).glob("*.txt")):
            yield f"{name}/{path.name}"


def parsed_fields(name: str) -> dict[str, Any]:
    """The four gold fields as ``parse`` sees them."""
    from linter.parse.structure import parse
    from linter.source.text import Source

    doc = parse(Source.from_path(CORPUS / name))
    return {
        "operative": tuple(p.label or "-" for p in doc.operative),
        "notes": tuple(note.label for note in doc.notes),
        "markers": tuple(marker.label for marker in doc.markers),
        "adoption": (doc.adoption.date, doc.adoption.meeting),
    }


@cache
def _structural_rules() -> tuple[Any, ...]:
    from linter.engine.registry import all_rules

    return tuple(spec for spec in all_rules() if spec.family in FAMILIES)


def structural_findings(name: str) -> list[tuple[str, int, str]]:
    """(rule, line, message) of every N, F and D finding on one corpus file."""
    from linter.engine.lint import lint_bytes

    result = lint_bytes((CORPUS / name).read_bytes(), name, _structural_rules())
    return [(f.rule, f.line, f.message) for f in result.findings]


def score() -> Scores:
    scores = Scores()
    gold = load_gold()
    verdicts = load_verdicts()
    gold_by_name = {document.name: document for document in gold}
    for document in gold:
        got = parsed_fields(document.name)
        want = {
            "operative": document.operative,
            "notes": document.notes,
            "markers": document.markers,
            "adoption": document.adoption,
        }
        wrong = [name for name in FIELDS if got[name] != want[name]]
        scores.documents += 1
        scores.right += not wrong
        for name in FIELDS:
            scores.by_field[name] += name not in wrong
        for name in wrong:
            scores.mismatches.append(
                f"{document.name}: {name}: got {_show(got[name])}, gold {_show(want[name])}"
            )
    found_defects: set[tuple[str, str, int]] = set()
    reported: set[tuple[str, int, str]] = set()
    for name in corpus_files():
        document = gold_by_name.get(name)
        for rule, line, message in structural_findings(name):
            reported.add((name, line, rule))
            if document is not None and (rule, line) in document.defects:
                verdict: bool | None = True
                found_defects.add((name, rule, line))
            else:
                verdict = verdicts.get((name, line, rule))
            if verdict is None:
                scores.unjudged.append(f"{name}\t{line}\t{rule}\t?\t{message}")
            elif verdict:
                scores.true_by_rule[rule] += 1
            else:
                scores.false_by_rule[rule] += 1
    for key, real in sorted(verdicts.items()):
        if key not in reported:
            scores.stale += 1
            if real:
                scores.lost_real.append("{}:{}: {}".format(*key))
    for document in gold:
        for rule, line in sorted(document.defects):
            if rule[:1] not in FAMILIES:
                continue
            scores.defects += 1
            if (document.name, rule, line) in found_defects:
                scores.defects_found += 1
            else:
                scores.missed.append(f"{document.name}:{line}: {rule}")
    return scores


def _show(value: Any) -> str:
    if isinstance(value, tuple) and len(value) > 12:
        return "(" + ", ".join(map(str, value[:12])) + f", ... {len(value)} in all)"
    return str(value)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


def report(scores: Scores, verbose: bool) -> str:
    lines = []
    if verbose:
        lines += ["structure mismatches:", *(f"  {m}" for m in scores.mismatches), ""]
        lines += ["findings without a verdict (add them to tests/gold/findings.tsv):"]
        lines += [f"  {u}" for u in scores.unjudged]
        lines += ["", "gold defects not found:", *(f"  {m}" for m in scores.missed), ""]
        lines += ["findings judged real that are no longer reported:"]
        lines += [*(f"  {m}" for m in scores.lost_real), ""]
    lines.append("per rule (real / false alarms):")
    rules = sorted(set(scores.true_by_rule) | set(scores.false_by_rule))
    for rule in rules:
        true, false = scores.true_by_rule[rule], scores.false_by_rule[rule]
        lines.append(f"  {rule}  {true:4d} / {false:4d}   precision {_percent(true, true + false)}")
    lines.append("per field (gold documents right):")
    for name in FIELDS:
        right = scores.by_field[name]
        lines.append(
            f"  {name:<10} {right:4d} / {scores.documents}  {_percent(right, scores.documents)}"
        )
    true, false = sum(scores.true_by_rule.values()), sum(scores.false_by_rule.values())
    lines += [
        f"structure: {scores.right} of {scores.documents} gold documents right in all four fields"
        f" ({_percent(scores.right, scores.documents).strip()})",
        f"findings:  {true} real, {false} false alarms: precision"
        f" {_percent(true, true + false).strip()} (N, F, D on {len(list(corpus_files()))} files)",
        f"unjudged:  {len(scores.unjudged)} findings without a verdict; "
        f"{len(scores.lost_real)} judged real no longer reported; {scores.stale} stale rows",
        f"recall:    {scores.defects_found} of {scores.defects} gold defects found"
        f" ({_percent(scores.defects_found, scores.defects).strip()})",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    scores = score()
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2))
    else:
        print(report(scores, args.verbose))


if __name__ == "__main__":
    main()
