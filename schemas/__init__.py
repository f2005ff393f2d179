"""The JSON Schemas of reslint's contracts (report, document, configuration, baseline,
rule cases). Installed as the data package ``linter.json_schemas``: read them with
:func:`linter.schemas.published`; regenerate them with ``python -m linter.schemas``."""
