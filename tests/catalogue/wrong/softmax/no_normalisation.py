# Mistake: forgets to divide by the row sums.
# Feedback: exp(x - max) without dividing
def softmax(x):
    x = np.asarray(x, dtype=float)
    return np.exp(x - np.max(x, axis=-1, keepdims=True))
