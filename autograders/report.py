"""What a class run shows: a terminal table and a plot of the score distribution."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def cell_text(outcome):
    if outcome.status == "missing":
        return "missing"
    if outcome.status == "failed":
        return "FAILED"
    text = f"{outcome.score:g}/{outcome.max_score:g}"
    return text + (f" (late -{outcome.late_penalty:g})" if outcome.late_penalty else "")


def table(outcomes, students, assignments):
    """A plain-text table: one row per student, one column per assignment, then the total."""
    by_key = {(o.student_id, o.assignment): o for o in outcomes}
    header = ["student", *assignments, "total"]
    rows = []
    for student in students:
        row_outcomes = [by_key[(student, a)] for a in assignments]
        total = sum(o.score for o in row_outcomes)
        rows.append([student, *map(cell_text, row_outcomes), f"{total:g}"])
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(r, widths)) for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = sorted({f"{o.student_id}/{o.assignment}: {o.message}" for o in outcomes if o.status == "failed"})
    return "\n".join(lines + [f"  {note}" for note in notes])


def plot_score_distribution(outcomes, assignments, path):
    """Box and dots per assignment: each student's score in % (missing and failed count as 0)."""
    fig, ax = plt.subplots(figsize=(1.6 * len(assignments) + 2.5, 4.2))
    columns = []
    for position, assignment in enumerate(assignments):
        by_score = {}
        for o in outcomes:
            if o.assignment == assignment:
                by_score.setdefault(round(100 * o.score / o.max_score if o.max_score else 0.0, 1), []).append(o.student_id)
        columns.append([score for score, names in by_score.items() for _ in names])
        for score, names in by_score.items():
            label = ", ".join(sorted(names)) if len(names) <= 3 else f"{len(names)} students"
            ax.plot(position, score, "o", color="tab:blue", markersize=4 + 2 * len(names), alpha=0.7)
            ax.annotate(label, (position, score), xytext=(9, -3), textcoords="offset points", fontsize=7)
    ax.boxplot(columns, positions=range(len(assignments)), widths=0.5, showfliers=False)
    ax.set_xticks(range(len(assignments)), assignments)
    ax.set_ylim(-5, 105)
    ax.set_ylabel("score (% of the notebook's points)")
    ax.set_title("Scores per assignment (written answers count once graded by hand)", fontsize=10)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
