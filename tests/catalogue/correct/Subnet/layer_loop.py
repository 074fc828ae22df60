# Style: a loop over the three layers, activations kept in a list
class Subnet:
    def __init__(self, d, hidden, rng):
        sizes = [d, hidden, hidden, d]
        self.params = {}
        for k in range(3):
            self.params["W%d" % (k + 1)] = rng.standard_normal((sizes[k], sizes[k + 1])) / np.sqrt(sizes[k])
        for k in range(3):
            self.params["b%d" % (k + 1)] = np.zeros(sizes[k + 1])
        self.grads = {}

    def forward(self, x):
        self.activations = [np.array(x, dtype=float)]
        a = self.activations[0]
        for k in (1, 2, 3):
            a = a @ self.params[f"W{k}"] + self.params[f"b{k}"]
            if k < 3:
                a = np.tanh(a)
            self.activations.append(a)
        return a

    def backward(self, dz):
        delta = np.array(dz, dtype=float)
        grads = {}
        for k in (3, 2, 1):
            inputs = self.activations[k - 1]
            grads[f"W{k}"] = inputs.T @ delta
            grads[f"b{k}"] = delta.sum(axis=0)
            delta = delta @ self.params[f"W{k}"].T
            if k > 1:
                delta = delta * (1.0 - inputs * inputs)
        self.grads = grads
        return delta
