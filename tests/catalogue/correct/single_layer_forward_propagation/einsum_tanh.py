# Style: einsum for W A, sigmoid through the tanh identity, ReLU with np.where
def single_layer_forward_propagation(A_prev, W_curr, b_curr, activation="relu"):
    Z_curr = np.einsum("ij,jm->im", W_curr, A_prev) + b_curr
    if activation == "sigmoid":
        A_curr = 0.5 * (1.0 + np.tanh(0.5 * Z_curr))
    elif activation == "relu":
        A_curr = np.where(Z_curr > 0, Z_curr, 0.0)
    else:
        raise ValueError(activation)
    return A_curr, Z_curr
