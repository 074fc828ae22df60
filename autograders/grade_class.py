"""Grade a whole class with nbgrader: autograde, feedback, export, a plot and a table.

    python -m autograders.grade_class --sample           # the bundled sample class (`make demo`)
    python -m autograders.grade_class --submitted DIR    # DIR/<student>/<assignment>/<assignment>.ipynb
    ... --workers N                  # N submissions at once (default: this machine's cores)
    ... --scheduler tcp://HOST:PORT  # on the workers of a Dask cluster
    ... --db-url postgresql+psycopg://USER@HOST/DB   # the gradebook in PostgreSQL (default: SQLite)

Everything is written under the course directory (default `build/demo`), never
into the committed tree. Each submission is autograded on its own, so one that
fails costs only that student's points; re-running regrades everything and
keeps the gradebook (and any manual grades) in place. With more than one worker
each submission is graded in a worker's private scratch course and only this
process writes into the course (`autograders/parallel.py`): the grades are those of
`--workers 1`.
"""

import argparse
import datetime
import html
import re
import shutil
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from nbgrader.plugins.export import CsvExportPlugin
from sqlalchemy.exc import SAWarning
from tqdm import tqdm

from autograders import parallel, report, sandbox
from autograders.course import REPO, ScratchCourse, assignment_names
from autograders.sample import load_manifest, sample_submissions
from autograders.submissions import autograder_test_cells, fill_answers, solution_answers


@dataclass
class Outcome:
    """What grading one student's assignment came to."""

    student_id: str
    assignment: str
    status: str  # "graded", "missing" or "failed"
    score: float = 0.0
    max_score: float = 0.0
    late_penalty: float = 0.0
    message: str = ""


def grade_submission(course, assignment, student_id):
    """Autograde and give feedback to one submission; never raises."""
    try:
        found = course.submitted_notebooks(assignment, student_id)
        if f"{assignment}.ipynb" not in found:
            outcome = Outcome(student_id, assignment, "failed",
                              message=f"no {assignment}.ipynb in the submission (found: {', '.join(found) or 'nothing'}); "
                                      "the notebook must keep its name")
            write_failure_feedback(course, outcome)
            return outcome
        result = course.autograde(assignment, student_id)
        if not result["success"]:
            outcome = Outcome(student_id, assignment, "failed", message=failure_reason(result))
            write_failure_feedback(course, outcome)
            return outcome
        course.generate_feedback(assignment, student_id)
        with course.gradebook() as gb:
            submission = gb.find_submission(assignment, student_id)
            penalty = submission.late_submission_penalty or 0.0
            # As in nbgrader's export: the score after the late penalty.
            return Outcome(student_id, assignment, "graded", submission.score - penalty, submission.max_score, penalty)
    except Exception as error:  # one broken submission must not stop the class
        return Outcome(student_id, assignment, "failed", message=f"{type(error).__name__}: {error}")


# What a student should read for the errors nbgrader reports on a whole notebook.
EXPLANATIONS = {
    "DeadKernelError": "the Python kernel died while running your notebook "
                       "(os._exit, a crash, or far too much memory)",
    "NotJSONError": "the file is not a notebook nbgrader can read (damaged, or not saved by Jupyter)",
    "SchemaTooOldError": "the nbgrader metadata of a cell was changed or removed",
}
EXCEPTION_LINE = re.compile(r"^\s*(?:[\w]+\.)*(\w*(?:Error|Exception)): (.*)$")


def failure_reason(result):
    """The most specific exception nbgrader logged for a failed autograde, in one line."""
    text = (result.get("log") or "") + "\n" + (result.get("error") or "")
    for line in reversed(text.splitlines()):
        match = EXCEPTION_LINE.match(line)
        if match and match.group(1) != "NbGraderException":
            name, detail = match.group(1), match.group(2)[:200]
            return f"{EXPLANATIONS[name]} ({name}: {detail})" if name in EXPLANATIONS else f"{name}: {detail}"
    return "nbgrader could not autograde this submission (see the instructor's log)"


def write_failure_feedback(course, outcome):
    """A feedback page for a submission nbgrader could not grade: why, and what it cost."""
    path = course.feedback_path(outcome.assignment, outcome.student_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"<html><body><h1>{outcome.assignment}: not graded</h1>"
        f"<p>Your submission could not be autograded, so it scores 0 for now. The reason:</p>"
        f"<pre>{html.escape(outcome.message)}</pre>"
        "<p>Open the notebook in JupyterLab; if it does not open, it is damaged. Restore it "
        "(File &gt; Revert, or a fresh copy of the release) and submit again, or ask your instructor.</p>"
        "</body></html>"
    )


CANARY_STUDENT = "reference"  # the canary's submissions are graded under this id, in scratch courses only


def reference_notebook(assignment):
    """The release of `assignment` with the reference solution in every answer cell (the canary's submission)."""
    return fill_answers(assignment, solution_answers(assignment))


def canary_verdict(assignment, outcome):
    """None when the reference solution of `assignment` earned every autograded point; otherwise what went wrong."""
    full = sum(autograder_test_cells(assignment).values())
    if outcome.status == "graded" and outcome.score >= full:
        return None
    lost = outcome.message or f"it scored {outcome.score:g} of {full:g} autograded points"
    return (f"The reference solution of {assignment} does not earn every point in this grading setup "
            f"({lost}), so the class would be graded wrongly; nothing was graded. Check that the "
            "sandbox can import the course (`python -m autograders.grade_class` from the checkout "
            "whose virtual environment you use) and run `make test`.")


def canary_problem(course, assignments):
    """Grade the reference solutions in a scratch copy of `course`'s setup, as every submission will be.

    Returns None when each earns every autograded point; otherwise what went wrong. A pipeline
    that cannot grade (a sandbox that hides the course's own code, a broken environment)
    would give the whole class 0 without this check. (With several workers, `parallel.run`
    grades the reference solutions in the workers instead, before the class.)
    """
    with tempfile.TemporaryDirectory(prefix="nnfs-canary-") as root:
        canary = ScratchCourse(root, sandbox=course.sandbox)
        for assignment in assignments:
            canary.add_assignment(assignment)
            canary.submit(CANARY_STUDENT, assignment, reference_notebook(assignment),
                          datetime.datetime.now(datetime.timezone.utc))
            if problem := canary_verdict(assignment, grade_submission(canary, assignment, CANARY_STUDENT)):
                return problem
    return None


def collect(course, submitted_dir, assignments):
    """Copy a folder in nbgrader's submitted/ layout into the course; returns (students, submissions)."""
    pairs = []
    for student_dir in sorted(p for p in Path(submitted_dir).iterdir() if p.is_dir()):
        for assignment in assignments:
            source = student_dir / assignment
            if source.is_dir() and not source.is_symlink():
                target = course.root / "submitted" / student_dir.name / assignment
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(source, target, ignore=sandbox.symlinks)  # never follow a student's symlink
                pairs.append((student_dir.name, assignment))
    return sorted({student for student, _ in pairs}), pairs


def setup_sample(course, assignments):
    """Add the sample class's students and submissions to the course."""
    duedates, students = load_manifest()
    for student in students:
        course.add_student(student.id, student.first_name, student.last_name)
    submissions = sample_submissions(assignments, duedates, students)
    for submission in submissions:
        course.submit(submission.student_id, submission.assignment, submission.notebook, submission.submitted_at)
    return [s.id for s in students], [(s.student_id, s.assignment) for s in submissions], duedates


def graded_one_by_one(course, pairs):
    """Grade `pairs` in this process, one after another: yields (Outcome, seconds)."""
    for student_id, assignment in pairs:
        started = time.perf_counter()
        outcome = grade_submission(course, assignment, student_id)
        yield outcome, time.perf_counter() - started


class Progress:
    """A progress bar (done, failed, time left) on a terminal, and one line per submission on stdout and in a log."""

    def __init__(self, total, log_path):
        self.total, self.done_count, self.failed = total, 0, 0
        self.bar = tqdm(total=total, unit="submission", file=sys.stderr, disable=None, dynamic_ncols=True,
                        bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}]{postfix}")
        self.log = open(log_path, "a")
        self.log.write(f"# {datetime.datetime.now().isoformat(timespec='seconds')}: grading {total} submission(s)\n")

    def done(self, outcome, seconds):
        self.failed += outcome.status == "failed"
        self.bar.update()
        self.bar.set_postfix_str(f"{self.failed} failed", refresh=True)
        self.done_count += 1
        done = self.done_count
        left = tqdm.format_interval((time.perf_counter() - self.started) / done * (self.total - done))
        result = (f"{outcome.score:g}/{outcome.max_score:g}" if outcome.status == "graded"
                  else f"FAILED: {outcome.message}")
        line = (f"[{done:>3}/{self.total}] {outcome.assignment:<17} {outcome.student_id:<12} {result}  "
                f"({seconds:.1f} s; {self.failed} failed, {left} left)")
        self.bar.write(line, file=sys.stdout)
        sys.stdout.flush()
        self.log.write(line + "\n")
        self.log.flush()

    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.bar.close()
        self.log.close()


def grade_class(course, assignments, students, pairs, workers=1, scheduler=None):
    """Autograde every submission in `pairs`, showing progress; returns [Outcome] for every student.

    - workers: submissions graded at once on this machine; 1 grades them here, one by one
    - scheduler: a Dask scheduler's address (tcp://HOST:PORT): grade on its workers instead

    The reference solutions of `assignments` are graded first, where the class is (the canary):
    when one does not earn every point, nothing is written and `parallel.CanaryFailed` says why.
    """
    if scheduler or workers > 1:
        results = parallel.run(course, pairs, workers=workers, scheduler=scheduler, canary=assignments)
    else:
        if problem := canary_problem(course, assignments):
            raise parallel.CanaryFailed(problem)
        results = graded_one_by_one(course, pairs)
    by_pair = {}
    with Progress(len(pairs), course.root / "grading.log") as progress:
        for outcome, seconds in results:
            by_pair[(outcome.student_id, outcome.assignment)] = outcome
            progress.done(outcome, seconds)
    outcomes = [by_pair[pair] for pair in pairs]  # the order of `pairs`, however they finished
    submitted = set(pairs)
    outcomes += [Outcome(s, a, "missing", message="no submission")
                 for a in assignments for s in students if (s, a) not in submitted]
    return outcomes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--sample", action="store_true", help="grade the bundled sample class")
    source.add_argument("--submitted", type=Path, help="folder of submissions: <student>/<assignment>/<assignment>.ipynb")
    parser.add_argument("--course-dir", type=Path, default=REPO / "build" / "demo")
    parser.add_argument("--assignment", action="append", help="grade only these assignments (repeatable)")
    parser.add_argument("--student", action="append", help="grade only these students (repeatable)")
    parser.add_argument("--no-sandbox", action="store_true",
                        help="run submissions unsandboxed, with your own rights: only for code you trust")
    parser.add_argument("--workers", type=int, default=parallel.default_workers(),
                        help="submissions graded at once on this machine (default: its cores, %(default)s here)")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="grade on the workers of this Dask scheduler instead of on this machine")
    parser.add_argument("--db-url", help="the gradebook, nbgrader's db_url (default: SQLite gradebook.db in the "
                                         "course directory), e.g. postgresql+psycopg://USER@HOST:5432/DB")
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    warnings.simplefilter("ignore", SAWarning)  # nbgrader 0.9.6's gradebook autoflush noise
    if not args.no_sandbox and (problem := sandbox.problem()):
        print(problem, file=sys.stderr)
        return 2

    assignments = args.assignment or assignment_names()
    course = ScratchCourse(args.course_dir, sandbox=not args.no_sandbox, db_url=args.db_url)
    duedates = {}
    if args.sample:
        duedates = load_manifest()[0]
    print(f"Course directory: {course.root}")
    with course.gradebook() as gb:  # due dates an instructor set stay (the sample class brings its own)
        duedates = {**{a.name: a.duedate for a in gb.assignments}, **duedates}
    for assignment in assignments:
        course.add_assignment(assignment, duedate=duedates.get(assignment))
        print(f"generated {assignment} from solutions/ into the gradebook", flush=True)
    if args.sample:
        students, pairs, _ = setup_sample(course, assignments)
    else:
        students, pairs = collect(course, args.submitted, assignments)
        for student in students:
            course.add_student(student)
    if args.student:
        students = [s for s in students if s in args.student]
        pairs = [(s, a) for s, a in pairs if s in args.student]

    where = f"on the Dask cluster at {args.scheduler}" if args.scheduler else f"with {args.workers} worker(s)"
    print(f"Grading {len(pairs)} submission(s) {where}, after the reference solutions (the canary); "
          f"progress lines also go to {course.root / 'grading.log'}", flush=True)
    try:
        outcomes = grade_class(course, assignments, students, pairs, workers=args.workers, scheduler=args.scheduler)
    except parallel.CanaryFailed as failed:
        print(failed, file=sys.stderr)
        return 3
    except (OSError, RuntimeError) as error:  # the cluster cannot be reached, or its workers cannot grade
        print(f"Could not grade on {args.scheduler or 'the worker processes'}: {error}", file=sys.stderr)
        return 4

    grades_csv = course.root / "grades.csv"
    with course.gradebook() as gb:
        CsvExportPlugin(to=str(grades_csv)).export(gb)
    plot_path = report.plot_score_distribution(outcomes, assignments, course.root / "score_distribution.png")
    print()
    print(report.table(outcomes, students, assignments))
    print()
    print(f"grades:   {grades_csv}")
    print(f"feedback: {course.root / 'feedback'}/<student>/<assignment>/<assignment>.html")
    print(f"plot:     {plot_path}")
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        print(f"{len(failed)} submission(s) could not be autograded; they score 0 (see the table).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
