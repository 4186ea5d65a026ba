"""``numeric_svd``: the pipeline of the numeric path.

input (:mod:`.convert`) -> engine (:mod:`.refine` with the ``fast`` extra, else
:mod:`.mpsvd`) -> canonical form (:mod:`.canonical`) -> certificate
(:mod:`.certify`) -> result (:mod:`.result`).
"""

import math
import numbers

import sympy

from ..errors import InvalidArgumentError, InvalidMatrixError, shorten
from .canonical import canonicalize
from .certify import Certificate, certify, certify_complex
from .complex_engine import complex_svd
from .convert import to_complex_problem, to_problem
from .fixedpoint import FixedSVD, Kernel
from .mpsvd import mpmath_svd
from .refine import refined_svd
from .result import build_complex_result, build_result

FORMS = ("full", "thin", "compact")
MIN_DPS, MAX_DPS = 5, 100_000
BITS_PER_DIGIT = 3.3219280948873626


def numeric_svd(A, *, dps=50, form="full", fast=None):
    """The SVD of a real or complex matrix at *dps* significant digits, with a certified error bound.

    Parameters
    ----------
    A : sympy.MatrixBase
        m×n, possibly empty.  Entries: integers, rationals, SymPy ``Float``\\ s
        (taken as the binary number they hold) or real constant expressions
        such as ``sqrt(2)`` (evaluated by SymPy with guard digits); complex
        entries (``1 + 2*I``) are read as their real and imaginary parts, and
        then ``A ~ U S V^H`` with unitary ``U``, ``V`` (mpmath's ``svd_c``,
        canonical form of rule 8: the first entry of every ``v_i`` above the
        noise is real and positive).
    dps : int
        Decimal digits wanted, 5 to 100000.  The work is done with guard
        digits; ``mpmath.mp`` is never changed.
    form : {"full", "thin", "compact"}
        ``full``: ``U`` m×m, ``S`` m×n, ``V`` n×n; ``thin``: k = min(m, n);
        ``compact``: k = ``rank`` (the number of singular values certified
        non-zero).
    fast : bool or None
        ``None``: refine a float64 SVD (Ogita–Aishima) when NumPy is installed
        (the ``fast`` extra, with python-flint for faster products), else use
        mpmath's ``svd_r``.  ``False``: always mpmath, pure Python.  ``True``:
        insist on the refinement.  Complex matrices always use mpmath's
        ``svd_c`` (python-flint, when allowed, speeds up the certificate).

    Returns
    -------
    NumericSVD
        Unpacks to ``U, S, V``; also ``singular_values``, ``rank``,
        ``error_bound``, ``digits``, ``method`` and ``note``.

    Raises
    ------
    InvalidArgumentError
        For a bad *dps*, *form* or *fast*.
    NonFiniteError, UnsupportedEntryError, InvalidMatrixError
        For bad entries, or an *A* that is not a SymPy matrix.
    NoConvergence
        When the SVD iteration does not converge.

    Examples
    --------
    >>> import mpmath
    >>> from sympy import Matrix
    >>> r = numeric_svd(Matrix([[3, 0], [4, 5]]), dps=30)
    >>> [mpmath.nstr(s, 30) for s in r.singular_values]   # 3*sqrt(5), sqrt(5)
    ['6.70820393249936908922752100619', '2.23606797749978969640917366873']
    >>> r.rank, r.digits, r.error_bound.singular_values < 1e-30
    (2, 30, True)
    >>> U, S, V = r
    >>> mpmath.nstr(V[0, 0], 20), mpmath.nstr(V[1, 0], 20)   # sqrt(2)/2 twice
    ('0.7071067811865475244', '0.7071067811865475244')

    A complex matrix: ``A = U S V^H``, and ``v_1 = (1, i)/sqrt(2)`` starts real and positive.

    >>> from sympy import I
    >>> r = numeric_svd(Matrix([[I, 1]]), dps=20)
    >>> mpmath.nstr(r.singular_values[0], 15), r.rank, r.error_bound.residual < 1e-20
    ('1.4142135623731', 1, True)
    >>> [mpmath.nstr(x, 10) for x in r.V[:, 0]]
    ['0.7071067812', '(0.0 + 0.7071067812j)']
    """
    _check_arguments(A, dps, form, fast)
    use_fast = _numpy_available() if fast is None else fast
    m, n = A.shape
    if any(not e.is_Rational and e.is_real is not True for e in A):
        return _complex_svd(A, dps, form, Kernel(use_flint=use_fast))
    f = _working_bits(dps, max(m, n), use_fast)
    eval_digits = int(f / BITS_PER_DIGIT) + 10
    problem = to_problem(A, eval_digits)
    note = _coverage(problem, eval_digits)
    if m == 0 or n == 0:
        identity = [[[int(i == j) << f for i in range(k)] for j in range(k)] for k in (m, n)]
        empty = FixedSVD(identity[0], [], identity[1], f)
        return build_result(problem, empty, Certificate(0, 0, 0, 0, 0, dps), form, dps, "mpmath", note)
    kernel = Kernel(use_flint=use_fast)
    svd, method = (refined_svd(problem, f, kernel) if use_fast else None), "refined-float64"
    if svd is None:
        if use_fast:
            note += " The float64 refinement did not converge; mpmath's svd_r was used instead."
        svd, method = mpmath_svd(problem, f), "mpmath"
    svd = canonicalize(svd, dps, kernel)
    return build_result(problem, svd, certify(problem, svd, dps, form, kernel), form, dps, method, note)


def _complex_svd(A, dps, form, kernel):
    """The complex branch of :func:`numeric_svd` (a nonempty *A* with an entry not known to be real)."""
    f = _working_bits(dps, max(A.shape), False)
    eval_digits = int(f / BITS_PER_DIGIT) + 10
    re, im = to_complex_problem(A, eval_digits)
    note = _coverage(re, eval_digits)
    svd = complex_svd(re, im, f, dps)
    return build_complex_result(re, svd, certify_complex(re, im, svd, dps, form, kernel), form, dps, note)


def _check_arguments(A, dps, form, fast):
    if not isinstance(A, sympy.MatrixBase):
        raise InvalidMatrixError(f"A={shorten(A)} is not a SymPy matrix; convert it with sympy.Matrix(...) first")
    check_dps(dps)
    if form not in FORMS:
        raise InvalidArgumentError(f"form={shorten(form)} is unknown; use one of {', '.join(map(repr, FORMS))}")
    if fast not in (None, True, False):
        raise InvalidArgumentError(f"fast={shorten(fast)} must be None, True or False")
    if fast is True and not _numpy_available():
        raise InvalidArgumentError("fast=True needs NumPy; install it with: pip install 'exactsvd[fast]'")


def check_dps(dps):
    """Raise :class:`~exactsvd.InvalidArgumentError` unless *dps* is an integer from ``MIN_DPS`` to ``MAX_DPS``."""
    if isinstance(dps, bool) or not isinstance(dps, numbers.Integral) or not MIN_DPS <= dps <= MAX_DPS:
        raise InvalidArgumentError(f"dps={shorten(dps)} is not allowed; pass an integer from {MIN_DPS} to {MAX_DPS}")


def _working_bits(dps, size, fast):
    """Bits of working precision: *dps* digits plus guard bits for the error growth with *size*.

    The certified bound of an mpmath result is about ``size**2 / 10`` units of
    ``2**-f`` (relative to ``s_1``); the refinement stops within
    ``2 log2(size) + 8`` bits of ``f`` and its bound adds another ``log2(size)``.
    """
    bits = size.bit_length()
    return math.ceil(dps * BITS_PER_DIGIT) + (3 * bits + 12 if fast else 2 * bits + 2)


def _numpy_available():
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def _coverage(problem, eval_digits):
    """The note on what the certified bound covers."""
    if problem.evaluated:
        return (
            f"The bound covers A with its {problem.evaluated} irrational entries evaluated by SymPy to "
            f"{eval_digits} digits, trusting evalf's accuracy (with a factor 10 to spare)."
        )
    return "The bound covers A exactly as given."
