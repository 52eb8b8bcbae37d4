"""Findings about a page or the whole content, each with advice for the author: HTML, templates, spelling,
unsafe raw HTML and CSS, unpublishable files, figures typed into running text."""
