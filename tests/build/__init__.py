"""Tests of what a build makes or refuses: the built HTML and files, author mistakes, publishing, the exports.
The sites are built once per test session (conftest.py)."""
