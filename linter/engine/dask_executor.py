"""Linting on a Dask cluster: the executor interface over ``dask.distributed``.

An archive of millions of documents outgrows one machine; a Dask cluster (a scheduler
and workers, started with ``dask scheduler`` and ``dask worker`` or by any Dask
deployment) runs the same shards the local worker processes run. The client (this
process) reads each file once, for the cache key, and sends its bytes with the shard, so
the workers need reslint installed but no access to the files. The lint job is scattered
to every worker once. Results come back to the client, which puts them in the order of
the files as for a local run: the output is the same, byte for byte.

``dask.distributed`` is an optional extra (``pip install 'reslint[dask]'``) and is imported
only here, only when ``--executor dask`` is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from linter.engine.jobs import LintJob, WorkItem, lint_shard

#: How long to wait for the scheduler before giving up with a clear error.
CONNECT_TIMEOUT = "10s"


class DaskUnavailable(Exception):
    """Dask is not installed, or the scheduler cannot be reached (one-line message)."""


class DaskExecutor:
    """Shards as Dask tasks; ``workers`` is the cluster's threads when it started."""

    def __init__(self, client: Any, owns_client: bool = False) -> None:
        self.client = client
        self.owns_client = owns_client
        self.workers = max(1, sum(client.nthreads().values()))
        self.job: Any = None

    def prepare(self, job: LintJob) -> None:
        """Send the lint job to every worker once."""
        self.job = self.client.scatter(job, broadcast=True, hash=False)

    def submit(self, items: Sequence[WorkItem]) -> Any:
        return self.client.submit(lint_shard, self.job, list(items), pure=False)

    def close(self, abort: bool = False) -> None:
        """Close the client if this executor opened it (tasks of an aborted run that are
        still queued are cancelled with it; a client given by the caller stays open)."""
        if self.owns_client:
            self.client.close()


def connect(address: str) -> DaskExecutor:
    """An executor on the cluster whose scheduler is at ``address`` (``tcp://host:8786``)."""
    try:
        from distributed import Client
    except ImportError:
        raise DaskUnavailable(
            "--executor dask needs dask.distributed: pip install 'reslint[dask]'"
        ) from None
    try:
        client = Client(  # type: ignore[no-untyped-call]
            address, timeout=CONNECT_TIMEOUT, set_as_default=False
        )
    except (OSError, TimeoutError, ValueError) as error:
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {error}") from None
    return DaskExecutor(client, owns_client=True)
