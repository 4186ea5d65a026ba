"""Pictures of an SVD (the ``plot`` extra: matplotlib).

:func:`singular_values` (the values on a log scale with their cumulative
energy), :func:`matrix_plot` (a heat map, as the seed's ``matrix_plot``) and
:func:`reconstruction_grid` (a picture and its best rank-k approximations).
Each returns the matplotlib ``Figure`` and saves it when given ``save=``
(the format follows the file name: ``.png``, ``.pdf``, ``.svg``).

matplotlib is imported when a function is called, never by ``import
exactsvd``.  New figures are made with ``pyplot``, so they show in notebooks
and with ``pyplot.show()``; without a display matplotlib falls back to its
``Agg`` backend by itself, so scripts and tests need no setup.  Close figures
you no longer need (``pyplot.close(fig)``) when making many.
"""

from .applications import floatpath


def singular_values(result_or_values, *, log=True, energy=True, ax=None, save=None):
    """Plot the singular values ``s_1 >= s_2 >= ...`` against their index.

    Parameters
    ----------
    result_or_values : SVDResult or sequence of numbers
        A result (its ``singular_values``), or the values themselves (SymPy
        numbers, mpmath numbers, floats, a NumPy array).
    log : bool
        A logarithmic value axis (zero values cannot be drawn there and are
        left out; the title counts them).
    energy : bool
        Also draw the cumulative energy ``(s_1^2 + ... + s_k^2) / sum s_i^2``
        in percent, on a second axis at the right.
    ax : matplotlib Axes, optional
        Draw into this axes instead of a new figure.
    save : str or path, optional
        Save the figure there.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("matplotlib")  # needs the plot extra
    >>> import exactsvd, exactsvd.plot
    >>> fig = exactsvd.plot.singular_values(exactsvd.svd([[3, 0], [4, 5]]))
    >>> fig.axes[0].get_yscale(), fig.axes[0].lines[0].get_ydata().round(4).tolist()
    ('log', [6.7082, 2.2361])
    >>> fig.axes[1].lines[0].get_ydata().round(1).tolist()   # energy in percent
    [90.0, 100.0]
    """
    import numpy as np

    raw = getattr(result_or_values, "singular_values", result_or_values)
    values = np.array([float(s) for s in raw])
    fig, ax = _axes(ax)
    index = np.arange(1, len(values) + 1)
    shown = values > 0 if log else np.ones(len(values), dtype=bool)
    marker = "o" if len(values) <= 60 else None
    ax.plot(index[shown], values[shown], marker=marker, color="C0")
    ax.set_xlabel("index i")
    ax.set_ylabel("singular value s_i", color="C0")
    if log:
        ax.set_yscale("log")
    zeros = int(np.sum(~shown))
    ax.set_title("singular values" + (f" ({zeros} zero values not shown)" if zeros else ""))
    if energy and values.any():
        twin = ax.twinx()
        percent = 100 * floatpath.energy(values)
        twin.plot(index, percent, marker=marker and "s", linestyle="--", color="C1", markersize=3)
        twin.set_ylabel("cumulative energy (%)", color="C1")
        twin.set_ylim(0, 105)
    return _finish(fig, save)


def matrix_plot(matrix, *, cmap="Greys", vmin=None, vmax=None, colorbar=True, title=None, ax=None, save=None):
    """A heat map of a matrix: one square per entry, as the seed's ``matrix_plot``.

    Parameters
    ----------
    matrix : matrix-like
        A SymPy matrix (exact entries are converted to floats), an
        :class:`~exactsvd.SVDResult` (its matrix), nested lists or a 2-D
        NumPy array (a picture, for instance).
    cmap : str
        A matplotlib colour map: ``"Greys"`` (0 white), ``"gray"`` for
        pictures (0 black), ``"RdBu_r"`` for signed entries.
    vmin, vmax : float, optional
        The values drawn with the ends of the colour map (default: the
        smallest and the largest entry); ``vmin=-vmax`` centres a signed map.
    colorbar : bool
    title : str, optional
    ax : matplotlib Axes, optional
    save : str or path, optional

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("matplotlib")  # needs the plot extra
    >>> from sympy import Matrix, sqrt
    >>> fig = matrix_plot(Matrix([[1, sqrt(2)], [0, -1]]))
    >>> fig.axes[0].images[0].get_array().round(3).tolist()
    [[1.0, 1.414], [0.0, -1.0]]
    """
    fig, ax = _axes(ax)
    image = ax.imshow(_array(matrix).astype(float), cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
    if colorbar:
        fig.colorbar(image, ax=ax)
    if title:
        ax.set_title(title)
    return _finish(fig, save)


def reconstruction_grid(image_or_matrix, ks, *, ncols=None, cmap="gray", save=None):
    """The picture and its best rank-k approximations side by side, one panel per k.

    Computed on the float path (:func:`~exactsvd.applications.float_svd`,
    uncertified float64).  Each panel's title gives k, the compression ratio
    and the relative Frobenius error ``||A - A_k||_F / ||A||_F``.

    Parameters
    ----------
    image_or_matrix : array_like, SVDResult or SymPy matrix
        A grey picture (2-D), a colour one (H×W×3, turned grey with
        :func:`~exactsvd.applications.as_grey`) or any matrix.
    ks : sequence of int
        The ranks to show.
    ncols : int, optional
        Panels per row (default: all in one row, at most 5).
    cmap : str
    save : str or path, optional

    Returns
    -------
    matplotlib.figure.Figure
        Its first axes holds the original, then one per k.

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("matplotlib")  # needs the plot extra
    >>> fig = reconstruction_grid([[3, 0], [4, 5]], [1, 2])
    >>> [ax.get_title() for ax in fig.axes]
    ['original 2x2', 'k = 1: 0.8:1, error 31.6%', 'k = 2: 0.4:1, error 0.0%']
    """
    import matplotlib.pyplot as plt
    import numpy as np

    raw = _array(image_or_matrix)
    a = floatpath.as_grey(raw) if raw.ndim == 3 else raw.astype(float)
    u, s, vt = floatpath.float_svd(a)
    count = len(ks) + 1
    ncols = ncols or min(count, 5)
    nrows = -(-count // ncols)
    height = 3 * nrows * a.shape[0] / a.shape[1] + 0.4
    fig, axes = plt.subplots(nrows, ncols, figsize=(3 * ncols, height), squeeze=False)
    panels = [(a, f"original {a.shape[0]}x{a.shape[1]}")]
    for k in ks:
        error = floatpath.eckart_young_error(s, k)
        ratio = floatpath.compression_ratio(a.shape, k)
        panels.append((floatpath.reconstruct(u, s, vt, k), f"k = {k}: {ratio:.1f}:1, error {100 * error:.1f}%"))
    vmin, vmax = float(np.min(a)), float(np.max(a))
    for ax, (picture, title) in zip(axes.flat, panels):
        ax.imshow(picture, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
        ax.set_title(title, fontsize=9)
    for ax in axes.flat:
        ax.set_axis_off()
    for ax in axes.flat[count:]:
        fig.delaxes(ax)
    fig.tight_layout()
    return _finish(fig, save)


def _axes(ax):
    """``(figure, axes)``: the given axes and its figure, or a new pyplot figure."""
    if ax is not None:
        return ax.figure, ax
    import matplotlib.pyplot as plt

    return plt.subplots()


def _array(matrix):
    """A NumPy array from a result (its matrix), a SymPy matrix, nested lists or an array."""
    import numpy as np

    return np.asarray(getattr(matrix, "matrix", matrix))


def _finish(fig, save):
    if save is not None:
        fig.savefig(save, bbox_inches="tight")
    return fig
