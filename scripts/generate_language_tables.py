"""Generate the word tables of rules/data from well-kept libraries (not run by reslint).

    python scripts/generate_language_tables.py          # rewrite the generated regions
    python scripts/generate_language_tables.py --check  # exit 1 if a region is stale

What it writes, each between ``# BEGIN generated: NAME`` and ``# END generated: NAME`` in
the data file:

- ``rules/data/numerals/{fr,es,ru}.toml``, ``[table.ordinals]`` and ``[table.cardinals]``:
  the ordinals 1–199 in every form the resolutions use, from num2words, with the
  corrections listed below where num2words departs from the United Nations' usage;
- ``rules/data/numerals/ar.toml``: Arabic feminine ordinals (الدورة، السنة) 1–99 in the
  nominative and the oblique case, from the rules of Arabic grammar written out below
  (num2words has no Arabic ordinals in this form);
- ``rules/data/lang/zh.toml``, ``[variants] pairs``: the Simplified characters of the zh
  lexicon and numeral data whose Traditional form differs, from OpenCC (``s2tw``, the
  Taiwan standard: 為, 秘書長, 核准), each with every form OpenCC gives it in some phrase.

The libraries are test dependencies (``pip install -e '.[dev]'``); reslint reads only the
TOML they produced. ``tests/test_language_tables.py`` checks the regions agree with this
script.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "rules" / "data"
LIMIT = 199  # sessions and years of the Official Records stay far below

# num2words forms the United Nations does not write, and the forms it writes instead.
FRENCH_FIXES = {"quatre-vingtsième": "quatre-vingtième"}
SPANISH_EXTRA = {
    11: ["undécimo", "decimoprimero", "decimoprimer"],
    12: ["duodécimo", "decimosegundo"],
    13: ["decimotercero", "decimotercer"],
    14: ["decimocuarto"],
    15: ["decimoquinto"],
    16: ["decimosexto"],
    17: ["decimoséptimo"],
    18: ["decimoctavo"],
    19: ["decimonoveno", "decimonono"],
}
SPANISH_WRONG = {"décimoprimero", "décimosegundo"}  # num2words' accent, not the RAE's
RUSSIAN_CASES = ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")

ARABIC_UNITS = [
    "الحادية",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
]
ARABIC_FIRST = "الأولى"
ARABIC_TENTH = "العاشرة"
ARABIC_TENS_NOMINATIVE = [
    "العشرون",
    "الثلاثون",
    "الأربعون",
    "الخمسون",
    "الستون",
    "السبعون",
    "الثمانون",
    "التسعون",
]
ARABIC_TENS_OBLIQUE = [
    "العشرين",
    "الثلاثين",
    "الأربعين",
    "الخمسين",
    "الستين",
    "السبعين",
    "الثمانين",
    "التسعين",
]


def _num2words(n: int, lang: str, **kwargs: Any) -> str:
    from num2words import num2words  # type: ignore[import-untyped]

    return str(num2words(n, lang=lang, **kwargs))


def french() -> tuple[dict[str, int], dict[str, int]]:
    ordinals: dict[str, int] = {"première": 1, "premier": 1}
    cardinals: dict[str, int] = {}
    for n in range(1, LIMIT + 1):
        form = _num2words(n, "fr", to="ordinal")
        ordinals[FRENCH_FIXES.get(form, form)] = n
        cardinals[_num2words(n, "fr")] = n
    return ordinals, cardinals


def _spanish_feminine(form: str) -> str:
    return " ".join(w[:-1] + "a" if w.endswith("o") else w for w in form.split(" "))


def spanish() -> tuple[dict[str, int], dict[str, int]]:
    ordinals: dict[str, int] = {}
    cardinals: dict[str, int] = {}
    for n in range(1, LIMIT + 1):
        forms = [_num2words(n, "es", to="ordinal"), *SPANISH_EXTRA.get(n, [])]
        for form in forms:
            if form in SPANISH_WRONG:
                continue
            ordinals[form] = n
            ordinals[_spanish_feminine(form)] = n
            # "vigésimo primer período de sesiones": apocope before a masculine noun.
            for full, short in (("primero", "primer"), ("tercero", "tercer")):
                if form.endswith(full):
                    ordinals[form.removesuffix(full) + short] = n
        cardinals[_num2words(n, "es")] = n
    return ordinals, cardinals


def russian() -> tuple[dict[str, int], dict[str, int]]:
    ordinals: dict[str, int] = {}
    cardinals: dict[str, int] = {}
    for n in range(1, LIMIT + 1):
        for case in RUSSIAN_CASES:
            for gender in ("m", "f", "n"):
                ordinals[_num2words(n, "ru", to="ordinal", case=case, gender=gender)] = n
        cardinals[_num2words(n, "ru")] = n
    return ordinals, cardinals


def arabic() -> tuple[dict[str, int], dict[str, int]]:
    """Feminine ordinals, agreeing with الدورة (session) and السنة (year)."""
    ordinals: dict[str, int] = {ARABIC_FIRST: 1, ARABIC_TENTH: 10}
    for n in range(2, 10):
        ordinals[ARABIC_UNITS[n - 1]] = n
    for n in range(11, 20):
        ordinals[f"{ARABIC_UNITS[n - 11]} عشرة"] = n
    for tens in range(2, 10):
        for table in (ARABIC_TENS_NOMINATIVE, ARABIC_TENS_OBLIQUE):
            ordinals[table[tens - 2]] = tens * 10
            for unit in range(1, 10):
                ordinals[f"{ARABIC_UNITS[unit - 1]} و{table[tens - 2]}"] = tens * 10 + unit
    return ordinals, {}


LANGUAGES = {"fr": french, "es": spanish, "ru": russian, "ar": arabic}


def _key(form: str) -> str:
    return '"' + form.replace("\\", "\\\\").replace('"', '\\"') + '"'


def numeral_region(language: str) -> str:
    ordinals, cardinals = LANGUAGES[language]()
    lines = ["[table.ordinals]"]
    lines += [f"{_key(form)} = {value}" for form, value in sorted(ordinals.items(), key=_order)]
    lines.append("[table.cardinals]")
    lines += [f"{_key(form)} = {value}" for form, value in sorted(cardinals.items(), key=_order)]
    return "\n".join(lines)


def _order(item: tuple[str, int]) -> tuple[int, str]:
    return item[1], item[0]


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, list):
        return [s for item in data for s in _strings(item)]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in [key, *_strings(value)]]
    return []


def zh_phrases() -> list[str]:
    """Every string of the zh lexicon and numeral data but the variant table itself."""
    lexicon = tomllib.loads((DATA / "lang" / "zh.toml").read_text(encoding="utf-8"))
    lexicon.pop("variants", None)
    numerals = tomllib.loads((DATA / "numerals" / "zh.toml").read_text(encoding="utf-8"))
    return _strings(lexicon) + _strings(numerals)


def variant_pairs(phrases: list[str]) -> dict[str, str]:
    """Simplified → its Traditional forms (Taiwan standard), most frequent first."""
    import opencc  # type: ignore[import-untyped]

    converter = opencc.OpenCC("s2tw")
    seen: dict[str, Counter[str]] = {}
    for phrase in phrases:
        converted = converter.convert(phrase)
        if len(converted) != len(phrase):
            continue
        for simple, traditional in zip(phrase, converted, strict=True):
            if simple != traditional:
                seen.setdefault(simple, Counter())[traditional] += 1
    return {
        simple: "".join(form for form, _ in sorted(forms.items(), key=lambda f: (-f[1], f[0])))
        for simple, forms in seen.items()
    }


def variants_region() -> str:
    pairs = variant_pairs(zh_phrases())
    text = " ".join(f"{s}{t}" for s, t in sorted(pairs.items()))
    return f'pairs = "{text}"'


def regions() -> dict[Path, dict[str, str]]:
    out: dict[Path, dict[str, str]] = {
        DATA / "numerals" / f"{lang}.toml": {"numeral table": numeral_region(lang)}
        for lang in LANGUAGES
    }
    out[DATA / "lang" / "zh.toml"] = {"variants": variants_region()}
    return out


def replace_region(text: str, name: str, body: str) -> str:
    pattern = re.compile(
        rf"(# BEGIN generated: {re.escape(name)}\n).*?(# END generated: {re.escape(name)})",
        re.DOTALL,
    )
    if not pattern.search(text):
        raise SystemExit(f"no generated region {name!r}")
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args()
    stale = []
    for path, bodies in regions().items():
        text = path.read_text(encoding="utf-8")
        new = text
        for name, body in bodies.items():
            new = replace_region(new, name, body)
        if new != text:
            stale.append(path.relative_to(ROOT).as_posix())
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if stale:
        print(("stale: " if args.check else "rewrote: ") + ", ".join(stale))
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
