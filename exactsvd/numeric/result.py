"""The numeric SVD as handed to users: mpmath matrices, values and a certified bound."""

from dataclasses import dataclass

import mpmath

from .fixedpoint import fraction_up, to_mpf


@dataclass(frozen=True)
class ErrorBound:
    """Rigorous upper bounds (53-bit mpf, rounded up) for a :class:`NumericSVD`.

    ``singular_values`` bounds ``|s_i - sigma_i(A)|`` for every i at once;
    ``residual`` bounds ``||A - U S V^T||_2`` for the returned factors;
    ``orthogonality_U`` and ``orthogonality_V`` bound ``||U^T U - I||_2`` and
    ``||V^T V - I||_2`` (``^H`` for ``^T`` when ``A`` is complex).
    """

    singular_values: mpmath.mpf
    residual: mpmath.mpf
    orthogonality_U: mpmath.mpf
    orthogonality_V: mpmath.mpf


@dataclass(frozen=True, repr=False)
class NumericSVD:
    """An SVD ``A ~ U S V^T`` at ``dps`` digits with its certificate; unpacks to ``U, S, V``.

    For complex ``A``, ``A ~ U S V^H`` and ``U``, ``V`` hold mpc entries.
    ``U``, ``S``, ``V`` are mpmath matrices of exact mpf values (about ``dps``
    plus guard digits; printing them uses ``mpmath.mp``'s precision).
    ``singular_values`` has ``min(m, n)`` entries, descending.  ``rank`` counts
    the singular values certified non-zero (``s_i > error_bound.singular_values``).
    ``digits``: every singular value is within ``10**-digits * s_1`` of the
    true one.  ``method`` is ``"refined-float64"`` or ``"mpmath"``; ``note`` says
    what the bound covers.
    """

    U: mpmath.matrix
    S: mpmath.matrix
    V: mpmath.matrix
    singular_values: tuple
    rank: int
    dps: int
    error_bound: ErrorBound
    digits: int
    method: str
    note: str

    def __iter__(self):
        return iter((self.U, self.S, self.V))

    def __repr__(self):
        return (
            f"NumericSVD({self.U.rows}x{self.V.rows}, rank={self.rank}, dps={self.dps}, "
            f"digits={self.digits}, method={self.method!r})"
        )


def build_result(problem, svd, certificate, form, dps, method, note):
    """The :class:`NumericSVD` of the canonical fixed-point *svd* of *problem*, in *form*."""
    m, n = problem.shape
    k = _columns_kept(svd, certificate, form)
    U, V = _columns(svd.u[:k], m, svd.scale), _columns(svd.v[:k], n, svd.scale)
    return _numeric_svd(problem, svd, certificate, form, dps, method, note, U, V)


def build_complex_result(problem, svd, certificate, form, dps, note):
    """The :class:`NumericSVD` of the canonical complex *svd* (a ``ComplexFixedSVD``); *problem* its real part."""
    m, n = problem.shape
    k, f = _columns_kept(svd, certificate, form), svd.scale
    U = _complex_columns(_columns(svd.u_re[:k], m, f), _columns(svd.u_im[:k], m, f))
    V = _complex_columns(_columns(svd.v_re[:k], n, f), _columns(svd.v_im[:k], n, f))
    return _numeric_svd(problem, svd, certificate, form, dps, "mpmath", note, U, V)


def _columns_kept(svd, certificate, form):
    return {"full": None, "thin": len(svd.s), "compact": certificate.rank}[form]


def _numeric_svd(problem, svd, certificate, form, dps, method, note, U, V):
    m, n = problem.shape
    k = _columns_kept(svd, certificate, form)
    values = [to_mpf(x, svd.scale - problem.exponent) for x in svd.s]
    S = mpmath.matrix(m, n) if k is None else mpmath.matrix(k, k)
    for i, value in enumerate(values[: min(S.rows, S.cols)]):
        S[i, i] = value
    bound = ErrorBound(*(fraction_up(getattr(certificate, name)) for name in ErrorBound.__dataclass_fields__))
    return NumericSVD(
        U,
        S,
        V,
        tuple(values),
        certificate.rank,
        dps,
        bound,
        certificate.digits,
        method,
        note,
    )


def _complex_columns(re, im):
    """The matrix ``re + i im`` of mpc entries (an entry with a zero imaginary part stays an mpf)."""
    matrix = mpmath.matrix(re.rows, re.cols)
    for i in range(re.rows):
        for j in range(re.cols):
            matrix[i, j] = re[i, j] if not im[i, j] else mpmath.mp.make_mpc((re[i, j]._mpf_, im[i, j]._mpf_))
    return matrix


def _columns(cols, rows, f):
    """The mpmath matrix (``rows`` × ``len(cols)``) with the fixed-point columns *cols*."""
    matrix = mpmath.matrix(rows, len(cols))
    for j, col in enumerate(cols):
        for i, x in enumerate(col):
            if x:
                matrix[i, j] = to_mpf(x, f)
    return matrix
