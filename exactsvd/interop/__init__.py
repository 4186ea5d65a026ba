"""Results handed to other libraries: NumPy arrays (:func:`to_numpy`) and SageMath matrices (:func:`to_sage`).

A face over results: NumPy and Sage are imported only when these are called.
"""

from .arrays import to_numpy
from .sage import to_sage

__all__ = ["to_numpy", "to_sage"]
