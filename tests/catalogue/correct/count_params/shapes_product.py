# Style: the shapes of the four arrays, multiplied out with NumPy (returns a NumPy integer).
def count_params(Dx, H, Dy):
    shapes = [(Dx, H), (1, H), (H, Dy), (1, Dy)]
    return np.sum([np.prod(shape) for shape in shapes])
