"""The catalogue of answers (tests/catalogue/, see its README): what the autograder must tell apart.

- correct/<grade_id>/<name>.py: a correct answer in another style, a whole cell
- wrong/<grade_id>.toml: typical mistakes, each an edit of the reference answer
- tricks/<grade_id>/<name>.py: an attempt to earn points without computing the answer
- tricks/any/<name>.py: a trick that works on any notebook, put in front of wrong answers
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from autograders.submissions import solution_answers

CATALOGUE = Path(__file__).resolve().parent.parent / "tests" / "catalogue"
MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")
LABELS = {"correct": "Style", "tricks": "Trick"}


class CatalogueError(ValueError):
    """A catalogue entry that does not apply to the current reference solution."""


@dataclass(frozen=True)
class Answer:
    """One catalogue answer for the answer cell `grade_id`."""

    kind: str  # "correct", "wrong" or "tricks"
    grade_id: str
    name: str
    source: str  # the whole answer cell
    description: str  # its style, mistake or trick
    feedback: str = ""  # wrong answers: a phrase the feedback must contain

    @property
    def label(self):
        return f"{self.kind}/{self.grade_id}/{self.name}"


def reference_answer(assignment, grade_id):
    """The reference solution's answer cell, without nbgrader's solution markers."""
    source = solution_answers(assignment)[grade_id]
    return "".join(line for line in source.splitlines(keepends=True) if line.strip() not in MARKERS)


def apply_edits(source, replacements, where):
    """`source` with each [old, new] pair replaced; each `old` must occur exactly once."""
    for pair in replacements:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
            raise CatalogueError(f"{where}: each replacement is a pair [old, new] of strings")
        old, new = pair
        found = source.count(old)
        if found != 1:
            raise CatalogueError(f"{where}: {old.strip()[:80]!r} occurs {found} times in the reference answer, "
                                 "not once: update the entry to the current solution")
        source = source.replace(old, new)
    return source


def whole_file(kind, grade_id, path):
    text = path.read_text()
    label = LABELS[kind]
    for line in text.splitlines()[:3]:
        if line.startswith(f"# {label}:"):
            return Answer(kind, grade_id, path.stem, text, line.split(":", 1)[1].strip())
    raise CatalogueError(f"{path} has no '# {label}:' line")


def wrong_answers(assignment, grade_id):
    path = CATALOGUE / "wrong" / f"{grade_id}.toml"
    if not path.exists():
        return []
    reference = reference_answer(assignment, grade_id)
    found = []
    for name, entry in tomllib.loads(path.read_text()).items():
        where = f"{path.relative_to(CATALOGUE)} [{name}]"
        if not {"mistake", "feedback", "replace"} <= set(entry):
            raise CatalogueError(f"{where} needs mistake, feedback and replace")
        found.append(Answer("wrong", grade_id, name, apply_edits(reference, entry["replace"], where),
                            entry["mistake"], entry["feedback"]))
    return found


def answers(kind, assignment):
    """Every catalogue answer of `kind` for the answer cells of `assignment`."""
    found = []
    for grade_id in sorted(solution_answers(assignment)):
        if kind == "wrong":
            found += wrong_answers(assignment, grade_id)
        else:
            found += [whole_file(kind, grade_id, p) for p in sorted((CATALOGUE / kind / grade_id).glob("*.py"))]
    return found


def generic_tricks():
    """The tricks of tricks/any/, which work on any notebook."""
    return [whole_file("tricks", "any", p) for p in sorted((CATALOGUE / "tricks" / "any").glob("*.py"))]


def answer_source(assignment, grade_id, spec):
    """The source a sample student hands in: `spec` is a .py file under the repository,
    or `wrong/<grade_id>.toml#<name>` for a catalogue mistake."""
    if "#" in spec:
        name = spec.split("#", 1)[1]
        for answer in wrong_answers(assignment, grade_id):
            if answer.name == name:
                return answer.source
        raise CatalogueError(f"no mistake {name!r} in {spec}")
    return (CATALOGUE.parent.parent / spec).read_text()
