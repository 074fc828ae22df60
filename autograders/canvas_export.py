"""Grades as a Canvas gradebook import file, as an nbgrader export plugin.

    nbgrader export --exporter=autograders.canvas_export.CanvasExport --to=canvas.csv
    ... --CanvasExport.roster=canvas_gradebook_export.csv   # match students to Canvas's own rows

Canvas imports a CSV with the columns Student, ID, SIS User ID, SIS Login ID and Section,
then one column per assignment, and an optional second row, "Points Possible". It finds
each student by ID, SIS User ID or SIS Login ID, and an assignment by its column's name
(a name Canvas does not know becomes a new assignment). Scores are those of nbgrader's
`grades.csv`: after the late penalty, never below 0; a missing submission scores 0.

Without a roster, the nbgrader student id goes in SIS User ID and SIS Login ID (how most
campuses name accounts on both sides). With `roster` (Canvas's Gradebook > Export file), each
student's row is Canvas's own (ID, SIS ids, Section), matched on `match_column`, and an
assignment column takes the header Canvas exported for it ("01_sigmoid (12345)"), so the
import updates that assignment.
"""

import csv

from nbgrader.api import MissingEntry
from nbgrader.plugins import ExportPlugin
from traitlets import Unicode

IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def read_roster(path, match_column):
    """({nbgrader student id: Canvas's identity columns}, {assignment name: Canvas's header}) of an export."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        headers = [h for h in reader.fieldnames or [] if h not in IDENTITY]
        students = {}
        for row in reader:
            key = (row.get(match_column) or "").strip()
            if key and not row["Student"].strip().startswith("Points Possible"):
                students[key] = {column: row.get(column, "") for column in IDENTITY}
    # Canvas names an exported assignment column "name (canvas id)".
    columns = {header.rsplit(" (", 1)[0]: header for header in headers if header.endswith(")")}
    return students, columns


class CanvasExport(ExportPlugin):
    """Canvas gradebook import CSV: one row per student, one column per assignment."""

    roster = Unicode("", help="A Canvas gradebook export CSV whose rows identify the students (optional)").tag(config=True)
    match_column = Unicode("SIS Login ID", help="The roster column that holds nbgrader's student id").tag(config=True)

    def export(self, gradebook):
        dest = self.to or "canvas_grades.csv"
        roster, canvas_columns = read_roster(self.roster, self.match_column) if self.roster else ({}, {})
        assignments = [a for a in gradebook.assignments if not self.assignment or a.name in self.assignment]
        students = [s for s in gradebook.students if not self.student or s.id in self.student]
        self.log.info("Exporting %d student(s) and %d assignment(s) for Canvas to %s", len(students), len(assignments), dest)
        headers = IDENTITY + [canvas_columns.get(a.name, a.name) for a in assignments]
        with open(dest, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(headers)
            writer.writerow(["Points Possible", "", "", "", ""] + [format_points(a.max_score) for a in assignments])
            for student in students:
                identity = roster.get(student.id) or self.identity(student)
                writer.writerow([identity[column] for column in IDENTITY]
                                + [format_points(score(gradebook, a.name, student.id)) for a in assignments])

    def identity(self, student):
        """Canvas's identity columns for a student the roster does not list."""
        name = ", ".join(part for part in (student.last_name, student.first_name) if part) or student.id
        return {"Student": name, "ID": "", "SIS User ID": student.id, "SIS Login ID": student.id, "Section": ""}


def score(gradebook, assignment, student_id):
    """The assignment's score after the late penalty, as in nbgrader's CSV export (0 when not submitted)."""
    try:
        submission = gradebook.find_submission(assignment, student_id)
    except MissingEntry:
        return 0.0
    return max(0.0, submission.score - (submission.late_submission_penalty or 0.0))


def format_points(value):
    return f"{round(value, 2):g}"
