# A submission that raises at import: the module does not exist.
from neural_helpers import sigmoid  # noqa: F401
