"""Rules of the numbering family."""
