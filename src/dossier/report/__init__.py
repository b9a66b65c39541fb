"""Stage 5: the reader's report. HTML fragments, figures and findings built from the tables."""
