# Mistake: subtracts the maximum in place, changing the caller's array.
# Feedback: changed its input
def softmax(x):
    x = np.asarray(x)
    x -= np.max(x, axis=-1, keepdims=True)
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)
