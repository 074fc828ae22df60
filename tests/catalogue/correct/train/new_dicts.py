# Style: a while loop, and a new parameter dict at each step (without calling update)
def train(X, Y, nn_architecture, epochs, learning_rate, verbose=False):
    params_values = init_layers(nn_architecture, 2)
    cost_history, accuracy_history = [], []
    epoch = 0
    while epoch < epochs:
        Y_hat, memory = full_forward_propagation(X, params_values, nn_architecture)
        cost_history.append(get_cost_value(Y_hat, Y))
        accuracy_history.append(get_accuracy_value(Y_hat, Y))
        grads = full_backward_propagation(Y_hat, Y, memory, params_values, nn_architecture)
        params_values = {k: v - learning_rate * grads["d" + k] for k, v in params_values.items()}
        epoch += 1
    return params_values, cost_history, accuracy_history
