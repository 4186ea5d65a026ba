"""Tests of ``exactsvd.svd`` and ``exactsvd.singular_values``.

Every decomposition goes through :func:`checker.check_svd`, which checks the
shapes, the package's exact proof, an independent 50-digit evaluation, and the
canonical form of ``shared/CONVENTIONS.md`` (rules 1-7).  On top of that the
tests here pin the exact answers of textbook examples, worked by hand with
the sign rules.
"""

import math
import re
from fractions import Fraction

import mpmath
import pytest
import sympy
from cases import GOLUB_REINSCH
from checker import (
    _nesting,
    as_sympy_matrix,
    check_svd,
    hand_kernel,
    nested_sqrt,
    random_rational_matrix,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import (
    CRootOf,
    ImmutableMatrix,
    Matrix,
    Poly,
    Rational,
    Symbol,
    diag,
    eye,
    sqrt,
    zeros,
)

import exactsvd

R = Rational
PHI = (1 + sqrt(5)) / 2
FIBONACCI = Matrix([[1, 1], [1, 0]])
SAGE_BLOG = [[1, 2, 1, 0], [2, 0, 1, 1]]
CASUS = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
FORMS = ("full", "thin", "compact")


def svd_checked(A, form="full", **kwargs):
    """``exactsvd.svd(A, form=form)``, put through the checker, returned."""
    r = exactsvd.svd(A, form=form)
    check_svd(A, r, form, **kwargs)
    return r


def assert_same(M, expected, what):
    """``M == expected`` as exact numbers (``simplify`` of the difference is the zero matrix)."""
    expected = ImmutableMatrix(expected)
    assert M.shape == expected.shape, f"{what}: shape {M.shape}, expected {expected.shape}"
    difference = sympy.simplify(M - expected)
    assert difference.is_zero_matrix, f"{what} is {M.tolist()}, expected {expected.tolist()}"


# --------------------------------------------------------------------------- textbook singular values


TEXTBOOK = [
    pytest.param(SAGE_BLOG, (3, sqrt(3)), id="sage-blog"),
    pytest.param([[3, 0], [4, 5]], (3 * sqrt(5), sqrt(5)), id="3-0-4-5"),
    pytest.param([[4, 11, 14], [8, 7, -2]], (6 * sqrt(10), 3 * sqrt(10)), id="4-11-14"),
    pytest.param([[1, -1], [-2, 2], [2, -2]], (3 * sqrt(2), 0), id="rank-one-tall"),
    pytest.param(FIBONACCI, ((1 + sqrt(5)) / 2, (sqrt(5) - 1) / 2), id="fibonacci"),
    pytest.param(GOLUB_REINSCH, (sqrt(1248), 20, sqrt(384), 0, 0), id="golub-reinsch-8x5"),
    pytest.param([[1, 1, 1, 0], [0, 1, 2, 1]], (sqrt(3) / 2 + sqrt(15) / 2, sqrt(15) / 2 - sqrt(3) / 2), id="blog-wide"),
]


@pytest.mark.parametrize("A, values", TEXTBOOK)
@pytest.mark.parametrize("form", FORMS)
def test_textbook_singular_values(A, values, form):
    r = svd_checked(A, form)
    assert r.singular_values == tuple(sympy.sympify(v) for v in values)


def test_fibonacci_values_are_denested():
    r = svd_checked(FIBONACCI)
    big, small = r.singular_values
    assert big == (1 + sqrt(5)) / 2
    assert small == (sqrt(5) - 1) / 2
    assert not nested_sqrt(big) and not nested_sqrt(small)
    assert sympy.expand(big * small) == 1  # |det F| = 1


def _denesting_case(w, a, b, z):
    """Symmetric ``[[z + a w, b w / 2], [b w / 2, z]]`` over QQ(sqrt 2), ``a``, ``b`` rational: its eigenvalues
    have the discriminant ``(a^2 + b^2) w^2``, whose square root denests to ``w sqrt(a^2 + b^2)``."""
    return Matrix([[z + a * w, b * w / 2], [b * w / 2, z]])


DENESTING_FAMILY = [
    Matrix([[2 * sqrt(2), 2 * sqrt(2)], [2 * sqrt(2), -3 + 2 * sqrt(2)]]),  # issue 10: sqrt(1681 - 984 sqrt 2)
    _denesting_case(1 + sqrt(2), 1, 2, 3),
    _denesting_case(3 - sqrt(2), 2, 1, sqrt(2)),
    _denesting_case(2 * sqrt(2) - 1, Rational(1, 2), 3, 1 - sqrt(2)),
    _denesting_case(5 + 2 * sqrt(2), 1, 1, -sqrt(2) / 3),
    Matrix([[1 + sqrt(2), 2], [0, 3 * sqrt(2)]]),  # not of the family: whatever denests must be denested
]


@pytest.mark.parametrize("A", DENESTING_FAMILY)
def test_values_over_a_quadratic_field_are_denested(A):
    """Rule 7 over QQ(sqrt 2): sqrt(r + q sqrt(2)) with a rational square norm is denested (checker: rule 7)."""
    r = svd_checked(A)  # the checker's rule 7: no singular value that sqrtdenest makes less nested
    for entry in (*r.U, *r.V):  # and the same for the entries of U and V
        denested = sympy.sqrtdenest(entry)
        assert _nesting(denested) >= _nesting(entry), f"{entry} denests to {denested}"


def test_fibonacci_factors():
    U, _S, V = svd_checked(FIBONACCI)
    norm = sqrt(PHI**2 + 1)
    assert_same(V, Matrix([[PHI, 1], [1, -PHI]]) / norm, "V")
    assert_same(U, Matrix([[PHI, -1], [1, PHI]]) / norm, "U")


def test_golub_reinsch_matches_mpmath():
    r = svd_checked(GOLUB_REINSCH)
    assert r.rank == 3
    assert r.singular_values == (4 * sqrt(78), 20, 8 * sqrt(6), 0, 0)
    with mpmath.workdps(40):
        reference = mpmath.svd_r(mpmath.matrix(GOLUB_REINSCH), compute_uv=False)
        for ours, theirs in zip(r.singular_values, reference):
            assert abs(mpmath.mpf(sympy.N(ours, 40)) - theirs) < mpmath.mpf("1e-30")


def test_casus_irreducibilis_uses_crootof():
    """``A^T A`` has an irreducible cubic with three real roots: no real radical form exists."""
    r = svd_checked(CASUS)
    x = Symbol("x")
    charpoly = Poly((Matrix(CASUS).T * Matrix(CASUS)).charpoly(x).as_expr(), x)
    assert charpoly.is_irreducible and sympy.discriminant(charpoly) > 0
    for s in r.singular_values:
        assert s.is_number and not s.has(sympy.Float)
        assert s.has(CRootOf), f"{s} should be written with CRootOf"
        assert isinstance(s**2, CRootOf), f"{s} should be sqrt(CRootOf(...))"
    with mpmath.workdps(40):
        reference = mpmath.svd_r(mpmath.matrix(CASUS), compute_uv=False)
        for ours, theirs in zip(r.singular_values, reference):
            assert abs(mpmath.mpf(sympy.N(ours, 40)) - theirs) < mpmath.mpf("1e-30")


def test_blog_wide_matrix_has_orthogonal_u():
    """The blog's recipe accepts a non-orthogonal U for this matrix; ours is orthogonal, exactly."""
    A = Matrix([[1, 1, 1, 0], [0, 1, 2, 1]])
    U, _S, _V = svd_checked(A, simplify_check=True)  # simplify proves U S V^T = A, U^T U = I, V^T V = I
    assert sympy.simplify(U * U.T - eye(2)).is_zero_matrix


# --------------------------------------------------------------------------- textbook U and V, by hand


def test_hand_3_0_4_5():
    U, S, V = svd_checked([[3, 0], [4, 5]])
    assert_same(S, diag(3 * sqrt(5), sqrt(5)), "S")
    assert_same(V, Matrix([[1, 1], [1, -1]]) / sqrt(2), "V")
    assert_same(U, Matrix([[1, 3], [3, -1]]) / sqrt(10), "U")


def test_hand_wide_4_11_14():
    """m < n: U from A A^T = [[333, 81], [81, 117]] (eigenvalues 360, 90), then v_i = A^T u_i / s_i."""
    U, S, V = svd_checked([[4, 11, 14], [8, 7, -2]])
    assert_same(U, Matrix([[3, -1], [1, 3]]) / sqrt(10), "U")
    assert_same(V, Matrix([[1, 2, 2], [2, 1, -2], [2, -2, 1]]) / 3, "V")
    assert_same(S, Matrix([[6 * sqrt(10), 0, 0], [0, 3 * sqrt(10), 0]]), "S")


def test_hand_rank_one_tall():
    """v_1 from rref(A^T A - 18 I) = [1, 1], flipped by rule 4; U completed by the left kernel."""
    U, _S, V = svd_checked([[1, -1], [-2, 2], [2, -2]])
    assert_same(V, Matrix([[1, 1], [-1, 1]]) / sqrt(2), "V")
    expected_u = Matrix(
        [
            [R(1, 3), 2 / sqrt(5), 2 / (3 * sqrt(5))],
            [R(-2, 3), 1 / sqrt(5), -4 / (3 * sqrt(5))],
            [R(2, 3), 0, -5 / (3 * sqrt(5))],
        ]
    )
    assert_same(U, expected_u, "U")


def test_hand_sage_blog():
    """The SageMath blog matrix: U from A A^T = [[6, 3], [3, 6]], V completed by the kernel of A."""
    U, S, V = svd_checked(SAGE_BLOG)
    assert_same(U, Matrix([[1, -1], [1, 1]]) / sqrt(2), "U")
    expected_v = Matrix.hstack(
        Matrix([3, 2, 2, 1]) / (3 * sqrt(2)),
        Matrix([1, -2, 0, 1]) / sqrt(6),
        Matrix([2, 1, -4, 0]) / sqrt(21),  # rref kernel vector (-1/2, -1/4, 1, 0), flipped
        Matrix([3, -2, 1, -7]) / (3 * sqrt(7)),  # second one after Gram-Schmidt, flipped
    )
    assert_same(V, expected_v, "V")
    assert_same(S, Matrix([[3, 0, 0, 0], [0, sqrt(3), 0, 0]]), "S")


def test_hand_rank_one_with_both_kernels():
    A = Matrix([[1, 2], [2, 4], [3, 6]])
    U, S, V = svd_checked(A)
    assert S == Matrix([[sqrt(70), 0], [0, 0], [0, 0]])
    assert_same(V, Matrix([[1, 2], [2, -1]]) / sqrt(5), "V")
    expected_u = Matrix.hstack(Matrix([1, 2, 3]) / sqrt(14), Matrix([2, -1, 0]) / sqrt(5), Matrix([3, 6, -5]) / sqrt(70))
    assert_same(U, expected_u, "U")
    # the transpose swaps the roles (m < n: U from A A^T)
    U2, _S2, V2 = svd_checked(A.T)
    assert_same(U2, V, "U of A^T")
    assert_same(V2, U, "V of A^T")


def test_hand_gram_schmidt_inside_a_repeated_value():
    """A = 3 I + J: A^T A - 9 I = 9 J, rref [1, 1, 1]: basis (-1, 1, 0), (-1, 0, 1), Gram-Schmidt, rule 4."""
    A = Matrix([[4, 1, 1], [1, 4, 1], [1, 1, 4]])
    U, S, V = svd_checked(A)
    expected = Matrix.hstack(Matrix([1, 1, 1]) / sqrt(3), Matrix([1, -1, 0]) / sqrt(2), Matrix([1, 1, -2]) / sqrt(6))
    assert S == diag(6, 3, 3)
    assert_same(V, expected, "V")
    assert_same(U, expected, "U")


# --------------------------------------------------------------------------- edge cases


@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (3, 2), (4, 4), (1, 4), (4, 1)])
@pytest.mark.parametrize("form", FORMS)
def test_zero_matrix(shape, form):
    m, n = shape
    r = svd_checked(zeros(m, n), form)
    assert r.rank == 0
    assert r.singular_values == (0,) * min(m, n)
    if form == "full":  # the hand method's kernel bases of the zero matrix are the standard bases
        assert r.U == eye(m) and r.V == eye(n) and r.S == zeros(m, n)


@pytest.mark.parametrize(
    "a, u, s",
    [(5, 1, 5), (-5, -1, 5), (R(-2, 3), -1, R(2, 3)), (0, 1, 0)],
)
def test_one_by_one(a, u, s):
    U, S, V = svd_checked([[a]])
    assert (U, S, V) == (Matrix([[u]]), Matrix([[s]]), Matrix([[1]]))


def test_row_vector():
    """m < n: u_1 = (1); v_1 = A^T u_1 / 5 = (-3/5, 4/5) has a negative lead, so both flip."""
    U, S, V = svd_checked([[-3, 4]])
    assert U == Matrix([[-1]])
    assert S == Matrix([[5, 0]])
    assert V == Matrix([[R(3, 5), R(4, 5)], [R(-4, 5), R(3, 5)]])


def test_column_vector():
    U, S, V = svd_checked([[-3], [4]])
    assert V == Matrix([[1]])
    assert S == Matrix([[5], [0]])
    assert U == Matrix([[R(-3, 5), R(4, 5)], [R(4, 5), R(3, 5)]])


@pytest.mark.parametrize("n", [1, 3, 5])
def test_long_vectors(n):
    row = [[k - 2 for k in range(n)]]
    svd_checked(row)
    svd_checked(Matrix(row).T)


@pytest.mark.parametrize("shape", [(0, 3), (3, 0), (0, 0), (0, 1), (1, 0)])
@pytest.mark.parametrize("form", FORMS)
def test_empty_matrices(shape, form):
    m, n = shape
    r = svd_checked(zeros(m, n), form)
    assert r.singular_values == () and r.rank == 0
    U, S, V = r
    if form == "full":
        assert (U.shape, S.shape, V.shape) == ((m, m), (m, n), (n, n))
        assert U == eye(m) and V == eye(n)
    else:
        assert (U.shape, S.shape, V.shape) == ((m, 0), (0, 0), (n, 0))


@pytest.mark.parametrize("A", [[], [[]], "[]"])
def test_empty_input_spellings(A):
    r = exactsvd.svd(A)
    check_svd(zeros(0, 0), r)
    assert r.singular_values == ()


# --------------------------------------------------------------------------- repeated singular values


def test_scaled_rotation():
    A = 5 * Matrix([[R(3, 5), R(-4, 5)], [R(4, 5), R(3, 5)]])
    U, S, V = svd_checked(A)
    assert S == diag(5, 5)
    assert V == eye(2)  # rref of A^T A - 25 I = 0 is the standard basis (rule 5)
    assert U == A / 5


@pytest.mark.parametrize(
    "A, u",
    [
        (eye(3), eye(3)),
        (diag(2, 2, 1), eye(3)),
        (Matrix([[0, 1], [1, 0]]), Matrix([[0, 1], [1, 0]])),
        (Matrix([[1, 1], [1, -1]]), Matrix([[1, 1], [1, -1]]) / sqrt(2)),
    ],
    ids=["identity", "diag-2-2-1", "swap", "hadamard"],
)
def test_rule5_identity_like(A, u):
    """Inside a repeated eigenvalue V is rref + Gram-Schmidt: the standard basis here."""
    U, _S, V = svd_checked(A)
    assert V == eye(A.cols)
    assert_same(U, u, "U")


def test_repeated_irrational_value():
    """diag(F, F): s = (1 + sqrt 5)/2 twice; the rref basis has free columns 2 and 4."""
    A = diag(FIBONACCI, FIBONACCI)
    r = svd_checked(A, simplify_check=True)
    big, small = (1 + sqrt(5)) / 2, (sqrt(5) - 1) / 2
    assert r.singular_values == (big, big, small, small)
    f = exactsvd.svd(FIBONACCI)
    v1, v2 = f.V[:, 0], f.V[:, 1]
    z = zeros(2, 1)
    assert_same(r.V, Matrix.hstack(Matrix.vstack(v1, z), Matrix.vstack(z, v1), Matrix.vstack(v2, z), Matrix.vstack(z, v2)), "V")


@pytest.mark.parametrize("form", FORMS)
def test_repeated_irrational_value_wide_and_tall(form):
    D = diag(FIBONACCI, FIBONACCI)
    svd_checked(Matrix.hstack(D, zeros(4, 1)), form)  # m < n: the repeated space is on U's side
    svd_checked(Matrix.vstack(D, zeros(1, 4)), form)


@pytest.mark.parametrize(
    "A",
    [
        [[1, 2, 3], [2, 4, 6]],
        [[1, 2], [2, 4], [3, 6]],
        [[1, 0, 1, 0], [0, 1, 0, 1], [1, 1, 1, 1]],
        [[1, 1], [1, 1], [2, 2], [0, 0]],
        [[0, 0, 2], [0, 0, 0]],
        [[R(1, 2), R(-1, 3), 0, 1], [1, R(-2, 3), 0, 2]],
    ],
)
@pytest.mark.parametrize("form", FORMS)
def test_rank_deficient(A, form):
    r = svd_checked(A, form)
    assert r.rank < min(as_sympy_matrix(A).shape)


def second_difference(n):
    """The n×n second-difference matrix (2 on the diagonal, -1 beside it)."""
    return Matrix(n, n, lambda i, j: 2 if i == j else (-1 if abs(i - j) == 1 else 0))


@pytest.mark.parametrize(
    "A",
    [
        Matrix([[0, 1], [1, R(1, 2)]]),  # factor x^2 - 9/4 x + 1: SymPy's field for it has another generator
        Matrix([[2, 1, 0], [0, 2, 1], [0, 0, 2]]),  # Jordan block: a casus irreducibilis cubic
        Matrix([[0, 1, 0], [0, 0, 1], [0, 0, 0]]),  # nilpotent: values 1, 1, 0
        Matrix(3, 3, lambda i, j: R(1, i + j + 1)),  # Hilbert
        second_difference(4),
        second_difference(5),
        Matrix([[10**6, 3], [7, -(10**6) + 1]]),
        Matrix([[R(1, 10**6), 0], [0, R(1, 10**6 + 1)]]),
    ],
    ids=["quadratic-generator", "jordan", "nilpotent", "hilbert-3", "second-difference-4", "second-difference-5", "big", "tiny"],
)
def test_structured_matrices(A):
    svd_checked(A)


# --------------------------------------------------------------------------- forms


@pytest.mark.parametrize(
    "A", [SAGE_BLOG, [[1, -1], [-2, 2], [2, -2]], [[4, 11, 14], [8, 7, -2]], GOLUB_REINSCH, zeros(2, 3), [[2]]]
)
def test_forms_are_leading_columns_of_full(A):
    full = exactsvd.svd(A)
    U, S, V = full
    for form, k in (("thin", min(S.shape)), ("compact", full.rank)):
        r = svd_checked(A, form)
        assert r.singular_values == full.singular_values and r.rank == full.rank
        assert r.U == U[:, :k] and r.S == S[:k, :k] and r.V == V[:, :k], form


def test_input_spellings_agree():
    expected = exactsvd.svd([[3, 0], [4, 5]])
    for A in ("[[3, 0], [4, 5]]", "3 0; 4 5", Matrix([[3, 0], [4, 5]]), [[Fraction(3), "0"], [sympy.Integer(4), "5"]]):
        r = exactsvd.svd(A)
        assert tuple(r) == tuple(expected), A


# --------------------------------------------------------------------------- errors


ERRORS = [
    pytest.param([[1, 2], [3]], {}, exactsvd.InvalidMatrixError, ["A", "row 2", "row 1"], id="ragged"),
    pytest.param("", {}, exactsvd.MatrixParseError, ["A", "empty"], id="empty-text"),
    pytest.param("[[1, 2+]]", {}, exactsvd.MatrixParseError, ["A", "row 1, column 2", "2+"], id="bad-text"),
    pytest.param("[[1, x+]]", {}, exactsvd.MatrixParseError, ["A", "row 1, column 2", "x+"], id="non-numeric-text"),
    pytest.param([[1, math.nan]], {}, exactsvd.NonFiniteError, ["A", "row 1, column 2", "nan"], id="nan"),
    pytest.param([[math.inf, 1]], {}, exactsvd.NonFiniteError, ["A", "row 1, column 1", "inf"], id="inf"),
    pytest.param("[[1, oo]]", {}, exactsvd.NonFiniteError, ["A", "row 1, column 2", "oo"], id="oo-text"),
    pytest.param([[1, sympy.nan]], {}, exactsvd.NonFiniteError, ["A", "row 1, column 2", "nan"], id="sympy-nan"),
    pytest.param([[1, 0.5]], {}, exactsvd.NotExactError, ["A", "row 1, column 2", "0.5", "rationalize=True"], id="float"),
    pytest.param([[sympy.pi, 1]], {}, exactsvd.UnsupportedEntryError, ["A", "row 1, column 1", "pi"], id="pi"),
    pytest.param("[[1, pi]]", {}, exactsvd.UnsupportedEntryError, ["A", "row 1, column 2", "pi"], id="pi-text"),
    pytest.param("[[1, t]]", {}, exactsvd.UnsupportedEntryError, ["A", "row 1, column 2", "t", "symbols="], id="symbol"),
    pytest.param([[1]], {"form": "tiny"}, exactsvd.InvalidArgumentError, ["form=", "'tiny'", "'thin'"], id="form"),
    pytest.param([[1]], {"method": "qr"}, exactsvd.InvalidArgumentError, ["method=", "'qr'", "'exact'"], id="method"),
]


def assert_error(call, error, words):
    """``call()`` raises *error* (an ``ExactSVDError`` and a ``ValueError``) whose message has all *words*."""
    with pytest.raises(exactsvd.ExactSVDError) as info:
        call()
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, error), f"raised {type(info.value).__name__}: {info.value}; expected {error.__name__}"
    message = str(info.value)
    for word in words:
        assert word in message, f"{word!r} not in the message {message!r}"


@pytest.mark.parametrize("A, kwargs, error, words", ERRORS)
def test_errors(A, kwargs, error, words):
    assert_error(lambda: exactsvd.svd(A, **kwargs), error, words)


@pytest.mark.parametrize("A, kwargs, error, words", [p for p in ERRORS if p.id not in ("form", "method")])
def test_singular_values_errors(A, kwargs, error, words):
    assert_error(lambda: exactsvd.singular_values(A, **kwargs), error, words)


def test_rationalize_floats():
    r = exactsvd.svd([[0.5]], rationalize=True)
    check_svd([[R(1, 2)]], r)
    assert r.singular_values == (R(1, 2),)
    r = exactsvd.svd([[0.5, 0], [0, -0.25]], rationalize=True)
    check_svd([[R(1, 2), 0], [0, R(-1, 4)]], r)
    assert r.singular_values == (R(1, 2), R(1, 4))
    assert exactsvd.singular_values([[0.1, 0.2]], rationalize=True) == (sqrt(5) / 10,)


def test_error_hierarchy():
    for name in (
        "InvalidArgumentError",
        "InvalidMatrixError",
        "MatrixParseError",
        "NonFiniteError",
        "NotExactError",
        "UnsupportedEntryError",
        "VerificationError",
        "NoConvergence",
    ):
        assert issubclass(getattr(exactsvd, name), exactsvd.ExactSVDError)
    assert issubclass(exactsvd.ExactSVDError, ValueError)
    assert issubclass(exactsvd.MatrixParseError, exactsvd.InvalidMatrixError)
    assert issubclass(exactsvd.NonFiniteError, exactsvd.InvalidMatrixError)


# --------------------------------------------------------------------------- singular_values


@pytest.mark.parametrize(
    "A", [SAGE_BLOG, FIBONACCI, CASUS, GOLUB_REINSCH, [[1, -1], [-2, 2], [2, -2]], zeros(2, 3), zeros(0, 2), diag(2, 2, 1)]
)
def test_singular_values_function(A):
    values = exactsvd.singular_values(A)
    assert isinstance(values, tuple)
    assert values == exactsvd.svd(A).singular_values


# --------------------------------------------------------------------------- property tests


@settings(max_examples=90, deadline=None)
@given(random_rational_matrix(), st.sampled_from(FORMS))
def test_random_matrices(A, form):
    svd_checked(A, form)


@settings(max_examples=80, deadline=None)
@given(random_rational_matrix(force_rank=True, min_size=0), st.sampled_from(FORMS))
def test_random_low_rank_matrices(A, form):
    r = svd_checked(A, form, simplify_check=False)
    assert r.rank == (A.rank() if min(A.shape) else 0)


@st.composite
def repeated_value_matrices(draw):
    """Matrices with repeated (often irrational) singular values: diag(B, B), B ⊗ I, [B, B], permuted."""
    B = draw(random_rational_matrix(max_rows=2, max_cols=2))
    kind = draw(st.sampled_from(["diag", "kron-left", "kron-right", "hstack", "vstack"]))
    A = {
        "diag": lambda: diag(B, B),
        "kron-left": lambda: sympy.kronecker_product(eye(2), B),
        "kron-right": lambda: sympy.kronecker_product(B, eye(2)),
        "hstack": lambda: Matrix.hstack(B, B),
        "vstack": lambda: Matrix.vstack(B, 2 * B),
    }[kind]()
    rows = draw(st.permutations(range(A.rows)))
    cols = draw(st.permutations(range(A.cols)))
    return ImmutableMatrix(A.extract(list(rows), list(cols)))


@settings(max_examples=60, deadline=None)
@given(repeated_value_matrices(), st.sampled_from(FORMS))
def test_random_repeated_values(A, form):
    svd_checked(A, form, simplify_check=False)


@settings(max_examples=100, deadline=None)
@given(random_rational_matrix(min_size=0))
def test_random_singular_values_function(A):
    assert exactsvd.singular_values(A) == exactsvd.svd(A).singular_values


# --------------------------------------------------------------------------- the checker catches mistakes


class FakeResult:
    """A hand-made result to feed the checker: factors, values, rank, and a ``verify`` that says yes."""

    def __init__(self, U, S, V):
        self.U, self.S, self.V = (ImmutableMatrix(M) for M in (U, S, V))
        self.singular_values = tuple(self.S[i, i] for i in range(min(self.S.shape)))
        self.rank = sum(1 for s in self.singular_values if s != 0)

    def __iter__(self):
        return iter((self.U, self.S, self.V))

    def verify(self):
        return True


def _fake(A, change):
    U, S, V = (Matrix(M) for M in exactsvd.svd(A))
    change(U, S, V)
    return FakeResult(U, S, V)


def _flip_pair(U, S, V):
    U[:, 0], V[:, 0] = -U[:, 0], -V[:, 0]


def _flip_u(U, S, V):
    U[:, 0] = -U[:, 0]


def _swap_kernel(U, S, V):
    V[:, 2], V[:, 3] = V[:, 3], V[:, 2]


def _rotate_eigenspace(U, S, V):
    V[:, :] = Matrix([[0, 1, 0], [1, 0, 0], [0, 0, 1]])
    U[:, :] = Matrix([[0, 1, 0], [1, 0, 0], [0, 0, 1]])


def _nested_value(U, S, V):
    S[0, 0] = sqrt(R(3, 2) + sqrt(5) / 2)  # = (1 + sqrt 5)/2, not denested


def _scale_u(U, S, V):
    U[:, 1] = U[:, 1] * R(101, 100)


@pytest.mark.parametrize(
    "A, change, words",
    [
        ([[3, 0], [4, 5]], _flip_pair, "rule 4"),
        ([[3, 0], [4, 5]], _flip_u, "U S V^T - A"),
        ([[3, 0], [4, 5]], _scale_u, "U^T U - I"),
        (SAGE_BLOG, _swap_kernel, "kernel"),
        (eye(3), _rotate_eigenspace, "hand method's basis"),
        (FIBONACCI, _nested_value, "rule 7"),
    ],
    ids=["sign", "unpaired-sign", "not-orthogonal", "kernel-order", "eigenspace-basis", "nested"],
)
def test_checker_catches(A, change, words):
    with pytest.raises(AssertionError, match=re.escape(words)):
        check_svd(A, _fake(A, change))


def test_checker_hand_kernel():
    assert hand_kernel(Matrix([[1, 1]])) == [[sqrt(2) / 2, -sqrt(2) / 2]]
    assert hand_kernel(zeros(0, 2)) == [[1, 0], [0, 1]]
