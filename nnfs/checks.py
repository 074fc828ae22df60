"""Friendly checks used by the notebooks' tests.

Each failed check says what was checked, on which input, what was expected,
what came back and, when the answer matches a known wrong formula, the likely
mistake. Messages never contain test source code.
"""

import warnings

import numpy as np

_PRINT_OPTIONS = {"precision": 8, "threshold": 20, "edgeitems": 3, "max_line_width": 100}


def call_quietly(function, *args, **kwargs):
    """Call `function`, silencing NumPy's floating-point warnings.

    nbgrader gives zero to a test cell that writes to stderr, so an overflow
    warning from a correct answer (1 / (1 + exp(1000))) must not reach it.
    """
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


def _show(value):
    if isinstance(value, np.ndarray):
        return np.array2string(value, **_PRINT_OPTIONS)
    return repr(value)


def _matches(got, value, rtol, atol):
    value = np.asarray(value, dtype=float)
    return got.shape == value.shape and np.allclose(got, value, rtol=rtol, atol=atol)


def assert_close(what, got, expected, *, on, mistakes=(), rtol=1e-6, atol=1e-8):
    """Assert that `got` equals `expected` within tolerance, shape and all.

    - what: the expression checked, e.g. "sigmoid(x)"
    - on: the input, in words, e.g. "x = [[1, 2], [-1, -2]]"
    - mistakes: pairs (description, value a wrong formula gives); when `got`
      matches one, the message names that mistake
    """
    expected = np.asarray(expected, dtype=float)
    try:
        got_array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(
            f"{what} on {on} should be a number or an array of numbers, got {_show(got)}."
        ) from None
    if got_array.shape != expected.shape:
        raise AssertionError(
            f"{what} on {on} has shape {got_array.shape}, expected {expected.shape}.\n"
            "Likely mistake: the result must keep the input's shape."
        )
    if np.allclose(got_array, expected, rtol=rtol, atol=atol, equal_nan=False):
        return
    lines = [
        f"{what} is wrong on {on}.",
        f"  expected: {_show(expected)}",
        f"  got:      {_show(got_array)}",
    ]
    if not np.all(np.isfinite(got_array)):
        lines.append("Likely mistake: the result contains inf or nan (overflow in exp?).")
    for description, value in mistakes:
        if _matches(got_array, value, rtol, atol):
            lines.append(f"Likely mistake: {description}.")
            break
    raise AssertionError("\n".join(lines))


def assert_unchanged(what, before, after):
    """Assert that a function left its input array as it was."""
    if not np.array_equal(np.asarray(before), np.asarray(after)):
        raise AssertionError(
            f"{what} changed its input: before the call {_show(np.asarray(before))}, "
            f"after {_show(np.asarray(after))}.\n"
            "Likely mistake: an in-place operation (x *= ..., out=x) on the argument; work on a copy."
        )


def assert_float_result(what, got, on):
    """Assert that `got` is a floating-point number or array (not ints, not a list)."""
    if not np.issubdtype(np.asarray(got).dtype, np.floating) or isinstance(got, (list, tuple)):
        raise AssertionError(
            f"{what} on {on} should return floats (a float or a float ndarray), "
            f"got {type(got).__name__} {_show(got)}."
        )


def unpack_result(what, result, names, *, on):
    """Split a returned tuple into its parts, e.g. names=("loss", "dlogits").

    Fails, saying what came back, when `result` is not a tuple (or list) of
    len(names) items.
    """
    if not isinstance(result, (tuple, list)) or len(result) != len(names):
        raise AssertionError(
            f"{what} on {on} should return a tuple ({', '.join(names)}), "
            f"got {type(result).__name__} {_show(result)}."
        )
    return tuple(result)


def assert_number(what, got, *, on, hint=None):
    """Assert that `got` is one real number (Python or NumPy scalar, or a 0-d array)."""
    try:
        value = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        value = None
    if value is None or value.shape != ():
        lines = [f"{what} on {on} should be a single number, got {type(got).__name__} {_show(got)}."]
        if hint:
            lines.append(f"Likely mistake: {hint}.")
        raise AssertionError("\n".join(lines))


def call_capturing(function, *args, **kwargs):
    """Like `call_quietly`, and also capture what `function` prints.

    Returns (result, printed text).
    """
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        result = call_quietly(function, *args, **kwargs)
    return result, buffer.getvalue()


def assert_verdict(what, got, expected, *, on, hint=None):
    """Assert that a check returned the boolean `expected` (Python's or NumPy's bool).

    - hint: the likely mistake when the verdict is the opposite of `expected`
    """
    if not isinstance(got, (bool, np.bool_)):
        raise AssertionError(
            f"{what} on {on} returned {type(got).__name__} {_show(got)}; it should return True or False.\n"
            "Likely mistake: printing the verdict without returning it (a function without return gives None)."
        )
    if bool(got) != expected:
        lines = [f"{what} returned {bool(got)} on {on}, expected {expected}."]
        if hint:
            lines.append(f"Likely mistake: {hint}.")
        raise AssertionError("\n".join(lines))


def assert_shape(what, got, expected_shape, *, on, hint):
    """Assert that `got` is an array of shape `expected_shape`.

    - hint: the likely mistake when the shape differs, e.g. "sum over axis=0"
    """
    try:
        shape = np.shape(got)
    except ValueError:  # a ragged list of arrays
        shape = None
    if shape != tuple(expected_shape):
        found = f"shape {shape}" if shape is not None else f"a ragged {type(got).__name__}"
        raise AssertionError(
            f"{what} on {on} has {found}, expected shape {tuple(expected_shape)}.\n"
            f"Likely mistake: {hint}."
        )


def assert_integer_result(what, got, *, on, hint):
    """Assert that `got` is an integer or an ndarray of integers (not floats, not bools).

    - hint: the likely mistake when it is not
    """
    is_int = isinstance(got, (int, np.integer)) and not isinstance(got, (bool, np.bool_))
    is_int_array = isinstance(got, np.ndarray) and np.issubdtype(got.dtype, np.integer)
    if not (is_int or is_int_array):
        raise AssertionError(
            f"{what} on {on} should give integers, got {type(got).__name__} {_show(got)}"
            + (f" of dtype {got.dtype}" if isinstance(got, np.ndarray) else "")
            + f".\nLikely mistake: {hint}."
        )


def assert_gradient_close(what, got, expected, *, on, blocks, hints=None, mistakes=(), rtol=1e-5, atol=1e-7):
    """Compare a flat gradient made of named blocks with the expected one.

    - blocks: [(name, shape), ...] in the order they are stacked, e.g. [("W1", (Dx, H)), ("b1", (1, H))]
    - hints: {tuple of the names of the wrong blocks: likely mistake}, e.g. {("W1", "b1"): "..."}
    - mistakes: pairs (description, value a wrong formula gives), as in assert_close
    When they differ the message says which blocks are wrong and which are right.
    """
    sizes = [int(np.prod(shape)) for _, shape in blocks]
    layout = ", ".join(f"{name} {tuple(shape)}" for name, shape in blocks)
    assert_shape(what, got, (sum(sizes),), on=on,
                 hint=f"the gradient must be one flat array of {sum(sizes)} numbers: {layout}, "
                      "each block flattened, stacked in that order (a bias gradient summed over "
                      "the wrong axis, or a block left out, changes the length)")
    got = np.asarray(got, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if np.allclose(got, expected, rtol=rtol, atol=atol):
        return
    ends = np.cumsum([0] + sizes)
    wrong = tuple(name for (name, _), start, end in zip(blocks, ends[:-1], ends[1:])
                  if not np.allclose(got[start:end], expected[start:end], rtol=rtol, atol=atol))
    right = [name for name, _ in blocks if name not in wrong]
    lines = [
        f"{what} is wrong on {on}.",
        f"  wrong in {', '.join(wrong)}" + (f"; right in {', '.join(right)}." if right else "."),
        f"  expected: {_show(expected)}",
        f"  got:      {_show(got)}",
    ]
    if not np.all(np.isfinite(got)):
        lines.append("Likely mistake: the result contains inf or nan (overflow in exp?).")
    for description, value in mistakes:
        if _matches(got, value, rtol, atol):
            lines.append(f"Likely mistake: {description}.")
            break
    else:
        if hints and wrong in hints:
            lines.append(f"Likely mistake: {hints[wrong]}.")
    raise AssertionError("\n".join(lines))


def assert_finite(what, got, *, on, hint):
    """Assert that every number in `got` is finite (no inf, no nan); `hint` names the likely mistake."""
    try:
        finite = bool(np.all(np.isfinite(np.asarray(got, dtype=float))))
    except (TypeError, ValueError):
        return  # not numbers: the value checks that follow say so
    if not finite:
        raise AssertionError(
            f"{what} on {on} contains inf or nan: got {_show(got)}.\nLikely mistake: {hint}."
        )


def call_or_fail(what, function, *args, on, hint, **kwargs):
    """Call `function` quietly; when it raises, fail saying what was called, on what, the error and `hint`.

    - hint: the likely mistake when the call raises, e.g. "config=None must become a dict of defaults"
    """
    try:
        return call_quietly(function, *args, **kwargs)
    except Exception as error:  # the student's code raised: say so readably
        detail = str(error) if type(error).__name__ == "RemoteError" else f"{type(error).__name__}: {error}"
        raise AssertionError(f"{what} on {on} raised {detail}\nLikely mistake: {hint}.") from None


def dict_item(what, got, key, *, on, hint=None):
    """`got[key]`, failing readably when `got` is not a dict or has no `key`.

    - what: the dict checked, e.g. "the config sgd_momentum returns"
    - hint: the likely mistake when the key is missing
    """
    if not isinstance(got, dict):
        raise AssertionError(f"{what} on {on} should be a dict, got {type(got).__name__} {_show(got)}.")
    if key not in got:
        lines = [f"{what} on {on} has no key {key!r}; its keys: {sorted(str(k) for k in got)}."]
        if hint:
            lines.append(f"Likely mistake: {hint}.")
        raise AssertionError("\n".join(lines))
    return got[key]
