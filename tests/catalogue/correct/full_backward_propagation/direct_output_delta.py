# Style: dZ_L = Y_hat - Y for the sigmoid output (exact and finite), the hidden layers through single_layer_backward_propagation
def full_backward_propagation(Y_hat, Y, memory, params_values, nn_architecture):
    L = len(nn_architecture)
    m = Y_hat.shape[1]
    grads = {}
    dZ = Y_hat - Y.reshape(Y_hat.shape)
    grads[f"dW{L}"] = dZ @ memory[f"A{L - 1}"].T / m
    grads[f"db{L}"] = dZ.sum(axis=1, keepdims=True) / m
    dA = params_values[f"W{L}"].T @ dZ
    for l in range(L - 1, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = single_layer_backward_propagation(
            dA, params_values[f"W{l}"], params_values[f"b{l}"], memory[f"Z{l}"], memory[f"A{l - 1}"],
            nn_architecture[l - 1]["activation"])
    return grads
