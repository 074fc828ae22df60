"""Grade the sample class three ways and print the wall times side by side.

    python -m autograders.benchmark_class [--assignment A ...] [--workers N]   (part of `make benchmark`)

1. plain nbgrader: `nbgrader autograde <assignment>` for each assignment, one after another,
   with nbgrader's default settings (no sandbox, tests in the student's kernel): the baseline
   an instructor would otherwise run;
2. `grade_class --workers 1`: this course's pipeline, one submission after another;
3. `grade_class` with every core (or --workers N).

Runs 2 and 3 include what a class run does besides autograding (the canary, feedback pages,
`grades.csv`, the plot). The grades of 2 and 3 must agree; plain nbgrader's differ where its
tests ran in a kernel the submission could tamper with.
"""

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograders import grade_class, parallel
from autograders.course import SOLUTIONS, assignment_names
from autograders.sample import load_manifest

NBGRADER = Path(sys.executable).with_name("nbgrader")


def grades(csv_path):
    """{(student_id, assignment): score} of an nbgrader grades.csv."""
    with open(csv_path) as f:
        return {(row["student_id"], row["assignment"]): float(row["score"]) for row in csv.DictReader(f)}


def nbgrader_cli(course_dir, *args, check=True):
    subprocess.run([str(NBGRADER), *args], cwd=course_dir, check=check, capture_output=True,
                   env={**os.environ, "PATH": f"{NBGRADER.parent}{os.pathsep}{os.environ['PATH']}"})


def plain_nbgrader(submitted_from, course_dir, assignments):
    """Seconds for plain `nbgrader autograde`, one assignment after another, and its grades."""
    course_dir.mkdir(parents=True)
    (course_dir / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\nc.CourseDirectory.course_id = 'nn-from-scratch'\n")
    for assignment in assignments:
        shutil.copytree(SOLUTIONS / assignment, course_dir / "source" / assignment)
        nbgrader_cli(course_dir, "generate_assignment", assignment, "--force")
    for student in load_manifest()[1]:
        nbgrader_cli(course_dir, "db", "student", "add", student.id)
    shutil.copytree(submitted_from, course_dir / "submitted")
    started = time.perf_counter()
    for assignment in assignments:
        # It exits 1 when a submission fails (the damaged notebook of the sample class): not an error here.
        nbgrader_cli(course_dir, "autograde", assignment, "--force", check=False)
    seconds = time.perf_counter() - started
    nbgrader_cli(course_dir, "export", "--to", "grades.csv")
    return seconds, grades(course_dir / "grades.csv")


def course_run(course_dir, assignments, workers):
    """Seconds for `grade_class --sample` with `workers`, and its grades."""
    args = ["--sample", "--course-dir", str(course_dir), "--workers", str(workers)]
    started = time.perf_counter()
    code = grade_class.main(args + [arg for a in assignments for arg in ("--assignment", a)])
    if code != 0:
        raise SystemExit(f"grade_class exited with {code}")
    return time.perf_counter() - started, grades(course_dir / "grades.csv")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", action="append", help="only these assignments (repeatable; default all)")
    parser.add_argument("--workers", type=int, default=parallel.default_workers(), help="workers of run 3")
    args = parser.parse_args(argv)
    assignments = args.assignment or assignment_names()
    with tempfile.TemporaryDirectory() as root:
        root = Path(root)
        one_seconds, one = course_run(root / "one", assignments, 1)
        all_seconds, every = course_run(root / "all", assignments, args.workers)
        plain_seconds, plain = plain_nbgrader(root / "one" / "submitted", root / "plain", assignments)
    submissions = len(one)
    differ = sorted(key for key in one if plain.get(key) != one[key])
    print(f"\nThe sample class, {submissions} submissions of {len(assignments)} assignment(s):")
    print(f"{'run':<44} {'wall (s)':>9} {'s per submission':>17} {'vs plain':>9}")
    for label, seconds in [("plain nbgrader autograde, one at a time", plain_seconds),
                           ("grade_class --workers 1", one_seconds),
                           (f"grade_class --workers {args.workers}", all_seconds)]:
        print(f"{label:<44} {seconds:>9.1f} {seconds / submissions:>17.2f} {plain_seconds / seconds:>8.2f}x")
    print(f"grades of --workers 1 and --workers {args.workers}: {'identical' if one == every else 'DIFFERENT'}")
    print(f"plain nbgrader's grades differ for {len(differ)} submission(s): "
          + (", ".join(f"{s}/{a} {plain.get((s, a))} vs {one[(s, a)]}" for s, a in differ) or "none"))
    return 0 if one == every else 1


if __name__ == "__main__":
    sys.exit(main())
