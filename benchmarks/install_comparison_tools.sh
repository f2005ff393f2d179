#!/usr/bin/env bash
# Installs the tools benchmarks/bench_speed.py compares reslint with, into one folder
# (default /tmp/reslint-bench-tools), never into the project's environment:
#   AutoCorrect (autocorrect-py, its Python binding) and proselint from PyPI,
#   textlint with two general rules (sentence-length, max-comma) from npm.
# Then: RESLINT_BENCH_TOOLS=/tmp/reslint-bench-tools python benchmarks/bench_speed.py
set -euo pipefail
target="${1:-/tmp/reslint-bench-tools}"
mkdir -p "$target/node"
python3 -m venv "$target/venv"
"$target/venv/bin/pip" install -q autocorrect-py proselint
if command -v npm >/dev/null; then
  (cd "$target/node" && npm install --silent --no-audit --no-fund \
    textlint textlint-rule-sentence-length textlint-rule-max-comma)
  printf '{"rules": {"sentence-length": true, "max-comma": true}}\n' >"$target/node/.textlintrc.json"
else
  echo "npm not found: textlint is left out" >&2
fi
echo "installed in $target"
