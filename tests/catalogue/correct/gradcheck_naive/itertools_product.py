# Style: itertools.product over the index ranges, assigning x[ix] = old +- h and restoring old exactly.
import itertools
import random


def gradcheck_naive(f, x):
    saved = random.getstate()

    def call(point):
        random.setstate(saved)
        return f(point)

    _, grad = call(x)
    h = 1e-4
    for ix in itertools.product(*(range(n) for n in x.shape)):
        old = float(x[ix])
        x[ix] = old + h
        up = call(x)[0]
        x[ix] = old - h
        down = call(x)[0]
        x[ix] = old
        num = (up - down) / (2 * h)
        ana = float(np.asarray(grad)[ix])
        rel = abs(num - ana) / max(1, abs(num), abs(ana))
        if rel > 1e-5:
            print("Gradient check failed.")
            print("First gradient error found at index %s" % (ix,))
            print("Your gradient: %f \t Numerical gradient: %f" % (ana, num))
            return False
    print("Gradient check passed!")
    return True
