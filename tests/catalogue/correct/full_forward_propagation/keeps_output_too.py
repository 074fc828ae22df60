# Style: memory also keeps the output A{L} (an extra key), enumerate from 1
def full_forward_propagation(X, params_values, nn_architecture):
    memory = {"A0": X}
    A = X
    for l, layer in enumerate(nn_architecture, start=1):
        A, memory[f"Z{l}"] = single_layer_forward_propagation(A, params_values[f"W{l}"], params_values[f"b{l}"],
                                                              activation=layer["activation"])
        memory[f"A{l}"] = A
    return A, memory
