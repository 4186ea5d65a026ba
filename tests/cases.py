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

#: The matrices whose worked solutions are rendered as documents (PDF, HTML) by the tests: the
#: textbook ones (the blog's 2×4, [[3,0],[4,5]], [[4,11,14],[8,7,-2]], Fibonacci, a repeated
#: value), a rank-deficient one, a 3×3 with a cubic (casus irreducibilis), a 3×3 with a quadratic
#: field, 6×6 ones with radicals and with CRootOf numbers.
DOCUMENT_CASES = {
    "blog": "[[1,2,1,0],[2,0,1,1]]",
    "textbook-2x2": "[[3,0],[4,5]]",
    "textbook-2x3": "[[4,11,14],[8,7,-2]]",
    "fibonacci": "[[1,1],[1,0]]",
    "repeated-singular-value": "[[1,0,1],[0,1,1],[1,1,0],[1,1,1]]",
    "rank-deficient-4x3": "[[1,2,3],[2,4,6],[1,0,1],[3,2,5]]",
    "crootof": "[[1,2,3],[4,5,6],[7,8,10]]",
    "quadratic-3x3": "[[2,1,0],[1,2,1],[0,1,2]]",
    "radicals-6x6": "[[1,2,0,1,2,0],[2,1,0,2,1,0],[0,0,3,0,0,3],[1,2,0,0,0,0],[2,1,0,0,0,0],[0,0,3,0,0,0]]",
    "crootof-6x6": [[(i + j + 2) ** 2 for j in range(6)] for i in range(6)],
    "complex-2x2": "[[1, i], [i, 1]]",
    "complex-hadamard": "[[1, 1], [i, -i]]",
    "complex-phases": "[[1, i], [1+i, 2]]",
    "complex-wide-kernel": "[[1, i, 1+i]]",
    "complex-rank-1": "[[1, i], [i, -1], [2, 2i]]",
}
