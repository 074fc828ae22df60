# Style: in place with np.subtract(..., out=), layer numbers from range
def update(params_values, grads_values, nn_architecture, learning_rate):
    for l in range(1, len(nn_architecture) + 1):
        for name in ("W", "b"):
            np.subtract(params_values[f"{name}{l}"], learning_rate * grads_values[f"d{name}{l}"],
                        out=params_values[f"{name}{l}"])
    return params_values
