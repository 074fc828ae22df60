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


def wrong_rounds(wrong, reaches):
    """Wrong answers grouped to be graded as one submission each: [{grade_id: answer}].

    - wrong: the wrong answers of one notebook
    - reaches: {grade_id: set of test cells that fail when that answer cell holds its stub}
    Answers share a round only if they are in different answer cells and each keeps test
    cells of its own there (`own_cells`); the others get a round of their own.
    """
    rounds = []
    for answer in wrong:
        group = next((group for group in rounds if answer.grade_id not in group and reaches.get(answer.grade_id)
                      and all(own_cells(member, [*group, answer.grade_id], reaches) for member in [*group, answer.grade_id])),
                     None)
        if group is None:
            rounds.append(group := {})
        group[answer.grade_id] = answer
    return rounds


def own_cells(grade_id, group, reaches):
    """The test cells only `grade_id`'s stub reaches among the answer cells of `group`."""
    return reaches[grade_id] - set().union(*(reaches[other] for other in group if other != grade_id))


def failures_in_round(answer, group, reaches, failed, outputs):
    """(test cells `answer` failed, what they output), read off the grading of its round,
    or None where the round cannot tell (grade the answer alone):

    - failed: the test cells the round's submission failed; outputs: {test cell: its output text}
    Only the answer's own cells count (a cell two answers reach could fail for either). A cell
    that failed outside the round's reaches means an answer acted beyond its cells; an answer
    none of whose own cells failed, or whose failed cells do not say its feedback phrase, is
    left to its own grading.
    """
    if not failed <= set().union(*(reaches[grade_id] for grade_id in group)):
        return None
    own = failed & own_cells(answer.grade_id, group, reaches)
    said = "\n".join(outputs[cell] for cell in sorted(own))
    return (own, said) if own and answer.feedback in said else None
