"""How fast ``reslint serve`` answers, against ``reslint check`` in one process per core.

Prints numbers, asserts nothing. In one run, on the same seed-size documents:

* ``check``: ``reslint check --format json --jobs CORES`` on the documents written to a
  folder (one process per core, start-up included), documents/s; and the same work
  without the command line, each document linted and its JSON report written by
  ``linter.api.check_text`` in a pool of one warm process per core (the stricter
  baseline: no start-up, no files);
* the service: ``reslint serve --workers CORES`` started on a loopback port from this
  project's code, ``--clients`` concurrent clients (threads, keep-alive connections)
  POSTing the documents as ``text/plain`` to ``/v1/check``: requests/s, p50 and p99
  latency, and the ratio to ``check``;
* memory: the resident size of the server and its workers (summed) sampled as the
  request count reaches ``--memory-requests`` (10,000 by default), and their peaks.

    python benchmarks/bench_service.py [--requests 2000] [--memory-requests 10000]
                                       [--clients 8] [--workers 0]

Only loopback addresses are used; every loop is bounded by a request count.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEED = CORPUS / "seed" / "E-RES-2012-19.zh.txt"
HOST = "127.0.0.1"


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def seed_size_documents() -> list[bytes]:
    """The corpus documents within half and twice the seed's size (the seed included)."""
    size = SEED.stat().st_size
    found = [
        path.read_bytes()
        for path in sorted(CORPUS.rglob("*.txt"))
        if size / 2 <= path.stat().st_size <= size * 2
    ]
    return found or [SEED.read_bytes()]


def cycle(documents: Sequence[bytes], count: int) -> list[bytes]:
    return [documents[index % len(documents)] for index in range(count)]


def bench_check(documents: Sequence[bytes], jobs: int) -> float:
    """Documents/s of ``reslint check --format json --jobs JOBS`` on a folder of them."""
    with tempfile.TemporaryDirectory() as folder:
        for index, data in enumerate(documents):
            (Path(folder) / f"{index:06d}.txt").write_bytes(data)
        command = [sys.executable, "-m", "linter", "check", "--isolated", "--exit-zero"]
        command += ["--format", "json", "--jobs", str(jobs), folder]
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        return len(documents) / (time.perf_counter() - start)


def _warm() -> None:
    from linter import api

    api.check_text(SEED.read_text(encoding="utf-8"))


def _check_one(data: bytes) -> int:
    from linter import api

    return len(api.check_text(data.decode("utf-8")).model_dump_json())


def cpu_seconds(pids: Sequence[int]) -> float:
    """User and system CPU time of the processes so far (from /proc/PID/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def bench_engine(documents: Sequence[bytes], processes: int) -> tuple[float, float]:
    """Documents/s of ``check_text`` + JSON in ``processes`` warm worker processes, and
    the CPU seconds they spent per document."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_warm) as pool:
        pool.map(_check_one, documents[: processes * 4])  # every worker warm
        workers = [process.pid for process in pool._pool]  # type: ignore[attr-defined]
        cpu = cpu_seconds(workers)
        start = time.perf_counter()
        pool.map(_check_one, documents, chunksize=8)
        wall = time.perf_counter() - start
        return len(documents) / wall, (cpu_seconds(workers) - cpu) / len(documents)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "linter", "serve", "--isolated", "--host", HOST]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/v1/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start within 60 s")


class Load:
    """Concurrent clients sending documents; latencies and failures recorded."""

    def __init__(self, port: int, clients: int) -> None:
        self.port = port
        self.clients = clients
        self.latencies: list[float] = []
        self.failures: dict[int, int] = {}
        self.lock = threading.Lock()

    def _client(self, documents: list[bytes]) -> None:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
        headers = {"content-type": "text/plain"}
        for data in documents:
            start = time.perf_counter()
            connection.request("POST", "/v1/check", body=data, headers=headers)
            answer = connection.getresponse()
            answer.read()
            elapsed = time.perf_counter() - start
            with self.lock:
                self.latencies.append(elapsed)
                if answer.status != 200:
                    self.failures[answer.status] = self.failures.get(answer.status, 0) + 1
        connection.close()

    def run(self, documents: list[bytes]) -> float:
        """Send every document once, spread over the clients; the wall time."""
        shares = [documents[index :: self.clients] for index in range(self.clients)]
        threads = [threading.Thread(target=self._client, args=(share,)) for share in shares]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - start


def _status(pid: int) -> dict[str, str]:
    fields = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    except OSError:
        pass
    return fields


def family(pid: int) -> list[int]:
    """``pid`` and every process below it (the workers and the fork server)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            parent = _status(int(entry.name)).get("PPid")
            if parent:
                children.setdefault(int(parent), []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, ()))
    return found


def memory(pid: int) -> tuple[float, float, int]:
    """(resident MiB summed, peak resident MiB summed, processes) of the server's family."""
    rss = peak = 0.0
    members = family(pid)
    for member in members:
        status = _status(member)
        rss += int(status.get("VmRSS", "0 kB").split()[0]) / 1024
        peak += int(status.get("VmHWM", "0 kB").split()[0]) / 1024
    return rss, peak, len(members)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests timed for speed")
    parser.add_argument("--memory-requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=0, help="0: one per core")
    args = parser.parse_args()
    workers = args.workers or cores()
    documents = seed_size_documents()
    mean = statistics.mean(len(d) for d in documents) / 1024
    print(
        f"{cores()} cores; {len(documents)} seed-size corpus documents, {mean:.1f} KiB on average"
    )
    print(f"workers {workers}, clients {args.clients}, {args.requests} timed requests")

    timed = cycle(documents, args.requests)
    check_rate = bench_check(timed, workers)
    print(f"check --jobs {workers}:    {check_rate:8.1f} documents/s (start-up included)")
    engine_rate, engine_cpu = bench_engine(timed, workers)
    print(
        f"check_text x {workers} procs: {engine_rate:8.1f} documents/s (warm, in memory), "
        f"{engine_cpu * 1000:.1f} ms CPU per document"
    )

    port = free_port()
    server = start_server(port, workers)
    try:
        load = Load(port, args.clients)
        load.run(cycle(documents, 50))  # warm every worker
        load.latencies.clear()
        members = family(server.pid)
        cpu, client_cpu = cpu_seconds(members), time.process_time()
        wall = load.run(cycle(documents, args.requests))
        rate = args.requests / wall
        server_cpu = (cpu_seconds(members) - cpu) / args.requests
        client_cpu = (time.process_time() - client_cpu) / args.requests
        print(
            f"serve /v1/check:     {rate:8.1f} requests/s = {rate / check_rate:.0%} of check, "
            f"{rate / engine_rate:.0%} of check_text; "
            f"latency p50 {percentile(load.latencies, 0.5) * 1000:.1f} ms, "
            f"p99 {percentile(load.latencies, 0.99) * 1000:.1f} ms"
        )
        print(
            f"  CPU per request: server and workers {server_cpu * 1000:.1f} ms "
            f"({server_cpu / engine_cpu:.0%} of check_text's), "
            f"the clients {client_cpu * 1000:.1f} ms; "
            f"so on {workers} free cores: {workers / server_cpu:.1f} requests/s "
            f"= {engine_cpu / server_cpu:.0%} of check_text"
        )
        sent = 50 + args.requests
        checkpoints = sorted(
            {n for n in (1000, 2500, 5000) if n < args.memory_requests} | {args.memory_requests}
        )
        print("memory of the server and its workers (resident, summed):")
        for checkpoint in checkpoints:
            if checkpoint > sent:
                load.run(cycle(documents, checkpoint - sent))
                sent = checkpoint
            if sent >= checkpoint:
                rss, peak, members = memory(server.pid)
                print(
                    f"  after {sent:6d} requests: {rss:7.1f} MiB now, {peak:7.1f} MiB peak "
                    f"({members} processes)"
                )
        if load.failures:
            print(f"answers other than 200: {load.failures}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
