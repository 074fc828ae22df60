# Style: Nielsen's stored zs with sigmoid'(z) from z, einsum for the batch sums, lists built in reverse
class Network:
    def __init__(self, sizes):
        self.num_layers = len(sizes)
        self.sizes = list(sizes)
        self.biases = []
        for y in sizes[1:]:
            self.biases.append(np.random.randn(y, 1))
        self.weights = []
        for x, y in zip(sizes[:-1], sizes[1:]):
            self.weights.append(np.random.randn(y, x))

    def feedforward(self, a):
        for b, w in zip(self.biases, self.weights):
            a = sigmoid(np.dot(w, a) + b)
        return a

    def _forward(self, A):
        zs, activations = [], [A]
        for b, w in zip(self.biases, self.weights):
            zs.append(np.dot(w, activations[-1]) + b)
            activations.append(sigmoid(zs[-1]))
        return zs, activations

    def backprop(self, x, y):
        zs, activations = self._forward(x)
        prime = lambda z: sigmoid(z) * (1 - sigmoid(z))
        delta = (activations[-1] - y) * prime(zs[-1])
        nabla_b, nabla_w = [delta], [np.outer(delta, activations[-2])]
        for l in range(2, self.num_layers):
            delta = np.dot(self.weights[-l + 1].T, delta) * prime(zs[-l])
            nabla_b.insert(0, delta)
            nabla_w.insert(0, np.outer(delta, activations[-l - 1]))
        return nabla_b, nabla_w

    def backprop_matrix(self, X, Y):
        zs, activations = self._forward(X)
        prime = lambda z: sigmoid(z) * (1 - sigmoid(z))
        delta = (activations[-1] - Y) * prime(zs[-1])
        nabla_b = [np.einsum("ik->i", delta)[:, None]]
        nabla_w = [np.einsum("ik,jk->ij", delta, activations[-2])]
        for l in range(2, self.num_layers):
            delta = np.einsum("ji,jk->ik", self.weights[-l + 1], delta) * prime(zs[-l])
            nabla_b.insert(0, np.einsum("ik->i", delta)[:, None])
            nabla_w.insert(0, np.einsum("ik,jk->ij", delta, activations[-l - 1]))
        return nabla_b, nabla_w

    def update_mini_batch(self, mini_batch, eta):
        X = np.concatenate([x for x, _ in mini_batch], axis=1)
        Y = np.concatenate([y for _, y in mini_batch], axis=1)
        nabla_b, nabla_w = self.backprop_matrix(X, Y)
        m = len(mini_batch)
        for i in range(len(self.weights)):
            self.weights[i] = self.weights[i] - (eta / m) * nabla_w[i]
            self.biases[i] = self.biases[i] - (eta / m) * nabla_b[i]

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
