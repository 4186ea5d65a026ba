"""Applications of the SVD: Eckart–Young, rank-one layers, pseudo-inverse, subspaces, polar form, float path.

Exact results are checked exactly: a difference is zero when it expands to 0
or its minimal polynomial is ``x`` (a proof, not a numerical test).  The one
exception is :func:`all_zero` on ``CRootOf`` entries (see there); the
Eckart–Young identities and the sums of layers are proved in every case.
"""

import os
import subprocess
import sys
from fractions import Fraction

import mpmath
import pytest
from sympy import (
    CRootOf,
    Matrix,
    Pow,
    Rational,
    Symbol,
    expand,
    eye,
    minimal_polynomial,
    oo,
    sqrt,
)
from test_plots import require

import exactsvd
from exactsvd import InvalidArgumentError
from exactsvd.applications import (
    LowRank,
    as_grey,
    compression_ratio,
    condition_number,
    eckart_young_error,
    energy,
    float_svd,
    fundamental_subspaces,
    low_rank,
    norm_2,
    numerical_rank,
    polar,
    pseudo_inverse,
    reconstruct,
    relative_error,
    terms,
    truncate,
)

X = Symbol("x")

# (name, matrix): rational, quadratic, cubic (CRootOf) and algebraic singular values; tall, wide, rank-deficient.
EXACT = [
    ("2x2 3*sqrt(5), sqrt(5)", [[3, 0], [4, 5]]),
    ("golden ratio", [[1, 1], [1, 0]]),
    ("seed 2x4", [[1, 2, 1, 0], [2, 0, 1, 1]]),
    ("quadratic + rational", [[2, 0, 1], [0, 1, 0], [1, 0, 3]]),
    ("cubic CRootOf", [[1, 2, 0], [0, 1, 1], [1, 0, 1]]),
    ("tall rank 1", [[1, 2], [2, 4], [3, 6]]),
    ("wide rank 2", [[1, 0, 1, 0], [0, 1, 0, 1], [1, 1, 1, 1]]),
    ("sqrt(2) entry", [["sqrt(2)", 1], [0, 1]]),
    ("zero", [[0, 0], [0, 0]]),
]
IDS = [name for name, _ in EXACT]


def is_zero(value):
    """Whether an exact number is 0, proved: it expands to 0 or its minimal polynomial is x."""
    value = expand(value)
    return value == 0 or minimal_polynomial(value, X) == X


def all_zero(matrix):
    """Every entry is 0: proved, except with ``CRootOf`` entries, checked to 50 digits.

    Products of square roots of ``CRootOf`` numbers (polar factors, unit
    vectors of the cubic case) defeat ``minimal_polynomial`` for minutes.
    """
    if not matrix.has(CRootOf):
        return all(is_zero(e) for e in matrix)
    return all(abs(e.evalf(60)) < 1e-50 for e in matrix)


@pytest.fixture(params=[A for _, A in EXACT], ids=IDS)
def result(request):
    return exactsvd.svd(request.param)


# ---- Eckart–Young, exactly ----


def test_eckart_young_exact(result):
    """For every k: A - A_k has the singular values s_(k+1), ..., then zeros; the errors are exact."""
    s = result.singular_values
    for k in range(len(s) + 2):
        best = truncate(result, k)
        assert isinstance(best, LowRank) and best.k == k
        rest = s[k:] + (0,) * min(k, len(s))
        assert best.error_2 == (s[k] if k < len(s) else 0)
        difference = result.matrix - best.matrix
        assert all(is_zero(a - b) for a, b in zip(exactsvd.singular_values(difference), rest)), k
        assert is_zero(sum(e**2 for e in difference) - best.error_frobenius**2), k
        assert is_zero(best.error_frobenius**2 - sum(x**2 for x in s[k:]))


def test_truncation_at_the_rank_is_the_matrix_itself(result):
    """Once k reaches the rank, A_k is A -- also for conjugate CRootOf values, summed by a trace."""
    assert truncate(result, result.rank).matrix == result.matrix
    assert truncate(result, result.rank).error_frobenius == 0


def test_truncate_is_exact_and_textbook_shaped():
    best = truncate(exactsvd.svd([[1, 1], [1, 0]]), 1)
    half = Rational(1, 2)
    assert best.matrix == Matrix([[half + 3 * sqrt(5) / 10, half + sqrt(5) / 10], [half + sqrt(5) / 10, sqrt(5) / 5]])
    assert best.error_2 == sqrt(5) / 2 - Rational(1, 2)
    cubic = exactsvd.svd([[1, 2, 0], [0, 1, 1], [1, 0, 1]])
    assert str(truncate(cubic, 1).error_frobenius) == "sqrt(9 - CRootOf(x**3 - 9*x**2 + 18*x - 9, 2))"
    powers = [p.exp for e in truncate(cubic, 1).matrix for p in e.atoms(Pow)]
    assert powers and all(x.is_Integer for x in powers)  # a polynomial in CRootOf: no square roots


def test_low_rank_takes_a_matrix_and_svd_options():
    assert low_rank([[1, 2, 1, 0], [2, 0, 1, 1]], 1).matrix == Matrix([[Rational(3, 2), 1, 1, Rational(1, 2)]] * 2)
    assert low_rank("[[3, 0], [4, 5]]", 1, form="compact").error_2 == sqrt(5)


@pytest.mark.parametrize("form", ["full", "thin", "compact"])
def test_every_form_gives_the_same_truncation(form):
    A = [[1, 2], [3, 4], [5, 6]]
    assert truncate(exactsvd.svd(A, form=form), 1) == truncate(exactsvd.svd(A), 1)


@pytest.mark.parametrize("k", [-1, 1.5, True, "2", None])
def test_truncate_refuses_a_bad_k(k):
    with pytest.raises(InvalidArgumentError, match="k="):
        truncate(exactsvd.svd([[1, 0], [0, 1]]), k)


# ---- rank-one layers ----


def test_terms_add_up_to_the_matrix(result):
    layers = terms(result)
    assert len(layers) == result.rank
    total = Matrix.zeros(*result.matrix.shape)
    for k, layer in enumerate(layers, 1):
        total += layer
        assert all(is_zero(e) for e in total - truncate(result, k).matrix)
    assert all(is_zero(e) for e in total - result.matrix)


def test_each_term_is_s_u_v_transpose():
    r = exactsvd.svd([[1, 2, 1, 0], [2, 0, 1, 1]])
    for i, layer in enumerate(terms(r)):
        assert all_zero(layer - r.singular_values[i] * r.U[:, i] * r.V[:, i].T)


# ---- derived quantities ----


def test_pseudo_inverse_moore_penrose(result):
    A, P = result.matrix, pseudo_inverse(result)
    assert P.shape == (A.cols, A.rows)
    for identity in (A * P * A - A, P * A * P - P, (A * P).T - A * P, (P * A).T - P * A):
        assert all_zero(identity)


def test_pseudo_inverse_of_a_rational_matrix_is_rational():
    A = Matrix([[1, 2, 0], [0, 1, 1], [1, 0, 1]])  # CRootOf singular values, rational inverse
    assert pseudo_inverse(exactsvd.svd(A)) == A.inv()
    B = Matrix([[1, 1, 1], [1, 2, 3], [1, 3, 6], [0, 1, 0]])
    assert pseudo_inverse(exactsvd.svd(B)) == B.pinv()


def test_fundamental_subspaces(result):
    A, r = result.matrix, result.rank
    m, n = A.shape
    spaces = fundamental_subspaces(result)
    assert [b.shape for b in spaces] == [(m, r), (n, r), (n, n - r), (m, m - r)]
    U, _, V = result
    assert (spaces.column.row_join(spaces.left_null), spaces.row.row_join(spaces.null)) == (U, V)
    assert result.verify()  # proves U and V orthogonal, so the bases are orthonormal; checked directly too:
    for basis in spaces:
        assert all_zero(basis.T * basis - eye(basis.cols))
    assert all_zero(A * spaces.null) and all_zero(A.T * spaces.left_null)
    assert all_zero(spaces.column.T * spaces.left_null) and all_zero(spaces.row.T * spaces.null)
    assert all_zero(spaces.column * spaces.column.T * A - A)  # the columns of A lie in the column space


def test_fundamental_subspaces_need_the_full_form():
    with pytest.raises(InvalidArgumentError, match="full form"):
        fundamental_subspaces(exactsvd.svd([[1, 2, 3]], form="thin"))


def test_polar_decomposition(result):
    A = result.matrix
    m, n = A.shape
    Q, P = polar(result)
    assert Q.shape == (m, n) and P.shape == (n, n)
    assert all_zero(Q * P - A)
    assert all_zero(P - P.T)
    assert all_zero((Q.T * Q - eye(n)) if m >= n else (Q * Q.T - eye(m)))
    V = exactsvd.svd(A).V  # P v_i = s_i v_i with s_i >= 0 for an orthonormal basis: P is positive semidefinite
    values = list(result.singular_values) + [0] * (n - len(result.singular_values))
    for i in range(n):
        assert all_zero(P * V[:, i] - values[i] * V[:, i])


def test_polar_of_a_rotation_times_a_stretch():
    Q, P = polar(exactsvd.svd([[0, -2], [1, 0]]))
    assert Q == Matrix([[0, -1], [1, 0]]) and P == Matrix([[1, 0], [0, 2]])


def test_polar_needs_k_columns():
    with pytest.raises(InvalidArgumentError, match="full or thin"):
        polar(exactsvd.svd([[1, 2], [2, 4]], form="compact"))


def test_norm_condition_number_and_numerical_rank():
    golden = exactsvd.svd([[1, 1], [1, 0]])
    assert norm_2(golden) == Rational(1, 2) + sqrt(5) / 2
    assert condition_number(golden) == Rational(3, 2) + sqrt(5) / 2
    assert condition_number(exactsvd.svd([[3, 0], [4, 5]])) == 3
    assert condition_number(exactsvd.svd([[1, 2], [2, 4]])) == oo
    assert condition_number(exactsvd.svd([[1, 2, 3]])) == 1
    assert condition_number(exactsvd.svd([[0, 0]])) == oo
    assert norm_2(exactsvd.svd(Matrix(0, 3, []))) == 0 and condition_number(exactsvd.svd(Matrix(0, 3, []))) == 0
    small = exactsvd.svd([[1, 0, 0], [0, "1/1000", 0], [0, 0, 0]])
    tolerances = (0, Fraction(1, 1000), 1e-4, Rational(1, 100), 1, 2)
    assert [numerical_rank(small, tol) for tol in tolerances] == [2, 1, 2, 1, 0, 0]


@pytest.mark.parametrize("tol", [-1, "1/10", True, sqrt(-1), None])
def test_numerical_rank_refuses_a_bad_tolerance(tol):
    with pytest.raises(InvalidArgumentError, match="tol="):
        numerical_rank(exactsvd.svd([[1, 0], [0, 1]]), tol)


# ---- numeric results: the same functions, to the certified precision ----


def two_norm(M, dps):
    """``||M||_2`` of a SymPy matrix, with mpmath at *dps* digits."""
    ctx = mpmath.MPContext()
    ctx.dps = dps
    return ctx.svd_r(ctx.matrix([[ctx.mpf(str(e)) for e in row] for row in M.tolist()]), compute_uv=False)[0]


NUMERIC = [[[1, 2, 0], [0, 1, 1], [1, 0, 1]], [[1, 2, 1, 0], [2, 0, 1, 1]], [[1, 1], [2, 2], [0, 2]]]


@pytest.mark.parametrize("A", NUMERIC)
def test_eckart_young_numeric(A):
    """On a numeric result the identities hold within its certified error bounds."""
    dps = 40
    numeric, exact = exactsvd.svd(A, method="numeric", dps=dps), exactsvd.svd(A)
    s = [x.evalf(dps + 10) for x in exact.singular_values]
    bound = numeric.error_bound
    values = len(s) * bound.singular_values  # every value within the bound, so a root-sum-square too
    # ||A - A_k||_2 - s_(k+1) is at most the residual plus the departure of U and V from orthogonality
    norm = 2 * (bound.residual + s[0] * (bound.orthogonality_U + bound.orthogonality_V) + bound.singular_values)
    for k in range(len(s) + 1):
        best = truncate(numeric, k)
        target = s[k] if k < len(s) else 0
        assert abs(best.error_2 - target) <= bound.singular_values
        assert abs(best.error_frobenius - sqrt(sum(x**2 for x in s[k:]))) <= values
        assert abs(two_norm(exact.matrix - best.matrix, dps + 10) - target) <= norm
    assert two_norm(sum(terms(numeric), Matrix.zeros(*exact.matrix.shape)) - exact.matrix, dps + 10) <= norm
    inverse = pseudo_inverse(exact)
    assert two_norm(pseudo_inverse(numeric) - inverse, dps + 10) < 10 ** -(dps - 3) * max(1, two_norm(inverse, 20))


# ---- the float path ----


def test_float_svd_sign_rule_and_reconstruction():
    np = require("numpy")
    a = np.array([[3.0, 0], [4, 5], [-1, 2]])
    u, s, vt = float_svd(a)
    assert u.shape == (3, 2) and s.shape == (2,) and vt.shape == (2, 2)
    first = vt[np.arange(2), np.argmax(np.abs(vt) > 1e-8, axis=1)]
    assert (first > 0).all()
    assert np.allclose(reconstruct(u, s, vt, 2), a) and np.allclose(u.T @ u, np.eye(2))
    exact = [float(x) for x in exactsvd.singular_values([[3, 0], [4, 5], [-1, 2]])]
    assert np.allclose(s, exact)
    assert np.allclose(vt.T, np.array(exactsvd.svd([[3, 0], [4, 5], [-1, 2]]).V.evalf(), dtype=float))


def test_float_eckart_young():
    np = require("numpy")
    a = np.random.default_rng(1).standard_normal((30, 20))
    u, s, vt = float_svd(a)
    errors = [relative_error(a, reconstruct(u, s, vt, k)) for k in range(21)]
    assert np.allclose(errors, [eckart_young_error(s, k) for k in range(21)])
    assert all(x > y for x, y in zip(errors, errors[1:]))
    assert np.isclose(np.linalg.norm(a - reconstruct(u, s, vt, 5), 2), s[5])
    assert np.allclose(1 - energy(s)[:-1], np.array(errors[1:-1]) ** 2)


def test_float_helpers():
    np = require("numpy")
    assert compression_ratio((512, 512), 1) == 512 * 512 / 1025
    rgba = np.zeros((2, 3, 4))
    rgba[..., 1] = 1.0
    assert np.allclose(as_grey(rgba), 0.587)
    assert as_grey(np.full((2, 2), 65535, dtype=np.uint16)).max() == 1.0
    with pytest.raises(InvalidArgumentError, match="shape"):
        float_svd([1, 2, 3])
    with pytest.raises(InvalidArgumentError, match="shape"):
        as_grey(np.zeros((2, 2, 2)))


def test_import_needs_neither_numpy_nor_matplotlib():
    code = "import sys, exactsvd.applications, exactsvd.plot; print(sorted({'numpy', 'matplotlib'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=dict(os.environ))
    assert out.stdout.strip() == "[]"
