"""exactsvd: the singular value decomposition of exact matrices, exactly.

>>> import exactsvd
>>> r = exactsvd.svd([[1, 2, 1, 0], [2, 0, 1, 1]])
>>> r.singular_values
(3, sqrt(3))
>>> r.verify()
True
"""

from . import plot
from .api import singular_values, svd
from .applications import low_rank
from .errors import (
    BudgetError,
    ConditionError,
    ExactSVDError,
    FileReadError,
    FileReadingDisabledError,
    InputTooLargeError,
    InvalidArgumentError,
    InvalidMatrixError,
    MatrixParseError,
    MemoryLimitExceeded,
    NoConvergence,
    NonFiniteError,
    NotExactError,
    SymbolicLimitError,
    TimeLimitExceeded,
    UnsupportedEntryError,
    VerificationError,
)
from .checking import CheckReport, check, check_singular_values
from .solutions import Solution, explain
from .exercises import generate
from .result import SVDResult
from .symbolic import SingularValueCases, SymbolicSVDResult

__version__ = "0.1.0"

__all__ = [
    "BudgetError",
    "CheckReport",
    "ConditionError",
    "ExactSVDError",
    "FileReadError",
    "FileReadingDisabledError",
    "InputTooLargeError",
    "InvalidArgumentError",
    "InvalidMatrixError",
    "MatrixParseError",
    "MemoryLimitExceeded",
    "NoConvergence",
    "NonFiniteError",
    "NotExactError",
    "SVDResult",
    "SingularValueCases",
    "Solution",
    "SymbolicLimitError",
    "SymbolicSVDResult",
    "TimeLimitExceeded",
    "UnsupportedEntryError",
    "VerificationError",
    "check",
    "check_singular_values",
    "explain",
    "generate",
    "low_rank",
    "plot",
    "singular_values",
    "svd",
]
