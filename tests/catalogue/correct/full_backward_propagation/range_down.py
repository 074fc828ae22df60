# Style: range(L, 0, -1), the clipped dA written with np.clip and plain division
def full_backward_propagation(Y_hat, Y, memory, params_values, nn_architecture):
    P = np.clip(Y_hat, 1e-12, 1 - 1e-12)
    dA = (1 - Y) / (1 - P) - Y / P
    grads_values = {}
    for l in range(len(nn_architecture), 0, -1):
        dA, dW, db = single_layer_backward_propagation(dA, params_values["W%d" % l], params_values["b%d" % l],
                                                       memory["Z%d" % l], memory["A%d" % (l - 1)],
                                                       nn_architecture[l - 1]["activation"])
        grads_values["dW%d" % l] = dW
        grads_values["db%d" % l] = db
    return grads_values
