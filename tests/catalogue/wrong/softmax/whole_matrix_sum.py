# Mistake: divides by the sum over the whole matrix instead of each row's sum.
# Feedback: sum over the whole matrix
def softmax(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e)
