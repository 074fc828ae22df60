"""nbconvert preprocessors added to nbgrader's autograde pipeline (besides autograders.execute)."""

from nbgrader.preprocessors import DeduplicateIds


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
