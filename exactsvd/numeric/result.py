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
    ``||V^T V - I||_2``.
    """

    singular_values: mpmath.mpf
    residual: mpmath.mpf
    orthogonality_U: mpmath.mpf
    orthogonality_V: mpmath.mpf


@dataclass(frozen=True, repr=False)
class NumericSVD:
    """An SVD ``A ~ U S V^T`` at ``dps`` digits with its certificate; unpacks to ``U, S, V``.

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
    f, p = svd.scale, len(svd.s)
    k = {"full": None, "thin": p, "compact": certificate.rank}[form]
    values = [to_mpf(x, f - problem.exponent) for x in svd.s]
    S = mpmath.matrix(m, n) if k is None else mpmath.matrix(k, k)
    for i, value in enumerate(values[: min(S.rows, S.cols)]):
        S[i, i] = value
    bound = ErrorBound(*(fraction_up(getattr(certificate, name)) for name in ErrorBound.__dataclass_fields__))
    return NumericSVD(
        _columns(svd.u[:k], m, f),
        S,
        _columns(svd.v[:k], n, f),
        tuple(values),
        certificate.rank,
        dps,
        bound,
        certificate.digits,
        method,
        note,
    )


def _columns(cols, rows, f):
    """The mpmath matrix (``rows`` × ``len(cols)``) with the fixed-point columns *cols*."""
    matrix = mpmath.matrix(rows, len(cols))
    for j, col in enumerate(cols):
        for i, x in enumerate(col):
            if x:
                matrix[i, j] = to_mpf(x, f)
    return matrix
