"""Matrices with parameters and their singular values derived by hand (the corpus of issue 15).

Each :class:`SymbolicCase` is matrix text, the declaration of its parameters
(``symbols=``) and the singular values a student derives by hand, as SymPy
text in the declared symbols (read by :func:`expected_values`), in any order.
``PEER_CASES`` are the 9 symbolic cases of the peers' suites (SymPy, Octave's
symbolic package and others); ``OWN_CASES`` are textbook exercises with a
parameter, 3×3 matrices with two parameters, ranks that drop at special
values, rational-function entries and radicals with a parameter.
"""

from collections import namedtuple

import sympy

from exactsvd.input import as_exact_matrix
from exactsvd.input.symbols import declare_symbols

#: ``values``: the singular values by hand (SymPy text, comma separated, any order); ``known``: what the core does
#: not do right yet,
#: ``{"svd" or "singular_values": reason}`` (the notes of /work/wt/issues/SYMBOLIC_INTERFACE.md; the tests
#: expect the failure strictly, so a fix shows as a failure until the entry is removed).
SymbolicCase = namedtuple("SymbolicCase", "name text symbols values why known", defaults=(None,))


PEER_CASES = [
    SymbolicCase("diagonal-with-symbol", "[[1, 0, 0], [0, x, 0], [0, 0, 5]]", "x", "1, Abs(x), 5",
                 "diag(1, x, 5): the absolute values of the diagonal"),
    SymbolicCase("rotation", "[[cos(t), -sin(t)], [sin(t), cos(t)]]", "t", "1, 1",
                 "an orthogonal matrix: A^T A = I"),
    SymbolicCase("shear", "[[1, a], [0, 1]]", "a", "(sqrt(a**2 + 4) + Abs(a))/2, (sqrt(a**2 + 4) - Abs(a))/2",
                 "A^T A has trace a^2 + 2 and determinant 1: s1 s2 = 1, s1 + s2 = sqrt(a^2 + 4)"),
    SymbolicCase("three-by-three-rank-two", "[[0, 1, 0], [0, x, 0], [-1, 0, 0]]", "x", "sqrt(x**2 + 1), 1, 0",
                 "orthogonal columns of lengths 1, sqrt(1 + x^2), 0"),
    SymbolicCase("one-by-one-complex", "[[x]]", "x:complex", "Abs(x)", "|x| for a complex x"),
    SymbolicCase("one-by-one-real", "[[x]]", "x", "Abs(x)", "|x|"),
    SymbolicCase("diagonal-positive", "[[x + 1, 0], [0, 2x + 1]]", "x:positive", "2*x + 1, x + 1",
                 "positive diagonal, 2x + 1 > x + 1 for x > 0"),
    SymbolicCase("diagonal-real-and-number", "[[x, 0], [0, -5]]", "x", "Abs(x), 5", "|x| and 5, order by |x| vs 5"),
    SymbolicCase("diagonal-multiple", "[[x, 0], [0, 2x]]", "x:positive", "2*x, x", "2x > x for x > 0"),
]

OWN_CASES = [
    SymbolicCase("symmetric-x-1", "[[x, 1], [1, x]]", "x", "Abs(x + 1), Abs(x - 1)",
                 "symmetric: eigenvalues x + 1, x - 1; rank drops at x = ±1"),
    SymbolicCase("symmetric-1-x", "[[1, x], [x, 1]]", "x", "Abs(1 + x), Abs(1 - x)", "eigenvalues 1 ± x"),
    SymbolicCase("scaled-rotation", "[[a, b], [-b, a]]", "a b", "sqrt(a**2 + b**2), sqrt(a**2 + b**2)",
                 "A^T A = (a^2 + b^2) I: two parameters"),
    SymbolicCase("wide-diagonal", "[[x, 0, 0], [0, y, 0]]", "x:positive y:positive", "x, y",
                 "2×3, order decided by x vs y"),
    SymbolicCase("rank-one-columns", "[[1, 1], [x, x]]", "x", "sqrt(2)*sqrt(x**2 + 1), 0",
                 "[1, x]^T [1, 1]: |[1, x]| |[1, 1]|"),
    SymbolicCase("rank-one-square", "[[1, x], [x, x**2]]", "x", "x**2 + 1, 0", "[1, x]^T [1, x]: |[1, x]|^2"),
    SymbolicCase("jordan-block", "[[x, 1], [0, x]]", "x", "(sqrt(4*x**2 + 1) + 1)/2, (sqrt(4*x**2 + 1) - 1)/2",
                 "s1 s2 = x^2, s1^2 + s2^2 = 2x^2 + 1; rank drops at x = 0"),
    SymbolicCase("symmetric-rank-drop", "[[1, 2], [2, x]]", "x",
                 "Abs(x + 1 + sqrt(x**2 - 2*x + 17))/2, Abs(x + 1 - sqrt(x**2 - 2*x + 17))/2",
                 "symmetric, eigenvalues (x + 1 ± sqrt((x - 1)^2 + 16))/2; rank drops at x = 4"),
    SymbolicCase("diagonal-two-zeros", "[[x, 0], [0, x - 1]]", "x", "Abs(x), Abs(x - 1)",
                 "rank drops at x = 0 and at x = 1"),
    SymbolicCase("three-by-three-two-parameters", "[[a, 0, 0], [0, b, 0], [0, 0, 1]]", "a:positive b:positive",
                 "a, b, 1", "3×3 diagonal with two parameters: the order depends on a, b and 1"),
    SymbolicCase("three-by-three-block-rotation", "[[a, b, 0], [-b, a, 0], [0, 0, 1]]", "a b",
                 "sqrt(a**2 + b**2), sqrt(a**2 + b**2), 1", "a scaled rotation block and 1"),
    SymbolicCase("tall-diagonal", "[[x, 0], [0, 1], [0, 0]]", "x:positive", "x, 1", "3×2: x vs 1"),
    SymbolicCase("rational-reciprocal", "[[1/x, 0], [0, x]]", "x:positive", "x, 1/x",
                 "rational-function entry: x vs 1/x, order at x = 1"),
    SymbolicCase("rational-below-one", "[[1/(x + 1), 0], [0, 1]]", "x:positive", "1, 1/(x + 1)",
                 "1/(x + 1) < 1 for x > 0: the assumptions decide the order"),
    SymbolicCase("sqrt2-with-parameter", "[[sqrt(2)*x, 0], [0, x]]", "x:positive", "sqrt(2)*x, x",
                 "a radical times a parameter"),
    SymbolicCase("scaled-hadamard", "[[x, x], [x, -x]]", "x", "sqrt(2)*Abs(x), sqrt(2)*Abs(x)",
                 "x [[1, 1], [1, -1]]: A^T A = 2x^2 I"),
    SymbolicCase("textbook-x-1", "[[x, 1], [-1, x]]", "x", "sqrt(x**2 + 1), sqrt(x**2 + 1)",
                 "A^T A = (x^2 + 1) I"),
    SymbolicCase("powers-of-t", "[[t, 0], [0, t^2]]", "t:positive", "t, t**2", "t vs t^2: order at t = 1"),
    SymbolicCase("tall-rank-one", "[[1, x], [1, x], [1, x]]", "x", "sqrt(3)*sqrt(x**2 + 1), 0",
                 "[1, 1, 1]^T [1, x]"),
    SymbolicCase("row-with-sqrt2", "[[sqrt(2), x]]", "x", "sqrt(x**2 + 2)", "1×2: the length of the row"),
    SymbolicCase("fibonacci-parameter", "[[x, 1], [1, 0]]", "x", "(sqrt(x**2 + 4) + Abs(x))/2, (sqrt(x**2 + 4) - Abs(x))/2",
                 "symmetric, eigenvalues (x ± sqrt(x^2 + 4))/2, product -1"),
    SymbolicCase("rotation-3x3", "[[cos(t), -sin(t), 0], [sin(t), cos(t), 0], [0, 0, 2]]", "t", "2, 1, 1",
                 "a rotation block and 2"),
    SymbolicCase("reflection", "[[cos(t), sin(t)], [sin(t), -cos(t)]]", "t", "1, 1", "a reflection: orthogonal"),
    SymbolicCase("column-pair", "[[a, 0], [b, 0]]", "a b", "sqrt(a**2 + b**2), 0", "one non-zero column [a, b]"),
    SymbolicCase("row-pair", "[[x, y], [0, 0]]", "x y", "sqrt(x**2 + y**2), 0", "one non-zero row [x, y]"),
    SymbolicCase("integer-parameter", "[[n, 1], [0, 0]]", "n:positive:integer", "sqrt(n**2 + 1), 0",
                 "a positive integer parameter"),
]

CASES = PEER_CASES + OWN_CASES


def matrix(case):
    """The case's exact matrix (its parameters declared as the case says)."""
    return as_exact_matrix(case.text, symbols=case.symbols)


def expected_values(case):
    """The singular values by hand as SymPy expressions in the case's declared symbols."""
    declared = declare_symbols(case.symbols)
    return [sympy.sympify(part, locals=declared) for part in case.values.split(", ")]
