# Mistake: returns the four gradient arrays in a list instead of one flat vector.
# Feedback: one flat array
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
    return cost, [data.T @ d2, d2.sum(axis=0, keepdims=True), h.T @ d3, d3.sum(axis=0, keepdims=True)]
