"""pyparsing grammars for the small languages inside resolutions (dates, symbols, numerals).

They run on candidate spans found by fast regular-expression scans, never over a whole file.

Modules (import the one you need; this package imports nothing, so that importing a grammar
stays cheap and pyparsing is only loaded when a candidate is parsed):

- :mod:`linter.facts.grammars.dates`: ``find_dates``, ``parse_date``, ``format_date``;
- :mod:`linter.facts.grammars.numerals`: Chinese numerals, number words, ``find_session_numerals``;
- :mod:`linter.facts.grammars.symbols`: ``find_symbols``, ``parse_symbol``,
  ``format_symbol`` (and ``find_resolution_numbers`` from ``acts``);
- :mod:`linter.facts.grammars.malformed_symbols`: ``find_malformed_symbols`` (D008);
- :mod:`linter.facts.grammars.acts`: cited resolution and decision numbers;
- :mod:`linter.facts.grammars.records`: Official Records citations;
- :mod:`linter.facts.grammars.bodies`: body names, symbol series, numbering;
- :mod:`linter.facts.grammars.calendars`: session ↔ date windows, Security Council anchors.

Per-language knowledge is data under ``rules/data`` (``numerals/<lang>.toml``,
``bodies.toml``, ``calendars.toml``, and the lexicons in ``lang/<lang>.toml``).
"""
