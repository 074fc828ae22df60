# Mistake: counts the weight matrices only.
# Feedback: the biases are not counted
def count_params(Dx, H, Dy):
    return Dx * H + H * Dy
