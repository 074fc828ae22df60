"""Feedback preprocessing: what students see of a failed test cell."""

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool


class ShortTracebacks(Preprocessor):
    """Replace a test cell's traceback by its last line, the failure message.

    The tests raise AssertionErrors whose message says what was checked, on which
    input, expected vs got and the likely mistake; the frames above it would quote
    the (hidden) test source.
    """

    enabled = Bool(True)  # nbconvert's preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources
