"""What authors write, read and checked: the content model, front matter, data files, the editions' facts and
their identity, readability and review dates. Imports no MkDocs."""
