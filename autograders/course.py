"""A grading course directory driven through nbgrader's Python API.

`ScratchCourse(root)` lays out a standard nbgrader course under `root` (never
inside the committed tree): `source/` copied from `solutions/`, assignments
generated into its gradebook, submissions placed under `submitted/`, then
autograded and given feedback by nbgrader itself.
"""

import datetime
import os
import shutil
import sys
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader

from autograders.sandbox import config_lines as sandbox_config_lines

REPO = Path(__file__).resolve().parent.parent
SOLUTIONS = REPO / "solutions"
RELEASE = REPO / "notebooks"
GRADING_CONFIG = REPO / "autograders" / "grading_config.py"


def assignment_names():
    """The course's assignments, in order: the folders of `solutions/`."""
    return sorted(p.name for p in SOLUTIONS.iterdir() if p.is_dir() and not p.name.startswith("."))


def read_notebook(folder, assignment):
    """The notebook of `assignment` under `folder` (`SOLUTIONS` or `RELEASE`)."""
    return nbformat.read(folder / assignment / f"{assignment}.ipynb", as_version=4)


def utc_timestamp(moment):
    """nbgrader's timestamp.txt format for a timezone-aware datetime."""
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


class ScratchCourse:
    """An nbgrader course directory for grading, with the course's grading config."""

    def __init__(self, root, cell_timeout=None, sandbox=True, submission_timeout=None, db_url=None,
                 exchange=None):
        """- cell_timeout: seconds per cell, overriding grading_config.py's 30
        - sandbox: run kernels in autograders/sandbox.py's sandbox (True), not (False: trusted
          submissions only), or a dict of its settings, e.g. {"max_processes": 32}
        - submission_timeout: seconds for a whole notebook, overriding grading_config.py's
        - db_url: the gradebook (nbgrader's CourseDirectory.db_url); default SQLite in `root`,
          e.g. postgresql+psycopg://user@host/db for a course with several graders
        - exchange: nbgrader's exchange (Exchange.root); default `root`/exchange
        """
        self.root = Path(root).resolve()
        self.sandbox = sandbox
        self.root.mkdir(parents=True, exist_ok=True)
        config_file = self.root / "nbgrader_config.py"
        config_file.write_text(
            "# Written by autograders/course.py: the course's grading settings, rooted here.\n"
            "c = get_config()  # noqa: F821\n"
            f"load_subconfig({str(GRADING_CONFIG)!r})\n"
            f"c.CourseDirectory.root = {str(self.root)!r}\n"
            f"c.Exchange.root = {str(Path(exchange).resolve() if exchange else self.root / 'exchange')!r}\n"
            + (f"c.Execute.timeout = {int(cell_timeout)}\n" if cell_timeout else "")
            + (f"c.GradingExecute.submission_timeout = {int(submission_timeout)}\n" if submission_timeout else "")
            + (f"c.CourseDirectory.db_url = {str(db_url)!r}\n" if db_url else "")
            + sandbox_config_lines(sandbox)
        )
        # nbgrader starts `alembic` from PATH when it creates a gradebook.
        bin_dir = str(Path(sys.executable).parent)
        if bin_dir not in os.environ["PATH"].split(os.pathsep):
            os.environ["PATH"] = bin_dir + os.pathsep + os.environ["PATH"]
        self.config = PyFileConfigLoader(config_file.name, path=str(self.root)).load_config()
        self.coursedir = CourseDirectory(config=self.config)
        self.api = NbGraderAPI(coursedir=self.coursedir, config=self.config)
        self.db_url = self.coursedir.db_url

    def gradebook(self):
        return Gradebook(self.db_url, self.coursedir.course_id)

    def add_assignment(self, assignment, duedate=None):
        """Copy `solutions/<assignment>` into `source/` and generate it into the gradebook."""
        source = self.root / "source" / assignment
        shutil.rmtree(source, ignore_errors=True)
        shutil.copytree(SOLUTIONS / assignment, source)
        with self.gradebook() as gb:
            gb.update_or_create_assignment(assignment, duedate=duedate)
        result = self.api.generate_assignment(assignment, force=True, create=True)
        if not result["success"]:
            raise RuntimeError(f"nbgrader could not generate {assignment}:\n{result.get('error', '')}")

    def add_student(self, student_id, first_name=None, last_name=None):
        with self.gradebook() as gb:
            gb.update_or_create_student(student_id, first_name=first_name, last_name=last_name)

    def submit(self, student_id, assignment, notebook, submitted_at):
        """Place a submission as `nbgrader collect` would: the notebook and timestamp.txt.

        `notebook` is a NotebookNode, or raw text/bytes for a file that may not even be JSON.
        """
        folder = self.root / "submitted" / student_id / assignment
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        path = folder / f"{assignment}.ipynb"
        if isinstance(notebook, bytes):
            path.write_bytes(notebook)
        elif isinstance(notebook, str):
            path.write_text(notebook)
        else:
            nbformat.write(notebook, path)
        (folder / "timestamp.txt").write_text(utc_timestamp(submitted_at))

    def autograde(self, assignment, student_id):
        """nbgrader autograde one submission; returns the API's result dict."""
        return self.api.autograde(assignment, student_id, force=True, create=True)

    def generate_feedback(self, assignment, student_id):
        return self.api.generate_feedback(assignment, student_id, force=True)

    def submitted_notebooks(self, assignment, student_id):
        """Names of the notebooks in a submission folder."""
        folder = self.root / "submitted" / student_id / assignment
        return sorted(p.name for p in folder.glob("*.ipynb"))

    def feedback_path(self, assignment, student_id):
        return self.root / "feedback" / student_id / assignment / f"{assignment}.html"

    def autograded_path(self, assignment, student_id):
        return self.root / "autograded" / student_id / assignment / f"{assignment}.ipynb"

    def cell_scores(self, assignment, student_id):
        """{grade_id: (score, max_score)} of every graded cell of a submission."""
        with self.gradebook() as gb:
            notebook = gb.find_submission_notebook(assignment, assignment, student_id)
            return {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}
