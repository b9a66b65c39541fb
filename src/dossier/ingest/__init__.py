"""Stage 1: read an article file into clean text with headings, paragraphs and metadata."""
