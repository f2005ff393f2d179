"""Rules of the parallel-versions family: language versions of one resolution compared."""
