"""Grading side of the course: nbgrader configuration, the sample class and the class run.

Never installed on students' machines (the student package is `nnfs`).
"""
