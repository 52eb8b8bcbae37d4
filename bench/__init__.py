"""INTRO's benchmarks: what the site costs its authors (build, edit-to-reload) and its readers (bytes, Lighthouse,
search, offline zip).

`python -m bench.run` builds synthetic corpora with INTRO's full configuration and with stock Material,
builds the real site with INTRO and its hand-over with stock, times `make serve` on the real site against
stock's `mkdocs serve` on the hand-over, measures the real site as a reader gets it, and writes a Markdown
report to bench/results/. bench/run.py says which module measures what.
"""
