# Style: preallocated NumPy histories converted to lists at the end, verbose printing with print()
def train(X, Y, nn_architecture, epochs, learning_rate, verbose=False):
    params = init_layers(nn_architecture, seed=2)
    costs, accuracies = np.zeros(epochs), np.zeros(epochs)
    for epoch in range(epochs):
        Y_hat, cache = full_forward_propagation(X, params, nn_architecture)
        costs[epoch] = get_cost_value(Y_hat, Y)
        accuracies[epoch] = get_accuracy_value(Y_hat, Y)
        grads = full_backward_propagation(Y_hat, Y, cache, params, nn_architecture)
        params = update(params, grads, nn_architecture, learning_rate)
        if verbose and epoch % 50 == 0:
            print("epoch", epoch, "cost", costs[epoch], "accuracy", accuracies[epoch])
    return params, costs.tolist(), accuracies.tolist()
