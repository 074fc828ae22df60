# Style: np.multiply and np.subtract, returning a new array.
def sigmoid_grad(s):
    return np.multiply(s, np.subtract(1.0, s), dtype=float)
