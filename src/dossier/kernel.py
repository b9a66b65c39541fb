"""One Jupyter kernel that runs several stage notebooks in turn (papermill, one start-up).

A kernel costs about a second to start and stop, and each stage would otherwise import spaCy
and pandas and reload the stored parse again. A `KernelSession` starts its kernel on the first
notebook, keeps it between notebooks (modules and caches stay loaded; the variables of the
previous notebook are cleared first, so a notebook cannot lean on another's leftovers) and
records the kernel's id in every notebook it executes. After a timeout or a dead kernel the
next notebook gets a fresh kernel.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENGINE = "dossier-shared-kernel"
# Clears the previous notebook's variables; imported modules and their caches stay loaded,
# except the language model: only stage 1 parses, and it is the largest thing a kernel holds.
RESET = """
get_ipython().run_line_magic('reset', '-f')
import sys as _sys
if 'dossier.nlp' in _sys.modules:
    _sys.modules['dossier.nlp'].load_pipeline.cache_clear()
del _sys
import gc as _gc
_gc.collect()
del _gc
"""


class KernelSession:
    """A lazily started kernel shared by the notebooks executed through it."""

    def __init__(self, cwd: Path, kernel_name: str = "python3", start_timeout: int | None = None,
                 on_start: Callable[[], None] | None = None):
        from dossier.settings import current

        start_timeout = current().kernel_start_timeout if start_timeout is None else start_timeout
        self.cwd, self.kernel_name, self.start_timeout = cwd, kernel_name, start_timeout
        self.on_start = on_start  # called once the kernel is ready (and papermill imported)
        self.km: Any = None
        self.kc: Any = None
        self.notebooks_run = 0

    @property
    def kernel_id(self) -> str:
        return self.km.kernel_id if self.km is not None else ""

    def _start(self) -> None:
        from jupyter_core.utils import run_sync

        self.km = _quiet_kernel_manager()(kernel_name=self.kernel_name)
        run_sync(self.km.start_kernel)(cwd=str(self.cwd))
        _register_engine()  # imports papermill while the kernel process boots
        self.kc = self.km.client()
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=self.start_timeout)
        self.kc.allow_stdin = False
        self.notebooks_run = 0
        if self.on_start is not None:
            self.on_start()

    def _reset_namespace(self) -> None:
        from jupyter_core.utils import run_sync

        run_sync(self.kc.execute_interactive)(RESET, silent=True, store_history=False, timeout=30)

    def execute(self, notebook: Path, output: Path, parameters: dict, timeout: int) -> None:
        """Execute `notebook` with papermill in this session's kernel, writing it to `output`.

        Raises what papermill raises (PapermillExecutionError for an error in a cell); after
        any other failure (a timeout, a dead kernel) the kernel is discarded.
        """
        fresh = self.km is None
        if fresh:
            self._start()  # imports papermill while the kernel process boots
        import papermill
        from papermill.exceptions import PapermillExecutionError

        try:
            if not fresh:
                self._reset_namespace()
            self.notebooks_run += 1
            papermill.execute_notebook(
                str(notebook), str(output), parameters=parameters, kernel_name=self.kernel_name,
                engine_name=ENGINE, session=self, execution_timeout=timeout, progress_bar=False,
                log_output=False, cwd=str(self.cwd), request_save_on_cell_execute=True,
            )
        except PapermillExecutionError:
            raise
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop the kernel (at once: nothing in it needs a graceful goodbye)."""
        from jupyter_core.utils import run_sync

        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None:
            process = getattr(getattr(self.km, "provisioner", None), "process", None)
            if process is not None:  # killed and reaped here: jupyter_client would poll every 0.1 s
                with contextlib.suppress(Exception):
                    process.kill()
                    process.wait(timeout=5)
            with contextlib.suppress(Exception):  # already dead: nothing left to stop
                run_sync(self.km.shutdown_kernel)(now=True)
            with contextlib.suppress(Exception):
                run_sync(self.km.cleanup_resources)()
        self.km = self.kc = None


def _quiet_kernel_manager() -> type:
    """A kernel whose own log (start-up notices, tracebacks of a killed kernel) stays off the
    console: what went wrong in a cell is in the kept notebook and the one-line error."""
    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            kw["stderr"] = subprocess.DEVNULL
            await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager


_registered = False


def _register_engine() -> None:
    """Papermill's nbclient engine, but on the session's running kernel instead of a new one."""
    global _registered
    if _registered:
        return
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.utils import remove_args

    class SharedKernelClient(PapermillNotebookClient):
        def __init__(self, nb_man, session: KernelSession, **kw):
            super().__init__(nb_man, km=session.km, **kw)
            self.kc = session.kc  # the session's client: not started, and not stopped, per notebook

    class SharedKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, **kwargs):
            session: KernelSession = kwargs.pop("session")
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            nb_man.nb.metadata["dossier_kernel"] = {"kernel_id": session.kernel_id,
                                                    "notebook_in_kernel": session.notebooks_run}
            client = SharedKernelClient(nb_man, session, timeout=execution_timeout, startup_timeout=start_timeout,
                                        kernel_name=kernel_name, log_output=log_output, stdout_file=stdout_file,
                                        stderr_file=stderr_file, **kwargs)
            # Papermill rewrites the whole notebook before and after every cell (the report's, with
            # its images, is 300 KB: half a second in all). Written before the first cell and after
            # the last (papermill does both, also on failure) is all the audit copy needs.
            nb_man.save = lambda **_: None
            try:
                return client.execute()
            finally:
                del nb_man.save

    papermill_engines.register(ENGINE, SharedKernelEngine)
    _registered = True
