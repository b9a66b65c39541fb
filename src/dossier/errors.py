"""The one exception type meant for people: its message says what is wrong and what to do."""


class DossierError(Exception):
    """Raised for bad input or a failed stage; the CLI prints it as one line and exits 1."""
