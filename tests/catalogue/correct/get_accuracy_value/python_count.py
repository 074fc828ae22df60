# Style: count the correct examples in a Python loop
def get_accuracy_value(Y_hat, Y):
    correct = sum(int((p > 0.5) == bool(t)) for p, t in zip(Y_hat.ravel(), Y.ravel()))
    return correct / Y.size
