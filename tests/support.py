"""What the tests share: constants, building submissions, reading feedback."""

import datetime
import html
import os
import re

from autograders.course import assignment_names
from autograders.submissions import autograder_test_cells, fill_answers, solution_answers

ON_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)  # before every due date
FIRST = "01_sigmoid"  # the assignment most end-to-end tests grade: small and quick


def full_score(assignment):
    """Autograded points of `assignment` (written answers need a person)."""
    return float(sum(autograder_test_cells(assignment).values()))


def reference_with(assignment, **answers):
    """A submission: the reference answers, except the answer cells given (grade_id=source)."""
    return fill_answers(assignment, {**solution_answers(assignment), **answers})


def html_to_text(page):
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def assignments_under_test():
    """The assignments the suite tests: all of them, or those in $ASSIGNMENTS (e.g. `ASSIGNMENTS=06_relu_digits`)."""
    chosen = [a for a in os.environ.get("ASSIGNMENTS", "").replace(",", " ").split() if a]
    return [a for a in assignment_names() if a in chosen] if chosen else assignment_names()


INJECTED = "nnfs-injected"  # the marker in every piece of HTML the catalogue's tricks write


def live_html(page):
    """Script tags and event-handler attributes in a page that carry the tricks' marker (none may)."""
    return re.findall(rf"<script[^>]*>[^<]*{INJECTED}|<[a-z]+[^>]*\son\w+\s*=[^>]*{INJECTED}", page)
