"""The rule catalogue, installed as ``linter.rules``.

One folder per family, one module per rule; importing a rule module registers it (see
``linter.engine.registry``). ``data/`` holds the per-language lexicons and the body calendars.
"""
