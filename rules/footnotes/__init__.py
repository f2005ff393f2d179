"""Rules of the footnotes family."""
