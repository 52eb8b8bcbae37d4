"""Work outside a build: `python -m macros.commands.cli …` (make build, publish, report, spelling, …), the one
release build, publishing, and Chromium with a local server for the tests and the benchmark."""
