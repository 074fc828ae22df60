# Style: np.random.seed + np.random.randn (the same numbers as RandomState), einsum, tanh' = 1 / cosh(z)^2 from the pre-activations, flat bias gradients.
class Model:
    def __init__(self, layers_dim, seed=0):
        np.random.seed(seed)
        self.W = []
        self.b = []
        for i in range(len(layers_dim) - 1):
            self.W.append(np.random.randn(layers_dim[i], layers_dim[i + 1]) / np.sqrt(layers_dim[i]))
            self.b.append(np.zeros((1, layers_dim[i + 1])))

    def _forward(self, X):
        zs, activations = [], [X]
        for i in range(len(self.W)):
            z = np.einsum("mi,ij->mj", activations[-1], self.W[i]) + self.b[i]
            zs.append(z)
            if i < len(self.W) - 1:
                activations.append(np.tanh(z))
        probs = np.exp(z - z.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        return zs, activations, probs

    def calculate_loss(self, X, y):
        probs = self._forward(X)[2]
        return float(np.mean(-np.log(probs[range(len(y)), y])))

    def loss_and_gradients(self, X, y, reg_lambda=0.0):
        zs, activations, probs = self._forward(X)
        M = len(y)
        loss = np.mean(-np.log(probs[range(M), y]))
        for W in self.W:
            loss += reg_lambda / 2 * np.einsum("ij,ij->", W, W)
        delta = probs
        delta[range(M), y] -= 1
        delta = delta / M
        dW, db = [], []
        for i in range(len(self.W) - 1, -1, -1):
            dW.insert(0, np.einsum("mi,mj->ij", activations[i], delta) + reg_lambda * self.W[i])
            db.insert(0, delta.sum(axis=0))
            if i > 0:
                delta = np.einsum("mj,ij->mi", delta, self.W[i]) / np.cosh(zs[i - 1]) ** 2
        return loss, dW, db

    def predict(self, X):
        return self._forward(X)[2].argmax(axis=1)

    def train(self, X, y, num_passes=20000, epsilon=2.0, reg_lambda=5e-5, print_loss=False):
        losses = []
        for k in range(num_passes):
            loss, dW, db = self.loss_and_gradients(X, y, reg_lambda)
            for i in range(len(self.W)):
                self.W[i] = self.W[i] - epsilon * dW[i]
                self.b[i] = self.b[i] - epsilon * db[i]
            losses.append(loss)
            if print_loss and k % 1000 == 0:
                print(k, loss)
        return losses
