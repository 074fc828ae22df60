# Style: einsum for every product, the derivatives written inline, mean for db
def single_layer_backward_propagation(dA_curr, W_curr, b_curr, Z_curr, A_prev, activation="relu"):
    if activation == "relu":
        dZ = dA_curr * (Z_curr > 0)
    else:
        s = 1 / (1 + np.exp(-Z_curr))
        dZ = dA_curr * s * (1 - s)
    m = A_prev.shape[1]
    dW = np.einsum("im,jm->ij", dZ, A_prev) / m
    db = dZ.mean(axis=1, keepdims=True)
    dA_prev = np.einsum("ij,im->jm", W_curr, dZ)
    return dA_prev, dW, db
