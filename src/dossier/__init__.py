"""Dossier: from a raw news article to grounded tables and a rendered report.

Importing the package runs nothing; the entry points are `dossier.extract.extract_tables`
(a pure function from article to tables, run by `dossier.runner`) and the stage notebooks driven
by `dossier.cli`.
"""

__version__ = "0.1.0"
