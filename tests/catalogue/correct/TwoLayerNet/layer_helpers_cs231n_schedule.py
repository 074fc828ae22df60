# Style: affine and ReLU forward/backward helpers, logaddexp loss, CS231n's own `it % iterations_per_epoch == 0` schedule, training accuracy on the whole training set
class TwoLayerNet:
    """Affine - ReLU - affine - softmax, organised as small layer functions."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in [("W1", (input_size, hidden_size)), ("b1", None),
                            ("W2", (hidden_size, output_size)), ("b2", None)]:
            if shape is None:
                size = hidden_size if name == "b1" else output_size
                self.params[name] = np.zeros(size)
            else:
                self.params[name] = std * np.random.randn(*shape)

    @staticmethod
    def _affine_forward(x, w, b):
        return x.dot(w) + b, (x, w)

    @staticmethod
    def _affine_backward(dout, cache):
        x, w = cache
        return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)

    @staticmethod
    def _relu_forward(x):
        return np.where(x > 0, x, 0.0), x

    @staticmethod
    def _relu_backward(dout, x):
        return np.where(x > 0, dout, 0.0)

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        hidden, cache1 = self._affine_forward(X, p["W1"], p["b1"])
        hidden, relu_cache = self._relu_forward(hidden)
        scores, cache2 = self._affine_forward(hidden, p["W2"], p["b2"])
        if y is None:
            return scores
        N = len(y)
        top = scores.max(axis=1, keepdims=True)
        log_norm = top[:, 0] + np.log(np.exp(scores - top).sum(axis=1))
        loss = np.mean(log_norm - scores[np.arange(N), y])
        loss += reg * sum(np.sum(np.square(p[k])) for k in ("W1", "W2"))
        probs = np.exp(scores - log_norm[:, None])
        one_hot = np.eye(scores.shape[1])[y]
        dscores = (probs - one_hot) / N
        dhidden, dW2, db2 = self._affine_backward(dscores, cache2)
        dpre = self._relu_backward(dhidden, relu_cache)
        _, dW1, db1 = self._affine_backward(dpre, cache1)
        return float(loss), {"W1": dW1 + 2 * reg * p["W1"], "b1": db1, "W2": dW2 + 2 * reg * p["W2"], "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.randint(num_train, size=batch_size)
            loss, grads = self.loss(X[idx], y=y[idx], reg=reg)
            history["loss_history"].append(loss)
            for key, grad in grads.items():
                self.params[key] = self.params[key] - learning_rate * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(float((self.predict(X) == y).mean()))
                history["val_acc_history"].append(float((self.predict(X_val) == y_val).mean()))
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
