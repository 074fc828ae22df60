# Style: np.random.normal(0, 0.1, size) (the same legacy stream as randn * 0.1), f-string keys, index loop
def init_layers(nn_architecture, seed=99):
    np.random.seed(seed)
    params = {}
    for i in range(len(nn_architecture)):
        layer = nn_architecture[i]
        params[f"W{i + 1}"] = np.random.normal(0.0, 0.1, size=(layer["output_dim"], layer["input_dim"]))
        params[f"b{i + 1}"] = np.random.normal(0.0, 0.1, size=(layer["output_dim"], 1))
    return params
