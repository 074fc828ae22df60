# Mistake: writes the gradient into the params array it was given (grad = params is not a copy).
# Feedback: changed its input
def forward_backward_prop(data, labels, params, dimensions):
    Dx, H, Dy = dimensions
    M = data.shape[0]
    W1 = params[:Dx * H].reshape(Dx, H)
    b1 = params[Dx * H:(Dx + 1) * H].reshape(1, H)
    W2 = params[(Dx + 1) * H:(Dx + 1) * H + H * Dy].reshape(H, Dy)
    b2 = params[(Dx + 1) * H + H * Dy:].reshape(1, Dy)
    h = sigmoid(data @ W1 + b1)
    y_hat = softmax(h @ W2 + b2)
    cost = -np.sum(labels * np.log(y_hat)) / M
    d3 = (y_hat - labels) / M
    d2 = (d3 @ W2.T) * sigmoid_grad(h)
    gW1, gb1, gW2, gb2 = data.T @ d2, d2.sum(axis=0), h.T @ d3, d3.sum(axis=0)
    grad = params
    grad[:Dx * H] = gW1.ravel()
    grad[Dx * H:(Dx + 1) * H] = gb1
    grad[(Dx + 1) * H:(Dx + 1) * H + H * Dy] = gW2.ravel()
    grad[(Dx + 1) * H + H * Dy:] = gb2
    return cost, grad
