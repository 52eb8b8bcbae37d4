"""Unit tests: one file per macros module, with no build; each runs in well under a second."""
