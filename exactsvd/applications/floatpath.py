"""The float path: an uncertified float64 SVD for pictures and data sets (NumPy).

Pictures are too large for the exact path and need no certificate: a
512×512 grey image is decomposed by LAPACK (``numpy.linalg.svd``) in well
under a second.  Nothing here is exact or certified -- the results are
plain float64 with LAPACK's backward error (about ``1e-16 * s_1``).  Use
:func:`exactsvd.svd` (exact) or ``method="numeric"`` (certified digits)
when that matters.  NumPy is imported when a function is called.
"""

from ..errors import InvalidArgumentError

#: Entries of a unit singular vector smaller than this count as zero for the sign rule.
SIGN_TOLERANCE = 1.5e-8

#: Weights of the red, green and blue channels in a grey value (ITU-R BT.601 luma).
LUMA = (0.299, 0.587, 0.114)


def float_svd(array):
    """The thin SVD ``array = u @ diag(s) @ vt`` in float64, with the canonical sign rule.

    Like ``numpy.linalg.svd(array, full_matrices=False)``, then each right
    singular vector (row of ``vt``) is turned so that its first entry of
    magnitude above :data:`SIGN_TOLERANCE` is positive, its left partner
    turning with it (rule 4 of the canonical form).  Repeated singular values
    and null spaces are not made canonical.  Uncertified.

    Parameters
    ----------
    array : array_like
        A 2-D array of real numbers, m×n.

    Returns
    -------
    u, s, vt : numpy.ndarray
        m×k, k and k×n with ``k = min(m, n)``; ``s`` descending.

    Raises
    ------
    InvalidArgumentError
        When *array* is not 2-D.

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("numpy")  # the float path needs NumPy
    >>> u, s, vt = float_svd([[3, 0], [4, 5]])
    >>> s.round(6)                    # 3*sqrt(5), sqrt(5)
    array([6.708204, 2.236068])
    >>> vt.round(6)                   # sqrt(2)/2 * [[1, 1], [1, -1]]
    array([[ 0.707107,  0.707107],
           [ 0.707107, -0.707107]])
    >>> bool(abs(u @ (s[:, None] * vt) - [[3, 0], [4, 5]]).max() < 1e-14)
    True
    """
    import numpy as np

    a = np.asarray(array, dtype=float)
    if a.ndim != 2:
        raise _shape_error(a)
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    lead = np.argmax(np.abs(vt) > SIGN_TOLERANCE, axis=1)
    signs = np.where(vt[np.arange(len(s)), lead] < 0, -1.0, 1.0)
    return u * signs, s, vt * signs[:, None]


def reconstruct(u, s, vt, k):
    """The rank-k approximation ``u[:, :k] @ diag(s[:k]) @ vt[:k]`` (the best one, by Eckart–Young).

    Parameters
    ----------
    u, s, vt : numpy.ndarray
        As returned by :func:`float_svd`.
    k : int

    Returns
    -------
    numpy.ndarray
        m×n.

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("numpy")  # the float path needs NumPy
    >>> u, s, vt = float_svd([[3, 0], [4, 5]])
    >>> reconstruct(u, s, vt, 1).round(6)
    array([[1.5, 1.5],
           [4.5, 4.5]])
    """
    return (u[:, :k] * s[:k]) @ vt[:k]


def compression_ratio(shape, k):
    """How many times smaller the rank-k factors are than the matrix: ``m n / (k (m + n + 1))``.

    The factors store ``k`` columns of ``u`` (m numbers each), ``k`` rows of
    ``vt`` (n each) and ``k`` singular values.

    Parameters
    ----------
    shape : (int, int)
        ``(m, n)``.
    k : int
        ``k >= 1``.

    Returns
    -------
    float
        Above 1 when the factors are smaller than the matrix.

    Examples
    --------
    >>> round(compression_ratio((512, 512), 20), 2)
    12.79
    """
    m, n = shape
    return m * n / (k * (m + n + 1))


def relative_error(original, approximation):
    """``||original - approximation||_F / ||original||_F``.

    Parameters
    ----------
    original, approximation : array_like
        Of the same shape; *original* not all zero.

    Returns
    -------
    float

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("numpy")  # the float path needs NumPy
    >>> relative_error([[3, 0], [4, 0]], [[3, 0], [4, 5]])
    1.0
    """
    import numpy as np

    a = np.asarray(original, dtype=float)
    return float(np.linalg.norm(a - np.asarray(approximation, dtype=float)) / np.linalg.norm(a))


def eckart_young_error(s, k):
    """The relative Frobenius error of the best rank-k approximation: ``sqrt(s_(k+1)^2 + ...) / ||s||``.

    Equal (up to rounding) to ``relative_error(A, reconstruct(u, s, vt, k))``.

    Parameters
    ----------
    s : array_like
        The singular values, descending, not all zero.
    k : int

    Returns
    -------
    float

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("numpy")  # the float path needs NumPy
    >>> eckart_young_error([4, 3, 0], 1)
    0.6
    """
    import numpy as np

    s = np.asarray(s, dtype=float)
    return float(np.linalg.norm(s[k:]) / np.linalg.norm(s))


def energy(s):
    """The cumulative energy ``(s_1^2 + ... + s_k^2) / (s_1^2 + ...)`` for k = 1, 2, ...

    Parameters
    ----------
    s : array_like
        The singular values, not all zero.

    Returns
    -------
    numpy.ndarray
        Non-decreasing, ending with 1.

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("numpy")  # the float path needs NumPy
    >>> energy([4, 3, 0]).tolist()
    [0.64, 1.0, 1.0]
    """
    import numpy as np

    squares = np.asarray(s, dtype=float) ** 2
    return np.cumsum(squares) / squares.sum()


def as_grey(image):
    """A picture as a 2-D float64 array of grey values in [0, 1].

    A 2-D array is taken as grey already; an H×W×3 (RGB) or H×W×4 (RGBA,
    alpha ignored) array is mixed with the :data:`LUMA` weights.  Integer
    arrays (``uint8`` as read from JPEG files) are divided by their maximum
    possible value; float arrays are kept as they are.

    Parameters
    ----------
    image : array_like
        H×W, H×W×3 or H×W×4.

    Returns
    -------
    numpy.ndarray
        H×W, float64.

    Raises
    ------
    InvalidArgumentError
        For any other shape.

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("numpy")  # the float path needs NumPy
    >>> import numpy as np
    >>> as_grey(np.array([[[255, 255, 255], [255, 0, 0]]], dtype=np.uint8)).round(3)
    array([[1.   , 0.299]])
    """
    import numpy as np

    a = np.asarray(image)
    scale = np.iinfo(a.dtype).max if np.issubdtype(a.dtype, np.integer) else 1
    a = a.astype(float) / scale
    if a.ndim == 3 and a.shape[2] in (3, 4):
        a = a[:, :, :3] @ np.array(LUMA)
    if a.ndim != 2:
        raise _shape_error(a)
    return a


def grey_picture(path=None, size=512):
    """A square grey picture in [0, 1]: the image file at *path*, or Grace Hopper's portrait shipped with matplotlib.

    The central square of the picture, resampled by nearest neighbour to
    *size* × *size* pixels (nothing is downloaded).  Needs matplotlib to read
    the image (the ``plot`` extra).

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("matplotlib")
    >>> picture = grey_picture(size=32)
    >>> picture.shape, picture.dtype, bool(0 <= picture.min() <= picture.max() <= 1)
    ((32, 32), dtype('float64'), True)
    """
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.cbook import get_sample_data

    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise InvalidArgumentError(f"size={size!r} is not a number of pixels; pass a positive integer")
    grey = as_grey(plt.imread(path if path else get_sample_data("grace_hopper.jpg")))
    height, width = grey.shape
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    pick = np.arange(size) * side // size
    return grey[top + pick][:, left + pick]


def _shape_error(a):
    return InvalidArgumentError(
        f"an array of shape {a.shape} is not a matrix or a picture; pass a 2-D array (or H x W x 3)"
    )
