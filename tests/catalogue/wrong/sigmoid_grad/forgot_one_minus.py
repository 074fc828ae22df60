# Mistake: returns s itself, forgetting the (1 - s) factor.
# Feedback: sigmoid_grad(s) is wrong
def sigmoid_grad(s):
    return np.array(s, dtype=float)
