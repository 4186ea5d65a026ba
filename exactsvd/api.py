"""The public entry points: :func:`svd` and :func:`singular_values`."""

from .core import decompose, spectrum
from .core.entries import domain_matrix
from .errors import InvalidArgumentError, shorten
from .input import as_exact_matrix
from .result import check_form, exact_result, singular_value_list

METHODS = ("exact",)


def svd(A, form="full", *, method="exact", rationalize=False):
    """The singular value decomposition ``A = U S V^T``, exactly.

    Parameters
    ----------
    A : matrix-like
        A SymPy ``Matrix``, a list of rows (``int``, ``Fraction``, SymPy
        numbers or strings such as ``"1/3"``), or one string such as
        ``"[[1, 2], [3, 4]]"`` or ``"1 2; 3 4"``.
    form : {"full", "thin", "compact"}
        ``full``: ``U`` m×m, ``S`` m×n, ``V`` n×n.  ``thin``: ``k = min(m, n)``
        columns.  ``compact``: ``k = rank`` columns.
    method : {"exact"}
        The exact hand method (the only method so far).
    rationalize : bool
        Accept Python floats, read as the decimal they print as (0.1 is 1/10).

    Returns
    -------
    SVDResult
        Unpacks to ``U, S, V``; ``singular_values``, ``rank``, ``verify()``.

    Examples
    --------
    >>> import exactsvd
    >>> U, S, V = exactsvd.svd([[3, 0], [4, 5]])
    >>> S
    Matrix([
    [3*sqrt(5),       0],
    [        0, sqrt(5)]])
    >>> V
    Matrix([
    [sqrt(2)/2,  sqrt(2)/2],
    [sqrt(2)/2, -sqrt(2)/2]])
    >>> (U * S * V.T).applyfunc(lambda e: e.expand())
    Matrix([
    [3, 0],
    [4, 5]])
    >>> exactsvd.svd("1 1; 1 0").singular_values
    (1/2 + sqrt(5)/2, -1/2 + sqrt(5)/2)
    """
    check_form(form)
    if method not in METHODS:
        raise InvalidArgumentError(f"method={shorten(method)} is unknown; use one of {', '.join(map(repr, METHODS))}")
    matrix = as_exact_matrix(A, rationalize=rationalize)
    return exact_result(matrix, decompose(domain_matrix(matrix)), form)


def singular_values(A, *, rationalize=False):
    """The singular values of ``A``, descending, zeros included (``min(m, n)`` of them).

    Cheaper than :func:`svd`: only the characteristic polynomial of the smaller
    Gram matrix, its factors and its ordered roots are computed.

    Examples
    --------
    >>> import exactsvd
    >>> exactsvd.singular_values([[1, 2, 1, 0], [2, 0, 1, 1]])
    (3, sqrt(3))
    >>> exactsvd.singular_values([[1, -1], [-2, 2], [2, -2]])
    (3*sqrt(2), 0)
    """
    matrix = as_exact_matrix(A, rationalize=rationalize)
    return singular_value_list(spectrum(domain_matrix(matrix)), min(matrix.shape))
