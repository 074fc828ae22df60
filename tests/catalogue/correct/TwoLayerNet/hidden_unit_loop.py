# Style: a loop over the hidden units for the first layer's gradient, a one-hot matrix, integer-division epochs tested with divmod
class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = np.random.normal(0.0, 1.0, (input_size, hidden_size)) * std
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = np.random.normal(0.0, 1.0, (hidden_size, output_size)) * std
        self.params["b2"] = np.zeros(output_size)

    def _forward(self, X):
        z1 = X @ self.params["W1"] + self.params["b1"]
        a1 = np.maximum(z1, 0)
        return z1, a1, a1 @ self.params["W2"] + self.params["b2"]

    def loss(self, X, y=None, reg=0.0):
        z1, a1, scores = self._forward(X)
        if y is None:
            return scores
        N, C = scores.shape
        Y = np.zeros((N, C))
        Y[np.arange(N), y] = 1
        shifted = scores - scores.max(axis=1)[:, np.newaxis]
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1))[:, np.newaxis]
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = -(Y * log_probs).sum() / N + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())
        dscores = (np.exp(log_probs) - Y) / N
        da1 = dscores @ W2.T
        dW1 = np.zeros_like(W1)
        db1 = np.zeros(W1.shape[1])
        for h in range(W1.shape[1]):
            on = z1[:, h] > 0
            dW1[:, h] = X[on].T @ da1[on, h]
            db1[h] = da1[on, h].sum()
        grads = {"W1": dW1 + 2 * reg * W1, "b1": db1,
                 "W2": a1.T @ dscores + 2 * reg * W2, "b2": dscores.sum(axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        iterations_per_epoch = max(X.shape[0] // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(1, num_iters + 1):
            sample = np.random.choice(X.shape[0], batch_size)
            loss, grads = self.loss(X[sample], y[sample], reg=reg)
            stats["loss_history"].append(loss)
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * grads[name]
            if divmod(it, iterations_per_epoch)[1] == 0:
                stats["train_acc_history"].append((self.predict(X[sample]) == y[sample]).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate = learning_rate * learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
