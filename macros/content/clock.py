"""The day a build, a report or a check runs on: the one clock every dated rule reads."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """Today, or INTRO_TODAY (ÅÅÅÅ-MM-DD) so a build or a test can be run as of another day."""
    fixed = os.environ.get("INTRO_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
