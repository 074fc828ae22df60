"""Print how long grading takes, beside the baseline: generating each assignment, and autograding one submission of it.

    python -m autograders.benchmark [--repeat N] [--save FILE]   (or `make benchmark`)

The baseline (`autograders/benchmark_baseline.json`) holds the same figures measured on
this course's 2-core machine for the pipeline before test cells moved out of the kernel
(commit c5a7773), so each row shows before and after. Figures, not pass/fail: the test
suite checks behaviour, this measures speed.
"""

import argparse
import datetime
import json
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from sqlalchemy.exc import SAWarning

from autograders.course import ScratchCourse, assignment_names
from autograders.submissions import fill_answers, solution_answers

BASELINE = Path(__file__).with_name("benchmark_baseline.json")
ON_TIME_ISO = "2026-01-01T00:00:00+00:00"


def seconds(action):
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(assignment, course, repeat):
    """(seconds to generate, [seconds to autograde the reference solution] * repeat)"""
    generate = seconds(lambda: course.add_assignment(assignment))
    course.submit("benchmark", assignment, fill_answers(assignment, solution_answers(assignment)),
                  datetime.datetime.fromisoformat(ON_TIME_ISO))
    return generate, [seconds(lambda: course.autograde(assignment, "benchmark")) for _ in range(repeat)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="autograde runs per assignment")
    parser.add_argument("--save", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", SAWarning)
    baseline = json.loads(BASELINE.read_text())["autograde_median_s"] if BASELINE.exists() else {}
    figures = {}
    with tempfile.TemporaryDirectory() as root:
        course = ScratchCourse(root)
        print(f"{'assignment':<18} {'generate (s)':>12} {'autograde, before (s)':>22} {'after (s)':>10}  spread")
        for assignment in assignment_names():
            generate, runs = measure(assignment, course, args.repeat)
            figures[assignment] = statistics.median(runs)
            before = baseline.get(assignment)
            print(f"{assignment:<18} {generate:>12.2f} {before if before is not None else float('nan'):>22.2f} "
                  f"{figures[assignment]:>10.2f}  min {min(runs):.2f}, max {max(runs):.2f}, n={len(runs)}", flush=True)
    if args.save:
        args.save.write_text(json.dumps({"autograde_median_s": figures}, indent=1) + "\n")


if __name__ == "__main__":
    main()
