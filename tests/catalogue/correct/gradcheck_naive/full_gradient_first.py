# Style: the whole numerical gradient first (flat view, try/finally restore), then a vectorised comparison.
import random


def gradcheck_naive(f, x):
    state = random.getstate()
    random.setstate(state)
    _, grad = f(x)
    grad = np.asarray(grad, dtype=float)
    h = 1e-4
    flat = x.reshape(-1)  # a view: changing flat changes x
    numerical = np.zeros(flat.size)
    for i in range(flat.size):
        old = flat[i]
        try:
            flat[i] = old + h
            random.setstate(state)
            f_plus, _ = f(x)
            flat[i] = old - h
            random.setstate(state)
            f_minus, _ = f(x)
        finally:
            flat[i] = old
        numerical[i] = (f_plus - f_minus) / (2 * h)
    analytic = grad.reshape(-1)
    errors = np.abs(numerical - analytic) / np.maximum(1.0, np.maximum(np.abs(numerical), np.abs(analytic)))
    bad = np.flatnonzero(errors > 1e-5)
    if bad.size:
        first = bad[0]
        print("Gradient check failed.")
        print(f"First gradient error found at index {np.unravel_index(first, x.shape)}")
        print(f"Your gradient: {analytic[first]}  Numerical gradient: {numerical[first]}")
    else:
        print("Gradient check passed!")
    return np.all(errors <= 1e-5)
