# Mistake: forgets the output layer's biases.
# Feedback: b2 is not counted
def count_params(Dx, H, Dy):
    return (Dx + 1) * H + H * Dy
