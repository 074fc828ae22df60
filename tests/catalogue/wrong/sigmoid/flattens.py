# Mistake: returns a flat list instead of an array of the input's shape.
# Feedback: shape
import math


def sigmoid(x):
    return [1 / (1 + math.exp(-v)) for v in np.ravel(x)]
