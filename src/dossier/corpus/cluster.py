"""The Dask cluster a corpus runs on: an existing one named by address, or a local one sized
to the machine (one single-threaded worker process per core, 1 GiB each).

Every worker loads the language model once, when it joins (a worker plugin), so no task pays
for it and a worker that joins later gets it too.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from typing import TYPE_CHECKING

from dossier.errors import DossierError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from distributed import Client

WORKER_MEMORY = "1GiB"


def scheduler_address(explicit: str | None = None) -> str | None:
    """`--scheduler` (make SCHEDULER=...), else DASK_SCHEDULER_ADDRESS, else None (a local cluster)."""
    return explicit or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


def local_workers() -> int:
    """One worker per core this process may use, as long as each can have its 1 GiB."""
    import psutil

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, psutil.virtual_memory().available // 2**30))


def _model_plugin():
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadModel(WorkerPlugin):
        name = "dossier-load-model"
        idempotent = True

        def setup(self, worker) -> None:
            from dossier.corpus.worker import preload_model

            preload_model()

    return LoadModel()


@contextmanager
def connect(address: str | None = None, workers: int | None = None, quiet: bool = False) -> Iterator[Client]:
    """A client on the named scheduler, or on a local cluster that lives as long as the block."""
    from distributed import Client, LocalCluster

    for noisy in ("distributed", "bokeh", "tornado"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    cluster = None
    try:
        if address:
            try:
                client = Client(address, timeout="10s")
            except (OSError, TimeoutError) as err:
                raise DossierError(f"no Dask scheduler answers at {address} ({type(err).__name__}): start one "
                                   "(dask scheduler) or leave SCHEDULER and DASK_SCHEDULER_ADDRESS unset "
                                   "for a local cluster.") from None
        else:
            import dask

            # the statistical profiler samples every worker thread 100 times a second: on pure-Python
            # extraction that costs more than it tells; the dashboard keeps everything else
            dask.config.set({"distributed.worker.profile.enabled": False})
            cluster = LocalCluster(n_workers=workers or local_workers(), threads_per_worker=1, processes=True,
                                   memory_limit=WORKER_MEMORY, dashboard_address=":0",
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
            if not quiet:
                link = cluster.dashboard_link
                print(f"dossier: local Dask cluster, {len(cluster.workers)} workers; dashboard: {link}")
        try:
            if not client.scheduler_info()["workers"]:
                client.wait_for_workers(1, timeout=60)
            client.register_plugin(_model_plugin())
        except TimeoutError:
            client.close()
            raise DossierError(f"the Dask scheduler at {address} has no workers: start some "
                               "(.venv/bin/dask worker ADDRESS).") from None
        except Exception as err:  # a worker without this project's environment cannot load the model
            from dossier.corpus.worker import one_line

            client.close()
            raise DossierError(f"the Dask workers could not load the language model ({one_line(err)}): start "
                               "them from this project's environment (.venv/bin/dask worker ADDRESS).") from None
        try:
            yield client
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()
