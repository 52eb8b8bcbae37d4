"""The real content is valid: the chapters, data and editions as they stand today, checked without a build (a content
edit may break these, and only these; the code's own tests run on tests/fixtures/site/)."""
