# Style: the layers written inline (no call to single_layer_forward_propagation), a while loop
def full_forward_propagation(X, params_values, nn_architecture):
    memory, A, l = {}, X, 1
    while l <= len(nn_architecture):
        Z = params_values[f"W{l}"] @ A + params_values[f"b{l}"]
        memory[f"A{l - 1}"] = A
        memory[f"Z{l}"] = Z
        A = np.maximum(Z, 0) if nn_architecture[l - 1]["activation"] == "relu" else 1 / (1 + np.exp(-Z))
        l += 1
    return A, memory
