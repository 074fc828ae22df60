# Mistake: forgets the hidden layer's biases.
# Feedback: b1 is not counted
def count_params(Dx, H, Dy):
    return Dx * H + (H + 1) * Dy
