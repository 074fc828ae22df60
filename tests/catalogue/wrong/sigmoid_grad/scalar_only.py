# Mistake: converts to a Python float, so arrays raise TypeError.
# Feedback: TypeError
def sigmoid_grad(s):
    s = float(s)
    return s * (1 - s)
