"""The autograder's Execute step: student code in a sandboxed kernel, tests in the grader.

`GradingExecute` replaces nbgrader's `Execute` in the autograde pipeline
(`autograders/grading_config.py`). Cell by cell:

- the student's cells and the notebook's other cells run in the kernel, which
  `SandboxedKernelManager` starts inside bubblewrap (`autograders/sandbox.py`);
- locked cells that are not tests (imports, provided functions, data) run in the
  kernel and also here, in the grader's `TrustedNamespace`;
- test cells run only here; their calls reach the student's graded names over
  `autograders.remote`, and their outputs are written into the cell for nbgrader.

Limits that hold whatever the kernel does: `timeout` seconds per cell (nbgrader's
setting), `submission_timeout` seconds for the whole notebook, `max_output_chars`
of output kept per cell (the rest is dropped as it arrives), and `wire_limit` bytes
per message from the kernel. Hitting one costs that submission only, and the
cell's output says which limit it was.
"""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import zmq
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Integer

from autograders.remote import LOST_CONNECTION, KernelLink
from autograders.sandbox import GiB, SandboxedKernelManager
from autograders.trusted import TrustedNamespace

MEMORY_ERRORS = {"MemoryError", "_ArrayMemoryError"}


def running_loop():
    try:
        asyncio.get_running_loop()
        return True
    except RuntimeError:
        return False


def error_output(ename, message):
    return new_output("error", ename=ename, evalue=message, traceback=[f"{ename}: {message}"])


class GradingExecute(Execute):
    """nbgrader's Execute, with a sandboxed kernel, the tests run in the grader, and budgets."""

    submission_timeout = Integer(300, help="Seconds for the whole notebook, all cells together").tag(config=True)
    max_output_chars = Integer(100_000, help="Characters of output kept per cell; the rest is dropped").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(*args, **kwargs)

    def preprocess(self, nb, resources=None, km=None):
        if running_loop():
            # Inside a server (formgrader's autograde runs in jupyter-server's event loop):
            # jupyter_core's run_sync would then drive the kernel's asyncio sockets from a thread of
            # its own while this thread polls them (autograders/remote.py), and ZeroMQ sockets used
            # from two threads crash the server. Grade in one thread with its own loop, as the CLI does.
            with ThreadPoolExecutor(1, thread_name_prefix="nnfs-grading") as thread:
                return thread.submit(self.preprocess, nb, resources, km).result()
        self._started = self._cell_started = time.monotonic()
        self._cell_output_chars = 0
        self._trusted = None
        try:
            return super().preprocess(nb, resources, km)
        finally:
            if self._trusted is not None:
                self._trusted.link.close()

    # ---- budgets ------------------------------------------------------------------------
    def deadline(self):
        """(the moment the current cell must be done by, the name of that limit)"""
        cell_end = self._cell_started + self.timeout
        notebook_end = self._started + self.submission_timeout
        if notebook_end < cell_end:
            return notebook_end, f"autograder's time budget of {self.submission_timeout} s for the whole notebook"
        return cell_end, f"autograder's limit of {self.timeout} s per cell"

    def _get_timeout(self, cell):
        return max(self.deadline()[0] - time.monotonic(), 0.001)

    def _out_of_budget(self):
        """Why no more code of this submission may run, or None."""
        if self._trusted and self._trusted.link.broken:
            return self._trusted.link.broken
        if time.monotonic() >= self._started + self.submission_timeout:
            return (f"the autograder's time budget of {self.submission_timeout} s for the whole notebook "
                    "was used up before this cell ran")
        return None

    # ---- cells ------------------------------------------------------------------------------
    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not cell.source.strip():
            return cell, resources
        if self._trusted is None:
            self._trusted = TrustedNamespace(KernelLink(self.kc, self.km, self.deadline))
        self._cell_started = time.monotonic()
        self._cell_output_chars = 0
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            self._trusted.bind_graded_name(meta.get("grade_id", ""))
        if (reason := self._out_of_budget()) is not None:
            cell.outputs = [error_output("SubmissionStopped", reason)]
            return cell, resources
        if meta.get("grade") and not meta.get("solution"):
            cell.outputs = self._trusted.run_test_cell(cell.source)
            cell.execution_count = None
            return cell, resources
        limit = self.deadline()[1]
        self.error_on_timeout = {"ename": "CellTimeoutError",
                                 "evalue": f"this cell ran past the {limit} and was stopped "
                                           "(an endless loop, or far too much work)",
                                 "traceback": [f"CellTimeoutError: this cell ran past the {limit} and was stopped"]}
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except zmq.Again:  # the kernel's connection is gone (it sent a message over the wire limit)
            self._trusted.link.broken = LOST_CONNECTION
            cell.outputs = [error_output("SubmissionStopped", LOST_CONNECTION)]
            return cell, resources
        if meta.get("locked"):
            self._trusted.run_instructor_cell(cell.source)
        return cell, resources

    # ---- outputs ---------------------------------------------------------------------------
    def output(self, outs, msg, display_id, cell_index):
        """Keep a cell's outputs up to `max_output_chars`; drop the rest as it arrives."""
        size = len(str(msg.get("content", "")))
        self._cell_output_chars += size
        if self._cell_output_chars <= self.max_output_chars or msg["msg_type"] == "error":
            return super().output(outs, msg, display_id, cell_index)
        if self._cell_output_chars - size <= self.max_output_chars:
            outs.append(new_output("stream", name="stdout",
                                   text=f"\n... [output cut by the grader: this cell printed more than "
                                        f"{self.max_output_chars:,} characters]\n"))
        return None

    def on_cell_executed(self, **kwargs):
        super().on_cell_executed(**kwargs)
        for output in kwargs["cell"].get("outputs", []):
            if output.output_type == "error" and output.ename in MEMORY_ERRORS and getattr(self.km, "enabled", False):
                note = f"(the autograder allows each process {self.km.memory_limit / GiB:g} GiB of memory)"
                output.evalue = f"{output.evalue} {note}".strip()
                output.traceback = list(output.traceback) + [note]
