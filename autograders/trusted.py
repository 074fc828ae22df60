"""Where the tests run during autograding: the grader's own process, never the student's kernel.

A `TrustedNamespace` holds what the notebook's locked (instructor) cells define,
run here as well as in the kernel, and a proxy for each graded name (the grade_id
of an autograded answer cell, the function or class it defines). Test cells run
in it; their calls to graded names reach the kernel as plain data
(`autograders.remote`). A student's other names, such as their own
`assert_close`, never replace instructor code here.
"""

import contextlib
import io
import sys
import warnings

import numpy as np
from nbformat.v4 import new_output

from autograders.remote import RemoteFunction

MAX_TEST_OUTPUT = 20_000  # characters a test cell's output keeps


class BoundedText(io.StringIO):
    """A stdout that keeps the first `limit` characters and says how much it dropped."""

    def __init__(self, limit):
        super().__init__()
        self.limit, self.dropped = limit, 0

    def write(self, text):
        room = self.limit - self.tell()
        super().write(text[:max(room, 0)])
        self.dropped += max(len(text) - max(room, 0), 0)
        return len(text)

    def text(self):
        note = f"\n... [{self.dropped:,} more characters cut by the grader]\n" if self.dropped else ""
        return self.getvalue() + note


def without_magics(source):
    """Instructor cells may use IPython's `%` and `!` lines; here they are skipped."""
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))


class TrustedNamespace:
    """Runs instructor cells in this process, with the student's graded names bound to kernel proxies."""

    def __init__(self, link):
        self.link = link
        self.namespace = {"__name__": "__grader__"}

    def bind_graded_name(self, name):
        """From now on `name` is the kernel's, unless instructor code defined it."""
        if name.isidentifier() and name not in self.namespace:
            self.namespace[name] = RemoteFunction(self.link, name)

    def run_instructor_cell(self, source):
        """A locked cell that is not a test: define its names here too; its output and errors are dropped."""
        with contextlib.suppress(Exception):
            self._run(source, BoundedText(0))

    def run_test_cell(self, source):
        """Run a test cell here; its outputs, as nbformat outputs (stream, then an error if it failed)."""
        printed = BoundedText(MAX_TEST_OUTPUT)
        outputs = []
        try:
            self._run(source, printed)
        except Exception as error:
            message = str(error)
            failure = new_output("error", ename=type(error).__name__, evalue=message,
                                 traceback=[f"{type(error).__name__}: {message}"])
        else:
            failure = None
        if printed.text():
            outputs.append(new_output("stream", name="stdout", text=printed.text()))
        return outputs + ([failure] if failure else [])

    def _run(self, source, stdout):
        try:
            with contextlib.redirect_stdout(stdout), warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                exec(compile(without_magics(source), "<test cell>", "exec"), self.namespace)
        finally:
            self.link.stop()
            if "matplotlib.pyplot" in sys.modules:
                sys.modules["matplotlib.pyplot"].close("all")
