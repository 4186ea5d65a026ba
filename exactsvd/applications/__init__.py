"""Applications of the SVD: low-rank approximation, rank-one layers, derived quantities, a float path.

Faces that only consume :class:`~exactsvd.SVDResult`\\ s.  Exact results give
exact answers; numeric ones give answers at their precision.  The float path
(:mod:`.floatpath`) is an uncertified float64 SVD for pictures; it imports
NumPy when called.
"""

from .floatpath import (
    as_grey,
    compression_ratio,
    eckart_young_error,
    energy,
    float_svd,
    grey_picture,
    reconstruct,
    relative_error,
)
from .lowrank import LowRank, low_rank, terms, truncate
from .subspaces import (
    Polar,
    Subspaces,
    condition_number,
    fundamental_subspaces,
    norm_2,
    numerical_rank,
    polar,
    pseudo_inverse,
)

__all__ = [
    "LowRank",
    "Polar",
    "Subspaces",
    "as_grey",
    "compression_ratio",
    "condition_number",
    "eckart_young_error",
    "energy",
    "float_svd",
    "fundamental_subspaces",
    "grey_picture",
    "low_rank",
    "norm_2",
    "numerical_rank",
    "polar",
    "pseudo_inverse",
    "reconstruct",
    "relative_error",
    "terms",
    "truncate",
]
