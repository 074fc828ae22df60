# Mistake: predict returns the probabilities instead of the classes.
# Feedback: one class per row
class Model:
    def __init__(self, layers_dim, seed=0):
        rng = np.random.RandomState(seed)
        self.W = [rng.randn(d_in, d_out) / np.sqrt(d_in) for d_in, d_out in zip(layers_dim[:-1], layers_dim[1:])]
        self.b = [np.zeros((1, d_out)) for d_out in layers_dim[1:]]

    def forward(self, X):
        activations = [X]
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = activations[-1] @ W + b
            activations.append(np.tanh(z) if i < len(self.W) - 1 else softmax(z))
        return activations

    def calculate_loss(self, X, y):
        probs = self.forward(X)[-1]
        return -np.mean(np.log(probs[np.arange(len(y)), y]))

    def loss_and_gradients(self, X, y, reg_lambda=0.0):
        M = len(y)
        activations = self.forward(X)
        probs = activations[-1]
        loss = -np.mean(np.log(probs[np.arange(M), y])) + reg_lambda / 2 * sum(np.sum(W ** 2) for W in self.W)
        delta = probs.copy()
        delta[np.arange(M), y] -= 1
        delta /= M
        dW, db = [None] * len(self.W), [None] * len(self.b)
        for i in reversed(range(len(self.W))):
            dW[i] = activations[i].T @ delta + reg_lambda * self.W[i]
            db[i] = delta.sum(axis=0, keepdims=True)
            if i > 0:
                delta = (delta @ self.W[i].T) * (1 - activations[i] ** 2)
        return loss, dW, db

    def predict(self, X):
        return self.forward(X)[-1]

    def train(self, X, y, num_passes=20000, epsilon=2.0, reg_lambda=5e-5, print_loss=False):
        losses = []
        for k in range(num_passes):
            loss, dW, db = self.loss_and_gradients(X, y, reg_lambda)
            for i in range(len(self.W)):
                self.W[i] -= epsilon * dW[i]
                self.b[i] -= epsilon * db[i]
            losses.append(loss)
            if print_loss and k % 1000 == 0:
                print(f"Loss after pass {k}: {loss:.6f}")
        return losses
