# Mistake: one bias per input unit of each layer instead of one per output unit (right only when Dx == Dy).
# Feedback: one bias per unit of the layer's input
def count_params(Dx, H, Dy):
    return Dx * (H + 1) + H * (Dy + 1)
