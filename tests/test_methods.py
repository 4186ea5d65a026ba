"""``svd(method=...)``: the numeric path and ``auto`` as users reach them, and the ``numeric`` command."""

import json
import random

import pytest
import sympy
from sympy import Matrix, sqrt

import exactsvd
from exactsvd.cli import main


def test_numeric_result_is_an_svdresult_with_certified_digits():
    r = exactsvd.svd([[3, 0], [4, 5]], method="numeric", dps=30)
    assert isinstance(r, exactsvd.SVDResult) and r.method == "numeric"
    assert r.digits == 30 and r.verify()
    for ours, exact in zip(r.singular_values, (3 * sqrt(5), sqrt(5))):
        assert abs(ours - exact) <= r.error_bound.singular_values
    U, S, V = r
    assert U.shape == S.shape == V.shape == (2, 2)
    assert max(abs(e) for e in (U * S * V.T - Matrix([[3, 0], [4, 5]]))) < sympy.Float("1e-29")


@pytest.mark.parametrize("form, shape", [("full", (3, 3)), ("thin", (3, 2)), ("compact", (3, 1))])
def test_numeric_forms(form, shape):
    r = exactsvd.svd([[1, -1], [-2, 2], [2, -2]], method="numeric", dps=20, form=form)
    assert r.U.shape == shape and r.rank == 1


def test_numeric_accepts_floats_as_their_decimals():
    r = exactsvd.svd([[0.1, 0.0], [0.0, 0.2]], method="numeric", dps=25)
    assert [sympy.nsimplify(s, rational=True) for s in r.singular_values] == [sympy.Rational(1, 5), sympy.Rational(1, 10)]


def test_auto_is_exact_for_small_matrices_and_says_why():
    r = exactsvd.svd([[1, 2, 1, 0], [2, 0, 1, 1]], method="auto")
    assert r.method == "exact" and r.note.startswith("exact:") and r.singular_values == (3, sqrt(3))


def test_auto_switches_to_numeric_for_floats_and_for_large_generic_matrices():
    assert exactsvd.svd([[0.5, 1], [2, 3]], method="auto").method == "numeric"
    rng = random.Random(5)
    # estimated at about 70 s exactly, while its numeric SVD takes well under a second, even without NumPy
    A = Matrix(12, 12, lambda i, j: rng.randint(-(10**60), 10**60))
    r = exactsvd.svd(A, method="auto", dps=20)
    assert r.method == "numeric" and "12×12 Gram matrix" in r.note and "budget" in r.note and r.digits == 20
    assert r.note.endswith(" s budget. The bound covers A exactly as given.")  # the reason, then the bound's note


def test_auto_follows_the_timeout():
    rng = random.Random(6)
    A = Matrix(8, 8, lambda i, j: rng.randint(-9, 9))
    assert exactsvd.svd(A, method="auto", timeout=0.001).method == "numeric"
    assert exactsvd.svd(A, method="auto", timeout=60).method == "exact"


def test_auto_keeps_the_numeric_fallback_its_time():
    """A budget that the numeric answer alone is estimated to need: no exact attempt, and the note says so."""
    from exactsvd import budget

    A = Matrix(4, 4, lambda i, j: (i + 1) * (j + 2) % 7)
    needed = budget.estimated_numeric_seconds(4, 4, 50)
    r = exactsvd.svd(A, method="auto", timeout=needed + budget.limits.AUTO_LEAST_EXACT / 2)
    assert r.method == "numeric" and "no time for an exact attempt" in r.note
    assert exactsvd.svd(A, method="auto", timeout=60).method == "exact"


@pytest.mark.parametrize("kwargs", [{"method": "fast"}, {"method": "numeric", "dps": 2}])
def test_bad_method_arguments(kwargs):
    with pytest.raises(exactsvd.InvalidArgumentError):
        exactsvd.svd([[1]], **kwargs)


def test_numeric_command(capsys):
    assert main(["numeric", "[[3, 0], [4, 5]]", "--dps", "25"]) == 0
    out = capsys.readouterr().out
    assert "25 certified digits" in out and "6.708203932499369089227521" in out
    assert "\nmethod: " in out and ". The bound covers A exactly as given.\n" in out  # two sentences
    assert main(["numeric", "[[3, 4]]", "--dps", "10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["digits"] == 10 and data["singular_values"] == ["5.000000000"]
    assert main(["numeric", "[[1]]", "--dps", "1"]) == 2
    assert "dps=1" in capsys.readouterr().err


@pytest.mark.parametrize(
    "A", [[[1, 1], [1, 0]], [[1, 2, 3], [4, 5, 6], [7, 8, 10]], "[[sqrt(2), 1], [0, 1]]", [[1, 2, 1, 0], [2, 0, 1, 1]]]
)
def test_evalf_of_an_exact_result_has_the_digits_it_promises(A):
    exact = exactsvd.svd(A)
    decimals = exact.evalf(25)
    assert decimals.method == "evalf" and decimals.digits == 25 and decimals.verify()
    for ours, truth in zip(list(decimals.U) + list(decimals.V) + list(decimals.singular_values),
                           list(exact.U) + list(exact.V) + list(exact.singular_values)):
        reference = sympy.N(truth, 60)
        assert abs(ours - reference) <= sympy.Float("1e-24") * max(abs(reference), sympy.Float("1e-60"))


def test_evalf_checks_its_argument_and_the_numeric_digits():
    with pytest.raises(exactsvd.InvalidArgumentError):
        exactsvd.svd([[1]]).evalf(0)
    numeric = exactsvd.svd([[1, 2], [3, 4]], method="numeric", dps=20)
    assert str(numeric.evalf(8).singular_values[0]) == "5.4649857"
    with pytest.raises(exactsvd.InvalidArgumentError, match="certified digits"):
        numeric.evalf(40)


def test_svdresult_application_methods():
    r = exactsvd.svd([[3, 0], [4, 5]])
    best = r.truncate(1)
    assert best.matrix == Matrix([[sympy.Rational(3, 2), sympy.Rational(3, 2)], [sympy.Rational(9, 2), sympy.Rational(9, 2)]])
    assert best.error_2 == sqrt(5) == exactsvd.low_rank([[3, 0], [4, 5]], 1).error_2
    assert sum(r.terms(), sympy.zeros(2, 2)) == Matrix([[3, 0], [4, 5]])
    assert r.pseudo_inverse() == Matrix([[3, 0], [4, 5]]).inv()
    Q, P = r.polar()
    assert sympy.simplify(Q * P - Matrix([[3, 0], [4, 5]])).is_zero_matrix
    assert r.norm_2() == 3 * sqrt(5) and r.condition_number() == 3 and r.numerical_rank(3) == 1
    assert [basis.shape for basis in r.fundamental_subspaces()] == [(2, 2), (2, 2), (2, 0), (2, 0)]
