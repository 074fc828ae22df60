"""Print how long grading takes: generating each assignment, and autograding one submission of it.

    python -m autograders.benchmark [--repeat N]   (or `make benchmark`)

Figures, not pass/fail: the test suite checks behaviour, this measures speed.
"""

import argparse
import datetime
import statistics
import tempfile
import time
import warnings

from sqlalchemy.exc import SAWarning

from autograders.course import ScratchCourse, assignment_names
from autograders.submissions import fill_answers, solution_answers

ON_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


def seconds(action):
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="autograde runs per assignment")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", SAWarning)
    with tempfile.TemporaryDirectory() as root:
        course = ScratchCourse(root)
        print(f"{'assignment':<18} {'generate (s)':>12} {'autograde one submission (s)':>30}")
        for assignment in assignment_names():
            generate = seconds(lambda: course.add_assignment(assignment))
            course.submit("benchmark", assignment, fill_answers(assignment, solution_answers(assignment)), ON_TIME)
            runs = [seconds(lambda: course.autograde(assignment, "benchmark")) for _ in range(args.repeat)]
            print(f"{assignment:<18} {generate:>12.2f} {statistics.median(runs):>16.2f} median "
                  f"(min {min(runs):.2f}, max {max(runs):.2f}, n={len(runs)})", flush=True)


if __name__ == "__main__":
    main()
