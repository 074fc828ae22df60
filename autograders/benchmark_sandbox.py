"""Print what the sandbox costs: autograding one submission with and without it.

    python -m autograders.benchmark_sandbox [--repeat N] [--assignment A ...]

For each assignment, the reference solution is autograded `--repeat` times in a
course with the sandbox (autograders/sandbox.py) and, alternately, in one without;
the median of each and their difference are printed. Figures, not pass/fail.
"""

import argparse
import datetime
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from sqlalchemy.exc import SAWarning

from autograders import sandbox
from autograders.course import ScratchCourse, assignment_names
from autograders.submissions import fill_answers, solution_answers

ON_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


def submit_solution(course, assignment):
    course.add_assignment(assignment)
    course.submit("benchmark", assignment, fill_answers(assignment, solution_answers(assignment)), ON_TIME)


def autograde_seconds(course, assignment):
    """Seconds nbgrader takes to autograde the submission."""
    started = time.perf_counter()
    result = course.autograde(assignment, "benchmark")
    if not result["success"]:
        raise RuntimeError(f"autograding {assignment} failed:\n{result.get('error')}")
    return time.perf_counter() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="autograde runs per assignment and setting")
    parser.add_argument("--assignment", action="append", help="only these assignments (repeatable)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", SAWarning)
    if problem := sandbox.problem():
        print(problem, file=sys.stderr)
        return 2
    print(f"{'assignment':<18} {'sandboxed (s)':>13} {'unsandboxed (s)':>15} {'cost (s)':>9}   median of {args.repeat}")
    with tempfile.TemporaryDirectory() as root:
        sandboxed = ScratchCourse(Path(root) / "sandboxed", sandbox=True)
        trusted = ScratchCourse(Path(root) / "unsandboxed", sandbox=False)
        for assignment in args.assignment or assignment_names():
            submit_solution(sandboxed, assignment)
            submit_solution(trusted, assignment)
            runs = [(autograde_seconds(sandboxed, assignment), autograde_seconds(trusted, assignment))
                    for _ in range(args.repeat)]  # alternated, so that a busy machine slows both alike
            with_sandbox = statistics.median(run[0] for run in runs)
            without = statistics.median(run[1] for run in runs)
            print(f"{assignment:<18} {with_sandbox:>13.2f} {without:>15.2f} {with_sandbox - without:>+9.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
