# Mistake: subtracts the maximum of the whole matrix instead of each row's maximum.
# Feedback: instead of each row's own maximum
def softmax(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - np.max(x))
    return e / np.sum(e, axis=-1, keepdims=True)
