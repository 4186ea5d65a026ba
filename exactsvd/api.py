"""The public entry points: :func:`svd` and :func:`singular_values`."""

from .core import decompose, spectrum
from .core.entries import domain_matrix
from .errors import InvalidArgumentError, NotExactError, shorten
from .input import as_exact_matrix
from .method import choose_method
from .result import check_form, exact_result, kernel_counts, numeric_result, singular_value_list

METHODS = ("exact", "numeric", "auto")


def svd(A, form="full", *, method="exact", dps=50, timeout=None, rationalize=False):
    """The singular value decomposition ``A = U S V^T``.

    Parameters
    ----------
    A : matrix-like
        A SymPy ``Matrix``, a list of rows (``int``, ``Fraction``, SymPy
        numbers or strings such as ``"1/3"``), or one string such as
        ``"[[1, 2], [3, 4]]"`` or ``"1 2; 3 4"``.
    form : {"full", "thin", "compact"}
        ``full``: ``U`` m×m, ``S`` m×n, ``V`` n×n.  ``thin``: ``k = min(m, n)``
        columns.  ``compact``: ``k = rank`` columns.
    method : {"exact", "numeric", "auto"}
        ``exact`` (default): the hand method in exact arithmetic.
        ``numeric``: *dps* significant digits with mpmath and a certified error
        bound (floats accepted, read as the decimals they print as).
        ``auto``: exact when it is expected to finish within *timeout* seconds
        (decided from the size and the degrees of the factors of the
        characteristic polynomial) and the entries are exact, else numeric;
        the result's ``note`` says why.
    dps : int
        Decimal digits for the numeric method (5 to 100000).
    timeout : float, optional
        The time budget in seconds that ``method="auto"`` plans for (default 10).
    rationalize : bool
        Accept Python floats on the exact path, read as the decimal they print
        as (0.1 is 1/10).

    Returns
    -------
    SVDResult
        Unpacks to ``U, S, V``; ``singular_values``, ``rank``, ``verify()``,
        ``method``.

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
    >>> r = exactsvd.svd([[0.5, 0], [0, 0.25]], method="numeric", dps=20)
    >>> r.digits, [float(s) for s in r.singular_values]
    (20, [0.5, 0.25])
    """
    check_form(form)
    if method not in METHODS:
        raise InvalidArgumentError(f"method={shorten(method)} is unknown; use one of {', '.join(map(repr, METHODS))}")
    if method == "exact":
        matrix = as_exact_matrix(A, rationalize=rationalize)
        exact = domain_matrix(matrix)
        return _exact(matrix, exact, spectrum(exact), form)
    if method == "numeric":
        return _numeric(as_exact_matrix(A, rationalize=True), form, dps)
    try:
        matrix = as_exact_matrix(A, rationalize=rationalize)
    except NotExactError:
        return _numeric(as_exact_matrix(A, rationalize=True), form, dps, "numeric: the matrix has float entries")
    exact = domain_matrix(matrix)
    spec = spectrum(exact)
    chosen, note = choose_method(spec, timeout)
    if chosen == "numeric":
        return _numeric(matrix, form, dps, note)
    result = _exact(matrix, exact, spec, form)
    result.note = note
    return result


def _exact(matrix, exact, spec, form):
    """The exact result in *form*: only the kernel vectors that *form* keeps are built."""
    left, right = kernel_counts(exact.shape, spec.rank, form)
    return exact_result(matrix, decompose(exact, spec, left=left, right=right), form)


def _numeric(matrix, form, dps, note=None):
    from .numeric import numeric_svd

    result = numeric_result(matrix, numeric_svd(matrix, dps=dps, form="full"), form)
    if note:
        result.note = f"{note}; {result.note}" if result.note else note
    return result


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
