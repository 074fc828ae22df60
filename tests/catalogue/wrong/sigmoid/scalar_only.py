# Mistake: math.exp works on one number only, so arrays raise TypeError.
# Feedback: TypeError
import math


def sigmoid(x):
    return 1 / (1 + math.exp(-x))
