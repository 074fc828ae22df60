# Mistake: applies the sigmoid again: sigmoid(s) * (1 - sigmoid(s)).
# Feedback: sigmoid_grad expects s = sigmoid(x) already
def sigmoid_grad(s):
    sig = 1 / (1 + np.exp(-np.asarray(s, dtype=float)))
    return sig * (1 - sig)
