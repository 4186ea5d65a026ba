"""The arbitrary-precision numeric path: ``numeric_svd(A, dps=N)``.

A face of the package: it consumes validated SymPy matrices and returns
mpmath matrices with a certified error bound (see :mod:`.certify` for the
derivation).  NumPy and python-flint (the ``fast`` extra) are imported only
when a call uses them.
"""

from .result import ErrorBound, NumericSVD
from .svd import numeric_svd

__all__ = ["ErrorBound", "NumericSVD", "numeric_svd"]
