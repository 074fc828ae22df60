# Mistake: hard-codes axis=1, which does not exist for a vector.
# Feedback: out of bounds
def softmax(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
