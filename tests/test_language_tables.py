"""The generated word tables agree with the libraries they come from.

reslint reads only TOML at run time; num2words, babel (CLDR) and OpenCC are development
dependencies that produced or check that TOML (scripts/generate_language_tables.py).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel import Locale

from linter.facts.grammars._table_numerals import parse_cardinal
from linter.facts.grammars.numerals import parse_ordinal
from linter.source.lexicon import lexicon
from linter.source.variants import translations, variants_of

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    path = ROOT / "scripts" / "generate_language_tables.py"
    spec = importlib.util.spec_from_file_location("generate_language_tables", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


GENERATOR = _generator()


def test_generated_regions_are_up_to_date() -> None:
    for path, bodies in GENERATOR.regions().items():
        text = path.read_text(encoding="utf-8")
        for name, body in bodies.items():
            assert GENERATOR.replace_region(text, name, body) == text, (
                f"{path.name}: region {name!r} is stale; run scripts/generate_language_tables.py"
            )


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_months_are_cldr_format_months(language: str) -> None:
    # Format (not stand-alone) forms: the Russian genitive "июля" of "26 июля 2012 года".
    months = Locale.parse(language).months["format"]["wide"]
    assert list(lexicon(language).months) == [months[i] for i in range(1, 13)]


def test_arabic_months_carry_the_cldr_gregorian_name() -> None:
    # United Nations Arabic writes يونيه and يوليه where CLDR has يونيو and يوليو.
    un_spelling = {"يونيو": "يونيه", "يوليو": "يوليه"}
    cldr = Locale.parse("ar").months["format"]["wide"]
    gregorian = [name.split("/")[1] for name in lexicon("ar").months]
    assert gregorian == [un_spelling.get(cldr[i], cldr[i]) for i in range(1, 13)]


@pytest.mark.parametrize(
    ("language", "words", "value"),
    [
        ("fr", "quatre-vingtième", 80),  # num2words writes "quatre-vingtsième"
        ("fr", "soixante et onzième", 71),
        ("fr", "Soixante-sixième", 66),
        ("es", "sexagésimo sexto", 66),
        ("es", "vigésimo primer", 21),
        ("es", "undécimo", 11),
        ("ru", "восьмидесятой", 80),
        ("ru", "шестьдесят шестая", 66),
        ("ru", "шестьдесят\nшестой", 66),
        ("ar", "الثمانون", 80),
        ("ar", "السادسة والستين", 66),
        ("ar", "الحادية عشرة", 11),
    ],
)
def test_ordinal_tables(language: str, words: str, value: int) -> None:
    assert parse_ordinal(words, language) == (value, "words")


def test_cardinal_tables() -> None:
    assert parse_cardinal("vingt-deux", "fr") == 22
    assert parse_cardinal("sesenta y seis", "es") == 66
    assert parse_cardinal("шестьдесят шесть", "ru") == 66


def test_every_chinese_phrase_has_its_opencc_traditional_form() -> None:
    import opencc  # type: ignore[import-untyped]

    converter = opencc.OpenCC("s2tw")
    lex = lexicon("zh")
    tables = translations(GENERATOR.variants_region().split('"')[1])
    assert tables == lex.variant_tables
    for phrase in GENERATOR.zh_phrases():
        traditional = converter.convert(phrase)
        if traditional != phrase:
            assert traditional in variants_of(phrase, tables), phrase
