"""NumPy arrays, pandas DataFrames and duck-typed objects as input: each gives the same exact SVD as the list.

NumPy and pandas are optional (the ``fast`` extra and the test environment install them; CI has both).
"""

import subprocess
import sys
from fractions import Fraction

import pytest
from hypothesis import given, settings
from sympy import I, Matrix, Rational, sqrt

import exactsvd
from checker import check_svd, random_rational_matrix
from exactsvd.errors import InvalidMatrixError, NotExactError, UnsupportedEntryError
from exactsvd.input import as_exact_matrix
from test_plots import require

BLOG = [[1, 2, 1, 0], [2, 0, 1, 1]]


@pytest.fixture(scope="module")
def np():
    return require("numpy")


@pytest.fixture(scope="module")
def pd():
    return require("pandas")


def same_svd_as_list(value, rows, **options):
    """``svd(value)`` equals ``svd(rows)`` (matrix, form and factors) and passes the shared checker."""
    r = exactsvd.svd(value, **options)
    check_svd(rows, r)
    assert r == exactsvd.svd(rows)
    return r


# ---------------------------------------------------------------- NumPy


@pytest.mark.parametrize("dtype", ["int8", "int64", "uint16"])
def test_integer_arrays_give_the_list_svd(np, dtype):
    same_svd_as_list(np.array(BLOG, dtype=dtype), BLOG)


def test_object_and_string_arrays_are_exact(np):
    rows = [[Fraction(1, 3), 2], ["sqrt(2)", Rational(1, 2)]]
    same_svd_as_list(np.array(rows, dtype=object), rows)
    text = [["1/3", "2"], ["sqrt(2)", "0.5"]]
    same_svd_as_list(np.array(text), [[Rational(1, 3), 2], [sqrt(2), Rational(1, 2)]])


@settings(max_examples=15, deadline=None)
@given(random_rational_matrix(max_rows=3, max_cols=3))
def test_object_arrays_of_fractions_round_trip(A):
    numpy = require("numpy")

    rows = [[Fraction(int(x.p), int(x.q)) for x in A.row(i)] for i in range(A.rows)]
    assert exactsvd.svd(numpy.array(rows, dtype=object).reshape(A.shape)) == exactsvd.svd(A)


@pytest.mark.parametrize("dtype", ["float64", "float32", "complex128"])
def test_float_arrays_are_refused_on_the_exact_path_with_both_ways_out(np, dtype):
    with pytest.raises(NotExactError) as info:
        exactsvd.svd(np.array([[0.5, 1], [2, 3]], dtype=dtype))
    message = str(info.value)
    assert dtype in message and "rationalize=True" in message and "method='numeric'" in message


def test_float_arrays_with_rationalize_read_the_printed_decimals(np):
    assert as_exact_matrix(np.array([[0.1, 2.5]]), rationalize=True) == Matrix([[Rational(1, 10), Rational(5, 2)]])
    # a float32 0.1 stores 0.100000001490116...; it is read as the 0.1 it prints as
    assert as_exact_matrix(np.array([[0.1]], dtype="float32"), rationalize=True) == Matrix([[Rational(1, 10)]])
    same_svd_as_list(np.array([[3.0, 0], [4, 5]]), [[3, 0], [4, 5]], rationalize=True)


def test_float_arrays_on_the_numeric_path(np):
    A = np.array([[1.5, 2.0], [3.0, 4.25]])
    r = exactsvd.svd(A, method="numeric", dps=30)
    expected = np.linalg.svd(A, compute_uv=False)
    assert r.method == "numeric" and max(abs(float(s) - e) for s, e in zip(r.singular_values, expected)) < 1e-12
    assert r.singular_values == exactsvd.svd([["1.5", 2], [3, "4.25"]], method="numeric", dps=30).singular_values


@pytest.mark.parametrize(
    "array, message",
    [
        ([1, 2, 3], "shape (3,)"),
        ([[[1]]], "shape (1, 1, 1)"),
        ([[True, False]], "booleans"),
        ([[float("nan")]], "not finite"),
    ],
)
def test_bad_arrays(np, array, message):
    with pytest.raises(InvalidMatrixError, match=message.replace("(", r"\(").replace(")", r"\)")):
        as_exact_matrix(np.array(array), rationalize=True)


# ---------------------------------------------------------------- pandas


def test_data_frames_give_the_list_svd(pd):
    frame = pd.DataFrame({"x": [1, 2], "y": [2, 0], "z": [1, 1], "w": [0, 1]}, index=["a", "b"])
    same_svd_as_list(frame, BLOG)


def test_data_frame_text_columns_are_read_exactly(pd):
    frame = pd.DataFrame({"p": ["1/3", "sqrt(2)"], "q": [1, 2]})
    assert as_exact_matrix(frame) == Matrix([[Rational(1, 3), 1], [sqrt(2), 2]])


@pytest.mark.parametrize(
    "columns, error, message",
    [
        ({"a": [1, 2], "name": ["alice", "bob"]}, UnsupportedEntryError, "column 'name' of the DataFrame is not numeric"),
        ({"a": [1, 2], "note": ["1", "?"]}, InvalidMatrixError, "column 'note' of the DataFrame is not numeric"),
        ({"a": [1, 2], "flag": [True, False]}, InvalidMatrixError, "column 'flag' of the DataFrame has dtype bool"),
        ({"a": [1, 2], "gap": [1, None]}, InvalidMatrixError, "column 'gap' of the DataFrame has a missing value in row 2"),
        ({"a": [1, 2], "w": [0.5, 1.5]}, NotExactError, "column 'w' of the DataFrame has dtype float64"),
    ],
)
def test_bad_data_frame_columns_are_named(pd, columns, error, message):
    with pytest.raises(error, match=message):
        exactsvd.svd(pd.DataFrame(columns))


def test_float_data_frames_with_rationalize_or_numerically(pd):
    frame = pd.DataFrame({"a": [3.0, 4.0], "b": [0.0, 5.0]})
    same_svd_as_list(frame, [[3, 0], [4, 5]], rationalize=True)
    assert [round(float(s) ** 2, 9) for s in exactsvd.svd(frame, method="numeric").singular_values] == [45.0, 5.0]


# ---------------------------------------------------------------- duck typing


class WithSympy:
    """Anything that can say what it is in SymPy."""

    def __init__(self, value):
        self.value = value

    def _sympy_(self):
        return self.value


class WithArray:
    """Only ``__array__``: read through numpy.asarray."""

    def __array__(self, dtype=None, copy=None):
        import numpy

        return numpy.array(BLOG, dtype=dtype)


class WithToList:
    def tolist(self):
        return BLOG


def test_duck_typed_matrices_and_entries(np):
    same_svd_as_list(WithSympy(Matrix(BLOG)), BLOG)
    same_svd_as_list(WithArray(), BLOG)
    same_svd_as_list(WithToList(), BLOG)
    assert as_exact_matrix([[WithSympy(sqrt(2)), 1]]) == Matrix([[sqrt(2), 1]])
    assert as_exact_matrix([[WithSympy(sqrt(-2))]]) == Matrix([[sqrt(2) * I]])


def test_importing_and_using_exactsvd_loads_no_optional_library():
    code = (
        "import sys, exactsvd; exactsvd.svd([[1, 2], [3, 4]]); exactsvd.svd('1 2'); "
        "print(sorted(m for m in ('numpy', 'pandas', 'sage') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_integers_and_fractions_of_other_libraries():
    flint = require("flint")
    same_svd_as_list(flint.fmpz_mat(BLOG), BLOG)
    assert as_exact_matrix(flint.fmpq_mat([[1, 2]]) / 3) == Matrix([[Rational(1, 3), Rational(2, 3)]])
    assert as_exact_matrix([[flint.fmpz(2), flint.fmpq(-1, 3)]]) == Matrix([[2, Rational(-1, 3)]])


def test_numpy_booleans_are_not_numbers(np):
    with pytest.raises(InvalidMatrixError, match="is not a number"):
        as_exact_matrix([[np.True_, 1]])


def test_unknown_objects_name_what_is_accepted():
    with pytest.raises(InvalidMatrixError, match="NumPy or Sage matrix, or a pandas DataFrame"):
        exactsvd.svd(object())
