"""Plots and toy datasets for the notebooks: decision boundaries, loss curves, spirals.

Every function draws on a Matplotlib `ax` (a new figure when `ax` is None)
and returns that `ax`, so plots can be combined in a grid of subplots.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

# One colour per class: points in full colour, regions in a light version.
CLASS_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"]
REGION_COLOURS = ["#c6dbef", "#f4c2c2", "#c7e9c0", "#fdd0a2", "#dadaeb"]


def _axes(ax):
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4))
    return ax


def grid_points(X, steps=200, margin=0.5):
    """A regular grid of points covering the data, for drawing class regions.

    Inputs:
    - X: 2-D points, shape (M, 2)
    - steps: grid points along each axis
    - margin: how far the grid extends beyond the data, in data units

    Returns:
    - xx, yy: grid coordinates, each of shape (steps, steps)
    - points: the same grid as rows, shape (steps * steps, 2)
    """
    x_min, y_min = X.min(axis=0) - margin
    x_max, y_max = X.max(axis=0) + margin
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, steps), np.linspace(y_min, y_max, steps))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def plot_data(X, y, ax=None, title=None):
    """Scatter plot of 2-D points coloured by class.

    Inputs:
    - X: points, shape (M, 2)
    - y: integer class of each point, shape (M,), values 0 .. 4
    - ax: Matplotlib axes to draw on (None: a new figure)
    - title: axes title, or None
    """
    ax = _axes(ax)
    y = np.asarray(y)
    colours = ListedColormap(CLASS_COLOURS[: max(int(y.max()) + 1, 2)])
    ax.scatter(X[:, 0], X[:, 1], c=y, cmap=colours, vmin=-0.5, vmax=colours.N - 0.5,
               s=18, edgecolors="k", linewidths=0.4)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return ax


def plot_decision_boundary(predict, X, y, ax=None, title=None):
    """Colour the plane by the class `predict` gives each point, then plot the data on top.

    Inputs:
    - predict: function taking points of shape (K, 2) and returning K integer classes, shape (K,)
    - X: data points, shape (M, 2); the plotted region covers them with a margin
    - y: integer class of each data point, shape (M,)
    - ax: Matplotlib axes to draw on (None: a new figure)
    - title: axes title, or None
    """
    ax = _axes(ax)
    xx, yy, points = grid_points(X)
    classes = np.asarray(predict(points)).reshape(xx.shape)
    n_classes = max(int(np.max(y)), int(classes.max())) + 1
    regions = ListedColormap(REGION_COLOURS[: max(n_classes, 2)])
    ax.contourf(xx, yy, classes, levels=np.arange(-0.5, regions.N), cmap=regions)
    ax.contour(xx, yy, classes, levels=np.arange(0.5, n_classes - 1), colors="k", linewidths=0.8)
    return plot_data(X, y, ax=ax, title=title)


def plot_loss_history(losses, ax=None, title=None, label=None):
    """The loss against the training pass, on a log scale.

    Inputs:
    - losses: one loss per pass, shape (num_passes,)
    - ax: Matplotlib axes to draw on (None: a new figure)
    - title: axes title, or None
    - label: legend label for this curve, or None
    """
    ax = _axes(ax)
    ax.semilogy(np.arange(1, len(losses) + 1), losses, label=label)
    ax.set_xlabel("pass")
    ax.set_ylabel("loss")
    ax.grid(alpha=0.3, which="both")
    if title:
        ax.set_title(title)
    if label:
        ax.legend()
    return ax


def make_spiral(n_per_class=100, n_classes=3, noise=0.2, random_state=0):
    """CS231n's spiral: `n_classes` interleaved arms in the plane, not linearly separable.

    Inputs:
    - n_per_class: points in each arm
    - n_classes: number of arms (classes)
    - noise: standard deviation of the noise added to each point's angle
    - random_state: seed of the generator

    Returns:
    - X: points, shape (n_per_class * n_classes, 2)
    - y: integer class of each point, shape (n_per_class * n_classes,)
    """
    rng = np.random.default_rng(random_state)
    radius = np.tile(np.linspace(0.0, 1.0, n_per_class), n_classes)
    y = np.repeat(np.arange(n_classes), n_per_class)
    angle = y * 4.0 + radius * 4.0 + rng.normal(scale=noise, size=radius.shape)
    X = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
    return X, y
