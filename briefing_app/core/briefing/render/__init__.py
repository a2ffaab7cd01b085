"""Rendering a resolved briefing: `wording` (sections, citations and rows every format shares),
then one module per format — `html`, `markdown`, and the PDF (`pdf_markup` its text, `pdf` and
`painter` the only Qt in the core). `svg` and `user_markdown` serve the HTML and the PDF."""
