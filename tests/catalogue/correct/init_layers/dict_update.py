# Style: one dict update per layer (a dict display evaluates W before b), 0.1 written first
def init_layers(nn_architecture, seed=99):
    np.random.seed(seed)
    params_values = {}
    for number, layer in zip(range(1, len(nn_architecture) + 1), nn_architecture):
        shape = (layer["output_dim"], layer["input_dim"])
        params_values.update({f"W{number}": 0.1 * np.random.randn(*shape),
                              f"b{number}": 0.1 * np.random.randn(shape[0], 1)})
    return params_values
