"""INTRO's benchmarks: what the site costs its authors (build) and its readers (bytes, search, offline zip).

`python -m bench.run` builds synthetic corpora with INTRO's full configuration and with stock Material,
measures the real site as a reader gets it, and writes a Markdown report to bench/results/.
"""
