"""``reslint parse``: the structure of one resolution, as text or JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from linter.cli.errors import EXIT_OK, UsageError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parse = commands.add_parser("parse", help="print the structure of one resolution")
    parse.add_argument("path", metavar="FILE")
    parse.add_argument("--format", choices=["text", "json"], default="text")
    parse.add_argument("--language", help="force the language (ISO 639-1 code)")
    parse.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter.engine.reading import read_limited
    from linter.parse.document_json import document_model, document_text
    from linter.parse.structure import parse
    from linter.source.text import DecodeError, Source

    path = Path(args.path)
    try:
        data = read_limited(path)
        source = Source.from_bytes(data, path=str(path), language=args.language)
    except FileNotFoundError:
        raise UsageError(f"path not found: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a directory; parse takes one file") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except DecodeError as error:
        raise UsageError(f"{path}: {error}") from None
    document = parse(source)
    if args.format == "json":
        out.write(document_model(document).model_dump_json(indent=2) + "\n")
    else:
        out.write(document_text(document))
    return EXIT_OK
