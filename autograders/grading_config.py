"""nbgrader configuration shared by every grading course directory.

A course directory made by `autograders.course.ScratchCourse` has a
`nbgrader_config.py` that loads this file and sets `CourseDirectory.root`, so the
nbgrader CLI (`nbgrader export`, `formgrader`) and the Python API see the same
settings.
"""

import os
import sys

c = get_config()  # noqa: F821 (provided by traitlets)

# The grading-side classes below live in this repository's `autograders` package.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from nbgrader.converters import Autograde  # noqa: E402
from nbgrader.preprocessors import DeduplicateIds, Execute, LimitOutput  # noqa: E402

from autograders.preprocessors import DeduplicateIdsCleanly, LimitOutputSize, TrustedExecute  # noqa: E402

c.CourseDirectory.course_id = "nn-from-scratch"

# nbgrader's per-cell timeout (seconds): an infinite loop costs that cell only.
c.Execute.timeout = 30
# nbgrader's default kernel arguments, plus a quiet kernel log.
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]

# Feedback: nbgrader's own ClearHiddenTests removes hidden-test source from the
# test cells, and ShortTracebacks keeps only the failure message of each test
# cell (a full traceback would quote hidden lines).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "autograders.preprocessors.ShortTracebacks",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Faults a submission can carry: a deleted test cell is put back (nbgrader's own
# option), a duplicated one no longer fails the notebook, and a huge output is cut.
c.OverwriteCells.add_missing_cells = True


def _replaced(preprocessors, old, new):
    return [new if p is old else p for p in preprocessors]


_defaults = Autograde.class_traits()
c.Autograde.sanitize_preprocessors = _replaced(
    _defaults["sanitize_preprocessors"].default(), DeduplicateIds, DeduplicateIdsCleanly)
# Execute becomes TrustedExecute: test cells are checked again outside the
# kernel, where student code cannot reach (autograders/trusted.py).
c.Autograde.autograde_preprocessors = [
    step for p in _replaced(_defaults["autograde_preprocessors"].default(), Execute, TrustedExecute)
    for step in ([p, LimitOutputSize] if p is LimitOutput else [p])
]

c.AssignLatePenalties.plugin_class = "autograders.late_penalty.TenPercentPerDayLate"

# ---- Sandbox (issue 6; autograders/sandbox.py) --------------------------------------
# Each submission's kernel runs under bubblewrap: it sees its own submission, the Python
# environment and `nnfs`, read-only; no solutions, gradebook, other students, network.
# Limits (defaults in sandbox.py): c.SandboxedKernelManager.memory_limit (bytes per
# process, 2 GiB), .max_processes (128), .tmp_size (256 MiB). Trusted use only:
# c.SandboxedKernelManager.enabled = False (what `grade_class --no-sandbox` sets).
from nbgrader.converters import Autograde  # noqa: E402

from autograders.sandbox import with_sandbox  # noqa: E402

c.Autograde.autograde_preprocessors = with_sandbox(
    c.Autograde.get("autograde_preprocessors", Autograde.class_traits()["autograde_preprocessors"].default()))
# ---- end of sandbox block -----------------------------------------------------------
