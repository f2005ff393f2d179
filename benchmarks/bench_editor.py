"""What an editor waits for: the language server's answer to a change, and stdin runs.

Prints numbers, asserts nothing.

    python benchmarks/bench_editor.py [--changes 20] [--wall-runs 10]

* the language server, driven over stdio by pygls's client: the time from a
  ``didChange`` (the whole text, as the server asks) to its ``publishDiagnostics``, median
  of ``--changes``, for the seed and the largest English extraction of the corpus; paired
  with the in-process lint of the same text in this process (the work the server does
  per change), so the protocol's share is the difference;
* ``reslint check - --stdin-filename`` against ``reslint check FILE`` as new processes on
  the seed, median of ``--wall-runs`` each, run alternately;
* the same for a ``requirements.txt`` (E002 alone: no rule but E002 runs on it) against
  the seed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from linter.engine.lint import lint_text
from linter.engine.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "corpus" / "seed" / "E-RES-2012-19.zh.txt"
LARGEST_EN = max((ROOT / "tests" / "corpus" / "en").glob("*.txt"), key=lambda p: p.stat().st_size)
REQUIREMENTS = "pydantic>=2.5,<3\njsonschema>=4.18\npyparsing>=3.1\n" * 10


async def server_latency(text: str, changes: int) -> list[float]:
    """Seconds from each didChange to the diagnostics of that version."""
    client = LanguageClient("bench", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            event.set()

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    await client.start_io(sys.executable, "-m", "linter", "lsp", env=env)
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = (ROOT / "bench.txt").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="plaintext", version=1, text=text
            )
        )
    )
    while 1 not in arrived:
        event.clear()
        await event.wait()
    times = []
    for version in range(2, changes + 2):
        edited = text + " " * (version % 2)  # a keystroke at the end
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)],
            )
        )
        while version not in arrived:
            event.clear()
            await event.wait()
        times.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def in_process(text: str, runs: int) -> float:
    rules = all_rules()
    lint_text(text, "<warm>", rules)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        lint_text(text, str(SEED), rules)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def wall_pair(first: list[str], second: list[str], stdin: bytes, runs: int) -> tuple[float, float]:
    """Medians of two commands run alternately (``second`` gets ``stdin``)."""
    a, b = [], []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(first, capture_output=True, check=False, env=env)
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run(second, input=stdin, capture_output=True, check=False, env=env)
        b.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--wall-runs", type=int, default=10)
    args = parser.parse_args()
    for path in (SEED, LARGEST_EN):
        text = path.read_text(encoding="utf-8")
        latencies = asyncio.run(server_latency(text, args.changes))
        lint = in_process(text, args.changes)
        print(
            f"lsp {path.name} ({len(text.encode()) / 1000:.0f} KB): change -> diagnostics "
            f"median {statistics.median(latencies) * 1000:.0f} ms, "
            f"max {max(latencies) * 1000:.0f} ms; "
            f"the lint alone in process {lint * 1000:.0f} ms"
        )
    reslint = [sys.executable, "-m", "linter"]
    file_time, stdin_time = wall_pair(
        [*reslint, "check", "-q", str(SEED)],
        [*reslint, "check", "-q", "-", "--stdin-filename", str(SEED)],
        SEED.read_bytes(),
        args.wall_runs,
    )
    print(
        f"check FILE {file_time * 1000:.0f} ms vs check - (stdin) "
        f"{stdin_time * 1000:.0f} ms (seed, wall)"
    )
    seed_time, other_time = wall_pair(
        [*reslint, "check", "-q", str(SEED)],
        [*reslint, "check", "-q", "-", "--stdin-filename", "requirements.txt"],
        REQUIREMENTS.encode(),
        args.wall_runs,
    )
    print(
        f"check seed {seed_time * 1000:.0f} ms vs a requirements.txt (E002 alone) "
        f"{other_time * 1000:.0f} ms (wall)"
    )


if __name__ == "__main__":
    main()
