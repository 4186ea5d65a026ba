"""Wrap a certified :class:`~exactsvd.numeric.NumericSVD` as an :class:`SVDResult`."""

from sympy import Float, I, ImmutableMatrix

from ..errors import InvalidArgumentError, VerificationError
from .decimals import float_matrix
from .forms import cut
from .svdresult import SVDResult


def numeric_result(matrix, numeric, form):
    """The :class:`SVDResult` (SymPy ``Float`` entries) of a full-form *numeric* SVD.

    Every ``Float`` holds the certified mpmath value bit for bit (at least
    ``numeric.dps`` digits, often a few guard digits more), so the error bounds
    apply to the numbers the user sees.

    ``verify()`` checks the certificate: the bounds on ``||U^T U - I||``,
    ``||V^T V - I||`` and ``||A - U S V^T||`` (``^H`` for complex input) were
    formed from the returned digits in exact rational arithmetic; it fails
    when they certify nothing.  A complex entry is ``Float + Float*I``.
    """
    dps = numeric.dps
    bits = int(dps * 3.33) + 1
    is_complex = any(hasattr(x, "_mpc_") for M in (numeric.U, numeric.V) for x in M)

    def exact_float(x):
        return Float(x, precision=max(x._mpf_[3], bits))

    def exact_number(x):
        if not hasattr(x, "_mpc_"):
            return exact_float(x)
        return exact_float(x.real) + I * exact_float(x.imag) if x.real else I * exact_float(x.imag)

    def to_sympy(M):
        return ImmutableMatrix(M.rows, M.cols, lambda i, j: exact_number(M[i, j]))

    def prove():
        bound = numeric.error_bound
        if numeric.digits < 1 or bound.orthogonality_U >= 1 or bound.orthogonality_V >= 1:
            raise VerificationError(f"the numeric SVD certifies no correct digit (bounds: {bound})")
        return True

    def decimals(digits):
        if digits > numeric.digits:
            raise InvalidArgumentError(f"n={digits} exceeds the {numeric.digits} certified digits of this numeric SVD")
        factors = tuple(float_matrix(to_sympy(M), digits) for M in numeric)
        return factors, tuple(Float(exact_float(s), digits) for s in numeric.singular_values)

    return SVDResult(
        matrix,
        lambda: cut(*(to_sympy(M) for M in numeric), form, numeric.rank),
        tuple(exact_float(s) for s in numeric.singular_values),
        numeric.rank,
        form,
        prove,
        "numeric",
        decimals,
        dps=dps,
        error_bound=numeric.error_bound,
        digits=numeric.digits,
        note=numeric.note,
        engine=numeric.method,
        is_complex=is_complex,
    )
