"""Textbook matrices shared by the tests (and the benchmarks)."""

from sympy import sqrt

#: The test matrix of Golub and Reinsch, also in mpmath's own SVD tests
#: (mpmath/tests/test_eigen_symmetric.py, test_svd_test_case).
GOLUB_REINSCH = [
    [22, 10, 2, 3, 7],
    [14, 7, 10, 0, 8],
    [-1, 13, -1, -11, 3],
    [-3, -2, 13, -2, 4],
    [9, 8, 1, -2, 4],
    [9, 1, -7, 5, -1],
    [2, -6, 6, 5, 1],
    [4, 5, 0, -2, 2],
]
GOLUB_REINSCH_VALUES = (sqrt(1248), 20, sqrt(384), 0, 0)
