"""nbconvert preprocessors added to nbgrader's autograde and feedback pipelines."""

from nbconvert.preprocessors import Preprocessor
from nbformat.v4 import new_code_cell, new_output
from nbgrader.preprocessors import DeduplicateIds, Execute
from traitlets import Bool, Integer

from autograders import trusted


class ShortTracebacks(Preprocessor):
    """Feedback: replace a test cell's traceback by its last line, the failure message.

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


class DeduplicateIdsCleanly(DeduplicateIds):
    """nbgrader's DeduplicateIds, but a duplicated cell loses its nbgrader metadata entirely.

    nbgrader 0.9.6 leaves `nbgrader: {}` on the copy, which CheckCellMetadata then
    rejects as schema version 0, failing the whole notebook: a student who copied a
    test cell would lose every point. The last copy keeps the metadata, as before.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if cell.metadata.get("nbgrader") == {}:
            del cell.metadata["nbgrader"]
        return cell, resources


class LimitOutputSize(Preprocessor):
    """Autograde: cut any text output longer than `max_chars` (nbgrader's LimitOutput counts lines only)."""

    enabled = Bool(True)
    max_chars = Integer(20_000, help="Characters kept of each text output").tag(config=True)

    def _cut(self, text):
        if len(text) <= self.max_chars:
            return text
        return text[: self.max_chars] + f"\n... [output cut by the grader: {len(text):,} characters in all]\n"

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                output.text = self._cut(output.text)
            elif "text/plain" in output.get("data", {}):
                output.data["text/plain"] = self._cut(output.data["text/plain"])
        return cell, resources


class TrustedExecute(Execute):
    """nbgrader's Execute, then a re-check of every test cell outside the kernel.

    When the last cell has run (the kernel still alive), `autograders.trusted`
    re-runs the test cells in this process against the kernel's answers; a test
    cell that fails there but not in the kernel gets an error output, so nbgrader
    gives it zero and the feedback says why.
    """

    def preprocess_cell(self, cell, resources, index):
        cell, resources = super().preprocess_cell(cell, resources, index)
        if index == len(self.nb.cells) - 1:
            self._recheck()
        return cell, resources

    def _run_in_kernel(self, code):
        probe = new_code_cell(code)
        self.nb.cells.append(probe)  # nbclient writes the executed cell back at its index
        try:
            return self.execute_cell(probe, len(self.nb.cells) - 1, store_history=False).outputs
        finally:
            self.nb.cells.pop()

    def _recheck(self):
        for index, message in trusted.recheck(self.nb.cells, self._run_in_kernel).items():
            outputs = self.nb.cells[index].setdefault("outputs", [])
            if not any(o.output_type == "error" for o in outputs):
                outputs.append(new_output(
                    "error", ename="AssertionError", traceback=[f"AssertionError: {message}"],
                    evalue=f"{message}\n(The grader checked this test again outside your notebook's kernel.)"))
