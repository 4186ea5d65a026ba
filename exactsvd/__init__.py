"""exactsvd: the singular value decomposition of exact matrices, exactly.

>>> import exactsvd
>>> r = exactsvd.svd([[1, 2, 1, 0], [2, 0, 1, 1]])
>>> r.singular_values
(3, sqrt(3))
>>> r.verify()
True
"""

from .api import singular_values, svd
from .errors import (
    ExactSVDError,
    InvalidArgumentError,
    InvalidMatrixError,
    MatrixParseError,
    NoConvergence,
    NonFiniteError,
    NotExactError,
    UnsupportedEntryError,
    VerificationError,
)
from .explain import Solution, explain
from .result import SVDResult

__version__ = "0.1.0"

__all__ = [
    "ExactSVDError",
    "InvalidArgumentError",
    "InvalidMatrixError",
    "MatrixParseError",
    "NoConvergence",
    "NonFiniteError",
    "NotExactError",
    "SVDResult",
    "Solution",
    "UnsupportedEntryError",
    "VerificationError",
    "explain",
    "singular_values",
    "svd",
]
