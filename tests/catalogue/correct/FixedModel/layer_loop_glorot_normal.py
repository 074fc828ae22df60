# Style: Glorot-normal initialisation, per-layer cache of (input, z), gradients collected first and applied after
class FixedModel:
    def __init__(self, sizes, lr=0.1, seed=0):
        self.lr = lr
        rng = np.random.default_rng(seed)
        self.weights, self.biases = [], []
        for k in range(len(sizes) - 1):
            n_in, n_out = sizes[k], sizes[k + 1]
            self.weights.append(rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / (n_in + n_out)))
            self.biases.append(np.zeros(n_out))

    def forward(self, X):
        h = np.array(X, dtype=float) / 16
        self.cache = []
        last = len(self.weights) - 1
        for k in range(len(self.weights)):
            z = h.dot(self.weights[k].T) + self.biases[k]
            self.cache.append((h, z))
            if k < last:
                h = np.where(z > 0, z, 0.0)
            else:
                shifted = z - np.max(z, axis=1)[:, None]
                e = np.exp(shifted)
                h = e / np.sum(e, axis=1)[:, None]
        return h

    def backward(self, y, y_pred):
        g = np.copy(y_pred)
        for n, label in enumerate(y):
            g[n, label] -= 1.0
        g = g / len(y)
        grads = []
        for k in reversed(range(len(self.weights))):
            h, z = self.cache[k]
            grads.append((k, g.T.dot(h), g.sum(axis=0)))
            if k > 0:
                g = g.dot(self.weights[k]) * (self.cache[k - 1][1] > 0)
        for k, dW, db in grads:
            self.weights[k] = self.weights[k] - self.lr * dW
            self.biases[k] = self.biases[k] - self.lr * db
