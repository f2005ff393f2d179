"""Rules of the dates family."""
