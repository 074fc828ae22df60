"""Grading a class concurrently: worker processes on this machine, or the workers of a Dask cluster.

Every task grades one submission with nbgrader's API, as `grade_class.grade_submission` does,
but in the worker's own scratch course (its own folder and its own SQLite gradebook), never in
the course itself. A task is plain data both ways:

- in: the submission's files, what the course's gradebook holds for it (timestamp, extension,
  scores, comments, manual grades, extra credit), the assignment's due date, the student;
- out: the outcome, the submission's gradebook rows after grading, its `autograded/` and
  `feedback/` folders.

The scratch course starts as an exact copy of the course's state for that submission, so
nbgrader does to it what it would do to the course. Only this process, one at a time, writes the
results into the course (`apply`): the course's gradebook has a single writer, so SQLite never
reports "database is locked", whatever the number of workers; with PostgreSQL the course can
also have several such processes (graders, machines) at once. Fields an instructor sets
(manual scores, comments, extra credit, extensions, flags) are copied to the scratch course,
so feedback shows them, and never back.

The canary goes first, as tasks of the same kind: the reference solution of each assignment,
graded by the same workers in the same sandbox. The class's results are held, and written
only once every reference solution has earned every point.
"""

import atexit
import concurrent.futures
import datetime
import hashlib
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
import warnings
from dataclasses import asdict
from pathlib import Path

import nbformat
from nbgrader.api import MissingEntry
from sqlalchemy.exc import SAWarning

from autograders.course import REPO, ScratchCourse, utc_timestamp

# What the gradebook holds for one submission, level by level.
SUBMISSION_FIELDS = ("timestamp", "extension")
NOTEBOOK_FIELDS = ("flagged", "late_submission_penalty")
GRADE_FIELDS = ("auto_score", "manual_score", "extra_credit", "needs_manual_grade")
COMMENT_FIELDS = ("auto_comment", "manual_comment")
# Set by people, never by the autograder: copied to the scratch course, never back.
INSTRUCTOR_FIELDS = {"extension", "flagged", "manual_score", "extra_credit", "manual_comment"}
STUDENT_FIELDS = ("first_name", "last_name", "email", "lms_user_id")
FOLDERS = ("submitted", "autograded", "feedback")


def default_workers():
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# ---- the gradebook rows of one submission, as plain data ----

def _fields(row, names):
    return {name: getattr(row, name) for name in names}


def _set(row, values, skip=()):
    for name, value in values.items():
        if name not in skip:
            setattr(row, name, value)


def read_rows(gb, assignment, student_id):
    """What `gb` holds for one submission, or None when it has none."""
    try:
        submission = gb.find_submission(assignment, student_id)
    except MissingEntry:
        return None
    return {**_fields(submission, SUBMISSION_FIELDS),
            "notebooks": {nb.name: {**_fields(nb, NOTEBOOK_FIELDS),
                                    "grades": {g.name: _fields(g, GRADE_FIELDS) for g in nb.grades},
                                    "comments": {c.name: _fields(c, COMMENT_FIELDS) for c in nb.comments}}
                          for nb in submission.notebooks}}


def write_rows(gb, assignment, student_id, rows, skip=()):
    """Give one submission in `gb` the values of `rows` (but not the fields in `skip`), creating it if needed."""
    submission = gb.update_or_create_submission(assignment, student_id)
    _set(submission, {k: v for k, v in rows.items() if k != "notebooks"}, skip)
    notebooks = {nb.name: nb for nb in submission.notebooks}
    for name, values in rows["notebooks"].items():
        notebook = notebooks[name]
        _set(notebook, {k: v for k, v in values.items() if k not in ("grades", "comments")}, skip)
        grades = {g.name: g for g in notebook.grades}
        for cell, grade in values["grades"].items():
            _set(grades[cell], grade, skip)
        comments = {c.name: c for c in notebook.comments}
        for cell, comment in values["comments"].items():
            _set(comments[cell], comment, skip)
    gb.db.commit()


# ---- folders of one submission, as plain data ----

def read_tree(folder):
    """{relative path: bytes} of the files under `folder`, or None when it does not exist."""
    folder = Path(folder)
    if not folder.is_dir():
        return None
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def write_tree(folder, files):
    """Make `folder` hold exactly `files` ({relative path: bytes}); None removes it."""
    folder = Path(folder)
    shutil.rmtree(folder, ignore_errors=True)
    if files is None:
        return
    folder.mkdir(parents=True)
    for name, data in files.items():
        path = (folder / name).resolve()
        if folder.resolve() not in path.parents:
            raise ValueError(f"{name!r} is outside {folder}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def pair_folder(course, kind, assignment, student_id):
    return course.root / kind / student_id / assignment


# ---- this process: tasks out, results in ----

def settings_of(course):
    """What a scratch course needs to grade exactly as `course` does."""
    return {"sandbox": course.sandbox,
            "cell_timeout": course.config.Execute.timeout,
            "submission_timeout": course.config.GradingExecute.submission_timeout}


def make_task(course, assignment, student_id):
    """Everything a worker needs to grade one submission of `course`, as plain data."""
    with course.gradebook() as gb:
        student = _fields(gb.find_student(student_id), STUDENT_FIELDS)
        duedate = gb.find_assignment(assignment).duedate
        rows = read_rows(gb, assignment, student_id)
    return {"assignment": assignment, "student_id": student_id, "student": student, "duedate": duedate,
            "rows": rows, "settings": settings_of(course),
            "folders": {kind: read_tree(pair_folder(course, kind, assignment, student_id)) for kind in FOLDERS}}


def apply(course, result):
    """Write a worker's result into the course: its folders, then its autograder fields in the gradebook."""
    assignment, student_id = result["assignment"], result["student_id"]
    for kind in ("autograded", "feedback"):
        write_tree(pair_folder(course, kind, assignment, student_id), result["folders"][kind])
    if result["rows"] is not None:
        with course.gradebook() as gb:
            write_rows(gb, assignment, student_id, result["rows"], skip=INSTRUCTOR_FIELDS)


def reference_task(course, assignment):
    """A task that grades the reference solution of `assignment` as `course`'s submissions are graded (the canary)."""
    from autograders.grade_class import CANARY_STUDENT, reference_notebook
    submitted = {f"{assignment}.ipynb": nbformat.writes(reference_notebook(assignment)).encode(),
                 "timestamp.txt": utc_timestamp(datetime.datetime.now(datetime.timezone.utc)).encode()}
    return {"assignment": assignment, "student_id": CANARY_STUDENT, "student": dict.fromkeys(STUDENT_FIELDS),
            "duedate": None, "rows": None, "settings": settings_of(course),
            "folders": {"submitted": submitted, "autograded": None, "feedback": None}}


def failed_result(task, message):
    """The result of a task that never came back (its worker died, the cluster went away)."""
    from autograders.grade_class import Outcome
    return {"assignment": task["assignment"], "student_id": task["student_id"], "seconds": 0.0, "rows": None,
            "outcome": asdict(Outcome(task["student_id"], task["assignment"], "failed", message=message))}


class CanaryFailed(Exception):
    """A reference solution did not earn every point where the class is graded: nothing was written."""


def run(course, pairs, workers=None, scheduler=None, canary=()):
    """Grade `pairs` [(student_id, assignment)] concurrently; yields (Outcome, seconds) as each is done.

    The reference solutions of the `canary` assignments are graded first, by the same workers;
    results are written into `course` here, one at a time, only once every reference solution
    has earned every point (otherwise CanaryFailed, with nothing written).
    """
    from autograders.grade_class import Outcome, canary_verdict
    references = [reference_task(course, assignment) for assignment in canary]
    tasks = references + [make_task(course, assignment, student_id) for student_id, assignment in pairs]
    results = (_dask_results(tasks, scheduler, first=len(references)) if scheduler
               else _local_results(tasks, workers or default_workers()))
    held, unchecked = [], len(references)
    try:
        for index, result in results:
            if index < len(references):
                if problem := canary_verdict(result["assignment"], Outcome(**result["outcome"])):
                    raise CanaryFailed(problem)
                unchecked -= 1
            else:
                held.append(result)
            while held and not unchecked:
                result = held.pop(0)
                if "folders" in result:
                    apply(course, result)
                yield Outcome(**result["outcome"]), result["seconds"]
    finally:
        results.close()  # a failed canary: the tasks not started yet are cancelled


def _local_results(tasks, workers):
    """(index in `tasks`, result) as each is done, from worker processes that take the tasks in order."""
    # "spawn": a fresh interpreter per worker, nothing inherited from this process's kernels or sockets.
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        futures = {pool.submit(grade_task, task): index for index, task in enumerate(tasks)}
        for future in concurrent.futures.as_completed(futures):
            index = futures[future]
            try:
                yield index, future.result()
            except Exception as error:  # the worker process died
                yield index, failed_result(tasks[index], f"the grading worker failed ({type(error).__name__}: {error})")
    finally:
        pool.shutdown(cancel_futures=True)


def _dask_results(tasks, scheduler, first=0):
    """(index in `tasks`, result) as each is done, from the workers of a Dask cluster; the `first`
    tasks go ahead of the others."""
    from distributed import Client, as_completed
    with Client(scheduler) as client:
        problems = {worker: problem for worker, problem in
                    client.run(worker_problem, checkout_fingerprint(), tasks[0]["settings"]["sandbox"] if tasks else False).items()
                    if problem}
        if problems:
            raise RuntimeError("Dask workers that cannot grade this class:\n"
                               + "\n".join(f"  {worker}: {problem}" for worker, problem in sorted(problems.items())))
        keys = [f"grade-{t['assignment']}-{t['student_id']}-{i}" for i, t in enumerate(tasks)]
        futures = (client.map(grade_task, tasks[:first], pure=False, key=keys[:first], priority=1)
                   + client.map(grade_task, tasks[first:], pure=False, key=keys[first:]))
        index_of = {future.key: index for index, future in enumerate(futures)}
        for future in as_completed(futures):
            index = index_of[future.key]
            try:
                yield index, future.result()
            except Exception as error:  # the worker died (several times), or the cluster went away
                yield index, failed_result(tasks[index], f"the Dask task failed ({type(error).__name__}: {error})")


# ---- a worker: grade one task in a private scratch course ----

_scratch = {}
_grading = threading.Lock()  # nbgrader changes the working directory: one submission per process at a time


def checkout_fingerprint():
    """A hash of what decides a grade: the sources, the grading code and the student helpers."""
    digest = hashlib.sha256()
    for path in sorted([*REPO.glob("solutions/*/*"), *REPO.glob("autograders/*.py"), *REPO.glob("nnfs/*.py")]):
        if path.is_file():
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def worker_problem(fingerprint, sandboxed):
    """None when this worker grades as the client would; otherwise why not (run on each Dask worker)."""
    from autograders import sandbox
    if checkout_fingerprint() != fingerprint:
        return (f"its checkout ({REPO}) differs from the client's: give every worker the same "
                "checkout (solutions/, autograders/, nnfs/) and virtual environment")
    return sandbox.problem() if sandboxed else None


def _scratch_course(settings):
    key = repr(sorted(settings.items()))  # the sandbox setting may be a dict
    if key not in _scratch:
        root = tempfile.mkdtemp(prefix="nnfs-worker-")
        atexit.register(shutil.rmtree, root, True)
        course = ScratchCourse(root, sandbox=settings["sandbox"], cell_timeout=settings["cell_timeout"],
                               submission_timeout=settings["submission_timeout"])
        course.generated = set()
        _scratch[key] = course
    return _scratch[key]


def grade_task(task):
    """Grade one submission (a task from `make_task`) in this process's scratch course; returns plain data."""
    from autograders.grade_class import grade_submission
    assignment, student_id = task["assignment"], task["student_id"]
    warnings.simplefilter("ignore", SAWarning)  # nbgrader 0.9.6's gradebook autoflush noise
    with _grading:
        course = _scratch_course(task["settings"])
        if assignment not in course.generated:
            course.add_assignment(assignment)
            course.generated.add(assignment)
        with course.gradebook() as gb:
            gb.update_or_create_assignment(assignment, duedate=task["duedate"])
            gb.update_or_create_student(student_id, **task["student"])
            try:
                gb.remove_submission(assignment, student_id)
            except MissingEntry:
                pass
            if task["rows"] is not None:
                write_rows(gb, assignment, student_id, task["rows"])
        for kind in FOLDERS:
            write_tree(pair_folder(course, kind, assignment, student_id), task["folders"][kind])
        started = time.perf_counter()
        outcome = grade_submission(course, assignment, student_id)
        seconds = time.perf_counter() - started
        with course.gradebook() as gb:
            rows = read_rows(gb, assignment, student_id)
        folders = {kind: read_tree(pair_folder(course, kind, assignment, student_id)) for kind in ("autograded", "feedback")}
        for kind in FOLDERS:
            write_tree(pair_folder(course, kind, assignment, student_id), None)
    return {"assignment": assignment, "student_id": student_id, "outcome": asdict(outcome),
            "seconds": seconds, "rows": rows, "folders": folders}
