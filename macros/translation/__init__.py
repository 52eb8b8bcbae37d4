"""An edition translated from the bokmål source as it builds (the nynorsk edition, with Apertium).

- apertium.py runs Apertium on many pieces of text at once and keeps what it translated in a cache;
- markup.py finds what in a page, a data file, a template or a script is text to translate, and what must stay
  as written (macro calls, links, code, names, law and source titles);
- editorial.py reads what the editors decide: the term list, the corrected sentences and the words Apertium may
  leave untranslated (data/nynorsk/);
- mirror.py writes the translated copy of docs/, data/, the templates and the theme overrides the build reads.
"""
