"""The exact symbolic path (issue 15): the core's own properties of generic SVDs of matrices with parameters.

The corpus of cases (tests/symbolic_cases.py, tests/test_symbolic.py) checks every case by substitution
through :func:`checker.check_symbolic_svd`; here: the forms, exact textbook answers, the order and its case
splits, complex parameters, refusals, ``subs``, random matrices with a parameter, the budgeted path.
"""

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Abs, Matrix, Ne, cos, diag, eye, sin, sqrt, symbols

import exactsvd
from checker import check_symbolic_svd

x, y, a = symbols("x y a", real=True)
p = symbols("p", positive=True)
t = symbols("t", real=True)
z = symbols("z", complex=True)

#: Matrices beyond the corpus: two parameters, a rank drop, algebraic constants, complex parameters.
CASES = [
    pytest.param(Matrix([[1, 1], [1, x]]), id="rank drop at x=1"),
    pytest.param(Matrix([[x, y], [0, 1]]), id="two parameters 2x2"),
    pytest.param(Matrix([[x, 1, 0], [1, x, 0], [0, 0, y]]), id="3x3 two parameters"),
    pytest.param(Matrix([[sqrt(2), x], [0, sqrt(2)]]), id="sqrt(2) constants"),
    pytest.param(Matrix([[1, x], [x, 1], [0, 1]]), id="3x2"),
    pytest.param(Matrix([[1, x, 2]]), id="1x3 left Gram"),
    pytest.param(Matrix([[x, 1, 1], [1, x, 1], [1, 1, x]]), id="repeated eigenvalue"),
    pytest.param(Matrix([[1, x, 0], [0, 1, x], [x, 0, 1]]), id="circulant"),
]


@pytest.mark.parametrize("A", CASES)
def test_generic_answer_by_substitution(A):
    r = exactsvd.svd(A)
    assert isinstance(r, exactsvd.SymbolicSVDResult)
    check_symbolic_svd(A, r)


@pytest.mark.parametrize("form", ["full", "thin", "compact"])
@pytest.mark.parametrize("A", [Matrix([[1, x], [x, 1], [0, 1]]), Matrix([[1, x, 2]]), Matrix([[x, 2 * x], [1, 2], [0, 0]])])
def test_forms(A, form):
    r = exactsvd.svd(A, form)
    m, n = A.shape
    k = {"full": None, "thin": min(m, n), "compact": r.rank}[form]
    assert r.U.shape == (m, k or m) and r.V.shape == (n, k or n)
    check_symbolic_svd(A, r, form=form)


def test_peer_answers():
    """The textbook answers of the peer cases, exactly."""
    assert exactsvd.svd(Matrix([[p + 1, 0], [0, 2 * p + 1]])).singular_values == (2 * p + 1, p + 1)
    assert exactsvd.svd(Matrix([[p, 0], [0, 2 * p]])).singular_values == (2 * p, p)
    r = exactsvd.svd(Matrix([[x]]))
    assert r.singular_values == (Abs(x),) and r.conditions == (Ne(x, 0),)
    r = exactsvd.svd(Matrix([[z]]))
    assert r.singular_values == (Abs(z),) and r.conditions == (Ne(z, 0),) and r.is_complex
    assert sympy.expand((r.U * r.S * r.Vh)[0, 0].subs(Abs(z) ** 2, z * sympy.conjugate(z))) == z
    rotation = Matrix([[cos(t), -sin(t)], [sin(t), cos(t)]])
    r = exactsvd.svd(rotation)
    assert r.S == eye(2) and r.V == eye(2) and r.U == rotation and r.conditions == ()
    assert exactsvd.singular_values(Matrix([[0, 1, 0], [0, x, 0], [-1, 0, 0]])) == (sqrt(x**2 + 1), 1, 0)


def test_singular_value_cases():
    cases = exactsvd.singular_values(diag(1, x, 5))
    assert isinstance(cases, exactsvd.SingularValueCases)
    for condition, ordered in cases.cases:
        for value in (-7, -3, 0, 2, 9):
            if condition is sympy.S.true or condition.subs(x, value) is sympy.S.true:
                numbers = [v.subs(x, value) for v in ordered]
                assert numbers == sorted(numbers, reverse=True), (condition, value, ordered)
    assert len(cases.cases) == 5
    two = exactsvd.singular_values(Matrix([[x, 0], [0, y]]))
    assert {tuple(v) for _, v in two.cases} == {(Abs(x), Abs(y)), (Abs(y), Abs(x))}


def test_order_decided_by_assumptions():
    assert exactsvd.singular_values(diag(1, p + 1, p**2 + 2)) == (p**2 + 2, p + 1, 1)


def test_degree_three_is_refused():
    with pytest.raises(exactsvd.SymbolicLimitError, match="degree 3 in lambda.*Substitute values"):
        exactsvd.svd(Matrix([[1, x, 0], [0, 1, 1], [1, 0, 2]]))


def test_subs_errors():
    r = exactsvd.svd(Matrix([[p, 1], [0, 1]]))
    with pytest.raises(exactsvd.ConditionError, match="assumption"):
        r.subs(p=-1)
    with pytest.raises(exactsvd.InvalidArgumentError, match="not a parameter"):
        r.subs(q=1)
    with pytest.raises(exactsvd.NotExactError):
        r.subs(p=0.5)
    assert r.subs({"p": 2}) == exactsvd.svd(Matrix([[2, 1], [0, 1]]))


def test_method_numeric_refused():
    with pytest.raises(exactsvd.InvalidArgumentError, match="subs"):
        exactsvd.svd(Matrix([[x, 1]]), method="numeric")


@st.composite
def _linear_matrices(draw):
    """2×2, 2×3 and 3×2 matrices with entries ``a + b x`` (a Gram matrix of size 2: factors of degree <= 2)."""
    m, n = draw(st.sampled_from([(2, 2), (2, 3), (3, 2)]))
    digits = st.integers(-2, 2)
    return Matrix(m, n, [draw(digits) + draw(digits) * x for _ in range(m * n)])


@settings(max_examples=6, deadline=None)
@given(_linear_matrices(), st.fractions(min_value=-4, max_value=4, max_denominator=5))
def test_random_matrices_with_a_parameter(A, value):
    """The proof holds, and at a value where the conditions hold the generic values are those of the values' SVD.

    (The full substitution check of the factors is the corpus's; nested radicals of random matrices at a
    point can be too large for ``exactsvd.check`` to read back as algebraic numbers.)
    """
    if not A.free_symbols:
        return
    r = exactsvd.svd(A)
    assert r.verify()
    point = {x: sympy.Rational(value.numerator, value.denominator)}
    if not all(c.subs(point) is sympy.S.true for c in r.conditions):
        with pytest.raises(exactsvd.ConditionError):
            r.subs(point)
        return
    X = sympy.Dummy("X")
    for generic, exact in zip(r.singular_values, r.subs(point).singular_values):
        assert sympy.minimal_polynomial(generic.subs(point) - exact, X) == X, (A, point, generic, exact)


def test_complex_parameters():
    r = exactsvd.svd(Matrix([[1, z], [0, 1]]))
    assert r.is_complex and r.verify() and r.conditions == (Ne(z, 0),)
    assert r.singular_values == (sqrt(Abs(z) ** 2 + 4) / 2 + Abs(z) / 2, sqrt(Abs(z) ** 2 + 4) / 2 - Abs(z) / 2)
    exact = r.subs(z=1 + 2 * sympy.I)
    assert exact.singular_values == exactsvd.svd(Matrix([[1, 1 + 2 * sympy.I], [0, 1]])).singular_values
    U, S, V = (M.subs(z, 1 + 2 * sympy.I) for M in r)
    assert exactsvd.check(Matrix([[1, 1 + 2 * sympy.I], [0, 1]]), U, S, V).ok
    r = exactsvd.svd(Matrix([[x, sympy.I], [0, 1]]))  # a real parameter with a complex constant
    assert r.is_complex and r.verify()
    assert r.subs(x=2).singular_values == exactsvd.svd(Matrix([[2, sympy.I], [0, 1]])).singular_values
    cases = exactsvd.singular_values(Matrix([[z, 0], [0, 2]]))
    assert {tuple(v) for _, v in cases.cases} == {(Abs(z), 2), (2, Abs(z))}


def test_budgeted_call_and_pickling():
    """Under ``timeout=`` the work runs in a worker: the result comes back whole (rings pickled), and proves."""
    import pickle

    r = exactsvd.svd("[[1, a], [0, 1]]", symbols="a", timeout=120)
    assert isinstance(r, exactsvd.SymbolicSVDResult) and r.verify() and r.conditions == (Ne(a, 0),)
    again = pickle.loads(pickle.dumps(r))
    assert again.U == r.U and again.verify()
    cases = exactsvd.singular_values("[[x, 0], [0, 5]]", symbols="x", timeout=120)
    assert isinstance(cases, exactsvd.SingularValueCases) and len(cases.cases) == 3
