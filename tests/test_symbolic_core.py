"""The exact symbolic path (issue 15): generic SVDs of matrices with parameters, their conditions, proofs, subs.

Every generic answer is checked by :func:`checker.check_symbolic_svd` at random rational values where the
conditions hold (exact singular values against ``exactsvd.svd`` of the substituted matrix, the identities at
50 digits), and by :func:`checker.check_condition_fails` at values where a condition fails.
"""

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Abs, Matrix, Ne, Rational, cos, diag, eye, sin, sqrt, symbols

import exactsvd
from checker import check_condition_fails, check_symbolic_svd

x, y, a = symbols("x y a", real=True)
p = symbols("p", positive=True)
t = symbols("t", real=True)
z = symbols("z", complex=True)

#: (matrix, values where the conditions hold, values where one fails)
CASES = [
    pytest.param(diag(1, x, 5), [{x: 2}, {x: Rational(-3, 2)}], [{x: 0}, {x: 7}, {x: Rational(1, 2)}], id="diag(1,x,5)"),
    pytest.param(Matrix([[cos(t), -sin(t)], [sin(t), cos(t)]]), [{t: sympy.pi / 3}, {t: -sympy.pi / 4}, {t: sympy.pi}], [], id="rotation"),
    pytest.param(Matrix([[1, a], [0, 1]]), [{a: 1}, {a: Rational(-2, 3)}], [{a: 0}], id="shear"),
    pytest.param(Matrix([[0, 1, 0], [0, x, 0], [-1, 0, 0]]), [{x: 0}, {x: 3}, {x: Rational(-1, 2)}], [], id="3x3 x"),
    pytest.param(Matrix([[x]]), [{x: Rational(-5, 2)}, {x: 4}], [{x: 0}], id="[[x]] real"),
    pytest.param(Matrix([[p + 1, 0], [0, 2 * p + 1]]), [{p: Rational(1, 3)}, {p: 4}], [], id="x+1, 2x+1 positive"),
    pytest.param(Matrix([[x, 0], [0, -5]]), [{x: 2}, {x: -3}], [{x: 0}, {x: 6}], id="[[x,0],[0,-5]]"),
    pytest.param(Matrix([[p, 0], [0, 2 * p]]), [{p: Rational(1, 7)}, {p: 3}], [], id="[[x,0],[0,2x]] positive"),
    pytest.param(Matrix([[1, 1], [1, x]]), [{x: 3}, {x: Rational(-1, 2)}], [{x: 1}], id="rank drop at x=1"),
    pytest.param(Matrix([[x, y], [0, 1]]), [{x: 2, y: Rational(1, 3)}], [{x: 0, y: 1}], id="two parameters 2x2"),
    pytest.param(Matrix([[x, 1, 0], [1, x, 0], [0, 0, y]]), [{x: 2, y: 2}, {x: Rational(5, 2), y: -3}], [{x: 1, y: 1}, {x: 3, y: 5}], id="3x3 two parameters"),
    pytest.param(Matrix([[1 / (p - 1), 0], [0, 1]]), [{p: 3}], [{p: 1}, {p: Rational(1, 2)}], id="rational entry"),
    pytest.param(Matrix([[sqrt(2), x], [0, sqrt(2)]]), [{x: 1}, {x: -2}], [{x: 0}], id="sqrt(2) constants"),
    pytest.param(Matrix([[1, x], [x, 1], [0, 1]]), [{x: 2}], [{x: 1}], id="3x2"),
    pytest.param(Matrix([[1, x, 2]]), [{x: Rational(2, 3)}, {x: 0}], [], id="1x3 left Gram"),
    pytest.param(Matrix([[x, 2 * x], [1, 2]]), [{x: 5}], [], id="rank 1"),
    pytest.param(Matrix([[x, 1, 1], [1, x, 1], [1, 1, x]]), [{x: 3}], [{x: 1}, {x: -3}], id="repeated eigenvalue"),
    pytest.param(Matrix([[1, x, 0], [0, 1, x], [x, 0, 1]]), [{x: 2}], [{x: -1}, {x: Rational(-1, 2)}], id="circulant"),
    pytest.param(Matrix([[z]]), [{z: 1 + 2 * sympy.I}, {z: -3}], [{z: 0}], id="[[x]] complex"),
    pytest.param(Matrix([[1, z], [0, 1]]), [{z: Rational(1, 2) - sympy.I}], [{z: 0}], id="complex shear"),
    pytest.param(Matrix([[z, 0], [0, 2]]), [{z: 3 * sympy.I}], [{z: sympy.I}, {z: 0}], id="complex diagonal"),
    pytest.param(Matrix([[x, sympy.I], [0, 1]]), [{x: 2}], [{x: 0}], id="real parameter, complex constant"),
]


@pytest.mark.parametrize("A, good, bad", CASES)
def test_generic_answer_and_conditions(A, good, bad):
    r = exactsvd.svd(A)
    assert isinstance(r, exactsvd.SymbolicSVDResult)
    for values in good:
        check_symbolic_svd(A, r, values)
    for values in bad:
        check_condition_fails(A, r, values)


@pytest.mark.parametrize("form", ["full", "thin", "compact"])
@pytest.mark.parametrize("A", [Matrix([[1, x], [x, 1], [0, 1]]), Matrix([[1, x, 2]]), Matrix([[x, 2 * x], [1, 2], [0, 0]])])
def test_forms(A, form):
    r = exactsvd.svd(A, form)
    m, n = A.shape
    k = {"full": None, "thin": min(m, n), "compact": r.rank}[form]
    assert r.U.shape == (m, k or m) and r.V.shape == (n, k or n)
    check_symbolic_svd(A, r, {x: 3})


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


@settings(max_examples=15, deadline=None)
@given(st.fractions(min_value=-5, max_value=5, max_denominator=7))
def test_substitution_random(value):
    A = Matrix([[1, x], [x, 1], [0, 1]])
    r = exactsvd.svd(A)
    values = {x: Rational(value.numerator, value.denominator)}
    if all(c.subs(values) is sympy.S.true for c in r.conditions):
        check_symbolic_svd(A, r, values)
    else:
        check_condition_fails(A, r, values)


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
