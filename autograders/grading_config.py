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
    "autograders.feedback.ShortTracebacks",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

c.AssignLatePenalties.plugin_class = "autograders.late_penalty.TenPercentPerDayLate"
