# Style: einsum for every product, the provided softmax with a log of the true-class probability, a counter for the epochs, parameters replaced rather than updated in place
class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.randn(input_size, hidden_size) * std
        b1 = np.zeros((hidden_size,))
        W2 = np.random.randn(hidden_size, output_size) * std
        b2 = np.zeros((output_size,))
        self.params = dict(W1=W1, b1=b1, W2=W2, b2=b2)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        z1 = np.einsum("nd,dh->nh", X, W1) + b1
        active = z1 > 0
        a1 = z1 * active
        scores = np.einsum("nh,hc->nc", a1, W2) + b2
        if y is None:
            return scores
        N = X.shape[0]
        probs = softmax(scores)
        loss = -np.log(probs[np.arange(N), y]).sum() / N + reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))
        delta = probs.copy()
        delta[np.arange(N), y] -= 1.0
        delta = delta / N
        da1 = np.einsum("nc,hc->nh", delta, W2)
        dz1 = np.where(active, da1, 0.0)
        grads = {
            "W2": np.einsum("nh,nc->hc", a1, delta) + 2.0 * reg * W2,
            "b2": np.einsum("nc->c", delta),
            "W1": np.einsum("nd,nh->dh", X, dz1) + 2.0 * reg * W1,
            "b1": np.einsum("nh->h", dz1),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        per_epoch = max(len(X) // batch_size, 1)
        losses, train_acc, val_acc = [], [], []
        done_in_epoch = 0
        lr = learning_rate
        for it in range(num_iters):
            rows = np.random.choice(len(X), batch_size, replace=True)
            Xb, yb = X[rows], y[rows]
            loss, grads = self.loss(Xb, yb, reg)
            losses.append(float(loss))
            self.params = {k: v - lr * grads[k] for k, v in self.params.items()}
            done_in_epoch += 1
            if done_in_epoch == per_epoch:
                done_in_epoch = 0
                train_acc.append(np.mean(self.predict(Xb) == yb))
                val_acc.append(np.mean(self.predict(X_val) == y_val))
                lr = lr * learning_rate_decay
            if verbose and it % 100 == 0:
                print(f"iteration {it}: {loss:.4f}")
        return {"loss_history": losses, "train_acc_history": train_acc, "val_acc_history": val_acc}

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1).astype(np.int64)
