# Style: summed cost and gradients, scaled by 1/M at the end; bias gradients as ones @ delta; a shape table.
def forward_backward_prop(data, labels, params, dimensions):
    Dx, H, Dy = dimensions
    M = data.shape[0]
    shapes = {"W1": (Dx, H), "b1": (1, H), "W2": (H, Dy), "b2": (1, Dy)}
    p, start = {}, 0
    for name, shape in shapes.items():
        size = shape[0] * shape[1]
        p[name] = params[start:start + size].reshape(shape)
        start += size

    z1 = np.dot(data, p["W1"]) + p["b1"]
    a1 = sigmoid(z1)
    probs = softmax(np.dot(a1, p["W2"]) + p["b2"])
    true_class = np.argmax(labels, axis=1)
    total = -np.sum(np.log(probs[np.arange(M), true_class]))

    delta = probs.copy()
    delta[np.arange(M), true_class] -= 1
    ones = np.ones(M)
    g = {"W2": a1.T.dot(delta), "b2": ones.dot(delta)}
    delta = delta.dot(p["W2"].T) * sigmoid_grad(a1)
    g["W1"] = data.T.dot(delta)
    g["b1"] = ones.dot(delta)
    grad = np.hstack([g[name].flatten() for name in shapes])
    return total / M, grad / M
