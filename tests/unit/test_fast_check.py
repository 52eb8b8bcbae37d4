"""`make check` runs the tests without the `system` marker and promises they pass on a machine without the Debian
packages the others need. conftest.py takes those programs off the PATH for every such test, so each full run
proves it."""

import shutil

from tests.helpers import SYSTEM_PROGRAMS


def test_a_test_without_the_system_marker_finds_none_of_the_debian_programs():
    assert [program for program in sorted(SYSTEM_PROGRAMS) if shutil.which(program)] == []
    assert shutil.which("git") and shutil.which("sh"), "everything else is still there"
