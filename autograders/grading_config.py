"""nbgrader configuration shared by every grading course directory.

A course directory made by `autograders.course.ScratchCourse` has a
`nbgrader_config.py` that loads this file and sets `CourseDirectory.root`, so the
nbgrader CLI (`nbgrader export`, `formgrader`) and the Python API see the same
settings. The classes named here live in this repository's `autograders`
package (installed with the course: `pip install -e .`).
"""

c = get_config()  # noqa: F821 (provided by traitlets)

c.CourseDirectory.course_id = "nn-from-scratch"

# Autograding: nbgrader's pipeline, with its Execute step replaced by the course's
# (autograders/execute.py): student code in a sandboxed kernel, tests in the grader,
# budgets; a duplicated cell no longer fails the notebook; and HTML or JavaScript a
# submission wrote (in outputs or written answers) is sanitised by nbconvert's
# SanitizeHTML (bleach) before anyone opens the notebook in formgrader or feedback.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "autograders.preprocessors.DeduplicateIdsCleanly",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.Autograde.autograde_preprocessors = [
    "autograders.execute.GradingExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
    "nbconvert.preprocessors.sanitize.SanitizeHTML",
]
c.SanitizeHTML.enabled = True  # nbconvert's preprocessors do nothing unless enabled
# A deleted test cell is put back (nbgrader's own option).
c.OverwriteCells.add_missing_cells = True

# Limits of one submission (autograders/execute.py, autograders/sandbox.py): seconds per
# cell (nbgrader's setting) and for the whole notebook, output kept per cell; per kernel
# process memory, processes and threads, /tmp size, bytes per message from the kernel.
c.Execute.timeout = 30
c.Execute.iopub_timeout = 15  # nbgrader fails the whole notebook when a cell's output lags longer
c.GradingExecute.submission_timeout = 300
c.GradingExecute.max_output_chars = 100_000
# nbgrader's default kernel arguments, plus a quiet kernel log, and no figures drawn: the
# inline backend renders no image (about 0.4 s per figure), a figure's output is its one-line
# description ("<Figure size 600x350 with 1 Axes>"); no test reads a figure. The kernel's end of
# the grader's calls (nnfs.kernel_service) is loaded before any student code runs, which may use
# up the kernel's memory.
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR",
                             "--InlineBackend.figure_formats=set()",
                             "--IPKernelApp.exec_lines=import nnfs.kernel_service as _nnfs_kernel_service; del _nnfs_kernel_service"]
# Sandbox settings: c.SandboxedKernelManager.memory_limit (2 GiB per process), .max_processes
# (128), .tmp_size (256 MiB), .wire_limit (64 MiB); .enabled = False for trusted use only
# (what `grade_class --no-sandbox` sets).

# Feedback: nbgrader's ClearHiddenTests removes hidden-test source from the test cells;
# the notebook was sanitised when it was autograded, and is sanitised again here.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.sanitize.SanitizeHTML",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

c.AssignLatePenalties.plugin_class = "autograders.late_penalty.TenPercentPerDayLate"
