"""``reslint serve``: the HTTP API and the editor page (``pip install 'reslint[server]'``).

It listens on loopback unless told otherwise. The rule selection, severities and options
come from the configuration found from the working directory (or ``--config``, none with
``--isolated``), as for ``check``; the limits from the flags. Nothing of the server extra
is imported until this command runs, and without the extra it stops with one line.
"""

from __future__ import annotations

import argparse
import importlib
import re
from typing import TextIO

from linter.cli.errors import EXIT_OK, UsageError

#: The modules of the server extra: each must import for ``serve`` to start.
EXTRA = ("fastapi", "uvicorn", "pebble", "prometheus_client", "python_multipart")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_SIZE = re.compile(r"^\s*(\d+)\s*(|b|k|kb|kib|m|mb|mib)\s*$", re.I)
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024}


def size(value: str) -> int:
    """``5MiB``, ``512k``, ``1000000``: a byte count (KiB and MiB are 1024-based)."""
    match = _SIZE.match(value)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size like 5MiB or 512KiB: {value!r}")
    unit = match.group(2).lower()
    return int(match.group(1)) * _UNITS.get(unit, 1024 * 1024)


def positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1
    if not number > 0:
        raise argparse.ArgumentTypeError(f"not a positive number: {value!r}")
    return number


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve", help="run the HTTP API and the editor page (needs reslint[server])"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--workers", type=int, default=0, metavar="N", help="lint processes (default: one per core)"
    )
    serve.add_argument(
        "--max-body", type=size, default="5MiB", metavar="SIZE", help="request body limit (5MiB)"
    )
    serve.add_argument(
        "--time-limit",
        type=positive,
        default=30.0,
        metavar="SECONDS",
        help="time limit per document, answered 422 (default 30)",
    )
    serve.add_argument(
        "--queue",
        type=int,
        default=0,
        metavar="N",
        help="documents waiting for a worker before 503 (default: 4 per worker)",
    )
    serve.add_argument("--root-path", default="", help="path prefix set by a reverse proxy")
    serve.add_argument(
        "--forwarded-allow-ips",
        default=None,
        metavar="IPS",
        help="proxies whose X-Forwarded-* headers are trusted (default: 127.0.0.1)",
    )
    serve.add_argument("--config", metavar="FILE", help="configuration file (default: found)")
    serve.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    serve.set_defaults(handler=run)


def _missing_extra() -> str | None:
    for name in EXTRA:
        try:
            importlib.import_module(name)
        except ImportError:
            return name
    return None


def config_file(args: argparse.Namespace) -> str | None:
    """The configuration the server runs with, found as ``check`` finds it."""
    from linter.engine import config

    if args.isolated:
        return None
    if args.config:
        return str(args.config)
    found = config.find(config.start_folder([]))
    return str(found) if found is not None else None


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    missing = _missing_extra()
    if missing is not None:
        raise UsageError(
            f"serve needs the server extra (module {missing!r} is missing): "
            "pip install 'reslint[server]'"
        )
    import uvicorn

    from linter.api import ReslintError
    from linter.service.app import ServiceConfig, create_app

    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be 1 to 65535, not {args.port}")
    service = ServiceConfig(
        workers=args.workers,
        max_body=args.max_body,
        time_limit=args.time_limit,
        queue=args.queue,
        config=config_file(args),
    )
    try:
        app = create_app(service)
    except ReslintError as error:
        raise UsageError(str(error)) from None
    if args.host not in LOOPBACK:
        err.write(
            f"reslint: listening on {args.host}: reachable from other machines; "
            "put it behind a reverse proxy with TLS\n"
        )
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host=args.host,
            port=args.port,
            root_path=args.root_path,
            proxy_headers=True,
            forwarded_allow_ips=args.forwarded_allow_ips,
            log_level=args.log_level,
            timeout_graceful_shutdown=5,
        )
    )
    try:
        server.run()
    except SystemExit as stop:  # uvicorn exits when it cannot listen (the port is taken)
        if stop.code not in (0, None):
            raise UsageError(f"could not listen on {args.host}:{args.port}") from None
    return EXIT_OK
