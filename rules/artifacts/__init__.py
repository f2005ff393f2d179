"""Rules of the artifacts family."""
