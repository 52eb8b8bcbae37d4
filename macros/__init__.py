"""INTRO's build package: the MkDocs plugin `intro` (plugin.py), its content model, checks and exports, the
author-facing macros (authoring.py) and the commands (cli.py).

Importing the package itself imports nothing: mkdocs-macros loads `macros.authoring`, MkDocs loads the plugin.
"""
