"""One kernel per article: `python -m dossier session -- make <targets>`.

Make still decides which stages are stale and in what order they run (the per-stage rules and
their recipes `python -m dossier stage NAME` are unchanged). The session wraps that Make run:
it listens on a Unix socket named in DOSSIER_SESSION, and each stage recipe, finding the
variable, hands its stage to the session instead of starting a kernel of its own. The session
runs the stages one at a time in a single kernel (started on the first stage, so an unchanged
article starts none) and answers with what the stage would have printed. Without a session, or
when it cannot be reached, a stage runs on its own as before.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ENV = "DOSSIER_SESSION"


def serve(command: list[str]) -> int:
    """Run `command` with DOSSIER_SESSION set, serving its stage requests; returns its exit code."""
    import selectors

    folder = Path(tempfile.mkdtemp(prefix="dossier-session-"))
    address = folder / "socket"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(address))  # fails when TMPDIR is too long a path for a socket
        server.listen(8)
    except OSError:
        server.close()
        shutil.rmtree(folder, ignore_errors=True)
        return subprocess.call(command, close_fds=False)  # no session: each stage starts its own kernel
    kernel = None
    # close_fds=False: Make's jobserver descriptors must reach the inner Make
    child = subprocess.Popen(command, env={**os.environ, ENV: str(address)}, close_fds=False)
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(server, selectors.EVENT_READ)
            while child.poll() is None:
                if not selector.select(timeout=0.02):
                    continue
                connection, _ = server.accept()
                with connection:
                    if kernel is None:
                        from dossier.kernel import KernelSession
                        from dossier.settings import current

                        kernel = KernelSession(current().notebooks_dir, on_start=_preload_renderer_once)
                    _answer(connection, kernel)
        return child.returncode
    except KeyboardInterrupt:
        with contextlib.suppress(KeyboardInterrupt):
            child.wait()
        return 130
    finally:
        if kernel is not None:
            kernel.close()
        server.close()
        shutil.rmtree(folder, ignore_errors=True)


_preloading: list[threading.Thread] = []


def _preload_renderer_once() -> None:
    """Started only once the main thread has imported papermill and jupyter_client: two threads
    importing the same package at once can see it half initialised."""
    if not _preloading:
        _preloading.append(threading.Thread(target=_preload_renderer, daemon=True))
        _preloading[0].start()


def _preload_renderer() -> None:
    """Import the HTML and PDF renderers while the kernel runs the stages (another process, the
    other core), so the report stage does not wait for them at the end of the critical path."""
    with contextlib.suppress(Exception):  # only a head start: the report stage imports them anyway
        import nbformat
        import weasyprint  # noqa: F401

        from dossier.report import render

        with tempfile.TemporaryDirectory(prefix="dossier-warm-") as folder:  # loads the HTML template once
            tiny = Path(folder) / "tiny.ipynb"
            nbformat.write(nbformat.v4.new_notebook(), str(tiny))
            render.notebook_to_html(tiny)


def _answer(connection: socket.socket, kernel) -> None:
    """Run the requested stage in the shared kernel; reply with its exit code and console text."""
    from dossier.cli import one_line
    from dossier.errors import DossierError
    from dossier.stages import run_stage

    try:
        request = json.loads(_read(connection))
    except (ValueError, OSError):  # not one of our stage recipes, or it went away: nothing to run
        return
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            seconds = run_stage(request["stage"], slug=request["slug"], article=request["article"],
                                timeout=request["timeout"], kernel=kernel)
        out.write(f"dossier: {request['slug']}: {request['stage']} done in {seconds:.1f} s\n")
    except (DossierError, OSError, RecursionError) as error:
        err.write(f"dossier: error: {one_line(error)}\n")
        code = 1
    except Exception as error:  # the session must outlive one stage's surprise, and say it in one line
        err.write(f"dossier: error: stage {request.get('stage')} failed ({type(error).__name__}: {error}).\n")
        code = 1
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):  # the stage's own process was interrupted too
            connection.sendall(json.dumps({"code": 130, "stdout": "", "stderr": ""}).encode())
        raise
    with contextlib.suppress(OSError):  # its Make run was stopped: nobody left to tell
        connection.sendall(json.dumps({"code": code, "stdout": out.getvalue(),
                                       "stderr": err.getvalue()}).encode())


def request(stage: str, slug: str, article: str, timeout: int | None) -> int | None:
    """Hand a stage to the session of this Make run; None when there is none to hand it to."""
    address = os.environ.get(ENV)
    if not address:
        return None
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.connect(address)
    except OSError:
        client.close()
        return None
    with client:
        client.sendall(json.dumps({"stage": stage, "slug": slug, "article": article, "timeout": timeout}).encode()
                       + b"\n")
        client.shutdown(socket.SHUT_WR)
        reply = json.loads(_read(client) or '{"code": 1, "stdout": "", "stderr": "dossier: error: the session '
                           'running this article stopped; run make again.\\n"}')
    sys.stdout.write(reply["stdout"])
    sys.stderr.write(reply["stderr"])
    return int(reply["code"])


def _read(connection: socket.socket) -> str:
    chunks = []
    while chunk := connection.recv(65536):
        chunks.append(chunk)
        if chunk.endswith(b"\n"):
            break
    return b"".join(chunks).decode()
