# Mistake: 1 - s**2, the derivative of tanh.
# Feedback: derivative of tanh
def sigmoid_grad(s):
    return 1 - np.asarray(s, dtype=float) ** 2
