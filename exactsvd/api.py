"""The public entry points: :func:`svd` and :func:`singular_values`."""

from .core import decompose, spectrum
from .core.complexmatrix import complex_domain_matrix, is_complex_matrix
from .core.entries import domain_matrix
from .core.hermitian import decompose_hermitian, hermitian_spectrum
from .errors import InvalidArgumentError, NotExactError, shorten
from .input import as_exact_matrix
from .method import choose_method
from .result import check_form, exact_result, kernel_counts, numeric_result, singular_value_list
from .result.complex_exact import complex_exact_result

METHODS = ("exact", "numeric", "auto")


def svd(A, form="full", *, method="exact", dps=50, timeout=None, rationalize=False):
    """The singular value decomposition ``A = U S V^T`` (``A = U S V^H`` for complex ``A``).

    Parameters
    ----------
    A : matrix-like
        A SymPy ``Matrix``, a list of rows (``int``, ``Fraction``, SymPy
        numbers or strings such as ``"1/3"``), or one string such as
        ``"[[1, 2], [3, 4]]"`` or ``"1 2; 3 4"``.  Entries may be complex:
        SymPy's ``I``, or ``I``, ``i``, ``j`` in text (``"1+2i"``).  Then
        ``U`` and ``V`` are unitary, ``A = U S V^H`` (use ``V.H``, the
        conjugate transpose, where a real SVD uses ``V.T``), and the first
        non-zero entry of every ``v_i`` is real and positive (the phase rule).
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

    A complex matrix: ``v_1 = (1, i)/sqrt(2)`` has its first entry real and positive.

    >>> r = exactsvd.svd("[[i, 1]]")
    >>> r.singular_values, r.U, r.V[:, 0].T
    ((sqrt(2),), Matrix([[I]]), Matrix([[sqrt(2)/2, sqrt(2)*I/2]]))
    >>> r.U * r.S * r.V.H
    Matrix([[I, 1]])
    >>> r = exactsvd.svd([[0.5, 0], [0, 0.25]], method="numeric", dps=20)
    >>> r.digits, [float(s) for s in r.singular_values]
    (20, [0.5, 0.25])
    """
    check_form(form)
    if method not in METHODS:
        raise InvalidArgumentError(f"method={shorten(method)} is unknown; use one of {', '.join(map(repr, METHODS))}")
    if method == "exact":
        matrix = as_exact_matrix(A, rationalize=rationalize)
        entries, spectrum_of, build = exact_core(matrix)
        return build(matrix, entries, spectrum_of(entries), form)
    if method == "numeric":
        return _numeric(as_exact_matrix(A, rationalize=True), form, dps)
    try:
        matrix = as_exact_matrix(A, rationalize=rationalize)
    except NotExactError:
        return _numeric(as_exact_matrix(A, rationalize=True), form, dps, "numeric: the matrix has float entries")
    exact, spectrum_of, build = exact_core(matrix)
    spec = spectrum_of(exact)
    chosen, note = choose_method(spec, timeout)
    if chosen == "numeric":
        return _numeric(matrix, form, dps, note)
    result = build(matrix, exact, spec, form)
    result.note = note
    return result


def exact_core(matrix):
    """``(entries, spectrum, build)`` of the exact path for a validated SymPy *matrix*.

    The one place where real and complex input part: real entries take the
    real path (``DomainMatrix`` over ``QQ`` or a real algebraic field, ``A^T A``);
    complex ones the unitary path (:class:`~exactsvd.core.complexmatrix.ComplexMatrix`
    over ``K(i)``, ``A^H A``).  ``build(matrix, entries, spec, form)`` makes the result.
    """
    if is_complex_matrix(matrix):
        return complex_domain_matrix(matrix), hermitian_spectrum, _complex_exact
    return domain_matrix(matrix), spectrum, _exact


def _exact(matrix, exact, spec, form):
    """The exact result in *form*: only the kernel vectors that *form* keeps are built."""
    left, right = kernel_counts(exact.shape, spec.rank, form)
    return exact_result(matrix, decompose(exact, spec, left=left, right=right), form)


def _complex_exact(matrix, entries, spec, form):
    """The exact unitary SVD in *form* (the full data: its certificate is the full one)."""
    return complex_exact_result(matrix, decompose_hermitian(entries, spec), form)


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
    entries, spectrum_of, _ = exact_core(matrix)
    return singular_value_list(spectrum_of(entries), min(matrix.shape))
