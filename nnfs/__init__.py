"""Student helpers for Neural Networks from Scratch: friendly checks and plots.

This package is installed on students' machines: it never holds solutions or
hidden tests.
"""
