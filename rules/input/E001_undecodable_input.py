"""E001 undecodable-input."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Input, Severity, rule
from linter.source.encoding import guess_encoding
from linter.source.text import DecodeError, decode


@rule("E001", "undecodable-input", Severity.ERROR, input=Input.BYTES)
def undecodable_input(data: bytes) -> Iterator[Hit]:
    """The file is not valid UTF-8.

    Why:
        Every position reslint reports and every fix it makes is on Unicode text. A file
        in another encoding (Latin-1, GBK, UTF-16) cannot be read without guessing, and a
        wrong guess corrupts it; so nothing else is checked until it is re-saved as UTF-8.
        The finding gives the first byte that is not UTF-8 and, when the bytes make it
        plain (GB18030, Big5, UTF-16, a Windows code page), the encoding the file is
        probably in: ``reslint check --encoding gb18030`` then reads it as it is.

    Example:
        Résolution adoptée par l'Assemblée générale

    Use instead:
        Résolution adoptée par l'Assemblée générale

    Fix safety:
        No fix: converting an encoding needs to know the encoding, and the one named is a
        guess from the bytes (charset-normalizer), never applied without being asked.
        (The Example is stored in Latin-1, the Use instead in UTF-8.)
    """
    try:
        decode(data)
    except DecodeError as error:
        guess = guess_encoding(data)
        advice = (
            f"it looks like {guess}: re-save it as UTF-8, or check it with --encoding {guess}"
            if guess
            else "re-save the file as UTF-8"
        )
        yield Hit(
            error.offset,
            error.offset + 1,
            f"not valid UTF-8 at byte {error.offset} ({error.reason}); nothing else was "
            f"checked: {advice}",
        )
