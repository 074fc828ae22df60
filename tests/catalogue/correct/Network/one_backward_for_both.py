# Style: one shared routine for any number of columns (backprop is backprop_matrix on one column), ones-vector bias sums
class Network:
    def __init__(self, sizes):
        self.num_layers = len(sizes)
        self.sizes = list(sizes)
        self.biases = [np.random.randn(n, 1) for n in sizes[1:]]
        self.weights = [np.random.randn(n_out, n_in) for n_in, n_out in zip(sizes[:-1], sizes[1:])]

    def feedforward(self, a):
        for b, w in zip(self.biases, self.weights):
            a = sigmoid(w.dot(a) + b)
        return a

    def _gradients(self, X, Y):
        acts = [np.asarray(X, dtype=float)]
        for b, w in zip(self.biases, self.weights):
            acts.append(sigmoid(w.dot(acts[-1]) + b))
        ones = np.ones((acts[0].shape[1], 1))
        L = len(self.weights)
        nabla_b, nabla_w = [None] * L, [None] * L
        delta = self.cost_derivative(acts[L], Y) * acts[L] * (1 - acts[L])
        for i in range(L - 1, -1, -1):
            nabla_b[i] = delta.dot(ones)
            nabla_w[i] = delta.dot(acts[i].T)
            if i:
                delta = self.weights[i].T.dot(delta) * acts[i] * (1 - acts[i])
        return nabla_b, nabla_w

    def backprop(self, x, y):
        return self._gradients(x, y)

    def backprop_matrix(self, X, Y):
        return self._gradients(X, Y)

    def update_mini_batch(self, mini_batch, eta):
        X = np.hstack([pair[0] for pair in mini_batch])
        Y = np.hstack([pair[1] for pair in mini_batch])
        nabla_b, nabla_w = self._gradients(X, Y)
        rate = eta / len(mini_batch)
        self.weights = [w - rate * g for w, g in zip(self.weights, nabla_w)]
        self.biases = [b - rate * g for b, g in zip(self.biases, nabla_b)]

    def SGD(self, training_data, epochs, mini_batch_size, eta, test_data=None):
        training_data = list(training_data)
        history = []
        for epoch in range(epochs):
            random.shuffle(training_data)
            for k in range(0, len(training_data), mini_batch_size):
                self.update_mini_batch(training_data[k:k + mini_batch_size], eta)
            if test_data:
                history.append(self.evaluate(test_data))
        return history

    def evaluate(self, test_data):
        return sum(int(np.argmax(self.feedforward(x)) == y) for x, y in test_data)

    def cost_derivative(self, output_activations, y):
        return output_activations - y
