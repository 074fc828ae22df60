# Style: separate per-layer forward/backward helpers, a loss history from calculate_loss plus the penalty, in-place np.subtract updates.
class Model:
    def __init__(self, layers_dim, seed=0):
        rng = np.random.RandomState(seed)
        pairs = list(zip(layers_dim, layers_dim[1:]))
        self.W = [rng.randn(n_in, n_out) / n_in ** 0.5 for n_in, n_out in pairs]
        self.b = [np.zeros((1, n_out)) for _, n_out in pairs]

    def _layer_forward(self, i, a):
        z = a.dot(self.W[i]) + self.b[i]
        return z if i == len(self.W) - 1 else np.tanh(z)

    def _probabilities(self, X):
        outputs = [X]
        for i in range(len(self.W)):
            outputs.append(self._layer_forward(i, outputs[-1]))
        outputs[-1] = softmax(outputs[-1])
        return outputs

    def _penalty(self):
        return sum((W * W).sum() for W in self.W) / 2

    def calculate_loss(self, X, y):
        probs = self._probabilities(X)[-1]
        correct = np.choose(y, probs.T)
        return -np.log(correct).mean()

    def loss_and_gradients(self, X, y, reg_lambda=0.0):
        outputs = self._probabilities(X)
        probs = outputs[-1]
        M = X.shape[0]
        Y = np.zeros_like(probs)
        Y[np.arange(M), y] = 1.0
        loss = -np.log(np.choose(y, probs.T)).mean() + reg_lambda * self._penalty()
        grad_z = (probs - Y) / M
        dW, db = [], []
        for i in reversed(range(len(self.W))):
            dW.append(outputs[i].T.dot(grad_z) + reg_lambda * self.W[i])
            db.append(np.ones((1, M)).dot(grad_z))
            grad_z = grad_z.dot(self.W[i].T) * (1 - outputs[i] * outputs[i])
        return loss, dW[::-1], db[::-1]

    def predict(self, X):
        return np.argmax(self._probabilities(X)[-1], axis=1)

    def train(self, X, y, num_passes=20000, epsilon=2.0, reg_lambda=5e-5, print_loss=False):
        history = []
        for k in range(num_passes):
            history.append(self.calculate_loss(X, y) + reg_lambda * self._penalty())
            _, dW, db = self.loss_and_gradients(X, y, reg_lambda)
            for W, g in zip(self.W, dW):
                np.subtract(W, epsilon * g, out=W)
            for b, g in zip(self.b, db):
                np.subtract(b, epsilon * g, out=b)
            if print_loss and k % 1000 == 0:
                print(f"pass {k}: loss {history[-1]:.5f}")
        return history
