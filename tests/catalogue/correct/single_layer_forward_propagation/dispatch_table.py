# Style: a dict of activation functions, the @ operator
ACTIVATIONS = {"relu": relu, "sigmoid": sigmoid}


def single_layer_forward_propagation(A_prev, W_curr, b_curr, activation="relu"):
    Z_curr = W_curr @ A_prev + b_curr
    return ACTIVATIONS[activation](Z_curr), Z_curr
