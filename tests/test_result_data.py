"""The lazy exact result: entries one by one, the data API, thin/compact forms that build only what they keep.

Everything goes through the shared checker (:func:`checker.check_svd`) where a
whole SVD is judged; the data API is checked against exact identities of the
Gram matrix, independently of exactsvd's own certificate.
"""

from fractions import Fraction

import pytest
import sympy
from sympy import CRootOf, Matrix, Poly, Rational, Symbol, sqrt

import exactsvd
from exactsvd.errors import InvalidArgumentError
from exactsvd.result import columns as columns_module
from checker import check_svd

CUBIC = [[1, 1, 0], [0, 1, 1], [0, 0, 1]]
WIDE = [[1, 2, 0, 1], [0, 1, 1, 3]]               # m < n: the Gram matrix is A A^T
TALL_DEFICIENT = [[1, 1], [1, 1], [0, 2], [2, 0]]  # thin keeps one left-kernel column of two
X = Symbol("x")


def identity_stack(m=1000, n=66):
    """The m×n stack of n×n identities (NumPy's large-identity test shape)."""
    return [[int(i % n == j) for j in range(n)] for i in range(m)]


# ---------------------------------------------------------------------------- entries


@pytest.mark.parametrize("A", [[[3, 0], [4, 5]], CUBIC, WIDE, TALL_DEFICIENT, [[1, 2, 3], [4, 5, 6], [7, 8, 10]]])
@pytest.mark.parametrize("form", ["full", "thin", "compact"])
def test_entry_is_the_matrix_entry(A, form):
    r = exactsvd.svd(A, form=form)
    check_svd(A, r, form)
    for name, M in zip("USV", r):
        for i in range(M.rows):
            for j in range(M.cols):
                assert r.entry(name, i, j) == M[i, j], (name, i, j)


def test_numeric_results_have_entries_but_no_exact_data():
    r = exactsvd.svd([[1, 2], [3, 4]], method="numeric", dps=20)
    assert r.entry("S", 1, 0) == 0 and r.entry("U", 0, 1) == r.U[0, 1]
    with pytest.raises(InvalidArgumentError, match="no exact data"):
        r.singular_data
    with pytest.raises(InvalidArgumentError, match="no exact data"):
        r.column_data("U", 0)


@pytest.mark.parametrize("call, match", [
    (lambda r: r.entry("W", 0, 0), "not one of 'U', 'S', 'V'"),
    (lambda r: r.entry("U", 3, 0), "row 3 is outside U"),
    (lambda r: r.entry("V", 0, -1), "column -1 is outside V"),
    (lambda r: r.entry("V", 0, 1.0), "column 1.0 is outside V"),
    (lambda r: r.column_data("S", 0), "use 'U' or 'V'"),
    (lambda r: r.column_data("U", 2), "column 2 is outside U"),
])
def test_bad_entry_arguments_are_refused(call, match):
    r = exactsvd.svd([[3, 0], [4, 5]])
    with pytest.raises(InvalidArgumentError, match=match):
        call(r)


# ---------------------------------------------------------------------------- laziness


@pytest.fixture
def conversions(monkeypatch):
    """Count the entries of singular vectors converted to SymPy numbers."""
    count = []
    convert = columns_module.PairColumn._convert

    def counting(self, v):
        count.append(v)
        return convert(self, v)

    monkeypatch.setattr(columns_module.PairColumn, "_convert", counting)
    return count


def test_one_entry_converts_one_entry(conversions):
    r = exactsvd.svd(CUBIC)
    assert conversions == []                        # svd() itself builds no entry of U or V
    r.entry("V", 1, 2)
    assert len(conversions) == 1
    r.entry("V", 1, 2)
    assert len(conversions) == 1                    # cached
    r.singular_values, r.rank, r.singular_data
    assert len(conversions) == 1                    # the data API builds no entry either


def test_factors_reuse_the_converted_entries(conversions):
    r = exactsvd.svd(CUBIC)
    r.entry("U", 0, 0)
    U = r.U
    assert len(conversions) == 9                    # U's nine entries, the first one not twice
    assert r.U is U and r.entry("U", 2, 1) == U[2, 1]
    assert len(conversions) == 9
    r.V
    assert len(conversions) == 18


# ---------------------------------------------------------------------------- the data


def _modulo(factor):
    return lambda coefficients: Poly(list(reversed(coefficients)), X, domain=sympy.QQ).rem(factor.as_poly(X))


@pytest.mark.parametrize("A", [CUBIC, WIDE, [[2, 1, 1], [1, 3, 0], [0, 1, 4]], [[1, 2], [3, 4]], [[3, 0], [4, 5]]])
def test_singular_data_are_eigenpairs_of_the_gram_matrix(A):
    """theta is root number root_index of its minimal polynomial, inside the interval; G c(x) = x c(x) mod p."""
    r = exactsvd.svd(A)
    M = Matrix(A)
    right = M.cols <= M.rows
    G = M.T * M if right else M * M.T
    data = r.singular_data
    assert len(data) == r.rank and [d.index for d in data] == list(range(r.rank))
    for d in data:
        assert d.value == r.singular_values[d.index]
        assert sympy.expand(d.value**2 - d.eigenvalue) == 0 or d.eigenvalue.has(CRootOf)
        assert d.minimal_polynomial.monic() == d.minimal_polynomial
        assert sympy.minimal_polynomial(d.eigenvalue, X) == d.minimal_polynomial.as_expr(X)
        assert abs(sympy.N(CRootOf(d.minimal_polynomial.as_expr(X), d.root_index) - d.eigenvalue, 50)) < Rational(1, 10**45)
        lo, hi = d.interval
        assert lo <= sympy.N(d.eigenvalue, 50) <= hi and (lo == hi) == d.eigenvalue.is_Rational
        gram_side = d.v if right else d.u
        reduce = _modulo(d.factor.as_expr(X))
        c = [reduce(coefficients) for coefficients in gram_side.coordinates]
        for i in range(G.rows):
            lhs = sum((G[i, j] * c[j] for j in range(G.cols)), Poly(0, X, domain=sympy.QQ))
            assert (lhs - Poly(X, X) * c[i]).rem(d.factor.as_poly(X)).is_zero, f"row {i} of G c = x c fails"
        norm = sum((ci * ci for ci in c), Poly(0, X, domain=sympy.QQ)).rem(d.factor.as_poly(X))
        assert norm == reduce(gram_side.norm_squared)


@pytest.mark.parametrize("A, form", [(CUBIC, "full"), (WIDE, "full"), (TALL_DEFICIENT, "thin"), (TALL_DEFICIENT, "full")])
def test_column_data_rebuild_every_entry(A, form):
    """entry i of a column = coordinates[i](theta) / sqrt(norm_squared(theta)), at 50 digits."""
    r = exactsvd.svd(A, form=form)
    for name, M in (("U", r.U), ("V", r.V)):
        for j in range(M.cols):
            column = r.column_data(name, j)
            if column.singular_index is None:
                assert j >= r.rank and all(len(c) == 1 for c in column.coordinates)
                theta = 0
            else:
                assert column.singular_index == j
                theta = r.singular_data[j].eigenvalue

            def at(coefficients):
                return sum(c * theta**k for k, c in enumerate(coefficients))

            for i in range(M.rows):
                value = at(column.coordinates[i]) / sqrt(at(column.norm_squared))
                assert abs(sympy.N(value - M[i, j], 50)) < Rational(1, 10**45), (name, i, j)


def test_textbook_data():
    r = exactsvd.svd([[3, 0], [4, 5]])
    first, second = r.singular_data
    assert (first.value, first.eigenvalue, first.minimal_polynomial.as_expr(X)) == (3 * sqrt(5), 45, X - 45)
    assert first.interval == (45, 45) and first.root_index == 0 and first.multiplicity == 1
    assert second.eigenvalue == 5 and r.column_data("V", 1).singular_index == 1


# ---------------------------------------------------------------------------- large and ill-conditioned cases


def test_thin_of_a_1000_by_66_identity_stack():
    A = identity_stack()
    r = exactsvd.svd(A, form="thin")
    assert r.U.shape == (1000, 66) and r.rank == 66
    assert r.decomposition.left_kernel.vectors == () and r.decomposition.left_kernel.dimension == 934
    check_svd(A, r, "thin")
    assert set(r.singular_values) == {4, sqrt(15)}


def test_compact_builds_no_kernel_and_proves_its_identities():
    r = exactsvd.svd(TALL_DEFICIENT + [[1, 1]], form="compact")
    d = r.decomposition
    assert d.left_kernel.vectors == () == d.right_kernel.vectors
    assert d.left_kernel.dimension == 3 and r.U.shape == (5, 2)
    check_svd(TALL_DEFICIENT + [[1, 1]], r, "compact")


def test_full_svd_of_the_12_by_12_hilbert_matrix():
    """Verified exactly; checked against mpmath's SVD at 80 digits through certified decimals (55 digits).

    The shared checker's 50-digit numerical kernels cannot judge this matrix
    (its Gram matrix has condition number about 10^32), so the independent
    check here works at 80 digits on what the checker's rules compare.
    """
    import mpmath

    n = 12
    A = [[Fraction(1, i + j + 1) for j in range(n)] for i in range(n)]
    r = exactsvd.svd(A)
    assert r.verify() is True and r.rank == n
    (poly,) = {d.minimal_polynomial for d in r.singular_data}
    assert poly.degree() == n and sorted(d.root_index for d in r.singular_data) == list(range(n))
    with mpmath.workdps(80):
        reference = mpmath.svd_r(mpmath.matrix([[mpmath.mpf(1) / (i + j + 1) for j in range(n)] for i in range(n)]),
                                 compute_uv=False)
        decimals = r.evalf(55)
        for s, t in zip(decimals.singular_values, sorted(reference, reverse=True)):
            assert abs(mpmath.mpf(str(s)) - t) < mpmath.mpf(10) ** -50 * t
        U, S, V = (mpmath.matrix([[mpmath.mpf(str(x)) for x in M.row(i)] for i in range(M.rows)]) for M in decimals)
        H = mpmath.matrix([[mpmath.mpf(1) / (i + j + 1) for j in range(n)] for i in range(n)])
        for residual in (U.T * U - mpmath.eye(n), V.T * V - mpmath.eye(n), U * S * V.T - H):
            assert mpmath.mnorm(residual, 1) < mpmath.mpf(10) ** -50
        for j in range(n):  # rule 4 (the symmetric matrix has u_j = v_j), rule 3
            assert next(x for x in V.column(j) if abs(x) > mpmath.mpf(10) ** -50) > 0
            # dividing by s_j amplifies the 55-digit rounding of V by 1/s_j (s_12 is about 1e-16)
            assert mpmath.norm(H * V.column(j) / S[j, j] - U.column(j)) < mpmath.mpf(10) ** -50 / S[j, j]


def test_certified_decimals_of_a_root_of_a_polynomial_with_large_coefficients():
    """Interval Newton must not stall where p(m) cancels hundreds of bits (the roots of gen-30's Gram matrix)."""
    from mpmath import mpf

    from exactsvd.core.embedding import RealRoot
    from exactsvd.result.decimals import _root_interval

    x = Symbol("x")
    roots = [Rational(k * 10**12 + 1, 7) for k in range(1, 26)]
    poly = Poly(sympy.prod([x - r for r in roots]), x)
    target = roots[12]
    root = RealRoot(poly, (target - Rational(1, 10**9), target + Rational(1, 10**9)))
    enclosure = _root_interval(root, 120)
    lo, hi = (mpf(end) for end in enclosure._mpi_)
    assert lo <= target <= hi
    assert (hi - lo) * 2**120 <= abs(hi)
