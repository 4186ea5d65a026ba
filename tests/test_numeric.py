"""Tests of the arbitrary-precision numeric path, ``exactsvd.numeric.numeric_svd``.

Every check of accuracy is against a truth computed independently: exact
singular values, or the residual and orthogonality defects formed exactly from
the returned mpf values (each is exactly ``man * 2**exp``).
"""

import os
import subprocess
import sys
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from mpmath import mp
from sympy import Float, ImmutableMatrix, Matrix, Rational, sqrt

from exactsvd.errors import (
    InvalidArgumentError,
    InvalidMatrixError,
    NoConvergence,
    NonFiniteError,
    UnsupportedEntryError,
)
from cases import GOLUB_REINSCH, GOLUB_REINSCH_VALUES

from exactsvd.numeric import ErrorBound, NumericSVD, numeric_svd
from exactsvd.numeric import svd as svd_module
from exactsvd.numeric.fixedpoint import Kernel



@pytest.fixture(params=[False, True], ids=["mpmath", "refined"])
def fast(request):
    """Both engines; the refinement needs NumPy (the ``fast`` extra, installed in CI)."""
    if request.param:
        pytest.importorskip("numpy", reason="the fast path needs the 'fast' extra (NumPy)")
    return request.param


def exact(x):
    """The exact value of an mpf or a SymPy Float (``(-1)**sign * man * 2**exp``)."""
    sign, man, exp, _ = x._mpf_
    return (-1) ** sign * Fraction(man) * Fraction(2) ** exp


def exact_matrix(M):
    return [[exact(M[i, j]) for j in range(M.cols)] for i in range(M.rows)]


def check_certificate(A, r):
    """The returned factors satisfy their residual and orthogonality bounds, checked exactly (A rational or float)."""
    a = [[exact(x) if x.is_Float else Fraction(x.p, x.q) for x in row] for row in Matrix(A).tolist()]
    U, S, V = exact_matrix(r.U), exact_matrix(r.S), exact_matrix(r.V)
    m, n, k = r.U.rows, r.V.rows, min(r.S.rows, r.S.cols)
    residual = [[a[i][j] - sum(U[i][t] * S[t][t] * V[j][t] for t in range(k)) for j in range(n)] for i in range(m)]
    ctx = mpmath.MPContext()
    ctx.dps = 60
    R = ctx.matrix([[ctx.mpf(x.numerator) / x.denominator for x in row] for row in residual])
    assert ctx.svd_r(R, compute_uv=False)[0] <= r.error_bound.residual
    for Q, bound in ((U, r.error_bound.orthogonality_U), (V, r.error_bound.orthogonality_V)):
        cols = len(Q[0])
        defect = sum(
            (sum(Q[t][i] * Q[t][j] for t in range(len(Q))) - (i == j)) ** 2 for i in range(cols) for j in range(cols)
        )
        assert defect <= exact(bound) ** 2  # ||.||_2 <= ||.||_F


def check_values(r, truth, dps):
    """Each s_i is within the bound of the exact sigma_i, and the bound is tight (< 10**(10 - dps) s_1)."""
    bound = r.error_bound.singular_values
    with mp.workdps(2 * dps + 20):
        for s, sigma in zip(r.singular_values, truth):
            assert abs(s - mpmath.mpf(sympy.N(sigma, 2 * dps + 20))) <= bound
        assert bound <= mpmath.mpf(10) ** (10 - dps) * max(r.singular_values, default=1)


@pytest.mark.parametrize("dps", [15, 50, 120])
def test_textbook_2x2(fast, dps):
    r = numeric_svd(ImmutableMatrix([[3, 0], [4, 5]]), dps=dps, fast=fast)
    check_values(r, [3 * sqrt(5), sqrt(5)], dps)
    assert (r.rank, r.digits, r.dps) == (2, dps, dps)
    assert r.method == ("refined-float64" if fast else "mpmath")
    check_certificate([[3, 0], [4, 5]], r)


@pytest.mark.parametrize(
    "form, shapes",
    [
        ("full", ((8, 8), (8, 5), (5, 5))),
        ("thin", ((8, 5), (5, 5), (5, 5))),
        ("compact", ((8, 3), (3, 3), (5, 3))),
    ],
)
def test_golub_reinsch_forms(fast, form, shapes):
    r = numeric_svd(ImmutableMatrix(GOLUB_REINSCH), dps=40, form=form, fast=fast)
    assert tuple((M.rows, M.cols) for M in r) == shapes
    assert len(r.singular_values) == 5 and r.rank == 3 and r.digits == 40
    assert r.singular_values[3] == r.singular_values[4] == 0
    check_values(r, GOLUB_REINSCH_VALUES, 40)
    check_certificate(GOLUB_REINSCH, r)


def test_wide_matrix_is_the_transpose(fast):
    A = ImmutableMatrix(GOLUB_REINSCH).T
    r = numeric_svd(A, dps=30, fast=fast)
    assert (r.U.rows, r.S.rows, r.S.cols, r.V.rows) == (5, 5, 8, 8)
    check_values(r, GOLUB_REINSCH_VALUES, 30)
    check_certificate(A, r)


def test_canonical_signs_and_partners(fast):
    A = ImmutableMatrix(GOLUB_REINSCH)
    r = numeric_svd(A, dps=30, fast=fast)
    noise = mpmath.mpf(10) ** -15
    with mp.workdps(40):
        for i in range(5):
            first = next(x for x in r.V.column(i) if abs(x) > noise)
            assert first > 0
        for i in range(r.rank):
            Av = mpmath.matrix(A.tolist()) * r.V.column(i)
            assert mpmath.norm(Av - r.singular_values[i] * r.U.column(i)) < mpmath.mpf(10) ** -28
        for i in range(r.rank, 8):
            assert next(x for x in r.U.column(i) if abs(x) > noise) > 0


def test_matches_the_exact_path_on_kernels_and_repeated_values(fast):
    """Rule 5: the hand method's basis (free columns of the RREF, Gram–Schmidt, normalise, sign)."""
    q = Matrix([[Rational(3, 5), Rational(-4, 5), 0], [Rational(4, 5), Rational(3, 5), 0], [0, 0, 1]])
    A = ImmutableMatrix(q * sympy.diag(2, 1, 1) * q.T)  # s = 2, 1, 1
    r = numeric_svd(A, dps=30, fast=fast)
    check_values(r, [2, 1, 1], 30)
    # eigenspace of A^T A for 1: kernel of A^T A - I, hand basis then Gram-Schmidt
    basis = (A.T * A - sympy.eye(3)).nullspace()
    expected = [v / v.norm() for v in sympy.GramSchmidt(basis)]
    expected = [-v if next(x for x in v if x != 0) < 0 else v for v in expected]
    with mp.workdps(40):
        for k, v in enumerate(expected, start=1):
            for i in range(3):
                assert abs(r.V[i, k] - mpmath.mpf(sympy.N(v[i], 40))) < mpmath.mpf(10) ** -28
    # left kernel of a rank-1 3x2 matrix: [[1, 2], [2, 4], [3, 6]]
    B = ImmutableMatrix([[1, 2], [2, 4], [3, 6]])
    r = numeric_svd(B, dps=30, fast=fast)
    assert r.rank == 1
    kernel = [v / v.norm() for v in sympy.GramSchmidt(B.T.nullspace())]
    kernel = [-v if next(x for x in v if x != 0) < 0 else v for v in kernel]
    with mp.workdps(40):
        for k, v in enumerate(kernel, start=1):
            for i in range(3):
                assert abs(r.U[i, k] - mpmath.mpf(sympy.N(v[i], 40))) < mpmath.mpf(10) ** -28


def test_identity_gives_identity_factors(fast):
    r = numeric_svd(ImmutableMatrix(sympy.eye(4)), dps=20, fast=fast)
    assert r.U == mpmath.eye(4) and r.V == mpmath.eye(4) and r.S == mpmath.eye(4)
    assert r.error_bound.singular_values == 0 and r.digits == 20


def test_multiple_of_an_orthogonal_matrix(fast):
    """All singular values equal: V is the canonical basis of R^n (the identity), U = A / s."""
    h = Matrix([[1, 1], [1, -1]])
    H = ImmutableMatrix(sympy.kronecker_product(h, h, h))  # 8x8 Hadamard, s = sqrt(8) eight times
    r = numeric_svd(H, dps=30, fast=fast)
    assert r.rank == 8
    check_values(r, [sqrt(8)] * 8, 30)
    with mp.workdps(40):
        assert mpmath.mnorm(r.V - mpmath.eye(8), 1) < mpmath.mpf(10) ** -30
        assert mpmath.mnorm(r.U - mpmath.matrix(H.tolist()) / mpmath.sqrt(8), 1) < mpmath.mpf(10) ** -30


def test_wide_matrix_chooses_the_repeated_basis_on_the_left(fast):
    """Rule 2: for m < n the hand method works with A A^T, so U gets the canonical basis and V = A^T U / s."""
    q = Matrix([[Rational(3, 5), Rational(-4, 5), 0], [Rational(4, 5), Rational(3, 5), 0], [0, 0, 1]])
    A = ImmutableMatrix(2 * q[1:, :])  # 2x3, s = 2, 2
    r = numeric_svd(A, dps=30, fast=fast)
    with mp.workdps(40):
        assert mpmath.mnorm(r.U - mpmath.eye(2), 1) < mpmath.mpf(10) ** -30
        assert mpmath.mnorm(r.V[:, :2] - mpmath.matrix(A.T.tolist()) / 2, 1) < mpmath.mpf(10) ** -30


def test_ill_conditioned_hilbert_matrix(fast):
    """cond ~ 1e10: the refinement divides by small gaps and carries extra bits for it."""
    H = ImmutableMatrix(8, 8, lambda i, j: Rational(1, i + j + 1))
    r = numeric_svd(H, dps=30, fast=fast)
    assert r.method == ("refined-float64" if fast else "mpmath") and r.rank == 8 and r.digits == 30
    ctx = mpmath.MPContext()
    ctx.dps = 80
    reference = ctx.svd_r(
        ctx.matrix([[ctx.mpf(1) / (i + j + 1) for j in range(8)] for i in range(8)]), compute_uv=False
    )
    with mp.workdps(80):
        for s, sigma in zip(r.singular_values, reference):
            assert abs(s - mp.mpf(sigma)) <= r.error_bound.singular_values
    check_certificate(H, r)


def test_close_singular_values_are_resolved(fast):
    """sigma = 1 + 10**-12, 1 and 10**-20: beyond float64, resolved at 40 digits."""
    q1 = Matrix([[Rational(3, 5), Rational(-4, 5), 0], [Rational(4, 5), Rational(3, 5), 0], [0, 0, 1]])
    q2 = Matrix([[1, 0, 0], [0, Rational(5, 13), Rational(-12, 13)], [0, Rational(12, 13), Rational(5, 13)]])
    values = [1 + Rational(1, 10**12), 1, Rational(1, 10**20)]
    A = ImmutableMatrix(q1 * sympy.diag(*values) * q2.T)
    r = numeric_svd(A, dps=40, fast=fast)
    check_values(r, values, 40)
    assert r.rank == 3
    check_certificate(A, r)


def test_floats_and_scales(fast):
    A = ImmutableMatrix([[Float(0.1), Float(2.5)], [Float(-1e-3), Float(7)]])
    r = numeric_svd(A, dps=25, fast=fast)
    exact_a = Matrix(2, 2, [Rational(*Fraction(float(x)).as_integer_ratio()) for x in A])
    truth = [sqrt(e) for e in sorted((exact_a.T * exact_a).eigenvals(multiple=True), reverse=True)]
    check_values(r, truth, 25)
    big = numeric_svd(ImmutableMatrix([[3 * 10**300, 0], [4 * 10**300, 5 * 10**300]]), dps=20, fast=fast)
    check_values(big, [3 * sqrt(5) * 10**300, sqrt(5) * 10**300], 20)
    tiny = numeric_svd(
        ImmutableMatrix([[Rational(3, 10**300), 0], [Rational(4, 10**300), Rational(5, 10**300)]]), dps=20, fast=fast
    )
    check_values(tiny, [3 * sqrt(5) / 10**300, sqrt(5) / 10**300], 20)


@pytest.mark.parametrize(
    "rows",
    [
        [[-0.215593941505997, 2.21342144476199, -0.0740914549709687, 2567.95193601935, -3.78021629341228]],
        [[1, 3 * 10**-12, 0, 2 * 10**-30], [0, 10**-12, 1, 0], [10**-30, 0, 0, 1]],
    ],
    ids=["wide-floats", "mixed-scales"],
)
def test_kernel_bases_keep_full_accuracy(fast, rows):
    """Kernel vectors with tiny entries: choosing their canonical basis must not cost digits."""
    A = ImmutableMatrix([[Float(x) if isinstance(x, float) else Rational(x) for x in row] for row in rows])
    r = numeric_svd(A, dps=25, fast=fast)
    assert r.digits == 25
    check_certificate(A, r)


def test_irrational_entries(fast):
    A = ImmutableMatrix([[sqrt(2), 0], [0, sqrt(3)]])
    r = numeric_svd(A, dps=30, fast=fast)
    check_values(r, [sqrt(3), sqrt(2)], 30)
    assert "irrational" in r.note and "2" in r.note
    assert r.error_bound.singular_values > 0  # the evaluation error is counted


def test_unsimplified_zero_entry(fast):
    """evalf cannot resolve a zero written as radicals; its low precision enters the bound."""
    zero = (1 + sqrt(2)) ** 2 - 3 - 2 * sqrt(2)
    r = numeric_svd(ImmutableMatrix([[zero, 1], [0, 1]]), dps=20, fast=fast)
    check_values(r, [sqrt(2), 0], 20)
    assert r.rank == 1


@pytest.mark.parametrize("shape", [(0, 3), (3, 0), (0, 0)])
@pytest.mark.parametrize("form", ["full", "thin", "compact"])
def test_empty_matrices(shape, form):
    m, n = shape
    r = numeric_svd(ImmutableMatrix(m, n, []), dps=10, form=form)
    k = 0 if form != "full" else None
    assert (r.U.rows, r.U.cols) == (m, m if k is None else 0)
    assert (r.S.rows, r.S.cols) == ((m, n) if k is None else (0, 0))
    assert (r.V.rows, r.V.cols) == (n, n if k is None else 0)
    assert r.singular_values == () and r.rank == 0 and r.digits == 10
    if k is None:
        assert r.U == mpmath.eye(m) and r.V == mpmath.eye(n)


def test_zero_matrix(fast):
    r = numeric_svd(ImmutableMatrix(sympy.zeros(3, 2)), dps=10, form="compact", fast=fast)
    assert r.rank == 0 and r.singular_values == (0, 0) and (r.U.cols, r.V.cols) == (0, 0)
    assert r.error_bound == ErrorBound(0, 0, 0, 0)


ENGINES = [False] + ([True] if svd_module._numpy_available() else [])


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.sampled_from(ENGINES), st.data())
def test_random_integer_matrices_against_high_precision(m, n, fast, data):
    """Small entries make repeated and zero singular values common."""
    entries = data.draw(st.lists(st.sampled_from([-2, -1, 0, 0, 1, 1, 3]), min_size=m * n, max_size=m * n))
    A = ImmutableMatrix(m, n, entries)
    r = numeric_svd(A, dps=20, fast=fast)
    ctx = mpmath.MPContext()
    ctx.dps = 80
    reference = ctx.svd_r(ctx.matrix(A.tolist()), compute_uv=False)
    with mp.workdps(80):
        for s, sigma in zip(r.singular_values, reference):
            assert abs(s - mp.mpf(sigma)) <= r.error_bound.singular_values
    assert r.digits == 20
    check_certificate(A, r)


def test_both_engines_agree():
    pytest.importorskip("numpy", reason="the fast path needs the 'fast' extra (NumPy)")
    A = ImmutableMatrix([[1, 2, 3], [4, 5, 6], [7, 8, 10], [1, 0, 1]])
    a, b = numeric_svd(A, dps=30, fast=False), numeric_svd(A, dps=30, fast=True)
    tolerance = mpmath.mpf(10) ** -28
    with mp.workdps(40):
        for X, Y in zip(a, b):
            assert mpmath.mnorm(X - Y, 1) < tolerance


def test_flint_products_equal_python_products():
    pytest.importorskip("flint", reason="python-flint is part of the 'fast' extra")
    x = [[3**40, -(2**90)], [5, 7**30], [1, 0]]
    y = [[2**70, -1, 4], [3, 11**20, -(5**33)]]
    assert Kernel(use_flint=True).flint is not None
    assert Kernel(use_flint=True).matmul(x, y) == Kernel(use_flint=False).matmul(x, y)


def test_precision_is_scoped(fast):
    before = (mp.prec, mp.dps)
    numeric_svd(ImmutableMatrix([[1, 2], [3, 4]]), dps=60, fast=fast)
    assert (mp.prec, mp.dps) == before
    with mp.workdps(25):
        numeric_svd(ImmutableMatrix([[1, 2], [3, 4]]), dps=60, fast=fast)
        assert mp.dps == 25


def test_results_are_mpf_of_the_global_context():
    r = numeric_svd(ImmutableMatrix([[1, 2], [3, 4]]), dps=40)
    assert all(isinstance(x, mpmath.mpf) for x in r.singular_values + tuple(r.U) + tuple(r.V))
    assert isinstance(r, NumericSVD) and "rank=2" in repr(r)
    U, S, V = r
    with mp.workdps(40):
        assert mpmath.mnorm(U * S * V.T - mpmath.matrix([[1, 2], [3, 4]]), 1) < mpmath.mpf(10) ** -38


@pytest.mark.parametrize("dps", [4, 100_001, 50.5, "50", True, None])
def test_bad_dps(dps):
    with pytest.raises(InvalidArgumentError, match="dps"):
        numeric_svd(ImmutableMatrix([[1]]), dps=dps)


def test_bad_arguments():
    with pytest.raises(InvalidArgumentError, match="form"):
        numeric_svd(ImmutableMatrix([[1]]), form="economy")
    with pytest.raises(InvalidArgumentError, match="fast"):
        numeric_svd(ImmutableMatrix([[1]]), fast="yes")
    with pytest.raises(InvalidMatrixError):
        numeric_svd([[1, 2]])


@pytest.mark.parametrize("entry", [sympy.nan, sympy.oo, -sympy.oo, sympy.zoo, 1 / (sqrt(2) - sqrt(2))])
def test_non_finite_entries(entry):
    with pytest.raises(NonFiniteError, match=r"entry \(0, 1\)"):
        numeric_svd(ImmutableMatrix([[1, entry]]))


@pytest.mark.parametrize("entry", [sympy.Symbol("x"), 1 + sympy.I * sympy.Symbol("x")])
def test_unsupported_entries(entry):
    with pytest.raises(UnsupportedEntryError, match=r"entry \(0, 0\).*substitute the symbols"):
        numeric_svd(ImmutableMatrix([[entry, 1]]))


@pytest.mark.parametrize("entry", [sympy.nan, sympy.oo, sympy.zoo, sympy.I * sympy.oo])
def test_non_finite_entries_of_complex_matrices(entry):
    with pytest.raises(NonFiniteError, match=r"entry \(0, 1\)"):
        numeric_svd(ImmutableMatrix([[sympy.I, entry]]))


def test_mpmath_non_convergence_is_reported(monkeypatch):
    def never(*args, **kwargs):
        raise RuntimeError("svd: no convergence to an eigenvalue after 150 iterations")

    monkeypatch.setattr(mpmath.MPContext, "svd_r", never)
    with pytest.raises(NoConvergence, match=r"iterations.*larger dps"):
        numeric_svd(ImmutableMatrix([[1, 2], [3, 4]]), fast=False)


def test_refinement_failure_falls_back_to_mpmath(monkeypatch):
    pytest.importorskip("numpy", reason="the fast path needs the 'fast' extra (NumPy)")
    monkeypatch.setattr("exactsvd.numeric.refine.MAX_STEPS", 0)
    r = numeric_svd(ImmutableMatrix([[3, 0], [4, 5]]), dps=30, fast=True)
    assert r.method == "mpmath" and "did not converge" in r.note
    check_values(r, [3 * sqrt(5), sqrt(5)], 30)


def test_fast_without_numpy(monkeypatch):
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(InvalidArgumentError, match="NumPy"):
        numeric_svd(ImmutableMatrix([[1]]), fast=True)
    assert numeric_svd(ImmutableMatrix([[3, 0], [4, 5]]), dps=10).method == "mpmath"
    assert svd_module._numpy_available() is False


def test_import_needs_neither_numpy_nor_flint():
    code = "import sys, exactsvd.numeric; print(sorted({'numpy', 'flint'} & set(sys.modules)))"
    env = dict(os.environ, SYMPY_GROUND_TYPES="python")  # SymPy itself would load flint as its ground types
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=root)
    assert out.stdout.strip() == "[]"
