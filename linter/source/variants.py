"""Writing variants of one language: Chinese in Simplified and Traditional characters.

A Chinese resolution comes in Simplified characters (the United Nations' official form) or
in Traditional ones (older texts, texts transcribed in Taiwan or Hong Kong): `安全理事会`
and `安全理事會`, `还注意到` and `還注意到`. The two forms differ character by character,
never in length, so one lexicon serves both: the data file holds the Simplified phrases
and a small table of the characters that differ (``[variants]`` in
``rules/data/lang/zh.toml``), and every phrase, pattern and key is doubled with its
variant when the data is loaded. Rules and grammars then match either form with no
branch on the language and no second copy of the data to keep in step.

A Simplified character may have two Traditional forms, by word (赞: 讚赏, 贊同): its pair
then lists both (``赞讚贊``), and a phrase holding it is read in each. The table is generated
from OpenCC's Taiwan standard (``s2tw`` of ``opencc-python-reimplemented``, a development
dependency) by ``scripts/generate_language_tables.py`` and checked by
``tests/test_language_tables.py``; OpenCC itself stays off the run-time path.
"""

from __future__ import annotations

from typing import Any

Tables = tuple[dict[int, int], ...]


def translations(pairs: str) -> Tables:
    """``str.translate`` tables from ``"会會 议議 赞讚贊"``: a Simplified character, then
    its Traditional forms. The first table takes every first form; each further table
    takes the further forms where a character has them."""
    forms: dict[int, str] = {}
    for pair in pairs.split():
        if len(pair) < 2:
            raise ValueError(f"variant pair {pair!r} has no Traditional form")
        forms[ord(pair[0])] = pair[1:]
    depth = max((len(v) for v in forms.values()), default=0)
    return tuple(
        {key: ord(value[min(i, len(value) - 1)]) for key, value in forms.items()}
        for i in range(depth)
    )


def variants_of(text: str, tables: Tables) -> list[str]:
    """The other forms of ``text``, without ``text`` itself and without repeats."""
    out: list[str] = []
    for table in tables:
        other = text.translate(table)
        if other != text and other not in out:
            out.append(other)
    return out


def _variants(item: Any, tables: Tables) -> list[Any]:
    """The other forms of a string or of a table of strings."""
    if isinstance(item, str):
        return variants_of(item, tables)
    if isinstance(item, dict):
        out = []
        for table in tables:
            other = _translated(item, table)
            if other != item and other not in out:
                out.append(other)
        return out
    return []


def _translated(value: Any, table: dict[int, int]) -> Any:
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, list):
        return [_translated(v, table) for v in value]
    if isinstance(value, dict):
        return {k.translate(table): _translated(v, table) for k, v in value.items()}
    return value


def expand(data: Any, tables: Tables) -> Any:
    """``data`` (parsed TOML) with every phrase also in its other forms.

    Lists gain the variants of each string (or table of strings) right after it, so that
    "longest first" orders hold; tables gain the variants of each key with the same value.
    Single strings stay as they are: data that must match in every form is written as a
    list.
    """
    if not tables:
        return data
    if isinstance(data, list):
        out: list[Any] = []
        for item in data:
            out.append(expand(item, tables))
            out.extend(v for v in _variants(item, tables) if v not in out and v not in data)
        return out
    if isinstance(data, dict):
        table_out: dict[str, Any] = {key: expand(value, tables) for key, value in data.items()}
        for key, value in data.items():
            for other in variants_of(key, tables):
                table_out.setdefault(other, expand(value, tables))
        return table_out
    return data
