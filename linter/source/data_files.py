"""reslint's own data files (the TOML under ``rules/data/``), parsed.

Every run that lints reads several of them (the lexicons, to tell the language; the
numerals, bodies and calendars of its language): some 10 ms of parsing TOML, the same
every time. The command line gives this module a :class:`DataStore` (the compiled-pattern
cache, :mod:`linter.engine.patterns`) that keeps the parsed values across runs, keyed by
the text's content; without one (the API, the service, the tests) the text is parsed.
"""

from __future__ import annotations

from typing import Any, Protocol


class DataStore(Protocol):
    """Parsed values kept across runs, by the content of the text they were parsed from."""

    def get_data(self, text: str) -> dict[str, Any] | None: ...

    def put_data(self, text: str, data: dict[str, Any]) -> None: ...


#: Set by the command line for the length of a run (None: every text is parsed).
store: DataStore | None = None


def parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the store when it has this text's values."""
    kept = store
    if kept is not None:
        found = kept.get_data(text)
        if found is not None:
            return found
    import tomllib

    data = tomllib.loads(text)
    if kept is not None:
        kept.put_data(text, data)
    return data
