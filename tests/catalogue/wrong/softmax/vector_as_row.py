# Mistake: turns a vector into a 1 x C matrix and returns it that way.
# Feedback: has shape (1, 2), expected (2,)
def softmax(x):
    x = np.atleast_2d(np.asarray(x, dtype=float))
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
