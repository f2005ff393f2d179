"""The audit of a run, for editors: what ``reslint report`` writes as HTML or Markdown.

:mod:`~linter.report.audit.outline` makes a compact outline of each Document where the
file is linted (in a worker process for many files); :mod:`~linter.report.audit.model`
adds up the findings into the overview and the table of documents. Both formats read
the same :class:`~linter.report.audit.model.Audit`, whose numbers are counted by the
same function as the JSON report's summary.
"""
