# Style: every block counted separately: W1, b1, W2, b2.
def count_params(Dx, H, Dy):
    return Dx * H + H + H * Dy + Dy
