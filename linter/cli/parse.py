"""``reslint parse``: the structure of resolutions, as an outline or as JSON.

One FILE with ``--format json`` prints its Document (``schemas/document.schema.json``),
indented. Several files and folders (walked as ``check`` walks them) suit
``--format json-lines``: one Document per line, each with its ``path``, as data teams
load a corpus. A file that cannot be read or decoded is one line on stderr; the others
are still printed, and the exit code is then 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from linter.cli.errors import EXIT_ERROR, EXIT_OK, UsageError
from linter.cli.options import add_input_arguments, find_files


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parse = commands.add_parser(
        "parse", help="print the structure of resolutions (outline, JSON or JSON Lines)"
    )
    parse.add_argument("paths", nargs="+", metavar="PATH")
    parse.add_argument(
        "--format",
        choices=["text", "json", "json-lines"],
        default="text",
        help="text (an outline), json (one FILE's Document) or json-lines (one Document a line)",
    )
    add_input_arguments(parse)
    parse.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter.engine.discovery import DEFAULT_INCLUDE

    files = find_files(args.paths, tuple(args.include or DEFAULT_INCLUDE))
    if args.format == "json" and len(files) > 1:
        raise UsageError(
            f"--format json prints one Document; {len(files)} files need --format json-lines"
        )
    failed = False
    for number, path in enumerate(files):
        try:
            text = _parsed(path, args)
        except UsageError as error:
            if len(files) == 1:
                raise
            err.write(f"reslint: {error}\n")
            failed = True
            continue
        if args.format == "text" and len(files) > 1:
            out.write(("\n" if number else "") + f"==> {path} <==\n")
        out.write(text)
    return EXIT_ERROR if failed else EXIT_OK


def _parsed(path: Path, args: argparse.Namespace) -> str:
    """The output for one file; :class:`UsageError` when it cannot be read."""
    from linter.engine.lint import read_limited
    from linter.parse.document_json import document_model, document_text
    from linter.parse.structure import parse
    from linter.source.text import DecodeError, Source, decode

    try:
        data = read_limited(path)
        source = Source.from_text(decode(data, args.encoding), str(path), args.language)
    except IsADirectoryError:
        raise UsageError(f"{path} is a directory") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except DecodeError as error:
        raise UsageError(f"{path}: {error}{_encoding_hint(data, args.encoding)}") from None
    document = parse(source)
    if args.format == "text":
        return document_text(document)
    model = document_model(document)
    if args.format == "json-lines":
        return model.model_dump_json() + "\n"
    return model.model_dump_json(indent=2) + "\n"


def _encoding_hint(data: bytes, encoding: str | None) -> str:
    from linter.source.encoding import guess_encoding

    guess = None if encoding else guess_encoding(data)
    return f" (it looks like {guess}: --encoding {guess} reads it)" if guess else ""
