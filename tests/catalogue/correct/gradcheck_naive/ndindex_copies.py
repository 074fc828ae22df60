# Style: np.ndindex over the indices, each perturbation on a fresh copy of x (x itself is never touched).
import random


def gradcheck_naive(f, x):
    state = random.getstate()
    random.setstate(state)
    cost, grad = f(x)
    grad = np.asarray(grad)
    h = 1e-4
    for ix in np.ndindex(x.shape):
        x_plus = x.copy()
        x_plus[ix] += h
        x_minus = x.copy()
        x_minus[ix] -= h
        random.setstate(state)
        f_plus = f(x_plus)[0]
        random.setstate(state)
        f_minus = f(x_minus)[0]
        numerical = (f_plus - f_minus) / (2 * h)
        analytic = grad[ix]
        if abs(numerical - analytic) / max(1.0, abs(numerical), abs(analytic)) > 1e-5:
            print("Gradient check failed.")
            print("First gradient error found at index", ix)
            print("Your gradient:", analytic, "Numerical gradient:", numerical)
            return False
    print("Gradient check passed!")
    return True
