"""``python -m linter`` works like the ``reslint`` command."""

from linter.cli.main import main

main()
