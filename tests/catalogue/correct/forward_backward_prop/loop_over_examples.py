# Style: one example at a time, accumulating the cost and the gradients, then dividing by M.
def forward_backward_prop(data, labels, params, dimensions):
    Dx, H, Dy = dimensions
    M = data.shape[0]
    W1 = params[:Dx * H].reshape(Dx, H)
    b1 = params[Dx * H:Dx * H + H]
    W2 = params[Dx * H + H:Dx * H + H + H * Dy].reshape(H, Dy)
    b2 = params[Dx * H + H + H * Dy:]

    cost = 0.0
    gW1, gb1 = np.zeros((Dx, H)), np.zeros(H)
    gW2, gb2 = np.zeros((H, Dy)), np.zeros(Dy)
    for x, y in zip(data, labels):
        h = sigmoid(x @ W1 + b1)
        y_hat = softmax(h @ W2 + b2)
        cost -= np.sum(y * np.log(y_hat))
        d3 = y_hat - y
        gW2 += np.outer(h, d3)
        gb2 += d3
        d2 = (W2 @ d3) * h * (1 - h)
        gW1 += np.outer(x, d2)
        gb1 += d2
    return cost / M, np.concatenate([gW1.ravel(), gb1, gW2.ravel(), gb2]) / M
