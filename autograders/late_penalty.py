"""Late-submission policy, as an nbgrader late-submission plugin."""

import math

from nbgrader.plugins import BasePlugin

PENALTY_PER_DAY = 0.10


class TenPercentPerDayLate(BasePlugin):
    """Take 10% of the notebook's score for each started day late, down to zero."""

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        days_late = math.ceil(total_seconds_late / 86400)
        return min(score, round(score * PENALTY_PER_DAY * days_late, 2))
