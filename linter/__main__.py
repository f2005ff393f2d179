"""``python -m linter`` works like the ``reslint`` command."""

from linter.cli import main

main()
