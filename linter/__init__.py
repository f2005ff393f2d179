"""reslint: a linter and safe fixer for PDF-extracted texts of United Nations resolutions."""

__version__ = "0.1.0"
