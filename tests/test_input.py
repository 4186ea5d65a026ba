"""Tests of the input layer: exactsvd.input (parsing and conversion)."""

import builtins
import math
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import CRootOf, ImmutableMatrix, Matrix, Rational, Symbol, sqrt

import exactsvd.input as inp
from exactsvd.errors import (
    ExactSVDError,
    InvalidMatrixError,
    MatrixParseError,
    NonFiniteError,
    NotExactError,
    UnsupportedEntryError,
    shorten,
)
from exactsvd.input import as_exact_matrix, parse_entry, parse_matrix_text
from exactsvd.input.parse import MAX_DEPTH, MAX_LENGTH

R = Rational
x = Symbol("x")


def test_public_names():
    assert set(inp.__all__) == {"as_exact_matrix", "parse_entry", "parse_matrix_text", "read_text_file",
                                "files_allowed", "MAX_FILE_BYTES", "NO_FILES_VARIABLE"}


# ---------------------------------------------------------------- matrix text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[[1, 2], [3, 4]]", [[1, 2], [3, 4]]),
        ("[[1,2],[3,4]]", [[1, 2], [3, 4]]),
        ("[[1, 2],\n [3, 4],]", [[1, 2], [3, 4]]),
        ("[[1 2] [3 4]]", [[1, 2], [3, 4]]),
        ("[1, 2; 3, 4]", [[1, 2], [3, 4]]),
        ("[1 2; 3 4]", [[1, 2], [3, 4]]),
        ("[1 2\n 3 4]", [[1, 2], [3, 4]]),
        ("1 2; 3 4", [[1, 2], [3, 4]]),
        ("1 2;3 4;", [[1, 2], [3, 4]]),
        ("1 2\n3 4", [[1, 2], [3, 4]]),
        ("1\t2\r\n3\t4\r\n", [[1, 2], [3, 4]]),
        ("1,2\n3,4", [[1, 2], [3, 4]]),
        ("1, 2\n\n3, 4\n", [[1, 2], [3, 4]]),
        ("  [1, 2, 3]  ", [[1, 2, 3]]),
        ("[[1], [2]]", [[1], [2]]),
        ("5", [[5]]),
        ("[[1, 2 / 3]]", [[1, R(2, 3)]]),
        ("1/3 2", [[R(1, 3), 2]]),
        ("1 -2", [[1, -2]]),
        ("(1 + 2) 3", [[3, 3]]),
        ("root(16, 4) 1", [[2, 1]]),
        ("[[0.96, -1/3], [sqrt(2), 2*sqrt(3)/5]]", [[R(24, 25), R(-1, 3)], [sqrt(2), 2 * sqrt(3) / 5]]),
        ("[√2, −1]", [[sqrt(2), -1]]),
    ],
)
def test_matrix_text_forms(text, expected):
    assert Matrix(parse_matrix_text(text)) == Matrix(expected)
    assert as_exact_matrix(text) == ImmutableMatrix(expected)


@pytest.mark.parametrize("text, shape", [("[]", (0, 0)), ("[[]]", (0, 0)), (" [ [ ] ] ", (0, 0)), ("[[], []]", (2, 0))])
def test_empty_text(text, shape):
    assert as_exact_matrix(text).shape == shape


def test_parse_matrix_text_returns_rows_of_sympy_numbers():
    rows = parse_matrix_text("1 2; 3 4")
    assert rows == [[1, 2], [3, 4]]
    assert all(isinstance(v, sympy.Integer) for row in rows for v in row)


# ---------------------------------------------------------------- entries


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0.96", R(24, 25)),
        ("-0.125", R(-1, 8)),
        ("1e-3", R(1, 1000)),
        ("2.5e2", 250),
        ("1.5E+2", 150),
        (".5", R(1, 2)),
        ("3.", 3),
        ("007", 7),
        ("0.1", R(1, 10)),
        ("1/3", R(1, 3)),
        ("-2", -2),
        ("+2", 2),
        ("--2", 2),
        ("-2^2", -4),
        ("(-2)^2", 4),
        ("2^3^2", 512),
        ("2**3", 8),
        ("2^-1", R(1, 2)),
        ("2*-3", -6),
        ("1/3*3", 1),
        ("1 - 2 - 3", -4),
        ("12/3/2", 2),
        ("(1+2)*3", 9),
        ("2^(1/3)", 2 ** R(1, 3)),
        ("4^(1/2)", 2),
        ("8^(-2/3)", R(1, 4)),
        ("sqrt(8)", 2 * sqrt(2)),
        ("sqrt(2)*sqrt(2)", 2),
        ("2*sqrt(3)/5", 2 * sqrt(3) / 5),
        ("1 + sqrt(3)", 1 + sqrt(3)),
        ("cbrt(27)", 3),
        ("cbrt(-8)", -2),
        ("cbrt(2)", 2 ** R(1, 3)),
        ("root(-32, 5)", -2),
        ("root(2, 1 + 1)", sqrt(2)),
        ("abs(-3/4)", R(3, 4)),
        ("abs(1 - sqrt(2))", sqrt(2) - 1),
        ("√2", sqrt(2)),
        ("√(8)", 2 * sqrt(2)),
        ("√√16", 2),
        ("2*√3", 2 * sqrt(3)),
        ("−1", -1),
        ("2^10000", 2**10000),
        ("1e4000", 10**4000),
        ("(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH, 1),
    ],
)
def test_entry_grammar(text, expected):
    value = parse_entry(text)
    assert value == expected
    assert isinstance(value, sympy.Expr)


def test_decimals_are_exact_not_floats():
    assert parse_entry("0.96") == R(24, 25)
    assert as_exact_matrix([["0.96"]])[0, 0] == R(24, 25)
    assert not as_exact_matrix("0.1 0.2 1e-20").atoms(sympy.Float)


def test_principal_root_with_exponent_is_complex():
    # (-8)^(1/3) is SymPy's principal root, 1 + sqrt(3)*I, accepted as a complex entry; cbrt(-8) is the real root.
    value = as_exact_matrix("(-8)^(1/3)")[0, 0]
    assert sympy.expand_complex(value) == 1 + sqrt(3) * sympy.I
    assert as_exact_matrix("cbrt(-8)")[0, 0] == -2


# ---------------------------------------------------------------- parse errors


def test_parse_error_names_argument_position_text_caret_and_fix():
    text = "[[1, 2], [3, 1/*4]]"
    with pytest.raises(MatrixParseError) as info:
        as_exact_matrix(text, name="M")
    message = str(info.value)
    first, shown, caret, fix = message.splitlines()
    assert first.startswith("M, row 2, column 2:")
    assert "'1/*4'" in first and "'*'" in first
    assert shown.strip() == text
    assert caret.index("^") == shown.index("*")
    assert "fractions such as 1/3" in fix


def test_caret_in_long_line_is_shown_near_the_error():
    text = ", ".join(["1"] * 300 + ["2/*3"] + ["1"] * 300)
    message = str(pytest.raises(MatrixParseError, parse_matrix_text, text).value)
    shown, caret = message.splitlines()[1:3]
    assert len(shown) < 90
    assert shown[caret.index("^")] == "*"


def test_caret_on_second_line():
    message = str(pytest.raises(MatrixParseError, parse_matrix_text, "1 2\n3 4)").value)
    first, shown, caret = message.splitlines()[:3]
    assert "row 2, column 2" in first
    assert shown.strip() == "3 4)"
    assert shown[caret.index("^")] == ")"


@pytest.mark.parametrize(
    "text, words",
    [
        ("1/0", "division by zero"),
        ("1/(1-1)", "division by zero"),
        ("0^-1", "division by zero"),
        ("1/*3", "unexpected '*'"),
        ("1+", "incomplete"),
        ("(1+2", "never closed"),
        ("1+2)", "unexpected ')'"),
        ("2(3)", "unexpected '('"),
        ("sqrt 2", "parentheses"),
        ("sqrt(2, 3)", "takes 1 argument"),
        ("root(2)", "takes 2 arguments"),
        ("root(2, 0)", "index of root"),
        ("root(2, 1/2)", "index of root"),
        ("foo(2)", "unknown function foo"),
        ("2^sqrt(2)", "not a rational number"),
        ("1.2.3", "unexpected '.3'"),
        ("1 $ 2", "'$'"),
        ("", "empty"),
        ("[1, 2", "never closed"),
        ("[[1, 2], [3]]", "row 2 has 1 entry but row 1 has 2 entries"),
        ("1 2\n3", "row 2 has 1 entry"),
        ("[1, 2]; [3, 4]", "after the closing ']'"),
        ("[[1, 2], 3]", "expected '[' to start row 2"),
        ("[[[1]]]", "too many brackets"),
        ("1,,2", "empty entry"),
        ("1, 2,", "empty entry"),
    ],
)
def test_parse_errors(text, words):
    with pytest.raises(MatrixParseError) as info:
        parse_matrix_text(text, name="B")
    assert str(info.value).startswith("B")
    assert words in str(info.value)
    assert isinstance(info.value, InvalidMatrixError)


def test_spaces_separate_entries_in_the_whitespace_form():
    with pytest.raises(MatrixParseError, match="spaces separate its entries") as info:
        parse_matrix_text("1 + 2")
    assert "row 1, column 2" in str(info.value)


def test_parse_entry_names_position():
    with pytest.raises(MatrixParseError, match=r"^C, row 3, column 1: cannot read entry '1/0'"):
        parse_entry("1/0", name="C", position=(2, 0))


def test_not_a_string():
    with pytest.raises(InvalidMatrixError, match="expected a string"):
        parse_matrix_text(12)


@pytest.mark.parametrize("text", ["pi", "Pi", "π", "E", "e", "2*pi", "pi(2)"])
def test_transcendental_names(text):
    with pytest.raises(UnsupportedEntryError, match="not algebraic"):
        parse_entry(text, name="A")


@pytest.mark.parametrize(
    "text, value",
    [
        ("I", sympy.I),
        ("i", sympy.I),
        ("j", sympy.I),
        ("1 + 2*I", 1 + 2 * sympy.I),
        ("2j", 2 * sympy.I),
        ("3-4i", 3 - 4 * sympy.I),
        ("1/2i", -sympy.I / 2),  # 2i is one atom, as in Python: 1/2j == -0.5j
        ("sqrt(-1)", sympy.I),
        ("sqrt(-2)", sqrt(2) * sympy.I),
        ("(1+i)/2", (1 + sympy.I) / 2),
        ("i^2", -1),
    ],
)
def test_imaginary_unit(text, value):
    assert sympy.expand(parse_entry(text) - value) == 0


def test_imaginary_unit_in_matrix_text():
    assert as_exact_matrix("1+2i 3; 4j -1") == ImmutableMatrix([[1 + 2 * sympy.I, 3], [4 * sympy.I, -1]])
    assert as_exact_matrix("[[0, 1], [i, 0]]") == ImmutableMatrix([[0, 1], [sympy.I, 0]])


@pytest.mark.parametrize("text", ["2 i", "ii", "I(2)", "2I2"])
def test_imaginary_unit_misuse(text):
    with pytest.raises(ExactSVDError):
        parse_entry(text)


@pytest.mark.parametrize("text", ["exp(I)", "pi*I", "log(2)", "sin(1)", "e^I"])
def test_transcendental_entries_are_named(text):
    with pytest.raises(UnsupportedEntryError) as info:
        parse_entry(text)
    assert text.split("(")[0].split("*")[0].split("^")[0] in str(info.value)


@pytest.mark.parametrize("text", ["x", "2*x", "2x", "alpha", "__import__"])
def test_free_symbols_in_text(text):
    with pytest.raises(UnsupportedEntryError, match="free symbol .*: substitute a number"):
        parse_entry(text)


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "Infinity", "oo", "1/oo"])
def test_non_finite_text(text):
    with pytest.raises(NonFiniteError):
        parse_entry(text)


def test_name_errors_carry_the_position():
    with pytest.raises(UnsupportedEntryError, match=r"^A, row 2, column 1: pi is not algebraic") as info:
        as_exact_matrix("1 2; pi 3")
    shown, caret = str(info.value).splitlines()[1:3]
    assert shown[caret.index("^") :].startswith("pi")


# ---------------------------------------------------------------- hostile text


def refused(function, text, error=ExactSVDError):
    """The message of our *error* for *text* (how fast it comes is measured in bench/budget.py, not here)."""
    with pytest.raises(error) as info:
        function(text)
    return str(info.value)


HOSTILE = [
    "__import__('os').system('x')",
    "().__class__.__bases__[0].__subclasses__()",
    "exec('1')",
    "lambda: 1",
    "import os",
    "9^9^9^9",
    "9**9**9**9",
    "2^2^2^2^2^2",
    "1e999999999",
    "1e-999999999",
    "1e" + "9" * 10000,
    "9" * 100_000,
    "3^10000",
    "(10^4000)^10000",
    "2^10000 * " * 2000 + "1",
    "1+" * 100_000 + "1",
    "7^4000, " * 100_000,
    "(" * 100_000 + "1" + ")" * 100_000,
    "(" * 100_000,
    "-" * 100_000 + "(" * 1000 + "1",
    "√" * 100_000 + "2",
    "2^" * 100_000 + "2",
    "[" * 100_000,
    "1" * (MAX_LENGTH + 1),
]


@pytest.mark.parametrize("text", HOSTILE, ids=[shorten(text, 30) for text in HOSTILE])
def test_hostile_text_is_refused(text):
    message = refused(as_exact_matrix, text)
    assert message.startswith("A")
    assert len(message) < 1000


def test_power_tower_error_is_clear():
    message = refused(parse_entry, "9^9^9^9", MatrixParseError)
    assert "exponent 387420489" in message and "10000" in message


def test_deep_nesting_error_is_clear():
    text = "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1)
    assert "nested more than" in refused(parse_entry, text, MatrixParseError)


def test_too_long_text():
    assert "1,000,000" in refused(parse_matrix_text, " " * (MAX_LENGTH + 1), MatrixParseError)


def test_parser_never_evaluates_text_as_code(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("eval/exec called")

    monkeypatch.setattr(builtins, "eval", refuse)
    monkeypatch.setattr(builtins, "exec", refuse)
    monkeypatch.setattr(sympy, "sympify", refuse)
    monkeypatch.setattr(sympy, "parse_expr", refuse)
    assert as_exact_matrix("[[1/3, sqrt(2)^2, root(-8, 3)], [0.5, 2^(1/3), abs(-1)]]")[0, 1] == 2


FORBIDDEN = [r"\beval\(", r"\bexec\(", r"sympify", r"parse_expr", r"\bS\(", r"__import__", r"(?<![.\w])compile\("]


def test_source_has_no_eval_or_sympify():
    folder = Path(inp.__file__).parent
    for path in folder.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for forbidden in FORBIDDEN:
            assert not re.search(forbidden, source), f"{path.name} contains {forbidden}"


# ---------------------------------------------------------------- conversion


def test_list_of_exact_entries():
    A = as_exact_matrix([[1, Fraction(1, 3), Decimal("0.96")], [R(-2, 7), "sqrt(8)", sqrt(3) + 1]])
    assert isinstance(A, ImmutableMatrix)
    assert A == ImmutableMatrix([[1, R(1, 3), R(24, 25)], [R(-2, 7), 2 * sqrt(2), 1 + sqrt(3)]])


def test_tuples_and_sympy_matrices():
    expected = ImmutableMatrix([[1, 2], [3, 4]])
    assert as_exact_matrix(((1, 2), (3, 4))) == expected
    mutable = Matrix([[1, 2], [3, 4]])
    result = as_exact_matrix(mutable)
    assert result == expected and isinstance(result, ImmutableMatrix)
    assert as_exact_matrix(expected) == expected


@pytest.mark.parametrize("shape", [(0, 0), (0, 3), (3, 0), (1, 0), (0, 1)])
def test_empty_sympy_matrices_keep_their_shape(shape):
    assert as_exact_matrix(Matrix.zeros(*shape)).shape == shape
    assert as_exact_matrix(ImmutableMatrix.zeros(*shape)).shape == shape


@pytest.mark.parametrize(
    "rows, shape", [([], (0, 0)), ((), (0, 0)), ([[]], (0, 0)), ([[], []], (2, 0)), ([(), ()], (2, 0))]
)
def test_empty_lists(rows, shape):
    assert as_exact_matrix(rows).shape == shape


@pytest.mark.parametrize(
    "entry",
    [
        sqrt(2),
        2 ** R(1, 3),
        1 + sqrt(3),
        CRootOf(x**3 - x - 1, 0),
        sympy.Integer(5),
        R(-3, 4),
        sympy.cos(sympy.pi / 5),
    ],
)
def test_algebraic_sympy_entries_are_kept(entry):
    assert as_exact_matrix([[entry]])[0, 0] == entry


def test_sympy_entries_are_not_simplified():
    entry = (1 + sqrt(2)) ** 2
    assert as_exact_matrix([[entry]])[0, 0] is entry


class TolistOnly:
    """Duck-typed array: what as_exact_matrix needs from NumPy, without NumPy."""

    def __init__(self, rows, shape):
        self.rows, self.shape = rows, shape

    def tolist(self):
        return self.rows


def test_objects_with_tolist():
    assert as_exact_matrix(TolistOnly([[1, 2]], (1, 2))) == ImmutableMatrix([[1, 2]])
    assert as_exact_matrix(TolistOnly([], (0, 3))).shape == (0, 3)
    assert as_exact_matrix(TolistOnly([[]], (1, 0))).shape == (1, 0)
    with pytest.raises(InvalidMatrixError, match="list of rows"):
        as_exact_matrix(TolistOnly([1, 2], (2,)))


def test_numpy_arrays():
    np = pytest.importorskip("numpy")
    assert as_exact_matrix(np.array([[1, 2], [3, 4]], dtype=np.int64)) == ImmutableMatrix([[1, 2], [3, 4]])
    assert as_exact_matrix(np.zeros((0, 3), dtype=int)).shape == (0, 3)
    assert as_exact_matrix(np.zeros((2, 0))).shape == (2, 0)
    with pytest.raises(NotExactError):
        as_exact_matrix(np.array([[0.5, 1.0]]))
    assert as_exact_matrix(np.array([[0.1, 1.0]]), rationalize=True) == ImmutableMatrix([[R(1, 10), 1]])
    assert as_exact_matrix([[np.float32(0.5), np.int8(3)]], rationalize=True) == ImmutableMatrix([[R(1, 2), 3]])
    with pytest.raises(NonFiniteError):
        as_exact_matrix(np.array([[np.nan]]), rationalize=True)
    with pytest.raises(InvalidMatrixError, match=r"shape \(3,\), but a matrix has 2 dimensions"):
        as_exact_matrix(np.array([1, 2, 3]))
    with pytest.raises(NotExactError, match="complex128 holds complex floating-point numbers"):
        as_exact_matrix(np.array([[1 + 2j]]))
    assert as_exact_matrix(np.array([[0.5 + 2j]]), rationalize=True) == ImmutableMatrix([[R(1, 2) + 2 * sympy.I]])


def test_floats_are_refused_without_rationalize():
    with pytest.raises(NotExactError) as info:
        as_exact_matrix([[1, 2], [3, 0.1]], name="M")
    message = str(info.value)
    assert message.startswith("M, row 2, column 2: 0.1 is a float")
    assert "rationalize=True" in message and "'0.1'" in message
    assert not isinstance(info.value, InvalidMatrixError)


def test_rationalize_reads_the_printed_decimal():
    A = as_exact_matrix([[0.1, 1e300, -2.5, 1 / 3, 2.0]], rationalize=True)
    assert A == ImmutableMatrix([[R(1, 10), 10**300, R(-5, 2), R(3333333333333333, 10**16), 2]])
    assert as_exact_matrix([[sympy.Float(0.5)]], rationalize=True)[0, 0] == R(1, 2)
    assert as_exact_matrix([[sympy.Float(0.1) * sqrt(2)]], rationalize=True)[0, 0] == sqrt(2) / 10


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("rationalize", [False, True])
def test_non_finite_floats(value, rationalize):
    with pytest.raises(NonFiniteError, match=r"^A, row 1, column 2"):
        as_exact_matrix([[1, value]], rationalize=rationalize)


@pytest.mark.parametrize(
    "entry, error, words",
    [
        (True, InvalidMatrixError, "is a bool"),
        (None, InvalidMatrixError, "not a number"),
        ([1], InvalidMatrixError, "not a number"),
        (Matrix([1]), InvalidMatrixError, "not a number"),
        (sympy.Eq(x, 1), InvalidMatrixError, "not a number"),
        (1j, NotExactError, "1j is a complex float, which is not exact"),
        (sympy.exp(sympy.I), UnsupportedEntryError, "exp(I) is not algebraic"),
        (sympy.pi * sympy.I, UnsupportedEntryError, "I*pi is not algebraic"),
        (Decimal("NaN"), NonFiniteError, "not finite"),
        (Decimal("-Infinity"), NonFiniteError, "not finite"),
        (Decimal("1E+999999999"), MatrixParseError, "too large"),
        (sympy.Float(0.5), NotExactError, "is a float"),
        (sympy.Float(0.5) * sqrt(2), NotExactError, "contains a float"),
        (sympy.nan, NonFiniteError, "not finite"),
        (sympy.oo, NonFiniteError, "not finite"),
        (-sympy.oo, NonFiniteError, "not finite"),
        (sympy.zoo, NonFiniteError, "not finite"),
        (1 + sympy.zoo, NonFiniteError, "not finite"),
        (sympy.exp(x), UnsupportedEntryError, "exp(x) is not supported in an entry with parameters"),
        (Symbol("i") + 1, UnsupportedEntryError, "'i' cannot be a parameter"),
        (sympy.pi, UnsupportedEntryError, "pi is not algebraic"),
        (sympy.E, UnsupportedEntryError, "E is not algebraic"),
        (sympy.exp(2), UnsupportedEntryError, "not algebraic"),
        (sympy.sin(1), UnsupportedEntryError, "not algebraic"),
        (sympy.Float(0.5) * sympy.I, NotExactError, "contains a float"),
        ("1/0", MatrixParseError, "division by zero"),
        ("x", UnsupportedEntryError, "free symbol x"),
    ],
)
def test_entry_errors_name_argument_position_value(entry, error, words):
    with pytest.raises(error) as info:
        as_exact_matrix([[1, 2], [3, entry]], name="B")
    message = str(info.value)
    assert message.startswith("B, row 2, column 2: ")
    assert words in message


def test_flat_list_is_refused():
    with pytest.raises(InvalidMatrixError, match=r"give a list of rows, e.g. \[\[1, 2, 3\]\]"):
        as_exact_matrix([1, 2, 3])


def test_ragged_rows():
    with pytest.raises(InvalidMatrixError, match="row 3 has 1 entry but row 1 has 2 entries") as info:
        as_exact_matrix([[1, 2], [3, 4], [5]], name="B")
    assert str(info.value).startswith("B: ")


@pytest.mark.parametrize("A", [5, 1.5, None, {"a": 1}, {1, 2}])
def test_not_a_matrix(A):
    with pytest.raises(InvalidMatrixError, match="^A: expected a matrix .a list of rows, a string, a SymPy, NumPy or Sage"):
        as_exact_matrix(A)


def test_errors_are_value_errors():
    with pytest.raises(ValueError):
        as_exact_matrix("1 2; 3")


# ---------------------------------------------------------------- round trips

fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=1000)
shapes = st.tuples(st.integers(1, 4), st.integers(1, 4))


@st.composite
def rational_matrices(draw):
    m, n = draw(shapes)
    return [[draw(fractions) for _ in range(n)] for _ in range(m)]


FORMATS = [
    lambda rows: "[" + ", ".join("[" + ", ".join(map(str, row)) + "]" for row in rows) + "]",
    lambda rows: "[" + "; ".join(", ".join(map(str, row)) for row in rows) + "]",
    lambda rows: "; ".join(" ".join(map(str, row)) for row in rows),
    lambda rows: "\n".join("\t".join(map(str, row)) for row in rows) + "\n",
    lambda rows: "\n".join(",".join(map(str, row)) for row in rows),
]


@settings(max_examples=60, deadline=None)
@given(rational_matrices(), st.sampled_from(FORMATS))
def test_rational_matrices_round_trip_through_text(rows, form):
    expected = ImmutableMatrix([[R(v.numerator, v.denominator) for v in row] for row in rows])
    assert as_exact_matrix(form(rows)) == expected
    assert as_exact_matrix(str(expected.tolist())) == expected
    assert as_exact_matrix([[str(v) for v in row] for row in rows]) == expected


@settings(max_examples=60, deadline=None)
@given(st.integers(-(10**30), 10**30), st.integers(-40, 40))
def test_decimal_strings_are_exact(mantissa, exponent):
    expected = R(mantissa) * R(10) ** exponent
    assert parse_entry(f"{mantissa}e{exponent}") == expected
    assert as_exact_matrix([[Decimal(f"{mantissa}E{exponent}")]])[0, 0] == expected


@settings(max_examples=60, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_rationalize_matches_repr(value):
    assert as_exact_matrix([[value]], rationalize=True)[0, 0] == Fraction(repr(value))
