"""Real-root isolation of eigenvalue polynomials: Descartes bisection (the pure path) and the flint path agree with SymPy."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Matrix, Poly, Rational, symbols

from exactsvd.core import isolation
from exactsvd.core.isolation import descartes_intervals, isolate_real_roots, refine_by_bisection

x = symbols("x")

entries = st.fractions(min_value=-6, max_value=6, max_denominator=50)


@st.composite
def gram_factors(draw):
    """The irreducible factors of the characteristic polynomial of ``B^T B`` (only real roots, square-free)."""
    rows, cols = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    B = Matrix(rows, cols, draw(st.lists(entries, min_size=rows * cols, max_size=rows * cols)))
    return [f for f, _ in Poly((B.T * B).charpoly(x).as_expr(), x).factor_list()[1]]


def _integers(poly):
    return [int(c) for c in reversed(poly.clear_denoms()[1].rep.to_list())]


def _holds(interval, root):
    lo, hi = interval
    return lo == hi == root if lo == hi else lo < root.evalf(60) < hi and lo != root and hi != root


@settings(max_examples=120, deadline=None)
@given(gram_factors())
def test_descartes_intervals_isolate_every_root(factors):
    for f in factors:
        found = descartes_intervals(_integers(f))
        roots = f.real_roots()
        assert len(found) == len(roots) == f.degree()
        assert all(_holds(i, r) for i, r in zip(found, roots))
        assert all(a[1] <= b[0] for a, b in zip(found, found[1:]))


@pytest.mark.parametrize(
    "coefficients",
    [
        [0, -1, 0, 1],  # x^3 - x: rational roots at 0 and at bisection points
        [0, 4, 0, -5, 0, 1],  # x (x^2 - 1)(x^2 - 4)
        [-6, 11, -6, 1],  # (x - 1)(x - 2)(x - 3)
        [2, -3, 1],  # (x - 1)(x - 2), the first midpoint is a root
    ],
)
def test_rational_roots_are_exact_and_no_interval_ends_at_a_root(coefficients):
    poly = Poly(list(reversed(coefficients)), x)
    found = descartes_intervals(coefficients)
    roots = poly.real_roots()
    assert [lo for lo, hi in found] == roots and all(lo == hi for lo, hi in found)


@pytest.fixture(params=["pure", "flint"])
def path(request, monkeypatch):
    """Run the isolation on the pure path (flint hidden) and, when SymPy runs on it, on the flint path."""
    if request.param == "pure":
        monkeypatch.setattr(isolation, "flint_module", lambda: None)
    elif isolation.flint_module() is None:
        pytest.skip("python-flint is not SymPy's ground types here (the pure path is tested)")
    return request.param


def test_tiny_roots_of_the_hilbert_matrix_are_isolated_on_both_paths(path):
    """The 12×12 Hilbert matrix: eigenvalues of its Gram matrix from about 10^-33 to 3 (SymPy's continued fractions crawl)."""
    n = 12
    H = Matrix(n, n, lambda i, j: Rational(1, i + j + 1))
    (f, _), = Poly((H.T * H).charpoly(x).as_expr(), x).factor_list()[1]
    found = isolate_real_roots([f], True)
    assert len(found) == n and all(owner == {0: 1} for _, owner in found)
    assert all(a[0][1] < b[0][0] for a, b in zip(found, found[1:]))
    # n disjoint intervals with a sign change of a degree-n polynomial: exactly one root each
    assert all(f.eval(lo) * f.eval(hi) < 0 for (lo, hi), _ in found)
    assert 0 <= found[0][0][0] and found[0][0][1] < Rational(1, 10**25)


def test_intervals_of_several_polynomials_are_disjoint_and_ascending(path):
    polys = [Poly(x**2 - 2, x), Poly(x - Rational(7, 5), x), Poly(x**3 - 3 * x + 1, x), Poly(x**2 - Rational(201, 100), x)]
    found = isolate_real_roots(polys, True)
    assert all(a[0][1] < b[0][0] for a, b in zip(found, found[1:]))
    for (lo, hi), owner in found:
        (i,) = owner
        assert any(_holds((lo, hi), r) for r in polys[i].real_roots())
    assert sorted(i for _, owner in found for i in owner) == [0, 0, 1, 2, 2, 2, 3, 3]


def test_refinement_keeps_the_root_and_shrinks_fourfold(path):
    f = Poly(x**3 - 3 * x + 1, x)
    (lo, hi), = [i for i, _ in isolate_real_roots([f], True) if i[0] > 1]
    for _ in range(30):
        new_lo, new_hi = refine_by_bisection(f, lo, hi)
        assert lo <= new_lo < new_hi <= hi and (new_hi - new_lo) * 4 <= hi - lo
        lo, hi = new_lo, new_hi
    assert lo < f.real_roots()[2].evalf(40) < hi and Fraction(int((hi - lo).q), 1) > 2**60
