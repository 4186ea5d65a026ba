"""The input layer for matrices with parameters: ``symbols=``, assumptions, what entries are read and refused."""

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import I, ImmutableMatrix, Rational, Symbol, cos, sin, sqrt

from exactsvd.errors import (
    InvalidArgumentError,
    MatrixParseError,
    NotExactError,
    UnsupportedEntryError,
)
from exactsvd.input import as_exact_matrix, parse_entry, parse_matrix_text
from exactsvd.input.parse import MAX_DEPTH, MAX_EXPONENT
from exactsvd.input.symbols import MAX_PARAMETER_DEGREE, MAX_PARAMETERS, declare_symbols, degree_bound

x, t = Symbol("x", real=True), Symbol("t", real=True)


def read(text, symbols="x"):
    return as_exact_matrix(text, symbols=symbols)


# -- declarations ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("symbols", ["x t", "x, t", " x ,t ", ("x", "t"), ["x", Symbol("t", real=True)], {"x": None, "t": ""}])
def test_plain_names_are_real_parameters(symbols):
    declared = declare_symbols(symbols)
    assert list(declared) == ["x", "t"]
    assert declared == {"x": x, "t": t}


@pytest.mark.parametrize(
    "symbols, facts",
    [
        ("x:positive", {"positive": True}),
        ("x : nonnegative", {"nonnegative": True, "real": True}),
        ("x:negative", {"negative": True}),
        ("x:nonpositive", {"nonpositive": True}),
        ("x:nonzero", {"zero": False, "real": True}),
        ("x:integer", {"integer": True, "real": True}),
        ("x:positive:integer", {"positive": True, "integer": True}),
        ({"x": "positive integer"}, {"positive": True, "integer": True}),
        ({"x": ("positive", "integer")}, {"positive": True, "integer": True}),
        ("x:complex", {"real": None, "complex": True}),
        ({"x": "complex nonzero"}, {"real": None, "zero": False}),
        ("x:real", {"real": True, "positive": None}),
    ],
)
def test_assumption_vocabulary(symbols, facts):
    (symbol,) = declare_symbols(symbols).values()
    for fact, value in facts.items():
        assert getattr(symbol, f"is_{fact}") is value, fact


def test_symbols_given_as_sympy_keep_their_assumptions():
    z = Symbol("z")
    declared = declare_symbols([z, Symbol("n", integer=True)])
    assert declared["z"] is z and declared["z"].is_real is None and declared["n"].is_integer
    assert declare_symbols(declared) == declared  # what it returns reads again
    assert declare_symbols(None) is None


@pytest.mark.parametrize(
    "symbols, words",
    [
        ("i", "'i' cannot be a parameter"),
        ("x j", "'j' cannot be a parameter"),
        ("I", "'I' cannot be a parameter"),
        ("e", "'e' cannot be a parameter"),
        ("E", "'E' cannot be a parameter"),
        ("pi", "'pi' cannot be a parameter"),
        ("Inf", "'Inf' cannot be a parameter"),
        ("sqrt", "'sqrt' cannot be a parameter"),
        ("sin", "'sin' cannot be a parameter"),
        ("CRootOf", "'CRootOf' cannot be a parameter"),
        ([Symbol("oo")], "'oo' cannot be a parameter"),
        (["2x"], "'2x' is not a name"),
        (["x-y"], "'x-y' is not a name"),
        ([""], "'' is not a name"),
        ("x:big", "'big' (for x) is not an assumption exactsvd knows. Use real, positive"),
        ("x:positive:negative", "contradict each other"),
        ("x:complex:positive", "declared complex and positive"),
        ("x x", "'x' is declared twice"),
        ({"x": 3}, "the assumptions of x are 3"),
        ({"x": Symbol("y")}, "is given for the name"),
        ([3], "3 is not a name"),
        (5, "symbols=5 is not a declaration of parameters"),
        ([Symbol("x", commutative=False)], "cannot be a parameter: use a commutative"),
        (" ".join(f"a{k}" for k in range(MAX_PARAMETERS + 1)), f"more than the limit of {MAX_PARAMETERS}"),
    ],
)
def test_bad_declarations(symbols, words):
    with pytest.raises(InvalidArgumentError) as info:
        as_exact_matrix("1", symbols=symbols)
    assert words in str(info.value)
    assert str(info.value).startswith("symbols")


# -- text with parameters ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, symbols, expected",
    [
        ("[[1, 0, 0], [0, x, 0], [0, 0, 5]]", "x", [[1, 0, 0], [0, x, 0], [0, 0, 5]]),
        ("[[x + 1, 0], [0, 2x + 1]]", "x", [[x + 1, 0], [0, 2 * x + 1]]),
        ("x 0; 0 -5", "x", [[x, 0], [0, -5]]),
        ("[[cos(t), -sin(t)], [sin(t), cos(t)]]", "t", [[cos(t), -sin(t)], [sin(t), cos(t)]]),
        ("[[1, a], [0, 1]]", "a", [[1, Symbol("a", real=True)], [0, 1]]),
        ("[[x^2 - 1, (x + 1)/(x - 1)]]", "x", [[x**2 - 1, (x + 1) / (x - 1)]]),
        ("[[sqrt(2)*x, 3√2x/2]]", "x", [[sqrt(2) * x, 3 * sqrt(2) * x / 2]]),
        ("[[x*t, x^-2]]", "x t", [[x * t, x**-2]]),
        ("[[2i*x, 1 + x*I]]", "x", [[2 * I * x, 1 + I * x]]),
        ("[[0.5x, 1e-1*x]]", "x", [[x / 2, x / 10]]),
        ("[[sin(t)^2 + cos(t)^2, 1]]", "t", [[sin(t) ** 2 + cos(t) ** 2, 1]]),
        ("[[CRootOf(x^3 - 3x + 1, 0), x]]", "x", [[sympy.CRootOf(x**3 - 3 * x + 1, 0), x]]),
        ("[[1, 2], [3, 4]]", "x", [[1, 2], [3, 4]]),
    ],
)
def test_text_with_parameters(text, symbols, expected):
    assert read(text, symbols) == ImmutableMatrix(expected)


def test_parameters_carry_their_assumptions():
    M = read("[[x, y]]", "x:positive y:complex")
    p, q = M
    assert p.is_positive and q.is_real is None and q.name == "y"
    assert read("[[x]]", {"x": "negative"})[0].is_negative


def test_sympy_evaluation_under_assumptions_is_kept():
    """abs(x) of a positive x is x, which is a polynomial; of a real x it is refused."""
    assert read("[[abs(x), sqrt(x^2)]]", "x:positive") == ImmutableMatrix([[Symbol("x", positive=True)] * 2])
    with pytest.raises(UnsupportedEntryError, match=r"Abs\(x\) is not supported"):
        read("[[abs(x)]]", "x")


def test_parse_functions_take_a_declaration():
    assert parse_entry("x/(x + 1)", symbols={"x": x}) == x / (x + 1)
    assert parse_matrix_text("x t", symbols={"x": x, "t": t}) == [[x, t]]


# -- refusals ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, symbols, error, words",
    [
        ("[[1, x]]", None, UnsupportedEntryError, "row 1, column 2: free symbol x: substitute a number, or allow "
                                                  "it as a parameter: symbols='x' (command line: --symbols x)"),
        ("[[x, y]]", "x", UnsupportedEntryError, "row 1, column 2: free symbol y: substitute a number, or add it "
                                                 "to the parameters (x): symbols='x y'"),
        ("[[sin(t)]]", None, UnsupportedEntryError, "free symbol t"),
        ("[[exp(x)]]", "x", UnsupportedEntryError, "exp(...) is not supported"),
        ("[[log(x)]]", "x", UnsupportedEntryError, "log(...) is not supported"),
        ("[[tan(x)]]", "x", UnsupportedEntryError, "tan(...) is not supported"),
        ("[[1, exp 2]]", "x", UnsupportedEntryError, "exp(...) is not supported"),
        ("[[sqrt(x)]]", "x", UnsupportedEntryError, "sqrt(x) is a fractional power of a parameter"),
        ("[[x^(1/2)]]", "x", UnsupportedEntryError, "sqrt(x) is a fractional power of a parameter"),
        ("[[cbrt(x + 1)]]", "x", UnsupportedEntryError, "is a fractional power of a parameter"),
        ("[[2^x]]", "x", UnsupportedEntryError, "the exponent x holds a parameter"),
        ("[[x^y]]", "x y", UnsupportedEntryError, "the exponent y holds a parameter"),
        ("[[sin(2t)]]", "t", UnsupportedEntryError, "sin of 2*t is not read: only sin and cos of a parameter itself"),
        ("[[cos(t^2)]]", "t", UnsupportedEntryError, "cos of t**2 is not read"),
        ("[[sin(z)]]", "z:complex", UnsupportedEntryError, "sin(z) needs a real parameter"),
        ("[[sin(1)]]", "t", UnsupportedEntryError, "sin(...) of a number is not supported"),
        ("[[sin t, 1]]", "t", MatrixParseError, "sin needs its argument in parentheses"),
        ("[[x(1 + x)]]", "x", MatrixParseError, "the parameter x is not a function"),
        ("[[2 x, 1]]", "x", MatrixParseError, "unexpected x"),
        ("[[pi*x]]", "x", UnsupportedEntryError, "pi is not algebraic"),
        ("[[x/(x - x)]]", "x", MatrixParseError, "division by zero"),
        ("[[1/((x + 1)^2 - x^2 - 2x - 1)]]", "x", UnsupportedEntryError, "which is 0 for every value of the parameters"),
        ("[[1/(sin(t)^2 + cos(t)^2 - 1)]]", "t", UnsupportedEntryError, "which is 0 for every value"),
        (f"[[x^{MAX_PARAMETER_DEGREE + 1}]]", "x", UnsupportedEntryError, "a numerator of degree up to 25"),
        ("[[(x + t)^13 * (x - 1)^12, 1]]", "x t", UnsupportedEntryError, "degree up to 25"),
        ("[[1/(x^5 + 1)^5]]", "x", UnsupportedEntryError, "a denominator of degree up to 25"),
        (f"[[x^{MAX_EXPONENT + 1}]]", "x", MatrixParseError, "numerator or denominator above"),
        ("[[(x^9000)^9000]]", "x", MatrixParseError, "too large"),
        ("[[" + "(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1) + "]]", "x", MatrixParseError, "nested more"),
    ],
)
def test_refused_entries_name_the_place_and_the_fix(text, symbols, error, words):
    with pytest.raises(error) as info:
        as_exact_matrix(text, symbols=symbols, name="B")
    message = str(info.value)
    assert message.startswith("B, row 1, column ")
    assert words in message, message


def test_floats_in_parametric_entries():
    with pytest.raises(NotExactError, match="contains a float"):
        as_exact_matrix([[sympy.Float(0.5) * x]])
    assert as_exact_matrix([[sympy.Float(0.5) * x]], rationalize=True)[0] == x / 2


# -- SymPy matrices bring their own symbols ------------------------------------------------------------------------


def test_sympy_matrices_bring_their_own_symbols():
    z, a = Symbol("z"), Symbol("a", positive=True)
    M = as_exact_matrix(sympy.Matrix([[z, a], [sqrt(2) * z / 3, 1 / (a + 1)]]))
    assert M == ImmutableMatrix([[z, a], [sqrt(2) * z / 3, 1 / (a + 1)]])
    assert as_exact_matrix([[z, "1/2"]])[0] is z  # lists of SymPy entries too


def test_declared_names_set_the_assumptions_of_sympy_symbols():
    plain = Symbol("x")
    M = as_exact_matrix(sympy.Matrix([[plain, 1], [0, plain**2]]), symbols={"x": "positive"})
    assert M.free_symbols == {Symbol("x", positive=True)}
    assert as_exact_matrix([[sin(plain)]], symbols="x")[0] == sin(x)


@pytest.mark.parametrize(
    "entries, words",
    [
        ([[sympy.exp(x)]], "exp(x) is not supported in an entry with parameters"),
        ([[sympy.conjugate(Symbol("z"))]], "conjugate(z) is not supported"),
        ([[sympy.Abs(x) + 1]], "Abs(x) is not supported"),
        ([[sympy.floor(x)]], "floor(x) is not supported"),
        ([[x**t]], "the exponent of x**t holds a parameter"),
        ([[x ** Rational(3, 2)]], "x**(3/2) is a fractional power of a parameter"),
        ([[sin(Symbol("t"))]], "sin(t) needs a real t"),
        ([[sin(x + 1)]], "is not sin or cos of a parameter itself"),
        ([[Symbol("i") + 1]], "'i' cannot be a parameter"),
        ([[Symbol("x"), x]], "two different symbols are named x (x without assumptions and x with"),
        ([[sum(Symbol(f"p{k}") for k in range(MAX_PARAMETERS + 1))]], f"more than the limit of {MAX_PARAMETERS}"),
    ],
)
def test_refused_sympy_entries(entries, words):
    with pytest.raises(UnsupportedEntryError) as info:
        as_exact_matrix(entries)
    assert words in str(info.value), str(info.value)


def test_degree_bound_is_an_upper_bound_without_expanding():
    assert degree_bound(x**3 * t / (x + 1) ** 2) == (4, 2)
    assert degree_bound(x + 1 / x) == (2, 1)
    assert degree_bound(sin(t) ** 2 + cos(t)) == (2, 0)
    assert degree_bound(sqrt(2)) == (0, 0)


# -- round trip: what SymPy prints of a rational function reads back -----------------------------------------------

small = st.integers(-9, 9)
monomial = st.tuples(small, st.integers(0, 3), st.integers(0, 2))


@st.composite
def rational_functions(draw):
    def polynomial(terms):
        return sum((Rational(c, 1 + abs(d)) * x**i * t**j for (c, i, j), d in terms), sympy.Integer(0))

    numerator = polynomial(draw(st.lists(st.tuples(monomial, small), min_size=1, max_size=4)))
    denominator = polynomial(draw(st.lists(st.tuples(monomial, small), min_size=1, max_size=3)))
    if denominator == 0:
        denominator = sympy.Integer(1)
    return numerator / denominator * draw(st.sampled_from([1, sqrt(2), I, sin(t), cos(t) + 1]))


@settings(max_examples=60, deadline=None)
@given(rational_functions())
def test_printed_rational_functions_read_back(entry):
    text = f"[[{sympy.sstr(entry)}, 1]]"
    (value, one) = read(text, "x t")
    assert one == 1 and sympy.cancel(value - entry) == 0
