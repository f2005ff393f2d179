"""Writing dates in a language's styles (``19 December 2011``, ``2011 年 12 月 19 日``):
the repairs and messages that suggest a date, and the tests that round-trip the grammar."""

from __future__ import annotations

from linter.facts.grammars import _data
from linter.source.lexicon import lexicon

__all__ = ["format_date", "format_date_range"]


def _style(language: str, style: str | None) -> dict[str, str]:
    styles: dict[str, dict[str, str]] = _data.numerals(language)["dates"]["styles"]
    if style is None:
        return next(iter(styles.values()))
    try:
        return styles[style]
    except KeyError:
        raise ValueError(
            f"no date style {style!r} for {language!r}; known: {', '.join(styles)}"
        ) from None


def _month_text(month: int, language: str) -> str:
    if _data.numerals(language)["dates"]["month"] == "number":
        return str(month)
    return lexicon(language).months[month - 1]


def _fill(template: str, language: str, values: dict[str, int | None]) -> str:
    out = template
    for name, unit in lexicon(language).extra.get("date_units", {}).items():
        out = out.replace(f"{{unit.{name}}}", unit)
    for name, value in values.items():
        if value is None:
            continue
        text = _month_text(value, language) if name.startswith("month") else str(value)
        out = out.replace(f"{{{name}}}", text)
    return out


def format_date(
    year: int, month: int, day: int | None, language: str, style: str | None = None
) -> str:
    """A date (``day=None``: a month-year) written in ``style`` (default: UN style).

    Styles are data (``[dates.styles]``): zh ``spaced`` (``2011 年 12 月 19 日``),
    ``compact`` (``2011年12月19日``), ``mixed`` (``2011年 12月 19日``); en ``standard``
    (``19 December 2011``), ``from``, ``us`` (``December 19, 2011``).
    """
    templates = _style(language, style)
    template = templates["partial" if day is None else "date"]
    return _fill(template, language, {"year": year, "month": month, "day": day})


def format_date_range(
    first: tuple[int, int, int], last: tuple[int, int, int], language: str, style: str | None = None
) -> str:
    """A range of days, ``first`` and ``last`` as ``(year, month, day)``, in ``style``."""
    templates = _style(language, style)
    (y1, m1, d1), (y2, m2, d2) = first, last
    if y1 != y2:
        key = "range"
    elif m1 != m2:
        key = "range_same_year"
    else:
        key = "range_same_month"
    values: dict[str, int | None] = {
        "year": y1,
        "month": m1,
        "day": d1,
        "day2": d2,
        "month2": m2,
        "year2": y2,
    }
    if key != "range":
        values["year"] = y2
    return _fill(templates[key], language, values)
