# Style: one-hot targets, a log-softmax with logsumexp, caches in a dict, predict from the raw scores, weights rebound in train.
class Model:
    def __init__(self, layers_dim, seed=0):
        rng = np.random.RandomState(seed)
        self.W, self.b = [], []
        for d_in, d_out in zip(layers_dim[:-1], layers_dim[1:]):
            self.W.append(rng.randn(d_in, d_out) / np.sqrt(d_in))
            self.b.append(np.zeros((1, d_out)))

    def _scores(self, X):
        cache = {"a0": X}
        a = X
        for l, (W, b) in enumerate(zip(self.W, self.b), start=1):
            z = np.dot(a, W) + b
            if l < len(self.W):
                a = np.tanh(z)
                cache[f"a{l}"] = a
        return z, cache

    @staticmethod
    def _log_softmax(z):
        shifted = z - z.max(axis=1, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

    def calculate_loss(self, X, y):
        z, _ = self._scores(X)
        Y = np.eye(z.shape[1])[y]
        return -np.sum(Y * self._log_softmax(z)) / X.shape[0]

    def loss_and_gradients(self, X, y, reg_lambda=0.0):
        z, cache = self._scores(X)
        M, L = X.shape[0], len(self.W)
        Y = np.eye(z.shape[1])[y]
        log_p = self._log_softmax(z)
        loss = -np.sum(Y * log_p) / M + 0.5 * reg_lambda * sum(np.sum(np.square(W)) for W in self.W)
        delta = (np.exp(log_p) - Y) / M
        dW, db = [None] * L, [None] * L
        for l in range(L, 0, -1):
            a_prev = cache[f"a{l - 1}"]
            dW[l - 1] = np.dot(a_prev.T, delta) + reg_lambda * self.W[l - 1]
            db[l - 1] = np.sum(delta, axis=0, keepdims=True)
            if l > 1:
                delta = np.dot(delta, self.W[l - 1].T) * (1 - np.square(a_prev))
        return loss, dW, db

    def predict(self, X):
        z, _ = self._scores(X)
        return np.argmax(z, axis=1)

    def train(self, X, y, num_passes=20000, epsilon=2.0, reg_lambda=5e-5, print_loss=False):
        history = []
        for k in range(num_passes):
            loss, dW, db = self.loss_and_gradients(X, y, reg_lambda=reg_lambda)
            self.W = [W - epsilon * g for W, g in zip(self.W, dW)]
            self.b = [b - epsilon * g for b, g in zip(self.b, db)]
            history.append(loss)
            if print_loss and k % 1000 == 0:
                print("Loss after iteration %i: %f" % (k, loss))
        return np.array(history)
