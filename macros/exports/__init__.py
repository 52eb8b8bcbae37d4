"""Files a build hands on: permanent addresses, the catalogue, course packages, reuse files, the offline zip and
ZIM, the finished-Markdown hand-over, the CSP and the search index."""
