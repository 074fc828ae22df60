# Mistake: s *= 1 - s changes the caller's array.
# Feedback: changed its input
def sigmoid_grad(s):
    if isinstance(s, np.ndarray):
        s *= 1 - s
        return s
    return s * (1 - s)
