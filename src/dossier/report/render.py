"""Executed report notebook -> report.html (nbconvert, our template) -> report.pdf (WeasyPrint).

Both files are written beside their final path and renamed into place, so a reader never
opens a half-written report and a killed run leaves the previous one intact. WeasyPrint may
only read data: URLs (the report embeds its images and styles): article text that points at
file:// or http:// never makes the renderer read anything.
"""

from __future__ import annotations

from pathlib import Path

from dossier.errors import DossierError
from dossier.io import atomic_write, write_text
from dossier.paths import TEMPLATES

TEMPLATE = "dossier"


def notebook_to_html(executed: Path, title: str = "") -> str:
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(executed), as_version=4)
    nb.metadata["dossier"] = {"title": title or "Dossier report"}
    exporter = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    return body


def html_to_pdf(html: str, target: Path) -> None:
    import logging

    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    # The report embeds its images and styles, so data: is the only scheme it ever needs.
    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=1)
    document = HTML(string=html, base_url=str(TEMPLATES / TEMPLATE) + "/", url_fetcher=fetcher)
    atomic_write(target, lambda tmp: document.write_pdf(str(tmp)))


def render_report(executed: Path, out_dir: Path, title: str = "") -> None:
    try:
        html = notebook_to_html(executed, title)
    except Exception as err:  # nbconvert errors are not for people; say where to look
        raise DossierError(f"could not convert {executed.name} to HTML ({type(err).__name__}: {err}).") from None
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        html_to_pdf(html, out_dir / "report.pdf")
        write_text(out_dir / "report.html", html)
    except OSError as err:
        raise DossierError(f"could not write the report in {out_dir} ({err.strerror or err}).") from None
    except Exception as err:  # WeasyPrint's own errors: name them, keep the previous report
        raise DossierError(f"could not render the PDF ({type(err).__name__}: {err}); "
                           "the previous report, if any, is unchanged.") from None
