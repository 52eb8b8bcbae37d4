"""Turning the validated site into Markdown, HTML and SVG: the Jinja templates (macros/templates/), the glossary's
first-use explanations, diagrams, posters, booklets, quiz sheets and Norwegian dates, numbers and sort order."""
