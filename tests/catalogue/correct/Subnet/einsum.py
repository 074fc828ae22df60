# Style: einsum everywhere, tanh derivative from cosh
class Subnet:
    def __init__(self, d, hidden, rng):
        W1 = rng.standard_normal((d, hidden)) / np.sqrt(d)
        W2 = rng.standard_normal((hidden, hidden)) / np.sqrt(hidden)
        W3 = rng.standard_normal((hidden, d)) / np.sqrt(hidden)
        self.params = {"W1": W1, "b1": np.zeros(hidden), "W2": W2, "b2": np.zeros(hidden), "W3": W3, "b3": np.zeros(d)}
        self.grads = {}

    def forward(self, x):
        p = self.params
        a1 = np.einsum("bi,ij->bj", x, p["W1"]) + p["b1"]
        a2 = np.einsum("bi,ij->bj", np.tanh(a1), p["W2"]) + p["b2"]
        self._x, self._a1, self._a2 = x, a1, a2
        return np.einsum("bi,ij->bj", np.tanh(a2), p["W3"]) + p["b3"]

    def backward(self, dz):
        p, x, a1, a2 = self.params, self._x, self._a1, self._a2
        h1, h2 = np.tanh(a1), np.tanh(a2)
        g = {"W3": np.einsum("bi,bj->ij", h2, dz), "b3": np.einsum("bj->j", dz)}
        da2 = np.einsum("bj,ij->bi", dz, p["W3"]) / np.cosh(a2) ** 2
        g["W2"], g["b2"] = np.einsum("bi,bj->ij", h1, da2), np.einsum("bj->j", da2)
        da1 = np.einsum("bj,ij->bi", da2, p["W2"]) / np.cosh(a1) ** 2
        g["W1"], g["b1"] = np.einsum("bi,bj->ij", x, da1), np.einsum("bj->j", da1)
        self.grads = g
        return np.einsum("bj,ij->bi", da1, p["W1"])
