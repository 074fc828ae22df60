# Style: a new dict (the argument is left as it was), by a comprehension over the keys
def update(params_values, grads_values, nn_architecture, learning_rate):
    return {key: value - learning_rate * grads_values["d" + key] for key, value in params_values.items()}
